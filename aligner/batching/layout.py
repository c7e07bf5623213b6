"""Where `aligner batch` puts things inside the output folder.

    DIR/<id>.<ext>          one file per pair and format (moses: DIR/<id>.moses.en/.es)
    DIR/corpus.<ext>        the merged corpus, one per format
    DIR/summary.csv         one row per pair
    DIR/consistency.csv     with check: sentences two pairs render differently (consistency.py)
    DIR/filters.csv         how many beads each filter of the merged corpus dropped
    DIR/README.md           the merged corpus's dataset card
    DIR/match.csv           with --match: the pairs `aligner match` found (match.unmatched.csv:
                            the documents it left alone)
    DIR/.pairs/<id>.json    each finished pair's alignment, what the merged corpus is built from
    DIR/.done/<id>.json     written last: the pair's resume key and summary row
"""
from __future__ import annotations

from pathlib import Path

from ..write import WRITERS
from ..write.base import StreamWriter

SUMMARY = "summary.csv"
CORPUS = "corpus"
MATCH = "match.csv"
FILTERS = "filters.csv"
DONE_DIR = ".done"
PAIRS_DIR = ".pairs"
# Pair ids that would land on the batch's own files.
RESERVED_IDS = frozenset({CORPUS, Path(SUMMARY).stem, Path(MATCH).stem, "match.unmatched",
                          Path(FILTERS).stem})


def output_path(out_dir: Path, name: str, fmt: str) -> Path:
    """The file (or, for moses, the prefix) a format is written to."""
    suffixes = WRITERS[fmt].suffixes
    return out_dir / f"{name}{suffixes[0] if suffixes else '.' + fmt}"


def is_single_file(fmt: str) -> bool:
    """Whether `output_path` is known to be the file itself (moses writes two under a prefix)."""
    return issubclass(WRITERS[fmt], StreamWriter)


def done_path(out_dir: Path, pair_id: str) -> Path:
    return out_dir / DONE_DIR / f"{pair_id}.json"


def stored_path(out_dir: Path, pair_id: str) -> Path:
    return out_dir / PAIRS_DIR / f"{pair_id}.json"


def summary_path(out_dir: Path) -> Path:
    return out_dir / SUMMARY


def match_path(out_dir: Path) -> Path:
    return out_dir / MATCH
