"""Embedding every document of both sides, in this process, a process pool or on dask.

The result is in input order whatever the engine, and each document is embedded by the same
function, so the match does not depend on the engine or the number of workers.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..batching.engines import ENGINES
from ..errors import UsageError
from .documents import Embedded, ReadOptions, Unreadable, embed_document

Job = tuple[str, Path, str]  # (label, path, language)


def embed_all(jobs: list[Job], options: ReadOptions, engine: str = "local", workers: int = 1,
              scheduler: str | None = None) -> list[Embedded | Unreadable]:
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose from: {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        return _on_dask(jobs, options, workers, scheduler)
    if workers == 1 or len(jobs) <= 1:
        _warm(options)
        return [embed_document(*job, options) for job in jobs]
    # spawn, not fork: as in `aligner batch`, the parent may hold threads and loaded libraries
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context,
                             initializer=_warm, initargs=(options,)) as pool:
        # chunks: thousands of short documents would otherwise cost one round trip each
        return list(pool.map(_embed_job, jobs, [options] * len(jobs),
                             chunksize=max(1, len(jobs) // (8 * workers))))


def _embed_job(job: Job, options: ReadOptions) -> Embedded | Unreadable:
    return embed_document(*job, options)


def _warm(options: ReadOptions) -> None:
    """Load a named encoder before the first document (aligner.embed keeps it per process)."""
    if isinstance(options.encoder, str):
        from ..batching.job import warm

        warm(options.encoder)


def _on_dask(jobs: list[Job], options: ReadOptions, workers: int,
             scheduler: str | None) -> list[Embedded | Unreadable]:
    from ..batching.dask_engine import open_client, require_dask

    require_dask()
    if not jobs:
        return []
    with open_client(workers, scheduler) as client:
        client.run(_warm, options)
        futures = client.map(_embed_job, jobs, [options] * len(jobs), pure=False,
                             key=[f"aligner-embed-{n}" for n in range(len(jobs))])
        return client.gather(futures)
