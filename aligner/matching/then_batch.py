"""`aligner batch EN_DIR ES_DIR --match`: match the two folders, then align the pairs found.

The manifest goes into the batch's output folder (match.csv, match.unmatched.csv), so the run
can be repeated or resumed from it with `aligner batch OUT/match.csv --allow-outside`.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..batching.layout import match_path
from ..errors import InputError
from ..limits import DEFAULT_MAX_CHARS, DEFAULT_MAX_MB
from . import DEFAULT_MIN_SCORE, MatchResult, match


def match_then_batch(src_dir: str | os.PathLike, tgt_dir: str | os.PathLike,
                     out_dir: str | os.PathLike, *, match_min_score: float = DEFAULT_MIN_SCORE,
                     workers: int = 1, engine: str = "local", scheduler: str | None = None,
                     src_lang: str = "en", tgt_lang: str = "es", encoder: str = "use",
                     cache_dir: str | os.PathLike | None = None, input_format: str = "auto",
                     max_input_mb: float = DEFAULT_MAX_MB,
                     max_sentence_chars: int = DEFAULT_MAX_CHARS, presegmented: bool = False,
                     **batch_options) -> tuple[MatchResult, pd.DataFrame]:
    """The match and the batch summary; `batch_options` are aligner.batch's other options."""
    from ..batching import batch

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: --out must be a folder")
    out.mkdir(parents=True, exist_ok=True)
    shared = dict(workers=workers, engine=engine, scheduler=scheduler, src_lang=src_lang,
                  tgt_lang=tgt_lang, encoder=encoder, cache_dir=cache_dir,
                  input_format=input_format, max_input_mb=max_input_mb,
                  max_sentence_chars=max_sentence_chars, presegmented=presegmented)
    result = match(src_dir, tgt_dir, match_path(out), min_score=match_min_score, **shared)
    if not result.pairs:
        raise InputError(f"{src_dir} and {tgt_dir}: no document pairs found (see "
                         f"{match_path(out).with_name('match.unmatched.csv')})")
    # the folders were named on the command line: their documents may lie outside --out
    batch_options.pop("allow_outside", None)
    summary = batch(match_path(out), out, allow_outside=True, **shared, **batch_options)
    return result, summary
