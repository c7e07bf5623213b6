"""XML and zip parts read without trusting the file: no entities, no network, bounded sizes."""
from __future__ import annotations

import lzma
import struct
import zipfile
import zlib

from lxml import etree

from aligner.errors import InputError

# A text document's XML compresses 5-20 to 1; deflate cannot exceed about 1030 to 1. Anything
# far above what text gives, on a member big enough to matter, is a zip bomb.
MAX_RATIO = 200
RATIO_FLOOR = 1_000_000
_CHUNK = 1 << 20
# What zipfile raises on a damaged archive besides BadZipFile: offsets pointing before the start
# ("negative seek value", ValueError), names that are not UTF-8, broken deflate, bzip2 (OSError)
# or lzma streams, truncated data, encrypted members (RuntimeError), unknown compressions.
DAMAGED_ZIP = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, struct.error, EOFError,
               NotImplementedError, ValueError, OSError, RuntimeError)


def parser() -> etree.XMLParser:
    """An XML parser that never resolves entities, loads a DTD or touches the network (no XXE)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True)


def parse(data: bytes, name: str) -> etree._Element:
    try:
        return etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{name}: damaged XML ({exc.msg})") from None


def check_zip(archive: zipfile.ZipFile, name: str, max_bytes: int) -> None:
    """Refuse a zip bomb from its directory alone, before anything is decompressed."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > max_bytes or total > max_bytes:
            raise InputError(f"{name}: unpacks to more than {max_bytes / 1e6:g} MB (zip bomb?)")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(f"{name}: {info.filename} is compressed {info.file_size // max(info.compress_size, 1)}"
                             " to 1 (zip bomb?)")


def read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    """A member's bytes, never more than its declared size (a lying directory cannot inflate it)."""
    info = archive.getinfo(member)
    chunks, size = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > info.file_size:
                    raise InputError(f"{name}: {member} is larger than declared (zip bomb?)")
                chunks.append(chunk)
    except DAMAGED_ZIP as exc:
        raise InputError(f"{name}: damaged archive ({exc})") from None
    return b"".join(chunks)
