"""In-memory embedding caches: only texts not seen before are embedded.

`Memo` wraps any embedding function (a check's `Context.embed` for one document, a benchmark's
encoder); `MemoEncoder` is an Encoder for a long-lived process (the review app re-aligns a
revised draft many times in one session)."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .base import Encoder


class Memo:
    """`embed` with every vector kept by text; `embedded` counts the texts really embedded."""

    def __init__(self, embed: Callable[[Sequence[str]], np.ndarray]):
        self.embed = embed
        self.embedded = 0
        self._vectors: dict[str, np.ndarray] = {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            self._vectors.update(zip(missing, np.asarray(self.embed(missing), dtype=np.float32)))
            self.embedded += len(missing)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])


class MemoEncoder(Encoder):
    """`inner` with every vector kept by text; `embedded` counts the texts really encoded."""

    def __init__(self, inner: Encoder):
        self.inner = inner
        self.name = inner.name
        self._memo = Memo(inner.encode)

    @property
    def dim(self) -> int:
        return self.inner.dim

    @property
    def embedded(self) -> int:
        return self._memo.embedded

    def _encode(self, texts: list[str]) -> np.ndarray:
        return self._memo(texts)
