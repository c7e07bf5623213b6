"""Glossaries: which Spanish renderings an English term requires, and which it forbids.

Read from CSV/TSV (columns `en`, `es`, optional `forbidden`, `note`, `case`; alternatives
separated by `|`), xlsx (the same columns on the first sheet) or TBX. TBX is parsed with the
project's hardened XML parser rather than translate-toolkit: the toolkit is a test-only
dependency here, and the parser refuses DTDs and entities (a glossary from a client is input
like any other). A Spanish term whose administrative status is deprecated or superseded is a
forbidden rendering, as terminologists mark them.
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

COLUMNS = ("en", "es", "forbidden", "note", "case")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DEPRECATED = ("deprecatedterm-admn-sts", "supersededterm-admn-sts", "deprecated", "superseded",
               "forbidden", "notrecommended", "admittedterm-admn-sts-no")


@dataclass(frozen=True)
class Entry:
    """One concept: its English terms, the Spanish renderings it accepts and those it forbids."""

    en: tuple[str, ...]
    es: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    note: str = ""
    case_sensitive: bool = False
    where: str = ""  # "file:row", for messages


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...]
    path: str = ""


def read_glossaries(paths: Iterable[str | os.PathLike]) -> Glossary | None:
    """Several glossary files as one (None for none)."""
    read = [read_glossary(p) for p in paths]
    if not read:
        return None
    return Glossary(tuple(e for g in read for e in g.entries), ", ".join(g.path for g in read))


def read_glossary(path: str | os.PathLike) -> Glossary:
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise InputError(f"{name}: glossary not found")
    suffix = path.suffix.lower()
    if suffix == ".tbx":
        entries = _read_tbx(path.read_bytes(), name)
    elif suffix == ".xlsx":
        entries = _entries(_xlsx_rows(path, name), name)
    elif suffix in (".csv", ".tsv", ".txt"):
        entries = _entries(_delimited_rows(path, name, "\t" if suffix != ".csv" else ","), name)
    else:
        raise InputError(f"{name}: glossary must be .csv, .tsv, .xlsx or .tbx")
    if not entries:
        raise InputError(f"{name}: glossary has no terms")
    return Glossary(tuple(entries), name)


def _split(cell: object) -> tuple[str, ...]:
    text = "" if cell is None else str(cell)
    return tuple(dict.fromkeys(part.strip() for part in text.split("|") if part.strip()))


def _entries(rows: Sequence[Sequence[object]], name: str) -> list[Entry]:
    if not rows:
        raise InputError(f"{name}: glossary is empty")
    header = [str(c or "").strip().lower() for c in rows[0]]
    missing = [c for c in ("en", "es") if c not in header]
    if missing:
        raise InputError(f"{name}: glossary needs the columns en and es (missing: {', '.join(missing)})")
    unknown = [c for c in header if c and c not in COLUMNS]
    if unknown:
        raise InputError(f"{name}: unknown glossary column {unknown[0]!r} (known: {', '.join(COLUMNS)})")
    col = {c: header.index(c) for c in COLUMNS if c in header}
    entries = []
    for n, row in enumerate(rows[1:], start=2):
        cell = {c: (row[i] if i < len(row) else None) for c, i in col.items()}
        en, es, forbidden = _split(cell["en"]), _split(cell["es"]), _split(cell.get("forbidden"))
        if not en and not es and not forbidden:
            continue  # a blank line
        if not en or not (es or forbidden):
            raise InputError(f"{name}: row {n} needs an English term and a Spanish rendering "
                             "(or a forbidden one)")
        case = str(cell.get("case") or "").strip().lower()
        if case not in ("", "yes", "no", "true", "false", "y", "n", "1", "0"):
            raise InputError(f"{name}: row {n}: case must be yes or no, not {case!r}")
        entries.append(Entry(en, es, forbidden, str(cell.get("note") or "").strip(),
                             case in ("yes", "true", "y", "1"), f"{name}:{n}"))
    return entries


def _delimited_rows(path: Path, name: str, delimiter: str) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: glossary is not UTF-8 text") from None
    if delimiter == "\t" and "\t" not in text.split("\n", 1)[0] and "," in text.split("\n", 1)[0]:
        delimiter = ","  # a .txt or .tsv that is really comma-separated
    try:
        return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise InputError(f"{name}: damaged glossary ({exc})") from None


def _xlsx_rows(path: Path, name: str) -> list[list[object]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"{name}: not a readable xlsx workbook ({type(exc).__name__})") from None
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _read_tbx(data: bytes, name: str) -> list[Entry]:
    from ..read.safexml import parse

    root = parse(data, name)
    entries = []
    for n, concept in enumerate(e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")):
        terms: dict[str, list[str]] = {"en": [], "es": [], "forbidden": []}
        note = ""
        for element in concept.iter():
            tag = _local(element.tag)
            if tag in ("langSet", "langSec"):
                _tbx_langset(element, terms)
            elif tag in ("descrip", "note", "definition") and not note and element.text:
                note = element.text.strip()
        if terms["en"] and (terms["es"] or terms["forbidden"]):
            entries.append(Entry(tuple(dict.fromkeys(terms["en"])), tuple(dict.fromkeys(terms["es"])),
                                 tuple(dict.fromkeys(terms["forbidden"])), note, False, f"{name}:entry {n + 1}"))
    return entries


def _tbx_langset(langset, terms: dict[str, list[str]]) -> None:
    lang = (langset.get(_XML_LANG) or langset.get("lang") or "").lower().split("-")[0]
    if lang not in ("en", "es"):
        return
    for holder in langset:
        if _local(holder.tag) not in ("tig", "ntig", "termSec", "termGrp"):
            continue
        words = [e.text.strip() for e in holder.iter() if _local(e.tag) == "term" and e.text and e.text.strip()]
        status = " ".join((e.text or "").strip().lower() for e in holder.iter()
                          if _local(e.tag) == "termNote" and "status" in (e.get("type") or "").lower())
        bad = any(s in status.replace(" ", "") for s in _DEPRECATED)
        terms["forbidden" if bad and lang == "es" else lang].extend(words if not (bad and lang == "en") else [])
