"""Reading documents from disk into Documents of Blocks.

    read(path, lang)           format from the suffix (.md, .docx, .html, .pdf; else text)
    read_string(text, lang)    the same on a string (text formats only)
    read_lines(path)           presegmented input: one sentence per line, line numbers are indices

Every format yields the same Blocks (heading, paragraph, item, line), so segmentation and
alignment do not care where the text came from.
"""
from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from aligner.errors import InputError, UsageError
from aligner.read.base import DEFAULT_MAX_MB, BinaryReader, Reader, read_text
from aligner.read.docx import DocxReader
from aligner.read.html import HtmlReader
from aligner.read.markdown import MarkdownReader
from aligner.read.pdf import PdfReader
from aligner.read.text import TextReader
from aligner.records import Document

log = logging.getLogger("aligner.read")

__all__ = ["Reader", "BinaryReader", "read", "read_string", "read_lines", "READERS", "FORMATS",
           "DEFAULT_MAX_MB"]

READERS: dict[str, type[Reader]] = {"text": TextReader, "markdown": MarkdownReader,
                                    "docx": DocxReader, "html": HtmlReader, "pdf": PdfReader}
FORMATS = ("auto", *READERS)
_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".docx": "docx", ".html": "html",
             ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}
# Formats that would be misread as plain text: refuse them by name rather than align their markup.
_UNSUPPORTED = (".doc", ".odt", ".rtf", ".xlsx", ".pptx", ".epub")
# Bilingual files hold both sides, already aligned: reading one as a side would align its markup.
_BILINGUAL = {".tmx": "TMX", ".xlf": "XLIFF", ".xliff": "XLIFF", ".sdlxliff": "XLIFF", ".po": "PO"}


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in _BILINGUAL:
        raise InputError(f"{path}: {_BILINGUAL[suffix]} files hold both languages already "
                         "aligned, not one side of a document; give the source and the "
                         "translation as two documents (.txt, .md, .docx, .html, .pdf)")
    if suffix in _UNSUPPORTED:
        raise InputError(f"{path}: {suffix} documents are not supported; save it as .docx, .pdf, "
                         "plain text (.txt) or Markdown (.md), or name its format with --input-format")
    return _SUFFIXES.get(suffix, "text")


def _reader(fmt: str) -> Reader:
    try:
        return READERS[fmt]()
    except KeyError:
        raise UsageError(f"unknown input format {fmt!r} (choose from {', '.join(FORMATS)})") from None


def read(path: str | Path, lang: str, fmt: str | None = None,
         max_mb: float = DEFAULT_MAX_MB) -> Document:
    """Read a document; raises InputError naming the file when it cannot be used.

    `fmt` None or "auto" picks the format from the suffix; files over `max_mb` are refused.
    """
    name = format_of(path) if fmt in (None, "auto") else fmt
    doc = _reader(name).load(path, lang, max_mb)
    counts = Counter(block.kind for block in doc.blocks)
    log.info("%s: %s, %s", path, name, ", ".join(f"{n} {kind}{'s' * (n != 1)}" for kind, n in sorted(counts.items())))
    if not doc.blocks:
        raise InputError(f"{path}: no text found")
    if not any(c.isalnum() for block in doc.blocks for c in block.text):
        # nothing to embed but marks: aligning it only yields noise and an "unrelated" warning
        raise InputError(f"{path}: no words or numbers found (only punctuation or symbols)")
    return doc


def read_string(text: str, lang: str, fmt: str = "text") -> Document:
    return _reader(fmt).parse(text, lang)


def read_lines(path: str | Path, max_mb: float = DEFAULT_MAX_MB) -> list[str]:
    """Presegmented input: every line kept (blank ones too) so that line numbers stay indices."""
    return [line.strip() for line in read_text(path, max_mb).splitlines()]
