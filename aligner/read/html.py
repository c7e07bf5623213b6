"""HTML: the main text only (headings, paragraphs, list items, table cells), boilerplate dropped.

A structural pass over lxml's tree, not trafilatura: on a short page trafilatura falls back to
a baseline that merged the navigation menu, the heading and every paragraph and list item into
one paragraph, and it drops the numbers of <ol> items. Documents sent for translation are short
and well marked up, so the markup is the better guide: take <main> (or the only <article>, or
<body>), drop navigation, page headers and footers, asides, forms, scripts and cookie banners.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
from lxml import etree

from aligner.errors import InputError
from aligner.read.base import DEFAULT_MAX_MB, Reader, document, read_bytes
from aligner.read.encoding import decode, log
from aligner.read.text import tidy
from aligner.records import Block, Document

_DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "aside", "form", "iframe",
                 "svg", "button", "select", "dialog", "object", "embed", "canvas", "head")
_DROPPED_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                  "alertdialog", "menu", "menubar"}
_BOILERPLATE = re.compile(r"cookie|consent|gdpr|newsletter|share-?bar|breadcrumb", re.I)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {
    "p", "li", "td", "th", "dt", "dd", "blockquote", "pre", "figcaption", "caption", "div",
    "section", "article", "main", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr",
    "figure", "address", "header", "footer", "center", "details", "summary", "hr", "body"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Characters XML cannot hold: lxml's HTML parser keeps them, then refuses them in any text it is
# given back (ValueError while dropping boilerplate). They are never words, so they become spaces.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# lxml refuses a str that opens with an XML declaration naming an encoding: the text is decoded already.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


class HtmlReader(Reader):
    def blocks(self, text: str) -> list[Block]:
        text = _NOT_XML.sub(" ", _XML_DECLARATION.sub("", text))
        if not text.strip():
            return []
        parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
        try:
            root = lxml.html.document_fromstring(text, parser=parser)
        except etree.ParserError:  # "Document is empty": only comments or processing instructions
            return []
        _drop_boilerplate(root)
        return list(_walk(_main(root), "paragraph"))

    def load(self, path: str | Path, lang: str, max_mb: float = DEFAULT_MAX_MB) -> Document:
        text = _decode(read_bytes(path, max_mb), str(path))
        doc = document(self.blocks(text), lang, str(path))
        if not doc.blocks:
            raise InputError(f"{path}: no main text found in the HTML (only navigation, scripts "
                             "or boilerplate)")
        return doc


def _decode(data: bytes, name: str) -> str:
    """A BOM wins, then the page's <meta charset>, then UTF-8 / Windows-1252 as for text files."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode(declared.group(1).decode("ascii"))
            text.encode("utf-8")  # codecs no page uses (utf-7, unicode_escape) can yield lone surrogates
            log.info("%s: read as %s (meta charset)", name, declared.group(1).decode("ascii"))
            return text
        except (LookupError, UnicodeError):
            pass  # a wrong declaration is common; sniff instead
    text, encoding = decode(data, name)
    log.info("%s: read as %s", name, encoding)
    return text


def _is_boilerplate(el: etree._Element) -> bool:
    if el.tag in ("header", "footer"):  # an article's own header holds its title: keep that one
        return not any(a.tag in ("main", "article") for a in el.iterancestors())
    marks = f"{el.get('id', '')} {el.get('class', '')}"
    return (el.get("role", "").lower() in _DROPPED_ROLES or el.get("hidden") is not None
            or el.get("aria-hidden", "").lower() == "true" or bool(_BOILERPLATE.search(marks)))


def _drop_boilerplate(root: etree._Element) -> None:
    doomed = [el for el in root.iter(*_DROPPED_TAGS)]
    doomed += [el for el in root.iter() if isinstance(el.tag, str) and _is_boilerplate(el)]
    for el in doomed:
        if el.getparent() is not None:
            _remove_keeping_tail(el)


def _remove_keeping_tail(el: etree._Element) -> None:
    parent, tail = el.getparent(), el.tail or ""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _main(root: etree._Element) -> etree._Element:
    """The element holding the document proper."""
    for query in ("//main", "//*[@role='main']"):
        if found := root.xpath(query):
            return found[0]
    articles = root.xpath("//article")
    return articles[0] if len(articles) == 1 else root


def _walk(el: etree._Element, kind: str, label: str = "") -> Iterator[Block]:
    """Blocks of `el`: its own inline text as one block of `kind`, nested blocks on their own."""
    parts = [label, el.text or ""]
    # an <ol>'s labels are counted once, not from the first item again for each (quadratic)
    labels = _ol_labels(el) if el.tag == "ol" else iter(())
    for child in el:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
        elif child.tag in _BLOCKS:
            yield from _flush(kind, parts)
            parts = [""]
            yield from _walk(child, *_kind_of(child, labels))
            parts.append(child.tail or "")
        else:
            parts.append(" " if child.tag == "br" else child.text_content())
            parts.append(child.tail or "")
    yield from _flush(kind, parts)


def _flush(kind: str, parts: list[str]) -> Iterator[Block]:
    text = tidy(" ".join("".join(parts).split()))
    if text and text != parts[0].strip():  # a list label with nothing after it is no item
        yield Block(kind, text)


def _kind_of(el: etree._Element, labels: Iterator[str]) -> tuple[str, str]:
    """The block kind an element starts, and the label an <ol> item shows before its text
    (the next of its parent's `labels`)."""
    if el.tag in _HEADINGS:
        return "heading", ""
    if el.tag == "li":
        return "item", next(labels, "")
    return "paragraph", ""


def _ol_labels(ol: etree._Element) -> Iterator[str]:
    """ "3. " for the third item of an <ol>, and so on (honouring start, value and type="a")."""
    number = _int(ol.get("start"), 1)
    kind = ol.get("type", "1")
    for li in ol.iterchildren("li"):
        number = _int(li.get("value"), number)
        if kind in ("a", "A") and 1 <= number <= len(_LETTERS):
            letter = _LETTERS[number - 1]
            yield f"{letter.upper() if kind == 'A' else letter}. "
        else:
            yield f"{number}. "
        number += 1


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
