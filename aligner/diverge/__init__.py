"""Divergence checks: where the two versions of a bead disagree on figures or commitments,
and which sentences one side omits or adds.

Shaped like sacrebleu's metrics: a `Check` base class (base.py) and one module per check.
"""
from __future__ import annotations

from .base import BeadText, Check, Context
from ..records import Flag


def default_checks() -> tuple[Check, ...]:
    from .clauses import ClausesCheck
    from .commitments import CommitmentsCheck
    from .figures import FiguresCheck
    from .omissions import OmissionsCheck

    from .strength import StrengthCheck

    # the clause check runs the omissions check's partial-omission heuristic itself, only
    # where it finds no dropped clause (one flag for one omission)
    return (FiguresCheck(), CommitmentsCheck(), OmissionsCheck(partial=False), ClausesCheck(), StrengthCheck())


def judge(bead: BeadText, ctx: Context = Context(),
          checks: tuple[Check, ...] | None = None) -> list[Flag]:
    """All flags every check raises for one bead."""
    flags: list[Flag] = []
    for check in checks if checks is not None else default_checks():
        flags.extend(check.judge(bead, ctx))
    return flags


__all__ = ["BeadText", "Check", "Context", "Flag", "default_checks", "judge"]
