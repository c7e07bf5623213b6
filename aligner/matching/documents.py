"""The documents of one side: every visible file under a folder, read and embedded once.

A document is segmented and capped exactly as `align` does it, so the sentences embedded here
are the ones `aligner batch` embeds next, and a shared --cache-dir serves them again.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import AlignerError, InputError
from ..limits import DEFAULT_MAX_CHARS, DEFAULT_MAX_MB
from ..segment.limits import cap_lengths


@dataclass(frozen=True)
class Embedded:
    """One document's sentence embeddings (rows, L2-normalised) and sentence lengths."""

    label: str  # the path relative to its side's folder, '/'-separated
    path: Path
    vectors: np.ndarray
    lengths: np.ndarray


@dataclass(frozen=True)
class Unreadable:
    label: str
    path: Path
    error: str


@dataclass(frozen=True)
class ReadOptions:
    """How a document is read and embedded; the same for every document of a run."""

    encoder: object = "use"  # a name for get_encoder, or an Encoder (tests, notebooks)
    cache_dir: str | None = None
    input_format: str = "auto"
    max_input_mb: float = DEFAULT_MAX_MB
    max_sentence_chars: int = DEFAULT_MAX_CHARS
    presegmented: bool = False  # one sentence a line, embedded from its first max_sentence_chars


def find_documents(folder: Path) -> list[tuple[str, Path]]:
    """(label, path) of every visible file under `folder`, recursively, sorted by label.
    Hidden files and folders (.git, a cache, an earlier batch's .pairs) are not documents."""
    if not folder.exists():
        raise InputError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise InputError(f"{folder}: is a file, not a folder of documents")
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith("."):
                path = Path(root) / name
                found.append((path.relative_to(folder).as_posix(), path))
    if not found:
        raise InputError(f"{folder}: no documents in this folder")
    return sorted(found)


def embed_document(label: str, path: Path, lang: str, options: ReadOptions) -> Embedded | Unreadable:
    """Read, segment and embed one document; a document that cannot be used is Unreadable,
    never an exception, so one bad file does not stop the others."""
    from ..api import load_segments
    from ..embed import get_encoder

    try:
        segments = load_segments(path, lang, options.presegmented, options.input_format,
                                 options.max_input_mb)
        if not options.presegmented:
            segments, _ = cap_lengths(segments, options.max_sentence_chars)
        texts = [s.text for s in segments if s.text.strip()]
        if not texts:
            raise InputError(f"{path}: no sentences")
        encoder = options.encoder
        if isinstance(encoder, str):
            encoder = get_encoder(encoder, options.cache_dir)
        vectors = encoder.encode([t[:options.max_sentence_chars] for t in texts])
    except (AlignerError, OSError) as exc:
        return Unreadable(label, path, " ".join(str(exc).split()) or type(exc).__name__)
    return Embedded(label, path, np.asarray(vectors, dtype=np.float32),
                    np.array([len(t) for t in texts], dtype=np.float64))
