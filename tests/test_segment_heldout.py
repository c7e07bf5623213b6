"""Boundary precision/recall/F1 of split_sentences on a held-out EN/ES set.

The set (tests/data/segmentation_heldout/, see its README) was written by hand
without reading the splitter or its tuning data, so it measures how the
splitter travels rather than how well it fits what it was tuned on.

Measured when the test was written (191 gold boundaries in EN, 190 in ES):
EN P 0.970, R 1.000, F1 0.985; ES P 0.969, R 1.000, F1 0.984 (all errors are
false splits after abbreviations the splitter does not know). F1_FLOOR is set a
little under those figures: about four more wrong boundaries in a language
make the test fail.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from aligner.segment import split_sentences

HELDOUT = Path(__file__).resolve().parent / "data" / "segmentation_heldout"
F1_FLOOR = 0.975

Block = tuple[str, list[str]]


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read_blocks(path: Path) -> list[Block]:
    """(paragraph, gold sentences) per block; the header before the first '===' is skipped."""
    chunks = path.read_text(encoding="utf-8").split("\n===\n")[1:]
    blocks = []
    for chunk in chunks:
        paragraph, _, sentences = chunk.partition("\n---\n")
        blocks.append((normalise(paragraph), [normalise(s) for s in sentences.splitlines() if s.strip()]))
    return blocks


def boundaries(paragraph: str, sentences: list[str]) -> set[int]:
    """Offsets in `paragraph` where each sentence after the first starts.

    Sentences are located by counting non-space characters, so a splitter that
    only trims or collapses whitespace is measured fairly; one that changes
    any other character is a bug and raises."""
    starts = [i for i, ch in enumerate(paragraph) if not ch.isspace()]
    if "".join(paragraph.split()) != "".join("".join(sentences).split()):
        raise ValueError(f"sentences do not rebuild the paragraph: {paragraph!r}")
    out, seen = set(), 0
    for sentence in sentences[:-1]:
        seen += len("".join(sentence.split()))
        out.add(starts[seen])
    return out


def score(blocks: list[Block], split) -> tuple[float, float, float]:
    """Micro-averaged boundary precision, recall and F1 of `split` over all blocks."""
    hits = predicted = gold = 0
    for paragraph, sentences in blocks:
        truth, guess = boundaries(paragraph, sentences), boundaries(paragraph, split(paragraph))
        hits, predicted, gold = hits + len(truth & guess), predicted + len(guess), gold + len(truth)
    precision = hits / predicted if predicted else 1.0
    recall = hits / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_gold_paragraph_is_its_sentences(lang):
    blocks = read_blocks(HELDOUT / f"{lang}.txt")
    assert len(blocks) == 50
    for paragraph, sentences in blocks:
        assert sentences and " ".join(sentences) == paragraph


def test_boundaries_count_non_space_characters():
    assert boundaries("A b.  C d. E", ["A b.", "C d.", "E"]) == {6, 11}
    with pytest.raises(ValueError):
        boundaries("A b. C", ["A b.", "X"])


def test_score_penalises_missed_and_spurious_boundaries():
    assert score([("A. B. C.", ["A.", "B.", "C."])], lambda text: ["A. B.", "C."]) == (1.0, 0.5, pytest.approx(2 / 3))
    assert score([("A. B. C.", ["A. B.", "C."])], lambda text: ["A.", "B.", "C."]) == (0.5, 1.0, pytest.approx(2 / 3))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_heldout_boundary_f1(lang):
    precision, recall, f1 = score(read_blocks(HELDOUT / f"{lang}.txt"), lambda text: split_sentences(text, lang))
    print(f"{lang}: P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    assert f1 >= F1_FLOOR, (precision, recall, f1)
