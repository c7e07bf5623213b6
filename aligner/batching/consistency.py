"""Consistency across a batch corpus: the same English sentence translated one way in one
pair and another way in a later pair (and the reverse: one Spanish sentence rendering two
different English ones), which no single pair's check can see.

Judged like the per-document consistency check (same normalisation, same minimum length);
only disagreements *between* pairs are listed here, since those within one pair are already
its own `consistency` flags. The first pair (in manifest order) that holds a sentence is the
reference. Written to DIR/consistency.csv and counted per pair in the summary's
`corpus_consistency` column.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..diverge.consistency import MIN_WORDS, rendered_otherwise
from ..records import Alignment
from ..write.atomic import atomic_outputs

CONSISTENCY = "consistency.csv"
COLUMNS = ("doc_id", "direction", "src_text", "tgt_text", "reference_doc_id",
           "reference_src_text", "reference_tgt_text")


@dataclass(frozen=True)
class Disagreement:
    doc_id: str
    direction: str  # "en->es": one English sentence, two Spanish; "es->en": the reverse
    src_text: str
    tgt_text: str
    reference_doc_id: str
    reference_src_text: str
    reference_tgt_text: str


def disagreements(documents: Iterable[tuple[str, Alignment]],
                  min_words: int = MIN_WORDS) -> Iterator[Disagreement]:
    """Beads whose rendering differs from the first other pair's rendering of the same
    sentence; documents in manifest order."""
    entries = ((doc_id, alignment.src_text(bead), alignment.tgt_text(bead))
               for doc_id, alignment in documents for bead in alignment.beads)
    for (doc_id, src, tgt), direction, reference in rendered_otherwise(entries, min_words):
        if reference[0] != doc_id:
            yield Disagreement(doc_id, direction, src, tgt, *reference)


def write_consistency(path: Path, found: Iterable[Disagreement]) -> pd.Series:
    """Write the list (atomically); return the number of disagreements per pair id."""
    frame = pd.DataFrame([d.__dict__ for d in found], columns=list(COLUMNS))
    with atomic_outputs([path]) as (stream,):
        frame.to_csv(stream, index=False, lineterminator="\n")
    return frame.groupby("doc_id").size()
