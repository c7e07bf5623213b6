"""Time and memory of aligning two long texts that are NOT translations of each other.

    python benchmarks/unrelated.py                 # 5,000 and 20,000 sentences a side
    python benchmarks/unrelated.py --sizes 1000

Unrelated text is the aligner's worst case: no path stands out, so nothing prunes the search and
every sentence competes with its whole neighbourhood. English sentences come from one set of
sources and Spanish ones from another (our corpora, the segmentation test files and, when
present, ../shared/data), shuffled, topped up with sentences of random words from the same
vocabulary. Each size runs in a fresh process with the real `use` encoder; the table shows wall
time (model load apart), peak RSS and whether the unrelated-texts warning fired.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "benchmarks" / "results" / "unrelated.json"


def _lines(paths: list[Path]) -> list[str]:
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            text = line.split("\t", 1)[-1].strip()
            if len(text) > 20 and not text.startswith("#"):
                out.append(text)
    return out


def _pool(lang: str) -> list[str]:
    """Sentences of `lang`; the two languages come from different documents so no pair is a
    translation (EN: corpora and the segmentation set; ES: the held-out set and GDPR)."""
    if lang == "en":
        paths = sorted(ROOT.glob("corpora/*/en.sents")) + [ROOT / "tests/data/segmentation/en.txt"]
        paths += sorted(SHARED.glob("bible-en-es/*.en"))[:4] if SHARED.is_dir() else []
    else:
        paths = [ROOT / "tests/data/segmentation_heldout/es.txt"]
        paths += sorted(SHARED.glob("eu-gdpr-en-es/*.es"))[:4] if SHARED.is_dir() else []
    return _lines([p for p in paths if p.is_file()])


def sentences(lang: str, n: int, seed: int) -> list[str]:
    """n sentences: the real ones shuffled, then random-word sentences from their vocabulary."""
    rng = random.Random(seed)
    real = _pool(lang)
    rng.shuffle(real)
    vocab = sorted({w for s in real for w in re.findall(r"\w+", s)})
    made = [" ".join(rng.choice(vocab) for _ in range(rng.randint(5, 30))).capitalize() + "."
            for _ in range(max(0, n - len(real)))]
    return (real + made)[:n]


def measure(n: int) -> dict:
    """One size, in this process: align n English with n unrelated Spanish sentences."""
    from aligner.api import UnrelatedTextsWarning, align
    from aligner.embed import get_encoder

    src, tgt = sentences("en", n, seed=1), sentences("es", n, seed=2)
    start = time.perf_counter()
    encoder = get_encoder("use")
    encoder.encode(["warm up"])
    load = time.perf_counter() - start
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = align(src, tgt, encoder=encoder)
    seconds = time.perf_counter() - start
    paired = sum(1 for b in result.beads if b.src and b.tgt)
    return {
        "sentences_per_side": n,
        "align_seconds": round(seconds, 1),
        "model_load_seconds": round(load, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "beads": len(result.beads),
        "paired_beads": paired,
        "mean_similarity": round(result.mean_similarity, 3),
        "unrelated_warning": any(issubclass(w.category, UnrelatedTextsWarning) for w in caught),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    rows = []
    for n in args.sizes:
        run = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True,
                             text=True, check=True, cwd=ROOT)
        rows.append(json.loads(run.stdout.strip().splitlines()[-1]))
    print(f"{'sentences/side':>14} {'align s':>8} {'load s':>7} {'peak RSS MB':>11} {'beads':>7} "
          f"{'paired':>7} {'mean sim':>8}  warning")
    for r in rows:
        print(f"{r['sentences_per_side']:>14,} {r['align_seconds']:>8} {r['model_load_seconds']:>7} "
              f"{r['peak_rss_mb']:>11} {r['beads']:>7,} {r['paired_beads']:>7,} "
              f"{r['mean_similarity']:>8}  {'yes' if r['unrelated_warning'] else 'NO'}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"date": time.strftime("%Y-%m-%d"), "encoder": "use",
                                    "runs": rows}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
