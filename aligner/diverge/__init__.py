"""Divergence checks: where the two versions of a bead disagree on figures or commitments,
which sentences one side omits or adds, and which members of a list it drops or adds.

Shaped like sacrebleu's metrics: a `Check` base class (base.py) and one module per check.
"""
from __future__ import annotations

from collections.abc import Sequence

from .base import BeadText, Check, Context
from ..records import Flag


# What a profile's `checks` names, in the order the checks run.
CHECK_NAMES = ("figures", "commitments", "omissions", "terminology", "consistency",
               "untranslated", "names", "typography")


def default_checks() -> tuple[Check, ...]:
    """Every check that needs no settings (terminology needs a glossary)."""
    return build_checks()


def build_checks(names: Sequence[str] = CHECK_NAMES, glossary=None) -> tuple[Check, ...]:
    """The checks `names` selects; terminology runs only with a glossary."""
    from .clauses import ClausesCheck
    from .commitments import CommitmentsCheck
    from .consistency import ConsistencyCheck
    from .figures import FiguresCheck
    from .listed import EnumerationsCheck
    from .names import NamesCheck
    from .omissions import OmissionsCheck
    from .strength import StrengthCheck
    from .typography import TypographyCheck
    from .untranslated import UntranslatedCheck

    groups: dict[str, tuple[Check, ...]] = {
        # the enumerations check reports list members, so commitments leaves them to it
        # (the clause check runs the partial-omission heuristic itself, where it finds no
        # dropped clause: one flag for one omission)
        "figures": (FiguresCheck(),),
        "commitments": (CommitmentsCheck(defer_listed=True), StrengthCheck()),
        "omissions": (OmissionsCheck(partial=False), ClausesCheck(), EnumerationsCheck()),
        "consistency": (ConsistencyCheck(),),
        "untranslated": (UntranslatedCheck(),), "names": (NamesCheck(),),
        "typography": (TypographyCheck(),),
    }
    if glossary is not None and glossary.entries:
        from .terminology import TerminologyCheck

        groups["terminology"] = (TerminologyCheck(glossary),)
    unknown = [n for n in names if n not in CHECK_NAMES]
    if unknown:
        raise ValueError(f"unknown check {unknown[0]!r}")
    return tuple(c for name in CHECK_NAMES if name in names for c in groups.get(name, ()))


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


__all__ = ["CHECK_NAMES", "BeadText", "Check", "Context", "Flag", "build_checks", "default_checks",
           "judge", "judge_document"]
