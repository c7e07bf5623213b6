"""The progress bar on stderr: pairs done of total, sentences per second, time left.

Shown only when both stdout and stderr are terminals and the caller did not ask for quiet, so
`aligner batch ... > log` and pipes stay clean.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager


class _Silent:
    def advance(self, sentences: int) -> None:
        """Nothing to show."""


class _Bar:
    def __init__(self, progress, task, start: float):
        self.progress, self.task, self.start = progress, task, start
        self.sentences = 0

    def advance(self, sentences: int) -> None:
        """One more pair done, with this many sentences (both sides) aligned."""
        self.sentences += sentences
        rate = self.sentences / max(time.perf_counter() - self.start, 1e-9)
        self.progress.update(self.task, advance=1, rate=f"{rate:,.0f} sentences/s")


@contextmanager
def progress_bar(total: int, already: int, quiet: bool) -> Iterator[_Silent | _Bar]:
    """A bar over `total` pairs of which `already` were done by an earlier run."""
    if quiet or not (sys.stdout.isatty() and sys.stderr.isatty()):
        yield _Silent()
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeRemainingColumn)

    columns = (TextColumn("aligning"), BarColumn(), MofNCompleteColumn(), TextColumn("pairs"),
               TextColumn("{task.fields[rate]}"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task("pairs", total=total, completed=already, rate="")
        yield _Bar(progress, task, time.perf_counter())
