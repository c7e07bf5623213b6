"""The merged-corpus filters: what each drops and keeps, the order they count in, filters.csv,
and that per-pair files never change."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

import aligner
from aligner.cleaning import FilterSpec, clean, write_filter_log
from aligner.cleaning.filters import (BeadView, DropFlagged, Duplicates, LanguageId, MaxLength,
                                      MaxLengthRatio, MinLength, MinScore, OneSided, exact_key,
                                      near_key)
from aligner.cli import main
from aligner.errors import UsageError
from aligner.records import Alignment, Bead, Flag, Segment
from test_batch_support import make_corpus


def view(src="The council met today in Brussels.", tgt="El consejo se reunió hoy en Bruselas.",
         score=0.8, flags=(), doc="d"):
    return BeadView(doc, src, tgt, score, tuple(flags), "en", "es")


def test_one_sided_beads_never_stay():
    assert OneSided().drops(view(tgt="")) and OneSided().drops(view(src="  "))
    assert not OneSided().drops(view())


def test_length_filters_look_at_each_side():
    assert MinLength(10).drops(view(tgt="Sí.")) and not MinLength(10).drops(view())
    assert MaxLength(20).drops(view()) and not MaxLength(40).drops(view())
    assert MaxLengthRatio(1.5).drops(view(tgt="Sí, de acuerdo con todo lo dicho aquí y allá, "
                                             "sin reservas de ninguna clase."))
    assert not MaxLengthRatio(1.5).drops(view())


def test_min_score_drops_below_and_keeps_at_the_threshold():
    assert MinScore(0.5).drops(view(score=0.49)) and not MinScore(0.5).drops(view(score=0.5))


def test_drop_flagged_takes_meaning_flags_at_or_above_the_severity():
    high = Flag("figure", "high", "amount differs")
    medium = Flag("commitment", "medium", "shall -> may")
    style = Flag("typography", "high", "quotes")
    assert DropFlagged("high").drops(view(flags=[high]))
    assert not DropFlagged("high").drops(view(flags=[medium]))
    assert DropFlagged("medium").drops(view(flags=[medium]))
    assert not DropFlagged("low").drops(view(flags=[style]))  # style is no mismatch of meaning


def test_lang_id_drops_a_side_in_another_language_and_keeps_short_ones():
    f = LanguageId()
    assert not f.drops(view())
    assert f.drops(view(tgt="Le Conseil a adopté le règlement sur la protection des données."))
    assert f.drops(view(tgt="The Council adopted the regulation on the protection of data."))
    assert f.drops(view(src="El Consejo adoptó hoy el reglamento sobre la protección de datos."))
    assert not f.drops(view(src="Article 5", tgt="Artículo 5"))  # too short to tell
    assert not f.drops(view(src="Naciones Unidas", tgt="Naciones Unidas"))


def test_lang_id_drops_no_official_unit(official_units):
    f = LanguageId()
    assert sum(f.drops(view(en, es)) for en, es in official_units) == 0


def test_duplicate_keys():
    assert exact_key("The  Council,\u00a0met.") == exact_key("the council, met.")
    assert exact_key("Article 5.") != exact_key("Article 6.")
    assert near_key("Article 5.") == near_key("article 6") == "article"
    assert near_key("Artículo 5") == near_key("articulo 7")
    assert near_key("The council met.") != near_key("The council left.")


def test_duplicates_keep_the_first_copy_only():
    dup = Duplicates("duplicate", exact_key)
    assert not dup.drops(view()) and dup.drops(view(src="the council met today in brussels."))
    assert not dup.drops(view(tgt="Otra frase."))  # same source, another translation


def _alignment(pairs, scores=None, lang=("en", "es")):
    src = tuple(Segment(i, s) for i, (s, _) in enumerate(pairs))
    tgt = tuple(Segment(i, t) for i, (_, t) in enumerate(pairs))
    beads = tuple(Bead((i,) if s else (), (i,) if t else (), (scores or [0.9] * len(pairs))[i])
                  for i, (s, t) in enumerate(pairs))
    return Alignment(src, tgt, beads, *lang)


def test_each_bead_is_counted_by_the_first_filter_that_drops_it(tmp_path):
    a = _alignment([("The council met in Brussels today.", "El consejo se reunió hoy."),
                    ("The council met in Brussels today.", "El consejo se reunió hoy."),
                    ("Article 5 of the act.", "Artículo 5 de la ley."),
                    ("Article 6 of the act.", "Artículo 6 de la ley."),
                    ("A short one.", ""),
                    ("Weak pair of sentences here.", "Frase débil de aquí."),
                    ("Ok.", "Sí.")],
                   scores=[0.9, 0.9, 0.9, 0.9, 0.0, 0.2, 0.9])
    b = _alignment([("The council met in Brussels today.", "El consejo se reunió hoy.")])
    spec = FilterSpec(min_score=0.5, min_length=5, dedup=True)
    cleaned = clean([("a", a), ("b", b)], spec)
    assert cleaned.keep == {"a": (True, False, True, False, False, False, False), "b": (False,)}
    assert [(name, n) for name, _, n in cleaned.dropped] == [
        ("one_sided", 1), ("min_length", 1), ("min_score", 1), ("duplicate", 2),
        ("near_duplicate", 1)]
    assert cleaned.beads == 8 and cleaned.kept == 2
    write_filter_log(tmp_path / "filters.csv", cleaned)
    log = pd.read_csv(tmp_path / "filters.csv", keep_default_na=False)
    assert log["filter"].tolist() == ["(all beads)", "one_sided", "min_length", "min_score",
                                      "duplicate", "near_duplicate"]
    assert log["remaining"].tolist() == [8, 7, 6, 5, 3, 2]
    assert log.set_index("filter").loc["min_score", "setting"] == "0.5"


def test_bad_filter_settings_are_usage_errors():
    for options in ({"max_length_ratio": 0.5}, {"drop_flagged": "severe"}, {"min_length": -1},
                    {"min_length": 10, "max_length": 5}):
        with pytest.raises(UsageError):
            FilterSpec(**options)


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Three pairs checked and aligned twice: without filters and with all of them."""
    root = tmp_path_factory.mktemp("clean")
    manifest = make_corpus(root, n=3)
    aligner.batch(manifest, root / "all", formats=("jsonl",), check=True)
    aligner.batch(manifest, root / "some", formats=("jsonl", "tsv"), check=True, min_score=0.6,
                  min_length=20, max_length=400, lang_id=True, dedup=True, drop_flagged="medium")
    return root


def test_batch_filters_log_their_counts_and_the_corpus_agrees(checked):
    every, kept = _jsonl(checked / "all" / "corpus.jsonl"), _jsonl(checked / "some" / "corpus.jsonl")
    log = pd.read_csv(checked / "some" / "filters.csv", keep_default_na=False)
    assert log["filter"].tolist() == ["(all beads)", "one_sided", "min_length", "max_length",
                                      "min_score", "drop_flagged", "lang_id", "duplicate",
                                      "near_duplicate"]
    assert log["remaining"].iloc[-1] == len(kept) < len(every)
    assert log["remaining"].iloc[1] == len(every)  # the unfiltered corpus: two-sided beads
    assert log.set_index("filter").loc["drop_flagged", "dropped"] > 0
    assert all(len(r["src_text"]) >= 20 and r["score"] >= 0.6 for r in kept)
    assert not any(f["severity"] in ("medium", "high") and f["kind"] in ("figure", "commitment")
                   for r in kept for f in r["flags"])
    assert len(pd.read_csv(checked / "some" / "corpus.tsv", sep="\t")) == len(kept)


def test_filters_never_change_the_per_pair_files(checked):
    for path in (checked / "all").glob("*.jsonl"):
        if path.name != "corpus.jsonl":
            assert (checked / "some" / path.name).read_bytes() == path.read_bytes()


def test_drop_flagged_needs_check(tmp_path):
    manifest = make_corpus(tmp_path, n=1)
    result = CliRunner().invoke(main, ["batch", str(manifest), "--out", str(tmp_path / "o"),
                                       "--drop-flagged", "high"])
    assert result.exit_code == 2 and "--drop-flagged needs --check" in result.output
    assert not (tmp_path / "o" / "summary.csv").exists()


def test_cli_filter_options_reach_the_log(tmp_path):
    manifest = make_corpus(tmp_path, n=1)
    result = CliRunner().invoke(main, ["batch", str(manifest), "--out", str(tmp_path / "o"),
                                       "--quiet", "--dedup", "--lang-id", "--max-length", "300"])
    assert result.exit_code == 0, result.output
    log = pd.read_csv(tmp_path / "o" / "filters.csv")
    assert log["filter"].tolist() == ["(all beads)", "one_sided", "max_length", "lang_id",
                                      "duplicate", "near_duplicate"]
