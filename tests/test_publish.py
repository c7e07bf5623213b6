"""Publishing the merged corpus: Parquet with a fixed typed schema, and the dataset card."""
from __future__ import annotations

import importlib.util

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

import aligner
from aligner.cli import main
from aligner.errors import UsageError
from aligner.records import Alignment, Bead, Flag, Segment
from aligner.write import write
from test_batch_support import make_corpus

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from aligner.write.parquet import schema  # noqa: E402  (needs pyarrow)


def _alignment():
    flag = Flag("figure", "high", "amount differs", "5 million", "50 millones")
    return Alignment((Segment(0, "It costs 5 million."), Segment(1, "Thanks.")),
                     (Segment(0, "Cuesta 50 millones."),),
                     (Bead((0,), (0,), 0.81234, (flag,)), Bead((1,), (), 0.0)), "en", "es",
                     src_path="docs/report.en.md")


def test_parquet_has_the_typed_schema_and_reads_back_with_pandas(tmp_path):
    write(_alignment(), tmp_path / "a.parquet")
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.schema.equals(schema())
    assert table.schema.field("flags").type.value_type.names == [
        "kind", "severity", "message", "src_evidence", "tgt_evidence"]
    frame = pd.read_parquet(tmp_path / "a.parquet")
    assert frame["doc_id"].tolist() == ["report.en", "report.en"]
    assert [list(x) for x in frame["src"]] == [[0], [1]]
    assert [list(x) for x in frame["tgt"]] == [[0], []]
    assert frame["score"].tolist() == [0.8123, 0.0]
    assert list(frame["flags"][0]) == [{"kind": "figure", "severity": "high",
                                        "message": "amount differs", "src_evidence": "5 million",
                                        "tgt_evidence": "50 millones"}]
    assert len(frame["flags"][1]) == 0


def test_parquet_needs_a_file(tmp_path):
    result = CliRunner().invoke(main, ["align", "x", "y", "--format", "parquet"])
    assert result.exit_code == 2


def test_parquet_without_pyarrow_is_a_usage_error(tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "pyarrow" else real(name, *a))
    with pytest.raises(UsageError, match=r"aligner\[parquet\]"):
        aligner.batch(make_corpus(tmp_path, n=1), tmp_path / "out", formats=("parquet",))
    assert not (tmp_path / "out" / "summary.csv").exists()


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("publish")
    manifest = make_corpus(root, n=3)
    summary = aligner.batch(manifest, root / "out", formats=("parquet", "jsonl"), check=True,
                            dedup=True, min_score=0.7)
    return root / "out", summary


def test_the_merged_parquet_holds_the_corpus_one_row_group_per_document(published):
    out, summary = published
    frame = pd.read_parquet(out / "corpus.parquet")
    jsonl = pd.read_json(out / "corpus.jsonl", lines=True)
    assert frame["doc_id"].tolist() == jsonl["doc_id"].tolist()
    assert frame["src_text"].tolist() == jsonl["src_text"].tolist()
    assert (frame["score"] >= 0.7).all()
    assert pq.ParquetFile(out / "corpus.parquet").num_row_groups == frame["doc_id"].nunique()
    assert pq.read_schema(out / "corpus.parquet").equals(schema())
    flagged = [f for flags in frame["flags"] for f in flags]
    assert flagged and all(set(f) == {"kind", "severity", "message", "src_evidence",
                                      "tgt_evidence"} for f in flagged)


def _card(out):
    text = (out / "README.md").read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def test_the_dataset_card_counts_what_the_corpus_and_filter_log_hold(published):
    out, summary = published
    meta, body = _card(out)
    assert meta["language"] == ["en", "es"] and meta["license"] is None
    assert meta["configs"][0]["data_files"] == "corpus.parquet"
    rows = len(pd.read_parquet(out / "corpus.parquet"))
    assert f"{rows:,} sentence pairs (beads) from 3 document pairs" in body
    log = pd.read_csv(out / "filters.csv", keep_default_na=False)
    for row in log.itertuples():
        assert f"| {row.filter} | {row.setting} | {row.dropped} | {row.remaining} |" in body
    per_doc = pd.read_parquet(out / "corpus.parquet")["doc_id"].value_counts()
    for pair_id, n in per_doc.items():
        assert f"| {pair_id} | docs/{pair_id}.en.md | docs/{pair_id}.es.md | {n} |" in body
    histogram = [line for line in body.splitlines() if line.startswith("| 0.") and "–" in line]
    assert sum(int(line.split("|")[2]) for line in histogram) == rows
    assert '"dedup": true' in body and '"min_score": 0.7' in body and "Licence" in body


def test_the_signature_follows_the_options_that_change_the_corpus(tmp_path):
    manifest = make_corpus(tmp_path, n=1)
    signatures = {}
    for name, options in {"a": {}, "b": {"formats": ("tsv", "jsonl")}, "c": {"dedup": True}}.items():
        aligner.batch(manifest, tmp_path / name, **options)
        body = (tmp_path / name / "README.md").read_text(encoding="utf-8")
        signatures[name] = body.split("signature `")[1].split("`")[0]
    assert signatures["a"] == signatures["b"] != signatures["c"]


def test_the_hub_loader_reads_the_corpus(published):
    datasets = pytest.importorskip("datasets")
    out, _ = published
    loaded = datasets.load_dataset("parquet", data_files=str(out / "corpus.parquet"))["train"]
    assert loaded.num_rows == len(pd.read_parquet(out / "corpus.parquet"))
    assert set(loaded.features) == {"doc_id", "src", "tgt", "src_text", "tgt_text", "score",
                                    "flags"}
    # the folder itself, through the card's default config (it must not read corpus.jsonl too)
    assert datasets.load_dataset(str(out))["train"].num_rows == loaded.num_rows


def test_a_card_for_a_corpus_that_kept_nothing(tmp_path):
    from aligner.batching.card import write_card
    from aligner.cleaning import Cleaned

    summary = pd.DataFrame([
        {"pair_id": "a", "src": "a.en", "tgt": "a.es", "mean_score": None, "status": "ok"},
        {"pair_id": "b", "src": "b.en", "tgt": "b.es", "mean_score": None, "status": "error"}])
    cleaned = Cleaned({"a": (False,)}, (("one_sided", "", 1),), 1, ())
    write_card(tmp_path, summary, cleaned, {"languages": [["en", "es"]]}, ("tsv",))
    meta, body = _card(tmp_path)
    assert "configs" not in meta and meta["size_categories"] == ["n<1K"]
    assert "0 sentence pairs (beads) from 1 document pairs" in body
    assert "| a | a.en | a.es | 0 |  |" in body and "1 document pair(s) failed" in body
    assert "No beads." in body
