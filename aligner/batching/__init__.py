"""`aligner batch`: align a whole corpus of document pairs, with a summary, a merged corpus and
resume.

    import aligner
    summary = aligner.batch("corpora/manifest.csv", "out/", formats=("tsv", "tmx"), workers=2)

INPUT is a CSV/TSV manifest or a folder of pairs (inputs.py). Every pair runs `job.run_pair`
on an engine (local.py, dask_engine.py); the summary, the merged corpus, its filter log and its
dataset card (card.py) are rebuilt from the per-pair records at the end of every run, so they
are whole after a resume.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..errors import UsageError
from ..limits import DEFAULT_MAX_BEAD, DEFAULT_MAX_CHARS, DEFAULT_MAX_MB
from . import store
from .consistency import CONSISTENCY, disagreements, write_consistency
from .card import card_options, write_card
from .engines import Task, get_engine
from .inputs import load_pairs
from .layout import DONE_DIR, PAIRS_DIR, stored_path, summary_path
from ..cleaning import FilterSpec
from .merge import write_corpus
from .notices import BatchWarning, echo_batch_warnings
from .pairs import Pair
from .progress import progress_bar
from .resume import finished_row, pair_key
from .spec import JobSpec
from .summary import CORPUS_CONSISTENCY, exit_code, outcome_lines, to_frame, write_summary


def batch(input: str | os.PathLike, out_dir: str | os.PathLike, formats=("tsv",),
          check: bool = False, workers: int = 1, engine: str = "local",
          scheduler: str | None = None, resume: bool = True, min_score: float | None = None,
          max_length_ratio: float | None = None, allow_outside: bool = False,
          quiet: bool = True, *, min_length: int | None = None, max_length: int | None = None,
          lang_id: bool = False, dedup: bool = False, drop_flagged: str | None = None, src_lang: str = "en", tgt_lang: str = "es",
          presegmented: bool = False, encoder: str = "use", max_bead: int = DEFAULT_MAX_BEAD,
          cache_dir: str | os.PathLike | None = None, es_locale: str = "auto",
          input_format: str = "auto", max_input_mb: float = DEFAULT_MAX_MB,
          max_sentence_chars: int = DEFAULT_MAX_CHARS, timeout: float | None = None,
          glossaries: tuple[str, ...] = (), profile: str | None = None) -> pd.DataFrame:
    """Align every pair of a manifest or folder into `out_dir`; return the summary table
    (also written to out_dir/summary.csv), one row per pair in input order.

    With `resume`, a pair whose done-record matches its current inputs and options is not
    aligned again. Failed pairs get status "error" and never stop the others.

    The merged corpus (never the per-pair files) goes through the filters of aligner.cleaning:
    `min_score`, `max_length_ratio`, `min_length`/`max_length` (characters of each side),
    `lang_id`, `dedup` (exact and near duplicate pairs) and `drop_flagged` (a severity: beads
    with a meaning flag at it or above, with `check`); out_dir/filters.csv counts each."""
    if isinstance(formats, str):
        formats = tuple(f.strip() for f in formats.split(",") if f.strip())
    spec = JobSpec(tuple(formats), check, es_locale, encoder, max_bead, presegmented,
                   None if cache_dir is None else os.fspath(Path(cache_dir).resolve()),
                   input_format, max_input_mb, max_sentence_chars, timeout,
                   tuple(os.fspath(Path(g).resolve()) for g in glossaries),
                   None if profile is None else os.fspath(Path(profile).resolve()))
    spec.validate()
    if timeout and engine == "dask":
        # dask runs tasks in worker threads, where no SIGALRM can reach them
        raise UsageError("--timeout works with the local engine only")
    filters = FilterSpec(min_score, max_length_ratio, min_length, max_length, lang_id, dedup,
                         drop_flagged)
    if drop_flagged and not check:
        raise UsageError("--drop-flagged needs --check (only a check flags beads)")
    runner = get_engine(engine, workers, scheduler)
    pairs = load_pairs(Path(input), src_lang, tgt_lang, allow_outside)
    out = _output_folder(Path(out_dir))
    rows, tasks = _plan(pairs, spec, out, resume)
    with progress_bar(len(pairs), len(pairs) - len(tasks), quiet) as bar:
        for index, row in runner.run(tasks, spec, out):
            rows[index] = row
            bar.advance(sum(int(row.get(side) or 0) for side in ("src_sentences", "tgt_sentences")))
    summary = to_frame(rows, check, cache_dir is not None)
    ok = [p for p, row in zip(pairs, rows) if row["status"] == "ok"]
    if check:
        _corpus_consistency(summary, out, ok)
    else:  # a list from an earlier run with check would describe other outputs
        (out / CONSISTENCY).unlink(missing_ok=True)
    write_summary(summary, summary_path(out))
    cleaned = write_corpus(out, spec.formats,
                           lambda: ((p.pair_id, store.load(stored_path(out, p.pair_id))) for p in ok),
                           filters, {p.src_lang for p in ok})
    languages = sorted({(p.src_lang, p.tgt_lang) for p in ok})
    write_card(out, summary, cleaned, card_options(spec.shared_options(), filters.signature(),
                                                   languages), spec.formats)
    return summary


def _corpus_consistency(summary: pd.DataFrame, out: Path, ok: list[Pair]) -> None:
    """DIR/consistency.csv and the summary's count of each pair's renderings that differ
    from another pair's."""
    found = disagreements((p.pair_id, store.load(stored_path(out, p.pair_id))) for p in ok)
    counts = write_consistency(out / CONSISTENCY, found)
    done = summary["status"] == "ok"
    summary.loc[done, CORPUS_CONSISTENCY] = (
        summary.loc[done, "pair_id"].map(counts).fillna(0).astype("int64"))


def _plan(pairs: list[Pair], spec: JobSpec, out: Path,
          resume: bool) -> tuple[list[dict | None], list[Task]]:
    """Rows already finished by an earlier run, and the tasks left to run."""
    rows: list[dict | None] = [None] * len(pairs)
    tasks: list[Task] = []
    for index, pair in enumerate(pairs):
        key = pair_key(pair, spec)
        done = finished_row(out, pair, key, spec) if resume else None
        if done is None:
            tasks.append((index, pair, key))
        else:
            rows[index] = {**done, "resumed": True}
    return rows, tasks


def _output_folder(path: Path) -> Path:
    """The output folder, created, without the temporary files of a run that was killed."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path}: --out must be a folder")
    path.mkdir(parents=True, exist_ok=True)
    for folder in (path, path / DONE_DIR, path / PAIRS_DIR):
        for leftover in folder.glob(".*.tmp"):
            leftover.unlink(missing_ok=True)
    return path.resolve()

__all__ = ["batch", "BatchWarning", "echo_batch_warnings", "exit_code", "outcome_lines"]
