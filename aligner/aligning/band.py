"""The search band: which cells (i, j) of the alignment lattice the dynamic programme visits.

A band is two integer arrays `lo`, `hi` of length N+1: after consuming i source sentences, the
number j of consumed target sentences lies in [lo[i], hi[i]].  Short documents get the full
lattice; long ones a narrow band around the path found on a coarser copy of the documents
(coarse-to-fine), so memory and time grow linearly with the length instead of quadratically.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Band:
    lo: np.ndarray
    hi: np.ndarray

    @property
    def cells(self) -> int:
        return int((self.hi - self.lo + 1).sum())


def full_band(n: int, m: int) -> Band:
    return Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))


def band_around(path: list[tuple[int, int]], n: int, m: int, width: int) -> Band:
    """A band of half-width `width` around a monotone path of lattice corners (i, j).

    The path comes from a coarse level, so its corners are only approximate: each row is widened
    by `width` cells on both sides, and rows are made monotone so every cell keeps a predecessor.
    """
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for (i0, j0), (i1, j1) in zip(path, path[1:]):
        lo[i0:i1 + 1] = np.minimum(lo[i0:i1 + 1], j0)
        hi[i0:i1 + 1] = np.maximum(hi[i0:i1 + 1], j1)
    lo = np.clip(_sliding(lo, width, np.min) - width, 0, m)
    hi = np.clip(_sliding(hi, width, np.max) + width, 0, m)
    lo[0], hi[n] = 0, m
    # monotone bounds guarantee every cell in the band has a predecessor in the band
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(np.maximum(hi, np.append(lo[1:], m)))
    return Band(lo, hi)


def _sliding(values: np.ndarray, radius: int, reduce) -> np.ndarray:
    """min or max of `values` over the window [i - radius, i + radius] for every i."""
    padded = np.pad(values, radius, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * radius + 1)
    return reduce(windows, axis=1)


def coarsen(emb: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Halve a document by summing consecutive pairs of sentences (embeddings and lengths)."""
    n = len(emb)
    pairs = n // 2
    summed = emb[: 2 * pairs : 2] + emb[1 : 2 * pairs : 2]
    lens = lengths[: 2 * pairs : 2] + lengths[1 : 2 * pairs : 2]
    if n % 2:
        summed = np.vstack([summed, emb[-1:]])
        lens = np.append(lens, lengths[-1])
    norms = np.linalg.norm(summed, axis=1, keepdims=True)
    return (summed / np.maximum(norms, 1e-12)).astype(np.float32), lens
