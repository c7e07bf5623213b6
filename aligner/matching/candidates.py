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

BLOCK_ROWS = 512


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
    k most similar sources of target j. Equal similarities go to the lower index, so the
    result does not depend on the block size.

    One pass over blocks of source rows: a block gives its rows' top k outright, and its own
    top k of every column, from which the columns' overall top k are picked at the end (the
    overall best k of a column are among the best k of some block)."""
    if not len(src) or not len(tgt):
        return set()
    k_row, k_col = min(k, len(tgt)), min(k, len(src))
    pairs: set[tuple[int, int]] = set()
    rows, cols, values = [], [], []
    for start in range(0, len(src), BLOCK_ROWS):
        sims = src[start:start + BLOCK_ROWS] @ tgt.T
        i, j = _best_per_row(sims, k_row)
        pairs.update(zip((i + start).tolist(), j.tolist()))
        j, i = _best_per_row(sims.T, min(k_col, len(sims)))
        rows.append(i + start)
        cols.append(j)
        values.append(sims[i, j])
    i, j = _best_per_column(np.concatenate(rows), np.concatenate(cols), np.concatenate(values),
                            k_col)
    pairs.update(zip(i.tolist(), j.tolist()))
    return pairs


def _best_per_row(sims: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of the k largest entries of every row; of equal entries at the k-th
    place, those in the lowest columns."""
    kth = np.partition(sims, sims.shape[1] - k, axis=1)[:, sims.shape[1] - k, None]
    above = sims > kth
    tied = sims == kth
    room = k - above.sum(axis=1, keepdims=True)
    return np.nonzero(above | (tied & (np.cumsum(tied, axis=1, dtype=np.int32) <= room)))


def _best_per_column(rows: np.ndarray, cols: np.ndarray, values: np.ndarray,
                     k: int) -> tuple[np.ndarray, np.ndarray]:
    """Of (row, column, value) candidates, the k of highest value per column (lower row on
    equal values)."""
    order = np.lexsort((rows, -values, cols))
    ordered = cols[order]
    rank = np.arange(len(order)) - np.searchsorted(ordered, ordered, side="left")
    keep = order[rank < k]
    return rows[keep], cols[keep]
