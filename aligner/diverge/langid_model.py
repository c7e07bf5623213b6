"""py3langid's identifier built from a memory-mapped copy of its model.

The wheel ships the model LZMA-compressed and py3langid decompresses it (through a temporary
file) in every process: 0.3-0.4 s of each `check`. The same arrays are prepared once into the
user cache (aligner.mapped) and handed to py3langid's own constructor, so it classifies exactly
as before.
"""
from __future__ import annotations

import logging
from array import array
from importlib.metadata import version
from pathlib import Path

import numpy as np

log = logging.getLogger("aligner.diverge")

# py3langid releases whose model layout _prepare reproduces (a test compares the identifiers)
MAPPED_RELEASES = ("0.4.0",)
_LAYOUT = "v1"
_TYPECODES = {2: "H", 4: "I", 8: "L"}  # py3langid's own choice for its state tables


def identifier(mapped: bool = True):
    """A LanguageIdentifier over all of py3langid's languages, normalised probabilities."""
    import py3langid
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    path = Path(py3langid.__file__).parent / MODEL_FILE
    release = version("py3langid")
    if mapped and release in MAPPED_RELEASES:
        from ..mapped import mapped_arrays

        try:
            a = mapped_arrays(path, _prepare, f"py3langid-{release}-{_LAYOUT}")
        except OSError as exc:
            log.info("py3langid model from its compressed file: no mapped copy (%s)", exc)
        else:
            return LanguageIdentifier(a["ptc"], a["pc"], a["classes"].tolist(),
                                      _stdlib(a["nextmove"]), a["output"].tolist(),
                                      norm_probs=True, tk_row=_stdlib(a["row"]))
    return LanguageIdentifier.from_modelpath(path, norm_probs=True)


def _prepare(path: Path) -> dict[str, np.ndarray]:
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(path)
    return {"ptc": ptc, "pc": pc, "classes": np.array(classes), "output": np.array(output),
            "nextmove": np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"),
            "row": np.frombuffer(row, dtype=f"u{row.itemsize}")}


def _stdlib(table: np.ndarray) -> array:
    """The state table as the stdlib array py3langid walks (a copy: it indexes it per byte)."""
    out = array(_TYPECODES[table.dtype.itemsize])
    out.frombytes(memoryview(table).cast("B"))
    return out
