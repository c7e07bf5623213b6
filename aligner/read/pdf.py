"""PDF (pypdf): text in reading order, running headers, footers and page numbers removed,
hyphenation at line ends undone, paragraphs and headings rebuilt from the layout.

Single-column documents; a multi-column page would have its columns interleaved line by line.
"""
from __future__ import annotations

import io
import logging
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aligner.errors import InputError
from aligner.read.base import BinaryReader
from aligner.read.encoding import log
from aligner.read.pdflayout import Piece, blocks_of, drop_running, lines_of
from aligner.records import Block

if TYPE_CHECKING:  # pypdf is imported when a PDF is read: it costs other commands 0.1 s
    import pypdf

# WinAnsiEncoding draws unused codes, DEL among them, as a bullet, which is how reportlab and
# others encode "•"; pypdf hands them back as control characters. Other controls are dropped.
# Page content (drawing instructions) pypdf may parse per byte of PDF, at least per CONTENT_FLOOR
# bytes: text pages deflate 3-10 to 1 and files also hold fonts and images, so real PDFs stay far
# below, while a page tree pointing every page at one huge stream, or a deflate bomb, would keep
# pypdf parsing (about 1 MB a second) for hours.
CONTENT_FACTOR = 20
CONTENT_FLOOR = 250_000
# What one text piece costs against that budget beyond its characters: its operators.
PIECE_COST = 16
_CONTROLS = {**{c: None for c in (*range(0x20), *range(0x7F, 0xA0))}, 0x7F: "•", 0x95: "•"}


class PdfReader(BinaryReader):
    name = "pdf"

    def blocks_of(self, data: bytes, path: str) -> list[Block]:
        pages = [lines_of(n, pieces) for n, pieces in enumerate(_pieces(data, path))]
        if not any(pages):
            raise InputError(f"{path}: no extractable text in the PDF (scanned images?); "
                             "run OCR on it first (for example ocrmypdf)")
        return blocks_of(drop_running(pages))


def _pieces(data: bytes, path: str) -> list[list[Piece]]:
    """Every page's positioned text, from pypdf's text visitor."""
    import pypdf

    budget = _Budget(CONTENT_FACTOR * max(len(data), CONTENT_FLOOR), path)
    try:
        with _quiet_pypdf():
            reader = pypdf.PdfReader(io.BytesIO(data))
            _unlock(reader, path)
            return [_page_pieces(page, budget) for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files; all mean the same to a user
        raise InputError(f"{path}: damaged or unreadable PDF ({type(exc).__name__}: {exc})") from None


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs its repairs of a damaged file ("EOF marker not found") and, with no handler
    configured, Python prints them bare on stderr next to our one-line error; keep them at
    debug level on our own logger instead."""
    logger = logging.getLogger("pypdf")
    handler = _Forward()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


class _Forward(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        log.debug("pypdf: %s", record.getMessage())


def _unlock(reader: pypdf.PdfReader, path: str) -> None:
    """Open a PDF encrypted with an empty user password (copy protection only); refuse the rest."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # noqa: BLE001 - an unsupported cipher is as unreadable as a password
        raise InputError(f"{path}: encrypted PDF that cannot be opened ({exc})") from None
    from pypdf import PasswordType

    if opened == PasswordType.NOT_DECRYPTED:
        raise InputError(f"{path}: encrypted PDF (password protected); save an unprotected copy")


@dataclass
class _Budget:
    """Bytes of page content left to parse; InputError naming the file once they run out."""

    left: int
    path: str

    def spend(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise InputError(f"{self.path}: more page content than a PDF of its size holds "
                             "(damaged or hostile file?)")


def _page_pieces(page: pypdf.PageObject, budget: _Budget) -> list[Piece]:
    contents = page.get_contents()  # decompressed (pypdf caps each stream), not parsed yet
    budget.spend(len(contents.get_data()) if contents is not None else 0)
    pieces: list[Piece] = []

    def visit(text, cm, tm, font, size):  # pypdf's visitor signature
        budget.spend(len(text) + PIECE_COST)  # text drawn by forms is not in the page's own content
        # the text matrix is applied inside the current transformation matrix
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
        name = str(font.get("/BaseFont", "")) if font else ""
        pieces.append(Piece(x, y, size * scale, name, text.replace("\n", " ").translate(_CONTROLS)))

    page.extract_text(visitor_text=visit)
    return pieces
