"""Embedding one large list of sentences on several cores: worker processes take whole batches
while this process works through the others.

On Linux the workers are forked from this process once its model is loaded: they start in
milliseconds and share its memory-mapped weights, and a script that calls aligner without an
`if __name__ == "__main__"` guard is not run again in them. Elsewhere they are spawned and
build their own encoder (about half a second).

The encoder already cuts a call into fixed batches (sorted by length, 64 sentences); a worker
embeds a batch with exactly the call this process would have made, on the same code with one
BLAS thread, so the vectors are the same bits whoever computed them. This process works from the
shortest batch up and the workers from the longest down; a batch no worker has started yet is
taken back (its future cancelled) and embedded here, so they meet in the middle however long
the workers took to start.
"""
from __future__ import annotations

import logging
import multiprocessing
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence

import numpy as np

log = logging.getLogger("aligner.embed")

Batch = list[str]

# the worker's own encoder, built once by the pool's initializer (one per worker process)
_WORKER_ENCODE: Callable[[Batch], np.ndarray] | None = None


def default_start_method() -> str:
    return "fork" if sys.platform.startswith("linux") else "spawn"


class BatchPool:
    """`workers - 1` processes (this one is the last worker), started on first use and kept
    for the life of the encoder."""

    def __init__(self, workers: int, make_encode: Callable[[], Callable[[Batch], np.ndarray]],
                 start_method: str | None = None):
        self.workers = workers
        self.make_encode = make_encode  # picklable: a spawned worker builds its encoder with it
        self.start_method = start_method or default_start_method()
        self._pool: ProcessPoolExecutor | None = None
        self.remote_batches = 0  # how many batches the workers embedded (for tests, benchmarks)

    def _executor(self, local: Callable[[Batch], np.ndarray]) -> ProcessPoolExecutor:
        if self._pool is None:
            # a forked worker inherits `local` (the loaded model) as it is; a spawned one builds
            # its own. The first submit forks before the pool starts its manager thread.
            start = (_adopt, local) if self.start_method == "fork" else (_start_worker, self.make_encode)
            self._pool = ProcessPoolExecutor(
                self.workers - 1, mp_context=multiprocessing.get_context(self.start_method),
                initializer=start[0], initargs=(start[1],))
        return self._pool

    def map(self, batches: Sequence[Batch], local: Callable[[Batch], np.ndarray]) -> list[np.ndarray]:
        """`local(batch)` for every batch, in order, some of them computed by the workers."""
        futures: dict[int, Future] = {}
        for i in reversed(range(len(batches))):
            futures[i] = self._executor(local).submit(_encode_in_worker, batches[i])
        results: list[np.ndarray | None] = [None] * len(batches)
        for i, batch in enumerate(batches):
            if futures[i].cancel():
                results[i] = local(batch)
        for i, batch in enumerate(batches):
            if results[i] is None:
                results[i] = self._collect(futures[i], batch, local)
        return results

    def _collect(self, future: Future, batch: Batch, local) -> np.ndarray:
        try:
            vecs = future.result()
        except BrokenProcessPool as exc:  # a worker died (killed, out of memory): finish here
            log.info("embedding worker lost (%s); embedding its batch here", exc)
            self._pool = None
            return local(batch)
        self.remote_batches += 1
        return vecs

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _start_worker(make_encode) -> None:
    global _WORKER_ENCODE
    _WORKER_ENCODE = make_encode()


def _adopt(encode) -> None:
    global _WORKER_ENCODE
    _WORKER_ENCODE = encode


def _encode_in_worker(batch: Batch) -> np.ndarray:
    return _WORKER_ENCODE(batch)
