"""Reading text and markdown into blocks, and the InputError cases."""
from __future__ import annotations

import pytest

from aligner.errors import InputError, UsageError
from aligner.read import read, read_lines, read_string


def kinds_texts(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_string(text, "en", fmt).blocks]


def test_plain_text_soft_wraps_join_and_blank_lines_split():
    text = "The Parties agree\nthat this is wrapped.\n\nA second paragraph\nalso wrapped."
    assert kinds_texts(text) == [
        ("paragraph", "The Parties agree that this is wrapped."),
        ("paragraph", "A second paragraph also wrapped."),
    ]


def test_plain_text_headings():
    text = "JOINT STATEMENT\n\nArticle 1\n\nThe Parties agree.\n\nPART ONE\nSome text follows here."
    assert kinds_texts(text) == [
        ("heading", "JOINT STATEMENT"),
        ("heading", "Article 1"),
        ("paragraph", "The Parties agree."),
        ("heading", "PART ONE"),
        ("paragraph", "Some text follows here."),
    ]


def test_plain_text_lone_sentence_is_not_a_heading():
    assert kinds_texts("The meeting ended.") == [("paragraph", "The meeting ended.")]


@pytest.mark.parametrize("marker", ["1.", "1)", "a)", "(a)", "(iv)", "IV."])
def test_numbered_labels_stay_in_item_text(marker):
    blocks = kinds_texts(f"Intro text:\n{marker} first item\ncontinued\n{marker} second")
    assert blocks == [("paragraph", "Intro text:"), ("item", f"{marker} first item continued"), ("item", f"{marker} second")]


@pytest.mark.parametrize("bullet", ["-", "*", "•"])
def test_bullets_are_dropped_from_item_text(bullet):
    assert kinds_texts(f"{bullet} one\n{bullet} two") == [("item", "one"), ("item", "two")]


def test_markdown_structure():
    md = (
        "# Title *here* #\n\nIntro with **bold**\nand a [link](http://x.org) and `code`.\n\n"
        "- bullet one\n  continues\n+ bullet two\n1. numbered\n\nSetext\n======\n\n"
        "> quoted text\n\n```\nskipped code\n```\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert kinds_texts(md, "markdown") == [
        ("heading", "Title here"),
        ("paragraph", "Intro with bold and a link and code."),
        ("item", "bullet one continues"),
        ("item", "bullet two"),
        ("item", "1. numbered"),
        ("heading", "Setext"),
        ("paragraph", "quoted text"),
        ("line", "a | b"),
        ("line", "1 | 2"),
    ]


def test_markdown_inline_edge_cases():
    md = "snake_case stays, 5 * 3 * 2 stays, \\*escaped\\* stays, ![img](a.png)gone, <!-- c -->x"
    assert kinds_texts(md, "markdown") == [("paragraph", "snake_case stays, 5 * 3 * 2 stays, *escaped* stays, gone, x")]


def test_markdown_hard_breaks_make_lines():
    md = "Done at Geneva  \n15 March 2020\\\nFor the Parties\n\nA paragraph\nwrapped."
    assert kinds_texts(md, "markdown") == [
        ("line", "Done at Geneva"),
        ("line", "15 March 2020"),
        ("line", "For the Parties"),
        ("paragraph", "A paragraph wrapped."),
    ]


def test_read_picks_format_from_suffix(tmp_path):
    md, txt = tmp_path / "a.md", tmp_path / "a.txt"
    md.write_text("# Heading\n\nBody.\n", encoding="utf-8")
    txt.write_text("# Heading\n\nBody.\n", encoding="utf-8")
    assert read(md, "en").blocks[0].text == "Heading"
    assert read(txt, "en").blocks[0].text == "# Heading"
    assert read(txt, "en", fmt="markdown").blocks[0].text == "Heading"
    assert read(md, "es").lang == "es" and read(md, "es").path == str(md)


def test_bom_and_crlf_are_accepted(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffFirst line\r\nwrapped.\r\n".encode("utf-8"))
    assert [b.text for b in read(p, "en").blocks] == ["First line wrapped."]


@pytest.mark.parametrize(
    "content, problem",
    [(b"", "empty"), (b"  \n\t\n", "empty"), (b"abc\x00def", "binary"), ("Año".encode("utf-8") + b" caf\xe9", "damaged UTF-8")],
)
def test_bad_files_raise_input_error_naming_the_file(tmp_path, content, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=problem) as exc:
        read(p, "en")
    assert str(p) in str(exc.value) and "\n" not in str(exc.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nope.txt", "en")
    with pytest.raises(InputError, match="directory"):
        read(tmp_path, "en")


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError):
        read_string("x", "en", fmt="docx")


def test_read_lines_keeps_blank_lines_as_indices(tmp_path):
    p = tmp_path / "pre.txt"
    p.write_text("One.\n\nThree.\n", encoding="utf-8")
    assert read_lines(p) == ["One.", "", "Three."]
    blank = tmp_path / "blank.txt"
    blank.write_text("\n\n  \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_lines(blank)


@pytest.mark.parametrize("name", ["statement.doc", "statement.ODT", "letter.rtf"])
def test_unsupported_formats_are_refused_by_name(tmp_path, name):
    from aligner.errors import InputError
    from aligner.read import read

    path = tmp_path / name
    path.write_text("Hello.", encoding="utf-8")
    with pytest.raises(InputError, match="not supported"):
        read(path, "en")
