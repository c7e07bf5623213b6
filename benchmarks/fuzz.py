"""Run every atheris harness in tests/fuzz/ for a bounded time; report executions and findings.

    python benchmarks/fuzz.py                     # 60 s per harness
    python benchmarks/fuzz.py --seconds 300 --only numbers

A harness is any tests/fuzz/fuzz_<name>.py file with the usual atheris main: drop one in and it
runs here. Each runs in its own subprocess (libFuzzer stops the process at the first finding),
starting from tests/fuzz/seeds/<name>/ when that folder exists. Inputs that crash, hang or blow
the memory limit are kept in benchmarks/results/fuzz-findings/<name>/, and the table and
benchmarks/results/fuzz.json list them.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HARNESSES = ROOT / "tests" / "fuzz"
RESULTS = ROOT / "benchmarks" / "results"
FINDING_PREFIXES = ("crash-", "timeout-", "oom-", "leak-", "slow-unit-")
STARTUP_SLACK = 120  # seconds for imports and numba before the fuzzing clock starts


@dataclass
class Outcome:
    harness: str
    seconds: float
    executions: int
    exit_code: int
    findings: list[str]
    error: str


def harnesses(only: list[str]) -> list[Path]:
    found = sorted(HARNESSES.glob("fuzz_*.py"))
    return [p for p in found if not only or p.stem.removeprefix("fuzz_") in only]


def _executions(log: str) -> int:
    m = re.search(r"stat::number_of_executed_units:\s*(\d+)", log) or re.search(r"Done (\d+) runs", log)
    return int(m.group(1)) if m else 0


def _error(log: str) -> str:
    """The exception line of a Python finding, or libFuzzer's own summary line."""
    lines = log.splitlines()
    for i, line in enumerate(lines):
        if "Uncaught Python exception" in line:
            tail = [ln for ln in lines[i + 1:] if re.match(r"^\w[\w.]*(Error|Exception|Exit)\b", ln)]
            return tail[0] if tail else line.strip()
    summary = [ln for ln in lines if ln.startswith("SUMMARY:") or "ERROR: libFuzzer" in ln]
    return summary[0].strip() if summary else ""


def run(harness: Path, seconds: int, rss_mb: int, unit_timeout: int) -> Outcome:
    name = harness.stem.removeprefix("fuzz_")
    findings_dir = RESULTS / "fuzz-findings" / name
    findings_dir.mkdir(parents=True, exist_ok=True)
    seeds = HARNESSES / "seeds" / name
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{name}-") as corpus:
        cmd = [sys.executable, str(harness), corpus, *([str(seeds)] if seeds.is_dir() else []),
               f"-max_total_time={seconds}", "-print_final_stats=1", f"-rss_limit_mb={rss_mb}",
               f"-timeout={unit_timeout}", f"-artifact_prefix={findings_dir}/"]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        start = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", cwd=ROOT,
                                  env=env, timeout=seconds + STARTUP_SLACK)
            code, log = proc.returncode, proc.stdout + proc.stderr
        except subprocess.TimeoutExpired as exc:
            code, log = -1, f"{exc.stdout or ''}{exc.stderr or ''}\nERROR: libFuzzer did not stop in time"
        elapsed = time.perf_counter() - start
    findings = sorted(str(p.relative_to(ROOT)) for p in findings_dir.iterdir()
                      if p.name.startswith(FINDING_PREFIXES))
    for folder in (findings_dir, findings_dir.parent):  # leave no empty folders behind
        if not any(folder.iterdir()):
            folder.rmdir()
    return Outcome(name, round(elapsed, 1), _executions(log), code, findings,
                   _error(log) if code else "")


def table(outcomes: list[Outcome]) -> str:
    rows = [f"{'harness':<12} {'seconds':>8} {'executions':>11} {'exec/s':>8} {'findings':>8}  error"]
    for o in outcomes:
        rate = o.executions / o.seconds if o.seconds else 0.0
        rows.append(f"{o.harness:<12} {o.seconds:>8.1f} {o.executions:>11,} {rate:>8.0f} "
                    f"{len(o.findings):>8}  {o.error}")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="fuzzing time per harness")
    parser.add_argument("--only", nargs="*", default=[], help="harness names (fuzz_<name>.py)")
    parser.add_argument("--rss-mb", type=int, default=2048, help="memory limit per harness")
    parser.add_argument("--unit-timeout", type=int, default=20,
                        help="seconds one input may take before it counts as a hang")
    parser.add_argument("--out", type=Path, default=RESULTS / "fuzz.json")
    args = parser.parse_args()
    chosen = harnesses(args.only)
    if not chosen:
        parser.error(f"no harness in {HARNESSES} matches {args.only}")
    outcomes = [run(h, args.seconds, args.rss_mb, args.unit_timeout) for h in chosen]
    print(table(outcomes))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {"date": time.strftime("%Y-%m-%d"), "seconds_per_harness": args.seconds,
              "harnesses": [asdict(o) for o in outcomes]}
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if any(o.findings or o.exit_code for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
