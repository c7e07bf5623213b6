"""False flags of the divergence checker on faithful translations, per 100 sentences and severity.

Every set here is a correct translation, so every flag is a false alarm -- or a real error in
the official text, which is why the high flags of the official sets are listed one by one
with a place for a verdict.

Sets (under --data, read its README.md): FLORES-200 devtest (per article), the UDHR, the UN
SDG framework, the EU GDPR, the Bible (KJV / Reina-Valera 1909, Jonah left out: its verse ids
do not pair), Tatoeba (1000 independent pairs, judged as one document); and the faithful pairs
of corpora/ (every folder without a flags.gold.jsonl).

Two ways to judge the data sets, both on the gold beads (no aligner in the loop, so a flag is
the checker's, not the aligner's):
  * plain:   score 1.0 for a two-sided bead, 0.0 for a one-sided one, no encoder in the
             Context (what benchmarks/divergence.py does);
  * encoder: the score the aligner would give the bead -- the cosine of the two sides' summed
             sentence vectors for a two-sided bead, 1 - the mean of the `neighbours` best
             similarities for a one-sided one -- and Context(embed=encoder.encode), so checks
             that compare parts of a bead by meaning run as they do in `aligner check`.
corpora/ pairs go through the real pipeline: `aligner.check` on en.md / es.md with the
default encoder (their own alignment, not the gold).

Counted: flags of each severity per 100 English sentences of the judged beads. One-sided
gold beads (the UDHR's Spanish-only adoption note, "Now, therefore,") are real insertions and
deletions: they are left out of the rates and reported apart.

Verdicts: benchmarks/faithful_verdicts.jsonl, one JSON object per judged high flag
({"set", "unit", "kind", "tgt_evidence", "verdict", "by", "why"}; verdict "real error in the official
text" or "false"), is merged into the listing by (set, unit, kind, tgt_evidence), so a verdict
survives reruns until the flag changes.

Embeddings are cached on disk (--cache-dir), so a second run spends its time in the checks.

Usage: python benchmarks/faithful_flags.py --data /work/shared/data [--variant both|plain|encoder]
                                           [--sets flores,udhr,...] [--cache-dir DIR]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from aligner.aligning.params import AlignParams
from aligner.diverge import BeadText, Context, default_checks, judge
from aligner.diverge.numbers import detect_decimal_mark
from aligner.goldfile import read_beads
from aligner.records import SEVERITIES, Flag

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "faithful_flags.json"
VERDICTS = HERE / "faithful_verdicts.jsonl"
CORPORA = HERE.parent / "corpora"
OFFICIAL = ("udhr", "sdg", "gdpr")


@dataclass(frozen=True)
class Doc:
    """One document of a set: its sentences, its gold beads and the unit id of each bead."""

    name: str
    en: tuple[str, ...]
    es: tuple[str, ...]
    beads: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]
    units: tuple[str, ...]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _doc(stem: Path, name: str, ids: bool = True) -> Doc:
    """A document stored as <stem>.en/.es/.en-es (+ .unitid.en/.es naming each sentence's unit)."""
    en, es = _lines(stem.with_name(stem.name + ".en")), _lines(stem.with_name(stem.name + ".es"))
    beads = tuple(read_beads(stem.with_name(stem.name + ".en-es")))
    if ids:
        en_ids = _lines(stem.with_name(stem.name + ".unitid.en"))
        es_ids = _lines(stem.with_name(stem.name + ".unitid.es"))
        units = tuple(en_ids[s[0]] if s else es_ids[t[0]] for s, t in beads)
    else:
        units = tuple(f"{name}#{s[0] if s else t[0]}" for s, t in beads)
    return Doc(name, tuple(en), tuple(es), beads, units)


def _stems(folder: Path, pattern: str) -> list[Path]:
    """<folder>/<name>.en files ("gdpr-01-chapter.en", not "gdpr-01-chapter.unit.en")."""
    return sorted(p for p in folder.glob(pattern) if p.name.count(".") == 1)


def load_set(root: Path, name: str) -> list[Doc]:
    if name == "flores":
        return [_doc(p.with_suffix(""), p.stem, ids=False)
                for p in _stems(root / "flores200-devtest-en-es" / "docs", "f*.en")]
    if name == "udhr":
        return [_doc(root / "udhr-en-es" / "udhr", "udhr")]
    if name == "sdg":
        return [_doc(p.with_suffix(""), p.stem) for p in _stems(root / "un-sdg-en-es", "sdg-??.en")]
    if name == "gdpr":
        return [_doc(p.with_suffix(""), p.stem) for p in _stems(root / "eu-gdpr-en-es", "gdpr-*.en")]
    if name == "bible":
        return [_doc(p.with_suffix(""), p.stem) for p in _stems(root / "bible-en-es", "*.en")
                if p.stem != "JON"]
    if name == "tatoeba":
        folder = root / "tatoeba-spa-eng"
        en, es = _lines(folder / "tatoeba.spa-eng.eng"), _lines(folder / "tatoeba.spa-eng.spa")
        return [Doc("tatoeba", tuple(en), tuple(es), tuple(((i,), (i,)) for i in range(len(en))),
                    tuple(f"tatoeba#{i}" for i in range(len(en))))]
    raise ValueError(name)


SETS = ("flores", "udhr", "sdg", "gdpr", "bible", "tatoeba")
FOLDERS = {"flores": "flores200-devtest-en-es", "udhr": "udhr-en-es", "sdg": "un-sdg-en-es",
           "gdpr": "eu-gdpr-en-es", "bible": "bible-en-es", "tatoeba": "tatoeba-spa-eng"}


# --- judging -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Judged:
    unit: str
    src: str
    tgt: str
    one_sided: bool
    flags: tuple[Flag, ...]


def bead_scores(doc: Doc, en_vecs: np.ndarray, es_vecs: np.ndarray, neighbours: int) -> list[float]:
    """The aligner's confidence for each gold bead (aligning/search.py `_confidence`)."""
    sims = en_vecs @ es_vecs.T if len(en_vecs) and len(es_vecs) else np.zeros((len(en_vecs), len(es_vecs)))
    scores = []
    for src, tgt in doc.beads:
        if src and tgt:
            a, b = en_vecs[list(src)].sum(axis=0), es_vecs[list(tgt)].sum(axis=0)
            cos = float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b) or 1.0))
        else:
            row = sims[src[0]] if src else sims[:, tgt[0]]
            best = np.sort(row)[::-1][:neighbours]
            cos = 1.0 - float(best.mean()) if len(best) else 0.0
        scores.append(float(np.clip(cos, 0.0, 1.0)))
    return scores


def judge_doc(doc: Doc, checks, encoder=None) -> Iterator[Judged]:
    ctx = Context(src_decimal=detect_decimal_mark(list(doc.en), "en"),
                  tgt_decimal=detect_decimal_mark(list(doc.es), "es"),
                  embed=encoder.encode if encoder is not None else None)
    if encoder is not None:
        scores = bead_scores(doc, encoder.encode(list(doc.en)), encoder.encode(list(doc.es)),
                             AlignParams().neighbours)
    else:
        scores = [1.0 if s and t else 0.0 for s, t in doc.beads]
    for (src, tgt), unit, score in zip(doc.beads, doc.units, scores):
        text = BeadText(" ".join(doc.en[i] for i in src), " ".join(doc.es[j] for j in tgt), score, src, tgt)
        yield Judged(unit, text.src_text, text.tgt_text, not (src and tgt), tuple(judge(text, ctx, checks)))


def judge_corpus_pair(folder: Path, cache_dir: Path) -> tuple[list[Judged], int]:
    """`aligner.check` on a corpora/ pair, as a user would run it; its English sentence count."""
    import aligner

    src = next(p for p in (folder / "en.md", folder / "en.txt") if p.exists())
    tgt = next(p for p in (folder / "es.md", folder / "es.txt") if p.exists())
    alignment = aligner.check(src, tgt, cache_dir=cache_dir)
    judged = [Judged(f"{folder.name}#{list(b.src)}:{list(b.tgt)}", alignment.src_text(b),
                     alignment.tgt_text(b), not (b.src and b.tgt), b.flags) for b in alignment.beads]
    return judged, len(alignment.src)


def faithful_pairs(corpora: Path = CORPORA) -> list[Path]:
    return sorted(p for p in corpora.iterdir() if p.is_dir() and (p / "en.sents").exists()
                  and not (p / "flags.gold.jsonl").exists()) if corpora.is_dir() else []


# --- summary -------------------------------------------------------------------------------

def summarise(judged: Sequence[Judged], sentences: int) -> dict:
    """Flags per 100 English sentences by severity (two-sided beads), and by kind."""
    two = [j for j in judged if not j.one_sided]
    by_sev = Counter(f.severity for j in two for f in j.flags)
    by_kind = Counter(f"{f.kind}/{f.severity}" for j in two for f in j.flags)
    per100 = {s: round(100 * by_sev[s] / sentences, 3) if sentences else None for s in SEVERITIES}
    return {"sentences": sentences, "beads": len(two), "one_sided_beads": len(judged) - len(two),
            "one_sided_flags": sum(len(j.flags) for j in judged if j.one_sided),
            "flags": {s: by_sev[s] for s in SEVERITIES}, "per_100_sentences": per100,
            "beads_with_medium_or_high": sum(any(f.severity != "low" for f in j.flags) for j in two),
            "by_kind": dict(sorted(by_kind.items()))}


def high_flags(set_name: str, variant: str, judged: Sequence[Judged], verdicts: dict) -> list[dict]:
    out = []
    for j in judged:
        for f in j.flags:
            if f.severity != "high":
                continue
            key = (set_name, j.unit, f.kind, f.tgt_evidence)
            known = verdicts.get(key, {})
            out.append({"set": set_name, "variant": variant, "unit": j.unit, "one_sided": j.one_sided,
                        "kind": f.kind, "message": f.message, "src_evidence": f.src_evidence,
                        "tgt_evidence": f.tgt_evidence, "en": j.src, "es": j.tgt,
                        "verdict": known.get("verdict"), "verdict_by": known.get("by"),
                        "verdict_why": known.get("why")})
    return out


def read_verdicts(path: Path = VERDICTS) -> dict:
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(r["set"], r["unit"], r["kind"], r["tgt_evidence"]): r for r in rows}


def _fmt(x) -> str:
    return "   -  " if x is None else f"{x:6.2f}"


def table(rows: dict) -> str:
    lines = [f"{'set':<36} {'variant':<8} {'sents':>6} {'beads':>6} | {'low/100':>7} {'med/100':>7} "
             f"{'high/100':>8} | {'high':>4} {'1-sided':>7}"]
    for (name, variant), r in rows.items():
        p = r["per_100_sentences"]
        lines.append(f"{name:<36} {variant:<8} {r['sentences']:>6} {r['beads']:>6} | {_fmt(p['low']):>7} "
                     f"{_fmt(p['medium']):>7} {_fmt(p['high']):>8} | {r['flags']['high']:>4} "
                     f"{r['one_sided_flags']:>7}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=HERE.parents[1] / "shared" / "data")
    parser.add_argument("--variant", choices=("both", "plain", "encoder"), default="both")
    parser.add_argument("--sets", default=",".join(SETS + ("corpora",)),
                        help="comma-separated: " + ", ".join(SETS + ("corpora",)))
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "aligner-faithful-cache")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in SETS + ("corpora",)]
    if unknown:
        print(f"unknown set(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    present = [s for s in wanted if s == "corpora" or (args.data / FOLDERS[s]).is_dir()]
    if present != wanted:
        print(f"no data for {', '.join(s for s in wanted if s not in present)} under {args.data}; skipped")

    variants = ("plain", "encoder") if args.variant == "both" else (args.variant,)
    encoder = None
    if "encoder" in variants or "corpora" in present:
        from aligner.embed import get_encoder

        encoder = get_encoder("use", args.cache_dir)
    checks = default_checks()
    verdicts = read_verdicts()
    rows, highs, seconds = {}, [], {}
    for name in present:
        t0 = time.perf_counter()
        if name == "corpora":
            for folder in faithful_pairs():
                judged, n = judge_corpus_pair(folder, args.cache_dir)
                rows[(f"corpora/{folder.name}", "check")] = summarise(judged, n)
                highs += high_flags(f"corpora/{folder.name}", "check", judged, verdicts)
            seconds[name] = round(time.perf_counter() - t0, 1)
            continue
        docs = load_set(args.data, name)
        n = sum(len({i for s, _ in d.beads if s for i in s}) for d in docs)
        for variant in variants:
            judged = [j for d in docs for j in judge_doc(d, checks, encoder if variant == "encoder" else None)]
            rows[(name, variant)] = summarise(judged, n)
            highs += high_flags(name, variant, judged, verdicts)
        seconds[name] = round(time.perf_counter() - t0, 1)

    print(table(rows))
    official = [h for h in highs if h["set"] in OFFICIAL]
    print(f"\nhigh flags on the official sets ({len(official)}):")
    for h in official:
        print(f"  [{h['set']} {h['variant']}] {h['unit']}: {h['kind']}: {h['message']} "
              f"(EN {h['src_evidence']!r} / ES {h['tgt_evidence']!r}) verdict: {h['verdict'] or '?'}")
    verdicts_seen = Counter(h["verdict"] or "no verdict yet" for h in official)
    print("  verdicts: " + ", ".join(f"{v} {n}" for v, n in sorted(verdicts_seen.items())))
    others = Counter((h["set"], h["variant"], h["kind"]) for h in highs if h["set"] not in OFFICIAL)
    if others:
        print("\nhigh flags elsewhere (listed in the JSON): " + ", ".join(
            f"{s} {v} {k} {n}" for (s, v, k), n in sorted(others.items())))
    print(f"\nseconds per set: {seconds}")
    result = {"sets": {f"{n}/{v}": r for (n, v), r in rows.items()}, "high_flags": highs,
              "seconds": seconds}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
