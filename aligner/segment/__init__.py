"""Sentence segmentation for English and Spanish (other languages: the library's rules, else English).

    split_sentences(text, lang) -> list[str]
    segment(doc) -> tuple[Segment, ...]     sentences never cross blocks; headings are never split

Built on sentence-splitter (Koehn/Schroeder) with our own abbreviation lists (nonbreaking_*.txt)
and a thin rule layer (rules.py) for what the library gets wrong.
"""
from __future__ import annotations

from aligner.records import Document, Segment
from aligner.segment.prefixes import rules_language, splitter
from aligner.segment.rules import KEEP, chunks, normalize, protect, restore, stand_in

__all__ = ["split_sentences", "segment"]


def split_sentences(text: str, lang: str) -> list[str]:
    code = rules_language(lang)
    text = normalize(text)
    if not text:
        return []
    own = stand_in(text) if KEEP in text else KEEP
    text = text.replace(KEEP, own)
    lib = splitter(code)
    sentences = [s for chunk in chunks(protect(text), code) for s in lib.split(chunk)]
    return [restore(s).replace(own, KEEP).strip() for s in sentences if s.strip()]


def segment(doc: Document) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for b, block in enumerate(doc.blocks):
        texts = [normalize(block.text)] if block.kind == "heading" else split_sentences(block.text, doc.lang)
        out += [Segment(len(out) + k, t, b, block.kind) for k, t in enumerate(t for t in texts if t)]
    return tuple(out)
