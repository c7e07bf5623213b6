"""DIR/README.md: a dataset card for the merged corpus, in the form dataset hubs read (YAML
metadata, then Markdown): its sources, what each filter dropped, the score distribution, the
aligner version and options with their signature. The licence is left for the publisher: only
they know the terms of their source documents.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pandas as pd

from .. import __version__
from ..cleaning import Cleaned
from ..write.atomic import atomic_outputs
from .layout import CORPUS, FILTERS, SUMMARY, output_path

CARD = "README.md"
SHOWN_SOURCES = 50
# Hub loaders by preference: the typed format first.
LOADABLE = ("parquet", "jsonl", "csv")
QUANTILES = (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0)


def signature(options: dict) -> str:
    """A short hash of the options: two corpora with the same signature were built alike."""
    text = json.dumps(options, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def card_options(shared: dict, filters: dict, languages: list[tuple[str, str]]) -> dict:
    """What decides the corpus's content (not the formats it is written in)."""
    content = {name: value for name, value in shared.items() if name != "formats"}
    return {"aligner": __version__, **content, "languages": [list(p) for p in languages],
            "filters": filters}


def write_card(out_dir: Path, summary: pd.DataFrame, cleaned: Cleaned, options: dict,
               formats: tuple[str, ...]) -> None:
    languages = options["languages"]
    text = "\n".join([
        _front_matter(languages, cleaned.kept, formats, out_dir),
        f"# Parallel corpus ({', '.join('–'.join(p) for p in languages) or 'empty'})\n",
        f"{cleaned.kept:,} sentence pairs (beads) from {int((summary['status'] == 'ok').sum())} "
        f"document pairs, aligned with aligner {__version__}.\n",
        "## Licence\n",
        "Not set. Fill in the licence under which you publish this corpus (in the `license` "
        "field above too), after checking the terms of the source documents.\n",
        _sources(summary, cleaned),
        _filters(cleaned),
        _scores(cleaned),
        _how(options, formats, out_dir),
    ])
    with atomic_outputs([out_dir / CARD]) as (stream,):
        stream.write(text)


def _front_matter(languages, kept: int, formats, out_dir: Path) -> str:
    codes = sorted({code for pair in languages for code in pair})
    lines = ["---", "language:", *(f"- {c}" for c in codes),
             "license: null  # fill in: the licence of this corpus",
             "task_categories:", "- translation", "size_categories:", f"- {_size(kept)}"]
    loadable = next((f for f in LOADABLE if f in formats), None)
    if loadable:
        name = output_path(out_dir, CORPUS, loadable).name
        lines += ["configs:", "- config_name: default", f"  data_files: {name}"]
    return "\n".join(lines + ["---", ""])


def _size(n: int) -> str:
    """The hub's size buckets."""
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
              (1_000_000, "100K<n<1M"), (10_000_000, "1M<n<10M")]
    return next((label for bound, label in bounds if n < bound), "n>10M")


def _sources(summary: pd.DataFrame, cleaned: Cleaned) -> str:
    ok = summary[summary["status"] == "ok"]
    lines = ["## Sources\n", "| pair | source | target | beads in corpus | mean score |",
             "|---|---|---|---:|---:|"]
    for row in ok.head(SHOWN_SOURCES).itertuples():
        kept = sum(cleaned.keep.get(row.pair_id, ()))
        mean = "" if pd.isna(row.mean_score) else f"{row.mean_score:.3f}"
        lines.append(f"| {_cell(row.pair_id)} | {_cell(row.src)} | {_cell(row.tgt)} | {kept} | "
                     f"{mean} |")
    if len(ok) > SHOWN_SOURCES:
        lines.append(f"\n…and {len(ok) - SHOWN_SOURCES} more document pairs: see {SUMMARY}.")
    failed = len(summary) - len(ok)
    if failed:
        lines.append(f"\n{failed} document pair(s) failed and are not in the corpus: see {SUMMARY}.")
    return "\n".join(lines) + "\n"


def _filters(cleaned: Cleaned) -> str:
    lines = ["## Filters\n", f"Counted in {FILTERS}; each bead is counted by the first filter "
             "that drops it.\n", "| filter | setting | dropped | remaining |", "|---|---|---:|---:|",
             f"| (all beads) |  | 0 | {cleaned.beads} |"]
    remaining = cleaned.beads
    for name, setting, n in cleaned.dropped:
        remaining -= n
        lines.append(f"| {name} | {_cell(setting)} | {n} | {remaining} |")
    return "\n".join(lines) + "\n"


def _scores(cleaned: Cleaned) -> str:
    lines = ["## Alignment scores\n"]
    if not cleaned.scores:
        return "\n".join(lines + ["No beads.\n"])
    scores = np.asarray(cleaned.scores)
    lines += ["| " + " | ".join(_quantile_name(q) for q in QUANTILES) + " |",
              "|" + "---:|" * len(QUANTILES),
              "| " + " | ".join(f"{v:.3f}" for v in np.quantile(scores, QUANTILES)) + " |", "",
              "| score | beads |", "|---|---:|"]
    counts, edges = np.histogram(np.clip(scores, 0, 1), bins=10, range=(0, 1))
    lines += [f"| {lo:.1f}–{hi:.1f} | {n} |" for lo, hi, n in zip(edges, edges[1:], counts)]
    return "\n".join(lines) + "\n"


def _quantile_name(q: float) -> str:
    return {0.0: "min", 0.5: "median", 1.0: "max"}.get(q, f"p{round(q * 100)}")


def _how(options: dict, formats, out_dir: Path) -> str:
    files = ", ".join(f"`{output_path(out_dir, CORPUS, f).name}`" for f in formats)
    return "\n".join([
        "## How it was made\n",
        f"Aligned with aligner {__version__}; the merged corpus is in {files}, one row per "
        f"bead with `doc_id` (the pair's id in {SUMMARY}), the sentence indices and texts of "
        "each side, the alignment `score` and the `flags` of the check when it ran.\n",
        f"Options (signature `{signature(options)}`):\n", "```json",
        json.dumps(options, indent=2, sort_keys=True, ensure_ascii=False), "```", ""])


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
