"""`aligner batch` end to end in this process: outputs, summary, failures, merged corpus, resume
keys and exit codes."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from lxml import etree

import aligner
from aligner.batching import job
from aligner.cli import main
from test_batch_support import make_corpus, output_files, write_manifest


def jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def three_pairs(tmp_path_factory):
    """A batch of three pairs with check, in three formats, shared by the read-only tests."""
    root = tmp_path_factory.mktemp("three")
    manifest = make_corpus(root, n=3)
    summary = aligner.batch(manifest, root / "out", formats=("tsv", "jsonl", "tmx"), check=True)
    return root / "out", summary


def test_one_output_per_pair_and_format_plus_summary_and_corpus(three_pairs):
    out, summary = three_pairs
    ids = ["divergent", "screening-press-release", "security-communique"]
    assert summary["pair_id"].tolist() == ids
    assert set(output_files(out)) == {f"{name}.{ext}" for name in [*ids, "corpus"]
                                     for ext in ("tsv", "jsonl", "tmx")} | {"consistency.csv", "filters.csv", "README.md"}
    on_disk = pd.read_csv(out / "summary.csv")
    assert on_disk["pair_id"].tolist() == ids and (on_disk["status"] == "ok").all()


def test_summary_counts_match_the_pair_outputs(three_pairs):
    out, summary = three_pairs
    for row in summary.itertuples():
        beads = jsonl(out / f"{row.pair_id}.jsonl")
        shapes = [(len(b["src"]), len(b["tgt"])) for b in beads]
        assert row.beads_1_1 == shapes.count((1, 1)) and row.beads_0_1 == shapes.count((0, 1))
        assert row.beads_1_1 + row.beads_1_0 + row.beads_0_1 + row.beads_many == len(beads)
        assert row.src_sentences == sum(len(b["src"]) for b in beads)
        flags = [f for b in beads for f in b["flags"]]
        assert row.flags_high == sum(f["severity"] == "high" for f in flags)
        assert row.flags_figure == sum(f["kind"] == "figure" for f in flags)
        paired = [b["score"] for b in beads if b["src"] and b["tgt"]]
        assert row.mean_score == pytest.approx(sum(paired) / len(paired), abs=1e-3)
    assert summary.set_index("pair_id").loc["divergent", "flags_high"] > 0


def test_merged_corpus_holds_every_two_sided_bead_with_its_doc_id(three_pairs):
    out, summary = three_pairs
    expected = [(pair_id, b["src_text"]) for pair_id in summary["pair_id"]
                for b in jsonl(out / f"{pair_id}.jsonl") if b["src"] and b["tgt"]]
    corpus = pd.read_csv(out / "corpus.tsv", sep="\t")
    assert list(zip(corpus["doc_id"], corpus["src_text"])) == expected
    assert [(r["doc_id"], r["src_text"]) for r in jsonl(out / "corpus.jsonl")] == expected
    tus = etree.parse(str(out / "corpus.tmx")).findall(".//tu")
    assert [tu.find("prop[@type='x-doc-id']").text for tu in tus] == [d for d, _ in expected]


def test_filters_apply_to_the_merged_corpus_only(tmp_path):
    manifest = make_corpus(tmp_path, n=2)
    unfiltered = aligner.batch(manifest, tmp_path / "all", formats=("jsonl",))
    aligner.batch(manifest, tmp_path / "some", formats=("jsonl",), min_score=0.8,
                  max_length_ratio=1.3)
    every = jsonl(tmp_path / "all" / "corpus.jsonl")
    kept = jsonl(tmp_path / "some" / "corpus.jsonl")

    def passes(r):
        lengths = sorted((len(r["src_text"]), len(r["tgt_text"])))
        return r["score"] >= 0.8 and lengths[1] <= 1.3 * lengths[0]

    assert kept == [r for r in every if passes(r)] and 0 < len(kept) < len(every)
    pair = unfiltered["pair_id"][0]
    assert (tmp_path / "some" / f"{pair}.jsonl").read_bytes() == \
        (tmp_path / "all" / f"{pair}.jsonl").read_bytes()


def bad_pairs(tmp_path):
    manifest = make_corpus(tmp_path, n=2)
    docs = tmp_path / "docs"
    (docs / "empty.en.md").write_text("\n\n", encoding="utf-8")
    (docs / "corrupt.en.md").write_bytes(b"\x00\x01\xff\xfe" * 200)
    good = ["divergent", "screening-press-release"]
    bad = ["gone", "empty", "corrupt"]
    rows = [(f"docs/{name}.en.md", "docs/divergent.es.md", name) for name in [good[0], *bad]]
    rows.append((f"docs/{good[1]}.en.md", f"docs/{good[1]}.es.md", good[1]))
    return write_manifest(manifest, rows, header=("src", "tgt", "id")), bad


def test_failing_pairs_are_recorded_and_the_batch_goes_on(tmp_path):
    manifest, bad = bad_pairs(tmp_path)
    summary = aligner.batch(manifest, tmp_path / "out").set_index("pair_id")
    assert summary["status"].tolist() == ["ok", "error", "error", "error", "ok"]
    for name in bad:
        assert f"{name}.en.md" in summary.loc[name, "error"]
        assert "\n" not in summary.loc[name, "error"]
        assert not (tmp_path / "out" / f"{name}.tsv").exists()
    corpus = pd.read_csv(tmp_path / "out" / "corpus.tsv", sep="\t")
    assert set(corpus["doc_id"]) == {"divergent", "screening-press-release"}


def test_an_unexpected_exception_is_an_internal_error_of_that_pair(tmp_path, monkeypatch):
    manifest = make_corpus(tmp_path, n=2)
    real = job.align

    def flaky(src, tgt, **options):
        if "divergent" in str(src):
            raise ZeroDivisionError("boom")
        return real(src, tgt, **options)

    monkeypatch.setattr(job, "align", flaky)
    summary = aligner.batch(manifest, tmp_path / "out")
    assert summary["status"].tolist() == ["error", "ok"]
    assert summary["error"][0] == "internal error: ZeroDivisionError: boom"


def test_done_records_follow_inputs_and_options(tmp_path):
    manifest = make_corpus(tmp_path, n=3)
    out = tmp_path / "out"
    assert not aligner.batch(manifest, out)["resumed"].any()
    assert aligner.batch(manifest, out)["resumed"].all()
    assert not aligner.batch(manifest, out, max_bead=4)["resumed"].any()
    assert not aligner.batch(manifest, out, max_bead=4, formats=("tsv", "jsonl"))["resumed"].any()
    edited = tmp_path / "docs" / "divergent.es.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nUna frase más.\n", encoding="utf-8")
    again = aligner.batch(manifest, out, max_bead=4, formats=("tsv", "jsonl"))
    assert again["resumed"].tolist() == [False, True, True]
    assert not aligner.batch(manifest, out, max_bead=4, formats=("tsv", "jsonl"),
                             resume=False)["resumed"].any()
    # filters only shape the merged corpus: they never invalidate a pair
    assert aligner.batch(manifest, out, max_bead=4, formats=("tsv", "jsonl"),
                         min_score=0.9)["resumed"].all()


def test_a_deleted_output_makes_its_pair_run_again(tmp_path):
    manifest = make_corpus(tmp_path, n=2)
    aligner.batch(manifest, tmp_path / "out")
    (tmp_path / "out" / "divergent.tsv").unlink()
    assert aligner.batch(manifest, tmp_path / "out")["resumed"].tolist() == [False, True]
    assert (tmp_path / "out" / "divergent.tsv").is_file()


def test_cache_dir_reports_sentences_embedded(tmp_path):
    manifest = make_corpus(tmp_path, n=2)
    first = aligner.batch(manifest, tmp_path / "out", cache_dir=tmp_path / "cache")
    assert (first["embedded"] > 20).all()
    again = aligner.batch(manifest, tmp_path / "out", cache_dir=tmp_path / "cache", resume=False)
    assert again["embedded"].tolist() == [0, 0]


def cli(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args)])


def test_cli_exit_codes(tmp_path):
    manifest, _ = bad_pairs(tmp_path / "bad")
    failed = cli(manifest, "--out", tmp_path / "o1", "--quiet")
    assert failed.exit_code == 1
    assert "pair gone failed:" in failed.output and "gone.en.md" in failed.output
    good = make_corpus(tmp_path / "good", n=2)
    assert cli(good, "--out", tmp_path / "o2").exit_code == 0
    flagged = cli(good, "--out", tmp_path / "o3", "--check", "--fail-on", "high")
    assert flagged.exit_code == 1  # the divergent pair has high flags
    assert cli(good, "--out", tmp_path / "o3", "--check").exit_code == 0
    assert cli(good, "--out", tmp_path / "o4", "--fail-on", "high").exit_code == 2
    assert cli(good, "--out", tmp_path / "o4", "--format", "tsv,nope").exit_code == 2
    assert cli(tmp_path / "missing.csv", "--out", tmp_path / "o4").exit_code == 2
    assert cli(good, "--out", tmp_path / "o4", "--scheduler", "tcp://127.0.0.1:1").exit_code == 2


def test_aligner_batch_stays_the_function_once_the_package_is_imported(tmp_path):
    import aligner.batching  # noqa: F401  (importing a subpackage binds its name on aligner)

    manifest = make_corpus(tmp_path, n=1)
    assert aligner.batch(manifest, tmp_path / "out")["status"].tolist() == ["ok"]


def test_a_pair_that_now_fails_leaves_none_of_its_old_outputs(tmp_path):
    manifest = make_corpus(tmp_path, n=1)
    out = tmp_path / "out"
    assert aligner.batch(manifest, out, formats=("tsv", "moses"))["status"].tolist() == ["ok"]
    pair_id = aligner.batch(manifest, out, formats=("tsv", "moses"))["pair_id"][0]
    assert sorted(p.name for p in out.glob(f"{pair_id}.*")) == [
        f"{pair_id}.moses.en", f"{pair_id}.moses.es", f"{pair_id}.tsv"]
    (tmp_path / "docs" / f"{pair_id}.es.md").write_text(" \n", encoding="utf-8")
    assert aligner.batch(manifest, out, formats=("tsv", "moses"))["status"].tolist() == ["error"]
    assert list(out.glob(f"{pair_id}.*")) == []


def test_the_sentence_length_limit_reaches_every_pair_and_its_key(tmp_path):
    manifest = make_corpus(tmp_path, n=1)
    out = tmp_path / "out"
    whole = aligner.batch(manifest, out)
    pieces = aligner.batch(manifest, out, max_sentence_chars=40)
    assert not pieces["resumed"].any()
    assert pieces["src_sentences"][0] > whole["src_sentences"][0]
    assert "split" in pieces["warning"][0]


def test_a_pair_over_the_timeout_fails_alone_and_is_retried_next_time(tmp_path, monkeypatch):
    import time as clock

    manifest = make_corpus(tmp_path, n=2)
    real = job.align

    def slow_on_divergent(src, tgt, **options):
        if "divergent" in str(src):
            clock.sleep(30)
        return real(src, tgt, **options)

    monkeypatch.setattr(job, "align", slow_on_divergent)
    summary = aligner.batch(manifest, tmp_path / "out", timeout=4)
    assert summary["status"].tolist() == ["error", "ok"]
    assert summary["error"][0] == "gave up after 4 s (--timeout)"
    monkeypatch.setattr(job, "align", real)
    again = aligner.batch(manifest, tmp_path / "out", timeout=60)
    assert again["status"].tolist() == ["ok", "ok"]
    assert again["resumed"].tolist() == [False, True]


def test_timeout_needs_the_local_engine(tmp_path):
    from aligner.errors import UsageError

    with pytest.raises(UsageError, match="local engine"):
        aligner.batch(make_corpus(tmp_path, n=1), tmp_path / "out", engine="dask", timeout=5)
