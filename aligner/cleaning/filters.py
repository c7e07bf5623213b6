"""The named filters of the merged corpus. Each says whether it drops one bead; a chain runs
them in a fixed order and the first that drops a bead gets it counted.

Cheap filters run first and the duplicate filters last, so the copy of a sentence pair that is
kept is one that passed every other filter.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import UsageError
from ..records import SEVERITIES

# The kinds that say the two sides mean different things: what makes a bead bad training data.
# Translation QA kinds (terminology, typography...) describe style, not meaning.
MEANING_KINDS = ("figure", "commitment", "omission", "addition")


@dataclass(frozen=True)
class BeadView:
    """What a filter sees of one bead."""

    doc_id: str
    src_text: str
    tgt_text: str
    score: float
    flags: tuple  # of records.Flag
    src_lang: str
    tgt_lang: str


class OneSided:
    name, setting = "one_sided", ""

    def drops(self, bead: BeadView) -> bool:
        return not (bead.src_text.strip() and bead.tgt_text.strip())


@dataclass(frozen=True)
class MinLength:
    chars: int
    name = "min_length"

    @property
    def setting(self) -> str:
        return str(self.chars)

    def drops(self, bead: BeadView) -> bool:
        return min(len(bead.src_text), len(bead.tgt_text)) < self.chars


@dataclass(frozen=True)
class MaxLength:
    chars: int
    name = "max_length"

    @property
    def setting(self) -> str:
        return str(self.chars)

    def drops(self, bead: BeadView) -> bool:
        return max(len(bead.src_text), len(bead.tgt_text)) > self.chars


@dataclass(frozen=True)
class MaxLengthRatio:
    ratio: float
    name = "max_length_ratio"

    @property
    def setting(self) -> str:
        return f"{self.ratio:g}"

    def drops(self, bead: BeadView) -> bool:
        short, long = sorted((len(bead.src_text), len(bead.tgt_text)))
        return long > self.ratio * max(short, 1)


@dataclass(frozen=True)
class MinScore:
    score: float
    name = "min_score"

    @property
    def setting(self) -> str:
        return f"{self.score:g}"

    def drops(self, bead: BeadView) -> bool:
        return bead.score < self.score


@dataclass(frozen=True)
class DropFlagged:
    severity: str
    name = "drop_flagged"

    @property
    def setting(self) -> str:
        return self.severity

    def drops(self, bead: BeadView) -> bool:
        floor = SEVERITIES.index(self.severity)
        return any(f.kind in MEANING_KINDS and SEVERITIES.index(f.severity) >= floor
                   for f in bead.flags)


@dataclass(frozen=True)
class LanguageId:
    """A side clearly in another language than its own (cleaning.langid). Sides of fewer
    than `min_words` words (a name, a number, a short heading) are kept: on them the
    identifier guesses."""

    min_words: int = 4
    name = "lang_id"

    @property
    def setting(self) -> str:
        return f"sides of {self.min_words}+ words"

    def drops(self, bead: BeadView) -> bool:
        from .langid import other_language

        return any(len(_WORD.findall(text)) >= self.min_words and other_language(text, lang)
                   for text, lang in ((bead.src_text, bead.src_lang),
                                      (bead.tgt_text, bead.tgt_lang)))


_WORD = re.compile(r"[^\W\d_]{2,}")
_NOT_LETTER = re.compile(r"[^\w]+|[\d_]+")


def exact_key(text: str) -> str:
    """Case, Unicode forms and spacing do not make a sentence another one."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def near_key(text: str) -> str:
    """Nor do numbers, punctuation and accents: 'Article 5.' and 'article 6' are near
    duplicates (the numbered boilerplate of legal and UN texts)."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", exact_key(text))
                       if not unicodedata.combining(c))
    return " ".join(_NOT_LETTER.sub(" ", stripped).split())


class Duplicates:
    """A sentence pair seen before (both sides equal after `key`); one instance per pass."""

    def __init__(self, name: str, key):
        self.name, self.key, self.setting = name, key, ""
        self.seen: set[tuple[str, str]] = set()

    def drops(self, bead: BeadView) -> bool:
        pair = (self.key(bead.src_text), self.key(bead.tgt_text))
        if pair in self.seen:
            return True
        self.seen.add(pair)
        return False


@dataclass(frozen=True)
class FilterSpec:
    """The filters asked for; `chain()` builds fresh ones (the duplicate filters keep state)."""

    min_score: float | None = None
    max_length_ratio: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    lang_id: bool = False
    dedup: bool = False
    drop_flagged: str | None = None

    def __post_init__(self):
        if self.max_length_ratio is not None and self.max_length_ratio < 1:
            raise UsageError("--max-length-ratio must be at least 1 (longer side over shorter)")
        if self.drop_flagged is not None and self.drop_flagged not in SEVERITIES:
            raise UsageError(f"--drop-flagged must be one of {', '.join(SEVERITIES)}")
        for name in ("min_length", "max_length"):
            if getattr(self, name) is not None and getattr(self, name) < 0:
                raise UsageError(f"--{name.replace('_', '-')} must not be negative")
        if None not in (self.min_length, self.max_length) and self.min_length > self.max_length:
            raise UsageError("--min-length is above --max-length: every bead would be dropped")

    def chain(self) -> list:
        chain: list = [OneSided()]
        chain += [MinLength(self.min_length)] if self.min_length is not None else []
        chain += [MaxLength(self.max_length)] if self.max_length is not None else []
        chain += [MaxLengthRatio(self.max_length_ratio)] if self.max_length_ratio else []
        chain += [MinScore(self.min_score)] if self.min_score is not None else []
        chain += [DropFlagged(self.drop_flagged)] if self.drop_flagged else []
        chain += [LanguageId()] if self.lang_id else []
        if self.dedup:
            chain += [Duplicates("duplicate", exact_key), Duplicates("near_duplicate", near_key)]
        return chain

    def signature(self) -> dict:
        """The options as the dataset card records them."""
        return {name: value for name, value in self.__dict__.items()
                if value not in (None, False)}
