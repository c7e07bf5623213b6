"""The Reader contract and the checks every format shares: file sanity and decoding."""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from pathlib import Path

from aligner.errors import InputError
from aligner.records import Block, Document

# Labels translators see and that must stay in the item text: "1.", "1)", "a)", "IV.", "(a)", "(iv)", "2.3.".
LABEL = r"(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-z][.)]|[IVX]+\.|\((?:\d+|[a-z]|[ivxlc]+)\))"
# Bullet glyphs are layout, not content, so they are dropped from the item text.
BULLET = r"[-*+•·▪◦‣–]"
ITEM_RE = re.compile(rf"^\s*(?:(?P<bullet>{BULLET})|(?P<label>{LABEL}))\s+(?P<body>\S.*)$")


def read_text(path: str | Path) -> str:
    """Decode a file as UTF-8 (BOM allowed), raising InputError for anything a user must fix."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a file")
    data = p.read_bytes()
    if b"\x00" in data:
        raise InputError(f"{p}: looks binary (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not valid UTF-8 (bad byte at offset {exc.start})") from None
    if not text.strip():
        raise InputError(f"{p}: file is empty")
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
    """Turns the text of one format into blocks; subclasses know nothing about files."""

    @abstractmethod
    def blocks(self, text: str) -> list[Block]:
        """The structural blocks of `text`, in order, with empty ones dropped."""

    def parse(self, text: str, lang: str, path: str | None = None) -> Document:
        blocks = tuple(b for b in self.blocks(text.replace("\r\n", "\n").replace("\r", "\n")) if b.text)
        return Document(lang=lang, blocks=blocks, path=path)
