"""A ceiling on sentence length, so one runaway "sentence" (a 5 MB line with no full stop, a
table flattened to text) cannot blow up the encoder and the bead lengths.

A segment above the ceiling is cut into pieces under it: at the last clause mark (; : ,) in
the second half of the window, else at the last space, else (one unbroken token) at the ceiling.
"""
from __future__ import annotations

import re
from dataclasses import replace

from aligner.records import Segment

_CLAUSE_END = re.compile(r"[;:,)\]»”](?=\s)")
_SPACE = re.compile(r"\s")


def _cut(window: str, limit: int) -> int:
    """Where to end the piece that starts `window` (which is longer than `limit`)."""
    head = window[:limit + 1]
    clause = [m.end() for m in _CLAUSE_END.finditer(head, limit // 2) if m.end() <= limit]
    if clause:
        return clause[-1]
    spaces = [m.start() for m in _SPACE.finditer(head, 1)]
    return spaces[-1] if spaces else limit


def split_long(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut where a reader would pause.

    Joining the pieces gives `text` back up to whitespace.
    """
    pieces, pos = [], 0
    while len(text) - pos > limit:
        # a window of limit + 1 characters, so a space right after the limit still counts
        cut = _cut(text[pos:pos + limit + 1], limit)
        pieces.append(text[pos:pos + cut].strip())
        pos += cut
    pieces.append(text[pos:].strip())
    return [p for p in pieces if p]


def cap_lengths(segments: tuple[Segment, ...], limit: int) -> tuple[tuple[Segment, ...], int]:
    """Segments with every one longer than `limit` split (renumbered), and how many were split."""
    if all(len(s.text) <= limit for s in segments):
        return segments, 0
    out: list[Segment] = []
    split = 0
    for seg in segments:
        pieces = split_long(seg.text, limit) if len(seg.text) > limit else [seg.text]
        split += len(pieces) > 1
        out += [replace(seg, index=len(out) + k, text=p) for k, p in enumerate(pieces)]
    return tuple(out), split
