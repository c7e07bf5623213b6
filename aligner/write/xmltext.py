"""Text that an XML 1.0 document can hold (XLIFF, and the XML inside an xlsx workbook)."""
from __future__ import annotations

import re

# Control codes picked up from PDFs and word processors, lone surrogates, U+FFFE/U+FFFF: XML 1.0
# cannot hold them even as character references, so lxml and openpyxl refuse them. Dropping them
# loses nothing a translator could see.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids."""
    return _NOT_XML.sub("", text)
