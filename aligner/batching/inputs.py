"""INPUT of `aligner batch`: a manifest file or a folder of pairs."""
from __future__ import annotations

import warnings
from pathlib import Path

from ..errors import InputError
from .discover import discover
from .manifest import read_manifest
from .notices import BatchWarning
from .pairs import Pair

_SHOWN_UNMATCHED = 10


def load_pairs(source: Path, src_lang: str, tgt_lang: str, allow_outside: bool) -> list[Pair]:
    """The pairs to align, in the order the summary will list them."""
    if source.is_dir():
        pairs, unmatched = discover(source, src_lang, tgt_lang, allow_outside)
        if unmatched:
            shown = ", ".join(unmatched[:_SHOWN_UNMATCHED])
            more = f" and {len(unmatched) - _SHOWN_UNMATCHED} more" if len(unmatched) > _SHOWN_UNMATCHED else ""
            warnings.warn(f"{source}: {len(unmatched)} file(s) without a partner, not aligned: "
                          f"{shown}{more}", BatchWarning, stacklevel=2)
        return pairs
    if not source.exists():
        raise InputError(f"{source}: no such manifest or folder")
    return read_manifest(source, src_lang, tgt_lang, allow_outside)
