"""Put a review's decisions back on a fresh alignment of (possibly revised) documents.

Bead decisions become the aligner's fixed anchors; dismissed flags are matched to the flags
the checks raise again. A decision whose text is gone is stale: reported, never applied.
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import Alignment, Flag, Segment
from .file import BeadDecision, FlagDecision, Review, flag_key, normalise

Anchor = tuple[tuple[int, ...], tuple[int, ...]]
QUOTE = 60  # characters of a stale decision's text quoted on its stderr line


class StaleDecisionWarning(UserWarning):
    """A review decision whose text no longer occurs in the documents; `stale` says which."""

    def __init__(self, stale: "Stale"):
        super().__init__(stale.line())
        self.stale = stale


@dataclass(frozen=True)
class Stale:
    """A decision that could not be applied, and why."""

    decision: BeadDecision | FlagDecision
    reason: str

    def line(self) -> str:
        """One line for stderr: what it was and which text is missing."""
        d = self.decision
        if isinstance(d, BeadDecision):
            what = f"{d.status} bead"
            text = " ".join(d.src_text) or " ".join(d.tgt_text)
        else:
            what = f"dismissed {d.kind} flag"
            text = d.src_text or d.tgt_text
        return f"stale review decision: {what} {_quote(text)}: {self.reason}"


def _quote(text: str) -> str:
    text = normalise(text)
    return '"' + (text if len(text) <= QUOTE else text[:QUOTE - 1] + "…") + '"'


def warn_stale(stale: Sequence[Stale]) -> None:
    for item in stale:
        warnings.warn(StaleDecisionWarning(item))


# ---- beads -----------------------------------------------------------------------------------

def find_anchors(review: Review, src: Sequence[Segment],
                 tgt: Sequence[Segment]) -> tuple[list[Anchor], list[Stale]]:
    """Where each bead decision's sentences are now, as anchors in document order.

    Decisions are taken in the file's (document) order, each at the first place after the
    previous one where its sentences follow each other on both sides; a decision found only
    before an earlier one (the text was moved) or not at all (it was edited) is stale.
    """
    src_texts = [normalise(s.text) for s in src]
    tgt_texts = [normalise(s.text) for s in tgt]
    anchors: list[Anchor] = []
    stale: list[Stale] = []
    cursor_src = cursor_tgt = 0
    for decision in review.beads:
        want_src, want_tgt = decision.key
        at_src = _find_run(src_texts, want_src, cursor_src)
        at_tgt = _find_run(tgt_texts, want_tgt, cursor_tgt)
        if at_src is None or at_tgt is None:
            stale.append(Stale(decision, _why_missing(src_texts, tgt_texts, want_src, want_tgt)))
            continue
        anchor = (tuple(range(at_src, at_src + len(want_src))),
                  tuple(range(at_tgt, at_tgt + len(want_tgt))))
        anchors.append(anchor)
        cursor_src = at_src + len(want_src) if want_src else cursor_src
        cursor_tgt = at_tgt + len(want_tgt) if want_tgt else cursor_tgt
    return anchors, stale


def _find_run(texts: list[str], run: tuple[str, ...], start: int) -> int | None:
    """First position >= start where `run` occurs; `start` itself for an empty run."""
    if not run:
        return start
    for k in range(start, len(texts) - len(run) + 1):
        if texts[k] == run[0] and tuple(texts[k:k + len(run)]) == run:
            return k
    return None


def _why_missing(src_texts, tgt_texts, want_src, want_tgt) -> str:
    for lang, texts, run in (("source", src_texts, want_src), ("target", tgt_texts, want_tgt)):
        if run and _find_run(texts, run, 0) is None:
            return f"its {lang} text is no longer in the document"
    return "its sentences now come before an earlier decision's"


# ---- flags -----------------------------------------------------------------------------------

def apply_flag_decisions(alignment: Alignment, review: Review) -> tuple[Alignment, list[Stale]]:
    """`alignment` with every flag a decision matches marked dismissed (with its note), and the
    decisions whose bead text no longer occurs."""
    decisions = {d.key: d for d in review.flags}
    bead_texts = set()
    beads = []
    for bead in alignment.beads:
        src_text, tgt_text = alignment.src_text(bead), alignment.tgt_text(bead)
        bead_texts.add((normalise(src_text), normalise(tgt_text)))
        beads.append(replace(bead, flags=mark_flags(bead.flags, src_text, tgt_text, decisions)))
    stale = [Stale(d, "no bead has this text any more") for d in review.flags
             if d.bead_key not in bead_texts]
    return replace(alignment, beads=tuple(beads)), stale


def mark_flags(flags: Sequence[Flag], src_text: str, tgt_text: str,
               decisions: dict[tuple[str, ...], FlagDecision]) -> tuple[Flag, ...]:
    """The flags of one bead (its texts given), dismissed where `decisions` (by key) say so."""
    return tuple(_decided(f, decisions.get(flag_key(f.kind, f.src_evidence, f.tgt_evidence,
                                                     src_text, tgt_text)))
                 for f in flags)


def _decided(flag: Flag, decision: FlagDecision | None) -> Flag:
    if decision is None:
        return replace(flag, status="open", note="")
    return replace(flag, status="dismissed", note=decision.note)
