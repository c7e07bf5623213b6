"""Shared fixtures: paths to our own corpora and to the optional ../shared data."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED


@pytest.fixture(scope="session")
def use_encoder():
    from aligner.embed import get_encoder

    return get_encoder("use")


def _read_units(path: Path) -> dict[str, str]:
    pairs = (line.rstrip("\n").split("\t", 1) for line in path.open(encoding="utf-8") if "\t" in line)
    return dict(pairs)


@pytest.fixture(scope="session")
def official_units(shared_data) -> list[tuple[str, str]]:
    """(English, Spanish) of every aligned unit of the UN SDG and EU GDPR official texts:
    correct translations, on which every divergence flag is a false alarm (or a real slip)."""
    out = []
    for folder in (shared_data / "un-sdg-en-es", shared_data / "eu-gdpr-en-es"):
        for en_path in sorted(folder.glob("*.unit.en")):
            en, es = _read_units(en_path), _read_units(en_path.with_suffix(".es"))
            out += [(en[key], es[key]) for key in sorted(en.keys() & es.keys())]
    return out


@pytest.fixture(scope="session")
def tiny_st_model(tmp_path_factory):
    """A random 1-layer BERT saved as a sentence-transformers model: loads with no download."""
    pytest.importorskip("sentence_transformers")
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import BertConfig, BertModel, BertTokenizerFast

    root = tmp_path_factory.mktemp("tiny-st")
    bert = root / "bert"
    bert.mkdir()
    letters = "abcdefghijklmnopqrstuvwxyzáéíóúñ"
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *letters, *(f"##{c}" for c in letters)]
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=64)
    BertModel(config).save_pretrained(bert)
    BertTokenizerFast(vocab={token: i for i, token in enumerate(vocab)}).save_pretrained(bert)
    transformer = Transformer(str(bert), max_seq_length=32)
    pooling = Pooling(32, "mean")
    model_dir = root / "model"
    SentenceTransformer(modules=[transformer, pooling], device="cpu").save(str(model_dir))
    return model_dir
