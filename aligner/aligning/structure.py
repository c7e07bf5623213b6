"""What the aligner knows of a document's layout: block ends, headings and list labels.

A translated document keeps its source's structure far more often than its sentence count:
headings answer headings, an item or paragraph ends where its counterpart ends, and "(a)",
"3." or "Article 5" open the same unit on both sides. The dynamic programme reads three
columns per sentence (see kernels.structure_cost):

    0  1.0 when the sentence is the last of its block (heading, paragraph, item)
    1  1.0 when the sentence is a heading
    2  a positive id of the label opening the sentence (same value = same id), 0 for none

Presegmented lines carry no layout (every line is its own "line" block), so a side made only
of them has no structure and neither side's is used: a 1-2 bead of a one-sentence-per-line
corpus must not look like it crosses a boundary.
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

# Label parsing belongs to the label check; its `opening_label` is a pure function of a text.
from ..diverge.labels import opening_label
from ..records import Segment

COLUMNS = 3


def structure_of(segments: Sequence[Segment]) -> np.ndarray | None:
    """The (n, 3) structure columns of one side, or None when it has no layout."""
    if not segments or all(s.kind == "line" for s in segments):
        return None
    out = np.zeros((len(segments), COLUMNS))
    for k, seg in enumerate(segments):
        out[k, 0] = float(k + 1 == len(segments) or segments[k + 1].block != seg.block)
        out[k, 1] = float(seg.kind == "heading")
        out[k, 2] = _label_id(seg.text)
    return out


def _label_id(text: str) -> float:
    label = opening_label(text)
    if label is None:
        return 0.0
    # crc32 is stable across processes (hash() of a str is salted), and ids stay exact in float64
    return float(zlib.crc32(f"{label.style}:{label.value}".encode("utf-8")) + 1)


def paired(src: np.ndarray | None, tgt: np.ndarray | None,
           n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Both sides' columns when both have structure, else no rows for either (the programme
    then skips every layout term)."""
    if src is None or tgt is None or len(src) != n or len(tgt) != m:
        return np.zeros((0, COLUMNS)), np.zeros((0, COLUMNS))
    return src, tgt
