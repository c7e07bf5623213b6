"""py3langid's identifier from the memory-mapped model classifies exactly like py3langid's own."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("py3langid")

from aligner.diverge.langid_model import identifier  # noqa: E402

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    try:
        pair = identifier(mapped=True), identifier(mapped=False)
    finally:
        mp.undo()
    for ident in pair:
        ident.set_languages(["en", "es"])
    return pair


def test_mapped_identifier_holds_the_same_model(both):
    mapped, own = both
    assert not mapped._full_model[0].flags.writeable  # really read from the prepared copy
    assert mapped.tk_nextmove == own.tk_nextmove and mapped.tk_row == own.tk_row
    assert mapped.tk_output == own.tk_output and mapped.nb_classes == own.nb_classes
    assert mapped.nb_ptc.dtype == own.nb_ptc.dtype and np.array_equal(mapped.nb_ptc, own.nb_ptc)
    assert np.array_equal(mapped.nb_pc, own.nb_pc)


def test_mapped_identifier_classifies_every_corpus_sentence_alike(both):
    mapped, own = both
    texts = [line for path in sorted(CORPORA.glob("*/*.sents"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(texts) > 100
    assert [mapped.classify(t) for t in texts] == [own.classify(t) for t in texts]


def test_an_unwritable_cache_falls_back_to_the_compressed_model(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    ident = identifier()
    assert ident._full_model[0].flags.writeable
    ident.set_languages(["en", "es"])
    assert ident.classify("Los ministros se reunieron hoy en Madrid.")[0] == "es"
