"""A plain-text review list for a terminal: where each flag is, both sentences, what differs."""
from __future__ import annotations

import textwrap
from collections import Counter
from typing import TextIO

from ..records import SEVERITIES, Alignment, Bead
from .base import StreamWriter

_WIDTH = 100


class TextReportWriter(StreamWriter):
    name = "text"
    suffixes = ()  # a review list, never chosen by a file name: `align -o x.txt` is not a report

    def dump(self, alignment: Alignment, stream: TextIO) -> None:
        flagged = [b for b in alignment.beads if b.flags]
        for bead in flagged:
            stream.write(_entry(alignment, bead) + "\n")
        stream.write(_summary(alignment, flagged) + "\n")


def _where(indices: tuple[int, ...]) -> str:
    if not indices:
        return "-"
    first, last = indices[0] + 1, indices[-1] + 1
    return f"{first}" if first == last else f"{first}-{last}"


def _entry(alignment: Alignment, bead: Bead) -> str:
    src_lang, tgt_lang = alignment.src_lang.upper(), alignment.tgt_lang.upper()
    lines = [f"{src_lang} sentence {_where(bead.src)} / {tgt_lang} sentence {_where(bead.tgt)}"
             f" (alignment score {bead.score:.2f})"]
    for lang, text in ((src_lang, alignment.src_text(bead)), (tgt_lang, alignment.tgt_text(bead))):
        body = text if text else "(nothing)"
        lines.append(textwrap.fill(body, _WIDTH, initial_indent=f"  {lang}: ",
                                   subsequent_indent=" " * (len(lang) + 4)))
    for flag in sorted(bead.flags, key=lambda f: -SEVERITIES.index(f.severity)):
        evidence = ""
        if flag.src_evidence or flag.tgt_evidence:
            evidence = f' ["{flag.src_evidence}" / "{flag.tgt_evidence}"]'
        dismissed = ""
        if not flag.is_open:
            dismissed = f" (dismissed{': ' + flag.note if flag.note else ''})"
        lines.append(f"  - {flag.severity.upper()} {flag.kind}: {flag.message}{evidence}{dismissed}")
    return "\n".join(lines) + "\n"


def _summary(alignment: Alignment, flagged: list[Bead]) -> str:
    counts = Counter(f.severity for b in flagged for f in b.open_flags)
    total = sum(counts.values())
    parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in reversed(SEVERITIES))
    dismissed = sum(not f.is_open for b in flagged for f in b.flags)
    also = f", {dismissed} dismissed" if dismissed else ""
    return (f"{total} flag{'s' if total != 1 else ''} ({parts}) in "
            f"{sum(1 for b in flagged if b.open_flags)} of {len(alignment.beads)} aligned "
            f"passages{also}")
