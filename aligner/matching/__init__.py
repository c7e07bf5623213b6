"""`aligner match`: find which documents of two folders translate each other.

    import aligner
    result = aligner.match("crawl/en", "crawl/es", "manifest.csv")
    aligner.batch("manifest.csv", "out/")

Every document of both folders is read and embedded once (documents.py, engine.py); a
length-weighted mean vector per document finds each document's few nearest documents on the
other side (candidates.py); the share of sentences with a confident counterpart decides
among them (scoring.py); a one-to-one assignment pairs them (assign.py). A document left
without a counterpart is listed as unmatched, never forced into a pair.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, UsageError
from ..limits import DEFAULT_MAX_CHARS, DEFAULT_MAX_MB
from .assign import Scored, assign
from .candidates import document_vectors, top_candidates
from .documents import Embedded, ReadOptions, Unreadable, find_documents
from .engine import embed_all
from .scoring import CONFIDENT_MARGIN, DEFAULT_MIN_SCORE, background, pair_score

log = logging.getLogger("aligner.matching")

DEFAULT_CANDIDATES = 5


@dataclass(frozen=True)
class MatchedPair:
    src: Path
    tgt: Path
    src_label: str  # path relative to its folder
    tgt_label: str
    score: float  # share of both documents' characters in sentences with a confident counterpart
    doc_score: float  # similarity of the two document vectors


@dataclass(frozen=True)
class Unmatched:
    side: str  # "src" or "tgt"
    label: str
    path: Path
    reason: str  # "no counterpart" or why the document could not be read
    best: str | None = None  # its best candidate on the other side, when it had one
    best_score: float | None = None


@dataclass(frozen=True)
class MatchResult:
    pairs: tuple[MatchedPair, ...]
    unmatched: tuple[Unmatched, ...]
    threshold: float  # the similarity a confident counterpart needed


def match(src_dir: str | os.PathLike, tgt_dir: str | os.PathLike,
          output: str | os.PathLike | None = None, *, min_score: float = DEFAULT_MIN_SCORE,
          candidates: int = DEFAULT_CANDIDATES, workers: int = 1, engine: str = "local",
          scheduler: str | None = None, src_lang: str = "en", tgt_lang: str = "es",
          encoder="use", cache_dir: str | os.PathLike | None = None,
          input_format: str = "auto", max_input_mb: float = DEFAULT_MAX_MB,
          max_sentence_chars: int = DEFAULT_MAX_CHARS, presegmented: bool = False) -> MatchResult:
    """Pair the documents of `src_dir` with those of `tgt_dir` that translate them.

    With `output`, writes the batch manifest (src,tgt,id,score) there and the unmatched
    documents to <output stem>.unmatched.csv beside it (see aligner.matching.output)."""
    if not 0 <= min_score <= 1:
        raise UsageError("--min-score must be between 0 and 1 (a share of sentences)")
    if candidates < 1:
        raise UsageError("--candidates must be at least 1")
    if output is not None:
        _writable(Path(output))
    src_root, tgt_root = Path(src_dir), Path(tgt_dir)
    _distinct(src_root, tgt_root)
    listed = {"src": find_documents(src_root), "tgt": find_documents(tgt_root)}
    options = ReadOptions(encoder, None if cache_dir is None else os.fspath(cache_dir),
                          input_format, max_input_mb, max_sentence_chars, presegmented)
    jobs = [(label, path, lang) for side, lang in (("src", src_lang), ("tgt", tgt_lang))
            for label, path in listed[side]]
    done = embed_all(jobs, options, engine, workers, scheduler)
    sides = {"src": done[:len(listed["src"])], "tgt": done[len(listed["src"]):]}
    result = match_embedded(sides["src"], sides["tgt"], min_score, candidates,
                            {"src": src_root, "tgt": tgt_root})
    if output is not None:
        from .output import write_manifest

        write_manifest(result, Path(output), src_lang)
    return result


def match_embedded(src: list[Embedded | Unreadable], tgt: list[Embedded | Unreadable],
                   min_score: float = DEFAULT_MIN_SCORE, candidates: int = DEFAULT_CANDIDATES,
                   roots: dict[str, Path] | None = None) -> MatchResult:
    """The match of documents already embedded (Unreadable ones are listed as such)."""
    roots = roots or {}
    readable = {side: [d for d in docs if isinstance(d, Embedded)]
                for side, docs in (("src", src), ("tgt", tgt))}
    for side, docs in (("src", src), ("tgt", tgt)):
        if not readable[side]:
            first = next((d.error for d in docs if isinstance(d, Unreadable)), "")
            raise InputError(f"{roots.get(side, side)}: no readable documents ({first})")
    a, b = readable["src"], readable["tgt"]
    threshold = background([d.vectors for d in a], [d.vectors for d in b]) + CONFIDENT_MARGIN
    src_vecs = document_vectors([(d.vectors, d.lengths) for d in a])
    tgt_vecs = document_vectors([(d.vectors, d.lengths) for d in b])
    scored = [Scored(i, j, pair_score(a[i].vectors, b[j].vectors, threshold, a[i].lengths,
                                      b[j].lengths), float(src_vecs[i] @ tgt_vecs[j]))
              for i, j in sorted(top_candidates(src_vecs, tgt_vecs, candidates))]
    kept = assign(scored, min_score)
    log.info("%d and %d documents, %d candidate pairs, %d matched (counterpart similarity "
             "%.2f)", len(a), len(b), len(scored), len(kept), threshold)
    pairs = tuple(MatchedPair(a[c.src].path, b[c.tgt].path, a[c.src].label, b[c.tgt].label,
                              round(c.score, 4), round(c.doc_score, 4)) for c in kept)
    return MatchResult(pairs, _unmatched(src, tgt, a, b, scored, kept), threshold)


def _unmatched(src, tgt, a: list[Embedded], b: list[Embedded], scored: list[Scored],
               kept: list[Scored]) -> tuple[Unmatched, ...]:
    paired = {("src", c.src) for c in kept} | {("tgt", c.tgt) for c in kept}
    best: dict[tuple[str, int], Scored] = {}
    for c in scored:
        for key in (("src", c.src), ("tgt", c.tgt)):
            if key not in best or c.score > best[key].score:
                best[key] = c
    out = []
    for side, docs, own, other in (("src", src, a, b), ("tgt", tgt, b, a)):
        index = {id(d): n for n, d in enumerate(own)}
        for doc in docs:
            if isinstance(doc, Unreadable):
                out.append(Unmatched(side, doc.label, doc.path, doc.error))
                continue
            n = index[id(doc)]
            if (side, n) in paired:
                continue
            top = best.get((side, n))
            partner = None if top is None else other[top.tgt if side == "src" else top.src].label
            out.append(Unmatched(side, doc.label, doc.path, "no counterpart", partner,
                                 None if top is None else round(top.score, 4)))
    return tuple(out)


def _writable(manifest: Path) -> None:
    """Refuse a manifest that could not be written before every document is embedded."""
    if manifest.suffix.lower() not in (".csv", ".tsv"):
        raise UsageError(f"{manifest}: the manifest must be a .csv or .tsv file (what "
                         "`aligner batch` reads)")
    if not manifest.resolve().parent.is_dir():
        raise UsageError(f"{manifest}: no folder {manifest.parent} to write the manifest in")


def _distinct(src: Path, tgt: Path) -> None:
    """The two sides must be different folders, neither inside the other (a document would
    then be on both sides)."""
    a, b = src.resolve(), tgt.resolve()
    if a == b:
        raise UsageError(f"{src} is given as both folders; give the source and the target "
                         "documents as two folders")
    if a.is_relative_to(b) or b.is_relative_to(a):
        raise UsageError(f"{src} and {tgt}: one folder is inside the other; give two separate "
                         "folders")


__all__ = ["match", "match_embedded", "MatchResult", "MatchedPair", "Unmatched"]
