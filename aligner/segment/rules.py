"""The thin layer around the library: spaces it must not break at and breaks it misses.

Protected spaces become a private-use character, which the library treats as part of a word,
so it cannot put a boundary there. Forced breaks cut the text into chunks before the library runs.
"""
from __future__ import annotations

import regex

from aligner.read.base import LABEL
from aligner.segment.prefixes import prefixes, starters

KEEP = "\ue000"
_SPACES = regex.compile(r"[ \t\r\n\f\v]+")
_LEADING_LABEL = regex.compile(rf"^({LABEL}) ")
_BRACKETED_ELLIPSIS = regex.compile(r"([\[(](?:\.{3}|…)[\])]) ")
_OPENERS = "\"'“‘«(¿¡"
_ELLIPSIS_BREAK = regex.compile(rf"(?<![\[(])…[\"'”’»)\]]* (?=[{_OPENERS}]*\p{{Lu}})")
_ABBREV_THEN_WORD = regex.compile(rf"(?:^|(?<= ))[{_OPENERS}]*(\S+?)\. (?=(\w+))")
_DOTTED_ACRONYM = regex.compile(r"^(?:\p{Lu}\.)+\p{Lu}$")
# Era markers end the year they follow; a capital after them starts a sentence ("1100 d. C. Durante").
_SPACED_ERA = regex.compile(r"\b[ad]\. (?:de )?C\.")
_ERA_BREAK = regex.compile(
    rf"\b(?:[ad]\.[ {KEEP}]?(?:de[ {KEEP}]?)?C\.|(?:A\.D|B\.C|B\.C\.E|C\.E)\.) (?=[{_OPENERS}]*\p{{Lu}})"
)


def normalize(text: str) -> str:
    """One plain space between words; other spaces (NBSP in '5 046') are kept as they are."""
    return _SPACES.sub(" ", text).strip()


def protect(text: str) -> str:
    """Glue a leading label ("1.", "(a)", "IV.") and bracketed elisions ("[...]") to the next word,
    and close up spaced era markers ("a. C.")."""
    text = _LEADING_LABEL.sub(lambda m: m.group(1) + KEEP, text, count=1)
    text = _SPACED_ERA.sub(lambda m: m.group(0).replace(" ", KEEP), text)
    return _BRACKETED_ELLIPSIS.sub(lambda m: m.group(1) + KEEP, text)


def restore(text: str) -> str:
    return text.replace(KEEP, " ")


def stand_in(text: str) -> str:
    """A private-use character absent from `text`, to carry the text's own KEEP characters
    through protect/restore (which would otherwise turn them into spaces)."""
    return next(chr(c) for c in range(ord(KEEP) + 1, 0xF8FF) if chr(c) not in text)


def forced_breaks(text: str, code: str) -> list[int]:
    """Offsets of spaces that end a sentence although the library would not break there."""
    cuts = [m.end() - 1 for rule in (_ELLIPSIS_BREAK, _ERA_BREAK) for m in rule.finditer(text)]
    terminal, opening = prefixes(code).terminal, starters(code)
    for m in _ABBREV_THEN_WORD.finditer(text, overlapped=True):
        word, nxt = m.group(1), m.group(2)
        if nxt in opening and (word in terminal or _DOTTED_ACRONYM.match(word)):
            cuts.append(m.end() - 1)
    return sorted(set(cuts))


def chunks(text: str, code: str) -> list[str]:
    """`text` cut at its forced breaks."""
    out, start = [], 0
    for cut in forced_breaks(text, code):
        out.append(text[start:cut])
        start = cut + 1
    out.append(text[start:])
    return [c.strip() for c in out if c.strip()]
