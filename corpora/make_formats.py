"""Write the .docx, .html and .pdf versions of corpus pairs from their en.md / es.md.

    python corpora/make_formats.py [PAIR ...]     (default: security-communique, trade-investment-statement)

Each version carries what a real one would and a reader must drop: the .docx a running header
and footer, the .html a navigation menu, a cookie banner, a script and a footer, the .pdf a
running header, a "Page N of M" footer and words hyphenated across line breaks. Output is
byte-for-byte reproducible (fixed dates and metadata, fixed zip timestamps, reportlab invariant).
"""
from __future__ import annotations

import datetime as dt
import html
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from aligner.read import read  # noqa: E402
from aligner.read.base import split_item  # noqa: E402
from aligner.records import Block  # noqa: E402

PAIRS = ("security-communique", "trade-investment-statement")
FIXED_TIME = dt.datetime(2023, 1, 1, 12, 0, 0)
RUNNING = {"en": "Draft for translation review", "es": "Borrador para revisión de la traducción"}
PAGE = {"en": "Page {n} of {m}", "es": "Página {n} de {m}"}
MENU = {"en": ("Home", "News", "Statements", "Contact"),
        "es": ("Inicio", "Noticias", "Declaraciones", "Contacto")}
COOKIES = {"en": "We use cookies to improve your experience on this site.",
           "es": "Utilizamos cookies para mejorar su experiencia en este sitio."}
FOOTER = {"en": "© 2023 Joint Press Office. All rights reserved.",
          "es": "© 2023 Oficina de Prensa Conjunta. Todos los derechos reservados."}


def labelled(block: Block) -> bool:
    """A numbered item ("1. Duplicar ..."): its label is text, not a bullet."""
    found = split_item(block.text)
    return block.kind == "item" and found is not None and bool(found[1])


# --- docx -------------------------------------------------------------------------------------

def make_docx(blocks: list[Block], lang: str) -> bytes:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING[lang]
    section.footer.paragraphs[0].text = FOOTER[lang]
    first_heading = True
    for block in blocks:
        if block.kind == "heading":
            document.add_paragraph(block.text, style="Title" if first_heading else "Heading 1")
            first_heading = False
        elif block.kind == "item":
            document.add_paragraph(block.text, style="List Paragraph" if labelled(block) else "List Bullet")
        else:
            document.add_paragraph(block.text)
    props = document.core_properties
    props.author = props.last_modified_by = "aligner corpora"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every member dated FIXED_TIME, so reruns give identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


# --- html -------------------------------------------------------------------------------------

def make_html(blocks: list[Block], lang: str) -> str:
    esc = html.escape
    menu = "".join(f'<li><a href="/{esc(m.lower())}">{esc(m)}</a></li>' for m in MENU[lang])
    body, open_list = [], ""
    first_heading = True
    for block in blocks:
        tag = ("ol" if labelled(block) else "ul") if block.kind == "item" else ""
        if open_list != tag:
            body.append(f"</{open_list}>" if open_list else "")
            body.append(f"<{tag}>" if tag else "")
            open_list = tag
        if block.kind == "heading":
            level = "h1" if first_heading else "h2"
            first_heading = False
            body.append(f"<{level}>{esc(block.text)}</{level}>")
        elif tag == "ol":
            body.append(f"<li>{esc(split_item(block.text)[0].split(' ', 1)[1])}</li>")
        elif tag:
            body.append(f"<li>{esc(block.text)}</li>")
        else:
            body.append(f"<p>{esc(block.text)}</p>")
    body.append(f"</{open_list}>" if open_list else "")
    content = "\n".join(line for line in body if line)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{esc(blocks[0].text)}</title>
<script>window.dataLayer = window.dataLayer || []; function track() {{ return "analytics"; }}</script>
</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>{esc(COOKIES[lang])}</p><button>OK</button></div>
<header><nav><ul>{menu}</ul></nav></header>
<main>
<article>
{content}
</article>
</main>
<footer><p>{esc(FOOTER[lang])}</p></footer>
<script src="/static/site.js"></script>
</body>
</html>
"""


# --- pdf --------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 420.0, 595.0  # A5
MARGIN = 50.0
BODY = ("Helvetica", 10.0, 13.0)
HEADING = ("Helvetica-Bold", 13.0, 17.0)
PARA_GAP = 7.0
MIN_SPLIT = 3  # letters kept on each side of a hyphenated break


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def _split_word(word: str, room: float, font: str, size: float) -> tuple[str, str] | None:
    """Hyphenate a plain word (letters, then perhaps punctuation) so that its head fills `room`."""
    core = word.rstrip(".,;:!?»”\"')")
    if not core.isalpha() or len(core) < 2 * MIN_SPLIT + 2:
        return None
    for cut in range(len(core) - MIN_SPLIT, MIN_SPLIT - 1, -1):
        if _width(word[:cut] + "-", font, size) <= room:
            return word[:cut] + "-", word[cut:]
    return None


def wrap(text: str, width: float, font: str, size: float, hyphenate: bool) -> list[str]:
    """Greedy line filling; with `hyphenate`, a long word that does not fit is split with a hyphen."""
    lines, line = [], ""
    words = text.split(" ")
    while words:
        word = words.pop(0)
        candidate = f"{line} {word}" if line else word
        if _width(candidate, font, size) <= width or not line:
            line = candidate
            continue
        room = width - _width(line + " ", font, size)
        parts = _split_word(word, room, font, size) if hyphenate else None
        if parts:
            lines.append(f"{line} {parts[0]}")
            line = parts[1]
        else:
            lines.append(line)
            line = word
    return lines + [line] if line else lines


def _layout(blocks: list[Block]) -> list[list[tuple[float, float, str, str, float]]]:
    """Pages of (x, y, text, font, size), filled top to bottom."""
    pages: list[list[tuple[float, float, str, str, float]]] = [[]]
    y = PAGE_H - MARGIN
    text_width = PAGE_W - 2 * MARGIN
    for block in blocks:
        font, size, leading = HEADING if block.kind == "heading" else BODY
        indent, bullet, text = 0.0, "", block.text
        if block.kind == "item":
            indent = 14.0
            bullet = "" if labelled(block) else "•"
        lines = wrap(text, text_width - indent, font, size, hyphenate=block.kind != "heading")
        for k, line in enumerate(lines):
            if y - leading < MARGIN:
                pages.append([])
                y = PAGE_H - MARGIN
            y -= leading
            if k == 0 and bullet:
                pages[-1].append((MARGIN + 4, y, bullet, font, size))
            pages[-1].append((MARGIN + indent, y, line, font, size))
        y -= PARA_GAP
    return pages


def make_pdf(blocks: list[Block], lang: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=1)
    pdf.setTitle(blocks[0].text)
    pdf.setAuthor("aligner corpora")
    pages = _layout(blocks)
    for n, page in enumerate(pages, 1):
        pdf.setFont("Helvetica-Oblique", 8)
        pdf.drawString(MARGIN, PAGE_H - 30, RUNNING[lang])
        pdf.drawRightString(PAGE_W - MARGIN, 25, PAGE[lang].format(n=n, m=len(pages)))
        for x, y, text, font, size in page:
            pdf.setFont(font, size)
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_pair(pair: Path) -> list[Path]:
    written = []
    for lang in ("en", "es"):
        blocks = list(read(pair / f"{lang}.md", lang).blocks)
        for suffix, data in ((".docx", make_docx(blocks, lang)),
                             (".html", make_html(blocks, lang).encode("utf-8")),
                             (".pdf", make_pdf(blocks, lang))):
            path = pair / f"{lang}{suffix}"
            path.write_bytes(data)
            written.append(path)
    return written


if __name__ == "__main__":
    for name in sys.argv[1:] or PAIRS:
        for path in make_pair(HERE / name):
            print(path.relative_to(HERE.parent))
