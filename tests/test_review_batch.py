"""A `review` column in a batch manifest: each pair's review file is honoured like
`check --review`, a bad one fails only its pair, and editing it reruns the pair."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import aligner

PAIR = Path(__file__).resolve().parent.parent / "corpora" / "divergent"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _setup(root: Path, review_text: str | None) -> Path:
    for name in ("en.sents", "es.sents"):
        shutil.copy(PAIR / name, root / name)
    (root / "other.en.txt").write_text("The fee is 5%.\n", encoding="utf-8")
    (root / "other.es.txt").write_text("La tasa es del 6 %.\n", encoding="utf-8")
    if review_text is not None:
        (root / "doc.review.json").write_text(review_text, encoding="utf-8")
    manifest = root / "manifest.csv"
    manifest.write_text("src,tgt,id,review\nen.sents,es.sents,doc,doc.review.json\n"
                        "other.en.txt,other.es.txt,other,\n", encoding="utf-8")
    return manifest


def _dismiss_everything(records: list[dict]) -> str:
    flags = [{"status": "dismissed", "kind": f["kind"], "src_evidence": f["src_evidence"],
              "tgt_evidence": f["tgt_evidence"], "src_text": r["src_text"],
              "tgt_text": r["tgt_text"], "note": "ok"} for r in records for f in r["flags"]]
    return json.dumps({"aligner_review": 1, "flags": flags})


def test_the_review_column_dismisses_and_resumes(tmp_path):
    manifest = _setup(tmp_path, '{"aligner_review": 1}')
    first = aligner.batch(manifest, tmp_path / "out", formats=("jsonl",), check=True,
                          presegmented=True).set_index("pair_id")
    assert first.loc["doc", "flags_high"] > 0 and first.loc["doc", "flags_dismissed"] == 0
    records = _jsonl(tmp_path / "out" / "doc.jsonl")
    (tmp_path / "doc.review.json").write_text(_dismiss_everything(records), encoding="utf-8")
    second = aligner.batch(manifest, tmp_path / "out", formats=("jsonl",), check=True,
                           presegmented=True).set_index("pair_id")
    assert not second.loc["doc", "resumed"] and second.loc["other", "resumed"]
    assert second.loc["doc", "flags_high"] == second.loc["doc", "flags_medium"] == 0
    assert second.loc["doc", "flags_dismissed"] == sum(len(r["flags"]) for r in records)
    assert second.loc["other", "flags_high"] > 0  # no review file: untouched
    assert all(f["status"] == "dismissed" for r in _jsonl(tmp_path / "out" / "doc.jsonl")
               for f in r["flags"])


def test_a_bad_review_file_fails_only_its_pair(tmp_path):
    manifest = _setup(tmp_path, "{broken")
    summary = aligner.batch(manifest, tmp_path / "out", formats=("jsonl",), check=True,
                            presegmented=True).set_index("pair_id")
    assert summary.loc["doc", "status"] == "error" and "not valid JSON" in summary.loc["doc", "error"]
    assert summary.loc["other", "status"] == "ok"
