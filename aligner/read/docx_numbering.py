"""Word's automatic list numbers (word/numbering.xml) turned back into the labels a reader sees.

A numbered paragraph stores no label text: it names a list (w:numId) and a level (w:ilvl), and
the label comes from that level's format and template ("%1.", "(%2)", "Article %1"). Treaties
number articles and paragraphs this way, so without it the reviewer loses the anchors.

Simplification, on purpose: counters are kept per w:num (numId). Word counts per abstract list
when several w:num share one without overrides; documents that rely on that are rare, and the
per-numId rule never merges two separate lists. A deeper level restarts whenever a shallower
level of the same list advances (Word's default, w:lvlRestart is not read).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEVELS = 9
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(element: etree._Element | None, default: str = "") -> str:
    return element.get(_w("val"), default) if element is not None else default


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default


def _roman(n: int) -> str:
    if n <= 0:  # Roman numerals have no zero; Word shows the decimal instead
        return str(n)
    out = []
    for value, digits in _ROMAN:
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def _letter(n: int) -> str:
    """Word's letters: a..z, then aa..zz, aaa.. (the letter repeated, not base 26)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}
# Formats whose label is layout, not text: no label at all.
SILENT = {"bullet", "none"}


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1


def _level(lvl: etree._Element) -> Level:
    return Level(fmt=_val(lvl.find(_w("numFmt")), "decimal"),
                 text=_val(lvl.find(_w("lvlText"))),
                 start=_int(_val(lvl.find(_w("start")), "1"), 1))


def _levels(parent: etree._Element) -> dict[int, Level]:
    return {_int(lvl.get(_w("ilvl"), "0"), 0): _level(lvl) for lvl in parent.findall(_w("lvl"))}


def definitions(root: etree._Element) -> dict[str, dict[int, Level]]:
    """The levels of every list (numId), its abstract list's levels with the overrides applied."""
    abstract = {a.get(_w("abstractNumId"), ""): _levels(a) for a in root.iter(_w("abstractNum"))}
    out = {}
    for num in root.iter(_w("num")):
        levels = dict(abstract.get(_val(num.find(_w("abstractNumId"))), {}))
        for override in num.findall(_w("lvlOverride")):
            ilvl = _int(override.get(_w("ilvl"), "0"), 0)
            lvl = override.find(_w("lvl"))
            if lvl is not None:
                levels[ilvl] = _level(lvl)
            start = override.find(_w("startOverride"))
            if start is not None:
                base = levels.get(ilvl, Level())
                levels[ilvl] = replace(base, start=_int(_val(start), base.start))
        out[num.get(_w("numId"), "")] = levels
    return out


@dataclass
class Counter:
    """Walks the numbered paragraphs of one document in order and gives each its label."""

    lists: dict[str, dict[int, Level]]
    counts: dict[str, list[int | None]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.lists.get(num_id)
        if not levels or not 0 <= ilvl < LEVELS:
            return ""
        counts = self.counts.setdefault(num_id, [None] * LEVELS)
        level = levels.get(ilvl, Level())
        current = counts[ilvl]
        counts[ilvl] = level.start if current is None else current + 1
        counts[ilvl + 1:] = [None] * (LEVELS - ilvl - 1)
        if level.fmt in SILENT:
            return ""
        return self._fill(level.text, levels, counts).strip()

    @staticmethod
    def _fill(template: str, levels: dict[int, Level], counts: list[int | None]) -> str:
        """Replace each %1..%9 with that level's count in that level's own format."""
        out, i = [], 0
        while i < len(template):
            if template[i] == "%" and i + 1 < len(template) and template[i + 1] in "123456789":
                n = int(template[i + 1]) - 1
                level = levels.get(n, Level())
                count = counts[n] if counts[n] is not None else level.start
                out.append(FORMATS.get(level.fmt, str)(count))
                i += 2
            else:
                out.append(template[i])
                i += 1
        return "".join(out)
