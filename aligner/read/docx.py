"""Word .docx: the body's paragraphs and tables in reading order, tracked changes accepted.

Only word/document.xml, word/styles.xml and word/numbering.xml are read, so headers, footers, footnotes, endnotes
and comments (separate parts) never reach the text. Automatic list numbers become the item's
label, as Markdown items carry theirs (see aligner.read.docx_numbering). python-docx is not used to read: its
`paragraph.text` skips runs inside <w:ins> (it sees only direct <w:r> children), and opening a
file with it unpacks every part, images included, before we could bound their size.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from aligner.errors import InputError
from aligner.read.base import BinaryReader
from aligner.read.docx_numbering import Counter, definitions
from aligner.read.safexml import DAMAGED_ZIP, check_zip, parse, read_member
from aligner.read.text import tidy
from aligner.records import Block

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
DOCUMENT, STYLES, NUMBERING = "word/document.xml", "word/styles.xml", "word/numbering.xml"
# Unpacked bytes allowed per byte of .docx (at least per megabyte): Word's XML compresses
# 10-20 to 1, so 30 leaves room for real files while a bomb's thousands to 1 cannot pass.
UNPACK_FACTOR = 30


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Subtrees whose text is not part of the accepted document: deletions, moved-from text, the
# fallback copy of alternate content, text boxes (drawn objects outside the reading order).
_SKIPPED = {_w("del"), _w("moveFrom"), f"{{{MC}}}Fallback", _w("txbxContent"), _w("rPr"), _w("pPr")}
_CHARS = {_w("tab"): " ", _w("br"): " ", _w("cr"): " ", _w("noBreakHyphen"): "\u2011"}
# Built-in style names are stored in English ("heading 1"), but files made from localized
# templates carry "Título 1", "Titre 1", "Überschrift 1".
_HEADING = re.compile(r"^(heading|t[íi]tulo|titre|überschrift|title|subtitle|subt[íi]tulo)\b", re.I)
_LIST = re.compile(r"^(list|lista|liste|p[áa]rrafo de lista)\b", re.I)


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num: _Num | None
    outline: bool


@dataclass(frozen=True)
class _Num:
    """A w:numPr: which list (numId "0" cancels numbering) and which level, when given."""
    num_id: str | None
    ilvl: int | None


class DocxReader(BinaryReader):
    name = "docx"

    def blocks_of(self, data: bytes, path: str) -> list[Block]:
        limit = UNPACK_FACTOR * max(len(data), 1_000_000)
        parts = _parts(data, path, limit)
        body = parse(parts[DOCUMENT], f"{path} ({DOCUMENT})").find(_w("body"))
        if body is None:
            raise InputError(f"{path}: not a Word document (no body in {DOCUMENT})")
        styles, numbering = parts.get(STYLES), parts.get(NUMBERING)
        table = _styles(parse(styles, f"{path} ({STYLES})")) if styles else {}
        # A damaged numbering part is refused like a damaged styles part: silently dropping the
        # labels would make the anchors of one version disappear without anyone noticing.
        counter = Counter(definitions(parse(numbering, f"{path} ({NUMBERING})")) if numbering else {})
        return [block for p in _paragraphs(body) if (block := _block(p, table, counter)).text]


def _parts(data: bytes, path: str, limit: int) -> dict[str, bytes]:
    """document.xml, and styles.xml and numbering.xml when the archive has them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{path}: not a valid .docx (not a zip archive)") from None
    except DAMAGED_ZIP as exc:  # a zip whose directory points outside the file
        raise InputError(f"{path}: damaged archive ({exc})") from None
    with archive:
        names = set(archive.namelist())
        if DOCUMENT not in names:
            raise InputError(f"{path}: not a Word document (no {DOCUMENT} in the archive)")
        check_zip(archive, path, limit)
        return {name: read_member(archive, name, path)
                for name in (DOCUMENT, STYLES, NUMBERING) if name in names}


def _paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """Every <w:p> of the body in reading order: table cells row by row, content controls opened."""
    for child in container:
        if child.tag == _w("p"):
            yield child
        elif child.tag in (_w("tbl"), _w("tr"), _w("tc"), _w("sdt"), _w("sdtContent"),
                           _w("customXml"), _w("ins"), _w("moveTo")):
            yield from _paragraphs(child)


def _text(element: etree._Element) -> Iterator[str]:
    for child in element:
        if child.tag in _SKIPPED or _hidden(child):
            continue
        if child.tag == _w("t"):
            yield child.text or ""
        else:
            yield _CHARS.get(child.tag, "")
            yield from _text(child)


def _hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (<w:vanish/>): not visible, so not translated."""
    return run.tag == _w("r") and run.find(f"{_w('rPr')}/{_w('vanish')}") is not None


def _block(p: etree._Element, styles: dict[str, _Style], counter: Counter) -> Block:
    text = tidy("".join(_text(p)))
    style_el = p.find(f"{_w('pPr')}/{_w('pStyle')}")
    style_id = style_el.get(_w("val")) if style_el is not None else None
    chain = list(_chain(style_id, styles))
    num_id, ilvl = _numbering(p, chain)
    # Counted even when the paragraph is empty: Word shows (and counts) its number too.
    label = counter.label(num_id, ilvl) if num_id else ""
    if label and text:
        text = f"{label} {text}"
    if _outline(p) or any(s.outline or _HEADING.match(s.name) for s in chain):
        return Block("heading", text)
    if num_id or any(_LIST.match(s.name) for s in chain):
        return Block("item", text)
    return Block("paragraph", text)


def _numbering(p: etree._Element, chain: list[_Style]) -> tuple[str | None, int]:
    """The list and level of a paragraph: its own w:numPr first, then its styles' ("0" is none)."""
    found = [n for n in [_num_pr(p), *(s.num for s in chain)] if n is not None]
    num_id = next((n.num_id for n in found if n.num_id is not None), None)
    ilvl = next((n.ilvl for n in found if n.ilvl is not None), 0)
    return (None if num_id == "0" else num_id), ilvl


def _num_pr(element: etree._Element) -> _Num | None:
    num_pr = element.find(f"{_w('pPr')}/{_w('numPr')}")
    if num_pr is None:
        return None
    num_id, ilvl = num_pr.find(_w("numId")), num_pr.find(_w("ilvl"))
    level = ilvl.get(_w("val"), "0") if ilvl is not None else None
    return _Num(num_id=num_id.get(_w("val")) if num_id is not None else None,
                ilvl=int(level) if level is not None and level.isdigit() else None)


def _chain(style_id: str | None, styles: dict[str, _Style]) -> Iterator[_Style]:
    """A style and the styles it is based on (cycles in a damaged file are cut)."""
    seen: set[str] = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        yield styles[style_id]
        style_id = styles[style_id].based_on


def _styles(root: etree._Element) -> dict[str, _Style]:
    out = {}
    for style in root.iter(_w("style")):
        if style.get(_w("type")) != "paragraph":
            continue
        name = style.find(_w("name"))
        based = style.find(_w("basedOn"))
        out[style.get(_w("styleId"), "")] = _Style(
            name=name.get(_w("val"), "") if name is not None else "",
            based_on=based.get(_w("val")) if based is not None else None,
            num=_num_pr(style),
            outline=_outline(style))
    return out


def _outline(element: etree._Element) -> bool:
    """Word marks headings (a style or one paragraph) with an outline level below 9 (9 is body text)."""
    level = element.find(f"{_w('pPr')}/{_w('outlineLvl')}")
    return level is not None and level.get(_w("val"), "9") != "9"
