"""Reading documents from disk into Documents of Blocks.

    read(path, lang)           format from the suffix (.md/.markdown -> markdown, else text)
    read_string(text, lang)    the same on a string
    read_lines(path)           presegmented input: one sentence per line, line numbers are indices
"""
from __future__ import annotations

from pathlib import Path

from aligner.errors import InputError, UsageError
from aligner.read.base import Reader, read_text
from aligner.read.markdown import MarkdownReader
from aligner.read.text import TextReader
from aligner.records import Document

__all__ = ["Reader", "read", "read_string", "read_lines", "READERS"]

READERS: dict[str, type[Reader]] = {"text": TextReader, "markdown": MarkdownReader}
_SUFFIXES = {".md": "markdown", ".markdown": "markdown"}
# Formats that would be misread as plain text (markup, or binary containers): refuse them by name
# rather than align their tags or report "binary".
_NOT_YET = (".docx", ".doc", ".odt", ".rtf", ".pdf", ".html", ".htm", ".xml", ".xlsx")


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in _NOT_YET:
        raise InputError(f"{path}: {suffix} documents are not supported yet; "
                         f"save it as plain text (.txt) or Markdown (.md)")
    return _SUFFIXES.get(suffix, "text")


def _reader(fmt: str) -> Reader:
    try:
        return READERS[fmt]()
    except KeyError:
        raise UsageError(f"unknown input format {fmt!r} (choose from {', '.join(READERS)})") from None


def read(path: str | Path, lang: str, fmt: str | None = None) -> Document:
    """Read a document; raises InputError naming the file when it cannot be used."""
    reader = _reader(fmt or format_of(path))
    doc = reader.parse(read_text(path), lang, path=str(path))
    if not doc.blocks:
        raise InputError(f"{path}: no text found")
    return doc


def read_string(text: str, lang: str, fmt: str = "text") -> Document:
    return _reader(fmt).parse(text, lang)


def read_lines(path: str | Path) -> list[str]:
    """Presegmented input: every line kept (blank ones too) so that line numbers stay indices."""
    return [line.strip() for line in read_text(path).splitlines()]
