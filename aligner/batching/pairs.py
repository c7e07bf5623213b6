"""A document pair to align, its id, and the rule that keeps input paths inside the input folder."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .layout import RESERVED_IDS

MAX_ID = 100
_SAFE_ID = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{MAX_ID - 1}}}")
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Pair:
    """One source/target document pair; `src_label`/`tgt_label` are the paths as the user wrote
    them (relative to the manifest or input folder), which is what the summary shows."""

    pair_id: str
    src: Path
    tgt: Path
    src_lang: str
    tgt_lang: str
    src_label: str
    tgt_label: str
    review: Path | None = None  # the pair's review file (aligner review), from a manifest


def is_safe_id(text: str) -> bool:
    """A file name on every system: ASCII letters, digits, '.', '_', '-', not hidden."""
    return bool(_SAFE_ID.fullmatch(text)) and text.lower() not in RESERVED_IDS


def safe_id(text: str) -> str:
    """`text` made into a safe id (other characters become '-')."""
    cleaned = _UNSAFE_RUN.sub("-", text).strip("-._")[:MAX_ID].rstrip("-._")
    return cleaned if cleaned and cleaned.lower() not in RESERVED_IDS else f"pair-{cleaned}".rstrip("-")


def unique_ids(candidates: list[str], taken: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Derived ids made unique (among themselves and against the lower-cased `taken`) by a -2,
    -3... suffix; compared without case, as macOS and Windows file systems do."""
    taken = set(taken)
    out = []
    for candidate in candidates:
        name, n = candidate, 1
        while name.lower() in taken:
            n += 1
            name = f"{candidate[:MAX_ID - 1 - len(str(n))]}-{n}"
        taken.add(name.lower())
        out.append(name)
    return out


def inside(base: Path, raw: str, allow_outside: bool, where: str) -> Path:
    """`raw` resolved against `base`; refused when it leaves `base` ('..', an absolute path
    elsewhere, or a symlink pointing out) unless `allow_outside`."""
    given = Path(raw)
    path = given if given.is_absolute() else base / given
    if allow_outside:
        return path
    if ".." in given.parts:
        raise InputError(f"{where}: {raw} goes up with '..' out of {base}; "
                         "pass --allow-outside to accept paths outside it")
    if not path.resolve().is_relative_to(base.resolve()):
        raise InputError(f"{where}: {raw} is outside {base} (absolute path or symlink); "
                         "pass --allow-outside to accept paths outside it")
    return path
