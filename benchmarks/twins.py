"""Recall and precision of `aligner check` on the divergent twins in corpora/, per flag kind.

A divergent twin is a corpora/ folder with a flags.gold.jsonl: a faulty Spanish draft with
planted disagreements, one JSON object per disagreement naming the gold bead that holds it
(corpora/README.md). The twin goes through the real pipeline, `aligner.check` on en.md /
es.md with the default encoder, so the aligner's own beads are judged, not the gold ones.

Matching: a predicted bead *covers* a gold flag when it shares a sentence with the gold bead
(an English one, or for an addition a Spanish one). Over the flags of medium or high severity
(low flags are hints, not claims):
  * recall of kind k    = gold flags of kind k covered by a bead raising k / gold flags of kind k;
  * precision of kind k = beads raising k that cover some gold flag of kind k / beads raising k.
A bead raising a kind twice counts once. Totals are the same over all kinds together.
  * clean recall: recall counting only the gold flags whose English sentences raise no claim
    of that kind in the faithful pair the twin was made from (its `aligner check` output), so
    a false alarm the faithful text raises too ("June 4-5" read as a changed date) cannot
    pass for a detection. Additions have no English and are always clean.

Usage: python benchmarks/twins.py [--cache-dir DIR]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aligner.records import FLAG_KINDS, Alignment

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent / "corpora"
RESULTS = HERE / "results" / "twins.json"
CLAIMS = ("medium", "high")


@dataclass(frozen=True)
class GoldFlag:
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    kind: str
    note: str


def twins(corpora: Path = CORPORA) -> list[Path]:
    return sorted(p for p in corpora.iterdir() if (p / "flags.gold.jsonl").exists()) if corpora.is_dir() else []


def read_gold(folder: Path) -> list[GoldFlag]:
    rows = [json.loads(line) for line in (folder / "flags.gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [GoldFlag(tuple(r["src"]), tuple(r["tgt"]), r["kind"], r["note"]) for r in rows]


def faithful_of(twin: Path) -> Path | None:
    """The clean pair a twin was made from: divergent-X -> X (divergent -> security-communique)."""
    name = "security-communique" if twin.name == "divergent" else twin.name.removeprefix("divergent-")
    pair = twin.parent / name
    return pair if (pair / "en.md").exists() and name != twin.name else None


def check_twin(folder: Path, cache_dir: Path | None = None, encoder="use") -> Alignment:
    import aligner

    return aligner.check(folder / "en.md", folder / "es.md", encoder=encoder, cache_dir=cache_dir)


def _covers(src: Sequence[int], tgt: Sequence[int], gold: GoldFlag) -> bool:
    return bool(set(src) & set(gold.src)) or (not gold.src and bool(set(tgt) & set(gold.tgt)))


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _raised(alignment: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...], set[str]]]:
    return [(b.src, b.tgt, {f.kind for f in b.flags if f.severity in CLAIMS}) for b in alignment.beads]


def score(alignment: Alignment, gold: Sequence[GoldFlag], faithful: Alignment | None = None) -> dict:
    """Per-kind and overall recall/precision of the alignment's flags against the gold flags,
    and the gold flags missed and the claims no gold flag backs (definitions above); with the
    faithful pair's alignment, clean recall too."""
    raised = _raised(alignment)
    found = [g for g in gold if any(g.kind in kinds and _covers(s, t, g) for s, t, kinds in raised)]
    before = _raised(faithful) if faithful is not None else []
    clean = [g for g in found if not any(g.kind in kinds and set(s) & set(g.src) for s, _, kinds in before)]
    claims = [(s, t, k) for s, t, kinds in raised for k in kinds]
    right = [(s, t, k) for s, t, k in claims if any(g.kind == k and _covers(s, t, g) for g in gold)]
    per_kind = {}
    for k in FLAG_KINDS:
        n_gold = sum(g.kind == k for g in gold)
        n_claims = sum(c[2] == k for c in claims)
        per_kind[k] = {"gold": n_gold, "found": sum(g.kind == k for g in found), "claims": n_claims,
                       "recall": _ratio(sum(g.kind == k for g in found), n_gold),
                       "clean_recall": _ratio(sum(g.kind == k for g in clean), n_gold) if faithful else None,
                       "precision": _ratio(sum(c[2] == k for c in right), n_claims)}
    return {"gold": len(gold), "found": len(found), "claims": len(claims),
            "recall": _ratio(len(found), len(gold)), "precision": _ratio(len(right), len(claims)),
            "clean_recall": _ratio(len(clean), len(gold)) if faithful else None,
            "kinds": per_kind,
            "missed": [g.note for g in gold if g not in found],
            "unbacked": [f"{list(s)}:{list(t)} {k}" for s, t, k in claims if (s, t, k) not in right]}


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def table(results: dict) -> str:
    lines = [f"{'twin':<40} {'kind':<11} {'gold':>4} {'found':>5} {'claims':>6} {'R':>6} {'clean R':>7} {'P':>6}"]
    for name, r in results.items():
        for k, v in list(r["kinds"].items()) + [("ALL", r)]:
            if v["gold"] or v["claims"]:
                lines.append(f"{name:<40} {k:<11} {v['gold']:>4} {v['found']:>5} {v['claims']:>6} "
                             f"{_fmt(v['recall']):>6} {_fmt(v['clean_recall']):>7} {_fmt(v['precision']):>6}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "aligner-faithful-cache")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    results = {}
    for folder in twins():
        pair = faithful_of(folder)
        faithful = check_twin(pair, args.cache_dir) if pair else None
        results[folder.name] = score(check_twin(folder, args.cache_dir), read_gold(folder), faithful)
    print(table(results))
    for name, r in results.items():
        for note in r["missed"]:
            print(f"  missed [{name}]: {note}")
        for claim in r["unbacked"]:
            print(f"  unbacked [{name}]: {claim}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
