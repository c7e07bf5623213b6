"""Encoders: the embedded USE model, a sentence-transformers model built locally, the cache."""
from __future__ import annotations

import numpy as np
import pytest

from aligner.embed import CachedEncoder, Encoder, get_encoder
from aligner.errors import UsageError


class CountingEncoder(Encoder):
    """A deterministic fake that records every text it is asked to embed."""

    name = "counting"

    def __init__(self):
        self.seen: list[str] = []

    @property
    def dim(self) -> int:
        return 8

    def _encode(self, texts):
        self.seen.extend(texts)
        rng = [np.random.default_rng(sum(map(ord, t))) for t in texts]
        return np.stack([r.normal(size=8) for r in rng])


def test_use_embeds_translations_closer_than_unrelated_sentences(use_encoder):
    vecs = use_encoder.encode([
        "The two governments agreed to exchange information.",
        "Los dos gobiernos acordaron intercambiar información.",
        "El gato duerme en el sofá.",
    ])
    assert vecs.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.3


def test_use_empty_input_gives_empty_matrix(use_encoder):
    assert use_encoder.encode([]).shape == (0, 512)


def test_unknown_encoder_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown encoder"):
        get_encoder("word2vec")


def test_sentence_transformers_model_loads_from_a_local_path(tiny_st_model):
    enc = get_encoder(f"st:{tiny_st_model}")
    vecs = enc.encode(["hola mundo", "hello world", "hola mundo"])
    assert enc.dim == 32
    assert vecs.shape == (3, 32)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert np.allclose(vecs[0], vecs[2], atol=1e-5)
    assert not np.allclose(vecs[0], vecs[1], atol=1e-3)


def test_sentence_transformers_missing_model_is_a_usage_error(tmp_path):
    pytest.importorskip("sentence_transformers")
    enc = get_encoder(f"st:{tmp_path / 'no-such-model'}")
    with pytest.raises(UsageError, match="cannot load"):
        enc.encode(["x"])


def test_cache_only_embeds_changed_sentences(tmp_path):
    inner = CountingEncoder()
    first = CachedEncoder(inner, tmp_path).encode(["a", "b", "c"])
    again = CachedEncoder(inner, tmp_path)
    second = again.encode(["a", "b changed", "c", "a"])
    assert sorted(inner.seen) == ["a", "b", "b changed", "c"]
    assert (again.hits, again.misses) == (3, 1)
    assert np.allclose(first[0], second[0]) and np.allclose(first[2], second[2])
    assert np.allclose(second[0], second[3])


def test_cache_is_keyed_by_encoder_name(tmp_path):
    one, other = CountingEncoder(), CountingEncoder()
    other.name = "another-model"
    CachedEncoder(one, tmp_path).encode(["same text"])
    CachedEncoder(other, tmp_path).encode(["same text"])
    assert other.seen == ["same text"]
