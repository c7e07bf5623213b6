"""Paragraph, list and article labels: the numbering that opens a sentence or an item.

"3. Each Party shall ..." rendered "5. Cada Parte ..." renumbers the paragraph: the figures
check ignores a leading "3." as a figure (it is no quantity of the text), so the labels are
compared here, by value and never by spelling: "(a)" = "a)", "1." = "1)" = "(1)",
"Article 5" = "Artículo 5", "Chapter II" = "CAPÍTULO II" = "Capítulo 2".

A label opens the text or follows the end of a sentence, as the segmenter leaves them
(corpora/README.md: labels stay at the start of their item). Markers inside a sentence ("shall:
(a) ...; (b) ...") are not compared: one language runs the list on after a colon or a comma
where the other starts it after a semicolon ("including (a) ...; (b) ..." = "entre ellas: a)
..., b) ..."), so the markers each side puts at an item's start are not the same ones. Labels
are paired in order within their style (numbers, letters, heading words), so a bead of several
items compares its labels one by one. A label on one side only says nothing: translations
drop or add numbering legitimately.
"""
from __future__ import annotations

import difflib
import re
import string
from dataclasses import dataclass

from ..records import Flag
from .numwords import roman_value

STYLES = ("number", "letter", "heading")


@dataclass(frozen=True)
class Label:
    """One label: its style, its value as compared ("3", "1.2", "a", "iv", "5bis"), its text
    as written and where it is."""

    style: str
    value: str
    text: str
    start: int
    end: int


# Where a sentence starts: the text's start, or after ". ", "? ", "! " (closing quotes and
# brackets allowed), then any opening quote.
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*\s+")
_OPENING_QUOTE = re.compile(r"[\"'“‘«]?")
# Every label holds a digit, a bracket, a period after a roman numeral or a heading word's number.
_GATE = re.compile(r"\d|\)|[IVXLC]\b")
# A period that ends an abbreviation ends no sentence: "(Larson, 1989, p. 109)", "No. 5".
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:p|pp|no|nos|nº|núm|n|art|arts|apdo|párr|para|paras|vol|cf|ed|eds|ch|sec|fig|figs|pág|págs|op|cit"
    r"|e\.g|i\.e|approx|aprox|ibid)\.$",
    re.IGNORECASE,
)
_NUMBER = r"\d{1,3}(?:\.\d{1,3})*"
# Two lower-case letters only doubled ("(aa)") or roman ("(iv)"): "(or)" opens no list.
_LETTER = "[ivxlc]{2,6}|" + "|".join(c * 2 for c in string.ascii_lowercase) + "|[a-z]|[A-Z]"
_PUNCTUATED = re.compile(
    rf"\((?P<pn>{_NUMBER})\)|(?P<dn>{_NUMBER})(?:\.(?!\d)|\))|\((?P<pl>{_LETTER})\)|(?P<dl>{_LETTER})\)"
    r"|(?P<roman>[IVXLC]{2,7})\."
)
# A number without its closing mark ("1.1 By 2030") is a label only before a capital: "1.5
# million" is a quantity.
_BARE_NUMBER = re.compile(r"(?P<bn>\d{1,3}(?:\.\d{1,3})+)(?=\s+[A-ZÁÉÍÓÚÑ¿¡])")
_HEADING_WORDS = (
    "article|artículo|art\\.|section|sección|rule|regla|chapter|capítulo|part|parte|title|título"
    "|annex|anexo|appendix|apéndice|book|libro|principle|principio|goal|objetivo|target|meta"
    "|recital|considerando|paragraph|párrafo|apartado"
)
# "Article 5" heads an item only when nothing of its sentence follows it, or a title does:
# "Article 5 shall apply" is a reference, "Article 5 Principles relating to ..." a heading.
_HEADING = re.compile(
    rf"(?P<word>{_HEADING_WORDS})\s+(?P<hv>\d{{1,3}}(?:\.\d{{1,3}})*[a-z]?|[IVXLC]{{1,7}}\b)(?:\s*(?P<latin>bis|ter|quater)\b)?"
    r"(?=\s*$|\s*[.:–—-]|\s+(?-i:[A-ZÁÉÍÓÚÑ¿¡\"“«]))",
    re.IGNORECASE,
)
_LATIN = {"bis": "a", "ter": "b", "quater": "c"}
_FOLLOWED = re.compile(r"\s|$")


def _heading_value(m: re.Match[str]) -> str:
    value = m.group("hv")
    if value.isalpha():  # "Chapter II" = "Capítulo 2"; the lookahead kept "Article a" out
        return str(roman_value(value))
    # "Article 5a" = "artículo 5 bis"
    return value.lower() + _LATIN.get((m.group("latin") or "").lower(), "")


def _label_at(text: str, at: int) -> Label | None:
    m = _HEADING.match(text, at)
    if m:
        return Label("heading", _heading_value(m), m.group(), m.start(), m.end())
    m = _PUNCTUATED.match(text, at) or _BARE_NUMBER.match(text, at)
    if not m or not _FOLLOWED.match(text, m.end()):
        return None
    groups = m.groupdict()
    number = groups.get("pn") or groups.get("dn") or groups.get("bn")
    if number:
        return Label("number", number, m.group(), m.start(), m.end())
    if groups.get("roman"):
        return Label("letter", groups["roman"].lower(), m.group(), m.start(), m.end())
    return Label("letter", (groups.get("pl") or groups.get("dl")).lower(), m.group(), m.start(), m.end())


def find_labels(text: str) -> list[Label]:
    """The labels opening the sentences and items of `text`, in order."""
    if not _GATE.search(text):
        return []
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)
                    if not _ABBREVIATION.search(text, max(0, m.start() - 12), m.start() + 1)]
    labels: list[Label] = []
    for start in starts:
        at = _OPENING_QUOTE.match(text, start).end()
        if labels and at < labels[-1].end:
            continue
        label = _label_at(text, at)
        if label is not None:
            labels.append(label)
    return labels


def pair_labels(src: list[Label], tgt: list[Label]) -> list[tuple[Label, Label]]:
    """Labels of the two sides that stand for each other: in order within a style, aligned
    on equal values where one side has labels the other lacks."""
    pairs: list[tuple[Label, Label]] = []
    for style in STYLES:
        a = [x for x in src if x.style == style]
        b = [x for x in tgt if x.style == style]
        if len(a) == len(b):
            pairs += zip(a, b)
            continue
        matcher = difflib.SequenceMatcher(None, [x.value for x in a], [x.value for x in b], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
                pairs += zip(a[i1:i2], b[j1:j2])
    return sorted(pairs, key=lambda p: p[0].start)


def label_flags(pairs: list[tuple[Label, Label]]) -> list[Flag]:
    """A medium figure flag for each pair of labels of different value."""
    return [Flag("figure", "medium", f"label differs: {a.text} vs {b.text}", a.text, b.text)
            for a, b in pairs if a.value != b.value]


def opening_label(text: str) -> Label | None:
    """The label opening `text` ("(a) ...", "3. ...", "Article 5"), if any."""
    if not _GATE.search(text):
        return None
    return _label_at(text, _OPENING_QUOTE.match(text).end())
