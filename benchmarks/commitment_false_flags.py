"""Commitment flags on faithful translations: every one is a false alarm (or a real error of
the official text) to study.

Runs `CommitmentsCheck` over the gold beads of faithful EN/ES sets and reports, per set and
severity, flags per 100 English sentences, plus the share of beads with any medium-or-higher
flag. Sets: FLORES devtest and Tatoeba (line i = line i), UDHR, UN SDG, GDPR and the Bible
(gold beads over the sentence files; the Bible skips Jonah, whose versification differs) from
the shared data folder, and the project's own faithful pairs in corpora/ (their gold.en-es;
`divergent` is the deliberately faulty draft and is left out).

Targets (issue 10): medium-or-higher <= 2 per 100 sentences on FLORES, <= 1 per 100 on the
official legal sets (UN SDG, GDPR, UDHR).

Usage: python benchmarks/commitment_false_flags.py --data /work/shared/data [--show] [--out PATH]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from aligner.diverge.base import BeadText, Context
from aligner.diverge.commitments import CommitmentsCheck

ROOT = Path(__file__).resolve().parents[1]
SEVERITIES = ("high", "medium", "low")
LEGAL = ("udhr", "un-sdg", "gdpr")


@dataclass(frozen=True)
class Pair:
    where: str
    en: str
    es: str
    n_sentences: int


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _gold_pairs(en_path: Path, es_path: Path, gold_path: Path, name: str) -> Iterator[Pair]:
    en, es = _lines(en_path), _lines(es_path)
    for line in _lines(gold_path):
        if not line.strip():
            continue
        left, right = (json.loads(side) for side in line.split(":"))
        if left and right:
            yield Pair(f"{name}:{left[0]}", " ".join(en[i] for i in left), " ".join(es[k] for k in right), len(left))


def _line_pairs(en_path: Path, es_path: Path, name: str) -> Iterator[Pair]:
    for i, (en, es) in enumerate(zip(_lines(en_path), _lines(es_path))):
        yield Pair(f"{name}:{i}", en, es, 1)


def _gold_set(folder: Path, skip: tuple[str, ...] = ()) -> Iterator[Pair]:
    for gold in sorted(folder.glob("*.en-es")):
        stem = gold.name[: -len(".en-es")]
        if stem not in skip:
            yield from _gold_pairs(folder / f"{stem}.en", folder / f"{stem}.es", gold, stem)


def datasets(data: Path) -> dict[str, Iterator[Pair]]:
    flores = data / "flores200-devtest-en-es"
    tatoeba = data / "tatoeba-spa-eng"
    corpora = [d for d in sorted((ROOT / "corpora").iterdir()) if (d / "gold.en-es").exists() and d.name != "divergent"]
    return {
        "flores": _line_pairs(flores / "flores200-devtest.en", flores / "flores200-devtest.es", "flores"),
        "udhr": _gold_set(data / "udhr-en-es"),
        "un-sdg": _gold_set(data / "un-sdg-en-es"),
        "gdpr": _gold_set(data / "eu-gdpr-en-es"),
        "bible": _gold_set(data / "bible-en-es", skip=("JON",)),
        "tatoeba": _line_pairs(tatoeba / "tatoeba.spa-eng.eng", tatoeba / "tatoeba.spa-eng.spa", "tatoeba"),
        "corpora": (p for d in corpora
                    for p in _gold_pairs(d / "en.sents", d / "es.sents", d / "gold.en-es", d.name)),
    }


def measure(pairs: Iterator[Pair], check: CommitmentsCheck, show: bool) -> dict:
    ctx, counts, messages = Context("en", "es"), Counter(), Counter()
    n_sent = n_beads = flagged = 0
    for pair in pairs:
        n_sent += pair.n_sentences
        n_beads += 1
        flags = check.judge(BeadText(pair.en, pair.es), ctx)
        flagged += any(f.severity in ("high", "medium") for f in flags)
        for f in flags:
            counts[f.severity] += 1
            messages[f"{f.severity} {f.message.split(':')[0]}"] += 1
            if show:
                print(f"{pair.where}\t{f.severity}\t{f.message}\n  EN: {pair.en}\n  ES: {pair.es}")
    per100 = {s: round(100 * counts[s] / max(n_sent, 1), 2) for s in SEVERITIES}
    return {"sentences": n_sent, "beads": n_beads, "flags": dict(counts),
            "per_100_sentences": per100,
            "medium_or_higher_per_100": round(100 * (counts["high"] + counts["medium"]) / max(n_sent, 1), 2),
            "beads_flagged_medium_or_higher": flagged,
            "by_message": dict(sorted(messages.items(), key=lambda kv: (-kv[1], kv[0])))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--show", action="store_true", help="print every flag with its bead")
    parser.add_argument("--only", help="comma-separated set names")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "commitment_false_flags.json")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"error: data folder not found: {args.data}", file=sys.stderr)
        return 2
    check, results = CommitmentsCheck(), {}
    only = set(args.only.split(",")) if args.only else None
    for name, pairs in datasets(args.data).items():
        if only is None or name in only:
            results[name] = measure(pairs, check, args.show)
    print(f"{'set':<9} {'sents':>6} {'beads':>6} {'high/100':>9} {'med/100':>8} {'low/100':>8} "
          f"{'>=med/100':>10} {'flagged':>8}")
    for name, r in results.items():
        p = r["per_100_sentences"]
        print(f"{name:<9} {r['sentences']:>6} {r['beads']:>6} {p['high']:>9.2f} {p['medium']:>8.2f} "
              f"{p['low']:>8.2f} {r['medium_or_higher_per_100']:>10.2f} {r['beads_flagged_medium_or_higher']:>8}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
