"""Cleaning the merged corpus of `aligner batch`: named filters, each counted in filters.csv.

    spec = FilterSpec(min_score=0.5, lang_id=True, dedup=True)
    cleaned = clean(documents, spec)      # which beads stay, and what each filter dropped
    write_filter_log(out / "filters.csv", cleaned)

The filters decide once, on one pass over the documents; every corpus format is then written
from the same decision, so the formats hold the same beads. Per-pair files are never filtered.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..records import Alignment
from ..write.atomic import atomic_outputs
from .filters import BeadView, FilterSpec

LOG_COLUMNS = ("filter", "setting", "dropped", "remaining")


@dataclass(frozen=True)
class Cleaned:
    keep: dict[str, tuple[bool, ...]]  # doc id -> for each bead, whether it stays
    dropped: tuple[tuple[str, str, int], ...]  # (filter, setting, beads it dropped), in order
    beads: int  # beads before filtering, one-sided ones included
    scores: tuple[float, ...] = ()  # of the beads kept, in corpus order

    @property
    def kept(self) -> int:
        return self.beads - sum(n for _, _, n in self.dropped)


def views(doc_id: str, alignment: Alignment) -> list[BeadView]:
    return [BeadView(doc_id, alignment.src_text(b), alignment.tgt_text(b), float(b.score),
                     b.flags, alignment.src_lang, alignment.tgt_lang) for b in alignment.beads]


def clean(documents: Iterable[tuple[str, Alignment]], spec: FilterSpec) -> Cleaned:
    chain = spec.chain()
    counts = [0] * len(chain)
    keep: dict[str, tuple[bool, ...]] = {}
    scores: list[float] = []
    total = 0
    for doc_id, alignment in documents:
        marks = []
        for bead in views(doc_id, alignment):
            first = next((n for n, f in enumerate(chain) if f.drops(bead)), None)
            if first is None:
                scores.append(bead.score)
            else:
                counts[first] += 1
            marks.append(first is None)
        keep[doc_id] = tuple(marks)
        total += len(marks)
    dropped = tuple((f.name, f.setting, n) for f, n in zip(chain, counts))
    return Cleaned(keep, dropped, total, tuple(scores))


def write_filter_log(path: Path, cleaned: Cleaned) -> None:
    """filters.csv: the beads before filtering, then each filter in the order it ran with
    what it dropped and what remained after it."""
    remaining = cleaned.beads
    rows = [LOG_COLUMNS, ("(all beads)", "", 0, remaining)]
    for name, setting, n in cleaned.dropped:
        remaining -= n
        rows.append((name, setting, n, remaining))
    with atomic_outputs([path]) as (stream,):
        csv.writer(stream, lineterminator="\n").writerows(rows)


__all__ = ["Cleaned", "FilterSpec", "clean", "write_filter_log"]
