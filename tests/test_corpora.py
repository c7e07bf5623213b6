"""Integrity of the hand-made gold corpora in corpora/: other tests and benchmarks trust them blindly."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIRS = sorted(p for p in CORPORA.iterdir() if p.is_dir()) if CORPORA.is_dir() else []
BEAD_LINE = re.compile(r"\[((?:\d+(?:, \d+)*)?)\]:\[((?:\d+(?:, \d+)*)?)\]")
LIST_LINE = re.compile(r"^(- |\d+\. )")

Bead = tuple[list[int], list[int]]


def _strip_markdown(block: str) -> str:
    block = re.sub(r"^#+\s+", "", block)
    block = re.sub(r"^- ", "", block)
    block = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", block)
    return block.replace("**", "").replace("*", "")


def blocks(path: Path) -> list[str]:
    """Blocks as the gold segmentation sees them: blank-line paragraphs, one block per list item."""
    out: list[str] = []
    for chunk in re.split(r"\n\s*\n", path.read_text(encoding="utf-8").strip()):
        lines = chunk.split("\n")
        if path.suffix == ".md" and all(LIST_LINE.match(line) for line in lines):
            out.extend(lines)
        else:
            out.append(" ".join(lines))
    if path.suffix == ".md":
        out = [_strip_markdown(b) for b in out]
    return [" ".join(b.split()) for b in out]


def read_sents(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return text[:-1].split("\n")


def read_gold(path: Path) -> list[Bead]:
    beads = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = BEAD_LINE.fullmatch(line)
        assert match, f"{path}: malformed bead {line!r}"
        src, tgt = ([int(x) for x in g.split(", ")] if g else [] for g in match.groups())
        beads.append((src, tgt))
    return beads


def source_file(pair: Path, lang: str) -> Path:
    found = [p for p in (pair / f"{lang}.md", pair / f"{lang}.txt") if p.exists()]
    assert len(found) == 1, f"{pair}: need exactly one {lang}.md or {lang}.txt"
    return found[0]


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_sentences_partition_the_blocks(pair: Path, lang: str) -> None:
    sents = read_sents(pair / f"{lang}.sents")
    assert all(s and s == s.strip() for s in sents)
    cursor = 0
    for block in blocks(source_file(pair, lang)):
        taken: list[str] = []
        while " ".join(taken) != block:
            assert cursor < len(sents) and len(" ".join(taken)) < len(block), f"block not covered: {block!r}"
            taken.append(sents[cursor])
            cursor += 1
    assert cursor == len(sents), "sentences left over after the last block"


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_gold_is_a_complete_in_order_cover(pair: Path) -> None:
    beads = read_gold(pair / "gold.en-es")
    assert all(src or tgt for src, tgt in beads)
    n_src = len(read_sents(pair / "en.sents"))
    n_tgt = len(read_sents(pair / "es.sents"))
    assert [i for src, _ in beads for i in src] == list(range(n_src))
    assert [j for _, tgt in beads for j in tgt] == list(range(n_tgt))


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_sentence_counts_in_range(pair: Path) -> None:
    for lang in ("en", "es"):
        assert 20 <= len(read_sents(pair / f"{lang}.sents")) <= 60


TWINS = [p for p in PAIRS if (p / "flags.gold.jsonl").exists()]


@pytest.mark.parametrize("pair", TWINS, ids=lambda p: p.name)
def test_divergence_flags_name_gold_beads(pair: Path) -> None:
    beads = {(tuple(s), tuple(t)) for s, t in read_gold(pair / "gold.en-es")}
    flags = [json.loads(line) for line in (pair / "flags.gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert 10 <= len(flags) <= 15
    assert len({(tuple(f["src"]), tuple(f["tgt"])) for f in flags}) == len(flags), "one flag per bead"
    for flag in flags:
        assert set(flag) == {"src", "tgt", "kind", "note"}
        assert flag["kind"] in ("figure", "commitment", "omission", "addition")
        assert (tuple(flag["src"]), tuple(flag["tgt"])) in beads
        # a one-sided bead can only be an omission or an addition; an omission may also be a
        # part of a sentence (a dropped list item or time clause), an addition only a sentence
        if flag["tgt"] == []:
            assert flag["kind"] == "omission"
        assert (flag["kind"] == "addition") == (flag["src"] == [])


def test_twins_share_the_english_of_their_faithful_pair() -> None:
    for twin in TWINS:
        faithful = CORPORA / (twin.name.removeprefix("divergent-") if twin.name != "divergent"
                              else "security-communique")
        assert (twin / "en.md").read_bytes() == (faithful / "en.md").read_bytes()
        assert (twin / "en.sents").read_bytes() == (faithful / "en.sents").read_bytes()


def test_blocks_split_list_items_and_strip_markup(tmp_path: Path) -> None:
    doc = tmp_path / "x.md"
    doc.write_text("# Title\n\nSome **bold** [link](http://a.b) text.\n\n- one\n- two\n", encoding="utf-8")
    assert blocks(doc) == ["Title", "Some bold link text.", "one", "two"]
