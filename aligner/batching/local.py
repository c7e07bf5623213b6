"""The local engine: this process for one worker, else a pool of processes.

Processes, not threads: alignment is CPU-bound Python and numpy with one BLAS thread each.
Each worker loads the encoder once, in the pool's initializer, and keeps it for every pair.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from .engines import Task, result_row
from .job import run_pair, warm
from .spec import JobSpec


class LocalEngine:
    def __init__(self, workers: int):
        self.workers = workers

    def run(self, tasks: list[Task], spec: JobSpec, out_dir: Path) -> Iterator[tuple[int, dict]]:
        if self.workers == 1 or len(tasks) <= 1:
            if tasks:  # load the model before the first pair, outside its --timeout
                warm(spec.encoder)
            for index, pair, key in tasks:
                yield index, run_pair(pair, spec, out_dir, key)
            return
        # spawn, not fork: the parent may hold threads (the progress bar) and loaded libraries
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(min(self.workers, len(tasks)), mp_context=context,
                                 initializer=warm, initargs=(spec.encoder,)) as pool:
            futures = {pool.submit(run_pair, pair, spec, out_dir, key): (index, pair)
                       for index, pair, key in tasks}
            for future in as_completed(futures):
                index, pair = futures[future]
                yield index, result_row(future, pair)
