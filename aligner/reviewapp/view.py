"""What the page receives: beads as JSON, and after an operation only the stretch that changed
(so a 2,000-bead document is not re-sent or re-drawn for one merge)."""
from __future__ import annotations

import os
from collections.abc import Sequence

from ..records import Alignment, Bead
from .session import EXPORTS, WEAK_SCORE, Session, State


def bead_view(alignment: Alignment, bead: Bead, status: str) -> dict:
    return {
        "src": [[i, alignment.src[i].text] for i in bead.src],
        "tgt": [[j, alignment.tgt[j].text] for j in bead.tgt],
        "score": round(float(bead.score), 3),
        "status": status,
        "doubtful": bead.score < WEAK_SCORE or bead.shape != (1, 1),
        "flags": [f.to_dict() for f in bead.flags],
    }


def summary(session: Session, statuses: Sequence[str]) -> dict:
    beads = session.state.alignment.beads
    flags = [f for b in beads for f in b.flags]
    return {
        "revision": session.revision,
        "beads": len(beads),
        "reviewed": sum(1 for s in statuses if s),
        "flags": len(flags),
        "open": sum(f.is_open for f in flags),
        "can_undo": bool(session.undo),
        "can_redo": bool(session.redo),
        "stale": [s.line() for s in session.stale()],
        "notices": list(session.notices),
    }


def full(session: Session) -> dict:
    """Everything the page needs to draw itself."""
    a = session.state.alignment
    statuses = session.statuses()
    return {
        "src_name": os.path.basename(session.settings.src),
        "tgt_name": os.path.basename(session.settings.tgt),
        "review_file": os.fspath(session.settings.review_path),
        "src_lang": a.src_lang, "tgt_lang": a.tgt_lang,
        "exports": list(EXPORTS),
        "start": 0, "delete": -1,  # -1: replace everything
        "items": [bead_view(a, b, s) for b, s in zip(a.beads, statuses)],
        "summary": summary(session, statuses),
    }


def change(session: Session, before: State, before_statuses: Sequence[str]) -> dict:
    """The beads that differ between `before` and now, as one splice: from `start`, `delete`
    old beads give way to `items`."""
    old, new = before.alignment.beads, session.state.alignment.beads
    statuses = session.statuses()
    if before.alignment.src is not session.state.alignment.src:
        return full(session)  # a re-check: other sentences, every bead redrawn
    start = 0
    while (start < min(len(old), len(new)) and old[start] is new[start]
           and before_statuses[start] == statuses[start]):
        start += 1
    end_old, end_new = len(old), len(new)
    while (end_old > start and end_new > start and old[end_old - 1] is new[end_new - 1]
           and before_statuses[end_old - 1] == statuses[end_new - 1]):
        end_old -= 1
        end_new -= 1
    a = session.state.alignment
    return {"start": start, "delete": end_old - start,
            "items": [bead_view(a, b, s) for b, s in zip(new[start:end_new], statuses[start:end_new])],
            "summary": summary(session, statuses)}
