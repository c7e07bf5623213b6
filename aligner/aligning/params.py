"""The aligner's settings.

Tuned by random and coordinate search on development data only: the Text+Berg dev document
(de-fr), the Bible books Ruth and Jonah (en-es, verse level) and our own EN/ES corpora (which
must align exactly); never on the test sets the benchmark reports.

`hubness` (CSLS on the cross similarities, k=4 within the band) is off: every weight tried
lowered Text+Berg dev strict F1 (0.898 -> 0.820 at weight 0.5, 0.862 with tau retuned to -0.30;
0.893 with each side's correction centred), see benchmarks/README.md.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..limits import DEFAULT_MAX_BEAD

# Translations between the languages aligned here differ in length by well under this factor.
MAX_RATIO = 2.0


@dataclass(frozen=True)
class AlignParams:
    max_bead: int = DEFAULT_MAX_BEAD  # largest bead, source and target sentences together
    skip: float = -0.10          # gain of leaving one sentence unaligned
    tau: float = -0.12           # similarity a bead is measured from, per sentence
    length_weight: float = 1.5   # penalty on the squared log length ratio of a bead
    size_penalty: float = 0.23   # cost of each sentence beyond a 1-1 bead
    length_smooth: float = 15.0  # characters added to both lengths before the ratio
    open_penalty: float = 0.125  # cost of a bead boundary after an open sentence on one side only
    neighbours: int = 2          # candidates whose mean similarity rates an unaligned sentence
    full_limit: int = 250_000    # lattice cells above which the coarse-to-fine band is used
    band_width: int = 20         # half-width of the band around the coarse path
    hubness: float = 0.0         # weight of the CSLS hubness correction of cross similarities
    hub_k: int = 4               # nearest neighbours whose mean similarity makes a hub term
    block_penalty: float = 0.15  # per block boundary a bead crosses on one side only
    heading_penalty: float = 0.3  # a heading paired with body text
    label_gain: float = 0.2      # both sides open with the same label (paid when they differ)

    def with_(self, **changes) -> "AlignParams":
        return replace(self, **changes)

    def vector(self, src_lengths: np.ndarray, tgt_lengths: np.ndarray) -> np.ndarray:
        # The expected length ratio of a bead, from the whole documents; bounded, because when
        # one side is mostly extra text (10 sentences against 2,000) the documents' ratio says
        # nothing about a translated sentence, and every real pair looked 100 times too short.
        ratio = float(tgt_lengths.sum() + 1) / float(src_lengths.sum() + 1)
        ratio = min(max(ratio, 1 / MAX_RATIO), MAX_RATIO)
        return np.array([self.skip, self.tau, self.length_weight, self.size_penalty, ratio,
                         self.length_smooth, self.open_penalty, self.block_penalty,
                         self.heading_penalty, self.label_gain])

    def shapes(self) -> np.ndarray:
        out = [(1, 0), (0, 1)]
        out += [(a, b) for a in range(1, self.max_bead) for b in range(1, self.max_bead)
                if a + b <= self.max_bead]
        return np.array(out, dtype=np.int64)
