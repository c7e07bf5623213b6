"""One-to-one assignment: the best scoring candidate pairs first, each document used once.

Greedy on the sentence-level score, in O(candidates log candidates) and without a dense
documents-by-documents matrix (benchmarks/match.py compares it with scipy's optimal
assignment on the real sets). Ties go to
the higher document-level similarity, then to the first source and target in name order, so
a run is reproducible.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scored:
    src: int
    tgt: int
    score: float  # sentence level: what decides
    doc_score: float  # document level: what found the candidate


def assign(candidates: list[Scored], min_score: float) -> list[Scored]:
    """The pairs kept, in source order; none below `min_score`."""
    order = sorted(candidates, key=lambda c: (-c.score, -c.doc_score, c.src, c.tgt))
    used_src: set[int] = set()
    used_tgt: set[int] = set()
    kept = []
    for c in order:
        if c.score < min_score:
            break
        if c.src in used_src or c.tgt in used_tgt:
            continue
        used_src.add(c.src)
        used_tgt.add(c.tgt)
        kept.append(c)
    return sorted(kept, key=lambda c: c.src)
