"""Engines run `job.run_pair` over the pairs and yield (index, summary row) as pairs finish."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from ..errors import UsageError
from .pairs import Pair
from .spec import JobSpec
from .summary import error_row

ENGINES = ("local", "dask")

# (position in the manifest, pair, resume key)
Task = tuple[int, Pair, "str | None"]


class Engine(Protocol):
    def run(self, tasks: list[Task], spec: JobSpec, out_dir: Path) -> Iterator[tuple[int, dict]]:
        """Run every task; yield each result as soon as it is there, in any order."""


def get_engine(name: str, workers: int, scheduler: str | None) -> Engine:
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if name == "local":
        if scheduler:
            raise UsageError("--scheduler needs --engine dask")
        from .local import LocalEngine

        return LocalEngine(workers)
    if name == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(workers, scheduler)
    raise UsageError(f"unknown engine {name!r}; choose from: {', '.join(ENGINES)}")


def result_row(future, pair: Pair) -> dict:
    """A future's summary row; run_pair never raises, so an exception here means the worker
    died under this pair (killed, out of memory), which fails this pair only."""
    try:
        return future.result()
    except Exception as exc:
        return error_row(pair, f"internal error: {type(exc).__name__}: {exc}")
