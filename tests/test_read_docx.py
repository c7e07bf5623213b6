"""Word .docx: reading order, structure, tracked changes, excluded parts, and hostile files."""
from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml

from aligner.cli import main
from aligner.errors import InputError
from aligner.read import read

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def save(document, path: Path) -> Path:
    document.save(str(path))
    return path


def edit_zip(path: Path, edits: dict[str, Callable[[str], str]], added: dict[str, bytes] | None = None) -> None:
    """Rewrite members of a .docx: edits map a member name to a function of its text."""
    members = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            members[name] = edits[name](data.decode("utf-8")).encode("utf-8") if name in edits else data
    members.update(added or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def texts(path: Path) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read(path, "en").blocks]


def test_headings_items_and_paragraphs_are_blocks(tmp_path):
    d = docx.Document()
    d.add_paragraph("Joint statement", style="Title")
    d.add_paragraph("Trade", style="Heading 1")
    d.add_paragraph("Trade grew. Services too.")
    d.add_paragraph("First commitment.", style="List Bullet")
    d.add_paragraph("Second commitment.", style="List Number")
    d.add_paragraph("Closing words.")
    assert texts(save(d, tmp_path / "a.docx")) == [
        ("heading", "Joint statement"), ("heading", "Trade"), ("paragraph", "Trade grew. Services too."),
        ("item", "First commitment."), ("item", "1. Second commitment."), ("paragraph", "Closing words.")]


def test_localized_heading_style_and_numbering_on_a_plain_paragraph(tmp_path):
    d = docx.Document()
    d.styles.add_style("Título 1", 1)
    d.add_paragraph("Comercio", style="Título 1")
    d.add_paragraph("Primer compromiso.")
    path = save(d, tmp_path / "a.docx")
    assert [b.kind for b in read(path, "es").blocks] == ["heading", "paragraph"]
    numbered = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Primer'
    edit_zip(path, {"word/document.xml": lambda x: x.replace("<w:p><w:r><w:t>Primer", numbered)})
    assert [b.kind for b in read(path, "es").blocks] == ["heading", "item"]


def test_tables_are_read_in_document_order_cell_by_cell(tmp_path):
    d = docx.Document()
    d.add_paragraph("Before the table.")
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Exports rose.", (0, 1): "Imports fell.",
                         (1, 0): "Prices held.", (1, 1): "Jobs grew."}.items():
        table.cell(r, c).text = text
    d.add_paragraph("After the table.")
    assert [t for _, t in texts(save(d, tmp_path / "t.docx"))] == [
        "Before the table.", "Exports rose.", "Imports fell.", "Prices held.", "Jobs grew.",
        "After the table."]


def test_headers_footers_footnotes_and_comments_are_left_out(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "RUNNING HEADER"
    d.sections[0].footer.paragraphs[0].text = "RUNNING FOOTER"
    para = d.add_paragraph("The budget was approved.")
    d.add_comment(para.runs, text="COMMENT TEXT", author="Reviewer")
    path = save(d, tmp_path / "n.docx")
    footnotes = (f'<w:footnotes {W_NS}><w:footnote w:id="1"><w:p><w:r><w:t>FOOTNOTE TEXT</w:t>'
                 "</w:r></w:p></w:footnote></w:footnotes>").encode()
    edit_zip(path, {
        "word/document.xml": lambda x: x.replace(
            "The budget was approved.</w:t></w:r>",
            'The budget was approved.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'),
        "[Content_Types].xml": lambda x: x.replace("</Types>", (
            '<Override PartName="/word/footnotes.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')),
        "word/_rels/document.xml.rels": lambda x: x.replace("</Relationships>", (
            '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/footnotes" Target="footnotes.xml"/></Relationships>')),
    }, {"word/footnotes.xml": footnotes})
    with zipfile.ZipFile(path) as z:  # the file really holds them
        assert {"word/footnotes.xml", "word/comments.xml"} <= set(z.namelist())
    assert texts(path) == [("paragraph", "The budget was approved.")]


def test_tracked_changes_are_taken_as_accepted(tmp_path):
    d = docx.Document()
    d.add_paragraph("PLACEHOLDER")
    path = save(d, tmp_path / "c.docx")
    tracked = ('<w:r><w:t xml:space="preserve">The fund grows by </w:t></w:r>'
               '<w:del w:id="1" w:author="a"><w:r><w:delText>10</w:delText></w:r></w:del>'
               '<w:ins w:id="2" w:author="a"><w:r><w:t>12</w:t></w:r></w:ins>'
               '<w:r><w:t xml:space="preserve"> percent</w:t></w:r>'
               '<w:moveFrom w:id="3" w:author="a"><w:r><w:t> yearly</w:t></w:r></w:moveFrom>'
               '<w:r><w:rPr><w:vanish/></w:rPr><w:t> HIDDEN</w:t></w:r><w:r><w:t>.</w:t></w:r>')
    edit_zip(path, {"word/document.xml": lambda x: x.replace("<w:r><w:t>PLACEHOLDER</w:t></w:r>", tracked)})
    assert texts(path) == [("paragraph", "The fund grows by 12 percent.")]


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT", encoding="utf-8")
    d = docx.Document()
    d.add_paragraph("PLACEHOLDER")
    path = save(d, tmp_path / "x.docx")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    edit_zip(path, {"word/document.xml": lambda x: x.replace("?>", "?>" + doctype, 1)
                    .replace("PLACEHOLDER", "Visible &xxe; text.")})
    text = " ".join(t for _, t in texts(path))
    assert text.startswith("Visible") and "TOP SECRET" not in text


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


@pytest.mark.parametrize("case, message", [
    ("not_zip", "not a zip"), ("no_document", "no word/document.xml"), ("bomb", "zip bomb"),
    ("bad_xml", "damaged XML")])
def test_hostile_or_broken_files_raise_one_line_input_errors(tmp_path, case, message):
    path = tmp_path / f"{case}.docx"
    if case == "not_zip":
        path.write_bytes(b"This is plain text saved with the wrong suffix.")
    elif case == "no_document":
        _zip(path, {"[Content_Types].xml": b"<Types/>", "word/other.xml": b"<x/>"})
    elif case == "bomb":  # 60 MB of zeros deflate to about 60 kB: a 1000 to 1 ratio
        _zip(path, {"word/document.xml": b"<w:document/>", "word/media/pad.bin": bytes(60_000_000)})
    else:
        _zip(path, {"word/document.xml": b"<w:document><w:body>"})
    with pytest.raises(InputError, match=message) as exc:
        read(path, "en")
    assert str(path) in str(exc.value) and "\n" not in str(exc.value)


def test_bad_docx_on_the_command_line_is_exit_2_one_line_no_output(tmp_path):
    bad = _zip(tmp_path / "bad.docx", {"word/other.xml": b"<x/>"})
    good = Path(__file__).resolve().parent.parent / "corpora" / "security-communique" / "es.md"
    out = tmp_path / "out.tsv"
    result = CliRunner().invoke(main, ["align", str(bad), str(good), "-o", str(out)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.docx" in lines[0]
    assert not out.exists()


def test_input_format_overrides_the_suffix(tmp_path):
    d = docx.Document()
    d.add_paragraph("Saved without a suffix.")
    path = save(d, tmp_path / "statement")
    with pytest.raises(InputError, match="binary"):
        read(path, "en")
    assert read(path, "en", fmt="docx").blocks[0].text == "Saved without a suffix."


def test_a_docx_cannot_be_parsed_from_a_string():
    from aligner.errors import UsageError
    from aligner.read import read_string

    with pytest.raises(UsageError, match="binary"):
        read_string("text", "en", fmt="docx")


def _patched(path: Path, patch: Callable[[bytearray], None]) -> Path:
    """A valid one-paragraph .docx with its zip structures patched in place."""
    _zip(path, {"word/document.xml": f"<w:document {W_NS}><w:body><w:p><w:r><w:t>Hi"
                                     "</w:t></w:r></w:p></w:body></w:document>".encode()})
    data = bytearray(path.read_bytes())
    patch(data)
    path.write_bytes(bytes(data))
    return path


def _directory_offset_too_large(data: bytearray) -> None:  # members then start before the file
    end = data.rindex(b"PK\x05\x06") + 16
    struct.pack_into("<I", data, end, struct.unpack_from("<I", data, end)[0] + 5000)


def _encrypted(data: bytearray) -> None:
    struct.pack_into("<H", data, data.index(b"PK\x01\x02") + 8, 0x1)


def _name_not_utf8(data: bytearray) -> None:  # the UTF-8 flag on a name that is not UTF-8
    entry = data.index(b"PK\x01\x02")
    struct.pack_into("<H", data, entry + 8, 0x800)
    data[entry + 46] = 0xFF


# Found by tests/fuzz/fuzz_read_docx.py: zipfile's ValueError, RuntimeError and
# UnicodeDecodeError escaped the reader as tracebacks.
@pytest.mark.parametrize("patch", [_directory_offset_too_large, _encrypted, _name_not_utf8])
def test_a_damaged_zip_structure_is_an_input_error(tmp_path, patch):
    path = _patched(tmp_path / "damaged.docx", patch)
    with pytest.raises(InputError, match="damaged archive") as exc:
        read(path, "en")
    assert str(path) in str(exc.value) and "\n" not in str(exc.value)


# --- automatic numbering (word/numbering.xml) ---------------------------------------------------

def abstract(abstract_id: int, *levels: tuple[str, str, int]) -> str:
    """An abstract list whose level i has (numFmt, lvlText, start) = levels[i]."""
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text, start) in enumerate(levels))
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def numbered_docx(tmp_path: Path, paragraphs: list[tuple[str, int | None, int]], numbering: str | None,
                  style: str | None = None) -> Path:
    """A .docx whose paragraphs (text, numId or None, ilvl) carry w:numPr; numbering.xml replaced
    by `numbering` (or removed when None)."""
    d = docx.Document()
    for text, num_id, ilvl in paragraphs:
        paragraph = d.add_paragraph(text, style=style)
        if num_id is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    path = save(d, tmp_path / "n.docx")
    members = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            members[name] = z.read(name)
    members.pop("word/numbering.xml")
    if numbering is not None:
        members["word/numbering.xml"] = f"<w:numbering {W_NS}>{numbering}</w:numbering>".encode()
    return _zip(path, members)


def test_a_decimal_list_counts_one_to_three(tmp_path):
    path = numbered_docx(tmp_path, [("Intro.", None, 0), ("Alpha.", 1, 0), ("Beta.", 1, 0), ("Gamma.", 1, 0)],
                         abstract(0, ("decimal", "%1.", 1)) + num(1, 0))
    assert texts(path) == [("paragraph", "Intro."), ("item", "1. Alpha."), ("item", "2. Beta."),
                           ("item", "3. Gamma.")]


def test_nested_letters_restart_under_each_number(tmp_path):
    path = numbered_docx(tmp_path, [("One.", 1, 0), ("Sub one.", 1, 1), ("Sub two.", 1, 1), ("Two.", 1, 0),
                                    ("Sub three.", 1, 1), ("Deep.", 1, 2)],
                         abstract(0, ("decimal", "%1.", 1), ("lowerLetter", "(%2)", 1),
                                  ("decimal", "%1.%3.", 1)) + num(1, 0))
    assert [t for _, t in texts(path)] == ["1. One.", "(a) Sub one.", "(b) Sub two.", "2. Two.",
                                           "(a) Sub three.", "2.1. Deep."]


@pytest.mark.parametrize("fmt, start, labels", [
    ("lowerRoman", 1, ["(i)", "(ii)", "(iii)", "(iv)"]), ("upperRoman", 8, ["(VIII)", "(IX)", "(X)", "(XI)"]),
    ("upperLetter", 25, ["(Y)", "(Z)", "(AA)", "(BB)"]), ("decimalZero", 8, ["(08)", "(09)", "(10)", "(11)"]),
    ("ordinalText", 1, ["(1)", "(2)", "(3)", "(4)"])])  # an unsupported format falls back to decimal
def test_numeral_formats(tmp_path, fmt, start, labels):
    names = ["Aa.", "Bb.", "Cc.", "Dd."]
    path = numbered_docx(tmp_path, [(n, 1, 0) for n in names], abstract(0, (fmt, "(%1)", start)) + num(1, 0))
    assert [t for _, t in texts(path)] == [f"{label} {n}" for label, n in zip(labels, names)]


def test_literal_text_in_the_template_and_headings_are_numbered_too(tmp_path):
    path = numbered_docx(tmp_path, [("Scope", 1, 0), ("Definitions", 1, 0)],
                         abstract(0, ("decimal", "Article %1", 1)) + num(1, 0), style="Heading 1")
    assert texts(path) == [("heading", "Article 1 Scope"), ("heading", "Article 2 Definitions")]


def test_start_override_restarts_a_second_list_on_the_same_abstract(tmp_path):
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    path = numbered_docx(tmp_path, [("Alpha.", 1, 0), ("Beta.", 1, 0), ("Gamma.", 2, 0), ("Delta.", 2, 0)],
                         abstract(0, ("decimal", "%1)", 1)) + num(1, 0) + num(2, 0, override))
    assert [t for _, t in texts(path)] == ["1) Alpha.", "2) Beta.", "5) Gamma.", "6) Delta."]


def test_bullets_and_none_give_no_label_but_still_an_item(tmp_path):
    path = numbered_docx(tmp_path, [("Alpha.", 1, 0), ("Beta.", 2, 0)],
                         abstract(0, ("bullet", "\u2022", 1)) + abstract(1, ("none", "", 1)) + num(1, 0) + num(2, 1))
    assert texts(path) == [("item", "Alpha."), ("item", "Beta.")]


def test_style_numbering_applies_and_num_id_zero_cancels_it(tmp_path):
    # "Body Text" is numbered by its style alone (its name says nothing about lists), so the
    # paragraph whose own numId is 0 stops being an item and takes no number.
    numbering = abstract(0, ("decimal", "%1.", 1)) + num(7, 0)
    path = numbered_docx(tmp_path, [("Alpha.", None, 0), ("Beta.", 0, 0), ("Gamma.", None, 0)], numbering,
                         style="Body Text")
    edit_zip(path, {"word/styles.xml": lambda x: re.sub(
        r'(w:styleId="BodyText">.*?<w:pPr>)', r'\g<1><w:numPr><w:numId w:val="7"/></w:numPr>', x, count=1)})
    assert texts(path) == [("item", "1. Alpha."), ("paragraph", "Beta."), ("item", "2. Gamma.")]


def test_a_missing_numbering_part_leaves_items_unlabelled(tmp_path):
    path = numbered_docx(tmp_path, [("Alpha.", 1, 0), ("Beta.", 1, 0)], None)
    with zipfile.ZipFile(path) as z:
        assert "word/numbering.xml" not in z.namelist()
    assert texts(path) == [("item", "Alpha."), ("item", "Beta.")]


def test_a_malformed_numbering_part_is_a_one_line_input_error(tmp_path):
    path = numbered_docx(tmp_path, [("Alpha.", 1, 0)], "<w:abstractNum>")
    with pytest.raises(InputError, match="numbering.xml.*damaged XML") as exc:
        read(path, "en")
    assert str(path) in str(exc.value) and "\n" not in str(exc.value)
