"""Non-breaking prefix lists: the library's list for a language, edited by our own file."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import sentence_splitter
from sentence_splitter import SentenceSplitter

NUMERIC = "#NUMERIC_ONLY#"
TERMINAL = "#TERMINAL#"
FALLBACK = "en"
_LIBRARY_DIR = Path(sentence_splitter.__file__).parent / "non_breaking_prefixes"


@dataclass(frozen=True)
class Prefixes:
    """prefix -> numeric-only?, plus the abbreviations that may end a sentence."""

    entries: dict[str, bool]
    terminal: frozenset[str]

    def as_file_text(self) -> str:
        return "".join(f"{p} {NUMERIC if num else ''}\n" for p, num in self.entries.items())


def _clean(line: str) -> str:
    return line.split("#", 1)[0].strip()


def parse_library(text: str) -> dict[str, bool]:
    return {p: NUMERIC in line for line in text.splitlines() if (p := _clean(line))}


def apply_edits(base: dict[str, bool], text: str) -> Prefixes:
    """Apply our file: "-X" removes X, other lines add X (numeric-only or terminal as marked)."""
    entries = dict(base)
    terminal: set[str] = set()
    for line in text.splitlines():
        word = _clean(line)
        if not word:
            continue
        if word.startswith("-"):
            entries.pop(word[1:], None)
            continue
        entries[word] = NUMERIC in line
        if TERMINAL in line:
            terminal.add(word)
    return Prefixes(entries, frozenset(terminal))


def rules_language(lang: str) -> str:
    """The language whose rules we use: the library's own when it has them, else English."""
    code = lang.lower().replace("_", "-").split("-")[0]
    return code if len(code) == 2 and code.isalpha() and (_LIBRARY_DIR / f"{code}.txt").is_file() else FALLBACK


def _our_file(code: str) -> str:
    res = resources.files("aligner.segment") / f"nonbreaking_{code}.txt"
    return res.read_text(encoding="utf-8") if res.is_file() else ""


@lru_cache(maxsize=None)
def prefixes(code: str) -> Prefixes:
    base = parse_library((_LIBRARY_DIR / f"{code}.txt").read_text(encoding="utf-8"))
    return apply_edits(base, _our_file(code))


@lru_cache(maxsize=None)
def starters(code: str) -> frozenset[str]:
    """Words that open a sentence after an abbreviation that may end one (starters_<code>.txt)."""
    res = resources.files("aligner.segment") / f"starters_{code}.txt"
    if not res.is_file():
        return frozenset()
    return frozenset(w for line in res.read_text(encoding="utf-8").splitlines() if (w := _clean(line)))


@lru_cache(maxsize=None)
def splitter(code: str) -> SentenceSplitter:
    """A library splitter loaded with the edited list (the library only reads lists from files)."""
    fd, name = tempfile.mkstemp(suffix=".txt", prefix=f"nbp_{code}_")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(prefixes(code).as_file_text())
        return SentenceSplitter(language=code, non_breaking_prefix_file=name)
    finally:
        os.unlink(name)
