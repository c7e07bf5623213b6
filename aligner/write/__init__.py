"""Output formats: pick a Writer by name or by the output file's suffix."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import UsageError
from ..records import Alignment
from .base import Writer
from .delimited import CsvWriter, TsvWriter
from .html import HtmlReportWriter
from .jsonl import JsonlWriter
from .moses import MosesWriter
from .parquet import ParquetWriter
from .report import TextReportWriter
from .tmx import TmxWriter
from .xliff import XliffWriter
from .xlsx import XlsxWriter

WRITERS: dict[str, type[Writer]] = {
    cls.name: cls
    for cls in (JsonlWriter, TsvWriter, CsvWriter, TmxWriter, MosesWriter, TextReportWriter,
                XliffWriter, XlsxWriter, HtmlReportWriter, ParquetWriter)
}
DEFAULT_FORMAT = "jsonl"


def get_writer(name: str) -> Writer:
    """A writer instance for the format `name`."""
    try:
        return WRITERS[name]()
    except KeyError:
        raise UsageError(f"unknown output format {name!r}; choose one of: {', '.join(WRITERS)}") from None


def format_for_path(path: str | os.PathLike) -> str | None:
    """The format a file name asks for through its suffix (".tmx" -> "tmx"), or None."""
    suffix = Path(path).suffix.lower()
    return next((cls.name for cls in WRITERS.values() if suffix in cls.suffixes), None)


def write(alignment: Alignment, out: str | os.PathLike | None, fmt: str | None = None) -> None:
    """Write `alignment` to `out` (None = stdout) as `fmt`; without `fmt`, the suffix of `out`
    decides and anything else gets JSONL."""
    if fmt is None:
        fmt = (format_for_path(out) if out is not None else None) or DEFAULT_FORMAT
    get_writer(fmt).write(alignment, out)


__all__ = ["WRITERS", "Writer", "format_for_path", "get_writer", "write"]
