"""End to end on our own corpora: the checker judges the gold beads (no aligner in the loop,
so a miss here is the checker's, not the aligner's).

corpora/divergent holds 13 injected disagreements (flags.gold.jsonl) and notes.md lists
legitimate equivalences; the four other corpora are faithful translations.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from aligner.diverge import BeadText, Context, judge
from aligner.diverge.numbers import detect_decimal_mark
from aligner.records import Flag

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
FAITHFUL = ("security-communique", "trade-investment-statement", "health-cooperation-mou",
            "screening-press-release")
# Flags of medium or high severity the checker may raise beyond the gold ones.
MAX_EXTRA_ON_DIVERGENT = 2
MAX_MEDIUM_ON_FAITHFUL = 3

Key = tuple[tuple[int, ...], tuple[int, ...]]


def _sents(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def _beads(path: Path) -> list[Key]:
    beads = []
    for line in path.read_text(encoding="utf-8").splitlines():
        src, tgt = line.split(":")
        beads.append(tuple(tuple(int(x) for x in side.strip("[]").split(", ") if x) for side in (src, tgt)))
    return beads


def judge_corpus(name: str) -> dict[Key, list[Flag]]:
    pair = CORPORA / name
    if not (pair / "gold.en-es").exists():
        pytest.skip(f"corpus {name} is absent")
    en, es = _sents(pair / "en.sents"), _sents(pair / "es.sents")
    ctx = Context(src_decimal=detect_decimal_mark(en, "en"), tgt_decimal=detect_decimal_mark(es, "es"))
    out = {}
    for src, tgt in _beads(pair / "gold.en-es"):
        text = BeadText(" ".join(en[i] for i in src), " ".join(es[j] for j in tgt),
                        1.0 if src and tgt else 0.0, src, tgt)
        out[(src, tgt)] = judge(text, ctx)
    return out


def _gold() -> list[dict]:
    path = CORPORA / "divergent" / "flags.gold.jsonl"
    if not path.exists():
        pytest.skip("corpora/divergent is absent")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def divergent() -> dict[Key, list[Flag]]:
    return judge_corpus("divergent")


@pytest.mark.parametrize("gold", _gold() if (CORPORA / "divergent").is_dir() else [],
                         ids=lambda g: g["note"][:40])
def test_every_gold_flag_is_found_on_its_bead(divergent, gold) -> None:
    key = (tuple(gold["src"]), tuple(gold["tgt"]))
    kinds = {f.kind for f in divergent[key]}
    assert gold["kind"] in kinds, (gold["note"], divergent[key])


def test_few_extra_flags_on_the_divergent_corpus(divergent) -> None:
    gold = {(tuple(g["src"]), tuple(g["tgt"])): g["kind"] for g in _gold()}
    extra = [(key, f) for key, flags in divergent.items() for f in flags
             if f.severity != "low" and gold.get(key) != f.kind]
    assert len(extra) <= MAX_EXTRA_ON_DIVERGENT, extra


def test_wrong_amount_scale_is_high(divergent) -> None:
    """$1.5 billion opposite 1,5 millones de dólares is a 1000x error, not an ambiguity."""
    flags = divergent[((8,), (8,))]
    assert any(f.kind == "figure" and f.severity == "high" for f in flags), flags


@pytest.mark.parametrize("name", FAITHFUL)
def test_faithful_corpora_raise_no_high_flag(name: str) -> None:
    flags = [(key, f) for key, fs in judge_corpus(name).items() for f in fs]
    assert not [kf for kf in flags if kf[1].severity == "high"], flags
    assert sum(f.severity == "medium" for _, f in flags) <= MAX_MEDIUM_ON_FAITHFUL, flags
