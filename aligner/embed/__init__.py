"""Sentence encoders: `use` (default, offline, numpy) and `st:NAME` (sentence-transformers)."""
from __future__ import annotations

import os

from ..errors import UsageError
from .base import Encoder, normalise
from .cache import CachedEncoder, cached

# Loading a model takes seconds; an explicit per-process cache lets the API and `batch` reuse it.
_LOADED: dict[tuple[str, int], Encoder] = {}


def get_encoder(spec: str = "use", cache_dir: str | os.PathLike | None = None,
                workers: int = 1) -> Encoder:
    """Return the encoder named by `spec`: 'use' or 'st:<model name or local path>'.

    `workers` > 1 lets 'use' embed a large call in that many processes (this one included);
    sentence-transformers models ignore it (torch has its own threads).
    """
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    key = (spec, workers if spec == "use" else 1)
    if key not in _LOADED:
        _LOADED[key] = _build(spec, key[1])
    return cached(_LOADED[key], cache_dir)


def _build(spec: str, workers: int) -> Encoder:
    if spec == "use":
        from .use import UseEncoder

        return UseEncoder(workers=workers)
    if spec.startswith("st:") and len(spec) > 3:
        from .st import SentenceTransformerEncoder

        return SentenceTransformerEncoder(spec[3:])
    raise UsageError(f"unknown encoder {spec!r}: use 'use' or 'st:<model name or path>'")


__all__ = ["Encoder", "CachedEncoder", "get_encoder", "normalise"]
