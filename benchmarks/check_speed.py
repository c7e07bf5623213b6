"""Is `aligner check` fast enough? The issue asks that `check` on a 1,000-sentence pair finish
within 1.5x the time of `align` on the same pair.

Data: the GDPR's sentence files (`<data>/eu-gdpr-en-es/gdpr-NN-*.en` / `.es`, one sentence per
line, the two sides line-parallel), concatenated in file order and cut at `--sentences` lines a
side, written to a temporary folder.

Method: whole processes, as a user runs them (start-up, reading, segmenting, embedding, aligning
and, for `check`, judging every bead):
    aligner check SRC TGT --presegmented -o tmp.jsonl --format jsonl
    aligner align SRC TGT --presegmented -o tmp.jsonl
one warm-up run of each (file caches, model load), then `--runs` pairs alternating check, align,
so that drifts in machine load hit both alike. Reported: the median time of each and the median
of the per-pair ratios check/align. `python -m aligner.cli` stands in when the `aligner` script
is not on PATH.

Usage: python benchmarks/check_speed.py [--data ../shared/data] [--sentences 1000] [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "check_speed.json"
SET = "eu-gdpr-en-es"
LIMIT = 1.5  # the bound on check time / align time


def sentence_files(folder: Path, lang: str) -> list[Path]:
    """The per-document sentence files (gdpr-00-preamble.en ...), not the .unit/.unitid ones."""
    return sorted(p for p in folder.glob(f"gdpr-*.{lang}") if p.name.count(".") == 1)


def build_pair(folder: Path, sentences: int, out: Path) -> tuple[Path, Path, int]:
    """Write the first `sentences` lines of the concatenated files of each side into `out`."""
    paths = []
    counts = []
    for lang in ("en", "es"):
        lines: list[str] = []
        for path in sentence_files(folder, lang):
            lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            if len(lines) >= sentences:
                break
        lines = lines[:sentences]
        target = out / f"pair.{lang}"
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(target)
        counts.append(len(lines))
    return paths[0], paths[1], min(counts)


def aligner_command() -> list[str]:
    exe = shutil.which("aligner")
    return [exe] if exe else [sys.executable, "-m", "aligner.cli"]


def timed(cmd: Sequence[str], ok_codes: tuple[int, ...]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode not in ok_codes:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    folder = args.data / SET
    if not folder.is_dir() or not sentence_files(folder, "en"):
        print(f"no {SET} sentence files under {args.data}; nothing to do")
        return 0

    base = aligner_command()
    with tempfile.TemporaryDirectory() as tmp:
        src, tgt, n = build_pair(folder, args.sentences, Path(tmp))
        out = str(Path(tmp) / "tmp.jsonl")
        # `check` exits 1 when it raises flags of medium severity or above: a result, not a failure.
        check = (base + ["check", str(src), str(tgt), "--presegmented", "-o", out, "--format", "jsonl"], (0, 1))
        align = (base + ["align", str(src), str(tgt), "--presegmented", "-o", out], (0,))
        timed(*check)
        timed(*align)
        pairs = [(timed(*check), timed(*align)) for _ in range(args.runs)]

    check_s = [c for c, _ in pairs]
    align_s = [a for _, a in pairs]
    ratio = statistics.median(c / a for c, a in pairs)
    result = {
        "sentences_per_side": n, "runs": args.runs, "command": " ".join(base),
        "check_seconds": [round(x, 3) for x in check_s], "align_seconds": [round(x, 3) for x in align_s],
        "check_median": round(statistics.median(check_s), 3), "align_median": round(statistics.median(align_s), 3),
        "median_ratio": round(ratio, 3), "limit": LIMIT, "within_limit": ratio <= LIMIT,
    }
    print(f"{n} sentences a side, {args.runs} alternating runs after one warm-up each")
    print(f"check: median {result['check_median']:.2f} s  {result['check_seconds']}")
    print(f"align: median {result['align_median']:.2f} s  {result['align_seconds']}")
    print(f"check/align: median ratio {ratio:.2f} (limit {LIMIT}) -> {'ok' if ratio <= LIMIT else 'TOO SLOW'}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
