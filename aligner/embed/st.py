"""sentence-transformers models (LaBSE, multilingual-e5, or any local model folder).

Imported lazily: torch is heavy and only users who ask for `st:NAME` need it.
"""
from __future__ import annotations

import numpy as np

from ..errors import UsageError
from .base import Encoder


class SentenceTransformerEncoder(Encoder):
    def __init__(self, model: str, batch_size: int = 32):
        self.model_name = model
        self.name = f"st:{model}"
        self.batch_size = batch_size
        self._model = None

    def _load(self):
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise UsageError(
                    "the st: encoders need sentence-transformers: pip install 'aligner[st]'"
                ) from exc
            try:
                self._model = SentenceTransformer(self.model_name, device="cpu")
            except Exception as exc:  # the library raises many types for a model it cannot find
                raise UsageError(f"cannot load sentence-transformers model {self.model_name!r}: "
                                 f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
        return self._model

    @property
    def dim(self) -> int:
        model = self._load()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def _encode(self, texts: list[str]) -> np.ndarray:
        model = self._load()
        return model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True,
                            show_progress_bar=False)
