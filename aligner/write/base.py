"""What every output format implements: turn an Alignment into a file (or stdout)."""
from __future__ import annotations

import os
import sys
from abc import ABC, abstractmethod
from typing import ClassVar, TextIO

from ..records import Alignment
from .atomic import atomic_outputs


class Writer(ABC):
    """One output format. `suffixes` are the file-name endings that select it (".tsv")."""

    name: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def write(self, alignment: Alignment, out: str | os.PathLike | None) -> None:
        """Write `alignment` to the file `out`, or to standard output when `out` is None."""


class StreamWriter(Writer):
    """A format held in one text stream: the same bytes go to a file or to stdout."""

    @abstractmethod
    def dump(self, alignment: Alignment, stream: TextIO) -> None:
        """Write the whole of `alignment` to an open text stream."""

    def write(self, alignment: Alignment, out: str | os.PathLike | None) -> None:
        if out is None:
            # Looked up at call time: click's test runner swaps sys.stdout.
            self.dump(alignment, sys.stdout)
            return
        with atomic_outputs([out]) as (stream,):
            self.dump(alignment, stream)
