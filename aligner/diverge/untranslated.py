"""UNTRANSLATED: a Spanish side that is its English side again, or is mostly English.

The language is judged by py3langid restricted to English and Spanish (its model ships in
its wheel; on Tatoeba's short sentences it labels 997/1000 Spanish and 1000/1000 English
right, with no Spanish sentence called English above 0.9, at 0.03-0.06 ms a sentence). Its
model takes about 0.7 s to load, so it is loaded only when a side passes the cheap screen: a
text whose words are a fifth or more Spanish function words is Spanish without asking (an
accented letter is no such proof: an English sentence with a Spanish name has one).

A text left in English on purpose — a quoted headline, a title in quotes or italics, a name of
a programme — is reported low; anything else medium.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ..records import Flag
from .base import BeadText, Check, Context

_SPANISH_WORDS = frozenset("de la el los las que y en del se por con para una es al su lo como "
                           "más pero sus le ya o este sí porque esta entre cuando muy sin sobre "
                           "también me hasta hay donde quien desde todo nos durante todos uno "
                           "les ni contra otros ese eso ante ellos e esto mí antes algunos qué "
                           "unos yo otro otras otra él tanto esa estos mucho quienes nada muchos "
                           "cual poco ella estar estas algunas algo nosotros".split())
_WORD = re.compile(r"[^\W\d_]+")
_QUOTED = re.compile(r"^\W*[«“\"‘'*_].*[»”\"’'*_]\W*$", re.S)
MIN_WORDS = 4
MIN_PROBABILITY = 0.9
# Faithful Spanish shares few lower-case words with its English ("a", "no", "de facto"); half
# of them copied is a sentence left (mostly) untranslated
MIN_COPIED = 0.5


@functools.lru_cache(maxsize=1)
def _identifier():
    from .langid_model import identifier

    ident = identifier()
    ident.set_languages(["en", "es"])
    return ident


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def looks_spanish(words: list[str]) -> bool:
    """The cheap screen: Spanish function words make up a fifth of the text."""
    return sum(w.lower() in _SPANISH_WORDS for w in words) * 5 >= len(words)


def copied_share(src: str, tgt_words: list[str]) -> float:
    """The share of the Spanish side's lower-case words that the English side has too: a
    sentence left half in English copies its words whatever a language identifier makes of
    the mix. Capitalised words and figures are left out (names are copied on purpose)."""
    plain = [w.casefold() for w in tgt_words if w[:1].islower() and len(w) > 1]
    if len(plain) < MIN_WORDS:
        return 0.0
    english = {w.casefold() for w in _WORD.findall(src)}
    return sum(w in english for w in plain) / len(plain)


def language(text: str) -> tuple[str, float]:
    """("en" | "es", probability) by py3langid."""
    lang, prob = _identifier().classify(text)
    return lang, float(prob)


@dataclass(frozen=True)
class UntranslatedCheck(Check):
    severity: str = "medium"
    quoted_severity: str = "low"
    name: str = "untranslated"

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        src, tgt = bead.src_text.strip(), bead.tgt_text.strip()
        if (ctx.src_lang, ctx.tgt_lang) != ("en", "es") or not src or not tgt:
            return []
        words = _WORD.findall(tgt)
        if len(words) < 2:
            return []  # a name, a figure, an acronym: the same in both languages
        if _normal(src) == _normal(tgt):
            # Names, addresses and titles of things are the same in both languages.
            named = all(w[0].isupper() for w in words)
            return [self._flag(tgt, "Spanish side is the English text, untranslated", low=named)]
        if len(words) < MIN_WORDS:
            return []
        share = copied_share(src, words)
        if share >= MIN_COPIED:
            return [self._flag(tgt, f"Spanish side is mostly the English text ({share:.0%} of its words copied)")]
        if looks_spanish(words):
            return []
        lang, prob = language(tgt)
        if lang == "en" and prob >= MIN_PROBABILITY:
            return [self._flag(tgt, f"Spanish side reads as English (p={prob:.2f})")]
        return []

    def _flag(self, tgt: str, message: str, low: bool = False) -> Flag:
        quoted = bool(_QUOTED.match(tgt))
        if quoted:
            message += "; a quotation, perhaps kept on purpose"
        severity = self.quoted_severity if quoted or low else self.severity
        return Flag("untranslated", severity, message, "",
                    tgt if len(tgt) <= 200 else tgt[:199] + "…")
