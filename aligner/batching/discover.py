"""Directory mode: find the pairs in a folder by their names.

Two layouts, both accepted in one folder: `name.en.md` next to `name.es.md`, and `en/name.md`
next to `es/name.md` (same file name in the two language folders).
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .pairs import Pair, inside, safe_id, unique_ids


def discover(folder: Path, src_lang: str, tgt_lang: str,
             allow_outside: bool) -> tuple[list[Pair], list[str]]:
    """The pairs in `folder`, sorted by name, and the files that found no partner."""
    found: list[tuple[str, str, str]] = []  # (name, src relative path, tgt relative path)
    unmatched: list[str] = []
    for layout in (_by_suffix, _by_folder):
        pairs, alone = layout(folder, src_lang, tgt_lang)
        found += pairs
        unmatched += alone
    if not found:
        raise InputError(f"{folder}: no pairs found (expected name.{src_lang}.* with name.{tgt_lang}.*, "
                         f"or {src_lang}/ and {tgt_lang}/ folders holding the same file names)")
    found.sort()
    ids = unique_ids([safe_id(name) for name, _, _ in found])
    return [Pair(pair_id, inside(folder, src, allow_outside, str(folder)),
                 inside(folder, tgt, allow_outside, str(folder)), src_lang, tgt_lang, src, tgt)
            for pair_id, (_, src, tgt) in zip(ids, found)], sorted(unmatched)


def _files(folder: Path) -> list[Path]:
    """Visible files directly inside `folder` (the batch's own output folder is a folder)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _by_suffix(folder: Path, src_lang: str, tgt_lang: str):
    sides: dict[str, dict[str, str]] = {src_lang: {}, tgt_lang: {}}
    alone = []
    for path in _files(folder):
        pieces = path.name.split(".")
        lang = pieces[-2] if len(pieces) >= 3 else None
        if lang not in sides:
            alone.append(path.name)
            continue
        name = ".".join(pieces[:-2])
        if name in sides[lang]:
            raise InputError(f"{folder}: two {lang} files for {name!r}: "
                             f"{sides[lang][name]} and {path.name}")
        sides[lang][name] = path.name
    return _match(sides[src_lang], sides[tgt_lang], alone)


def _by_folder(folder: Path, src_lang: str, tgt_lang: str):
    src = {p.name: f"{src_lang}/{p.name}" for p in _files(folder / src_lang)}
    tgt = {p.name: f"{tgt_lang}/{p.name}" for p in _files(folder / tgt_lang)}
    pairs, alone = _match(src, tgt, [])
    return [(Path(name).stem, s, t) for name, s, t in pairs], alone


def _match(src: dict[str, str], tgt: dict[str, str], alone: list[str]):
    pairs = [(name, src[name], tgt[name]) for name in sorted(src.keys() & tgt.keys())]
    alone = alone + [src[n] for n in sorted(src.keys() - tgt.keys())] + [tgt[n] for n in sorted(tgt.keys() - src.keys())]
    return pairs, alone
