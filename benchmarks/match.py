"""Document matching (`aligner match`): pair precision and recall on real sets, and the scale of
the candidate step on synthetic embeddings.

    python benchmarks/match.py                      # both parts
    python benchmarks/match.py --part real [--no-batch]
    python benchmarks/match.py --part scale --sizes 1000 3000 10000

real: every FLORES devtest article (281: short, on overlapping topics), the 17 UN SDG goals, the
12 GDPR chapters, the UDHR and the 6 Bible books, written one sentence a line under random
names into two folders. 10% of the documents lose their Spanish side and another 10% their
English side (no counterpart: they must be left unmatched), and a few long documents have
their Spanish side split into two files (pairing the English with either half is right; the
other half must stay unmatched). Reported: pair precision and recall (overall and per set),
documents forced into a pair, unmatched documents found, seconds per document (reading and
embedding included), whether scipy's optimal assignment on the same candidates pairs any
differently from our greedy one, and (unless --no-batch) the strict F1 of the whole path
(match -> batch) against `aligner batch` on the gold pairs, over the intact gold pairs.

scale: n documents a side (3-10 sentences of random 512-d unit vectors; a translation is its
document's vectors plus noise, shuffled; 10% decoys a side) through the candidate step
(document vectors and top-k by blocked matrix products) and the sentence-level scoring and
assignment, each size in a fresh process: seconds, peak memory the step allocates
(tracemalloc) and the process's peak RSS.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
OUT = HERE / "results" / "match.json"
SPLIT_DOCS = 6


def real_documents(data: Path) -> list[dict]:
    """name, set, English and Spanish lines, gold path."""
    sets = [("flores", data / "flores200-devtest-en-es" / "docs"), ("sdg", data / "un-sdg-en-es"),
            ("gdpr", data / "eu-gdpr-en-es"), ("udhr", data / "udhr-en-es"),
            ("bible", data / "bible-en-es")]
    docs = []
    for name, folder in sets:
        for gold in sorted(folder.glob("*.en-es")):
            stem = gold.name[:-len(".en-es")]
            lines = {lang: (folder / f"{stem}.{lang}").read_text(encoding="utf-8").splitlines()
                     for lang in ("en", "es")}
            docs.append({"name": f"{name}/{stem}", "set": name, "en": lines["en"],
                         "es": lines["es"], "gold": gold})
    return docs


def build_folders(docs: list[dict], root: Path, seed: int = 0) -> dict:
    """Write the two folders; return the truth: gold pairs, split pairs, solo documents."""
    rng = random.Random(seed)
    order = list(range(len(docs)))
    rng.shuffle(order)
    tenth = len(docs) // 10
    en_only, es_only = set(order[:tenth]), set(order[tenth:2 * tenth])
    long_ones = [i for i in order[2 * tenth:] if docs[i]["set"] != "flores" and len(docs[i]["es"]) >= 20]
    split = set(long_ones[:SPLIT_DOCS])
    names = iter(rng.sample(range(10 ** 6), 3 * len(docs)))
    (root / "en").mkdir(parents=True)
    (root / "es").mkdir()
    truth = {"pairs": {}, "split": {}, "solo": set(), "set_of": {}, "doc_of": {}}

    def put(side: str, lines: list[str]) -> str:
        name = f"{side}{next(names):06d}.txt"
        (root / side / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return name

    for i, doc in enumerate(docs):
        en = put("en", doc["en"]) if i not in es_only else None
        if i in split:
            half = len(doc["es"]) // 2
            es = (put("es", doc["es"][:half]), put("es", doc["es"][half:]))
            truth["split"][en] = es
        else:
            es = put("es", doc["es"]) if i not in en_only else None
        if en and es and i not in split:
            truth["pairs"][en] = es
            truth["doc_of"][en] = i
        for label in (en, *(es if isinstance(es, tuple) else (es,))):
            if label:
                truth["set_of"][label] = doc["set"]
        if en is None or es is None:
            truth["solo"].add(en or es)
    return truth


def judge(result, truth: dict) -> dict:
    predicted = {p.src_label: p.tgt_label for p in result.pairs}
    wanted = {**{en: {es} for en, es in truth["pairs"].items()},
              **{en: set(halves) for en, halves in truth["split"].items()}}
    correct = {en for en, es in predicted.items() if es in wanted.get(en, ())}
    forced = [en for en, es in predicted.items() if en in truth["solo"] or es in truth["solo"]]
    unmatched = {u.label for u in result.unmatched}
    other_halves = {h for en, halves in truth["split"].items() for h in halves
                    if predicted.get(en) != h}
    per_set = {}
    for name in sorted(set(truth["set_of"].values())):
        gold = [en for en in wanted if truth["set_of"][en] == name]
        per_set[name] = {"gold_pairs": len(gold), "found": sum(en in correct for en in gold)}
    intact = sum(en in correct for en in truth["pairs"])
    return {
        "predicted": len(predicted), "gold_pairs": len(wanted), "correct": len(correct),
        "precision": round(len(correct) / max(len(predicted), 1), 4),
        "recall": round(len(correct) / len(wanted), 4),
        "recall_intact": round(intact / len(truth["pairs"]), 4),
        "split_found": f"{len(correct) - intact}/{len(truth['split'])}",
        "forced_solo": len(forced),
        "solo_documents": len(truth["solo"]), "solo_left_unmatched": len(truth["solo"] & unmatched),
        "split_other_half_unmatched": f"{len(other_halves & unmatched)}/{len(other_halves)}",
        "wrong": sorted((en, es) for en, es in predicted.items() if en not in correct),
        "per_set": per_set,
    }


def candidate_study(src_dir: Path, tgt_dir: Path, cache: Path, min_score: float,
                    truth: dict) -> dict:
    """Over every candidate pair: the lowest score of a right pair, the highest of a wrong one,
    and on how many pairs scipy's optimal assignment of the same scores differs from ours."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    from aligner.matching import DEFAULT_CANDIDATES, match_embedded
    from aligner.matching.candidates import document_vectors, top_candidates
    from aligner.matching.documents import ReadOptions, find_documents
    from aligner.matching.engine import embed_all
    from aligner.matching.scoring import CONFIDENT_MARGIN, background, pair_score

    options = ReadOptions("use", str(cache), presegmented=True)
    a = embed_all([(lab, p, "en") for lab, p in find_documents(src_dir)], options)
    b = embed_all([(lab, p, "es") for lab, p in find_documents(tgt_dir)], options)
    ours = {(p.src_label, p.tgt_label) for p in match_embedded(a, b, min_score).pairs}
    threshold = background([d.vectors for d in a], [d.vectors for d in b]) + CONFIDENT_MARGIN
    va = document_vectors([(d.vectors, d.lengths) for d in a])
    vb = document_vectors([(d.vectors, d.lengths) for d in b])
    scores = np.zeros((len(a), len(b)))
    kinds: dict[str, list[float]] = {"intact": [], "split": [], "wrong": []}
    for i, j in top_candidates(va, vb, DEFAULT_CANDIDATES):
        scores[i, j] = pair_score(a[i].vectors, b[j].vectors, threshold, a[i].lengths,
                                  b[j].lengths)
        en, es = a[i].label, b[j].label
        kind = "intact" if truth["pairs"].get(en) == es else \
            "split" if es in truth["split"].get(en, ()) else "wrong"
        kinds[kind].append(float(scores[i, j]))
    rows, cols = linear_sum_assignment(scores, maximize=True)
    best = {(a[i].label, b[j].label) for i, j in zip(rows, cols) if scores[i, j] >= min_score}
    return {"candidate_pairs": sum(len(v) for v in kinds.values()),
            "lowest_intact_candidate": round(min(kinds["intact"]), 4),
            "split_candidates": [round(min(kinds["split"]), 4), round(max(kinds["split"]), 4)]
            if kinds["split"] else None,
            "highest_wrong_candidate": round(max(kinds["wrong"], default=0.0), 4),
            "wrong_candidates_above_min_score": int(sum(s >= min_score for s in kinds["wrong"])),
            "optimal_assignment_differs_on": len(ours ^ best)}


def whole_path_f1(docs: list[dict], truth: dict, root: Path, result, cache: Path) -> dict:
    """Strict F1 over the intact gold pairs: aligning what match found against aligning the
    gold pairs, both with `aligner batch` (presegmented, as the gold is)."""
    import aligner
    from aligner.batching import store
    from aligner.batching.layout import stored_path
    from aligner.evaluate import Counts, Scores, count
    from aligner.goldfile import read_beads

    gold_manifest = root / "gold.csv"
    rows = ["src,tgt,id"] + [f"en/{en},es/{es},g{n}" for n, (en, es) in
                             enumerate(sorted(truth["pairs"].items()))]
    gold_manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    times = {}
    start = time.perf_counter()
    aligner.batch(gold_manifest, root / "gold-out", presegmented=True, cache_dir=cache)
    times["gold_batch_seconds"] = round(time.perf_counter() - start, 1)
    start = time.perf_counter()
    aligner.batch(root / "match.csv", root / "match-out", presegmented=True, cache_dir=cache)
    times["match_batch_seconds"] = round(time.perf_counter() - start, 1)
    ids = {row.split(",")[0][3:]: row.split(",")[2] for row in rows[1:]}
    matched = {p.src_label: p.tgt_label for p in result.pairs}
    match_ids = {line.split(",")[0][3:]: line.split(",")[2] for line in
                 (root / "match.csv").read_text(encoding="utf-8").splitlines()[1:]}

    def beads(out: Path, pair_id: str):
        return store.load(stored_path(out, pair_id)).beads

    gold_counts, path_counts = Counts(), Counts()
    for en, es in sorted(truth["pairs"].items()):
        gold = read_beads(docs[truth["doc_of"][en]]["gold"])
        gold_counts += count(gold, beads(root / "gold-out", ids[en]))
        found = beads(root / "match-out", match_ids[en]) if matched.get(en) == es else []
        path_counts += count(gold, found)
    for en, es in matched.items():  # wrong pairs: every bead they produce is a false one
        if en in truth["pairs"] and truth["pairs"][en] != es:
            path_counts += Counts(predicted=len(beads(root / "match-out", match_ids[en])))
    gold_f1 = Scores.from_counts(gold_counts).f1_strict
    path_f1 = Scores.from_counts(path_counts).f1_strict
    return {"gold_pairs_f1_strict": round(gold_f1, 4), "whole_path_f1_strict": round(path_f1, 4),
            "difference": round(gold_f1 - path_f1, 4), **times}


def run_real(data: Path, with_batch: bool, seeds: list[int]) -> list[dict]:
    import aligner
    from aligner.matching.scoring import DEFAULT_MIN_SCORE

    docs = real_documents(data)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"  # shared by the seeds: the same texts under other names
        for seed in seeds:
            root = Path(tmp) / f"seed{seed}"
            truth = build_folders(docs, root, seed)
            en_docs, es_docs = len(list((root / "en").iterdir())), len(list((root / "es").iterdir()))
            start = time.perf_counter()
            result = aligner.match(root / "en", root / "es", root / "match.csv",
                                   presegmented=True, cache_dir=cache)
            seconds = time.perf_counter() - start
            out = {"seed": seed, "en_documents": en_docs, "es_documents": es_docs,
                   "split_documents": len(truth["split"]), **judge(result, truth),
                   "seconds": round(seconds, 1),
                   "ms_per_document": round(1000 * seconds / (en_docs + es_docs), 1),
                   "embeddings_cached": seed != seeds[0],
                   **candidate_study(root / "en", root / "es", cache, DEFAULT_MIN_SCORE, truth)}
            if with_batch and seed == seeds[0]:
                out["whole_path"] = whole_path_f1(docs, truth, root, result, cache)
            runs.append(out)
    return runs


def synthetic(n: int, seed: int = 0, dim: int = 512):
    """n documents a side of 3-10 random unit sentence vectors; 90% have a noisy translation."""
    import numpy as np

    from aligner.embed import normalise
    from aligner.matching.documents import Embedded

    rng = np.random.default_rng(seed)
    paired = n - n // 10
    src, tgt = [], []
    for i in range(n):
        vecs = normalise(rng.standard_normal((int(rng.integers(3, 11)), dim)).astype(np.float32))
        lengths = rng.integers(20, 200, len(vecs)).astype(np.float64)
        src.append(Embedded(f"s{i:05d}", Path("."), vecs, lengths))
        if i < paired:
            noisy = normalise(vecs + 0.6 * rng.standard_normal(vecs.shape).astype(np.float32)
                              / np.sqrt(dim))
            tgt.append(Embedded(f"t{i:05d}", Path("."), noisy, lengths))
    for i in range(n - paired):
        vecs = normalise(rng.standard_normal((int(rng.integers(3, 11)), dim)).astype(np.float32))
        tgt.append(Embedded(f"d{i:05d}", Path("."), vecs, rng.integers(20, 200, len(vecs)) * 1.0))
    order = rng.permutation(len(tgt))
    return src, [tgt[k] for k in order], paired


def run_scale_one(n: int) -> dict:
    from aligner.matching import DEFAULT_CANDIDATES, match_embedded
    from aligner.matching.candidates import document_vectors, top_candidates

    src, tgt, paired = synthetic(n)
    data_mb = sum(d.vectors.nbytes for d in src + tgt) / 1e6
    tracemalloc.start()
    start = time.perf_counter()
    va = document_vectors([(d.vectors, d.lengths) for d in src])
    vb = document_vectors([(d.vectors, d.lengths) for d in tgt])
    found = top_candidates(va, vb, DEFAULT_CANDIDATES)
    candidate_seconds = time.perf_counter() - start
    candidate_peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    start = time.perf_counter()
    result = match_embedded(src, tgt)
    whole = time.perf_counter() - start
    correct = sum(p.tgt_label == "t" + p.src_label[1:] for p in result.pairs)
    return {"documents_per_side": n, "candidates": len(found),
            "candidate_seconds": round(candidate_seconds, 2),
            "candidate_peak_mb": round(candidate_peak, 1),
            "match_seconds": round(whole, 2), "embeddings_mb": round(data_mb, 1),
            "peak_rss_mb": _peak_rss_mb(),
            "precision": round(correct / max(len(result.pairs), 1), 4),
            "recall": round(correct / paired, 4)}


def _peak_rss_mb() -> int:
    """This process's peak RSS (VmHWM: unlike ru_maxrss it does not carry the parent's peak
    over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def run_scale(sizes: list[int]) -> list[dict]:
    rows = []
    for n in sizes:
        run = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True,
                             text=True, check=True, cwd=ROOT)
        rows.append(json.loads(run.stdout.strip().splitlines()[-1]))
    return rows


def print_real(runs: list[dict]) -> None:
    r0 = runs[0]
    print(f"real sets: {r0['en_documents']} English and {r0['es_documents']} Spanish documents "
          f"({r0['solo_documents']} without a counterpart, {r0['split_documents']} split in two), "
          f"seeds {', '.join(str(r['seed']) for r in runs)}")
    rows = [("pairs predicted / gold", lambda r: f"{r['predicted']}/{r['gold_pairs']}"),
            ("precision", lambda r: f"{r['precision']:.4f}"),
            ("recall", lambda r: f"{r['recall']:.4f}"),
            ("recall, intact pairs", lambda r: f"{r['recall_intact']:.4f}"),
            ("split documents paired", lambda r: r["split_found"]),
            ("solo documents forced", lambda r: r["forced_solo"]),
            ("solo left unmatched", lambda r: f"{r['solo_left_unmatched']}/{r['solo_documents']}"),
            ("other halves unmatched", lambda r: r["split_other_half_unmatched"]),
            ("lowest intact candidate", lambda r: r["lowest_intact_candidate"]),
            ("split candidates", lambda r: "-".join(map(str, r["split_candidates"] or ()))),
            ("highest wrong candidate", lambda r: r["highest_wrong_candidate"]),
            ("wrong >= min score", lambda r: r["wrong_candidates_above_min_score"]),
            ("optimal differs on", lambda r: r["optimal_assignment_differs_on"]),
            ("ms per document", lambda r: f"{r['ms_per_document']}{' (cached)' if r['embeddings_cached'] else ''}")]
    for label, get in rows:
        print(f"{label:<26}" + "".join(f"{str(get(r)):>18}" for r in runs))
    for r in runs:
        for en, es in r["wrong"]:
            print(f"  seed {r['seed']} wrong: {en} -> {es}")
        missed = {k: f"{v['found']}/{v['gold_pairs']}" for k, v in r["per_set"].items()}
        print(f"  seed {r['seed']} found per set: {missed}")
    if "whole_path" in r0:
        w = r0["whole_path"]
        print(f"strict F1 (gold as is) over the intact gold pairs: aligning the gold pairs "
              f"{w['gold_pairs_f1_strict']:.4f}, match -> batch {w['whole_path_f1_strict']:.4f} "
              f"(difference {w['difference']:+.4f})")


def print_scale(rows: list[dict]) -> None:
    print(f"{'docs/side':>9} {'cands':>7} {'cand s':>7} {'cand MB':>8} {'match s':>8} "
          f"{'emb MB':>7} {'RSS MB':>7} {'P':>6} {'R':>6}")
    for r in rows:
        print(f"{r['documents_per_side']:>9,} {r['candidates']:>7,} {r['candidate_seconds']:>7} "
              f"{r['candidate_peak_mb']:>8} {r['match_seconds']:>8} {r['embeddings_mb']:>7} "
              f"{r['peak_rss_mb']:>7} {r['precision']:>6} {r['recall']:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--part", choices=["real", "scale", "all"], default="all")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    parser.add_argument("--no-batch", action="store_true", help="skip the whole-path F1")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2],
                        help="which documents lose a side or are split (the whole path: first)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one scale size
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_scale_one(args.one)))
        return
    results = {"date": time.strftime("%Y-%m-%d"), "encoder": "use"}
    if args.part in ("real", "all"):
        if not args.data.is_dir():
            print(f"{args.data} not found: skipping the real sets")
        else:
            results["real"] = run_real(args.data, not args.no_batch, args.seeds)
            print_real(results["real"])
    if args.part in ("scale", "all"):
        results["scale"] = run_scale(args.sizes)
        print_scale(results["scale"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
