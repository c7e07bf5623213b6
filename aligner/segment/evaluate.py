"""Scoring a sentence splitter against gold paragraphs by sentence-boundary precision/recall/F1."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GoldParagraph:
    tags: tuple[str, ...]
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    true_pos: int
    gold: int
    predicted: int


def load_gold(path: str | Path) -> list[GoldParagraph]:
    """Paragraphs separated by blank lines: a '# tags' line, then one gold sentence per line."""
    out: list[GoldParagraph] = []
    for chunk in Path(path).read_text(encoding="utf-8").split("\n\n"):
        lines = [ln.strip() for ln in chunk.strip().splitlines() if ln.strip()]
        if not lines or not lines[0].startswith("#") or len(lines) < 2:
            continue
        out.append(GoldParagraph(tuple(lines[0].lstrip("#").split()), tuple(lines[1:])))
    return out


def boundaries(sentences: Iterable[str]) -> set[int]:
    """Where each sentence after the first starts, counted in non-space characters.

    Counting only non-space characters makes splitters that trim or re-space text comparable.
    """
    cuts, pos = set(), 0
    for sentence in sentences:
        if pos:
            cuts.add(pos)
        pos += sum(1 for c in sentence if not c.isspace())
    return cuts


def score(paragraphs: Iterable[GoldParagraph], split: Callable[[str], list[str]]) -> Score:
    tp = n_gold = n_pred = 0
    for p in paragraphs:
        gold, pred = boundaries(p.sentences), boundaries(split(p.text))
        tp, n_gold, n_pred = tp + len(gold & pred), n_gold + len(gold), n_pred + len(pred)
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, tp, n_gold, n_pred)


def errors(paragraphs: Iterable[GoldParagraph], split: Callable[[str], list[str]]) -> list[tuple]:
    """(gold, predicted) sentence lists for every paragraph the splitter gets wrong."""
    return [(p.sentences, tuple(pred)) for p in paragraphs
            if boundaries(pred := split(p.text)) != boundaries(p.sentences)]
