"""Strict and lax precision / recall / F1 of a predicted alignment against a gold one.

Conventions (those of vecalign's scorer and of ../shared/data/tools/score_lib.py):
  * a bead is the pair (source indices, target indices); the order inside a side does not
    matter, a bead repeated in one alignment counts once, a bead empty on both sides is ignored;
  * precision judges every predicted bead, 1-0 and 0-1 included, against all gold beads;
  * recall judges the gold beads with both sides non-empty against the predicted beads with
    both sides non-empty;
  * strict hit = the same bead is on the other side; lax hit = a strict hit, or one bead on the
    other side shares at least one source AND one target index with it (so a null bead can
    only hit strictly);
  * several documents are micro-averaged: counts are summed before dividing.
Nothing assumes the gold is a complete or monotone cover (the Text+Berg gold is neither).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from .errors import InputError
from .goldfile import BeadIds
from .records import Bead

BeadLike = Bead | BeadIds


@dataclass(frozen=True)
class Counts:
    """Hits behind the scores: `predicted*` for precision, `gold*` for recall."""

    predicted: int = 0
    predicted_strict: int = 0
    predicted_lax: int = 0
    gold: int = 0
    gold_strict: int = 0
    gold_lax: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class Scores:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float
    counts: Counts

    @classmethod
    def from_counts(cls, c: Counts) -> Scores:
        ps, rs = _ratio(c.predicted_strict, c.predicted), _ratio(c.gold_strict, c.gold)
        pl, rl = _ratio(c.predicted_lax, c.predicted), _ratio(c.gold_lax, c.gold)
        return cls(ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl), c)

    def format(self) -> str:
        """A small fixed-width table, three decimals."""
        rows = [
            ("Precision", self.precision_strict, self.precision_lax),
            ("Recall", self.recall_strict, self.recall_lax),
            ("F1", self.f1_strict, self.f1_lax),
        ]
        lines = [f"{'':<10} {'Strict':>7} {'Lax':>7}"]
        lines += [f"{label:<10} {strict:>7.3f} {lax:>7.3f}" for label, strict, lax in rows]
        c = self.counts
        lines.append(f"({c.predicted} predicted beads, {c.gold} gold beads with both sides)")
        return "\n".join(lines)


def _normalise(beads: Iterable[BeadLike]) -> set[BeadIds]:
    out = set()
    for bead in beads:
        src, tgt = (bead.src, bead.tgt) if isinstance(bead, Bead) else bead
        if src or tgt:
            out.add((tuple(sorted(src)), tuple(sorted(tgt))))
    return out


def _both_sides(beads: set[BeadIds]) -> set[BeadIds]:
    return {b for b in beads if b[0] and b[1]}


class _Overlaps:
    """Which reference beads each source and each target index belongs to."""

    def __init__(self, reference: Iterable[BeadIds]) -> None:
        self.by_src: dict[int, set[int]] = {}
        self.by_tgt: dict[int, set[int]] = {}
        for k, (src, tgt) in enumerate(reference):
            for i in src:
                self.by_src.setdefault(i, set()).add(k)
            for j in tgt:
                self.by_tgt.setdefault(j, set()).add(k)

    def _touched(self, ids: tuple[int, ...], table: dict[int, set[int]]) -> set[int]:
        return set().union(*(table.get(i, ()) for i in ids))

    def link(self, bead: BeadIds) -> bool:
        """True when one reference bead shares a source and a target index with `bead`."""
        src, tgt = bead
        return not self._touched(src, self.by_src).isdisjoint(self._touched(tgt, self.by_tgt))


def _judge(candidates: set[BeadIds], reference: set[BeadIds]) -> tuple[int, int, int]:
    """(number of candidates, strict hits, lax hits) against `reference`."""
    overlaps = _Overlaps(reference)
    strict = len(candidates & reference)
    lax = strict + sum(overlaps.link(b) for b in candidates - reference)
    return len(candidates), strict, lax


def count(gold: Iterable[BeadLike], pred: Iterable[BeadLike]) -> Counts:
    """Hit counts of one document."""
    gold_set, pred_set = _normalise(gold), _normalise(pred)
    p_n, p_strict, p_lax = _judge(pred_set, gold_set)
    r_n, r_strict, r_lax = _judge(_both_sides(gold_set), _both_sides(pred_set))
    return Counts(p_n, p_strict, p_lax, r_n, r_strict, r_lax)


def score(gold: Iterable[BeadLike], pred: Iterable[BeadLike]) -> Scores:
    """Scores of one document."""
    return Scores.from_counts(count(gold, pred))


def score_documents(pairs: Iterable[tuple[Iterable[BeadLike], Iterable[BeadLike]]]) -> Scores:
    """Micro-averaged scores over (gold, pred) pairs, one pair per document."""
    return Scores.from_counts(sum((count(g, p) for g, p in pairs), Counts()))


# --- unit level: gold that groups all sentences of a verse / paragraph into one bead ---

UnitKey = tuple[str, str]


def _unit_keys(bead: BeadIds, src_units: Sequence[str], tgt_units: Sequence[str]) -> set[UnitKey]:
    try:
        return {("s", src_units[i]) for i in bead[0]} | {("t", tgt_units[j]) for j in bead[1]}
    except IndexError:
        raise InputError(
            f"bead {list(bead[0])}:{list(bead[1])} points past the unit ids "
            f"({len(src_units)} source, {len(tgt_units)} target)"
        ) from None


def _unit_groups(
    gold: Sequence[BeadIds], src_units: Sequence[str], tgt_units: Sequence[str]
) -> dict[UnitKey, int]:
    """Each (side, unit) -> the first gold bead it occurs in."""
    groups: dict[UnitKey, int] = {}
    for k, bead in enumerate(gold):
        for key in _unit_keys(bead, src_units, tgt_units):
            groups.setdefault(key, k)
    return groups


def _ids(bead: BeadLike) -> BeadIds:
    return (bead.src, bead.tgt) if isinstance(bead, Bead) else (tuple(bead[0]), tuple(bead[1]))


def merge_by_units(
    pred_beads: Iterable[BeadLike],
    src_unit_ids: Sequence[str],
    tgt_unit_ids: Sequence[str],
    gold_beads: Iterable[BeadLike],
) -> list[BeadIds]:
    """Merge runs of consecutive predicted beads that lie inside one gold unit group.

    A gold bead defines a group: the (side, unit id) pairs of its sentences. A predicted bead
    belongs to a group when all its sentences' units do; a bead that straddles groups (or
    touches a unit no gold bead has) belongs to none, is kept as it is and ends the run, so an
    error across a unit boundary stays an error. Sides come out sorted.
    """
    groups = _unit_groups([_ids(b) for b in gold_beads], src_unit_ids, tgt_unit_ids)
    merged: list[BeadIds] = []
    previous: int | None = None
    for bead in map(_ids, pred_beads):
        owners = {groups.get(key) for key in _unit_keys(bead, src_unit_ids, tgt_unit_ids)}
        group = owners.pop() if len(owners) == 1 else None
        if group is not None and group == previous:
            src, tgt = merged[-1]
            merged[-1] = (tuple(sorted({*src, *bead[0]})), tuple(sorted({*tgt, *bead[1]})))
        else:
            merged.append((tuple(sorted(bead[0])), tuple(sorted(bead[1]))))
        previous = group
    return merged


def count_units(
    gold: Sequence[BeadLike],
    pred: Iterable[BeadLike],
    src_unit_ids: Sequence[str],
    tgt_unit_ids: Sequence[str],
) -> Counts:
    """Hit counts after merging both alignments by unit (gold against itself scores 1.0)."""
    return count(
        merge_by_units(gold, src_unit_ids, tgt_unit_ids, gold),
        merge_by_units(pred, src_unit_ids, tgt_unit_ids, gold),
    )


def score_units(
    gold: Sequence[BeadLike],
    pred: Iterable[BeadLike],
    src_unit_ids: Sequence[str],
    tgt_unit_ids: Sequence[str],
) -> Scores:
    """Unit-level scores of one document."""
    return Scores.from_counts(count_units(gold, pred, src_unit_ids, tgt_unit_ids))
