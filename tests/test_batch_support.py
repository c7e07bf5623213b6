"""Small corpora for the `aligner batch` tests (helpers only: no tests here)."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
MARKDOWN_PAIRS = ("divergent", "screening-press-release", "security-communique",
                  "trade-investment-statement")


def _head(path: Path, lines: int) -> str:
    return "".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:lines])


def make_corpus(root: Path, n: int = 6) -> Path:
    """Up to 6 real pairs as docs/<name>.en.* + .es.* and a manifest listing them; returns the
    manifest. Pairs 5 and 6 are the plain-text MoU and a cut-down security communiqué."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    rows = []
    for name in MARKDOWN_PAIRS:
        for lang in ("en", "es"):
            shutil.copy(CORPORA / name / f"{lang}.md", docs / f"{name}.{lang}.md")
        rows.append((f"docs/{name}.en.md", f"docs/{name}.es.md"))
    for lang in ("en", "es"):
        shutil.copy(CORPORA / "health-cooperation-mou" / f"{lang}.txt", docs / f"mou.{lang}.txt")
        (docs / f"short.{lang}.md").write_text(
            _head(CORPORA / "security-communique" / f"{lang}.md", 14), encoding="utf-8")
    rows += [("docs/mou.en.txt", "docs/mou.es.txt"), ("docs/short.en.md", "docs/short.es.md")]
    return write_manifest(root / "manifest.csv", rows[:n])


def write_manifest(path: Path, rows, header=("src", "tgt")) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter="\t" if path.suffix == ".tsv" else ",")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def output_files(out: Path) -> dict[str, bytes]:
    """Every per-pair and merged output (not the summary, whose `seconds` vary)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())
            if p.is_file() and not p.name.startswith(".") and p.name != "summary.csv"}


def stable_summary(out: Path) -> pd.DataFrame:
    """summary.csv without the columns that depend on timing or on an earlier run."""
    return pd.read_csv(out / "summary.csv").drop(columns=["seconds", "resumed"])
