"""The aligner: planted alignments, the coarse-to-fine band, and exact gold on our corpora."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from aligner.align.band import band_around, coarsen, full_band
from aligner.align.params import AlignParams
from aligner.align.search import Side, align_embeddings
from aligner.goldfile import read_beads

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import planted  # noqa: E402

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIRS = ["security-communique", "trade-investment-statement", "health-cooperation-mou",
         "screening-press-release"]


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
