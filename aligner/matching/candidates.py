"""The cheap step: a vector per document and, for each document, its few most similar
documents on the other side.

A document's vector is the mean of its sentence embeddings weighted by sentence length (a
heading counts less than a paragraph), minus the mean vector of its side: every document of a
side shares a language and often a genre, and that common part says nothing about which
document it is. Similarities are matrix products over blocks of rows, keeping only the top
few per row, so memory grows with the number of documents, not with its square.
"""
from __future__ import annotations

import numpy as np

BLOCK_ROWS = 1024


def document_vectors(docs: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """One unit row per (sentence vectors, sentence lengths), centred on the side's mean."""
    if not docs:
        return np.zeros((0, 0), dtype=np.float32)
    rows = np.stack([(lengths[:, None] * vectors).sum(0) / max(lengths.sum(), 1.0)
                     for vectors, lengths in docs]).astype(np.float32)
    return _unit(_unit(rows) - _unit(rows).mean(0)) if len(rows) > 1 else _unit(rows)


def _unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)


def top_candidates(src: np.ndarray, tgt: np.ndarray, k: int) -> set[tuple[int, int]]:
    """(i, j) pairs where j is among the k most similar targets of source i, or i among the
    k most similar sources of target j."""
    pairs = {(i, j) for i, j in _top_per_row(src, tgt, k)}
    pairs |= {(i, j) for j, i in _top_per_row(tgt, src, k)}
    return pairs


def _top_per_row(a: np.ndarray, b: np.ndarray, k: int):
    """(row, column) of the k largest entries of each row of a @ b.T, block by block; ties go
    to the lower column, so the result does not depend on the block size."""
    k = min(k, len(b))
    if k == 0:
        return
    for start in range(0, len(a), BLOCK_ROWS):
        sims = a[start:start + BLOCK_ROWS] @ b.T
        # a stable sort of the negated scores puts equal scores in column order
        best = np.argsort(-sims, axis=1, kind="stable")[:, :k] if k * 4 >= len(b) else \
            _partial_top(sims, k)
        for offset, columns in enumerate(best):
            for j in columns:
                yield start + offset, int(j)


def _partial_top(sims: np.ndarray, k: int) -> np.ndarray:
    """The k best columns per row without sorting every row: argpartition, then the ties at
    the k-th score resolved by column order."""
    kth = -np.partition(-sims, k - 1, axis=1)[:, k - 1:k]
    out = np.empty((len(sims), k), dtype=np.int64)
    for r, row in enumerate(sims):
        above = np.flatnonzero(row > kth[r])
        tied = np.flatnonzero(row == kth[r])
        chosen = np.concatenate([above, tied[:k - len(above)]])
        out[r] = chosen[np.argsort(-row[chosen], kind="stable")]
    return out
