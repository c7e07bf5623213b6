"""XLIFF 1.2 for CAT tools: one <trans-unit> per bead, source and target side by side.

Why 1.2 and not 2.0: 1.2 is the version every tool a translation office uses imports with its
default XLIFF filter. translate-toolkit's `factory` opens .xlf files as 1.2 only (2.0 needs an
explicit `Xliff2File`); OmegaT reads 1.2 with its native filter and with the Okapi plugin's;
Trados Studio's SDLXLIFF and memoQ's MQXLIFF are themselves 1.2 dialects, and memoQ reads 2.0
only through a separate "XLIFF 2" filter; Okapi has a separate XLIFF-2 filter (or the sniffing
okf_autoxliff) because both versions share the .xlf suffix. 2.0 would add nothing an alignment
needs, and Okapi's 1.2 filter keeps whitespace under xml:space="preserve" and passes general
notes on to the translator.

Everything stays inside the core 1.2 vocabulary, so a strict validator needs no extension
schema (not validated here: neither translate-toolkit nor lxml ships the XLIFF schema):
- the score and the 0-based sentence indices (JSON lists, as in TMX) are `<context>` entries of
  a `<context-group name="aligner">` with user-defined `x-` context types;
- every flag is a `<note from="aligner">` whose priority follows its severity (1 high, 2 medium,
  3 low) and whose text gives severity, kind, message and the evidence on each side (a flag a
  reviewer dismissed says "[dismissed: note]" and has the lowest priority, 10);
- the target's `state` tells a reviewer where to look: `translated` for a plain bead,
  `needs-review-translation` for a bead with an open flag or with no source, `needs-translation` (and
  an empty target) for source text nobody translated.
"""
from __future__ import annotations

import json
import os
from typing import TextIO

from lxml import etree

from .. import __version__
from ..records import SEVERITIES, Alignment, Bead, Flag
from .base import StreamWriter
from .xmltext import xml_safe

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
XML = "{http://www.w3.org/XML/1998/namespace}"
TOOL = "aligner"
CONTEXT_GROUP = "aligner"
PRIORITY = {severity: len(SEVERITIES) - rank for rank, severity in enumerate(SEVERITIES)}


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _add(parent: etree._Element, tag: str, text: str | None = None,
         **attrib: str) -> etree._Element:
    element = etree.SubElement(parent, _tag(tag), attrib)
    if text is not None:
        element.text = xml_safe(text)
    return element


def flag_note(flag: Flag, src_lang: str, tgt_lang: str) -> str:
    """The note text a CAT tool shows for one flag: severity, kind, message, then the evidence."""
    lines = [flag.headline]
    evidence = ((src_lang, xml_safe(flag.src_evidence)), (tgt_lang, xml_safe(flag.tgt_evidence)))
    lines += [f"{lang}: {text}" for lang, text in evidence if text]
    return "\n".join(lines)


def gap_note(bead: Bead, src_lang: str, tgt_lang: str) -> str | None:
    """Why a unit has an empty side, or None when both sides have text."""
    if not bead.tgt:
        return (f"no {tgt_lang} text is aligned with this {src_lang} text: "
                "left out of the translation?")
    if not bead.src:
        return f"no {src_lang} text is aligned with this {tgt_lang} text: added by the translation?"
    return None


def target_state(bead: Bead) -> str:
    if not bead.tgt:
        return "needs-translation"
    if bead.open_flags or not bead.src:
        return "needs-review-translation"
    return "translated"


def _add_unit(body: etree._Element, alignment: Alignment, number: int, bead: Bead) -> None:
    src_lang, tgt_lang = alignment.src_lang, alignment.tgt_lang
    # preserve: a tab or line break inside a sentence is part of the text, not indentation
    unit = _add(body, "trans-unit", id=str(number), **{f"{XML}space": "preserve"})
    _add(unit, "source", alignment.src_text(bead), **{f"{XML}lang": src_lang})
    _add(unit, "target", alignment.tgt_text(bead),
         **{f"{XML}lang": tgt_lang, "state": target_state(bead)})
    group = _add(unit, "context-group", name=CONTEXT_GROUP, purpose="information")
    for context_type, value in (("x-score", str(round(float(bead.score), 4))),
                                ("x-src-sentences", json.dumps(list(bead.src))),
                                ("x-tgt-sentences", json.dumps(list(bead.tgt)))):
        _add(group, "context", value, **{"context-type": context_type})
    gap = gap_note(bead, src_lang, tgt_lang)
    if gap:
        _add(unit, "note", gap, **{"from": TOOL, "annotates": "general"})
    for flag in bead.flags:
        _add(unit, "note", flag_note(flag, src_lang, tgt_lang),
             **{"from": TOOL, "priority": str(PRIORITY[flag.severity] if flag.is_open else 10),
                "annotates": "general"})


def to_tree(alignment: Alignment) -> etree._Element:
    """The <xliff> element: one <file> holding one <trans-unit> per bead, numbered from 1."""
    root = etree.Element(_tag("xliff"), version="1.2", nsmap={None: NAMESPACE})
    file = _add(root, "file", original=_original(alignment),
                datatype="plaintext", **{"source-language": alignment.src_lang,
                                         "target-language": alignment.tgt_lang, "tool-id": TOOL})
    header = _add(file, "header")
    _add(header, "tool", **{"tool-id": TOOL, "tool-name": TOOL, "tool-version": __version__})
    body = _add(file, "body")
    for number, bead in enumerate(alignment.beads, start=1):
        _add_unit(body, alignment, number, bead)
    return root


class XliffWriter(StreamWriter):
    name = "xliff"
    suffixes = (".xlf", ".xliff")

    def dump(self, alignment: Alignment, stream: TextIO) -> None:
        data = etree.tostring(to_tree(alignment), xml_declaration=True, encoding="UTF-8",
                              pretty_print=True)
        stream.write(data.decode("utf-8"))


def _original(alignment: Alignment) -> str:
    """The file attribute CAT tools show: the source document's name when it came from a file."""
    if alignment.src_path:
        return os.path.basename(alignment.src_path)
    return f"alignment.{alignment.src_lang}-{alignment.tgt_lang}"
