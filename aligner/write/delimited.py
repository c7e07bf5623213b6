"""Spreadsheet tables (TSV and CSV) with one row per bead.

Index lists and flags are JSON in their cells so a table can be read back without loss. The
files are written with the standard csv module, byte for byte what pandas' `to_csv` of
`to_frame` writes (a test holds them together), without importing pandas (0.3 s) for them;
`to_frame` stays for the workbook and the batch corpus.
"""
from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING, ClassVar, TextIO

from ..records import Alignment
from .base import StreamWriter

if TYPE_CHECKING:  # imported when a table is written: pandas costs every other command 0.3 s
    import pandas as pd

COLUMNS = ("src", "tgt", "src_text", "tgt_text", "score", "flags")


def rows(alignment: Alignment) -> list[dict]:
    """One dict per bead with the columns of COLUMNS, lists and flags as JSON."""
    return [
        {
            **record,
            "src": json.dumps(record["src"]),
            "tgt": json.dumps(record["tgt"]),
            "flags": json.dumps(record["flags"], ensure_ascii=False),
        }
        for record in alignment.records()
    ]


def to_frame(alignment: Alignment) -> pd.DataFrame:
    """The beads as a table with the columns of COLUMNS."""
    import pandas as pd

    return pd.DataFrame(rows(alignment), columns=list(COLUMNS))


class DelimitedWriter(StreamWriter):
    separator: ClassVar[str] = ","

    def dump(self, alignment: Alignment, stream: TextIO) -> None:
        # pandas' own settings for to_csv: minimal quoting, doubled quotes, "\n" rows; a score
        # is a float, written as repr writes it (as numpy's str does)
        writer = csv.writer(stream, delimiter=self.separator, lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        writer.writerows([row[column] for column in COLUMNS] for row in rows(alignment))


class TsvWriter(DelimitedWriter):
    name = "tsv"
    suffixes = (".tsv",)
    separator = "\t"


class CsvWriter(DelimitedWriter):
    name = "csv"
    suffixes = (".csv",)
    separator = ","
