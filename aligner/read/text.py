"""Plain text: blank lines separate paragraphs, single newlines are soft wraps."""
from __future__ import annotations

import re

from aligner.read.base import Reader, paragraphs, split_item
from aligner.records import Block

_FINAL = ".!?;:,…"
_CLOSERS = "\"'”’»)]"
_MAX_HEADING_WORDS = 15
_SPACES = re.compile(r"[ \t]+")
_INNER_END = re.compile(r"[a-záéíóúñü\d][.!?…]+[\"'”’»)]* +[\"'“‘«(¿¡]*[A-ZÁÉÍÓÚÑÜ]")


def ends_like_sentence(line: str) -> bool:
    """True when the line ends in punctuation, possibly inside closing quotes or brackets."""
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _FINAL


def is_all_caps(line: str) -> bool:
    cased = [c for c in line if c.isupper() or c.islower()]
    return len(cased) >= 3 and all(c.isupper() for c in cased)


def is_short_title(line: str) -> bool:
    """Short, unpunctuated at the end, and with no sentence end inside ("Agreed. They act")."""
    return (
        len(line.split()) <= _MAX_HEADING_WORDS
        and not ends_like_sentence(line)
        and not _INNER_END.search(line)
    )


def tidy(text: str) -> str:
    """Collapse tabs and runs of plain spaces; other spaces (NBSP in '5 046') carry meaning."""
    return _SPACES.sub(" ", text).strip()


class TextReader(Reader):
    """Headings are lone short unpunctuated lines or ALL-CAPS lines; list items stand alone."""

    def blocks(self, text: str) -> list[Block]:
        out: list[Block] = []
        for group in paragraphs(text):
            out.extend(self._group(group))
        return out

    def _group(self, lines: list[str]) -> list[Block]:
        if len(lines) == 1 and split_item(lines[0]) is None and is_short_title(lines[0]):
            return [Block("heading", tidy(lines[0]))]
        blocks: list[Block] = []
        kind, parts = "", []
        for line in lines:
            item = split_item(line)
            if item is None and is_all_caps(line):
                blocks += _flush(kind, parts)
                blocks.append(Block("heading", tidy(line)))
                kind, parts = "", []
            elif item is not None:
                blocks += _flush(kind, parts)
                kind, parts = "item", [item[0]]
            else:
                kind = kind or "paragraph"
                parts.append(line)  # not parts + [line]: 200,000 one-line groups made it quadratic
        return blocks + _flush(kind, parts)


def _flush(kind: str, parts: list[str]) -> list[Block]:
    return [Block(kind, tidy(" ".join(p.strip() for p in parts)))] if parts else []
