"""Spreadsheet tables (TSV and CSV) with one row per bead, written through pandas.

Index lists and flags are JSON in their cells so a table can be read back without loss.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, ClassVar, TextIO

from ..records import Alignment
from .base import StreamWriter

if TYPE_CHECKING:  # imported when a table is written: pandas costs every other command 0.3 s
    import pandas as pd

COLUMNS = ("src", "tgt", "src_text", "tgt_text", "score", "flags")


def to_frame(alignment: Alignment) -> pd.DataFrame:
    """The beads as a table with the columns of COLUMNS."""
    import pandas as pd

    rows = [
        {
            **record,
            "src": json.dumps(record["src"]),
            "tgt": json.dumps(record["tgt"]),
            "flags": json.dumps(record["flags"], ensure_ascii=False),
        }
        for record in alignment.records()
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS))


class DelimitedWriter(StreamWriter):
    separator: ClassVar[str] = ","

    def dump(self, alignment: Alignment, stream: TextIO) -> None:
        to_frame(alignment).to_csv(stream, sep=self.separator, index=False, lineterminator="\n")


class TsvWriter(DelimitedWriter):
    name = "tsv"
    suffixes = (".tsv",)
    separator = "\t"


class CsvWriter(DelimitedWriter):
    name = "csv"
    suffixes = (".csv",)
    separator = ","
