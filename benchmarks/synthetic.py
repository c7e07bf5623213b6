"""Synthetic document pairs with a planted alignment, for tests and the scaling benchmark."""
from __future__ import annotations

import numpy as np

from aligner.aligning.search import Side


def planted(n: int, seed: int = 0, dim: int = 48):
    """Random source vectors and a target built from them with known beads.

    Target lengths follow their sources (Spanish runs ~15% longer), as in real translations.
    """
    rng = np.random.default_rng(seed)
    src = rng.normal(size=(n, dim))
    src_len = rng.integers(40, 160, size=n).astype(np.float64)
    tgt, tgt_len, gold, i = [], [], [], 0
    while i < n:
        r = rng.random()
        j = len(tgt)
        if r < 0.08 and i + 1 < n:
            tgt.append(src[i] + src[i + 1]); tgt_len.append(1.15 * (src_len[i] + src_len[i + 1]))
            gold.append(((i, i + 1), (j,))); i += 2
        elif r < 0.16:
            half = rng.normal(size=dim) * 0.3
            tgt += [src[i] + half, src[i] - half]; tgt_len += [0.6 * src_len[i]] * 2
            gold.append(((i,), (j, j + 1))); i += 1
        elif r < 0.19:
            gold.append(((i,), ())); i += 1
        elif r < 0.22:
            tgt.append(rng.normal(size=dim)); tgt_len.append(rng.integers(40, 160))
            gold.append(((), (j,)))
        else:
            tgt.append(src[i]); tgt_len.append(1.15 * src_len[i])
            gold.append(((i,), (j,))); i += 1
    tgt = np.array(tgt) + rng.normal(size=(len(tgt), dim)) * 0.1
    unit = lambda m: (m / np.linalg.norm(m, axis=1, keepdims=True)).astype(np.float32)  # noqa
    return Side(unit(src), src_len), Side(unit(tgt), np.array(tgt_len, dtype=np.float64)), gold
