"""The communiqué corpora of issue 10 and the benchmarks that use them.

Every corpora/ pair: its .sents are what the segmenter makes of its .md/.txt. Every divergent
twin (a folder with flags.gold.jsonl) goes through `aligner.check` and is scored against its
gold flags by benchmarks/twins.py; the checker must find at least 90% of them (also counting
only the ones the faithful pair does not raise already), and 80% of its medium/high claims
must be backed by a gold flag. The twins of
migration-ministerial and atlantic-fisheries-statement plant kinds the checker did not handle
when they were written (a dropped list item, a reversed direction, an intention for a
commitment, a renumbered label, a moved range end, a dropped time or place), so their recall
assertion is an expected failure until the checker learns them.

benchmarks/faithful_flags.py is checked on handmade documents.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import faithful_flags as F  # noqa: E402
import twins as T  # noqa: E402
from aligner.records import Alignment, Bead, Flag, Segment  # noqa: E402

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIRS = sorted(p for p in CORPORA.iterdir() if p.is_dir()) if CORPORA.is_dir() else []
NEW_KIND_TWINS = ("divergent-migration-ministerial", "divergent-atlantic-fisheries-statement")
MIN_RECALL = 0.9
MIN_PRECISION = 0.8


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_sents_are_the_segmenter_output(pair: Path, lang: str) -> None:
    from aligner.api import load_segments

    source = next(p for p in (pair / f"{lang}.md", pair / f"{lang}.txt") if p.exists())
    expected = (pair / f"{lang}.sents").read_text(encoding="utf-8").splitlines()
    assert [s.text for s in load_segments(source, lang)] == expected


def test_new_pairs_are_listed_in_the_manifest() -> None:
    rows = (CORPORA / "manifest.csv").read_text(encoding="utf-8").splitlines()
    ids = {row.split(",")[2] for row in rows[1:]}
    md_pairs = {p.name for p in PAIRS if (p / "en.md").exists()}
    assert md_pairs <= ids


# --- twins ---------------------------------------------------------------------------------

# Twins whose planted disagreements the checker still misses in part (strict: a fix shows up
# as an unexpected pass, and the mark goes). The README's "What it cannot see" lists these kinds.
STILL_MISSED = {
    "divergent-atlantic-fisheries-statement": "an acronym agency (ICCAT) dropped from a list of observers, "
    "a figure-free time phrase ('last year') and a place ('and Madeira') dropped",
}


def _twin_params():
    for twin in T.twins(CORPORA):
        marks = [pytest.mark.xfail(strict=True, reason=STILL_MISSED[twin.name])] if twin.name in STILL_MISSED else []
        yield pytest.param(twin, marks=marks, id=twin.name)


@pytest.fixture(scope="module")
def twin_scores(use_encoder) -> dict[str, dict]:
    return {t.name: T.score(T.check_twin(t, encoder=use_encoder), T.read_gold(t),
                            T.check_twin(T.faithful_of(t), encoder=use_encoder)) for t in T.twins(CORPORA)}


@pytest.mark.parametrize("twin", list(_twin_params()))
def test_check_finds_the_planted_disagreements(twin: Path, twin_scores) -> None:
    result = twin_scores[twin.name]
    print(f"{twin.name}: recall {result['recall']}, clean recall {result['clean_recall']}, "
          f"precision {result['precision']}")
    assert result["recall"] >= MIN_RECALL, result["missed"]
    assert result["clean_recall"] >= MIN_RECALL, "found only because the faithful pair raises it too"
    assert result["precision"] >= MIN_PRECISION, result["unbacked"]


@pytest.mark.parametrize("name", ["migration-ministerial", "atlantic-fisheries-statement"])
def test_faithful_communiques_raise_no_high_flag(name: str, use_encoder) -> None:
    import aligner

    folder = CORPORA / name
    flags = [f for b in aligner.check(folder / "en.md", folder / "es.md", encoder=use_encoder).beads
             for f in b.flags]
    assert not [f for f in flags if f.severity == "high"], flags
    assert sum(f.severity == "medium" for f in flags) <= 3, flags


def test_twins_exist() -> None:
    names = {t.name for t in T.twins(CORPORA)}
    assert {"divergent", *NEW_KIND_TWINS} <= names


def _alignment(beads: list[Bead], n_src: int, n_tgt: int) -> Alignment:
    src = tuple(Segment(i, f"s{i}", i, "p") for i in range(n_src))
    tgt = tuple(Segment(j, f"t{j}", j, "p") for j in range(n_tgt))
    return Alignment(src=src, tgt=tgt, beads=tuple(beads))


def test_twin_score_matches_by_shared_sentences() -> None:
    gold = [T.GoldFlag((0,), (0,), "figure", "a"), T.GoldFlag((1,), (), "omission", "b"),
            T.GoldFlag((), (2,), "addition", "c"), T.GoldFlag((3,), (3,), "commitment", "d")]
    beads = [Bead((0,), (0,), 1.0, flags=(Flag("figure", "high", "x"), Flag("figure", "medium", "y"))),
             Bead((1, 2), (1,), 0.5, flags=(Flag("omission", "medium", "x"),)),  # covers the deleted 1
             Bead((), (2,), 0.0, flags=(Flag("addition", "low", "hint only"),)),   # low: no claim
             Bead((3,), (3,), 1.0, flags=(Flag("figure", "high", "wrong kind"),))]
    result = T.score(_alignment(beads, 4, 4), gold)
    assert (result["found"], result["claims"], result["recall"], result["clean_recall"]) == (2, 3, 0.5, None)
    assert result["kinds"]["figure"] == {"gold": 1, "found": 1, "claims": 2, "recall": 1.0,
                                         "clean_recall": None, "precision": 0.5}
    assert result["kinds"]["addition"]["recall"] == 0.0 and result["kinds"]["addition"]["precision"] is None
    assert result["missed"] == ["c", "d"] and result["unbacked"] == ["[3]:[3] figure"]
    # the faithful pair already raises a figure on English sentence 0: that find is not clean
    faithful = _alignment([Bead((0,), (0,), 1.0, flags=(Flag("figure", "high", "x"),)),
                           Bead((1, 2, 3), (1, 2, 3), 1.0)], 4, 4)
    result = T.score(_alignment(beads, 4, 4), gold, faithful)
    assert result["clean_recall"] == 0.25 and result["kinds"]["figure"]["clean_recall"] == 0.0


def test_every_twin_knows_its_faithful_pair() -> None:
    for twin in T.twins(CORPORA):
        pair = T.faithful_of(twin)
        assert pair is not None and (pair / "en.md").read_bytes() == (twin / "en.md").read_bytes()


# --- faithful_flags ------------------------------------------------------------------------

def _doc() -> F.Doc:
    return F.Doc("d", ("One.", "Two.", "Three."), ("Uno.", "Dos."),
                 (((0,), (0,)), ((1,), (1,)), ((2,), ())), ("u0", "u1", "u2"))


def test_bead_scores_follow_the_aligner():
    en = np.array([[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]])
    es = np.array([[1.0, 0.0], [0.6, 0.8]])
    scores = F.bead_scores(_doc(), en, es, neighbours=2)
    assert scores[0] == pytest.approx(1.0) and scores[1] == pytest.approx(0.8)
    # the unaligned third sentence: 1 - mean of its two best similarities (1.0 and 0.6)
    assert scores[2] == pytest.approx(0.2)


def test_summary_counts_two_sided_beads_per_100_sentences():
    judged = [F.Judged("u0", "a", "b", False, (Flag("figure", "high", "m"), Flag("figure", "low", "m"))),
              F.Judged("u1", "a", "b", False, ()),
              F.Judged("u2", "a", "", True, (Flag("omission", "high", "m"),))]
    out = F.summarise(judged, sentences=4)
    assert out["per_100_sentences"] == {"low": 25.0, "medium": 0.0, "high": 25.0}
    assert (out["beads"], out["one_sided_beads"], out["one_sided_flags"]) == (2, 1, 1)
    assert out["by_kind"] == {"figure/high": 1, "figure/low": 1}


def test_high_flags_carry_their_verdict(tmp_path):
    path = tmp_path / "v.jsonl"
    path.write_text(json.dumps({"set": "gdpr", "unit": "u0", "kind": "figure", "tgt_evidence": "30",
                                "verdict": "false", "by": "lead"}) + "\n", encoding="utf-8")
    judged = [F.Judged("u0", "art 32", "art 30", False, (Flag("figure", "high", "ref", "32", "30"),
                                                         Flag("figure", "medium", "ignored")))]
    rows = F.high_flags("gdpr", "plain", judged, F.read_verdicts(path))
    assert len(rows) == 1 and rows[0]["verdict"] == "false" and rows[0]["verdict_by"] == "lead"
    assert F.high_flags("sdg", "plain", judged, F.read_verdicts(path))[0]["verdict"] is None


def test_judge_doc_without_encoder_scores_beads_by_sidedness():
    judged = list(F.judge_doc(_doc(), checks=()))
    assert [j.one_sided for j in judged] == [False, False, True]
    assert all(j.flags == () for j in judged)


def test_faithful_pairs_leave_out_the_twins():
    names = {p.name for p in F.faithful_pairs(CORPORA)}
    assert "migration-ministerial" in names and not any(n.startswith("divergent") for n in names)


def test_faithful_flags_main_skips_missing_data(tmp_path, capsys):
    out = tmp_path / "r.json"
    assert F.main(["--data", str(tmp_path), "--sets", "udhr", "--variant", "plain", "--out", str(out)]) == 0
    assert "no data for udhr" in capsys.readouterr().out
    assert F.main(["--data", str(tmp_path), "--sets", "nope"]) == 2
