"""Bead files: the `[0]:[0, 1]` lines of the gold alignments, and our JSONL output read as beads.

A bead here is only its two index tuples, `((0,), (0, 1))`; scores and texts play no part in
evaluation.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import InputError
from .write.atomic import atomic_outputs

BeadIds = tuple[tuple[int, ...], tuple[int, ...]]

# Two bracketed sides, optionally followed by a score (`[0]:[1]:0.83`, as vecalign prints).
_BEAD_LINE = re.compile(r"\s*(\[[^\[\]]*\])\s*:\s*(\[[^\[\]]*\])\s*(?::\s*(\S+)\s*)?")


def _indices(value: object) -> tuple[int, ...]:
    if not isinstance(value, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in value
    ):
        raise ValueError("a side must be a list of sentence indices >= 0")
    return tuple(value)


def parse_bead_line(line: str) -> BeadIds:
    """`[0, 1]:[2]` -> ((0, 1), (2,)); ValueError when the line is not a bead."""
    match = _BEAD_LINE.fullmatch(line)
    if match is None:
        raise ValueError("expected [i, ...]:[j, ...]")
    src, tgt, score = match.groups()
    if score is not None:
        float(score)
    return _indices(json.loads(src)), _indices(json.loads(tgt))


def parse_jsonl_line(line: str) -> BeadIds:
    """One line of our JSONL output -> its bead; ValueError when it has no src/tgt lists."""
    record = json.loads(line)
    if not isinstance(record, dict) or "src" not in record or "tgt" not in record:
        raise ValueError("expected an object with 'src' and 'tgt'")
    return _indices(record["src"]), _indices(record["tgt"])


def _numbered(lines: Iterable[str]) -> Iterable[tuple[int, str]]:
    return ((n, line) for n, line in enumerate(lines, 1) if line.strip())


def parse_beads(lines: Iterable[str], source: str = "<beads>") -> list[BeadIds]:
    """Parse bead-format lines, skipping blank ones; InputError names `source` and the line."""
    return _parse(lines, source, parse_bead_line)


def parse_jsonl(lines: Iterable[str], source: str = "<jsonl>") -> list[BeadIds]:
    """Parse JSONL alignment records into beads, skipping blank lines."""
    return _parse(lines, source, parse_jsonl_line)


def _parse(
    lines: Iterable[str], source: str, parse_line: Callable[[str], BeadIds]
) -> list[BeadIds]:
    beads = []
    for n, line in _numbered(lines):
        try:
            beads.append(parse_line(line))
        except ValueError as err:  # json.JSONDecodeError is a ValueError
            raise InputError(f"{source}:{n}: malformed bead line {line.strip()[:80]!r} ({err})") from None
    return beads


def _read_lines(path: str | os.PathLike) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None


def read_beads(path: str | os.PathLike) -> list[BeadIds]:
    """Beads of a gold file or of our JSONL output, told apart by the first non-blank line."""
    lines = _read_lines(path)
    first = next((line.lstrip() for line in lines if line.strip()), "")
    parse = parse_jsonl if first.startswith("{") else parse_beads
    return parse(lines, os.fspath(path))


def read_unit_ids(path: str | os.PathLike) -> list[str]:
    """A `*.unitid.*` file: line i holds the unit id (verse, paragraph ...) of sentence i."""
    return [line.strip() for line in _read_lines(path)]


def format_bead(bead: BeadIds) -> str:
    """((0,), (0, 1)) -> `[0]:[0, 1]`, the spelling of the gold files."""
    src, tgt = bead
    return f"{json.dumps(list(src))}:{json.dumps(list(tgt))}"


def format_beads(beads: Iterable[BeadIds]) -> str:
    return "".join(format_bead(b) + "\n" for b in beads)


def write_beads(beads: Iterable[BeadIds], path: str | os.PathLike) -> None:
    """Write a bead file atomically."""
    text = format_beads(beads)
    with atomic_outputs([path]) as (stream,):
        stream.write(text)
