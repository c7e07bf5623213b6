"""Bead files and alignment scoring: hand-made cases, and agreement with the shared reference scorers."""
from __future__ import annotations

import importlib.util
import random
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aligner.errors import InputError
from aligner.evaluate import Counts, count, merge_by_units, score, score_documents, score_units
from aligner.goldfile import format_beads, parse_beads, read_beads, read_unit_ids, write_beads
from aligner.records import Alignment, Bead, Segment
from aligner.write import write

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def beads(*pairs):
    return [(tuple(s), tuple(t)) for s, t in pairs]


# --- goldfile ---

def test_parse_gold_lines():
    lines = ["[0]:[0, 1]", "", "[2, 3]:[2]", "[17]:[]", "  []:[4]  ", "[5]:[5]:0.873"]
    assert parse_beads(lines) == beads(([0], [0, 1]), ([2, 3], [2]), ([17], []), ([], [4]), ([5], [5]))


@pytest.mark.parametrize(
    "bad", ["[0]:", "[0]-[1]", "[a]:[1]", "[-1]:[0]", "[0.5]:[1]", "[true]:[0]", "[0]:[1]:x", "{}", "[0]:[1] extra"]
)
def test_malformed_line_names_file_and_line(bad):
    with pytest.raises(InputError, match=r"gold\.txt:3:"):
        parse_beads(["[0]:[0]", "", bad], "gold.txt")


@given(st.lists(st.tuples(st.lists(st.integers(0, 500), max_size=4), st.lists(st.integers(0, 500), max_size=4))))
def test_format_parse_round_trip(pairs):
    bead_list = beads(*pairs)
    assert parse_beads(format_beads(bead_list).splitlines()) == bead_list


def test_format_matches_gold_spelling():
    assert format_beads(beads(([0], [0, 1]), ([17], []))) == "[0]:[0, 1]\n[17]:[]\n"


def test_read_beads_detects_jsonl_and_bead_files(tmp_path):
    a = Alignment(
        (Segment(0, "A."), Segment(1, "B.")),
        (Segment(0, "Una."), Segment(1, "Dos."), Segment(2, "Tres.")),
        (Bead((0,), (0, 1), 0.8), Bead((1,), (), 0.0), Bead((), (2,), 0.0)),
    )
    expected = beads(([0], [0, 1]), ([1], []), ([], [2]))
    write(a, tmp_path / "pred.jsonl", "jsonl")
    write_beads(expected, tmp_path / "pred.txt")
    assert read_beads(tmp_path / "pred.jsonl") == expected
    assert read_beads(tmp_path / "pred.txt") == expected


def test_read_beads_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_beads(tmp_path / "missing")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"src": [0], "tgt": [0]}\n{"src": [1]}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2:"):
        read_beads(bad)


def test_read_unit_ids(tmp_path):
    path = tmp_path / "x.unitid.en"
    path.write_text("RUT 1:1\nRUT 1:1\nRUT 1:2\n", encoding="utf-8")
    assert read_unit_ids(path) == ["RUT 1:1", "RUT 1:1", "RUT 1:2"]


# --- scoring, hand-made ---

GOLD = beads(([0], [0]), ([1], [1, 2]), ([2], []), ([], [3]), ([3, 4], [4]))
PRED = beads(([0], [0]), ([1], [1]), ([], [2]), ([2], []), ([3], [3]), ([4], [4]))


def f1(p, r):
    return 2 * p * r / (p + r)


def test_hand_made_scores():
    # Precision over the 6 predicted beads:
    #   [0]:[0] strict; [1]:[1] lax (shares 1 and 1 with [1]:[1, 2]); []:[2] miss (null, not gold);
    #   [2]:[] strict; [3]:[3] miss (src 3 and tgt 3 are in different gold beads); [4]:[4] lax.
    p_strict, p_lax = Fraction(2, 6), Fraction(4, 6)
    # Recall over the 3 gold beads with both sides, against the 4 both-sided predicted beads:
    #   [0]:[0] strict; [1]:[1, 2] lax via [1]:[1]; [3, 4]:[4] lax via [4]:[4].
    r_strict, r_lax = Fraction(1, 3), Fraction(3, 3)
    s = score(GOLD, PRED)
    assert s.counts == Counts(6, 2, 4, 3, 1, 3)
    assert s.precision_strict == pytest.approx(float(p_strict))
    assert s.precision_lax == pytest.approx(float(p_lax))
    assert s.recall_strict == pytest.approx(float(r_strict))
    assert s.recall_lax == pytest.approx(float(r_lax))
    assert s.f1_strict == pytest.approx(float(f1(p_strict, r_strict)))
    assert s.f1_lax == pytest.approx(float(f1(p_lax, r_lax)))


def test_beads_are_sets_and_duplicates_count_once():
    gold = beads(([0, 1], [0]), ([], []))
    pred = [Bead((1, 0), (0,), 0.3), Bead((0, 1), (0,), 0.9), Bead((), (), 0.0)]
    assert score(gold, pred).counts == Counts(1, 1, 1, 1, 1, 1)


def test_empty_prediction_scores_zero():
    s = score(GOLD, [])
    assert (s.precision_strict, s.recall_lax, s.f1_lax) == (0.0, 0.0, 0.0)
    assert s.counts.gold == 3


def test_gold_need_not_be_a_cover():
    # Crossing beads, a sentence in two beads, sentences in no bead (as in the Text+Berg gold).
    gold = beads(([4, 7], [4, 5]), ([5], [13]), ([6], [6]), ([6], [7]))
    pred = beads(([4], [4]), ([5], [5]), ([6], [6, 7]), ([7], [13]))
    # P: [4]:[4] lax; [5]:[5] miss (5 and 5 in different gold beads); [6]:[6, 7] lax; [7]:[13] miss.
    # R: [4, 7]:[4, 5] lax; [5]:[13] miss; [6]:[6] lax; [6]:[7] lax.
    assert score(gold, pred).counts == Counts(4, 0, 2, 4, 0, 3)


def test_documents_are_micro_averaged():
    doc1 = (beads(([0], [0])), beads(([0], [0])))
    doc2 = (beads(([0], [0]), ([1], [1]), ([2], [2])), beads(([0], [1]), ([1], [0]), ([2], [2])))
    s = score_documents([doc1, doc2])
    assert s.precision_strict == pytest.approx(2 / 4)  # the mean of the two documents would be 2/3
    assert s.counts == count(*doc1) + count(*doc2)


def test_format_table():
    table = score(GOLD, PRED).format()
    assert "Precision" in table and "0.333" in table and "0.800" in table


# --- unit level ---

SRC_UNITS = ["A", "A", "B", "C"]
TGT_UNITS = ["A", "B", "B", "C"]
UNIT_GOLD = beads(([0, 1], [0]), ([2], [1, 2]), ([3], [3]))


def test_finer_correct_prediction_merges_into_the_gold():
    pred = beads(([0], [0]), ([1], []), ([2], [1]), ([], [2]), ([3], [3]))
    assert merge_by_units(pred, SRC_UNITS, TGT_UNITS, UNIT_GOLD) == UNIT_GOLD
    s = score_units(UNIT_GOLD, pred, SRC_UNITS, TGT_UNITS)
    assert (s.f1_strict, s.f1_lax) == (1.0, 1.0)
    assert score(UNIT_GOLD, pred).f1_strict < 1.0


def test_straddling_bead_stays_and_breaks_the_run():
    pred = beads(([0], [0]), ([1, 2], [1]), ([], [2]), ([3], [3]))
    assert merge_by_units(pred, SRC_UNITS, TGT_UNITS, UNIT_GOLD) == pred
    # [1]:[] is in the same group as [0]:[] but the straddling [2]:[0] separates them.
    pred = beads(([0], []), ([2], [0]), ([1], []), ([], [1, 2]), ([3], [3]))
    assert merge_by_units(pred, SRC_UNITS, TGT_UNITS, UNIT_GOLD) == pred


def test_only_consecutive_beads_merge():
    pred = beads(([0], [0]), ([3], [3]), ([1], []), ([2], [1, 2]))
    assert merge_by_units(pred, SRC_UNITS, TGT_UNITS, UNIT_GOLD) == pred


def test_unit_without_gold_bead_belongs_to_no_group():
    gold = beads(([0, 1], [0]), ([3], [3]))  # unit B appears in no gold bead
    pred = beads(([0], [0]), ([1], []), ([2], [1]), ([], [2]))
    assert merge_by_units(pred, SRC_UNITS, TGT_UNITS, gold) == beads(([0, 1], [0]), ([2], [1]), ([], [2]))


def test_index_past_unit_ids_is_an_input_error():
    with pytest.raises(InputError, match="unit ids"):
        merge_by_units(beads(([9], [0])), SRC_UNITS, TGT_UNITS, UNIT_GOLD)


# --- agreement with ../shared/data/tools ---

def load_tool(name: str):
    path = SHARED_DATA / "tools" / f"{name}.py"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    spec = importlib.util.spec_from_file_location(f"shared_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def perturb(gold, rng: random.Random):
    """A plausible wrong alignment: gold beads split, merged, shifted, dropped or nulled."""
    last_tgt = max((t for _, tgt in gold for t in tgt), default=0)
    out = []
    for src, tgt in gold:
        op = rng.random()
        if op < 0.6 or not out:
            out.append((src, tgt))
        elif op < 0.7:
            out.extend(((s,), (t,)) for s, t in zip(src, tgt))
            out.extend(((s,), ()) for s in src[len(tgt):])
            out.extend(((), (t,)) for t in tgt[len(src):])
        elif op < 0.8:
            ps, pt = out.pop()
            out.append((ps + src, pt + tgt))
        elif op < 0.88:
            out.append((src, tuple(min(t + 1, last_tgt) for t in tgt)))
        elif op < 0.94:
            out.extend([(src, ()), ((), tgt)])
    return out


def test_strict_lax_agree_with_score_lib_on_textberg():
    ref = load_tool("score_lib")
    gold_paths = sorted((SHARED_DATA / "textberg-de-fr").glob("test*.defr"))
    assert len(gold_paths) == 7
    golds = [read_beads(p) for p in gold_paths]
    rng = random.Random(7)
    preds = [perturb(g, rng) for g in golds]
    theirs = ref.score([ref.read_alignment_file(p) for p in gold_paths], preds)
    ours = score_documents(zip(golds, preds))
    assert ours.f1_strict < 0.95  # the perturbation really does something
    for key in ["precision_strict", "recall_strict", "f1_strict", "precision_lax", "recall_lax", "f1_lax"]:
        assert getattr(ours, key) == pytest.approx(theirs[key], abs=1e-3), key


def test_unit_merge_agrees_with_reference_on_ruth():
    ref_merge = load_tool("unit_merge")
    ref_score = load_tool("score_lib")
    book = SHARED_DATA / "bible-en-es" / "RUT"
    gold = read_beads(f"{book}.en-es")
    src_units = read_unit_ids(f"{book}.unitid.en")
    tgt_units = read_unit_ids(f"{book}.unitid.es")
    pred = perturb(gold, random.Random(11))
    group = ref_merge.unit_groups(gold, src_units, tgt_units)
    their_pred = ref_merge.to_units(pred, src_units, tgt_units, group)
    their_gold = ref_merge.to_units(gold, src_units, tgt_units, group)
    assert merge_by_units(pred, src_units, tgt_units, gold) == [(tuple(s), tuple(t)) for s, t in their_pred]
    theirs = ref_score.score([their_gold], [their_pred])
    ours = score_units(gold, pred, src_units, tgt_units)
    assert 0 < ours.f1_strict < 1
    for key in ["precision_strict", "recall_strict", "f1_strict", "precision_lax", "recall_lax", "f1_lax"]:
        assert getattr(ours, key) == pytest.approx(theirs[key], abs=1e-3), key
