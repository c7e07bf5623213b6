"""Perturbation benchmark of the divergence checker (aligner.diverge.judge).

Data: the official EN/ES translations of the SDG framework and of the GDPR
(`<data>/un-sdg-en-es`, `<data>/eu-gdpr-en-es`, files `*.unit.en` / `*.unit.es`, one
`<unit id>\\t<text>` per line, paired by id). Every unit is one bead. They are correct
translations, so every flag raised on them is a false alarm.

Perturbed beads: benchmarks/perturb.py plants one divergence per bead (a changed number,
a weakened obligation, a deleted or an added sentence ...), with a fixed seed, at most
`--per-type` beads per perturbation type. Units are split into a "dev" and a "test" half by a
hash of their id (`<set>/<doc>#<unit>`), the same for every perturbation type, so nothing
tuned on dev has seen a test unit. The test half is the headline; dev is for tuning.

Definitions (per flag kind k in figure | commitment | omission | addition), over the beads of
the chosen split: the untouched beads of every unit plus the perturbed beads.
  * a bead *raises* k when at least one of its flags has kind k (beads, not flags, are counted:
    a checker that reports one planted error twice is not rewarded);
  * recall    = perturbed beads of gold kind k that raise k / perturbed beads of gold kind k;
  * precision = beads rightly raising k / all beads (perturbed and untouched) that raise k.
    Rightly: perturbed with gold kind k, or a side effect -- a text perturbation of another
    kind that also changed the Spanish digits (dropping "sin perjuicio del artículo 6" loses
    a figure too). Any other flag of kind k on a perturbed bead, or on an untouched bead,
    counts against precision;
  * clean recall: recall restricted to perturbed beads whose untouched twin raises no k, so
    pre-existing false alarms cannot pass for detections;
  * false flags on untouched beads: flags of kind k per bead, beads with >= 1 flag of kind k,
    and the number of high-severity flags of kind k (official beads only).
Per perturbation type t of gold kind k: recall and clean recall as above over t's beads, and
  * paired precision = t's beads raising k / (t's beads raising k + their untouched twins
    raising k): each perturbed bead is set against its own twin, so the base rate is 1:1 and
    a flag the perturbation did not cause counts against the type.
The perturbed/untouched mix (about 150 perturbed beads per type against ~800 untouched in
each half) sets the base rate behind precision; it is a property of this benchmark, not of
real documents.

Similarity scores: the benchmark has no aligner in the loop, so two-sided beads get score
1.0 and one-sided beads 0.0. A check that relies on low scores (partial omissions) is
therefore not exercised here.

Perturbation types (benchmarks/perturb.py): changed digits, number words, dates, currencies,
scales, reversed directions of change (aumentó -> disminuyó), renumbered labels ("3." -> "5."),
a moved end of a range ("4 y 5 de junio" -> "4 y 6 de junio") -> figure; weakened obligations,
inserted or dropped negations, dropped conditions or parties, commitments turned into intentions
or studies ("se comprometen a aplicar" -> "considerarán aplicar") -> commitment; a deleted
sentence, a dropped inner item of an enumeration of three or more, a dropped time or place
phrase ("en junio", "y el Caribe") -> omission; an added sentence -> addition. The official
text has too few ranges, so `range_end` also runs on faithful pairs synthesised from units
with a date or a year (`synthesise_ranges`); their untouched versions join the cases as twins
(counted in precision, not among the untouched official beads).

Baseline: what translation QA tools do -- the multiset of numbers written with digits on
each side (group/decimal separators removed, so "1,25" matches "1.25"); a "figure" flag
(high) whenever the multisets differ.

Also reported: high-severity flags on the units of `un-sdg-en-es/number-differences.tsv`
(correct translations whose digit strings differ: must be 0), and the time per bead.

Held-out corpus: `--corpus bible` runs the same protocol on the KJV / Reina-Valera 1909
verses (`bible-en-es/*.verse.*`, paired by verse id; Jonah, whose versification differs, is
left out), which nobody tuned the checker on: another register (archaic, narrative), so its
figures say how the rules travel.

Usage: python benchmarks/divergence.py [--data ../shared/data] [--split test|dev|all]
                                        [--seed 0] [--per-type 300] [--corpus official|bible]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import perturb
from aligner.diverge import BeadText, Context, default_checks, judge
from aligner.records import FLAG_KINDS, Flag

SETS = ("un-sdg-en-es", "eu-gdpr-en-es")
BIBLE = "bible-en-es"
RESULTS = Path(__file__).resolve().parent / "results" / "divergence.json"
Judge = Callable[[BeadText, Context], list[Flag]]


@dataclass(frozen=True)
class Unit:
    key: str  # "<set>/<doc>#<unit id>", unique over the benchmark
    en: str
    es: str


@dataclass(frozen=True)
class Case:
    """One bead to judge: an untouched unit (ptype None) or a perturbed one."""

    key: str
    src: str
    tgt: str
    ctx: Context
    ptype: str | None = None
    gold: str | None = None
    also: tuple[str, ...] = ()  # other kinds a flag may rightly have (see `side_kinds`)
    synthetic: bool = False  # a faithful pair made by `synthesise_ranges`, not official text
    score: float | None = None  # the encoder's cosine of the two sides, with --encoder

    @property
    def bead(self) -> BeadText:
        if self.score is not None:
            return BeadText(self.src, self.tgt, self.score)
        return BeadText(self.src, self.tgt, 1.0 if self.src.strip() and self.tgt.strip() else 0.0)


def with_encoder(cases: Sequence[Case], name: str) -> list[Case]:
    """The cases as `check` sees them: Context.embed set and each bead scored by the encoder's
    cosine (one-sided beads keep 0). Embeddings are memoised: the checks embed the same
    clauses and items many times across perturbations of one unit."""
    from aligner.embed import get_encoder
    from aligner.embed.memo import Memo

    embed = Memo(get_encoder(name).encode)
    out = []
    for case in cases:
        score = float(np.clip(embed([case.src])[0] @ embed([case.tgt])[0], 0, 1)) \
            if case.src.strip() and case.tgt.strip() else 0.0
        out.append(replace(case, ctx=replace(case.ctx, embed=embed), score=score))
    return out


# --- data --------------------------------------------------------------------------------

def read_units(path: Path) -> dict[str, str]:
    pairs = (line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)
    return {uid: text for uid, text in pairs}


def document_context(en: Sequence[str], es: Sequence[str]) -> Context:
    """The decimal marks each document uses, as the pipeline would resolve them per document."""
    try:
        from aligner.diverge.numbers import detect_decimal_mark
    except ImportError:  # the context is an optimisation of the checks, not a requirement
        return Context()
    return Context(src_decimal=detect_decimal_mark(en, "en"), tgt_decimal=detect_decimal_mark(es, "es"))


def load(root: Path) -> list[tuple[Context, list[Unit]]]:
    """Each document's context and its units paired by id, in document order."""
    docs = []
    for name in SETS:
        for en_path in sorted((root / name).glob("*.unit.en")):
            en, es = read_units(en_path), read_units(en_path.with_suffix(".es"))
            doc = en_path.name.removesuffix(".unit.en")
            units = [Unit(f"{name}/{doc}#{uid}", en[uid], es[uid]) for uid in en if uid in es]
            docs.append((document_context([u.en for u in units], [u.es for u in units]), units))
    return docs


def load_bible(root: Path) -> list[tuple[Context, list[Unit]]]:
    """Each Bible book's verses paired by id (the verse-mapping exceptions left out)."""
    docs = []
    for en_path in sorted((root / BIBLE).glob("*.verse.en")):
        book = en_path.name.removesuffix(".verse.en")
        if book == "JON":  # Hebrew versification in RV1909: ids do not pair
            continue
        en, es = read_units(en_path), read_units(en_path.with_suffix(".es"))
        units = [Unit(f"{BIBLE}/{book}#{vid}", en[vid], es[vid]) for vid in en
                 if vid in es and vid not in ("ACT 19:40", "ACT 19:41")]
        docs.append((document_context([u.en for u in units], [u.es for u in units]), units))
    return docs


def half(key: str) -> str:
    """The split of a unit; a synthesised variant ("<key>~range") goes with its unit."""
    key = key.split("~", 1)[0]
    return "dev" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 0 else "test"


# --- synthesised ranges ----------------------------------------------------------------------

_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_YEAR = re.compile(r"(?<![\w/.,\-–])((?:19|20)\d\d)(?![\w/\-–]|[.,]\d)")
_EN_DAY_FIRST = re.compile(r"(?<![\w.,])([1-9]|[12]\d)( (?:" + "|".join(_EN_MONTHS) + r") (?:19|20)\d\d)")
_EN_MONTH_FIRST = re.compile(r"((?:" + "|".join(_EN_MONTHS) + r") )([1-9]|[12]\d)(, (?:19|20)\d\d)")
_ES_DAY = re.compile(r"(?<![\w.,])([1-9]|[12]\d)( de [a-záéíóú]+ de (?:19|20)\d\d)")


def synthesise_ranges(units: Sequence[Unit]) -> list[Unit]:
    """Faithful pairs holding a range, made from official units, for the range perturbation.

    The official SDG/GDPR text has about a dozen ranges, too few to measure; so a unit whose
    two sides write the same day-month-year date once each becomes a two-day range on both
    sides ("25 May 2018" / "May 25, 2018" -> "25-26 May 2018" / "May 25-26, 2018", Spanish
    "25 de mayo de 2018" -> "25 y 26 de mayo de 2018"), and otherwise a unit whose two sides
    write the same year once each becomes a span ending in it ("2030" -> "2027–2030" in
    English, "2027-2030" in Spanish: the dash differs, as it does in real pairs). Each is
    keyed "<unit key>~range" and stays in its unit's split.
    """
    out = []
    for u in units:
        en_days = _EN_DAY_FIRST.findall(u.en) + [(d, m) for m, d, _ in _EN_MONTH_FIRST.findall(u.en)]
        es_days = _ES_DAY.findall(u.es)
        if len(en_days) == 1 and len(es_days) == 1 and en_days[0][0] == es_days[0][0]:
            day = int(es_days[0][0])
            en = _EN_DAY_FIRST.sub(lambda m: f"{m.group(1)}-{day + 1}{m.group(2)}", u.en)
            en = _EN_MONTH_FIRST.sub(lambda m: f"{m.group(1)}{m.group(2)}-{day + 1}{m.group(3)}", en)
            es = _ES_DAY.sub(lambda m: f"{m.group(1)} y {day + 1}{m.group(2)}", u.es)
            out.append(Unit(f"{u.key}~range", en, es))
            continue
        en_years, es_years = _YEAR.findall(u.en), _YEAR.findall(u.es)
        if len(en_years) == 1 and es_years == en_years:
            start = int(en_years[0]) - 3
            out.append(Unit(f"{u.key}~range", _YEAR.sub(lambda m: f"{start}–{m.group(1)}", u.en),
                            _YEAR.sub(lambda m: f"{start}-{m.group(1)}", u.es)))
    return out


# Perturbations measured on synthesised contexts as well as on the official ones.
SYNTHESISED = {"range_end": synthesise_ranges}


# --- cases -------------------------------------------------------------------------------

def build_cases(docs: list[tuple[Context, list[Unit]]], split: str, seed: int, per_type: int) -> list[Case]:
    """Untouched beads of the split's units, then the split's share of at most `per_type`
    perturbed beads per type, sampled over both halves (so each half gets about half). A type
    listed in SYNTHESISED also perturbs synthesised variants of the units; the untouched
    variants that were perturbed join the cases (marked synthetic) as their twins."""
    units = [(ctx, u) for ctx, doc_units in docs for u in doc_units]
    donors = {h: tuple(s for _, u in units if half(u.key) == h for s in perturb.sentences(u.es))
              for h in ("dev", "test")}
    cases = [Case(u.key, u.en, u.es, ctx) for ctx, u in units]
    for p in perturb.PERTURBATIONS:
        pool = list(units)
        if p.name in SYNTHESISED:
            pool += [(ctx, v) for ctx, doc_units in docs for v in SYNTHESISED[p.name](doc_units)]
        hits, origin = [], {}
        for ctx, u in pool:
            pair = p.apply(u.en, u.es, random.Random(f"{seed}:{p.name}:{u.key}"), donors[half(u.key)])
            if pair is not None:
                hits.append(Case(u.key, pair[0], pair[1], ctx, p.name, p.kind, side_kinds(u, pair, p.kind)))
                origin[u.key] = (ctx, u)
        if len(hits) > per_type:
            keep = set(random.Random(f"{seed}:{p.name}").sample(range(len(hits)), per_type))
            hits = [c for i, c in enumerate(hits) if i in keep]
        cases.extend(hits)
        cases.extend(Case(c.key, origin[c.key][1].en, origin[c.key][1].es, c.ctx, synthetic=True)
                     for c in hits if "~" in c.key)
    return [c for c in cases if split == "all" or half(c.key) == split]


def side_kinds(unit: Unit, pair: tuple[str, str], kind: str) -> tuple[str, ...]:
    """A text edit that also changes the Spanish numbers (a dropped "salvo lo dispuesto en el
    artículo 6") plants a figure divergence too: a figure flag on it is no false alarm."""
    src, tgt = pair
    if kind != "figure" and src and tgt and digit_multiset(tgt) != digit_multiset(unit.es):
        return ("figure",)
    return ()


def run(cases: Sequence[Case], checker: Judge) -> tuple[list[list[Flag]], float]:
    """Flags per case and the total seconds spent in the checker."""
    flags, elapsed = [], 0.0
    for case in cases:
        t0 = time.perf_counter()
        flags.append(checker(case.bead, case.ctx))
        elapsed += time.perf_counter() - t0
    return flags, elapsed


# --- scoring -----------------------------------------------------------------------------

def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def score(cases: Sequence[Case], flags: Sequence[Sequence[Flag]]) -> dict:
    """Precision/recall per kind, recall and paired precision per perturbation type, and false
    flags on untouched official beads (definitions in the module docstring)."""
    raised = [{f.kind for f in fs} for fs in flags]
    twin = {c.key: r for c, r in zip(cases, raised) if c.ptype is None}
    untouched = [(c, fs) for c, fs in zip(cases, flags) if c.ptype is None and not c.synthetic]
    kinds, per_type = {}, {}
    for k in FLAG_KINDS:
        gold = [r for c, r in zip(cases, raised) if c.gold == k]
        clean = [r for c, r in zip(cases, raised) if c.gold == k and k not in twin.get(c.key, set())]
        hits = sum(k in r for r in gold)
        side_hits = sum(k in r for c, r in zip(cases, raised) if k in c.also)
        kinds[k] = {
            "gold": len(gold), "detected": hits, "raised": sum(k in r for r in raised),
            "side_hits": side_hits,
            "precision": _ratio(hits + side_hits, sum(k in r for r in raised)),
            "recall": _ratio(hits, len(gold)),
            "clean_recall": _ratio(sum(k in r for r in clean), len(clean)),
            "untouched": {
                "beads": len(untouched),
                "flags_per_bead": _ratio(sum(f.kind == k for _, fs in untouched for f in fs), len(untouched)),
                "beads_flagged": sum(any(f.kind == k for f in fs) for _, fs in untouched),
                "high": sum(f.kind == k and f.severity == "high" for _, fs in untouched for f in fs),
            },
        }
    for name in dict.fromkeys(c.ptype for c in cases if c.ptype):
        rows = [(c, r) for c, r in zip(cases, raised) if c.ptype == name]
        k = rows[0][0].gold
        hits = sum(k in r for _, r in rows)
        twins_raising = sum(k in twin.get(c.key, set()) for c, _ in rows)
        clean = [r for c, r in rows if k not in twin.get(c.key, set())]
        per_type[name] = {"kind": k, "n": len(rows), "synthetic": sum("~" in c.key for c, _ in rows),
                          "recall": _ratio(hits, len(rows)),
                          "clean_recall": _ratio(sum(k in r for r in clean), len(clean)),
                          "paired_precision": _ratio(hits, hits + twins_raising),
                          # or a flag of a kind the edit rightly raises too (a dropped "By
                          # 2030" is a missing figure): what a reviewer is shown
                          "rightful_recall": _ratio(sum(k in r or bool(r & set(c.also)) for c, r in rows),
                                                    len(rows)),
                          "any_flag": _ratio(sum(bool(r) for _, r in rows), len(rows))}
    return {"kinds": kinds, "perturbations": per_type}


# --- baseline ----------------------------------------------------------------------------

def digit_multiset(text: str) -> Counter:
    numbers, current = Counter(), ""
    for i, ch in enumerate(text + " "):
        if ch.isdigit():
            current += ch
        elif ch in ".," and current and text[i + 1:i + 2].isdigit():
            continue  # a group or decimal separator inside a number
        elif current:
            numbers[current] += 1
            current = ""
    return numbers


def digit_baseline(bead: BeadText, ctx: Context) -> list[Flag]:
    src, tgt = digit_multiset(bead.src_text), digit_multiset(bead.tgt_text)
    if src == tgt:
        return []
    return [Flag("figure", "high", "numbers differ", " ".join(sorted((src - tgt).elements())),
                 " ".join(sorted((tgt - src).elements())))]


# --- known traps -------------------------------------------------------------------------

def number_differences(root: Path, docs: list[tuple[Context, list[Unit]]],
                       checkers: dict[str, Judge]) -> dict:
    """Flags on the SDG units whose digits legitimately differ between the languages."""
    path = root / "un-sdg-en-es" / "number-differences.tsv"
    ids = {line.split("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()
           if line and not line.startswith("#")}
    traps = [(ctx, u) for ctx, units in docs for u in units
             if u.key.startswith("un-sdg-en-es/") and u.key.split("#", 1)[1] in ids]
    out = {"units": len(traps)}
    for name, checker in checkers.items():
        flags = [(u.key, f) for ctx, u in traps for f in checker(BeadText(u.en, u.es), ctx)]
        out[name] = {"flags": len(flags), "high": sum(f.severity == "high" for _, f in flags),
                     "high_units": sorted({k for k, f in flags if f.severity == "high"})}
    return out


# --- report ------------------------------------------------------------------------------

def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def table(ours: dict, base: dict) -> str:
    lines = [f"{'kind':<11} {'gold':>5} | {'ours P':>6} {'ours R':>6} {'clean R':>7} | "
             f"{'base P':>6} {'base R':>6} | {'untouched: flags/bead':>21} {'beads>=1':>8} {'high':>5}"]
    for k in FLAG_KINDS:
        o, b, u = ours["kinds"][k], base["kinds"][k], ours["kinds"][k]["untouched"]
        lines.append(f"{k:<11} {o['gold']:>5} | {_fmt(o['precision']):>6} {_fmt(o['recall']):>6} "
                     f"{_fmt(o['clean_recall']):>7} | {_fmt(b['precision']):>6} {_fmt(b['recall']):>6} | "
                     f"{_fmt(u['flags_per_bead']):>21} {u['beads_flagged']:>8} {u['high']:>5}")
    lines.append("")
    lines.append(f"{'perturbation':<16} {'kind':<11} {'n':>4} {'synth':>5} {'ours R':>7} {'clean R':>7} "
                 f"{'pair P':>6} {'right R':>7} {'any flag':>8} {'base R':>7} {'base pP':>7}")
    for name, o in ours["perturbations"].items():
        b = base["perturbations"][name]
        lines.append(f"{name:<16} {o['kind']:<11} {o['n']:>4} {o['synthetic']:>5} {_fmt(o['recall']):>7} "
                     f"{_fmt(o['clean_recall']):>7} {_fmt(o['paired_precision']):>6} "
                     f"{_fmt(o['rightful_recall']):>7} {_fmt(o['any_flag']):>8} "
                     f"{_fmt(b['recall']):>7} {_fmt(b['paired_precision']):>7}")
    return "\n".join(lines)


def save(split: str, result: dict, path: Path = RESULTS) -> None:
    """Keep one entry per split in the JSON file, so dev and test runs do not erase each other."""
    saved = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    saved[split] = result
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(saved, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-type", type=int, default=300)
    parser.add_argument("--corpus", choices=("official", "bible"), default="official")
    parser.add_argument("--encoder", default="use",
                        help="give the checks an encoder as `check` does; 'none' judges the words alone")
    args = parser.parse_args(argv)
    needed = SETS if args.corpus == "official" else (BIBLE,)
    if not all((args.data / name).is_dir() for name in needed):
        print(f"no benchmark data under {args.data} (need {', '.join(needed)}); nothing to do")
        return 0

    docs = load(args.data) if args.corpus == "official" else load_bible(args.data)
    checks = default_checks()
    checkers: dict[str, Judge] = {"ours": lambda b, c: judge(b, c, checks), "baseline": digit_baseline}
    cases = build_cases(docs, args.split, args.seed, args.per_type)
    if args.encoder != "none":
        cases = with_encoder(cases, args.encoder)
    results, timing = {}, {}
    for name, checker in checkers.items():
        flags, seconds = run(cases, checker)
        results[name] = score(cases, flags)
        timing[name] = round(seconds / len(cases) * 1e3, 4)
    traps = number_differences(args.data, docs, checkers) if args.corpus == "official" else None

    n_untouched = sum(c.ptype is None and not c.synthetic for c in cases)
    n_synthetic = sum(c.synthetic for c in cases)
    print(f"{args.corpus} split {args.split}, seed {args.seed}, encoder {args.encoder}: {n_untouched} untouched beads, "
          f"{len(cases) - n_untouched - n_synthetic} perturbed beads, {n_synthetic} synthesised twins")
    print(table(results["ours"], results["baseline"]))
    if traps:
        print(f"\nnumber-differences.tsv ({traps['units']} correct units with differing digits): "
              f"ours {traps['ours']['high']} high-severity flags ({traps['ours']['flags']} in all), "
              f"baseline {traps['baseline']['flags']} flags")
    print(f"time per bead: ours {timing['ours']:.3f} ms, baseline {timing['baseline']:.3f} ms")
    key = args.split if args.corpus == "official" else f"bible/{args.split}"
    save(key if args.encoder == "none" else f"{key}/{args.encoder}", {"seed": args.seed, "per_type": args.per_type, "untouched_beads": n_untouched,
                      "perturbed_beads": len(cases) - n_untouched - n_synthetic,
                      "synthesised_twins": n_synthetic, "ours": results["ours"],
                      "baseline": results["baseline"], "number_differences": traps,
                      "ms_per_bead": timing})
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
