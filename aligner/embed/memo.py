"""An in-memory embedding cache for a long-lived process (the review app re-aligns a revised
draft many times in one session): only texts it has not seen are embedded."""
from __future__ import annotations

import numpy as np

from .base import Encoder


class MemoEncoder(Encoder):
    """`inner` with every vector kept by text; `embedded` counts the texts really encoded."""

    def __init__(self, inner: Encoder):
        self.inner = inner
        self.name = inner.name
        self.embedded = 0
        self._vectors: dict[str, np.ndarray] = {}

    @property
    def dim(self) -> int:
        return self.inner.dim

    def _encode(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            self._vectors.update(zip(missing, self.inner.encode(missing)))
            self.embedded += len(missing)
        return np.stack([self._vectors[t] for t in texts])
