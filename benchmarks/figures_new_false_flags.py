"""Figure flags on faithful translations, per corpus, and which of them are new.

Every pair read here is a correct official or professional translation, so every figure flag
is a false alarm. Corpora: FLORES-200 devtest and Tatoeba (line i = line i), the UDHR, the SDG
framework and the GDPR (units paired by id), KJV / Reina-Valera 1909 verses (by verse id). `--save FILE` keeps the flags of this run; `--against FILE`
lists the flags of this run that FILE does not hold (what a change of the figures check added)
and those it no longer raises: run it once before a change with --save, once after with
--against, and read every new flag. Also: the share of planted label renumberings (the first
label of a unit's Spanish side moved on by one) that raise a label flag.

Usage: python benchmarks/figures_new_false_flags.py --data /work/shared/data
           [--save FLAGS.json | --against FLAGS.json]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from aligner.diverge.base import BeadText, Context
from aligner.diverge.figures import FiguresCheck
from aligner.diverge.labels import find_labels
from aligner.diverge.numbers import detect_decimal_mark

RESULTS = Path(__file__).resolve().parent / "results" / "figures_new_false_flags.json"
Pair = tuple[str, str, str]  # key, English, Spanish


def _units(path: Path) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)


def _unit_docs(folder: Path) -> Iterator[list[Pair]]:
    for en_path in sorted(folder.glob("*.unit.en")):
        en, es = _units(en_path), _units(en_path.with_suffix(".es"))
        yield [(f"{en_path.name}#{uid}", en[uid], es[uid]) for uid in en if uid in es]


def _lines(name: str, en_path: Path, es_path: Path) -> Iterator[list[Pair]]:
    en = en_path.read_text(encoding="utf-8").splitlines()
    es = es_path.read_text(encoding="utf-8").splitlines()
    yield [(f"{name}#{i}", a, b) for i, (a, b) in enumerate(zip(en, es))]


def _verses(folder: Path) -> Iterator[list[Pair]]:
    # Jonah's versification differs between the two Bibles (see benchmarks/divergence.py)
    for en_path in sorted(p for p in folder.glob("*.verse.en") if not p.name.startswith("JON")):
        en, es = _units(en_path), _units(en_path.with_suffix(".es"))
        yield [(f"{en_path.name}#{vid}", en[vid], es[vid]) for vid in en if vid in es]


def corpora(root: Path) -> dict[str, Iterator[list[Pair]]]:
    flores, tatoeba = root / "flores200-devtest-en-es", root / "tatoeba-spa-eng"
    return {"flores": _lines("flores", flores / "flores200-devtest.en", flores / "flores200-devtest.es"),
            "udhr": _unit_docs(root / "udhr-en-es"), "sdg": _unit_docs(root / "un-sdg-en-es"),
            "gdpr": _unit_docs(root / "eu-gdpr-en-es"),
            "tatoeba": _lines("tatoeba", tatoeba / "tatoeba.spa-eng.eng", tatoeba / "tatoeba.spa-eng.spa"),
            "bible": _verses(root / "bible-en-es")}


def run(root: Path) -> tuple[dict[str, dict], list[dict]]:
    check = FiguresCheck()
    table: dict[str, dict] = {}
    flags: list[dict] = []
    for name, docs in corpora(root).items():
        counts, n, elapsed = Counter(), 0, 0.0
        for pairs in docs:
            ctx = Context(src_decimal=detect_decimal_mark([p[1] for p in pairs], "en"),
                          tgt_decimal=detect_decimal_mark([p[2] for p in pairs], "es"))
            for key, en, es in pairs:
                n += 1
                t0 = time.perf_counter()
                found = check.judge(BeadText(en, es), ctx)
                elapsed += time.perf_counter() - t0
                for f in found:
                    counts[f.severity] += 1
                    flags.append({"key": key, **f.to_dict()})
        table[name] = {"beads": n, "flags": sum(counts.values()), "high": counts["high"],
                       "medium": counts["medium"], "low": counts["low"],
                       "ms_per_bead": round(elapsed / max(n, 1) * 1e3, 3)}
    return table, flags


def _renumbered(label_text: str) -> str | None:
    """`label_text` with its value moved on by one: "3." -> "4.", "(b)" -> "(c)", "Artículo 5" ->
    "Artículo 6"; None for a label this does not know how to move."""
    m = re.search(r"\d+(?!.*\d)", label_text)
    if m:
        return label_text[:m.start()] + str(int(m.group()) + 1) + label_text[m.end():]
    m = re.search(r"(?<![A-Za-z])[a-y](?![A-Za-z])", label_text)
    return label_text[:m.start()] + chr(ord(m.group()) + 1) + label_text[m.end():] if m else None


def planted_labels(root: Path) -> dict:
    """Renumber the first label of the Spanish side of every unit that has labels on both
    sides, and count the beads that then raise a label flag."""
    check, n, hit = FiguresCheck(), 0, 0
    for name in ("udhr", "sdg", "gdpr"):
        for pairs in corpora(root)[name]:
            for _, en, es in pairs:
                src, tgt = find_labels(en), find_labels(es)
                moved = _renumbered(tgt[0].text) if src and tgt else None
                if moved is None:
                    continue
                n += 1
                es = es[:tgt[0].start] + moved + es[tgt[0].end:]
                hit += any(f.message.startswith("label differs") for f in check.judge(BeadText(en, es), Context()))
    return {"planted": n, "flagged": hit, "recall": round(hit / max(n, 1), 3)}


def _ident(flag: dict) -> tuple[str, str, str]:
    return flag["key"], flag["severity"], flag["message"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--save", type=Path, help="write this run's flags to FILE")
    group.add_argument("--against", type=Path, help="list flags new or gone since FILE")
    args = parser.parse_args(argv)
    if not (args.data / "flores200-devtest-en-es").is_dir():
        print(f"error: no flores200-devtest-en-es under {args.data}", file=sys.stderr)
        return 2
    table, flags = run(args.data)
    print(f"{'corpus':8} {'beads':>6} {'flags':>6} {'high':>5} {'medium':>6} {'low':>5} {'ms/bead':>8}")
    for name, row in table.items():
        print(f"{name:8} {row['beads']:6d} {row['flags']:6d} {row['high']:5d} {row['medium']:6d} "
              f"{row['low']:5d} {row['ms_per_bead']:8.3f}")
    result: dict = {"corpora": table, "planted_labels": planted_labels(args.data)}
    print("planted label renumberings (UDHR, SDG, GDPR): {planted} beads, {flagged} flagged, recall {recall}"
          .format(**result["planted_labels"]))
    if args.save:
        args.save.write_text(json.dumps(flags, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        old, now = Counter(map(_ident, before)), Counter(map(_ident, flags))
        new = [f for f in flags if _ident(f) in (now - old)]
        gone = [f for f in before if _ident(f) in (old - now)]
        for tag, group_flags in (("new", new), ("gone", gone)):
            for f in group_flags:
                print(f"{tag}\t{f['key']}\t{f['severity']}\t{f['message']}\t{f['src_evidence']!r}\t{f['tgt_evidence']!r}")
        print(f"new flags {len(new)} (high {sum(f['severity'] == 'high' for f in new)}), gone {len(gone)}")
        result |= {"new": len(new), "new_high": sum(f["severity"] == "high" for f in new), "gone": len(gone)}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
