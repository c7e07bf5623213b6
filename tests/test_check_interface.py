"""The Check interface: per-bead checks and checks that see the whole document once."""
from __future__ import annotations

from aligner.checking import judge_alignment
from aligner.diverge import BeadText, Check, Context, judge_document
from aligner.records import Alignment, Bead, Flag, Segment


class _Repeats(Check):
    """Flags every bead whose English text occurs in an earlier bead too (needs the document)."""

    name = "repeats"

    def __init__(self):
        self.calls = 0

    def judge(self, bead, ctx):  # pragma: no cover - never called: judge_document is overridden
        raise AssertionError("a document check is not asked bead by bead")

    def judge_document(self, beads, ctx):
        self.calls += 1
        seen, out = set(), []
        for b in beads:
            out.append([Flag("omission", "low", "seen before")] if b.src_text in seen else [])
            seen.add(b.src_text)
        return out


class _Digits(Check):
    name = "digits"

    def judge(self, bead, ctx):
        return [Flag("figure", "high", "digit")] if any(c.isdigit() for c in bead.src_text) else []


def test_document_check_sees_all_beads_once_and_flags_land_on_their_beads():
    beads = [BeadText("A 1.", "Uno."), BeadText("B.", "Be."), BeadText("A 1.", "Uno.")]
    repeats = _Repeats()
    flags = judge_document(beads, Context(), (_Digits(), repeats))
    assert repeats.calls == 1
    assert [[f.message for f in fs] for fs in flags] == [["digit"], [], ["digit", "seen before"]]


def test_judge_alignment_passes_the_encoder_to_checks():
    seen = []

    class _Embeds(Check):
        def judge(self, bead, ctx):
            seen.append(ctx.embed is not None)
            return []

    class _Enc:
        def encode(self, texts):
            return [[1.0] for _ in texts]

    segs = (Segment(0, "One."),)
    alignment = Alignment(segs, (Segment(0, "Uno."),), (Bead((0,), (0,), 0.9),))
    judge_alignment(alignment, checks=(_Embeds(),))
    judge_alignment(alignment, checks=(_Embeds(),), encoder=_Enc())
    assert seen == [False, True]
