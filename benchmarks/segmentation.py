"""Sentence-boundary precision/recall/F1 on tests/data/segmentation for our segmenter,
plain sentence-splitter (library prefixes only) and, when installed, pysbd.

When ../shared/data/flores200-devtest-en-es is present, each FLORES article (its sentences joined)
is scored too. FLORES units sometimes hold two sentences, so there only recall is telling.

    python benchmarks/segmentation.py [--show-errors]

Prints a table and writes benchmarks/results/segmentation.json.
"""
from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from sentence_splitter import SentenceSplitter

from aligner.segment import split_sentences
from aligner.segment.evaluate import GoldParagraph, errors, load_gold, score

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "segmentation"
OUT = ROOT / "benchmarks" / "results" / "segmentation.json"
FLORES = ROOT.parent / "shared" / "data" / "flores200-devtest-en-es" / "docs"
LANGS = ("en", "es")


def splitters(lang: str) -> dict[str, Callable[[str], list[str]]]:
    out: dict[str, Callable[[str], list[str]]] = {
        "aligner": lambda t: split_sentences(t, lang),
        "sentence-splitter": SentenceSplitter(language=lang).split,
    }
    try:
        import pysbd
    except ImportError:
        return out
    out["pysbd"] = pysbd.Segmenter(language=lang, clean=False).segment
    return out


def flores(lang: str) -> list[GoldParagraph]:
    return [
        GoldParagraph(("flores",), tuple(ln.strip() for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()))
        for f in sorted(FLORES.glob(f"*.{lang}"))
    ]


def sets(lang: str) -> dict[str, list[GoldParagraph]]:
    out = {"testset": load_gold(DATA / f"{lang}.txt")}
    if FLORES.is_dir():
        out["flores"] = flores(lang)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", action="store_true", help="print the paragraphs each system gets wrong")
    args = ap.parse_args()
    results: dict[str, dict[str, dict]] = {}
    print(f"{'set':<9}{'lang':<5}{'system':<20}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}")
    for lang in LANGS:
        for set_name, gold in sets(lang).items():
            entry = results.setdefault(f"{set_name}/{lang}", {"paragraphs": len(gold)})
            for name, split in splitters(lang).items():
                s = score(gold, split)
                entry[name] = asdict(s)
                print(f"{set_name:<9}{lang:<5}{name:<20}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
                      f"{s.gold:6d}{s.predicted:6d}")
                if args.show_errors and set_name == "testset":
                    for g, p in errors(gold, split):
                        print(f"    gold {list(g)}\n    got  {list(p)}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
