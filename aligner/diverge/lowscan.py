"""Case-insensitive patterns run on lower-cased text, several at a time.

Python's regex engine scans several times faster without IGNORECASE, and one alternation of
several patterns scans a text once instead of once per pattern. The figures extraction runs a
dozen word patterns over every sentence; this module turns them into one lower-case scan.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from .cues import lower_same_length

__all__ = ["Scanner", "finditer", "lower_same_length", "lowered"]

_UPPER_ESCAPE = re.compile(r"\\[A-Z]")
_NAMED_GROUP = re.compile(r"\(\?p([<=])")


@functools.lru_cache(maxsize=None)
def lowered(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`pattern` for lower-cased text, or None when it cannot be: it is case-sensitive, or
    lower-casing its source would change an escape (\\S, \\D, \\W, \\B)."""
    if not pattern.flags & re.IGNORECASE or _UPPER_ESCAPE.search(pattern.pattern):
        return None
    # named groups keep their spelling: "(?P<" lower-cased is no syntax at all
    source = _NAMED_GROUP.sub(lambda m: "(?P" + m.group(1), pattern.pattern.lower())
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def finditer(pattern: re.Pattern[str], text: str, low: str) -> Iterator[re.Match[str]]:
    """Matches of `pattern` in `text`, found in `low` (= `lower_same_length(text)`) when the
    pattern allows; offsets are the same either way, group texts may be lower-cased."""
    low_pattern = lowered(pattern)
    return low_pattern.finditer(low) if low_pattern is not None else pattern.finditer(text)


class Scanner:
    """Matches of several patterns, in the order given where they start at the same place.

    Lowerable patterns share one alternation over the lower-cased text; each hit is matched
    again with its own pattern at the same offset, so handlers see that pattern's groups (in
    lower case). Other patterns run on their own over the original text, after the shared scan.

    `word_start`: the caller vouches that every pattern matches only where a word starts (they
    open with \b or a "no word character before" look-behind). The alternation then tests that
    once per position before trying any branch, which halves the scan time.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]], word_start: bool = False) -> None:
        self.patterns = tuple(patterns)
        self.low = {i: lowered(p) for i, p in enumerate(self.patterns) if lowered(p) is not None}
        guard = r"(?<!\w)(?=\w)" if word_start else ""
        self.combined = re.compile(guard + "(?:" + "|".join(f"(?P<g{i}>{p.pattern})" for i, p in self.low.items()) + ")") \
            if self.low else None
        self.rest = [i for i in range(len(self.patterns)) if i not in self.low]

    def matches(self, text: str, low: str) -> Iterator[tuple[int, re.Match[str]]]:
        """(pattern index, match) pairs; `low` is `lower_same_length(text)`."""
        if self.combined is not None:
            for m in self.combined.finditer(low):
                i = int(m.lastgroup[1:])
                yield i, self.low[i].match(low, m.start())
        for i in self.rest:
            for m in self.patterns[i].finditer(text):
                yield i, m
