"""The Reader contract and the checks every format shares: file sanity and decoding."""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from pathlib import Path

from aligner.errors import InputError, UsageError
from aligner.limits import DEFAULT_MAX_MB
from aligner.read.encoding import decode, log
from aligner.records import Block, Document

# Labels translators see and that must stay in the item text: "1.", "1)", "a)", "IV.", "(a)", "(iv)", "2.3.".
LABEL = r"(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-z][.)]|[IVX]+\.|\((?:\d+|[a-z]|[ivxlc]+)\))"
# Bullet glyphs are layout, not content, so they are dropped from the item text.
BULLET = r"[-*+•·▪◦‣–]"
ITEM_RE = re.compile(rf"^\s*(?:(?P<bullet>{BULLET})|(?P<label>{LABEL}))\s+(?P<body>\S.*)$")



def read_bytes(path: str | Path, max_mb: float = DEFAULT_MAX_MB) -> bytes:
    """The bytes of an input file, refusing what is missing, a directory, empty or over `max_mb`."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a file")
    size = p.stat().st_size
    if size > max_mb * 1e6:
        raise InputError(f"{p}: {size / 1e6:.3g} MB is over the {max_mb:g} MB input limit "
                         "(raise it with --max-input-mb)")
    try:
        data = p.read_bytes()
    except OSError as err:  # permission denied, an I/O error: name the file like every other refusal
        raise InputError(f"{p}: cannot read it ({err.strerror or err})") from None
    if not data.strip():
        raise InputError(f"{p}: file is empty")
    return data


def read_text(path: str | Path, max_mb: float = DEFAULT_MAX_MB) -> str:
    """Decode a text file (see aligner.read.encoding), raising InputError for anything a user must fix."""
    text, encoding = decode(read_bytes(path, max_mb), str(path))
    log.info("%s: read as %s", path, encoding)
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    return text


def split_item(line: str) -> tuple[str, str] | None:
    """Return (marker-stripped text, label or '') when `line` is a list item, else None."""
    m = ITEM_RE.match(line)
    if m is None:
        return None
    if m.group("bullet"):
        return m.group("body").strip(), ""
    return f"{m.group('label')} {m.group('body').strip()}", m.group("label")


def paragraphs(text: str) -> list[list[str]]:
    """Group non-blank lines into runs separated by blank lines."""
    groups: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


class Reader(ABC):
    """Turns the text of one format into blocks; `load` is the entry point from a file."""

    @abstractmethod
    def blocks(self, text: str) -> list[Block]:
        """The structural blocks of `text`, in order, with empty ones dropped."""

    def parse(self, text: str, lang: str, path: str | None = None) -> Document:
        return document(self.blocks(text.replace("\r\n", "\n").replace("\r", "\n")), lang, path)

    def load(self, path: str | Path, lang: str, max_mb: float = DEFAULT_MAX_MB) -> Document:
        """Read a file of this format; text formats decode it first (UTF-8, UTF-16, Windows-1252)."""
        return self.parse(read_text(path, max_mb), lang, path=str(path))


class BinaryReader(Reader):
    """A format stored as bytes (a zip, a PDF): it can only be read from a file."""

    name = "binary"

    @abstractmethod
    def blocks_of(self, data: bytes, path: str) -> list[Block]:
        """The blocks of the file whose bytes are `data`; InputError naming `path` if unusable."""

    def blocks(self, text: str) -> list[Block]:
        raise UsageError(f"{self.name} is a binary format: read it from a file, not a string")

    def load(self, path: str | Path, lang: str, max_mb: float = DEFAULT_MAX_MB) -> Document:
        return document(self.blocks_of(read_bytes(path, max_mb), str(path)), lang, str(path))


def document(blocks: list[Block], lang: str, path: str | None) -> Document:
    """A Document of the non-empty blocks."""
    return Document(lang=lang, blocks=tuple(b for b in blocks if b.text), path=path)
