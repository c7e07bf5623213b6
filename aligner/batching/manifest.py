"""Read a CSV or TSV manifest: a header row, then `src,tgt[,id][,src_lang,tgt_lang][,review]`
per pair (`review`: the pair's review file from `aligner review`, optional per row; and
optionally `score`, which `aligner match` writes and batch does not use).

Paths are relative to the manifest's folder and may not leave it unless `allow_outside`.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path, PureWindowsPath

from ..errors import InputError
from ..read.base import read_text
from .pairs import Pair, inside, is_safe_id, safe_id, unique_ids

REQUIRED = ("src", "tgt")
COLUMNS = (*REQUIRED, "id", "src_lang", "tgt_lang", "review", "score")
DELIMITERS = {".csv": ",", ".tsv": "\t"}


def read_manifest(path: Path, src_lang: str, tgt_lang: str, allow_outside: bool) -> list[Pair]:
    """The pairs a manifest lists, in its order; InputError naming the line for any bad row."""
    rows = _rows(path)
    base = path.parent
    pairs = []
    for (line, row), pair_id in zip(rows, _pair_ids(path, rows)):
        where = f"{path}:{line}"
        pairs.append(Pair(
            pair_id=pair_id,
            src=inside(base, row["src"], allow_outside, where),
            tgt=inside(base, row["tgt"], allow_outside, where),
            src_lang=row.get("src_lang") or src_lang,
            tgt_lang=row.get("tgt_lang") or tgt_lang,
            src_label=row["src"], tgt_label=row["tgt"],
            review=inside(base, row["review"], allow_outside, where) if row.get("review") else None))
    return pairs


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    delimiter = DELIMITERS.get(path.suffix.lower())
    if delimiter is None:
        raise InputError(f"{path}: a manifest must be a .csv or .tsv file")
    reader = csv.reader(io.StringIO(read_text(path), newline=""), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader, [])]
    _check_header(path, header)
    rows = []
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            raise InputError(f"{path}:{reader.line_num}: {len(values)} fields, the header has {len(header)}")
        row = {name: value.strip() for name, value in zip(header, values)}
        for name in REQUIRED:
            if not row.get(name):
                raise InputError(f"{path}:{reader.line_num}: no {name} path")
        rows.append((reader.line_num, row))
    if not rows:
        raise InputError(f"{path}: the manifest lists no pairs")
    return rows


def _check_header(path: Path, header: list[str]) -> None:
    unknown = [name for name in header if name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in header]
    if unknown or missing or len(set(header)) != len(header):
        raise InputError(f"{path}: the header row must name the columns src,tgt and optionally "
                         f"id,src_lang,tgt_lang,review,score (found: {','.join(header) or 'nothing'})")


def _pair_ids(path: Path, rows: list[tuple[int, dict]]) -> list[str]:
    """The id column where given, else an id derived from the paths; a derived id steps aside
    (gets a -2 suffix) when an explicit one already has its name."""
    explicit = [row.get("id") or "" for _, row in rows]
    _check_explicit_ids(path, rows, explicit)
    wanted = [safe_id(_derived_id(row["src"], row["tgt"])) for (_, row), e in zip(rows, explicit) if not e]
    derived = iter(unique_ids(wanted, taken={e.lower() for e in explicit if e}))
    return [e or next(derived) for e in explicit]


def _check_explicit_ids(path: Path, rows: list[tuple[int, dict]], ids: list[str]) -> None:
    seen: set[str] = set()
    for (line, _), pair_id in zip(rows, ids):
        if not pair_id:
            continue
        if not is_safe_id(pair_id):
            raise InputError(f"{path}:{line}: id {pair_id!r} is not a safe file name (letters, "
                             "digits, '.', '_', '-'; not 'corpus', 'summary' or 'match')")
        if pair_id.lower() in seen:
            raise InputError(f"{path}:{line}: id {pair_id!r} is used twice")
        seen.add(pair_id.lower())


def _derived_id(src: str, tgt: str) -> str:
    """What the two file names share ('report.en.md' + 'report.es.md' -> 'report'), else the
    folder both sit in ('x/en.md' + 'x/es.md' -> 'x'), else the source file's stem."""
    src_path, tgt_path = PureWindowsPath(src), PureWindowsPath(tgt)  # accepts / and \\
    src_name, tgt_name = src_path.name.split(".")[:-1], tgt_path.name.split(".")[:-1]
    if len(src_name) == len(tgt_name):
        common = [a for a, b in zip(src_name, tgt_name) if a == b]
        if common:
            return ".".join(common)
    if src_path.parent.name and src_path.parent.name == tgt_path.parent.name:
        return src_path.parent.name
    return src_path.stem
