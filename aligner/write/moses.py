"""Moses-style parallel text: two plain files, line n of one translates line n of the other."""
from __future__ import annotations

import os
import re

from ..errors import UsageError
from ..records import Alignment
from .atomic import atomic_outputs
from .base import Writer

_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def _one_line(text: str) -> str:
    # A line break inside a sentence would shift every later line against the other file.
    return _LINE_BREAK.sub(" ", text)


def moses_paths(out: str | os.PathLike, alignment: Alignment) -> tuple[str, str]:
    """OUT.<src_lang> and OUT.<tgt_lang>."""
    base = os.fspath(out)
    return f"{base}.{alignment.src_lang}", f"{base}.{alignment.tgt_lang}"


class MosesWriter(Writer):
    name = "moses"
    suffixes = ()

    def write(self, alignment: Alignment, out: str | os.PathLike | None) -> None:
        if out is None:
            raise UsageError("moses needs -o: it writes two files, OUT.<src_lang> and OUT.<tgt_lang>")
        if alignment.src_lang == alignment.tgt_lang:
            raise UsageError(f"moses needs two different languages, both sides are {alignment.src_lang!r}")
        with atomic_outputs(moses_paths(out, alignment)) as (src_stream, tgt_stream):
            for bead in alignment.beads:
                if bead.src and bead.tgt:
                    src_stream.write(_one_line(alignment.src_text(bead)) + "\n")
                    tgt_stream.write(_one_line(alignment.tgt_text(bead)) + "\n")
