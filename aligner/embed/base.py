"""What every sentence encoder implements: texts in, L2-normalised float32 rows out."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Sequence

import numpy as np


class Encoder(ABC):
    """A multilingual sentence encoder.

    `name` identifies the model and its settings; it keys the embedding cache, so two encoders
    whose outputs differ must never share a name.
    """

    name: str = ""

    @abstractmethod
    def _encode(self, texts: list[str]) -> np.ndarray:
        """Embed a non-empty list of texts; rows need not be normalised."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = np.asarray(self._encode(texts), dtype=np.float32)
        return normalise(vecs)

    @property
    @abstractmethod
    def dim(self) -> int:
        """Embedding width."""


def normalise(vecs: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return vecs / np.maximum(norms, 1e-12)
