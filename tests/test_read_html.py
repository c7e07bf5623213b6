"""HTML: the main text kept as headings, paragraphs and items; boilerplate dropped; nothing fetched."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.errors import InputError
from aligner.read import read, read_string

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Site title</title>
<style>p { color: red }</style><script>var tracking = "SCRIPT TEXT";</script></head>
<body>
<div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<main>
  <h1>Joint statement</h1>
  <p>Trade <b>grew</b> by 14.6%.<br>Services grew too.</p>
  <ul><li>First commitment.</li><li>Second <a href="#">commitment</a>.</li></ul>
  <ol start="3"><li>Third step.</li><li value="7">Seventh step.</li><li>Eighth step.</li></ol>
  <aside><p>Related articles</p></aside>
  <form><label>Subscribe</label><input name="e"></form>
  <table><tr><td>Exports rose.</td><td>Imports fell.</td></tr></table>
</main>
<footer><p>© 2023 Press office.</p></footer>
<noscript>Enable JavaScript.</noscript>
</body></html>"""


def blocks(html: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_string(html, "en", fmt="html").blocks]


def test_main_text_is_kept_as_structure_and_boilerplate_dropped():
    assert blocks(PAGE) == [
        ("heading", "Joint statement"), ("paragraph", "Trade grew by 14.6%. Services grew too."),
        ("item", "First commitment."), ("item", "Second commitment."),
        ("item", "3. Third step."), ("item", "7. Seventh step."), ("item", "8. Eighth step."),
        ("paragraph", "Exports rose."), ("paragraph", "Imports fell.")]


def test_without_main_the_body_is_read_and_an_articles_own_header_is_kept():
    page = ("<html><body><nav>Menu</nav><article><header><h1>Title</h1></header>"
            "<p>Body text.</p><footer><p>Signed, the Minister.</p></footer></article>"
            "<footer>Site footer</footer></body></html>")
    assert blocks(page) == [("heading", "Title"), ("paragraph", "Body text."),
                            ("paragraph", "Signed, the Minister.")]


def test_text_outside_paragraphs_and_hidden_or_aria_hidden_elements():
    page = ("<body><div>Loose text in a div.<p>A paragraph.</p>Tail text.</div>"
            "<div hidden>Hidden.</div><p aria-hidden='true'>Decoration.</p>"
            "<div role='navigation'>Links</div><ol type='a'><li>Lettered.</li></ol></body>")
    assert blocks(page) == [("paragraph", "Loose text in a div."), ("paragraph", "A paragraph."),
                            ("paragraph", "Tail text."), ("item", "a. Lettered.")]


def test_meta_charset_decides_the_encoding(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes('<html><head><meta charset="windows-1252"></head><body><p>Año “uno”.</p>'
                     "</body></html>".encode("cp1252"))
    assert [b.text for b in read(path, "es").blocks] == ["Año “uno”."]


def test_utf8_without_declaration(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes("<p>Negociación en curso.</p>".encode("utf-8"))
    assert [b.text for b in read(path, "es").blocks] == ["Negociación en curso."]


def test_entities_are_not_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT", encoding="utf-8")
    page = (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
            "<html><body><p>Visible &xxe; text &amp; more.</p></body></html>")
    text = " ".join(t for _, t in blocks(page))
    assert "Visible" in text and "& more" in text and "TOP SECRET" not in text


def test_a_page_with_no_main_text_is_an_input_error(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav><script>x()</script>"
                    "<footer>© 2023</footer></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no main text") as exc:
        read(path, "en")
    assert str(path) in str(exc.value)


def test_cli_html_without_text_is_exit_2_one_line_no_output(tmp_path):
    bad = tmp_path / "menu.html"
    bad.write_text("<nav>Home</nav><script>x()</script>", encoding="utf-8")
    good = Path(__file__).resolve().parent.parent / "corpora" / "security-communique" / "en.md"
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["check", str(good), str(bad), "-o", str(out)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "menu.html" in lines[0]
    assert not out.exists()


# Found by tests/fuzz/fuzz_read_html.py: lxml escaped the reader with ValueError or ParserError.
@pytest.mark.parametrize("page, expected", [
    # control characters in a tail that boilerplate removal moves onto the parent
    (b"<div><nav>Menu</nav>one\x01two\x0bthree</div>", ["one two three"]),
    (b"<p>bell\x07 and form\x0cfeed</p>", ["bell and form feed"]),
    # a str may not open with an XML declaration that names an encoding
    (b'<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>XHTML page.</p></body></html>',
     ["XHTML page."]),
])
def test_markup_lxml_would_refuse_is_read(tmp_path, page, expected):
    path = tmp_path / "page.html"
    path.write_bytes(page)
    assert [b.text for b in read(path, "en").blocks] == expected


def test_a_page_of_comments_only_is_an_input_error_not_a_parser_error(tmp_path):
    path = tmp_path / "comments.html"
    path.write_bytes(b"  <!-- nothing but a comment -->  ")
    with pytest.raises(InputError, match="no main text") as exc:
        read(path, "en")
    assert str(path) in str(exc.value)


@pytest.mark.parametrize("charset, body", [("utf-7", b"+2AA-"), ("unicode_escape", b"\\ud800")])
def test_a_meta_charset_decoding_to_lone_surrogates_is_ignored(tmp_path, charset, body):
    # lxml silently cut the page at the surrogate; the bytes are sniffed (UTF-8) instead
    path = tmp_path / "page.html"
    path.write_bytes(f'<meta charset="{charset}"><p>before '.encode() + body + b" after</p>")
    assert [b.text for b in read(path, "en").blocks] == [f"before {body.decode()} after"]


def test_a_long_ordered_list_is_numbered_in_one_pass():
    # Found while fuzzing for hangs: each item counted its list from the first item again, so a
    # 20,000-item <ol> (200 kB) took 3 minutes to read.
    page = "<ol start='5'>" + "<li>Step.</li>" * 20_000 + "</ol><ul><li>Loose.</li></ul>"
    texts = [text for _, text in blocks(page)]
    assert texts[0] == "5. Step." and texts[-2] == "20004. Step." and texts[-1] == "Loose."
    assert len(texts) == 20_001
