"""False flags of the enumerations check on faithful official translations.

Data (`--data`, e.g. /work/shared/data): the aligned units of un-sdg-en-es, eu-gdpr-en-es and
udhr-en-es (`*.unit.en` / `*.unit.es`, `<id>\\t<text>` per line, paired by id) and the
sentence pairs of flores200-devtest-en-es (line i = line i). Every pair is a correct
translation, so every flag is a false alarm (or a real liberty of the translator: `--show`
prints each one to judge).

The check runs twice over every pair: without an encoder (lexical fallback) and with the
encoder's embed function (`--encoder`, default "use"). Reported per set and mode: units, flags
per 100 units by severity, and the mean time per bead (the encoder's time included).

Usage: python benchmarks/enumerations_false_flags.py --data /work/shared/data [--show]
       [--encoder use|none] [--out benchmarks/results/enumerations.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from aligner.diverge.base import BeadText, Context
from aligner.diverge.listed import EnumerationsCheck

UNIT_SETS = ("un-sdg-en-es", "eu-gdpr-en-es", "udhr-en-es")


def read_units(path: Path) -> dict[str, str]:
    units = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        uid, _, text = line.partition("\t")
        units[uid] = text
    return units


def pairs(root: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Set name -> (unit label, English, Spanish)."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for name in UNIT_SETS:
        rows = []
        for en_path in sorted((root / name).glob("*.unit.en")):
            en, es = read_units(en_path), read_units(en_path.with_suffix(".es"))
            rows += [(f"{en_path.name}:{uid}", en[uid], es[uid]) for uid in en if uid in es]
        out[name] = rows
    flores = root / "flores200-devtest-en-es"
    en_lines = (flores / "flores200-devtest.en").read_text(encoding="utf-8").splitlines()
    es_lines = (flores / "flores200-devtest.es").read_text(encoding="utf-8").splitlines()
    out["flores200-devtest-en-es"] = [(f"flores:{i}", e, s) for i, (e, s) in enumerate(zip(en_lines, es_lines))]
    return out


def run(rows, ctx: Context, show: bool, mode: str) -> dict:
    check, counts, elapsed = EnumerationsCheck(), Counter(), 0.0
    for label, en, es in rows:
        t0 = time.perf_counter()
        flags = check.judge(BeadText(en, es), ctx)
        elapsed += time.perf_counter() - t0
        for f in flags:
            counts[f.severity] += 1
            if show:
                print(f"[{mode}] {label}\t{f.severity} {f.kind}\t{f.message}")
    n = len(rows)
    return {"units": n, "flags": sum(counts.values()),
            "per_100_units": {sev: round(100 * counts[sev] / max(n, 1), 2) for sev in ("high", "medium", "low")},
            "ms_per_bead": round(1e3 * elapsed / max(n, 1), 3)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--encoder", default="use", help='encoder spec for the embedding mode, or "none"')
    parser.add_argument("--show", action="store_true", help="print every flag")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results" / "enumerations.json")
    args = parser.parse_args(argv)
    if not (args.data / "un-sdg-en-es").is_dir():
        print(f"error: no evaluation data under {args.data}", file=sys.stderr)
        return 2
    modes = {"lexical": Context()}
    if args.encoder != "none":
        from aligner.embed import get_encoder

        modes["embedding"] = Context(embed=get_encoder(args.encoder).encode)
    results: dict[str, dict] = {}
    for name, rows in pairs(args.data).items():
        results[name] = {mode: run(rows, ctx, args.show, mode) for mode, ctx in modes.items()}
    print(f"{'set':26} {'mode':10} {'units':>6} {'flags':>6} {'high/100':>9} {'med/100':>8} {'ms/bead':>8}")
    for name, by_mode in results.items():
        for mode, r in by_mode.items():
            print(f"{name:26} {mode:10} {r['units']:6d} {r['flags']:6d} {r['per_100_units']['high']:9.2f} "
                  f"{r['per_100_units']['medium']:8.2f} {r['ms_per_bead']:8.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
