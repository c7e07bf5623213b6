"""Benchmark of the translation-QA checks: terminology, consistency, untranslated text and
names (codes, links, people's names), on faithful official text and with planted errors.

Data: the aligned units of UN SDG, EU GDPR and UDHR (`*.unit.en`/`*.unit.es` paired by id,
one bead per unit, one document per file), FLORES devtest (one bead per line, one document
per article) and the faithful corpora/ pairs (their gold beads). Glossaries for the official
sets are ours, in benchmarks/glossaries/ (GDPR: "controller" = "responsable del tratamiento",
"supervisory authority" = "autoridad de control" ...).

Planted errors, one per bead, each bead judged inside its own document:
  * terminology/synonym: a glossary rendering found in the Spanish replaced by a synonym the
    glossary does not list (in whatever inflection the text has it: the span the matcher
    finds is replaced, plural kept by adding -s/-es);
  * terminology/forbidden: the same rendering replaced by the entry's forbidden term;
  * consistency: a sentence of 6+ words repeated at the end of its document with a Spanish
    rendering that differs in one word (two adjacent words swapped);
  * untranslated/identical: the Spanish replaced by the English; untranslated/mostly: the
    Spanish replaced by the English with its first three words in Spanish;
  * name/dropped: a person's name that both sides spell alike removed from the Spanish;
  * name/code: a URL, e-mail address or UN symbol added to the English only.
Recall = planted beads raising their kind / planted beads. False flags: flags of each kind
per 100 sentences of the untouched text, by severity.

Time: `check` on a 1,012-sentence pair (FLORES devtest, one sentence a line, encoder loaded
beforehand): what a 500-term glossary (the GDPR/SDG/UDHR terms plus generated two-word terms)
adds to the time of align + judge (see `timing`).

Usage: python benchmarks/qa_checks.py [--data ../shared/data] [--seed 0]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from aligner.diverge import BeadText, Context, build_checks, judge_document
from aligner.diverge.names import person_names
from aligner.records import SEVERITIES
from aligner.terms import Glossary, TermIndex, read_glossary

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "qa_checks.json"
QA = ("terminology", "consistency", "untranslated", "names", "typography")
KINDS = ("terminology", "consistency", "untranslated", "name", "typography")
GLOSSARIES = {"eu-gdpr-en-es": "gdpr.csv", "un-sdg-en-es": "sdg.csv", "udhr-en-es": "udhr.csv"}
# Synonyms a careless translator might use instead of the glossary's rendering.
SYNONYMS = {"responsable del tratamiento": "encargado de los datos", "responsable": "gestor",
            "encargado del tratamiento": "operador", "encargado": "operador",
            "autoridad de control": "autoridad reguladora", "interesado": "afectado",
            "datos personales": "informaciones personales", "Estado miembro": "país socio",
            "tercer país": "país externo", "consentimiento": "permiso",
            "desarrollo sostenible": "crecimiento duradero", "países en desarrollo": "países pobres",
            "indicador": "medidor", "meta": "finalidad", "ecosistemas": "hábitats",
            "derechos humanos": "derechos básicos", "libertades fundamentales": "libertades esenciales",
            "dignidad": "honra", "energía renovable": "energía limpia"}
CODES = ("https://www.un.org/sustainabledevelopment/", "info@ohchr.org", "A/RES/70/1",
         "https://eur-lex.europa.eu/eli/reg/2016/679/oj", "S/2023/123")


@dataclass(frozen=True)
class Doc:
    set: str
    name: str
    beads: tuple[BeadText, ...]
    glossary: Glossary | None


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _units(path: Path) -> dict[str, str]:
    rows = (line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)
    return dict(rows)


def load(data: Path) -> list[Doc]:
    docs = []
    for name in ("un-sdg-en-es", "eu-gdpr-en-es", "udhr-en-es"):
        glossary = read_glossary(HERE / "glossaries" / GLOSSARIES[name])
        for en_path in sorted((data / name).glob("*.unit.en")):
            en, es = _units(en_path), _units(en_path.with_suffix(".es"))
            # composed, as the matcher's spans are (the SDG Spanish writes some accents decomposed)
            beads = tuple(BeadText(nfc(en[k]), nfc(es[k])) for k in en if k in es)
            docs.append(Doc(name, en_path.name, beads, glossary))
    flores = data / "flores200-devtest-en-es"
    if flores.is_dir():
        en = (flores / "flores200-devtest.en").read_text(encoding="utf-8").splitlines()
        es = (flores / "flores200-devtest.es").read_text(encoding="utf-8").splitlines()
        docs.append(Doc("flores200-devtest-en-es", "devtest", tuple(map(BeadText, en, es)), None))
    return docs + corpora_docs()


def corpora_docs() -> list[Doc]:
    glossary = read_glossary(ROOT / "corpora" / "glossary.csv")
    docs = []
    for gold in sorted(ROOT.glob("corpora/*/gold.en-es")):
        if gold.parent.name == "divergent" or (gold.parent / "flags.gold.jsonl").exists():
            continue
        en = (gold.parent / "en.sents").read_text(encoding="utf-8").splitlines()
        es = (gold.parent / "es.sents").read_text(encoding="utf-8").splitlines()
        beads = []
        for line in gold.read_text(encoding="utf-8").splitlines():
            s, t = (json.loads(side) for side in line.split(":"))
            beads.append(BeadText(" ".join(en[i] for i in s), " ".join(es[j] for j in t),
                                  1.0 if s and t else 0.0))
        docs.append(Doc("corpora", gold.parent.name, tuple(beads), glossary))
    return docs


# --- planting --------------------------------------------------------------------------

def _replace(text: str, start: int, end: int, new: str) -> str:
    old = text[start:end]
    if old.endswith("s") and not new.endswith("s"):
        new = new + ("es" if new[-1] not in "aeiou" else "s")
    if old[:1].isupper():
        new = new[:1].upper() + new[1:]
    return text[:start] + new + text[end:]


def plant_terminology(doc: Doc, rng: random.Random) -> list[tuple[str, int, BeadText]]:
    if doc.glossary is None:
        return []
    entries = doc.glossary.entries
    en_ix = TermIndex("en", ((k, t, False) for k, e in enumerate(entries) for t in e.en))
    es_ix = TermIndex("es", ((k, t, False) for k, e in enumerate(entries) for t in e.es))
    out = []
    for n, bead in enumerate(doc.beads):
        wanted = {m.key for m in en_ix.find(bead.src_text)}
        found = [m for m in es_ix.find(bead.tgt_text) if m.key in wanted]
        if not found:
            continue
        m = rng.choice(found)
        entry = entries[m.key]
        rendering = next((r for r in entry.es if r.lower() in SYNONYMS), None)
        if rendering and all(x.key != m.key or x is m for x in found):
            out.append(("terminology/synonym", n,
                        BeadText(bead.src_text, _replace(bead.tgt_text, m.start, m.end, SYNONYMS[rendering.lower()]))))
        if entry.forbidden:
            out.append(("terminology/forbidden", n,
                        BeadText(bead.src_text, _replace(bead.tgt_text, m.start, m.end, entry.forbidden[0]))))
    return out


def plant_untranslated(doc: Doc, rng: random.Random) -> list[tuple[str, int, BeadText]]:
    out = []
    for n, bead in enumerate(doc.beads):
        en, es = bead.src_text.split(), bead.tgt_text.split()
        if len(en) < 6 or len(es) < 3 or rng.random() > 0.3:
            continue
        out.append(("untranslated/identical", n, BeadText(bead.src_text, bead.src_text)))
        out.append(("untranslated/mostly", n, BeadText(bead.src_text, " ".join(es[:3] + en[3:]))))
    return out


def plant_names(doc: Doc, rng: random.Random) -> list[tuple[str, int, BeadText]]:
    out = []
    for n, bead in enumerate(doc.beads):
        for name in person_names(bead.src_text):
            if name in bead.tgt_text:
                out.append(("name/dropped", n, BeadText(bead.src_text, " ".join(bead.tgt_text.replace(name, "").split()))))
                break
        if len(bead.src_text.split()) >= 6 and rng.random() < 0.1:
            code = rng.choice(CODES)
            out.append(("name/code", n, BeadText(f"{bead.src_text.rstrip('.')} ({code}).", bead.tgt_text)))
    return out


def plant_consistency(doc: Doc, rng: random.Random) -> list[tuple[str, int, BeadText]]:
    out = []
    for n, bead in enumerate(doc.beads):
        es = bead.tgt_text.split()
        if len(bead.src_text.split()) >= 6 and len(es) >= 6 and rng.random() < 0.2:
            i = rng.randrange(1, len(es) - 2)
            es[i], es[i + 1] = es[i + 1], es[i]
            out.append(("consistency", len(doc.beads), BeadText(bead.src_text, " ".join(es))))
    return out


def planted_cases(doc: Doc, seed: int) -> list[tuple[str, tuple[BeadText, ...], int]]:
    """(plant type, the document's beads with the plant, index of the planted bead)."""
    rng = random.Random(f"{seed}:{doc.set}:{doc.name}")
    cases = []
    for plant in (plant_terminology, plant_untranslated, plant_names):
        for ptype, n, bead in plant(doc, rng):
            cases.append((ptype, doc.beads[:n] + (bead,) + doc.beads[n + 1:], n))
    for ptype, n, bead in plant_consistency(doc, rng):
        cases.append((ptype, doc.beads + (bead,), n))
    return cases


# --- scoring --------------------------------------------------------------------------

def kind_of(ptype: str) -> str:
    return ptype.split("/")[0]


def false_flags(docs: list[Doc]) -> dict:
    per_set: dict[str, dict] = {}
    listed = []
    for doc in docs:
        checks = build_checks(QA, doc.glossary)
        flags = judge_document(doc.beads, Context(), checks)
        row = per_set.setdefault(doc.set, {"sentences": 0, "counts": Counter()})
        row["sentences"] += len(doc.beads)
        for bead, found in zip(doc.beads, flags):
            for f in found:
                row["counts"][(f.kind, f.severity)] += 1
                listed.append({"set": doc.set, "doc": doc.name, "kind": f.kind, "severity": f.severity,
                               "message": f.message, "src": f.src_evidence[:120], "tgt": f.tgt_evidence[:120]})
    out = {}
    for name, row in per_set.items():
        out[name] = {"sentences": row["sentences"], "per_100": {
            k: {s: round(100 * row["counts"][(k, s)] / row["sentences"], 3) for s in SEVERITIES}
            for k in KINDS}}
    return {"sets": out, "flags": listed}


def recall(docs: list[Doc], seed: int) -> dict:
    """Per-bead plants are judged alone (their kinds need no document); a planted repeat is
    judged with its whole document by the consistency check."""
    hits, totals = Counter(), Counter()
    for doc in docs:
        checks = build_checks(QA, doc.glossary)
        consistency = build_checks(("consistency",))
        for ptype, beads, n in planted_cases(doc, seed):
            if kind_of(ptype) == "consistency":
                flags = judge_document(beads, Context(), consistency)[-1]
            else:
                flags = judge_document([beads[n]], Context(), checks)[0]
            totals[ptype] += 1
            hits[ptype] += any(f.kind == ("name" if kind_of(ptype) == "name" else kind_of(ptype)) for f in flags)
    return {p: {"n": totals[p], "recall": round(hits[p] / totals[p], 4)} for p in sorted(totals)}


# --- timing ---------------------------------------------------------------------------

def big_glossary(docs: list[Doc], size: int = 500) -> Glossary:
    entries = [e for name in GLOSSARIES.values() for e in read_glossary(HERE / "glossaries" / name).entries]
    rng = random.Random(0)
    words = sorted({w.lower() for d in docs if d.set == "flores200-devtest-en-es" for b in d.beads
                    for w in re.findall(r"[a-z]{5,}", b.src_text)})
    from aligner.terms import Entry

    while len(entries) < size:
        a, b = rng.sample(words, 2)
        entries.append(Entry((f"{a} {b}",), (f"{b} de {a}",)))
    return Glossary(tuple(entries[:size]))


def timing(docs: list[Doc], runs: int = 5) -> dict | None:
    """`check` = align + judge. The pair is aligned once (its time measured), then judged
    `runs` times alternately with and without the glossary; medians. Judging in isolation
    keeps the encoder's noise out of a difference of a few per cent."""
    flores = next((d for d in docs if d.set == "flores200-devtest-en-es"), None)
    if flores is None:
        return None
    import aligner
    from aligner.checking import judge_alignment
    from aligner.embed import get_encoder

    en = [b.src_text for b in flores.beads]
    es = [b.tgt_text for b in flores.beads]
    encoder = get_encoder("use")
    aligner.align(en[:5], es[:5], encoder=encoder)  # load and warm up
    t0 = time.perf_counter()
    alignment = aligner.align(en, es, encoder=encoder)
    align_s = time.perf_counter() - t0
    variants = {"judge": build_checks(), "judge + 500-term glossary": build_checks(glossary=big_glossary(docs))}
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        for name, checks in variants.items():
            t0 = time.perf_counter()
            judge_alignment(alignment, checks=checks, encoder=encoder)
            times[name].append(time.perf_counter() - t0)
    med = {k: round(statistics.median(v), 3) for k, v in times.items()}
    check_s = align_s + med["judge"]
    return {"sentences": len(en), "align_s": round(align_s, 3), "judge_s": med,
            "check_s": round(check_s, 3),
            "glossary_adds": round((med["judge + 500-term glossary"] - med["judge"]) / check_s, 4)}


def _cell(by_severity: dict) -> str:
    return "/".join(f"{by_severity[s]:.1f}" for s in SEVERITIES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args(argv)
    if not (args.data / "eu-gdpr-en-es").is_dir():
        print(f"no benchmark data under {args.data}; nothing to do")
        return 0
    docs = load(args.data)
    faithful = false_flags(docs)
    planted = recall(docs, args.seed)
    timed = None if args.no_timing else timing(docs)
    print("planted errors (recall)")
    for ptype, row in planted.items():
        print(f"  {ptype:<24} n={row['n']:>4}  recall {row['recall']:.3f}")
    print("\nfalse flags per 100 sentences on untouched text (low/medium/high)")
    print(f"  {'set':<26} {'sents':>6} " + " ".join(f"{k:>14}" for k in KINDS))
    for name, row in faithful["sets"].items():
        cells = " ".join(f"{_cell(row['per_100'][k]):>14}" for k in KINDS)
        print(f"  {name:<26} {row['sentences']:>6} {cells}")
    if timed:
        print(f"\ncheck on {timed['sentences']} sentences: align {timed['align_s']} s, judge "
              f"{timed['judge_s']}; the 500-term glossary adds {100 * timed['glossary_adds']:.1f}% to check")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"seed": args.seed, "planted": planted, "faithful": faithful,
                                   "timing": timed}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
