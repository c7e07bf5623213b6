"""Sentence segmentation for English and Spanish (other languages: the library's rules, else English).

    split_sentences(text, lang) -> list[str]
    segment(doc) -> tuple[Segment, ...]     sentences never cross blocks; headings are never split

Built on sentence-splitter (Koehn/Schroeder) with our own abbreviation lists (nonbreaking_*.txt)
and a thin rule layer (rules.py) for what the library gets wrong.
"""
from __future__ import annotations

from sentence_splitter import SentenceSplitter

from aligner.records import Document, Segment
from aligner.segment.prefixes import rules_language, splitter
from aligner.segment.rules import KEEP, chunks, normalize, protect, restore, stand_in

__all__ = ["split_sentences", "segment"]

WINDOW = 20_000  # characters the sentence library sees at once


def split_sentences(text: str, lang: str) -> list[str]:
    code = rules_language(lang)
    text = normalize(text)
    if not text:
        return []
    own = stand_in(text) if KEEP in text else KEEP
    text = text.replace(KEEP, own)
    lib = splitter(code)
    sentences = [s for chunk in chunks(protect(text), code) for s in _split_windowed(lib, chunk)]
    return [restore(s).replace(own, KEEP).strip() for s in sentences if s.strip()]


def _split_windowed(lib: SentenceSplitter, chunk: str, window: int = WINDOW) -> list[str]:
    """lib.split(chunk), in windows of about `window` characters.

    The library rebuilds its text one word at a time by string concatenation, which is
    quadratic: a 5 MB paragraph took minutes. Every window's last sentence is split again at the
    head of the next window, so each boundary is still decided with its following word in view.
    """
    out: list[str] = []
    pos = 0
    while len(chunk) - pos > window:
        end = chunk.rfind(" ", pos + 1, pos + window)
        end = end if end > pos else pos + window  # one token longer than the window
        sentences = lib.split(chunk[pos:end])
        last = sentences[-1] if sentences else ""
        if len(sentences) > 1 and chunk[pos:end].endswith(last):
            out += sentences[:-1]
            pos = end - len(last)
        else:  # no boundary in the whole window: a runaway sentence, left to the length cap
            out += sentences
            pos = end
    return out + lib.split(chunk[pos:])


def segment(doc: Document) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for b, block in enumerate(doc.blocks):
        texts = [normalize(block.text)] if block.kind == "heading" else split_sentences(block.text, doc.lang)
        out += [Segment(len(out) + k, t, b, block.kind) for k, t in enumerate(t for t in texts if t)]
    return tuple(out)
