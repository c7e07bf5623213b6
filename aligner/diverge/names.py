"""NAMES, CODES AND LINKS: strings a translation copies as they are — URLs, e-mail addresses,
hashtags, @handles, document symbols (A/RES/70/1, S/2023/123, COM(2020) 65 final) and case or
file numbers — found on one side of a bead only.

These are compared as written (after Unicode normalisation and without a trailing full stop),
because a translation has no business changing them: a URL that differs by one character
points elsewhere. Localised acronyms (UN/ONU ...) are words, not codes, and are not compared
here.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..records import Flag
from .base import BeadText, Check, Context

_PATTERNS = {
    "URL": r"(?:https?://|www\.)[^\s<>«»“”\"')\]]+",
    "e-mail address": r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    "hashtag": r"(?<![\w&])#[^\W\d_][\w]*",
    "handle": r"(?<![\w.])@[A-Za-z_][\w]{1,30}(?![@\w])",
    # UN symbols: A/RES/70/1, S/2023/123, E/CN.4/2005/L.10, A/HRC/RES/45/1
    "document symbol": r"(?<![\w/])(?:A|S|E|ST|UNEP|HRC|TD|ECE|CEDAW|CRC|CCPR|E/CN\.\d+)"
                       r"(?:/[A-Z0-9.]+){2,}(?![\w/])",
    # EU documents: COM(2020) 65 final, SWD(2021) 12, C(2019) 4567
    "EU document": r"(?<!\w)(?:COM|SWD|SEC|JOIN|C)\s?\(\d{4}\)\s?\d+(?:\s+final)?",
    # Case and file numbers: T-123/19, C-311/18, No. 2021-0345, 12-cv-3456
    "case number": r"(?<![\w/-])(?:[A-Z]{1,3}-\d{1,5}/\d{2,4}|\d{2}-[a-z]{2}-\d{3,6})(?![\w/])",
}
_SCAN = re.compile("|".join(f"(?P<g{i}>{p})" for i, p in enumerate(_PATTERNS.values())))
_KINDS = tuple(_PATTERNS)


def codes(text: str) -> Counter[tuple[str, str]]:
    """(kind, the string as compared) for every code in `text`."""
    text = unicodedata.normalize("NFC", text)
    found: Counter[tuple[str, str]] = Counter()
    for m in _SCAN.finditer(text):
        kind = _KINDS[int(m.lastgroup[1:])]
        value = m.group(0).rstrip(".,;:")
        if kind == "URL":
            value = value.rstrip("/").lower()
        found[(kind, value)] += 1
    return found


@dataclass(frozen=True)
class NamesCheck(Check):
    severity: str = "medium"
    name: str = "names"

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        src, tgt = bead.src_text, bead.tgt_text
        if not src.strip() or not tgt.strip() or not (_maybe(src) or _maybe(tgt)):
            return []
        a, b = codes(src), codes(tgt)
        src_only, tgt_only = a - b, b - a
        flags = self._localised_links(src_only, tgt_only)
        for kind, value in src_only:
            flags.append(Flag("name", self.severity, f"{kind} {value} missing in Spanish", value, ""))
        for kind, value in tgt_only:
            flags.append(Flag("name", self.severity, f"{kind} {value} only in Spanish", "", value))
        return flags


    def _localised_links(self, src_only: Counter, tgt_only: Counter) -> list[Flag]:
        """A link to another page of the same site (the Spanish version of a page) is one low
        flag, not a missing and an added link; the pair leaves both counters."""
        flags = []
        for key in [k for k in src_only if k[0] == "URL"]:
            match = next((k for k in tgt_only if k[0] == "URL" and _host(k[1]) == _host(key[1])), None)
            if match:
                flags.append(Flag("name", "low", f"link changed to another page of {_host(key[1])}",
                                  key[1], match[1]))
                del src_only[key], tgt_only[match]
        return flags


def _host(url: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url).split("/", 1)[0]


def _maybe(text: str) -> bool:
    """Every code holds one of these characters; most sentences hold none and are skipped."""
    return any(c in text for c in "/@#(:") or "www." in text
