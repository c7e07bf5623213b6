"""Markdown: ATX and setext headings, list items, block quotes, tables; code blocks are skipped."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from aligner.read.base import Reader, split_item
from aligner.read.inline import COMMENT, strip_inline, sub_paired
from aligner.read.text import tidy
from aligner.records import Block

# The closing hashes of "# Title #" are cut by _heading_text: a lazy span followed by
# (?:\s+#+)?\s*$ rescanned every run of spaces to its end (50 kB of spaces took 50 s).
_ATX = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*))?$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


@dataclass
class _Builder:
    """Collects lines of the block being read; `flush` turns them into a Block."""

    blocks: list[Block] = field(default_factory=list)
    kind: str = ""
    parts: list[str] = field(default_factory=list)
    broken: bool = False  # a hard line break was seen since the last blank line

    def flush(self, kind: str | None = None) -> None:
        if self.parts:
            self.blocks.append(Block(kind or self.kind, tidy(strip_inline(" ".join(self.parts)))))
        self.kind, self.parts = "", []

    def start(self, kind: str, text: str) -> None:
        self.flush()
        self.kind, self.parts = kind, [text]

    def add(self, text: str) -> None:
        self.kind = self.kind or ("line" if self.broken else "paragraph")
        self.parts.append(text)


class MarkdownReader(Reader):
    """A line-oriented reader covering the markdown that documents and press releases use."""

    def blocks(self, text: str) -> list[Block]:
        b = _Builder()
        fence = ""
        for raw in sub_paired(COMMENT, text).split("\n"):
            if fence:
                fence = "" if raw.strip().startswith(fence) else fence
                continue
            if m := _FENCE.match(raw):
                b.flush()
                fence = m.group(1)[:3]
                continue
            _line(b, _QUOTE.sub("", raw))
        b.flush()
        return b.blocks


def _line(b: _Builder, line: str) -> None:
    """Feed one line (block-quote marker already removed) to the builder."""
    if not line.strip() or _REFDEF.match(line):
        b.flush()
        b.broken = False
    elif _SETEXT.match(line) and b.kind == "paragraph":
        b.flush("heading")
    elif _RULE.match(line) or (_TABLE_SEP.match(line) and "|" in line):
        b.flush()
    elif m := _ATX.match(line):
        b.start("heading", _heading_text(m.group(1) or ""))
        b.flush()
    elif line.lstrip().startswith("|"):
        b.start("line", " | ".join(c.strip() for c in line.strip().strip("|").split("|") if c.strip()))
        b.flush()
    elif item := split_item(line):
        b.start("item", item[0])
    else:
        _text_line(b, line)


def _heading_text(text: str) -> str:
    """An ATX heading's text without its optional closing hashes ("Title ##"; not "C#")."""
    text = text.strip()
    body = text.rstrip("#")
    return body.strip() if body != text and (not body or body[-1].isspace()) else text


def _text_line(b: _Builder, line: str) -> None:
    """A prose line: joins the open block; a hard break (two spaces or a backslash) ends it as a line."""
    hard = line.endswith("  ") or line.rstrip().endswith("\\") and not line.rstrip().endswith("\\\\")
    b.add(line.rstrip().removesuffix("\\").strip())
    if hard:
        b.flush("line" if b.kind == "paragraph" else b.kind)
        b.broken = True
