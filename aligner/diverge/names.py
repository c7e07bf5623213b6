"""NAMES, CODES AND LINKS: strings a translation copies as they are — people's names, URLs,
e-mail addresses, hashtags, @handles, document symbols (A/RES/70/1, S/2023/123, COM(2020) 65
final) and case or file numbers — found on one side of a bead only.

Codes are compared as written (after Unicode normalisation and without a trailing full stop),
because a translation has no business changing them: a URL that differs by one character
points elsewhere. Localised acronyms (UN/ONU ...) are words, not codes, and are not compared
here.

A person's name is two or more capitalised words in a row none of which is a common word of
either language (lists mined from the aligned data by benchmarks/mine_vocabulary.py: a word
the data ever writes in lower case is common, which names never are) nor a word of a country's
name (CLDR, through Babel). "Antony Blinken" is a name; "the Joint Task Force", "Monday" and
"South Africa" are not. A name is missing when none of its words occurs on the other side
(accents and case aside), or an adaptation of it (a word at least COGNATE_RATIO similar), so "Secretary Blinken" / "el
secretario Blinken", "Marie Antoinette" / "María Antonieta" and a dropped first name are
silent: a name that is kept in part is kept.
"""
from __future__ import annotations

import difflib
import functools
import gzip
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from importlib import resources

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


_POSSESSIVE = re.compile(r"['’]s?$")
# Names cross languages adapted (Marie Antoinette / María Antonieta, Nova Scotia / Nueva
# Escocia): a word this similar to one on the other side counts as kept.
COGNATE_RATIO = 0.75
_CAPITALISED = re.compile(r"(?<![\w-])[^\W\d_a-z][^\W\d_]*(?:[-'’][^\W\d_]+)*(?:\s+[^\W\d_a-z][^\W\d_]*(?:[-'’][^\W\d_]+)*)+")


@functools.lru_cache(maxsize=None)
def common_words() -> frozenset[str]:
    """Lower-case words of English and Spanish, mined from the aligned data."""
    words: set[str] = set()
    for lang in ("en", "es"):
        data = resources.files("aligner.diverge").joinpath(f"lexicons/common-words.{lang}.txt.gz").read_bytes()
        words.update(gzip.decompress(data).decode("utf-8").split())
    return frozenset(words)


@functools.lru_cache(maxsize=None)
def territory_words() -> frozenset[str]:
    """Every word of every country's and territory's name, in English and Spanish (CLDR)."""
    from babel import Locale

    names = [n for lang in ("en", "es") for n in Locale(lang).territories.values()]
    return frozenset(_fold(w) for n in names for w in re.findall(r"[^\W\d_]+", n))


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold())
                   if not unicodedata.combining(c))


def person_names(text: str) -> list[str]:
    """Runs of two or more capitalised words that are neither common words nor place names."""
    common, places = common_words(), territory_words()
    found = []
    for run in _CAPITALISED.finditer(text):
        words = [_POSSESSIVE.sub("", w) for w in run.group(0).split()]
        current: list[str] = []
        for word in words + [""]:
            folded = _fold(word)
            if word and not word.isupper() and folded not in common and folded not in places \
                    and word.lower() not in common:
                current.append(word)
                continue
            if len(current) >= 2:
                found.append(" ".join(current))
            current = []
    return found


def _kept(word: str, there: set[str]) -> bool:
    """The word, or an adaptation of it (Antoinette/Antonieta, Giza/Guiza, Academy/Academia),
    occurs among the other side's words."""
    if word in there:
        return True
    if len(word) < 4:
        return False
    matcher = difflib.SequenceMatcher(None, "", word, autojunk=False)  # b is the one it indexes
    for other in there:
        if len(other) >= 4 and abs(len(other) - len(word)) <= 4:
            matcher.set_seq1(other)
            if matcher.ratio() >= COGNATE_RATIO:
                return True
    return False


def _missing_names(text: str, other: str) -> list[str]:
    if not any(c.isupper() for c in text[1:]):
        return []
    there = {_fold(w) for w in re.findall(r"[^\W\d_]+", other)}
    return [n for n in person_names(text)
            if not any(_kept(_fold(w), there) for w in re.findall(r"[^\W\d_]+", n))]


@dataclass(frozen=True)
class NamesCheck(Check):
    severity: str = "medium"
    name: str = "names"

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        src, tgt = bead.src_text, bead.tgt_text
        if not src.strip() or not tgt.strip():
            return []
        flags = [Flag("name", self.severity, f"name {n} missing in Spanish", n, "")
                 for n in _missing_names(src, tgt)]
        # Spanish capitalises fewer common words than English, but institutions it does
        # ("el Noveno Distrito" for "the Ninth Ward"), and a translator may add a full name
        # for clarity: a name on the Spanish side only is low.
        flags += [Flag("name", "low", f"name {n} only in Spanish", "", n)
                  for n in _missing_names(tgt, src)]
        return flags + self._codes(src, tgt) if _maybe(src) or _maybe(tgt) else flags

    def _codes(self, src: str, tgt: str) -> list[Flag]:
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
