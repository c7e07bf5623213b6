"""PDF: reading order, running headers/footers and page numbers, hyphenation, rebuilt paragraphs."""
from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from aligner.cli import main
from aligner.errors import InputError
from aligner.read import pdf, read
from aligner.read.pdflayout import Line, blocks_of, drop_running, join_lines

PAGE = (420, 595)


def make_pdf(path: Path, pages: list[list[tuple[float, str, str, float]]], encrypt=None,
             running: bool = True) -> Path:
    """Pages of (y, text, font, size) lines at x=50, with a running header and page numbers."""
    pdf = canvas.Canvas(str(path), pagesize=PAGE, invariant=1, encrypt=encrypt)
    for n, lines in enumerate(pages, 1):
        if running:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(50, 565, "Ministry of Trade - Internal draft")
            pdf.drawString(200, 25, f"- {n} -")
        for y, text, font, size in lines:
            pdf.setFont(font, size)
            pdf.drawString(50, y, text)
        pdf.showPage()
    pdf.save()
    return path


def body(y: float, text: str) -> tuple[float, str, str, float]:
    return y, text, "Helvetica", 10


def test_running_headers_page_numbers_paragraphs_headings_and_hyphens(tmp_path):
    pages = [
        [(520, "Annual report", "Helvetica-Bold", 16), body(490, "The plan covers imple-"),
         body(477, "mentation of the long-term strategy and a"), body(464, "long-"),
         body(451, "term review."), body(420, "A second paragraph starts"),
         body(407, "after a gap; its last line is short.")],
        [body(520, "- A bulleted item that wraps onto"), body(507, "  a second line."),
         body(480, "Figures for 2023-"), body(467, "2024 and the España-"),
         body(454, "Estados Unidos forum.")],
        [body(520, "Closing paragraph on the last page.")],
    ]
    doc = read(make_pdf(tmp_path / "r.pdf", pages), "en")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Annual report"),
        ("paragraph", "The plan covers implementation of the long-term strategy and a long-term review."),
        ("paragraph", "A second paragraph starts after a gap; its last line is short."),
        ("item", "A bulleted item that wraps onto a second line."),
        ("paragraph", "Figures for 2023-2024 and the España-Estados Unidos forum."),
        ("paragraph", "Closing paragraph on the last page.")]


def test_a_paragraph_continues_across_a_page_break(tmp_path):
    full = "words that fill a whole line of the page here"
    pages = [[body(520, full), body(507, full), body(494, "and the sentence goes on to the very last")],
             [body(520, "next page where it ends."), body(490, "New paragraph.")]]
    texts = [b.text for b in read(make_pdf(tmp_path / "p.pdf", pages), "en").blocks]
    assert texts == [f"{full} {full} and the sentence goes on to the very last next page where it ends.",
                     "New paragraph."]


def test_join_lines_hyphenation_rules():
    assert join_lines(["the imple-", "mentation"]) == "the implementation"
    assert join_lines(["a long-", "term plan"], {"long-term"}) == "a long-term plan"
    assert join_lines(["a long-", "term plan"]) == "a longterm plan"
    assert join_lines(["from 2023-", "2024"]) == "from 2023-2024"
    assert join_lines(["Franco-", "German"]) == "Franco-German"
    assert join_lines(["a dash -", "here"]) == "a dash - here"
    assert join_lines(["soft\u00ad", "hyphen"]) == "softhyphen"


def _page(n: int, *texts: str) -> list[Line]:
    return [Line(n, 500 - 13 * k, 50, 10, False, t) for k, t in enumerate(texts)]


def test_running_lines_need_to_repeat_on_most_pages_but_page_numbers_always_go():
    pages = [_page(0, "Report 2023", "First body line.", "Page 1 of 3"),
             _page(1, "Report 2023", "Second body line.", "Page 2 of 3"),
             _page(2, "Different top", "Third body line.", "Page 3 of 3")]
    kept = [line.text for page in drop_running(pages) for line in page]
    assert kept == ["First body line.", "Second body line.", "Different top", "Third body line."]
    single = drop_running([_page(0, "Report 2023", "Only page.", "7")])
    assert [line.text for line in single[0]] == ["Report 2023", "Only page."]


def test_numbered_items_keep_their_label():
    pages = [[Line(0, 500, 50, 10, False, "Intro line."),
              Line(0, 480, 50, 10, False, "1. First step that"),
              Line(0, 467, 50, 10, False, "continues."),
              Line(0, 454, 50, 10, False, "2. Second step.")]]
    assert [(b.kind, b.text) for b in blocks_of(pages)] == [
        ("paragraph", "Intro line."), ("item", "1. First step that continues."),
        ("item", "2. Second step.")]


def test_owner_password_only_opens_user_password_is_refused(tmp_path):
    lines = [[body(500, "Protected but readable.")]]
    open_copy = make_pdf(tmp_path / "owner.pdf", lines, running=False,
                         encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0))
    assert [b.text for b in read(open_copy, "en").blocks] == ["Protected but readable."]
    locked = make_pdf(tmp_path / "locked.pdf", lines, running=False,
                      encrypt=StandardEncryption("secret", ownerPassword="owner"))
    with pytest.raises(InputError, match="encrypted") as exc:
        read(locked, "en")
    assert str(locked) in str(exc.value)


def test_image_only_pdf_suggests_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=PAGE, invariant=1)
    pdf.rect(50, 50, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(InputError, match="OCR") as exc:
        read(path, "en")
    assert "no extractable text" in str(exc.value) and "\n" not in str(exc.value)


def test_damaged_pdf_is_an_input_error(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", [[body(500, "Text.")]])
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(good.read_bytes()[:200])
    with pytest.raises(InputError, match="damaged.pdf"):
        read(damaged, "en")


@pytest.mark.parametrize("case", ["encrypted", "image"])
def test_cli_bad_pdf_is_exit_2_one_line_no_output(tmp_path, case):
    if case == "encrypted":
        bad = make_pdf(tmp_path / "bad.pdf", [[body(500, "Secret.")]],
                       encrypt=StandardEncryption("secret"))
    else:
        bad = tmp_path / "bad.pdf"
        pdf = canvas.Canvas(str(bad), pagesize=PAGE, invariant=1)
        pdf.circle(100, 100, 50)
        pdf.save()
    good = Path(__file__).resolve().parent.parent / "corpora" / "security-communique" / "en.md"
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["align", str(good), str(bad), "-o", str(out)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.pdf" in lines[0]
    assert not out.exists()


def test_pdf_bytes_read_through_input_format(tmp_path):
    path = make_pdf(tmp_path / "report.bin", [[body(500, "Read despite the suffix.")]], running=False)
    assert [b.text for b in read(path, "en", fmt="pdf").blocks] == ["Read despite the suffix."]


def _raw_pdf(content: bytes, pages: int) -> bytes:
    """A PDF whose `pages` pages all draw the one deflated content stream `content`."""
    stream = zlib.compress(content, 9)
    font = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>"
               % (b" ".join(b"%d 0 R" % (4 + i) for i in range(pages)), pages),
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                b"/Resources %s >>" % font] * pages
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


LINE = b"BT /F1 12 Tf 72 700 Td (Words on a line.) Tj ET\n"


def test_page_content_is_read_within_a_budget_set_by_the_file_size(tmp_path, monkeypatch):
    # Found while fuzzing for hangs: 200 pages pointing at one 1 MB stream (a 44 kB file) kept
    # pypdf busy for minutes. Here the budget is shrunk so that a small file shows it.
    monkeypatch.setattr(pdf, "CONTENT_FLOOR", 1_000)
    monkeypatch.setattr(pdf, "CONTENT_FACTOR", 20)
    shared = tmp_path / "shared.pdf"
    shared.write_bytes(_raw_pdf(LINE * 200, pages=100))  # ~1 kB of PDF, ~1 MB of content
    with pytest.raises(InputError, match="more page content than a PDF of its size") as exc:
        read(shared, "en")
    assert str(shared) in str(exc.value)
    fine = tmp_path / "fine.pdf"
    fine.write_bytes(_raw_pdf(LINE * 20, pages=1))
    assert [b.text for b in read(fine, "en").blocks] == ["Words on a line." * 20]


def test_a_deflate_bomb_page_is_refused_before_it_is_parsed(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_raw_pdf(b" " * (pdf.CONTENT_FACTOR * pdf.CONTENT_FLOOR + 1), pages=1))
    with pytest.raises(InputError, match="more page content"):
        read(bomb, "en")


def test_joining_lines_is_linear_in_the_text():
    # Found while fuzzing for hangs: 30,000 wrapped lines took 70 s (the whole text joined so far
    # was searched at every line) and a 120,000-letter word 27 s (a regex restarted inside it).
    assert join_lines(["imple-"] * 30_000) == "imple" * 29_999 + "imple-"
    pages = [[Line(0, 500, 50, 10, False, "word" * 30_000 + " long-term")]]
    assert blocks_of(pages)[0].text.endswith("long-term")
