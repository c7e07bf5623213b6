"""Does scoring multi-sentence beads from sentence embeddings lose accuracy against embedding
every concatenation (what vecalign and Bertalign do)?

    python benchmarks/overlaps.py [--data ../shared/data] [--docs dev,test0,...,test6]

Both variants run through the same dynamic programme with the aligner's default parameters on
the full lattice; they differ only in where the cosine of a multi-sentence bead comes from:
  * sums      - the aligner's way: cos(sum x_k, sum y_l) from sentence-level cosines, nothing
                extra embedded;
  * concat    - the sentences of each side joined with a space and embedded by the model
                (every span of 2..max_bead-1 consecutive sentences, as vecalign's overlaps).
Prints strict/lax F1 of each on Text+Berg, the number of strings embedded and the embedding
time; writes benchmarks/results/overlaps.json.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numba
import numpy as np

from aligner.aligning import kernels
from aligner.aligning.params import AlignParams
from aligner.aligning.search import open_ends
from aligner.embed import get_encoder
from aligner.evaluate import Counts, Scores, count
from aligner.goldfile import read_beads

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"


def span_table(emb: np.ndarray, size: int) -> np.ndarray:
    """Normalised sums of every run of `size` consecutive sentence vectors."""
    total = sum(emb[k:len(emb) - size + 1 + k] for k in range(size))
    return total / np.linalg.norm(total, axis=1, keepdims=True)


def cos_table(src, tgt, shapes, span_src, span_tgt) -> np.ndarray:
    """table[s, i, j]: cosine of the bead of shape s ending at lattice corner (i, j)."""
    table = np.full((len(shapes), len(src) + 1, len(tgt) + 1), np.nan)
    for s, (a, b) in enumerate(shapes):
        if a and b:
            table[s, a:, b:] = span_src(a) @ span_tgt(b).T
    return table


@numba.njit(cache=True)
def best_path(table, shapes, ls, lt, os, ot, p):
    """The aligner's own bead score (kernels.gain_of) over a precomputed cosine table, full lattice."""
    _, n1, m1 = table.shape
    cs, ct = np.zeros(n1), np.zeros(m1)
    for i in range(1, n1):
        cs[i] = cs[i - 1] + ls[i - 1]
    for j in range(1, m1):
        ct[j] = ct[j - 1] + lt[j - 1]
    score = np.full((n1, m1), -1e18)
    back = np.full((n1, m1), -1)
    score[0, 0] = 0.0
    for i in range(n1):
        for j in range(m1):
            for s in range(shapes.shape[0]):
                a, b = shapes[s, 0], shapes[s, 1]
                if (i == 0 and j == 0) or i < a or j < b:
                    continue
                if a == 0:
                    gain = kernels.skip_gain(ot[j - 1], p)
                elif b == 0:
                    gain = kernels.skip_gain(os[i - 1], p)
                else:
                    gain = kernels.gain_of(table[s, i, j], a, b, cs[i] - cs[i - a], ct[j] - ct[j - b],
                                           os[i - 1], ot[j - 1], p)
                if score[i - a, j - b] + gain > score[i, j]:
                    score[i, j] = score[i - a, j - b] + gain
                    back[i, j] = s
    return back


def beads_of(back, shapes):
    i, j = back.shape[0] - 1, back.shape[1] - 1
    out = []
    while i > 0 or j > 0:
        a, b = shapes[back[i, j]]
        out.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return out[::-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--docs", default="dev," + ",".join(f"test{i}" for i in range(7)))
    ap.add_argument("--out", type=Path, default=HERE / "results" / "overlaps.json")
    args = ap.parse_args()
    folder = args.data / "textberg-de-fr"
    if not folder.is_dir():
        print(f"no Text+Berg data at {folder}: nothing to measure")
        return
    params = AlignParams()
    shapes = params.shapes()
    encoder = get_encoder("use")
    totals = {"sums": {}, "concat": {}}
    strings = {"sums": 0, "concat": 0}
    seconds = {"sums": 0.0, "concat": 0.0}
    for doc in args.docs.split(","):
        lines = {lang: (folder / f"{doc}.{lang}").read_text(encoding="utf-8").splitlines()
                 for lang in ("de", "fr")}
        start = time.perf_counter()
        emb = {lang: encoder.encode(lines[lang]) for lang in lines}
        base_time = time.perf_counter() - start
        start = time.perf_counter()
        joined = {lang: {k: encoder.encode([" ".join(lines[lang][i:i + k])
                                            for i in range(len(lines[lang]) - k + 1)])
                         for k in range(2, params.max_bead)} for lang in lines}
        concat_time = time.perf_counter() - start
        lengths = {lang: np.array([len(x) for x in lines[lang]], dtype=np.float64) for lang in lines}
        opens = {lang: open_ends(lines[lang]) for lang in lines}
        vector = params.vector(lengths["de"], lengths["fr"])
        gold = read_beads(folder / f"{doc}.defr")
        split = "dev" if doc == "dev" else "test"
        for variant in ("sums", "concat"):
            def spans(lang, k):
                if k == 1:
                    return emb[lang]
                return span_table(emb[lang], k) if variant == "sums" else joined[lang][k]
            table = cos_table(emb["de"], emb["fr"], shapes, lambda k: spans("de", k),
                              lambda k: spans("fr", k))
            back = best_path(table, shapes, lengths["de"], lengths["fr"], opens["de"], opens["fr"], vector)
            pred = beads_of(back, shapes)
            totals[variant][split] = totals[variant].get(split, Counts()) + count(gold, pred)
        n_sent = len(lines["de"]) + len(lines["fr"])
        strings["sums"] += n_sent
        strings["concat"] += n_sent + sum(len(v) for side in joined.values() for v in side.values())
        seconds["sums"] += base_time
        seconds["concat"] += base_time + concat_time
    results = {}
    print(f"{'variant':<8}{'split':<6}{'strict F1':>10}{'lax F1':>8}{'strings':>9}{'embed s':>9}")
    for variant, per_split in totals.items():
        for split, counts in per_split.items():
            sc = Scores.from_counts(counts)
            results[f"{variant}/{split}"] = {"f1_strict": sc.f1_strict, "f1_lax": sc.f1_lax}
            print(f"{variant:<8}{split:<6}{sc.f1_strict:>10.3f}{sc.f1_lax:>8.3f}"
                  f"{strings[variant]:>9}{seconds[variant]:>9.1f}")
    results["strings"] = strings
    results["embed_seconds"] = seconds
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
