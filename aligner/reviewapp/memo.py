"""Per-bead check results kept for a session, so a re-check after a one-sentence edit judges
only the beads whose text changed. A document-wide check (one that overrides
`judge_document`: consistency, typography) always sees the whole document again."""
from __future__ import annotations

from ..diverge.base import BeadText, Check, Context
from ..records import Flag


class MemoCheck(Check):
    """`inner`'s flags by the bead's texts and score and the document context. Sound for the
    built-in per-bead checks, which read nothing else of a bead (not its sentence numbers,
    which every sentence added above it shifts)."""

    def __init__(self, inner: Check):
        self.inner = inner
        self.name = inner.name
        self._flags: dict[tuple, list[Flag]] = {}
        self.judged = 0

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        key = (bead.src_text, bead.tgt_text, bead.score, ctx)
        if key not in self._flags:
            self._flags[key] = self.inner.judge(bead, ctx)
            self.judged += 1
        return list(self._flags[key])


def memoised(checks: tuple[Check, ...]) -> tuple[Check, ...]:
    """Each per-bead check wrapped in a MemoCheck; document-wide ones as they are."""
    return tuple(MemoCheck(c) if type(c).judge_document is Check.judge_document else c
                 for c in checks)
