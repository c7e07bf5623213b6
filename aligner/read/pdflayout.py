"""From positioned pieces of PDF text to blocks: lines, running headers and footers, paragraphs.

Pure functions over `Piece`s (what pypdf reports for each text-showing operator), so the
layout rules can be tested without building PDFs.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from aligner.read.base import split_item
from aligner.read.text import is_short_title, tidy
from aligner.records import Block

# Lines at most this many from the top or bottom of a page are candidates for running text.
EDGE_LINES = 2
# A candidate repeated on at least this share of the pages is a running header or footer.
RUNNING_SHARE = 0.6
# A vertical gap this many times the usual line spacing separates paragraphs.
PARAGRAPH_GAP = 1.4
# Text this much larger than the body text is a heading.
HEADING_SCALE = 1.15
# A line shorter than this share of a full line ends its paragraph (used across page breaks).
SHORT_LINE = 0.8
# Word patterns start only where a word starts ((?<!\w)): tried inside a long run of letters,
# each start would rescan the rest of the run.
_HYPHENATED = re.compile(r"(?<!\w)\w+-\w+")
_LAST_WORD = re.compile(r"(?<!\w)(\w+)-$")
_HEAD = re.compile(r"\w+")
_PAGE_NUMBER = re.compile(r"^\W*(?:(?:page|p[áa]gina|p[áa]g\.?|p\.)\s*)?(?:\d+|[ivxlc]+)"
                          r"(?:\s*(?:of|de|/)\s*\d+)?\W*$", re.I)


@dataclass(frozen=True)
class Piece:
    """A run of text at (x, y) in points from the page's bottom left, in a font of `size` points."""

    x: float
    y: float
    size: float
    font: str
    text: str


@dataclass(frozen=True)
class Line:
    page: int
    y: float
    x: float
    size: float
    bold: bool
    text: str


def lines_of(page: int, pieces: list[Piece]) -> list[Line]:
    """Pieces sharing a baseline joined left to right; lines top to bottom."""
    rows: list[list[Piece]] = []
    for piece in sorted((p for p in pieces if p.text.strip()), key=lambda p: (-p.y, p.x)):
        if rows and abs(rows[-1][0].y - piece.y) <= 0.3 * max(piece.size, 1.0):
            rows[-1].append(piece)
        else:
            rows.append([piece])
    return [_line(page, sorted(row, key=lambda p: p.x)) for row in rows]


def _line(page: int, row: list[Piece]) -> Line:
    text = row[0].text
    for before, piece in zip(row, row[1:]):
        # pieces drawn apart (a bullet and its text) need a space; one word split in two does not
        apart = piece.x - before.x > 0.6 * before.size * len(before.text.strip())
        joint = " " if apart and not text.endswith(" ") and not piece.text.startswith(" ") else ""
        text += joint + piece.text
    main = max(row, key=lambda p: len(p.text))
    return Line(page, row[0].y, row[0].x, main.size, "bold" in main.font.lower(), tidy(text))


def _shape(text: str) -> str:
    """What stays the same in a running line from page to page: 'Page 3 of 9' -> 'page # of #'."""
    return re.sub(r"\d+", "#", text.lower())


def drop_running(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers and lines repeated at the top or bottom of most pages."""
    edges = [page[:EDGE_LINES] + page[-EDGE_LINES:] for page in pages]
    counts = Counter(shape for edge in edges for shape in {_shape(line.text) for line in edge})
    running = {shape for shape, n in counts.items()
               if len(pages) > 1 and n >= max(2, RUNNING_SHARE * len(pages))}
    return [[line for line in page
             if not (line in edge and (_shape(line.text) in running or _PAGE_NUMBER.match(line.text)))]
            for page, edge in zip(pages, edges)]


def blocks_of(pages: list[list[Line]]) -> list[Block]:
    """Rebuild headings, paragraphs and list items from the lines of every page, in order."""
    lines = [line for page in pages for line in page]
    if not lines:
        return []
    body = Counter(round(line.size, 1) for line in lines for _ in line.text).most_common(1)[0][0]
    spacing = _spacing(lines, body)
    full = _full_width(lines, body)
    groups: list[list[Line]] = [[lines[0]]]
    for before, line in zip(lines, lines[1:]):
        if _starts_block(before, line, body, spacing, full):
            groups.append([line])
        else:
            groups[-1].append(line)
    words = _hyphenated_words(lines)
    return [_block(group, body, words) for group in groups]


def _spacing(lines: list[Line], body: float) -> float:
    gaps = [a.y - b.y for a, b in zip(lines, lines[1:])
            if a.page == b.page and a.y > b.y and round(a.size, 1) == round(b.size, 1) == body]
    return median(gaps) if gaps else 1.2 * body


def _full_width(lines: list[Line], body: float) -> int:
    """Characters in a full body line (the 90th percentile: most lines are full)."""
    sizes = sorted(len(line.text) for line in lines if round(line.size, 1) == body)
    return sizes[int(0.9 * (len(sizes) - 1))] if sizes else 0


def _is_heading_size(line: Line, body: float) -> bool:
    return line.size > HEADING_SCALE * body


def _starts_block(before: Line, line: Line, body: float, spacing: float, full: int) -> bool:
    if _is_heading_size(before, body) != _is_heading_size(line, body) or split_item(line.text):
        return True
    if before.page != line.page:  # no gap to measure: a short last line ended the paragraph
        return len(before.text) < SHORT_LINE * full
    return before.y - line.y > PARAGRAPH_GAP * spacing * (line.size / body)


def _hyphenated_words(lines: list[Line]) -> set[str]:
    """Hyphenated words written whole somewhere ("long-term"): a line break there keeps the hyphen."""
    return {w.lower() for line in lines for w in _HYPHENATED.findall(line.text)}


def join_lines(texts: list[str], hyphenated: set[str] = frozenset()) -> str:
    """Join wrapped lines, rejoining words hyphenated at the line break ("imple-" + "mentation").

    A hyphen before a capital or a digit ("España-" + "Estados", "2023-" + "2024") is kept, and so
    is one the document writes elsewhere ("long-" + "term" when "long-term" occurs).
    Linear in the text: the joined text is built once at the end and only the previous line is
    searched (searching the whole text joined so far at every line was quadratic).
    """
    pieces: list[str] = []
    started = False  # a non-empty text has been seen: the next one needs a space
    for text in texts:
        last = pieces[-1] if pieces else ""
        head = _HEAD.match(text)
        if last.endswith("\u00ad") and _HEAD.match(last[-2:-1]):
            pieces[-1] = last[:-1]
        elif last.endswith("-") and head and (end := _LAST_WORD.search(last)):
            word = f"{end.group(1)}-{head.group(0)}"
            if text[0].islower() and word.lower() not in hyphenated:
                pieces[-1] = last[:-1]
        elif started:
            pieces.append(" ")
        pieces.append(text)
        started = started or bool(text)
    return "".join(pieces)


def _block(group: list[Line], body: float, hyphenated: set[str]) -> Block:
    text = join_lines([line.text for line in group], hyphenated)
    first = group[0]
    if _is_heading_size(first, body) or (len(group) == 1 and first.bold and is_short_title(text)):
        return Block("heading", text)
    item = split_item(text)
    if item is not None:
        return Block("item", item[0])
    return Block("paragraph", text)
