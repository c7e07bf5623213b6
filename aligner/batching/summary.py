"""summary.csv: one row per pair, in manifest order, and what the exit code makes of it."""
from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pandas as pd

from ..records import FLAG_KINDS, SEVERITIES, Alignment
from ..write.atomic import atomic_outputs
from .pairs import Pair

BEAD_COLUMNS = {(1, 1): "beads_1_1", (1, 0): "beads_1_0", (0, 1): "beads_0_1"}
MANY = "beads_many"
# open flags by kind and severity, then the ones a review file dismissed
FLAG_COLUMNS = tuple(f"flags_{name}" for name in (*FLAG_KINDS, *SEVERITIES, "dismissed"))
CORPUS_CONSISTENCY = "corpus_consistency"  # filled from the whole corpus, after every pair ran


def columns(check: bool, cached: bool) -> list[str]:
    """Flag counts only with check, the `embedded` count (cache misses) only with a cache."""
    return ["pair_id", "src", "tgt", "src_sentences", "tgt_sentences", *BEAD_COLUMNS.values(),
            MANY, "mean_score", *(_check_columns() if check else ()), *(["embedded"] if cached else []),
            "warning", "seconds", "resumed", "status", "error"]


def _count_columns(check: bool, cached: bool) -> list[str]:
    return ["src_sentences", "tgt_sentences", *BEAD_COLUMNS.values(), MANY,
            *(_check_columns() if check else ()), *(["embedded"] if cached else [])]


def _check_columns() -> tuple[str, ...]:
    return (*FLAG_COLUMNS, CORPUS_CONSISTENCY)


def ok_row(pair: Pair, alignment: Alignment, check: bool, embedded: int | None,
           warning: str | None) -> dict:
    shapes = Counter(BEAD_COLUMNS.get(b.shape, MANY) for b in alignment.beads)
    mean = alignment.mean_similarity
    row = {"pair_id": pair.pair_id, "src": pair.src_label, "tgt": pair.tgt_label,
           "src_sentences": len(alignment.src), "tgt_sentences": len(alignment.tgt),
           **{name: shapes[name] for name in (*BEAD_COLUMNS.values(), MANY)},
           "mean_score": None if math.isnan(mean) else round(float(mean), 4)}
    if check:
        flags = Counter(x for b in alignment.beads for f in b.open_flags for x in (f.kind, f.severity))
        flags["dismissed"] = sum(len(b.flags) - len(b.open_flags) for b in alignment.beads)
        row.update({name: flags[name.removeprefix("flags_")] for name in FLAG_COLUMNS})
    if embedded is not None:
        row["embedded"] = embedded
    return {**row, "warning": warning, "resumed": False, "status": "ok", "error": None}


def error_row(pair: Pair, message: str) -> dict:
    return {"pair_id": pair.pair_id, "src": pair.src_label, "tgt": pair.tgt_label,
            "resumed": False, "status": "error", "error": " ".join(message.split())}


def to_frame(rows: list[dict], check: bool, cached: bool) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns(check, cached))
    counts = _count_columns(check, cached)
    # Int64 keeps counts integers next to the empty cells of failed pairs.
    return frame.astype({name: "Int64" for name in counts} | {"resumed": bool})


def write_summary(frame: pd.DataFrame, path: Path) -> None:
    with atomic_outputs([path]) as (stream,):
        frame.to_csv(stream, index=False, lineterminator="\n")


def exit_code(frame: pd.DataFrame, fail_on: str | None) -> int:
    """1 when a pair failed, or (with a check and `fail_on`) has a flag at that severity or
    above; else 0."""
    if (frame["status"] != "ok").any():
        return 1
    if fail_on is None:
        return 0
    gating = [f"flags_{s}" for s in SEVERITIES[SEVERITIES.index(fail_on):]]
    return int(bool(frame[gating].fillna(0).to_numpy().sum() > 0))


def outcome_lines(frame: pd.DataFrame, out_dir, with_total: bool = True) -> list[str]:
    """What the command line says at the end: every failed pair, then the totals."""
    failed = frame[frame["status"] != "ok"]
    lines = [f"pair {row.pair_id} failed: {row.error}" for row in failed.itertuples()]
    if with_total:
        resumed = int(frame["resumed"].sum())
        lines.append(f"{len(frame)} pairs: {len(frame) - len(failed)} ok ({resumed} from an "
                     f"earlier run), {len(failed)} failed; see {Path(out_dir) / 'summary.csv'}")
    return lines
