"""Sentence encoders: `use` (default, offline, numpy) and `st:NAME` (sentence-transformers)."""
from __future__ import annotations

import os

from ..errors import UsageError
from .base import Encoder, normalise
from .cache import CachedEncoder, cached

# Loading a model takes seconds; an explicit per-process cache lets the API and `batch` reuse it.
_LOADED: dict[str, Encoder] = {}


def get_encoder(spec: str = "use", cache_dir: str | os.PathLike | None = None) -> Encoder:
    """Return the encoder named by `spec`: 'use' or 'st:<model name or local path>'."""
    if spec not in _LOADED:
        _LOADED[spec] = _build(spec)
    return cached(_LOADED[spec], cache_dir)


def _build(spec: str) -> Encoder:
    if spec == "use":
        from .use import UseEncoder

        return UseEncoder()
    if spec.startswith("st:") and len(spec) > 3:
        from .st import SentenceTransformerEncoder

        return SentenceTransformerEncoder(spec[3:])
    raise UsageError(f"unknown encoder {spec!r}: use 'use' or 'st:<model name or path>'")


__all__ = ["Encoder", "CachedEncoder", "get_encoder", "normalise"]
