"""The aligner: planted alignments, the coarse-to-fine band, and exact gold on our corpora."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from aligner.align.band import band_around, coarsen, full_band
from aligner.align.params import AlignParams
from aligner.align.search import Side, align_embeddings
from aligner.goldfile import read_beads

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIRS = ["security-communique", "trade-investment-statement", "health-cooperation-mou",
         "screening-press-release"]


def planted(n: int, seed: int = 0, dim: int = 48):
    """Random source vectors and a target built from them with known beads.

    Target lengths follow their sources (Spanish runs ~15% longer), as in real translations.
    """
    rng = np.random.default_rng(seed)
    src = rng.normal(size=(n, dim))
    src_len = rng.integers(40, 160, size=n).astype(np.float64)
    tgt, tgt_len, gold, i = [], [], [], 0
    while i < n:
        r = rng.random()
        j = len(tgt)
        if r < 0.08 and i + 1 < n:
            tgt.append(src[i] + src[i + 1]); tgt_len.append(1.15 * (src_len[i] + src_len[i + 1]))
            gold.append(((i, i + 1), (j,))); i += 2
        elif r < 0.16:
            half = rng.normal(size=dim) * 0.3
            tgt += [src[i] + half, src[i] - half]; tgt_len += [0.6 * src_len[i]] * 2
            gold.append(((i,), (j, j + 1))); i += 1
        elif r < 0.19:
            gold.append(((i,), ())); i += 1
        elif r < 0.22:
            tgt.append(rng.normal(size=dim)); tgt_len.append(rng.integers(40, 160))
            gold.append(((), (j,)))
        else:
            tgt.append(src[i]); tgt_len.append(1.15 * src_len[i])
            gold.append(((i,), (j,))); i += 1
    tgt = np.array(tgt) + rng.normal(size=(len(tgt), dim)) * 0.1
    unit = lambda m: (m / np.linalg.norm(m, axis=1, keepdims=True)).astype(np.float32)  # noqa
    return Side(unit(src), src_len), Side(unit(tgt), np.array(tgt_len, dtype=np.float64)), gold


def as_pairs(beads):
    return [(b.src, b.tgt) for b in beads]


def test_planted_alignment_is_recovered():
    src, tgt, gold = planted(150)
    beads = align_embeddings(src, tgt)
    found = set(as_pairs(beads))
    assert len(found & set(gold)) / len(gold) > 0.9


def test_beads_cover_both_documents_in_order():
    src, tgt, _ = planted(80, seed=3)
    beads = align_embeddings(src, tgt)
    assert [i for b in beads for i in b.src] == list(range(len(src)))
    assert [j for b in beads for j in b.tgt] == list(range(len(tgt)))
    assert all(0.0 <= b.score <= 1.0 for b in beads)
    assert all(len(b.src) + len(b.tgt) <= AlignParams().max_bead for b in beads)


def test_max_bead_limits_bead_size():
    src, tgt, _ = planted(60, seed=4)
    beads = align_embeddings(src, tgt, AlignParams(max_bead=2))
    assert {(len(b.src), len(b.tgt)) for b in beads} <= {(1, 1), (1, 0), (0, 1)}


def test_banded_search_matches_the_full_lattice():
    src, tgt, _ = planted(400, seed=5)
    full = as_pairs(align_embeddings(src, tgt))
    banded = as_pairs(align_embeddings(src, tgt, AlignParams(full_limit=1000)))
    assert banded == full


def test_band_is_monotone_and_contains_the_path():
    path = [(0, 0), (2, 3), (4, 4), (8, 9), (10, 10)]
    band = band_around(path, 10, 10, width=1)
    assert np.all(np.diff(band.lo) >= 0) and np.all(np.diff(band.hi) >= 0)
    assert band.lo[0] == 0 and band.hi[-1] == 10
    for i, j in path:
        assert band.lo[i] <= j <= band.hi[i]
    assert band.cells < full_band(10, 10).cells


def test_coarsen_halves_and_keeps_an_odd_tail():
    emb = np.eye(5, dtype=np.float32)
    coarse, lengths = coarsen(emb, np.arange(5, dtype=np.float64))
    assert coarse.shape == (3, 5)
    assert np.allclose(np.linalg.norm(coarse, axis=1), 1.0)
    assert list(lengths) == [1.0, 5.0, 4.0]


def test_one_empty_side_gives_only_insertions_or_deletions():
    src, _, _ = planted(5)
    empty = Side(np.zeros((0, src.emb.shape[1]), dtype=np.float32), np.zeros(0))
    assert as_pairs(align_embeddings(src, empty)) == [((i,), ()) for i in range(5)]


@pytest.mark.parametrize("name", PAIRS)
def test_our_corpora_align_exactly_like_the_gold(name, use_encoder):
    from aligner.api import align

    folder = CORPORA / name
    result = align(folder / "en.sents", folder / "es.sents", presegmented=True,
                   encoder=use_encoder)
    assert as_pairs(result.beads) == read_beads(folder / "gold.en-es")


@pytest.mark.parametrize("name", PAIRS)
def test_documents_segment_and_align_like_the_gold(name, use_encoder):
    from aligner.api import align

    folder = CORPORA / name
    src = next(p for p in folder.glob("en.*") if p.suffix in (".md", ".txt"))
    tgt = next(p for p in folder.glob("es.*") if p.suffix in (".md", ".txt"))
    result = align(src, tgt, encoder=use_encoder)
    assert as_pairs(result.beads) == read_beads(folder / "gold.en-es")
