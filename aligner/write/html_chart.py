"""The similarity-along-the-document chart of the HTML report, as inline SVG.

One polyline point per bead, in document order, so a reviewer sees where the two versions drift
apart; every flagged bead gets a marker coloured by its worst severity that links to its row.
"""
from __future__ import annotations

import math
from html import escape

from ..records import Alignment, Bead

WIDTH, HEIGHT = 1000, 120
_LEFT, _RIGHT, _TOP, _BOTTOM = 34, 8, 10, 22


def _x(position: int, count: int) -> float:
    span = WIDTH - _LEFT - _RIGHT
    return _LEFT + (span * position / (count - 1) if count > 1 else span / 2)


def _y(score: float) -> float:
    # Unpaired beads can score below 0; the chart shows the 0-1 range a reviewer reads.
    clamped = min(max(score, 0.0), 1.0) if math.isfinite(score) else 0.0
    return _TOP + (HEIGHT - _TOP - _BOTTOM) * (1.0 - clamped)


def _grid() -> list[str]:
    lines = []
    for value in (0.0, 0.5, 1.0):
        y = _y(value)
        lines.append(f'<line class="grid" x1="{_LEFT}" x2="{WIDTH - _RIGHT}" y1="{y:.1f}" '
                     f'y2="{y:.1f}"/><text class="axis" x="{_LEFT - 6}" y="{y + 3.5:.1f}" '
                     f'text-anchor="end">{value:g}</text>')
    return lines


def _marker(position: int, count: int, bead: Bead, severity: str) -> str:
    kinds = ", ".join(sorted({f.kind for f in bead.open_flags}))
    label = escape(f"bead {position + 1}: {severity} ({kinds}), score {bead.score:.2f}", quote=True)
    return (f'<a href="#b{position + 1}" class="pt {severity}"><circle cx="{_x(position, count):.1f}"'
            f' cy="{_y(bead.score):.1f}" r="5"><title>{label}</title></circle></a>')


def chart_svg(alignment: Alignment) -> str:
    """The chart; empty string for an alignment without beads."""
    beads = alignment.beads
    count = len(beads)
    if not count:
        return ""
    points = " ".join(f"{_x(i, count):.1f},{_y(b.score):.1f}" for i, b in enumerate(beads))
    markers = [_marker(i, count, b, sev) for i, b in enumerate(beads)
               if (sev := b.worst_severity) is not None]
    label = (f"Bead similarity along the document, {count} beads, "
             f"{len(markers)} flagged")
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}">',
        *_grid(),
        f'<text class="axis" x="{_LEFT}" y="{HEIGHT - 5}">bead 1</text>',
        f'<text class="axis" x="{WIDTH - _RIGHT}" y="{HEIGHT - 5}" text-anchor="end">'
        f"bead {count}</text>",
        f'<polyline class="line" points="{points}"/>',
        *markers,
        "</svg>",
    ]
    return "\n".join(parts)
