"""Run the figures check over the aligned SDG and GDPR units (correct translations) and
report how many flags it raises: each one is a false alarm to study.

Usage: python benchmarks/figures_false_flags.py [SHARED_DATA_DIR] [--show]
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from aligner.diverge.base import BeadText, Context
from aligner.diverge.figures import FiguresCheck
from aligner.diverge.numbers import detect_decimal_mark


def read_units(path: Path) -> dict[str, str]:
    units = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        uid, _, text = line.partition("\t")
        units[uid] = text
    return units


def main(argv: list[str]) -> None:
    root = Path(next((a for a in argv if not a.startswith("--")), "../shared/data"))
    check, counts, n_units, elapsed = FiguresCheck(), Counter(), 0, 0.0
    for name in ("un-sdg-en-es", "eu-gdpr-en-es"):
        for en_path in sorted((root / name).glob("*.unit.en")):
            en, es = read_units(en_path), read_units(en_path.with_suffix(".es"))
            ctx = Context(src_decimal=detect_decimal_mark(en.values(), "en"),
                          tgt_decimal=detect_decimal_mark(es.values(), "es"))
            for uid in en.keys() & es.keys():
                n_units += 1
                t0 = time.perf_counter()
                flags = check.judge(BeadText(en[uid], es[uid]), ctx)
                elapsed += time.perf_counter() - t0
                for f in flags:
                    counts[f.severity] += 1
                    if "--show" in argv:
                        print(f"{en_path.name}:{uid}\t{f.severity}\t{f.message}\t{f.src_evidence!r}\t{f.tgt_evidence!r}")
    total = sum(counts.values())
    print(f"units {n_units}  flags {total}  per unit {total / max(n_units, 1):.3f}  "
          f"by severity {dict(counts)}  mean {elapsed / max(n_units, 1) * 1e3:.3f} ms/bead")


if __name__ == "__main__":
    main(sys.argv[1:])
