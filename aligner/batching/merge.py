"""The merged corpus: every finished pair's two-sided beads in one file per format.

Built at the end of every run from the stored per-pair alignments (not from what this run
happened to align), so it is the same after a resume as after a clean run. Beads missing a
side never enter it; the filters of aligner.cleaning decide on the rest, once for every
format, and DIR/filters.csv counts what each dropped. TSV/CSV, JSONL and Parquet get a
`doc_id` column/key, TMX a `<prop type="x-doc-id">`; any other format gets the documents one after the other.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from lxml import etree

from ..cleaning import Cleaned, FilterSpec, clean, write_filter_log
from ..records import Alignment
from ..write import WRITERS, write
from ..write.atomic import atomic_outputs
from ..write.delimited import COLUMNS, DelimitedWriter, to_frame
from ..write.parquet import write_documents
from ..write.tmx import to_tree
from .layout import CORPUS, FILTERS, output_path

Documents = Callable[[], Iterator[tuple[str, Alignment]]]


def write_corpus(out_dir: Path, formats: Iterable[str], documents: Documents,
                 filters: FilterSpec, src_langs: set[str]) -> Cleaned:
    """DIR/corpus.<ext> for every format and DIR/filters.csv; `documents()` yields (pair id,
    alignment) afresh. Returns what the filters kept and dropped."""
    cleaned = clean(documents(), filters)
    write_filter_log(out_dir / FILTERS, cleaned)
    for fmt in formats:
        path = output_path(out_dir, CORPUS, fmt)
        filtered = ((doc_id, kept(a, cleaned.keep[doc_id])) for doc_id, a in documents())
        writer = WRITERS[fmt]
        if issubclass(writer, DelimitedWriter):
            _write_streamed(path, _delimited(filtered, writer.separator))
        elif fmt == "jsonl":
            _write_streamed(path, _jsonl(filtered))
        elif fmt == "tmx":
            _write_streamed(path, _tmx(filtered, src_langs))
        elif fmt == "parquet":
            write_documents(filtered, path)
        else:
            write(concatenate(a for _, a in filtered), path, fmt)
    return cleaned


def kept(alignment: Alignment, keep: tuple[bool, ...]) -> Alignment:
    return replace(alignment, beads=tuple(b for b, k in zip(alignment.beads, keep) if k))


def _write_streamed(path: Path, pieces: Iterator[str]) -> None:
    with atomic_outputs([path]) as (stream,):
        for piece in pieces:
            stream.write(piece)


def _delimited(documents: Iterator[tuple[str, Alignment]], separator: str) -> Iterator[str]:
    yield separator.join(("doc_id", *COLUMNS)) + "\n"
    for doc_id, alignment in documents:
        if alignment.beads:
            frame = to_frame(alignment)
            frame.insert(0, "doc_id", doc_id)
            yield frame.to_csv(sep=separator, index=False, header=False, lineterminator="\n")


def _jsonl(documents: Iterator[tuple[str, Alignment]]) -> Iterator[str]:
    for doc_id, alignment in documents:
        for record in alignment.records():
            yield json.dumps({"doc_id": doc_id, **record}, ensure_ascii=False) + "\n"


def _tmx(documents: Iterator[tuple[str, Alignment]], src_langs: set[str]) -> Iterator[str]:
    """One <tu> at a time, so a large corpus is never one tree in memory."""
    src_lang = next(iter(src_langs)) if len(src_langs) == 1 else "*all*"
    header = to_tree(Alignment((), (), (), src_lang=src_lang)).find("header")
    yield "<?xml version='1.0' encoding='UTF-8'?>\n<tmx version=\"1.4\">\n"
    yield "  " + etree.tostring(header, encoding="unicode") + "\n  <body>\n"
    for doc_id, alignment in documents:
        for tu in to_tree(alignment).iter("tu"):
            prop = etree.Element("prop", type="x-doc-id")
            prop.text = doc_id
            tu.insert(0, prop)
            etree.indent(tu, space="  ", level=2)
            yield "    " + etree.tostring(tu, encoding="unicode") + "\n"
    yield "  </body>\n</tmx>\n"


def concatenate(alignments: Iterable[Alignment]) -> Alignment:
    """The documents one after the other, as one alignment (sentence indices run on)."""
    src, tgt, beads, langs = [], [], [], ("en", "es")
    for alignment in alignments:
        langs = (alignment.src_lang, alignment.tgt_lang)
        shift_src, shift_tgt = len(src), len(tgt)
        src += [replace(s, index=s.index + shift_src) for s in alignment.src]
        tgt += [replace(s, index=s.index + shift_tgt) for s in alignment.tgt]
        beads += [replace(b, src=tuple(i + shift_src for i in b.src),
                          tgt=tuple(j + shift_tgt for j in b.tgt)) for b in alignment.beads]
    return Alignment(tuple(src), tuple(tgt), tuple(beads), *langs)
