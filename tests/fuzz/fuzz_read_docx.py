"""atheris harness: the .docx reader on raw bytes and on valid archives with fuzzed XML parts.

    python tests/fuzz/fuzz_read_docx.py tests/fuzz/seeds/read_docx -max_total_time=60
    python benchmarks/fuzz.py --only read_docx

Random bytes rarely get past the zip layer, so the last byte of an input picks what the rest is:
  0  the whole .docx file (zip directory, compression, bombs);
  1  word/document.xml of a valid archive whose styles.xml is STYLES below;
  2  word/styles.xml of a valid archive whose document.xml is DOCUMENT below.
Seeds in tests/fuzz/seeds/read_docx/ end with that byte. See read_contract.py for what a finding is.
"""
from __future__ import annotations

import io
import sys
import zipfile

import atheris

with atheris.instrument_imports(include=["aligner"]):
    from read_contract import read_as

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# Styles covering every rule of the reader: outline levels, localized names, numbering,
# based-on chains and a cycle a damaged file could hold.
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><w:styles {_NS}>
<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="T1"><w:name w:val="Título 1"/></w:style>
<w:style w:type="paragraph" w:styleId="LP"><w:name w:val="List Paragraph"/></w:style>
<w:style w:type="paragraph" w:styleId="N"><w:name w:val="Numbers"/><w:pPr><w:numPr/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="B"><w:name w:val="Mine"/><w:basedOn w:val="H1"/></w:style>
<w:style w:type="paragraph" w:styleId="C1"><w:name w:val="c1"/><w:basedOn w:val="C2"/></w:style>
<w:style w:type="paragraph" w:styleId="C2"><w:name w:val="c2"/><w:basedOn w:val="C1"/></w:style>
<w:style w:type="character" w:styleId="X"><w:name w:val="heading 2"/></w:style>
</w:styles>""".encode()
DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8"?><w:document {_NS}><w:body>
<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>Heading</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="B"/></w:pPr><w:r><w:t>Based on a heading</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="LP"/></w:pPr><w:r><w:t>An item</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="N"/></w:pPr><w:r><w:t>A numbered item</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="C1"/></w:pPr><w:r><w:t>In a cycle</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="X"/></w:pPr><w:r><w:t>A character style</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="T1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>Título</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>""".encode()


def _docx(document: bytes, styles: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", styles)
    return out.getvalue()


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 2)  # the last byte
    rest = fdp.ConsumeBytes(fdp.remaining_bytes())
    if mode == 1:
        rest = _docx(rest, STYLES)
    elif mode == 2:
        rest = _docx(DOCUMENT, rest)
    read_as(rest, ".docx")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
