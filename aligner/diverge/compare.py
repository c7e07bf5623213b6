"""Pair the quantities of two sides: equal values, differing values, and quantities on one side only.

Equality is on normalised values, never on spelling. A quantity is 'plain' when it says
nothing about what it counts (a bare count, an ordinal, a reference number); a plain value may
match any quantity of the same value, because translations move or drop the counted word
("$100 billion" / "100.000 millones", "Target 2" / "la segunda Meta").
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .quantities import Quantity

_PLAIN = ("count", "ordinal", "factor", "approx")


def category(q: Quantity) -> tuple[str, str]:
    if q.kind in _PLAIN:
        return ("plain", "")
    return (q.kind, q.unit)


def same_value(a: Quantity, b: Quantity) -> bool:
    return any(math.isclose(x, y, rel_tol=1e-9) for x in a.values for y in b.values)


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities of equal value may be the same figure."""
    ca, cb = category(a), category(b)
    if ca == cb or "plain" in (ca[0], cb[0]):
        return True
    if ca[0] == cb[0] == "amount":
        return not (ca[1] and cb[1])
    # "Article 6" vs "el 6": a reference number may be rendered as a bare number.
    return "ref" in (ca[0], cb[0])


@dataclass
class Pairing:
    same: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    differ: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    src_only: list[Quantity] = field(default_factory=list)
    tgt_only: list[Quantity] = field(default_factory=list)


def _match(src: list[Quantity], tgt: list[Quantity], ok, pairs: list) -> tuple[list[Quantity], list[Quantity]]:
    """Greedy in order of appearance; returns what is left on each side."""
    left = list(tgt)
    rest: list[Quantity] = []
    for a in src:
        b = next((b for b in left if ok(a, b)), None)
        if b is None:
            rest.append(a)
        else:
            left.remove(b)
            pairs.append((a, b))
    return rest, left


def _comparable(a: Quantity, b: Quantity) -> bool:
    """Two leftovers that state the same sort of thing, so one is a changed version of the other."""
    if a.kind == b.kind and a.kind in ("date", "amount"):
        return True  # another day, another currency: still the same figure changed
    if category(a) != category(b):
        return False
    # Bare numbers are paired only with their own kind, and never a lone "one": a stray
    # "una" and "third" are not one figure changed into another.
    return category(a)[0] != "plain" or (a.kind == b.kind and 1.0 not in a.values + b.values)


def pair_quantities(src: list[Quantity], tgt: list[Quantity]) -> Pairing:
    """Equal first within a category, then across compatible ones; what is left of one
    category on both sides is a difference; the remainder is on one side only."""
    out = Pairing()
    rest_s, rest_t = _match(src, tgt, lambda a, b: category(a) == category(b) and same_value(a, b), out.same)
    rest_s, rest_t = _match(rest_s, rest_t, lambda a, b: same_value(a, b) and compatible(a, b), out.same)
    rest_s, rest_t = _match(rest_s, rest_t, _comparable, out.differ)
    out.src_only, out.tgt_only = rest_s, rest_t
    return out
