"""The documents' layout in the aligner: headings, block boundaries and list labels."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from aligner.aligning import kernels
from aligner.aligning.params import AlignParams
from aligner.aligning.structure import paired, structure_of
from aligner.goldfile import read_beads
from aligner.records import Segment

PAIR = Path(__file__).resolve().parent / "data" / "structure-pair"


def as_pairs(beads):
    return [(b.src, b.tgt) for b in beads]


def test_heading_and_split_item_align_exactly_with_the_layout(use_encoder):
    from aligner.api import align, load_segments

    gold = read_beads(PAIR / "gold.en-es")
    structured = align(PAIR / "en.md", PAIR / "es.md", encoder=use_encoder)
    assert as_pairs(structured.beads) == gold
    # the same sentences without their layout mislead the aligner at the heading and the item
    en = [s.text for s in load_segments(PAIR / "en.md", "en")]
    es = [s.text for s in load_segments(PAIR / "es.md", "es")]
    blind = as_pairs(align(en, es, encoder=use_encoder).beads)
    assert ((3,), (3,)) not in blind and ((9,), (9, 10)) not in blind


def test_structure_columns_mark_block_ends_headings_and_labels():
    segs = [Segment(0, "Article 5", 0, "heading"), Segment(1, "(a) One thing.", 1, "item"),
            Segment(2, "Another.", 1, "item"), Segment(3, "Plain text.", 2, "paragraph")]
    cols = structure_of(segs)
    assert list(cols[:, 0]) == [1.0, 0.0, 1.0, 1.0]
    assert list(cols[:, 1]) == [1.0, 0.0, 0.0, 0.0]
    assert cols[0, 2] > 0 and cols[1, 2] > 0 and cols[2, 2] == 0 and cols[3, 2] == 0
    spanish = structure_of([Segment(0, "Artículo 5", 0, "heading"), Segment(1, "a) Una cosa.", 1, "item")])
    assert list(spanish[:, 2]) == list(cols[:2, 2])


def test_presegmented_lines_have_no_structure_and_switch_it_off_for_both_sides():
    lines = [Segment(i, t, i, "line") for i, t in enumerate(["One.", "Two."])]
    assert structure_of(lines) is None
    doc = structure_of([Segment(0, "Title", 0, "heading"), Segment(1, "Body.", 1, "paragraph")])
    fs, ft = paired(doc, None, 2, 2)
    assert fs.shape == ft.shape == (0, 3)
    assert paired(doc, doc, 2, 2)[0] is doc


def _cost(fs, ft, i0, i1, j0, j1, **params):
    p = AlignParams(**params).vector(np.ones(len(fs)), np.ones(len(ft)))
    return kernels.structure_cost(np.array(fs, float), np.array(ft, float), i0, i1, j0, j1, p)


def test_crossing_a_boundary_on_one_side_only_is_penalised():
    # [end, heading, label]: source one block of two sentences, target two blocks
    src = [[0, 0, 0], [1, 0, 0]]
    tgt = [[1, 0, 0], [1, 0, 0]]
    assert _cost(src, tgt, 0, 2, 0, 2, block_penalty=0.15) == 0.15
    assert _cost(tgt, tgt, 0, 2, 0, 2, block_penalty=0.15) == 0.0
    # ending a block on one side only (an insertion at a paragraph's end) costs nothing
    assert _cost(src, tgt, 0, 1, 0, 1, block_penalty=0.15) == 0.0


def test_headings_pair_with_headings_and_labels_with_their_equals():
    head, body = [1, 1, 0], [1, 0, 0]
    assert _cost([head], [body], 0, 1, 0, 1, heading_penalty=0.3) == 0.3
    assert _cost([head], [head], 0, 1, 0, 1, heading_penalty=0.3) == 0.0
    # a heading sharing its bead with body text, on both sides
    assert np.isclose(_cost([head, body], [head, body], 0, 2, 0, 2, heading_penalty=0.3,
                            block_penalty=0.0), 0.6)
    same, other = [1, 0, 7], [1, 0, 9]
    assert _cost([same], [same], 0, 1, 0, 1, label_gain=0.2) == -0.2
    assert _cost([same], [other], 0, 1, 0, 1, label_gain=0.2) == 0.2
    assert _cost([same], [body], 0, 1, 0, 1, label_gain=0.2) == 0.0


def test_heading_pairs_ignore_their_length_ratio():
    from aligner.aligning.search import Side, align_embeddings

    rng = np.random.default_rng(1)
    emb = rng.normal(size=(3, 16)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    heading = np.array([[1.0, 1.0, 0.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    short, long_ = np.array([7.0, 80.0, 90.0]), np.array([200.0, 80.0, 90.0])
    plain = align_embeddings(Side(emb, short), Side(emb, long_), AlignParams(length_weight=5.0))
    assert ((0,), (0,)) not in as_pairs(plain)
    laid_out = align_embeddings(Side(emb, short, structure=heading), Side(emb, long_, structure=heading),
                                AlignParams(length_weight=5.0))
    assert ((0,), (0,)) in as_pairs(laid_out)
