"""Divergence checks: where the two versions of a bead disagree on figures or commitments,
and which sentences one side omits or adds.

Shaped like sacrebleu's metrics: a `Check` base class (base.py) and one module per check.
"""
from __future__ import annotations

from collections.abc import Sequence

from .base import BeadText, Check, Context
from ..records import Flag


def default_checks() -> tuple[Check, ...]:
    from .commitments import CommitmentsCheck
    from .figures import FiguresCheck
    from .omissions import OmissionsCheck

    return (FiguresCheck(), CommitmentsCheck(), OmissionsCheck())


def judge(bead: BeadText, ctx: Context = Context(),
          checks: tuple[Check, ...] | None = None) -> list[Flag]:
    """All flags every check raises for one bead."""
    flags: list[Flag] = []
    for check in checks if checks is not None else default_checks():
        flags.extend(check.judge(bead, ctx))
    return flags


def judge_document(beads: Sequence[BeadText], ctx: Context = Context(),
                   checks: tuple[Check, ...] | None = None) -> list[list[Flag]]:
    """All flags for every bead of one document, each check seeing the document once."""
    per_bead: list[list[Flag]] = [[] for _ in beads]
    for check in checks if checks is not None else default_checks():
        for flags, found in zip(per_bead, check.judge_document(beads, ctx)):
            flags.extend(found)
    return per_bead


__all__ = ["BeadText", "Check", "Context", "Flag", "default_checks", "judge", "judge_document"]
