"""The aligner's settings, tuned on the Text+Berg dev document only (never on a test set)."""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np


@dataclass(frozen=True)
class AlignParams:
    max_bead: int = 5            # largest bead, source and target sentences together
    skip: float = -0.15          # gain of leaving one sentence unaligned
    tau: float = 0.0             # margin-corrected similarity a bead must beat, per sentence
    margin_weight: float = 1.0   # how much of the neighbourhood similarity to subtract
    margin_k: int = 4            # neighbours that define that neighbourhood
    length_weight: float = 0.5   # penalty on the squared log length ratio of a bead
    size_penalty: float = 0.02   # extra cost per sentence beyond a 1-1 bead
    length_smooth: float = 10.0  # characters added to both lengths before the ratio
    size_exponent: float = 1.0   # a bead of n sentences counts (n/2)**exponent times its score
    fragment_exponent: float = 0.0  # >0: merging a short fragment into a bead costs less
    length_exponent: float = 0.0  # a sentence weighs length**exponent inside a multi-sentence bead
    full_limit: int = 4_000_000  # lattice cells above which the coarse-to-fine band is used
    band_width: int = 12         # half-width of the band around the coarse path

    def with_(self, **changes) -> "AlignParams":
        return replace(self, **changes)

    def vector(self, src_lengths: np.ndarray, tgt_lengths: np.ndarray) -> np.ndarray:
        mean_src = max(float(src_lengths.mean()), 1.0)
        mean_tgt = max(float(tgt_lengths.mean()), 1.0)
        ratio = float(tgt_lengths.sum() + 1) / float(src_lengths.sum() + 1)
        return np.array([self.skip, self.tau, self.margin_weight, self.length_weight,
                         self.size_penalty, ratio, self.length_smooth, self.size_exponent,
                         mean_src, mean_tgt, self.fragment_exponent])

    def shapes(self) -> np.ndarray:
        out = [(1, 0), (0, 1)]
        out += [(a, b) for a in range(1, self.max_bead) for b in range(1, self.max_bead)
                if a + b <= self.max_bead]
        return np.array(out, dtype=np.int64)
