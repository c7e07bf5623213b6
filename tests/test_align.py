"""The aligner: planted alignments, the coarse-to-fine band, and exact gold on our corpora."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from aligner.aligning.band import band_around, coarsen, full_band
from aligner.aligning.params import AlignParams
from aligner.aligning.search import Side, align_embeddings
from aligner.goldfile import read_beads

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import planted  # noqa: E402

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIRS = ["security-communique", "trade-investment-statement", "health-cooperation-mou",
         "migration-ministerial", "atlantic-fisheries-statement",
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


def test_open_ended_sentence_is_kept_with_what_it_introduces(use_encoder):
    # KJV / Reina-Valera 1909 (public domain), Mark 3:3-5: the Spanish colon-ended lines
    # introduce speech that the English gives in the same sentence
    from aligner.api import align

    en = ["And he saith unto the man which had the withered hand, Stand forth.",
          "And he saith unto them, Is it lawful to do good on the sabbath days, or to do evil?",
          "But they held their peace."]
    es = ["Entonces dijo al hombre que tenía la mano seca:", "Levántate en medio.",
          "Y les dice:", "¿Es lícito hacer bien en sábado, ó hacer mal?", "Mas ellos callaban."]
    gold = [((0,), (0, 1)), ((1,), (2, 3)), ((2,), (4,))]
    assert as_pairs(align(en, es, encoder=use_encoder).beads) == gold
    without = align(en, es, encoder=use_encoder, params=AlignParams(open_penalty=0.0))
    assert as_pairs(without.beads) != gold


def test_open_ends_marks_sentences_that_lead_into_the_next():
    from aligner.aligning.search import open_ends

    assert list(open_ends(["Dijo:", "Sí.", "por ejemplo,", "Und nun zum Hüttenwart : ", "Title"])) \
        == [1.0, 0.0, 1.0, 1.0, 0.0]


def test_banded_search_survives_a_missing_chapter(shared_data, use_encoder):
    # the whole GDPR in English against a Spanish version that lacks Chapter III
    from aligner.aligning.search import open_ends

    en, es = [], []
    for path in sorted((shared_data / "eu-gdpr-en-es").glob("gdpr-*-*.en")):
        if ".unit" in path.name:
            continue
        en += path.read_text(encoding="utf-8").splitlines()
        if "gdpr-03" not in path.name:
            es += path.with_suffix(".es").read_text(encoding="utf-8").splitlines()
    sides = [Side(use_encoder.encode(t), np.array([len(x) for x in t], dtype=np.float64), open_ends(t))
             for t in (en, es)]
    full = as_pairs(align_embeddings(*sides, AlignParams(full_limit=10**8)))
    banded = as_pairs(align_embeddings(*sides))
    assert banded == full
    assert sum(1 for s, t in banded if s and not t) >= 0.9 * (len(en) - len(es))


def test_hub_terms_are_halved_means_of_the_nearest_neighbours():
    from aligner.aligning.search import _hub_terms

    sb = np.array([[0.9, 0.1, 0.5], [0.2, 0.8, 0.6]], dtype=np.float32)
    slo = np.zeros(2, dtype=np.int64)
    hs, ht = _hub_terms(sb, slo, 3, AlignParams(hubness=1.0, hub_k=2))
    assert np.allclose(hs, [(0.9 + 0.5) / 4, (0.8 + 0.6) / 4])
    assert np.allclose(ht, [(0.9 + 0.2) / 4, (0.8 + 0.1) / 4, (0.6 + 0.5) / 4])
    off_s, off_t = _hub_terms(sb, slo, 3, AlignParams())
    assert len(off_s) == len(off_t) == 0


def test_hubness_lowers_bead_similarities_by_the_hub_terms():
    from aligner.aligning import kernels

    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 8)).astype(np.float32)
    y = rng.normal(size=(3, 8)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    y /= np.linalg.norm(y, axis=1, keepdims=True)
    sb, slo = x @ y.T, np.zeros(2, dtype=np.int64)
    gs = np.array([[1.0, x[0] @ x[1]], [1.0, 0.0]], dtype=np.float32)
    gt = np.array([[1.0, y[0] @ y[1]], [1.0, y[1] @ y[2]], [1.0, 0.0]], dtype=np.float32)
    ns, nt = kernels.span_norms(gs, 3), kernels.span_norms(gt, 3)
    hs, ht = np.array([0.1, 0.2], dtype=np.float32), np.array([0.0, 0.3, 0.05], dtype=np.float32)
    cls, clt = np.array([0.0, 50.0, 100.0]), np.array([0.0, 50.0, 100.0, 150.0])
    opens, p = np.zeros(3), AlignParams().vector(np.full(2, 50.0), np.full(3, 50.0))
    no_layout = np.zeros((0, 3))

    def gain(h_s, h_t):
        return kernels.bead_gain(sb, slo, ns, nt, h_s, h_t, cls, clt, opens, opens, no_layout,
                                 no_layout, 0, 2, 1, 3, p)

    plain = kernels.span_cos(sb, slo, gs, gt, 0, 2, 1, 3)
    expected = x.sum(0) @ y[1:].sum(0) / np.linalg.norm(x.sum(0)) / np.linalg.norm(y[1:].sum(0))
    assert np.isclose(plain, expected, atol=1e-5)
    lowered = (2 * (0.1 + 0.2) + 2 * (0.3 + 0.05)) / (ns[0, 2] * nt[1, 2])
    empty = np.zeros(0, dtype=np.float32)
    # a 2-2 bead earns twice its similarity above tau
    assert np.isclose(gain(empty, empty) - gain(hs, ht), 2 * lowered, atol=1e-5)


def test_hubness_changes_the_path_only_when_on():
    src, tgt, _ = planted(120, seed=7)
    plain = as_pairs(align_embeddings(src, tgt))
    assert as_pairs(align_embeddings(src, tgt, AlignParams(hubness=0.0, hub_k=9))) == plain
    assert as_pairs(align_embeddings(src, tgt, AlignParams(hubness=3.0))) != plain
