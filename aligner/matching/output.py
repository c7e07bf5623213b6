"""The match on disk: a batch manifest and the list of documents left unmatched.

    manifest.csv            src,tgt,id,score: one matched pair per row, `aligner batch` input
    manifest.unmatched.csv  side,path,reason,best_candidate,best_score

Paths are written relative to the manifest's folder when the documents are inside it (what
`aligner batch` accepts as it is), else absolute (`aligner batch --allow-outside`).
"""
from __future__ import annotations

import csv
import os
from pathlib import Path

from ..batching.pairs import safe_id, unique_ids
from ..write.atomic import atomic_outputs
from . import MatchResult

MANIFEST_COLUMNS = ("src", "tgt", "id", "score")
UNMATCHED_COLUMNS = ("side", "path", "reason", "best_candidate", "best_score")


def unmatched_path(manifest: Path) -> Path:
    return manifest.with_name(f"{manifest.stem}.unmatched{manifest.suffix}")


def write_manifest(result: MatchResult, manifest: Path, src_lang: str) -> None:
    """Both files, atomically and together."""
    base = manifest.resolve().parent
    delimiter = "\t" if manifest.suffix.lower() == ".tsv" else ","
    ids = unique_ids([pair_id(p.src_label, src_lang) for p in result.pairs])
    with atomic_outputs([manifest, unmatched_path(manifest)]) as (pairs_out, alone_out):
        writer = csv.writer(pairs_out, delimiter=delimiter, lineterminator="\n")
        writer.writerow(MANIFEST_COLUMNS)
        writer.writerows((_relative(p.src, base), _relative(p.tgt, base), pid, f"{p.score:.4f}")
                         for p, pid in zip(result.pairs, ids))
        writer = csv.writer(alone_out, delimiter=delimiter, lineterminator="\n")
        writer.writerow(UNMATCHED_COLUMNS)
        writer.writerows((u.side, _relative(u.path, base), u.reason, u.best or "",
                          "" if u.best_score is None else f"{u.best_score:.4f}")
                         for u in result.unmatched)


def pair_id(label: str, lang: str) -> str:
    """'reports/annual.en.md' -> 'reports-annual': the source's path without suffixes that
    name the format or the language."""
    path = Path(label)
    stem = path.with_suffix("").as_posix()
    if stem.endswith(f".{lang}"):
        stem = stem[:-len(lang) - 1]
    return safe_id(stem)


def _relative(path: Path, base: Path) -> str:
    resolved = path.resolve()
    if resolved.is_relative_to(base):
        return resolved.relative_to(base).as_posix()
    return os.fspath(resolved)
