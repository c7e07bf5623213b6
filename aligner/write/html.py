"""A self-contained HTML review report: both versions side by side, bead by bead, with the
flagged passages marked, a summary, a similarity chart and filters.

One file with no network access at all (inline CSS and SVG, no script, a CSP that forbids every
fetch), so it can be mailed to a reviewer or opened from an archive years later. Every piece of
document text goes through html.escape.
"""
from __future__ import annotations

import math
import os
from collections import Counter
from html import escape
from typing import TextIO

from .. import __version__
from ..records import FLAG_KINDS, SEVERITIES, Alignment, Bead, Flag, Segment
from .base import StreamWriter
from .html_chart import chart_svg
from .html_marks import evidence_spans, render_sentences
from .html_style import FILTERS, content_security_policy, stylesheet

LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "de": "German", "fr": "French",
                  "pt": "Portuguese", "it": "Italian"}
WEAK_SCORE = 0.5  # below this a bar turns amber: a pair worth a second look even unflagged
QUOTE_LIMIT = 60  # longer evidence (a whole dropped sentence) is only marked in the row


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code.lower(), code.upper())


def bead_type(bead: Bead) -> str:
    """'1-1', '1-0' (source only), '0-1' (target only) or 'n-m' (a merge or a split)."""
    shape = bead.shape
    return f"{shape[0]}-{shape[1]}" if shape in ((1, 1), (1, 0), (0, 1)) else "n-m"


def mean_similarity(alignment: Alignment) -> float:
    """The alignment's own figure, else the mean score of beads with text on both sides."""
    if math.isfinite(alignment.mean_similarity):
        return alignment.mean_similarity
    paired = [b.score for b in alignment.beads if b.src and b.tgt]
    return sum(paired) / len(paired) if paired else float("nan")


def _document_names(alignment: Alignment) -> tuple[str, str]:
    names = []
    for path, lang in ((alignment.src_path, alignment.src_lang),
                       (alignment.tgt_path, alignment.tgt_lang)):
        names.append(os.path.basename(path) if path else language_name(lang))
    return names[0], names[1]


# ---- beads ---------------------------------------------------------------------------------

def _side(segments: tuple[Segment, ...], indices: tuple[int, ...], flags: tuple[Flag, ...],
          evidence_of, lang: str, where: str) -> str:
    if not indices:
        return (f'<div class="side {where}" lang="{_e(lang)}"><span class="empty">'
                f'no {_e(language_name(lang))} text</span></div>')
    sentences = [(i, segments[i].text) for i in indices]
    joined = " ".join(text for _, text in sentences)
    spans = evidence_spans(joined, ((evidence_of(f), f.severity) for f in flags))
    heading = " heading" if all(segments[i].kind == "heading" for i in indices) else ""
    return (f'<div class="side {where}{heading}" lang="{_e(lang)}">'
            f"{render_sentences(sentences, spans)}</div>")


def _score(score: float) -> str:
    finite = score if math.isfinite(score) else 0.0
    width = 100 * min(max(finite, 0.0), 1.0)
    weak = " weak" if finite < WEAK_SCORE else ""
    return (f'<div class="score{weak}" title="similarity of the two sides">'
            f'<span class="num">{finite:.2f}</span><svg viewBox="0 0 100 6" aria-hidden="true">'
            f'<rect class="track" width="100" height="6" rx="3"/>'
            f'<rect class="fill" width="{width:.1f}" height="6" rx="3"/></svg></div>')


def _flag_item(flag: Flag) -> str:
    quoted = ""
    evidence = (flag.src_evidence, flag.tgt_evidence)
    if all(evidence) and max(map(len, evidence)) <= QUOTE_LIMIT:
        quoted = f' <q>{_e(flag.src_evidence)}</q> ↔ <q>{_e(flag.tgt_evidence)}</q>'
    dismissed, judged = "", ""
    if not flag.is_open:
        dismissed = " dismissed"
        judged = (f'<span class="judged">dismissed{": " + _e(flag.note) if flag.note else ""}'
                  "</span>")
    return (f'<li class="flag {_e(flag.severity)}{dismissed}"><span class="sev">'
            f'{_e(flag.severity)}</span><span class="kind">{_e(flag.kind)}</span>'
            f"{_e(flag.message)}{quoted}{judged}</li>")


def _bead_classes(bead: Bead) -> str:
    """A bead is flagged by its open flags: one whose flags were all dismissed is plain."""
    classes = ["bead"]
    severity = bead.worst_severity
    if severity is not None:
        classes += ["flagged", f"sev-{severity}"]
        classes += sorted({f"k-{f.kind}" for f in bead.open_flags})
    return " ".join(classes)


def bead_html(alignment: Alignment, position: int, bead: Bead) -> str:
    """One row: position and shape, both sides, the score, then the flags."""
    number = position + 1
    flags = tuple(sorted(bead.flags, key=lambda f: (not f.is_open, -SEVERITIES.index(f.severity))))
    marked = tuple(f for f in flags if f.is_open)
    parts = [
        f'<section class="{_e(_bead_classes(bead))}" id="b{number}">',
        f'<div class="pos"><a href="#b{number}">{number}</a>'
        f'<span class="shape">{bead.shape[0]}–{bead.shape[1]}</span></div>',
        _side(alignment.src, bead.src, marked, lambda f: f.src_evidence, alignment.src_lang, "src"),
        _side(alignment.tgt, bead.tgt, marked, lambda f: f.tgt_evidence, alignment.tgt_lang, "tgt"),
        _score(bead.score),
    ]
    if flags:
        parts.append('<ul class="flags">' + "".join(_flag_item(f) for f in flags) + "</ul>")
    parts.append("</section>")
    return "".join(parts)


# ---- summary -------------------------------------------------------------------------------

def _types_card(alignment: Alignment) -> str:
    counts = Counter(bead_type(b) for b in alignment.beads)
    src, tgt = language_name(alignment.src_lang), language_name(alignment.tgt_lang)
    rows = (("1-1", "one to one"), ("n-m", "merged or split"), ("1-0", f"{src} only"),
            ("0-1", f"{tgt} only"))
    body = "".join(f'<tr data-type="{key}"><th>{key.replace("-", "–")}</th><td>{_e(label)}</td>'
                   f'<td class="c">{counts.get(key, 0)}</td></tr>' for key, label in rows)
    return (f'<div class="card"><h2>Beads</h2><div class="big" id="n-beads">'
            f"{len(alignment.beads)}</div><table>{body}</table></div>")


def _flags_card(alignment: Alignment) -> str:
    flags = [f for b in alignment.beads for f in b.open_flags]
    flagged = sum(1 for b in alignment.beads if b.open_flags)
    dismissed = sum(len(b.flags) - len(b.open_flags) for b in alignment.beads)
    by_severity = Counter(f.severity for f in flags)
    chips = "".join(f'<span class="chip {s}" data-severity="{s}">{by_severity.get(s, 0)} {s}</span>'
                    for s in reversed(SEVERITIES))
    judged = (f'<div class="meta"><b id="n-dismissed">{dismissed}</b> more dismissed by a '
              "reviewer</div>") if dismissed else ""
    return (f'<div class="card"><h2>Flags</h2><div class="big" id="n-flags">{len(flags)}</div>'
            f'<div>in <b id="n-flagged">{flagged}</b> of {len(alignment.beads)} beads</div>'
            f'<div class="sevs">{chips}</div>{judged}</div>')


def _kinds_card(alignment: Alignment) -> str:
    counts = Counter((f.kind, f.severity) for b in alignment.beads for f in b.open_flags)
    severities = list(reversed(SEVERITIES))
    head = "".join(f'<th class="c">{s}</th>' for s in severities)
    rows = "".join(
        f'<tr data-kind="{_e(kind)}"><td>{_e(kind)}</td>'
        + "".join(f'<td class="c" data-severity="{s}">{counts.get((kind, s), 0)}</td>'
                  for s in severities) + "</tr>"
        for kind in _kinds(alignment))
    return (f'<div class="card"><h2>Flags by kind</h2><table><tr><th>kind</th>{head}</tr>'
            f"{rows}</table></div>")


def _kinds(alignment: Alignment) -> list[str]:
    """The known kinds in their usual order, then any other kind a custom check produced."""
    seen = {f.kind for b in alignment.beads for f in b.flags}
    return list(FLAG_KINDS) + sorted(seen - set(FLAG_KINDS))


def _similarity_card(alignment: Alignment) -> str:
    mean = mean_similarity(alignment)
    shown = f"{mean:.2f}" if math.isfinite(mean) else "–"
    return (f'<div class="card"><h2>Mean similarity</h2><div class="big" id="mean-sim">{shown}'
            f'</div><div>of beads with text on both sides</div><div class="meta">encoder '
            f'<b id="encoder">{_e(alignment.encoder or "unknown")}</b></div></div>')


def _header(alignment: Alignment) -> str:
    src_name, tgt_name = _document_names(alignment)
    chart = chart_svg(alignment)
    chart_card = (f'<div class="card chartcard"><h2>Similarity along the document</h2>{chart}'
                  '<div class="legend">One point per bead in document order; dots are flagged '
                  "beads (click to jump to one). Dips show where the versions drift apart.</div>"
                  "</div>") if chart else ""
    return (f'<header><div class="wrap"><h1>Translation review: <span id="src-name">'
            f'{_e(src_name)}</span> ↔ <span id="tgt-name">{_e(tgt_name)}</span></h1>'
            f'<p class="meta">{_e(language_name(alignment.src_lang))} ({_e(alignment.src_lang)}) '
            f'against {_e(language_name(alignment.tgt_lang))} ({_e(alignment.tgt_lang)}) · '
            f"generated by aligner {_e(__version__)}</p>"
            f'<div class="cards">{_types_card(alignment)}{_flags_card(alignment)}'
            f"{_kinds_card(alignment)}{_similarity_card(alignment)}</div>{chart_card}"
            "</div></header>")


# ---- filters and page ----------------------------------------------------------------------

def _filter_counts(alignment: Alignment) -> dict[str, int]:
    counts = Counter()
    for bead in alignment.beads:
        counts[""] += 1
        for cls in _bead_classes(bead).split()[1:]:
            counts[cls] += 1
    counts["sev-medium"] += counts["sev-high"]  # "medium and up"
    return counts


def _filters(alignment: Alignment) -> tuple[str, str]:
    """The hidden radio inputs (siblings of the bead list, so CSS can filter it) and the bar
    with their labels."""
    counts = _filter_counts(alignment)
    inputs = "".join(f'<input type="radio" name="show" id="{ident}" class="vh"'
                     f'{" checked" if not needed else ""}>' for ident, _, needed in FILTERS)
    labels = "".join(f'<label for="{ident}">{_e(text)}<i>{counts.get(needed, 0)}</i></label>'
                     for ident, text, needed in FILTERS)
    src, tgt = language_name(alignment.src_lang), language_name(alignment.tgt_lang)
    bar = (f'<div class="bar"><nav class="filters" aria-label="Filter beads"><span>Show</span>'
           f'{labels}</nav><div class="cols"><div>Bead</div><div>{_e(src)}</div>'
           f'<div>{_e(tgt)}</div><div class="score">Similarity</div></div></div>')
    return inputs, bar


def render(alignment: Alignment) -> str:
    """The whole report as one HTML string."""
    src_name, tgt_name = _document_names(alignment)
    inputs, bar = _filters(alignment)
    rows = "\n".join(bead_html(alignment, i, b) for i, b in enumerate(alignment.beads))
    if not alignment.beads:
        rows = '<div class="none">No beads: both documents are empty.</div>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Review: {_e(src_name)} ↔ {_e(tgt_name)}</title>\n"
        f"<style>{stylesheet()}</style></head>\n<body>\n"
        f"{_header(alignment)}\n"
        f'<div class="wrap">{inputs}{bar}\n<main id="beads">\n{rows}\n</main></div>\n'
        "</body></html>\n"
    )


class HtmlReportWriter(StreamWriter):
    name = "html"
    suffixes = (".html", ".htm")

    def dump(self, alignment: Alignment, stream: TextIO) -> None:
        stream.write(render(alignment))
