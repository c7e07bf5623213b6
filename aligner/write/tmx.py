"""TMX 1.4b translation memory: one <tu> per bead that has text on both sides."""
from __future__ import annotations

import json
from typing import TextIO

from lxml import etree

from .. import __version__
from ..records import Alignment, Bead
from .base import StreamWriter
from .xmltext import xml_safe

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _header(alignment: Alignment) -> dict[str, str]:
    return {
        "creationtool": "aligner",
        "creationtoolversion": __version__,
        "datatype": "plaintext",
        "segtype": "sentence",
        "adminlang": "en",
        "srclang": alignment.src_lang,
        "o-tmf": "aligner",
    }


def _add_text(parent: etree._Element, tag: str, text: str, **attrib: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attrib)
    element.text = xml_safe(text)
    return element


def _add_tu(body: etree._Element, alignment: Alignment, bead: Bead) -> None:
    tu = etree.SubElement(body, "tu")
    _add_text(tu, "prop", str(round(float(bead.score), 4)), type="x-score")
    _add_text(tu, "prop", json.dumps(list(bead.src)), type="x-src-sentences")
    _add_text(tu, "prop", json.dumps(list(bead.tgt)), type="x-tgt-sentences")
    for flag in bead.flags:
        _add_text(tu, "note", flag.headline)
    for lang, text in ((alignment.src_lang, alignment.src_text(bead)),
                       (alignment.tgt_lang, alignment.tgt_text(bead))):
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
        _add_text(tuv, "seg", text)


def to_tree(alignment: Alignment) -> etree._Element:
    """The <tmx> element; beads empty on one side are left out (a TU needs two variants)."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", _header(alignment))
    body = etree.SubElement(root, "body")
    for bead in alignment.beads:
        if bead.src and bead.tgt:
            _add_tu(body, alignment, bead)
    return root


class TmxWriter(StreamWriter):
    name = "tmx"
    suffixes = (".tmx",)

    def dump(self, alignment: Alignment, stream: TextIO) -> None:
        data = etree.tostring(to_tree(alignment), xml_declaration=True, encoding="UTF-8",
                              pretty_print=True)
        stream.write(data.decode("utf-8"))
