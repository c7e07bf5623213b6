"""Every atheris harness in tests/fuzz/ starts and survives a few hundred inputs, its seeds first
(the long runs are benchmarks/fuzz.py's job)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HARNESSES = sorted((ROOT / "tests" / "fuzz").glob("fuzz_*.py"))
SEEDS = ROOT / "tests" / "fuzz" / "seeds"
MAX_SEED_BYTES = 50_000  # small seeds keep libFuzzer's -max_len, and so each execution, short


def test_there_is_a_harness_for_the_number_parser_and_every_reader():
    names = {h.stem for h in HARNESSES}
    assert {"fuzz_numbers", "fuzz_read_text", "fuzz_read_html", "fuzz_read_docx",
            "fuzz_read_pdf"} <= names


def test_every_seed_folder_belongs_to_a_harness_and_its_seeds_are_small():
    stems = {h.stem.removeprefix("fuzz_") for h in HARNESSES}
    folders = [f for f in SEEDS.iterdir() if f.is_dir()] if SEEDS.is_dir() else []
    for folder in folders:
        assert folder.name in stems, f"{folder} has no tests/fuzz/fuzz_{folder.name}.py"
        seeds = list(folder.iterdir())
        assert seeds, f"{folder} is empty"
        assert all(0 < s.stat().st_size < MAX_SEED_BYTES for s in seeds), folder


@pytest.mark.parametrize("harness", HARNESSES, ids=[h.stem for h in HARNESSES])
def test_harness_runs_a_few_hundred_inputs_cleanly(harness, tmp_path):
    pytest.importorskip("atheris")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    corpus, artifacts = tmp_path / "corpus", tmp_path / "artifacts"
    corpus.mkdir()
    artifacts.mkdir()
    seeds = SEEDS / harness.stem.removeprefix("fuzz_")
    # new inputs go to the first folder: never the seeds
    folders = [str(corpus), *([str(seeds)] if seeds.is_dir() else [])]
    run = subprocess.run([sys.executable, str(harness), *folders, "-runs=300", "-seed=1",
                          f"-artifact_prefix={artifacts}/"], capture_output=True, text=True,
                         errors="replace", cwd=ROOT, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert not list(artifacts.iterdir())
