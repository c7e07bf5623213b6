"""Parquet: one row per bead with typed columns, for pandas, pyarrow and dataset hubs.

    doc_id    string          the pair's id in a batch corpus; the source file's stem otherwise
    src, tgt  list<int32>     sentence indices of each side
    src_text, tgt_text        string
    score     double
    flags     list<struct<kind, severity, message, src_evidence, tgt_evidence: string>>

Rows go through pandas into pyarrow with this fixed schema, so an empty file or a bead without
flags has the same types as any other. pyarrow is an optional extra (aligner[parquet]).
"""
from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..records import Alignment
from .atomic import atomic_outputs
from .base import Writer

if TYPE_CHECKING:  # pandas costs 0.3 s to import: only when a parquet file is written
    import pandas as pd

FLAG_FIELDS = ("kind", "severity", "message", "src_evidence", "tgt_evidence")
COLUMNS = ("doc_id", "src", "tgt", "src_text", "tgt_text", "score", "flags")


def require_pyarrow() -> None:
    if importlib.util.find_spec("pyarrow") is None:
        raise UsageError("the parquet format needs pyarrow: pip install 'aligner[parquet]'")


def schema():
    import pyarrow as pa

    flag = pa.struct([(name, pa.string()) for name in FLAG_FIELDS])
    return pa.schema([("doc_id", pa.string()), ("src", pa.list_(pa.int32())),
                      ("tgt", pa.list_(pa.int32())), ("src_text", pa.string()),
                      ("tgt_text", pa.string()), ("score", pa.float64()),
                      ("flags", pa.list_(flag))])


def to_frame(doc_id: str | None, alignment: Alignment) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([{"doc_id": doc_id, **record} for record in alignment.records()],
                        columns=list(COLUMNS))


def write_documents(documents: Iterable[tuple[str | None, Alignment]], out: Path) -> None:
    """Every document's beads into one file, a row group per document (a corpus is never one
    table in memory); atomically."""
    require_pyarrow()
    import pyarrow as pa
    import pyarrow.parquet as pq

    table_schema = schema()
    with atomic_outputs([out], binary=True) as (stream,):
        with pq.ParquetWriter(stream, table_schema) as writer:
            for doc_id, alignment in documents:
                if alignment.beads:
                    writer.write_table(pa.Table.from_pandas(to_frame(doc_id, alignment),
                                                            schema=table_schema,
                                                            preserve_index=False))


class ParquetWriter(Writer):
    name = "parquet"
    suffixes = (".parquet",)

    def write(self, alignment: Alignment, out: str | os.PathLike | None) -> None:
        if out is None:
            raise UsageError("parquet is a binary format: give an output file with -o")
        doc_id = Path(alignment.src_path).stem if alignment.src_path else None
        write_documents([(doc_id, alignment)], Path(out))
