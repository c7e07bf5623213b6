"""Consistency across a batch corpus: one English sentence rendered two ways in two pairs is
listed in consistency.csv and counted in the summary, both directions, and never without check."""
from __future__ import annotations

import pandas as pd

import aligner
from aligner.batching.consistency import disagreements
from aligner.records import Alignment, Bead, Segment
from test_batch_support import write_manifest

SHARED_EN = "The ministers agreed to meet again in the spring."
DEFAULT_ES = "Los ministros acordaron volver a reunirse en la primavera."
OTHER_ES = "Los ministros convinieron en reunirse de nuevo en primavera."


def alignment(pairs):
    src = tuple(Segment(i, en) for i, (en, _) in enumerate(pairs))
    tgt = tuple(Segment(i, es) for i, (_, es) in enumerate(pairs))
    beads = tuple(Bead((i,), (i,), 1.0) for i in range(len(pairs)))
    return Alignment(src, tgt, beads)


def test_a_sentence_rendered_differently_in_a_later_pair_is_listed_against_the_first():
    docs = [("a", alignment([(SHARED_EN, DEFAULT_ES), ("Thank you all.", "Gracias a todos.")])),
            ("b", alignment([(SHARED_EN, OTHER_ES)])),
            ("c", alignment([(SHARED_EN, DEFAULT_ES)]))]
    found = list(disagreements(docs))
    assert [(d.doc_id, d.direction, d.reference_doc_id, d.reference_tgt_text) for d in found] == \
        [("b", "en->es", "a", DEFAULT_ES)]


def test_one_spanish_sentence_for_two_english_ones_is_the_reverse_direction():
    docs = [("a", alignment([(SHARED_EN, DEFAULT_ES)])),
            ("b", alignment([("The ministers decided to meet again in the spring.", DEFAULT_ES)]))]
    assert [(d.doc_id, d.direction) for d in disagreements(docs)] == [("b", "es->en")]


def test_repeats_inside_one_pair_and_short_sentences_are_left_to_the_pair_check():
    docs = [("a", alignment([(SHARED_EN, DEFAULT_ES), (SHARED_EN, OTHER_ES)])),
            ("b", alignment([("Background", "Antecedentes")])),
            ("c", alignment([("Background", "Contexto")]))]
    assert list(disagreements(docs)) == []


def write_pair(root, name, lines_en, lines_es):
    (root / f"{name}.en.txt").write_text("\n".join(lines_en) + "\n", encoding="utf-8")
    (root / f"{name}.es.txt").write_text("\n".join(lines_es) + "\n", encoding="utf-8")
    return f"{name}.en.txt", f"{name}.es.txt"


def test_batch_check_writes_the_list_and_counts_it_per_pair(tmp_path):
    rows = [write_pair(tmp_path, "one", [SHARED_EN, "The meeting ended at noon."],
                       [DEFAULT_ES, "La reunión terminó al mediodía."]),
            write_pair(tmp_path, "two", ["Trade grew last year.", SHARED_EN],
                       ["El comercio creció el año pasado.", OTHER_ES])]
    manifest = write_manifest(tmp_path / "manifest.csv", rows)
    summary = aligner.batch(manifest, tmp_path / "out", check=True, presegmented=True)
    listed = pd.read_csv(tmp_path / "out" / "consistency.csv")
    assert listed[["doc_id", "reference_doc_id", "tgt_text"]].values.tolist() == \
        [["two", "one", OTHER_ES]]
    assert dict(zip(summary["pair_id"], summary["corpus_consistency"])) == {"one": 0, "two": 1}
    written = pd.read_csv(tmp_path / "out" / "summary.csv")
    assert written["corpus_consistency"].tolist() == [0, 1]

    plain = aligner.batch(manifest, tmp_path / "out", presegmented=True)
    assert "corpus_consistency" not in plain and not (tmp_path / "out" / "consistency.csv").exists()
