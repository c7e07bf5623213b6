"""Every atheris harness in tests/fuzz/ starts and survives a few hundred inputs (the long runs
are benchmarks/fuzz.py's job)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HARNESSES = sorted((ROOT / "tests" / "fuzz").glob("fuzz_*.py"))


def test_there_is_a_harness_for_the_number_parser():
    assert "fuzz_numbers" in [h.stem for h in HARNESSES]


@pytest.mark.parametrize("harness", HARNESSES, ids=[h.stem for h in HARNESSES])
def test_harness_runs_a_few_hundred_inputs_cleanly(harness, tmp_path):
    pytest.importorskip("atheris")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, str(harness), "-runs=300", "-seed=1",
                          f"-artifact_prefix={tmp_path}/"], capture_output=True, text=True,
                         errors="replace", cwd=ROOT, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert not list(tmp_path.iterdir())
