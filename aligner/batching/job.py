"""One pair's work, the same in every engine: align (or check), write, record it as done.

`run_pair` never raises for a bad pair: every failure becomes the pair's error row, so one
corrupt file cannot stop a corpus.
"""
from __future__ import annotations

import time
import warnings
from pathlib import Path

from ..api import align
from ..checking import check
from ..embed import CachedEncoder, get_encoder
from ..errors import AlignerError
from ..limits import time_limit
from ..records import Alignment
from ..review import read_review
from ..write import write
from . import resume, store
from .layout import output_path, stored_path
from .pairs import Pair
from .spec import JobSpec
from .summary import error_row, ok_row


def warm(encoder: str) -> None:
    """Load the encoder into this process's cache (aligner.embed keeps it per process)."""
    get_encoder(encoder).encode(["warm-up"])


def run_pair(pair: Pair, spec: JobSpec, out_dir: Path, key: str | None) -> dict:
    """Align one pair, write its outputs and its done-record; return its summary row."""
    start = time.perf_counter()
    try:
        alignment, embedded, warning = _align(pair, spec)
        row = ok_row(pair, alignment, spec.check, embedded, warning)
        for fmt in spec.formats:
            write(alignment, output_path(out_dir, pair.pair_id, fmt), fmt)
        store.save(alignment, stored_path(out_dir, pair.pair_id))
    except (AlignerError, OSError) as exc:
        resume.forget(out_dir, pair.pair_id, spec.formats)
        return error_row(pair, str(exc) or type(exc).__name__)
    except Exception as exc:  # a bug, but still only this pair's
        resume.forget(out_dir, pair.pair_id, spec.formats)
        return error_row(pair, f"internal error: {type(exc).__name__}: {exc}")
    row["seconds"] = round(time.perf_counter() - start, 3)
    if key is not None:
        resume.write_record(out_dir, pair.pair_id, key, row)
    return row


def _align(pair: Pair, spec: JobSpec) -> tuple[Alignment, int | None, str | None]:
    encoder = get_encoder(spec.encoder, spec.cache_dir)
    options = dict(src_lang=pair.src_lang, tgt_lang=pair.tgt_lang, presegmented=spec.presegmented,
                   encoder=encoder, max_bead=spec.max_bead, input_format=spec.input_format,
                   max_input_mb=spec.max_input_mb, max_sentence_chars=spec.max_sentence_chars,
                   review=read_review(pair.review) if pair.review else None)
    # whatever the pipeline warns about (unrelated texts, overlong sentences) goes in the
    # pair's row rather than to a worker's stderr
    with warnings.catch_warnings(record=True) as caught, time_limit(spec.timeout):
        warnings.simplefilter("always")
        if spec.check:
            profile, checks = spec.check_settings()
            # "auto" is the default: a profile that names a locale wins over it
            locale = None if spec.es_locale == "auto" else spec.es_locale
            alignment = check(pair.src, pair.tgt, es_locale=locale, profile=profile,
                              checks=checks, **options)
        else:
            alignment = align(pair.src, pair.tgt, **options)
    notes = list(dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, UserWarning)))
    embedded = encoder.misses if isinstance(encoder, CachedEncoder) else None
    return alignment, embedded, "; ".join(notes) or None
