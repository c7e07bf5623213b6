"""What every reader harness checks: a file of arbitrary bytes, read through `aligner.read.read`,
is either refused with an InputError or read into a Document of well-formed blocks.

Any other exception escaping the reader (from lxml, zipfile, pypdf or our own code) is a finding,
and so is a block that is empty, of an unknown kind, or not writable as UTF-8 (a lone surrogate
would crash every writer after a successful read).
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from aligner.errors import InputError
from aligner.read import read
from aligner.records import BLOCK_KINDS, Document

# One folder per fuzzing process, reused for every input: creating files is the only I/O.
_FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-read-"))
atexit.register(shutil.rmtree, _FOLDER, True)


def read_as(data: bytes, suffix: str) -> Document | None:
    """Write `data` to a file named *`suffix` and read it; None when it is refused as bad input."""
    path = _FOLDER / f"input{suffix}"
    path.write_bytes(data)
    try:
        doc = read(path, "en")
    except InputError as err:
        if str(path) not in str(err):
            raise AssertionError(f"refusal does not name the file: {err}") from None
        return None
    check(doc)
    return doc


def check(doc: Document) -> None:
    if not isinstance(doc, Document) or not doc.blocks:
        raise AssertionError(f"not a Document with blocks: {doc!r}")
    for block in doc.blocks:
        if block.kind not in BLOCK_KINDS:
            raise AssertionError(f"unknown block kind {block.kind!r}")
        if not isinstance(block.text, str) or not block.text.strip():
            raise AssertionError(f"empty block {block!r}")
        block.text.encode("utf-8")  # UnicodeEncodeError on a lone surrogate
