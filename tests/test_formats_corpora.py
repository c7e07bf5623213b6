"""The docx, html and pdf versions of corpus pairs read and align exactly like their Markdown."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from aligner.api import align
from aligner.read import read
from aligner.segment import segment

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIRS = ("security-communique", "trade-investment-statement")
FORMATS = ("docx", "html", "pdf")


def _generator():
    spec = importlib.util.spec_from_file_location("make_formats", CORPORA / "make_formats.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sentences(path: Path, lang: str) -> list[str]:
    return [s.text for s in segment(read(path, lang))]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("pair", PAIRS)
def test_every_format_gives_the_markdown_sentences(pair, lang, fmt):
    folder = CORPORA / pair
    expected = sentences(folder / f"{lang}.md", lang)
    assert sentences(folder / f"{lang}.{fmt}", lang) == expected
    # the gold segmentation agrees too, so the gold beads apply to every format
    assert expected == (folder / f"{lang}.sents").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("pair", PAIRS)
def test_the_generated_files_are_reproducible_and_committed(pair):
    make = _generator()
    folder = CORPORA / pair
    for lang in ("en", "es"):
        blocks = list(read(folder / f"{lang}.md", lang).blocks)
        assert make.make_docx(blocks, lang) == (folder / f"{lang}.docx").read_bytes()
        assert make.make_html(blocks, lang).encode("utf-8") == (folder / f"{lang}.html").read_bytes()
        assert make.make_pdf(blocks, lang) == (folder / f"{lang}.pdf").read_bytes()


def test_the_pdfs_really_carry_what_the_reader_must_undo():
    import pypdf

    text = "".join(page.extract_text() for page in
                   pypdf.PdfReader(CORPORA / PAIRS[0] / "en.pdf").pages)
    assert "Page 2 of 2" in text and text.count("Draft for translation review") == 2
    assert any(line.endswith("-") and line[-2].isalpha() for line in text.splitlines())


@pytest.mark.parametrize("pair", PAIRS)
def test_aligning_other_formats_gives_the_markdown_beads(pair, use_encoder):
    folder = CORPORA / pair
    expected = align(folder / "en.md", folder / "es.md", encoder=use_encoder).beads
    for src, tgt in (("docx", "docx"), ("html", "html"), ("pdf", "pdf"), ("docx", "pdf")):
        got = align(folder / f"en.{src}", folder / f"es.{tgt}", encoder=use_encoder).beads
        assert [(b.src, b.tgt) for b in got] == [(b.src, b.tgt) for b in expected], (src, tgt)
