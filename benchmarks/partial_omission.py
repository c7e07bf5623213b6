"""Partial omissions with real similarity scores: does `check` see a dropped half sentence?

    python benchmarks/partial_omission.py [--data ../shared/data] [--split dev|test]

The perturbation benchmark (divergence.py) has no encoder in the loop, so the partial-omission
rule (target much shorter than expected AND a low similarity score) is measured here: for every
SDG/GDPR unit of the split longer than 80 characters whose Spanish has a clause break (, ; :)
between 30% and 70% of its length, the Spanish is cut at the break nearest its middle. The
English is embedded with the default encoder against the full and the cut Spanish, and the
omissions check judges both: detection rate on the cut pairs, false-alarm rate on the full
ones. FLORES (all 1,012 pairs, full only) gives the false-alarm rate on looser translations.
Writes benchmarks/results/partial_omission.json.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

from aligner.diverge.base import BeadText, Context
from aligner.diverge.omissions import OmissionsCheck
from aligner.embed import get_encoder

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import divergence  # noqa: E402  (the same units and dev/test halves as the main benchmark)

_BREAK = re.compile(r"[,;:]\s")


def cut_in_half(text: str) -> str | None:
    """The text up to the clause break nearest its middle, or None when there is none."""
    breaks = [m.start() for m in _BREAK.finditer(text) if 0.3 * len(text) < m.start() < 0.7 * len(text)]
    if not breaks:
        return None
    at = min(breaks, key=lambda b: abs(b - len(text) / 2))
    return text[:at].rstrip() + "."


def flagged(pairs: list[tuple[str, str]], encoder, check: OmissionsCheck) -> np.ndarray:
    src = encoder.encode([en for en, _ in pairs])
    tgt = encoder.encode([es for _, es in pairs])
    scores = np.sum(src * tgt, axis=1)
    return np.array([any(f.kind == "omission" for f in check.judge(BeadText(en, es, float(s)), Context()))
                     for (en, es), s in zip(pairs, scores)])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    args = ap.parse_args()
    if not (args.data / "eu-gdpr-en-es").is_dir():
        print(f"no evaluation data at {args.data}: nothing to measure")
        return
    units = [u for _, us in divergence.load(args.data) for u in us
             if divergence.half(u.key) == args.split and len(u.en) > 80]
    cases = [(u.en, u.es, cut) for u in units if (cut := cut_in_half(u.es))]
    encoder, check = get_encoder("use"), OmissionsCheck()
    caught = flagged([(en, cut) for en, _, cut in cases], encoder, check)
    false = flagged([(en, es) for en, es, _ in cases], encoder, check)
    flores = args.data / "flores200-devtest-en-es" / "flores200-devtest"
    loose = list(zip(Path(f"{flores}.en").read_text(encoding="utf-8").splitlines(),
                     Path(f"{flores}.es").read_text(encoding="utf-8").splitlines()))
    flores_false = flagged(loose, encoder, check)
    result = {"split": args.split, "pairs": len(cases), "detected": float(caught.mean()),
              "false_alarms": float(false.mean()), "flores_pairs": len(loose),
              "flores_false_alarms": float(flores_false.mean())}
    print(f"{args.split}: {len(cases)} units cut in half: detected {result['detected']:.3f}, "
          f"false alarms on the full units {result['false_alarms']:.4f}; "
          f"FLORES false alarms {result['flores_false_alarms']:.4f} of {len(loose)}")
    out = HERE / "results" / "partial_omission.json"
    saved = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    saved[args.split] = result
    out.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
