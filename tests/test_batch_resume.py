"""A batch killed mid-run resumes where it stopped and ends with the same files as a clean run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from test_batch_support import make_corpus, output_files, stable_summary

ROOT = Path(__file__).resolve().parent.parent


def command(manifest: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "aligner.cli", "batch", str(manifest), "--out", str(out),
            "--format", "tsv,jsonl,tmx", "--check", "--quiet"]


def kill_after_first_pair(manifest: Path, out: Path) -> dict[str, int]:
    """Start the batch, SIGKILL it once a done-record exists; the records' mtimes by pair."""
    proc = subprocess.Popen(command(manifest, out), cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = out / ".done"
    deadline = time.monotonic() + 120
    while not list(done.glob("*.json")):
        assert proc.poll() is None, "the batch ended before any pair was done"
        assert time.monotonic() < deadline, "no pair finished in 120 s"
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    return {p.stem: p.stat().st_mtime_ns for p in done.glob("*.json")}


def test_killed_batch_resumes_to_the_clean_result(tmp_path):
    manifest = make_corpus(tmp_path / "in", n=6)
    killed = kill_after_first_pair(manifest, tmp_path / "resumed")
    assert 1 <= len(killed) < 6

    rerun = subprocess.run(command(manifest, tmp_path / "resumed"), cwd=ROOT,
                           capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    clean = subprocess.run(command(manifest, tmp_path / "clean"), cwd=ROOT,
                           capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr

    assert output_files(tmp_path / "resumed") == output_files(tmp_path / "clean")
    assert len(output_files(tmp_path / "clean")) == 3 * 7 + 3  # and consistency.csv (check), filters.csv, README.md
    pd.testing.assert_frame_equal(stable_summary(tmp_path / "resumed"),
                                  stable_summary(tmp_path / "clean"))
    # the pairs done before the kill were not aligned again
    summary = pd.read_csv(tmp_path / "resumed" / "summary.csv").set_index("pair_id")
    assert sorted(summary.index[summary["resumed"]]) == sorted(killed)
    for pair_id, mtime in killed.items():
        assert (tmp_path / "resumed" / ".done" / f"{pair_id}.json").stat().st_mtime_ns == mtime
    assert not [p for p in (tmp_path / "resumed").rglob(".*.tmp")]
