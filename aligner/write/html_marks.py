"""Escape one side of a bead to HTML, wrapping each flag's evidence in <mark>.

The evidence is located in the raw text and every piece is escaped on its own, so markup can
never be assembled from document text: a "<scr" + "ipt>" split across a mark boundary is still
two escaped pieces.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from ..records import SEVERITIES


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of a bead side that a flag of `severity` points at."""

    start: int
    end: int
    severity: str


def _standalone(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is not the inside of a longer word or number ("37" in "2037")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def locate(text: str, evidence: str) -> tuple[int, int] | None:
    """Where `evidence` stands in `text`: its first standalone occurrence, else its first one."""
    if not evidence:
        return None
    hits = []
    start = text.find(evidence)
    while start >= 0:
        hits.append(start)
        start = text.find(evidence, start + 1)
    if not hits:
        return None
    best = next((s for s in hits if _standalone(text, s, s + len(evidence))), hits[0])
    return best, best + len(evidence)


def evidence_spans(text: str, evidence: Iterable[tuple[str, str]]) -> list[Span]:
    """Spans for (evidence, severity) pairs; evidence not found in `text` is skipped."""
    spans = []
    for snippet, severity in evidence:
        where = locate(text, snippet)
        if where is not None:
            spans.append(Span(where[0], where[1], severity))
    return spans


def _severity_at(spans: Sequence[Span], start: int, end: int) -> str | None:
    covering = [s.severity for s in spans if s.start <= start and end <= s.end]
    return max(covering, key=SEVERITIES.index) if covering else None


def _piece(text: str, severity: str | None) -> str:
    body = escape(text, quote=True)
    return f'<mark class="{severity}">{body}</mark>' if severity else body


def render_sentences(sentences: Sequence[tuple[int, str]], spans: Sequence[Span]) -> str:
    """HTML for sentences joined by one space (as Alignment.src_text joins them), each with its
    1-based number; `spans` index into that joined text."""
    starts, offset = [], 0
    for _, text in sentences:
        starts.append(offset)
        offset += len(text) + 1
    out = []
    for k, (index, text) in enumerate(sentences):
        lo = starts[k]
        cuts = sorted({0, len(text)} | {min(max(p - lo, 0), len(text))
                                          for s in spans for p in (s.start, s.end)})
        body = "".join(_piece(text[a:b], _severity_at(spans, lo + a, lo + b))
                       for a, b in zip(cuts, cuts[1:]) if b > a)
        out.append(f'<span class="sent"><span class="n" title="sentence {index + 1}">'
                   f'{index + 1}</span>{body}</span>')
    return " ".join(out)

