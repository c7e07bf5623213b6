"""Speed and scale of `aligner batch`: throughput on 2 cores, one long pair, the embedding cache.

    python benchmarks/scale.py [--quick] [--part throughput|long|cache|all] [--data ../shared/data]
                               [--workers 1,2] [--long-sizes 5000]

Prints one table per part and writes benchmarks/results/scale.json (scale-quick.json with
--quick; a single --part replaces only its own entry in an existing file).  Inputs are cut from
the shared evaluation data by scale_data.py (fixed seed, presegmented, parallel by construction).

* throughput: N document pairs of 50-500 English sentences (200; 20 with --quick) through
  `aligner.batch` with the local engine and 1 worker, the local engine and 2 workers, and the
  dask engine with 2 workers (LocalCluster).  Each configuration is a fresh process, timed from
  outside, so imports and model loading count; sentences are both sides'; the speed-up is
  against the 1-worker run of the same round (median over --repeat rounds).
* long: one pair of 20k and 50k English sentences (2k / 5k with --quick), aligned by
  `aligner.align` in a fresh process per size with an encoder wrapper that times every encode
  call: encoding against the rest (alignment, reading), peak RSS of that process, strict F1
  against the concatenated gold (as is, and merged by gold unit as for the Bible/SDG/GDPR sets).
  `--workers 1,2` runs each size once per worker count (`aligner align --workers`: the
  embedding shared with spawned processes; the warm-up is too small to start them, so their
  start-up is in the total); `--long-sizes` replaces the sizes.
* cache: N pairs (50; 10 with --quick) through `aligner.batch` with a cache_dir, then again
  unchanged (every pair resumed), then again after one English sentence per pair was edited:
  the summary's `embedded` must then total exactly one sentence per edited pair.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
PARTS = ("throughput", "long", "cache")
CONFIGS = (("local", 1), ("local", 2), ("dask", 2))
SPEEDUP_TARGET = 1.7
SEED = 0
FULL = {"pairs": 200, "long": (20000, 50000), "cache_pairs": 50}
QUICK = {"pairs": 20, "long": (2000, 5000), "cache_pairs": 10}


# --- children: each measurement runs in its own process --------------------------------------

def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers)."""
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def child_batch(manifest: str, out_dir: str, engine: str, workers: int, cache_dir: str) -> dict:
    """One `aligner.batch` run; wall time is taken by the parent."""
    import aligner

    options = {"cache_dir": cache_dir} if cache_dir else {}
    start = time.perf_counter()
    summary = aligner.batch(manifest, out_dir, engine=engine, workers=workers,
                            presegmented=True, quiet=True, **options)
    seconds = time.perf_counter() - start
    # a resumed row repeats the figures of the run that aligned the pair: count fresh rows only
    fresh = summary[~summary["resumed"]]
    embedded = fresh["embedded"].fillna(0).sum() if "embedded" in summary else None
    return {"pairs": len(summary), "resumed": int(summary["resumed"].sum()),
            "statuses": {str(k): int(v) for k, v in summary["status"].value_counts().items()},
            "errors": [str(e) for e in summary["error"].dropna().unique()[:3]],
            "sentences": int(summary["src_sentences"].sum() + summary["tgt_sentences"].sum()),
            "embedded": None if embedded is None else int(embedded),
            "batch_seconds": seconds, "cpu_seconds": _cpu_seconds(),
            "peak_rss_mb": _rss_mb(resource.RUSAGE_SELF),
            "peak_worker_rss_mb": _rss_mb(resource.RUSAGE_CHILDREN)}


class Stopwatch:
    """Total time spent inside the callables it wraps."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, func):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
        return timed


def _timed_encoder(inner, watch: Stopwatch):
    """`inner`, with every encode call timed by `watch`."""
    from aligner.embed import Encoder

    class Timed(Encoder):
        name = inner.name
        dim = inner.dim
        _encode = staticmethod(watch.wrap(inner.encode))

    return Timed()


def child_long(folder: str, stem: str, encoder: str, workers: str = "1") -> dict:
    """Align one long presegmented pair: encoding, the DP and the rest, peak RSS, F1."""
    import warnings

    import aligner.api as api
    from aligner.aligning.params import AlignParams
    from aligner.embed import get_encoder
    from aligner.evaluate import Scores, count_units, score
    from aligner.goldfile import read_beads, read_unit_ids
    from synthetic import planted

    base = Path(folder) / stem
    en, es = f"{base}.en", f"{base}.es"
    encoding, dp = Stopwatch(), Stopwatch()
    start = time.perf_counter()
    timed = _timed_encoder(get_encoder(encoder, workers=int(workers)), encoding)
    # The API's own call to the DP, timed in place (benchmark instrumentation only): the API
    # takes it from the search module when it aligns.
    import aligner.aligning.search as search

    search.align_embeddings = dp.wrap(search.align_embeddings)
    with warnings.catch_warnings():
        # Warm-up: model load and numba compilation (small and banded lattices) do not scale.
        warnings.simplefilter("ignore")
        head = lambda p: Path(p).read_text(encoding="utf-8").splitlines()[:50]  # noqa: E731
        api.align(head(en), head(es), encoder=timed)
        search.align_embeddings(*planted(800)[:2], AlignParams())
    load_seconds = time.perf_counter() - start
    rss_loaded = _rss_mb(resource.RUSAGE_SELF)
    encoding.seconds = dp.seconds = 0.0
    start = time.perf_counter()
    result = api.align(en, es, presegmented=True, encoder=timed)
    total = time.perf_counter() - start
    rss = _rss_mb(resource.RUSAGE_SELF)
    gold = read_beads(f"{base}.gold")
    units = count_units(gold, result.beads, read_unit_ids(f"{base}.unitid.en"),
                        read_unit_ids(f"{base}.unitid.es"))
    return {"en": len(result.src), "es": len(result.tgt), "load_seconds": load_seconds,
            "seconds": total, "encode_seconds": encoding.seconds, "dp_seconds": dp.seconds,
            "other_seconds": total - encoding.seconds - dp.seconds,
            "align_share": (total - encoding.seconds) / total,
            "f1_strict": score(gold, result.beads).f1_strict,
            "f1_strict_units": Scores.from_counts(units).f1_strict,
            "rss_after_load_mb": rss_loaded, "peak_rss_mb": rss}


def _run_child(child: list[str]) -> dict:
    what, rest = child[0], child[1:]
    if what == "batch":
        manifest, out_dir, engine, workers, cache_dir = rest
        return child_batch(manifest, out_dir, engine, int(workers), cache_dir)
    if what == "long":
        return child_long(*rest)
    raise SystemExit(f"unknown child {what!r}")


def _child(args: list[str]) -> tuple[dict, float]:
    """Run this script as a child; its last stdout line is JSON. Returns it and the wall time."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True,
                         text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    if out.returncode != 0:
        sys.stderr.write(out.stderr[-3000:])
        raise SystemExit(f"child {' '.join(args[:1])} failed with exit code {out.returncode}")
    info = json.loads(out.stdout.strip().splitlines()[-1])
    if info.get("errors"):
        # timings of a run whose pairs failed would measure the failure, not the aligner
        raise SystemExit(f"child {' '.join(args[:1])}: pairs failed: {info['errors']}")
    return info, wall


# --- parts -------------------------------------------------------------------------------------

def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def part_throughput(docs: list, n_pairs: int, repeat: int, tmp: Path) -> dict:
    import scale_data

    manifest = scale_data.write_manifest(scale_data.chunks(docs, n_pairs, 50, 500, SEED),
                                         tmp / "throughput")
    walls: dict[tuple[str, int], list[float]] = {c: [] for c in CONFIGS}
    infos: dict[tuple[str, int], dict] = {}
    for round_ in range(repeat):
        for engine, workers in CONFIGS:
            out_dir = tmp / "throughput-out" / f"{engine}{workers}-{round_}"
            info, wall = _child(["batch", str(manifest), str(out_dir), engine, str(workers), ""])
            walls[(engine, workers)].append(wall)
            infos[(engine, workers)] = info
    base = walls[CONFIGS[0]]
    rows = []
    for config in CONFIGS:
        info, wall = infos[config], _median(walls[config])
        rows.append({"engine": config[0], "workers": config[1], "pairs": info["pairs"],
                     "statuses": info["statuses"], "errors": info["errors"],
                     "sentences": info["sentences"], "wall_seconds": wall,
                     "walls": walls[config], "sent_per_s": info["sentences"] / wall,
                     "speedup": _median([b / w for b, w in zip(base, walls[config])]),
                     "cpu_seconds": info["cpu_seconds"], "cores_busy": info["cpu_seconds"] / wall,
                     "peak_rss_mb": info["peak_rss_mb"],
                     "peak_worker_rss_mb": info["peak_worker_rss_mb"]})
    return {"repeat": repeat, "speedup_target": SPEEDUP_TARGET, "rows": rows}


def _write_long_input(pair, folder: Path, stem: str) -> None:
    import scale_data
    from aligner.goldfile import write_beads

    scale_data.write_pair(pair, folder, stem)
    write_beads(pair.gold, folder / f"{stem}.gold")
    for side, units in (("en", pair.en_units), ("es", pair.es_units)):
        (folder / f"{stem}.unitid.{side}").write_text("".join(u + "\n" for u in units),
                                                     encoding="utf-8")


def part_long(docs: list, sizes: tuple[int, ...], encoder: str, tmp: Path,
              workers: tuple[int, ...] = (1,)) -> dict:
    import scale_data

    rows = []
    for size in sizes:
        folder, stem = tmp / "long", f"long{size}"
        _write_long_input(scale_data.long_pair(docs, size, SEED), folder, stem)
        for count in workers:
            info, wall = _child(["long", str(folder), stem, encoder, str(count)])
            rows.append({"size": size, "workers": count, "wall_seconds": wall, **info})
    return {"rows": rows}


def _edit_one_sentence(en_path: Path, rng: random.Random, tag: str) -> None:
    """A revised draft: one English sentence reworded into a text seen nowhere else."""
    lines = en_path.read_text(encoding="utf-8").splitlines()
    k = rng.randrange(len(lines))
    lines[k] = f"{lines[k]} (revised in draft {tag})"
    en_path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def part_cache(docs: list, n_pairs: int, tmp: Path) -> dict:
    import scale_data

    folder = tmp / "cache"
    manifest = scale_data.write_manifest(scale_data.chunks(docs, n_pairs, 50, 500, SEED), folder)
    out_dir, cache_dir = folder / "out", folder / "embeddings"
    common = ["batch", str(manifest), str(out_dir), "local", "2", str(cache_dir)]
    rows = []
    first, wall = _child(common)
    rows.append({"run": "first (empty cache)", "edited_pairs": 0, "wall_seconds": wall, **first})
    again, wall = _child(common)
    rows.append({"run": "unchanged rerun", "edited_pairs": 0, "wall_seconds": wall, **again})
    rng = random.Random(SEED)
    for k, en_path in enumerate(sorted((folder / "pairs").glob("*.en"))):
        _edit_one_sentence(en_path, rng, f"{k}")
    edited, wall = _child(common)
    rows.append({"run": "one sentence edited per pair", "edited_pairs": n_pairs,
                 "wall_seconds": wall, **edited})
    return {"rows": rows, "reembedded_only_edits": edited["embedded"] == n_pairs}


# --- output --------------------------------------------------------------------------------------

def _print_throughput(r: dict) -> None:
    print(f"throughput (median of {r['repeat']} rounds; speed-up target >= {r['speedup_target']}x "
          "for 2 workers)")
    print(f"{'engine':<8}{'workers':>8}{'pairs':>7}{'sentences':>11}{'wall s':>9}{'sent/s':>8}"
          f"{'speed-up':>10}{'CPU s':>8}{'cores':>7}{'RSS MB':>8}{'worker MB':>11}  status")
    for row in r["rows"]:
        print(f"{row['engine']:<8}{row['workers']:>8}{row['pairs']:>7}{row['sentences']:>11}"
              f"{row['wall_seconds']:>9.1f}{row['sent_per_s']:>8.0f}{row['speedup']:>9.2f}x"
              f"{row['cpu_seconds']:>8.0f}{row['cores_busy']:>7.2f}"
              f"{row['peak_rss_mb']:>8.0f}{row['peak_worker_rss_mb']:>11.0f}  {row['statuses']}")
    print("(cores = CPU seconds of the run's processes / wall: below the worker count, the "
          "workers waited for CPU or for each other)")


def _print_long(r: dict) -> None:
    print("one long pair (presegmented; load = model load + warm-up, not in total; "
          "align % = all but encoding)")
    print(f"{'en':>7}{'es':>7}{'workers':>8}{'load s':>8}{'total s':>9}{'encode s':>10}{'DP s':>7}"
          f"{'rest s':>8}{'align %':>9}{'RSS MB':>8}{'F1':>7}{'F1 unit':>9}")
    for row in r["rows"]:
        print(f"{row['en']:>7}{row['es']:>7}{row.get('workers', 1):>8}{row['load_seconds']:>8.1f}"
              f"{row['seconds']:>9.1f}"
              f"{row['encode_seconds']:>10.1f}{row['dp_seconds']:>7.1f}{row['other_seconds']:>8.1f}"
              f"{100 * row['align_share']:>8.1f}%{row['peak_rss_mb']:>8.0f}"
              f"{row['f1_strict']:>7.3f}{row['f1_strict_units']:>9.3f}")


def _print_cache(r: dict) -> None:
    print("embedding cache (local engine, 2 workers, resume on)")
    print(f"{'run':<30}{'pairs':>6}{'resumed':>8}{'edited':>8}{'embedded':>10}{'wall s':>8}"
          f"{'batch s':>9}  status")
    for row in r["rows"]:
        print(f"{row['run']:<30}{row['pairs']:>6}{row['resumed']:>8}{row['edited_pairs']:>8}"
              f"{row['embedded']!s:>10}{row['wall_seconds']:>8.1f}{row['batch_seconds']:>9.1f}"
              f"  {row['statuses']}")
    print("(wall = whole process; batch = inside aligner.batch, which includes starting the "
          "workers and loading the model in each)")
    print(f"only the edited sentences re-embedded: {r['reembedded_only_edits']}")


PRINTERS = {"throughput": _print_throughput, "long": _print_long, "cache": _print_cache}


def _save(path: Path, results: dict) -> None:
    # A part replaces its own entry and keeps the others already measured.
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**old, **results}, indent=2) + "\n", encoding="utf-8")


def _environment(quick: bool) -> dict:
    return {"quick": quick, "cpus": os.cpu_count(), "load_average_start": os.getloadavg(),
            "date": time.strftime("%Y-%m-%d %H:%M:%S")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--part", choices=(*PARTS, "all"), default="all")
    ap.add_argument("--quick", action="store_true", help="20 pairs, 2k/5k long pair, 10 cached")
    ap.add_argument("--repeat", type=int, default=1, help="throughput rounds (median)")
    ap.add_argument("--encoder", default="use")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--workers", default="1", help="long part: comma-separated worker counts")
    ap.add_argument("--long-sizes", default=None, help="long part: comma-separated sizes")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_run_child(args.child)))
        return
    if not args.data.is_dir():
        print(f"no evaluation data at {args.data} (the shared data folder): nothing to benchmark")
        return
    import scale_data

    sizes = QUICK if args.quick else FULL
    out = args.out or HERE / "results" / ("scale-quick.json" if args.quick else "scale.json")
    parts = PARTS if args.part == "all" else (args.part,)
    docs = scale_data.corpus(args.data)
    with tempfile.TemporaryDirectory(prefix="aligner-scale-") as tmp:
        for part in parts:
            result = _run_part(part, docs, sizes, args, Path(tmp))
            PRINTERS[part](result)
            print()
            # saved part by part, so a failure late in a long run keeps what was measured
            _save(out, {part: result})


def _run_part(part: str, docs: list, sizes: dict, args: argparse.Namespace, tmp: Path) -> dict:
    environment = _environment(args.quick)
    if part == "throughput":
        result = part_throughput(docs, sizes["pairs"], args.repeat, tmp)
    elif part == "long":
        long_sizes = (tuple(int(s) for s in args.long_sizes.split(",")) if args.long_sizes
                      else sizes["long"])
        result = part_long(docs, long_sizes, args.encoder, tmp,
                           tuple(int(w) for w in args.workers.split(",")))
    else:
        result = part_cache(docs, sizes["cache_pairs"], tmp)
    environment["load_average_end"] = os.getloadavg()
    return {**result, "environment": environment}

if __name__ == "__main__":
    main()
