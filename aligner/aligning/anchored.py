"""Alignment around fixed beads: a person confirmed or made some beads, the DP aligns the rest.

A fixed bead with text on both sides cuts both documents there, and each stretch between two
cuts is aligned on its own. A fixed bead with one side only (a sentence judged untranslated)
gives no cut on the other side: its sentence is left out of its stretch's DP and put back in
document order afterwards.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..records import Bead
from .params import AlignParams
from .search import Side, align_embeddings

Anchor = tuple[tuple[int, ...], tuple[int, ...]]


def align_anchored(src: Side, tgt: Side, anchors: Sequence[Anchor],
                   params: AlignParams = AlignParams()) -> list[Bead]:
    """Beads covering both documents, every anchor among them as given.

    Anchors must be runs of consecutive sentences, in document order on each side, and must
    not overlap (aligner.review.apply finds them so); a ValueError says which breaks that.
    """
    _check(anchors, len(src), len(tgt))
    cuts = [a for a in anchors if a[0] and a[1]]
    singles_src = {i for a in anchors if not a[1] for i in a[0]}
    singles_tgt = {j for a in anchors if not a[0] for j in a[1]}
    beads: list[Bead] = []
    i = j = 0
    for a_src, a_tgt in cuts:
        beads += _stretch(src, tgt, range(i, a_src[0]), range(j, a_tgt[0]), singles_src,
                          singles_tgt, params)
        beads.append(Bead(a_src, a_tgt, pair_score(src.emb, tgt.emb, a_src, a_tgt)))
        i, j = a_src[-1] + 1, a_tgt[-1] + 1
    beads += _stretch(src, tgt, range(i, len(src)), range(j, len(tgt)), singles_src,
                      singles_tgt, params)
    return beads


def _check(anchors: Sequence[Anchor], n: int, m: int) -> None:
    last_src = last_tgt = -1
    for a_src, a_tgt in anchors:
        for side, last, size in ((a_src, last_src, n), (a_tgt, last_tgt, m)):
            if side and (side[0] <= last or side[-1] >= size
                         or list(side) != list(range(side[0], side[-1] + 1))):
                raise ValueError(f"anchor {list(a_src)}-{list(a_tgt)} is out of order, "
                                 "overlaps another or is not a run of sentences")
        if not a_src and not a_tgt:
            raise ValueError("an anchor needs a sentence on one side at least")
        last_src = a_src[-1] if a_src else last_src
        last_tgt = a_tgt[-1] if a_tgt else last_tgt


def _stretch(src: Side, tgt: Side, rows: range, cols: range, singles_src: set[int],
             singles_tgt: set[int], params: AlignParams) -> list[Bead]:
    """The DP over one stretch between cuts, without its one-sided anchors, which are then
    put back in order."""
    keep_src = np.array([i for i in rows if i not in singles_src], dtype=np.int64)
    keep_tgt = np.array([j for j in cols if j not in singles_tgt], dtype=np.int64)
    free = align_embeddings(_part(src, keep_src), _part(tgt, keep_tgt), params)
    beads = [Bead(tuple(int(keep_src[k]) for k in b.src), tuple(int(keep_tgt[k]) for k in b.tgt),
                  b.score) for b in free]
    for i in sorted(singles_src & set(rows)):
        beads = _insert(beads, Bead((i,), (), lone_score(src.emb[i], tgt.emb[list(cols)])), 0)
    for j in sorted(singles_tgt & set(cols)):
        beads = _insert(beads, Bead((), (j,), lone_score(tgt.emb[j], src.emb[list(rows)])), 1)
    return beads


def _part(side: Side, keep: np.ndarray) -> Side:
    return Side(side.emb[keep], side.lengths[keep], side.opens[keep])


def _insert(beads: list[Bead], lone: Bead, axis: int) -> list[Bead]:
    """`beads` with `lone` placed by its one sentence on `axis` (0 source, 1 target). A bead
    the DP made across that sentence (it never saw it) is split there, so every bead stays a
    run of consecutive sentences."""
    k = (lone.src + lone.tgt)[0]
    for n, bead in enumerate(beads):
        side = bead.src if axis == 0 else bead.tgt
        if not side or side[-1] < k:
            continue
        if side[0] > k:
            return beads[:n] + [lone] + beads[n:]
        before = tuple(x for x in side if x < k)
        after = tuple(x for x in side if x > k)
        if axis == 0:
            head, tail = Bead(before, bead.tgt, bead.score), Bead(after, (), bead.score)
        else:
            head, tail = Bead(bead.src, before, bead.score), Bead((), after, bead.score)
        return beads[:n] + [head, lone, tail] + beads[n + 1:]
    return beads + [lone]


def pair_score(src: np.ndarray, tgt: np.ndarray, a_src: Sequence[int],
               a_tgt: Sequence[int]) -> float:
    """Cosine of the summed unit vectors of the two sides, as the DP scores its own beads."""
    u, v = src[list(a_src)].sum(axis=0), tgt[list(a_tgt)].sum(axis=0)
    cos = float(u @ v) / max(float(np.linalg.norm(u) * np.linalg.norm(v)), 1e-12)
    return float(np.clip(cos, 0.0, 1.0))


def lone_score(vec: np.ndarray, others: np.ndarray) -> float:
    """How unlike every sentence of the other side's stretch an unaligned sentence is."""
    if len(others) == 0:
        return 1.0
    return float(np.clip(1.0 - float((others @ vec).max()), 0.0, 1.0))
