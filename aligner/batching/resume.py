"""Done-records: what lets a rerun skip the pairs an earlier run finished with the same inputs.

A record is written last, after the pair's outputs, so its presence means they are complete.
Its key hashes both input files and every option that changes the pair's output; a changed
file or option gives another key, and the pair is aligned again.
"""
from __future__ import annotations

import glob
import hashlib
import json
from pathlib import Path

from .. import __version__
from ..write.atomic import atomic_outputs
from .layout import done_path, is_single_file, output_path, stored_path
from .pairs import Pair
from .spec import JobSpec


def pair_key(pair: Pair, spec: JobSpec) -> str | None:
    """The resume key, or None when an input cannot be read (the pair then runs, and fails)."""
    digest = hashlib.sha256()
    # a changed review file changes the output: its decisions are part of the key
    for path in (pair.src, pair.tgt, *([pair.review] if pair.review else [])):
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    options = {**spec.output_options(pair), "version": __version__,
               "src": pair.src_label, "tgt": pair.tgt_label}
    digest.update(json.dumps(options, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def write_record(out_dir: Path, pair_id: str, key: str, row: dict) -> None:
    path = done_path(out_dir, pair_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_outputs([path]) as (stream,):
        json.dump({"key": key, "row": row}, stream, ensure_ascii=False)


def finished_row(out_dir: Path, pair: Pair, key: str | None, spec: JobSpec) -> dict | None:
    """The summary row an earlier run recorded for `pair` under the same key, if its files are
    all still there."""
    try:
        record = json.loads(done_path(out_dir, pair.pair_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if key is None or not isinstance(record, dict) or record.get("key") != key:
        return None
    files = [stored_path(out_dir, pair.pair_id)] + [
        output_path(out_dir, pair.pair_id, fmt) for fmt in spec.formats if is_single_file(fmt)]
    return record.get("row") if all(f.is_file() for f in files) else None


def forget(out_dir: Path, pair_id: str, formats: tuple[str, ...]) -> None:
    """Remove a pair's record and outputs, so a pair that now fails leaves no stale results."""
    done_path(out_dir, pair_id).unlink(missing_ok=True)
    stored_path(out_dir, pair_id).unlink(missing_ok=True)
    for fmt in formats:
        target = output_path(out_dir, pair_id, fmt)
        if is_single_file(fmt):
            target.unlink(missing_ok=True)
        else:  # moses: OUT.<lang> for each side, under the prefix
            for path in out_dir.glob(f"{glob.escape(target.name)}.*"):
                path.unlink()
