"""Decoding the bytes of a text file: UTF-8 (BOM or not), UTF-16 (a BOM, or Latin-script text
without one), else Windows-1252.

The encoding used is logged at INFO on the "aligner.read" logger, so a verbose mode can show it.
"""
from __future__ import annotations

import codecs
import logging
import re

from aligner.errors import InputError

log = logging.getLogger("aligner.read")

# (BOM, codec for the bytes after it, name reported)
_BOMS = ((codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"))
# Bytes Windows-1252 leaves undefined; browsers read them as Latin-1 (C1 controls), so do we.
_UNDEFINED_1252 = {0xDC00 + b: b for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
# A well-formed multi-byte UTF-8 sequence: if a file that fails to decode as UTF-8 contains
# these, it is damaged UTF-8, and reading it as Windows-1252 would only produce mojibake ("Ã±").
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _windows_1252(data: bytes) -> str:
    """Windows-1252, a superset of Latin-1's printable characters, with Latin-1 for its gaps."""
    return data.decode("cp1252", errors="surrogateescape").translate(_UNDEFINED_1252)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name) of a text file's bytes; InputError naming the file if they are not text."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], codec, name), label
    if b"\x00" in data:
        if codec := _bomless_utf16(data):
            return _strict(data, codec, name), codec
        raise InputError(f"{name}: looks binary (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_SEQUENCE.search(data):
            raise InputError(f"{name}: damaged UTF-8 (bad byte at offset {exc.start})") from None
    return _windows_1252(data), "windows-1252"


def _bomless_utf16(data: bytes) -> str | None:
    """The UTF-16 codec of Latin-script text saved without a BOM, else None.

    Such text has a NUL as the high byte of most characters and never a NUL low byte, so the
    NULs sit on one side only (odd offsets little-endian, even big-endian); binary files have
    NULs on both sides.
    """
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if even == 0 and odd > half // 2:
        return "utf-16-le"
    if odd == 0 and even > half // 2:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {encoding.upper()} (bad bytes at offset {exc.start})") from None
