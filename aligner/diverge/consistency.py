"""CONSISTENCY (low): one English sentence translated two ways in one document, and two
different English sentences given the same Spanish.

Sentences are compared after Unicode and whitespace normalisation, case folding and without
final punctuation. Short ones (headings such as "Background", a one-word answer) repeat with
legitimately different renderings in context, so only sentences of MIN_WORDS words or more
count. The first occurrence is taken as the reference; each later one that differs is flagged
with the reference as evidence, so a reviewer sees both renderings side by side.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Flag
from .base import BeadText, Check, Context

MIN_WORDS = 4
_END = re.compile(r"[\s.!?;:…\"'”’»)\]]+$")


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _END.sub("", " ".join(text.split()))


@dataclass(frozen=True)
class ConsistencyCheck(Check):
    severity: str = "low"
    min_words: int = MIN_WORDS
    name: str = "consistency"

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        return []  # a lone bead is always consistent with itself

    def judge_document(self, beads: Sequence[BeadText], ctx: Context) -> list[list[Flag]]:
        out: list[list[Flag]] = [[] for _ in beads]
        first_tgt: dict[str, str] = {}  # normalised English -> Spanish of its first occurrence
        first_src: dict[str, str] = {}
        for n, bead in enumerate(beads):
            src, tgt = bead.src_text.strip(), bead.tgt_text.strip()
            if not src or not tgt:
                continue
            ks, kt = normal(src), normal(tgt)
            if len(ks.split()) >= self.min_words:
                seen = first_tgt.setdefault(ks, tgt)
                if normal(seen) != kt:
                    out[n].append(Flag("consistency", self.severity,
                                       "same English sentence translated differently earlier",
                                       src, seen))
            if len(kt.split()) >= self.min_words:
                seen = first_src.setdefault(kt, src)
                if normal(seen) != ks:
                    out[n].append(Flag("consistency", self.severity,
                                       "same Spanish sentence renders a different English sentence earlier",
                                       seen, tgt))
        return out
