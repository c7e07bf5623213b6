"""Typed quantities found in one sentence: amounts, percentages, measures, counts, dates ...

Spans are claimed in a fixed order (dates, references, vague amounts, ordinals, numbers) so
that "8 de octubre de 2021" is one date, not the counts 8 and 2021.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from . import numwords as nw
from .dates import find_dates
from .lowscan import Scanner, finditer, lower_same_length
from .numbers import DIGITS_RE, parse_digits
from .units import (
    CURRENCY_AFTER_RE, CURRENCY_BEFORE_RE, PERIOD_WORD_RE, PERIOD_YEARS, UNIT_AFTER_RE,
    currency_code, unit_name, unit_ok,
)

KINDS = ("amount", "percent", "pp", "measure", "count", "ordinal", "approx", "factor", "date", "ref")


@dataclass(frozen=True)
class Quantity:
    """One quantity: every value its text allows (several when the decimal mark is unknown),
    what it counts (`unit`: currency code, unit name, date precision or reference word),
    and the exact span of text it came from."""

    values: tuple[float, ...]
    kind: str
    unit: str
    start: int
    end: int
    text: str
    approx: bool = False
    wordy: bool = False  # written in words ("one", "first"), often rephrased away


_REF_WORDS = {
    "article": "article", "articles": "article", "artículo": "article", "artículos": "article",
    "art": "article", "section": "section", "sección": "section", "chapter": "chapter",
    "capítulo": "chapter", "title": "title", "título": "title", "annex": "annex", "anexo": "annex",
    "part": "part", "parte": "part", "paragraph": "paragraph", "paragraphs": "paragraph",
    "apartado": "paragraph", "apartados": "paragraph", "párrafo": "paragraph", "párrafos": "paragraph",
    "point": "point", "points": "point", "letra": "point", "recital": "recital", "recitals": "recital",
    "considerando": "recital", "considerandos": "recital", "resolution": "resolution",
    "resolución": "resolution", "regulation": "regulation", "reglamento": "regulation",
    "directive": "directive", "directiva": "directive", "target": "target", "meta": "target",
    "goal": "goal", "objetivo": "goal", "indicator": "indicator", "indicador": "indicator",
    "subparagraph": "paragraph", "párrafo.": "paragraph",
}
_REF_BEFORE_RE = re.compile(
    r"\b(" + "|".join(sorted(_REF_WORDS, key=len, reverse=True)).replace(".", r"\.") + r")\.?\s+(?:(?:No\.|n\.º|nº|núm\.)\s*)?$",
    re.IGNORECASE,
)
# Roman numerals: after a heading word ("Chapter IV"), in "217 A (III)", or of two letters or
# more standing alone in capitals ("capítulos II, III y IV").
_ROMAN_KEY_RE = re.compile(
    r"\b(?:chapter|capítulo|title|título|part|parte|annex|anexo|section|sección)s?\s+([IVXLC]+)\b", re.IGNORECASE
)
_ROMAN_BARE_RE = re.compile(r"(?<=\d )[A-Z] \(([IVXLC]+)\)|\b([IVX]{2,}|[LC][IVX]+|[VX](?= \())\b")
# What every match of _ROMAN_BARE_RE contains: two numeral letters, "V (" / "X (", or a
# bracketed numeral.
_ROMAN_BARE_GATE_RE = re.compile(r"[IVXLC][IVX]|[VX] \(|\([IVXLC]+\)")
# Paragraph numbers and list labels: "1.", "(1)", "2)" opening a sentence.
_LABEL_RE = re.compile(r"^\s*(?:\(\d{1,3}\)|\d{1,3}[.)](?!\d))(?=\s)")
_APPROX_BEFORE_RE = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|almost|some|over|more\s+than|less\s+than|fewer\s+than"
    r"|at\s+least|up\s+to|unos|unas|alrededor\s+de|aproximadamente|cerca\s+de|casi|más\s+de|menos\s+de"
    r"|al\s+menos|hasta|por\s+lo\s+menos)\s+(?:\$|US\$|€|£)?$",
    re.IGNORECASE,
)
_PRONOUN_ONE_RE = {
    "en": re.compile(r"\b(?:no|any|each|every|the|this|that|which)\s+$", re.IGNORECASE),
    "es": re.compile(r"\b(?:cada|el|la|lo|los)\s+$", re.IGNORECASE),
}
# "the two governments" / "los dos países" / "ninguno de los dos" work as "both" / "ambos",
# which either language may use instead: a determiner, not a figure.
_DETERMINER_TWO_RE = {
    "en": re.compile(r"\b(?:the|these|those|its|their|our)\s+$", re.IGNORECASE),
    "es": re.compile(r"\b(?:los|las|estos|estas|sus|nuestros|nuestras)\s+$", re.IGNORECASE),
}
_PRONOUN_ONE_AFTER_RE = {
    "en": re.compile(r"^(?:\s+of\b|\s+another\b|'s\b)", re.IGNORECASE),
    "es": re.compile(r"^(?:\s+de\s|\s+u\s+otr|\s+a\s+otr)", re.IGNORECASE),
}


class _Claims:
    """Which characters of the sentence some quantity already explains."""

    def __init__(self, text: str) -> None:
        self.used = bytearray(len(text))

    def free(self, start: int, end: int) -> bool:
        return not any(self.used[start:end])

    def take(self, start: int, end: int) -> None:
        self.used[start:end] = b"\x01" * (end - start)


def _suffix(text: str, end: int, lang: str, values: tuple[float, ...], currency: str) -> tuple[int, tuple[float, ...], str, str]:
    """Extend a number over its scale word, currency and unit: (end, values, kind, unit)."""
    m = nw.SCALE_CURRENCY_RE.match(text, end)
    if m:
        scale, currency = nw.SCALE_CURRENCY[m.group(1).lower()]
        return m.end(), tuple(v * scale for v in values), "amount", currency
    m = nw.SCALE_RE[lang].match(text, end)
    # "bn", "mn", "m" are scales only in money ("$5m"); elsewhere "5 m" is five metres.
    if m and (m.group(1) or currency):
        word = m.group(1) or m.group(2)
        values, end = tuple(v * nw.scale_value(word) for v in values), m.end()
    m = CURRENCY_AFTER_RE[lang].match(text, end)
    if m:
        return m.end(), values, "amount", currency_code(m.group(1))
    if currency:
        return end, values, "amount", currency
    m = UNIT_AFTER_RE[lang].match(text, end)
    if m and unit_ok(m):
        unit = unit_name(m.group(1))
        if unit == "decade":
            values, unit = tuple(v * 10 for v in values), "year"
        kind = {"%": "percent", "pp": "pp"}.get(unit, "measure")
        return m.end(), values, kind, "" if kind != "measure" else unit
    return end, values, "count", ""


def _reference(text: str, start: int) -> str:
    if start >= 2 and text[start - 1] == "(" and (text[start - 2].isdigit() or text[start - 2] == ")"):
        return "paragraph"  # the (1) of "Article 6(1)"
    m = _REF_BEFORE_RE.search(text, max(0, start - 30), start)
    return _REF_WORDS[m.group(1).lower()] if m else ""


def _is_pronoun_one(text: str, start: int, end: int, lang: str) -> bool:
    before = text[max(0, start - 12):start]
    return bool(_PRONOUN_ONE_RE[lang].search(before) or _PRONOUN_ONE_AFTER_RE[lang].match(text[end:end + 12]))


class _Extractor:
    def __init__(self, text: str, lang: str, decimal: str | None) -> None:
        self.text, self.lang, self.decimal = text, lang, decimal
        self.low = lower_same_length(text)
        self.claims = _Claims(text)
        self.found: list[Quantity] = []

    def add(self, start: int, end: int, values: tuple[float, ...], kind: str, unit: str = "",
            wordy: bool = False) -> None:
        if not values or not self.claims.free(start, end):
            return
        self.claims.take(start, end)
        approx = kind == "approx" or bool(_APPROX_BEFORE_RE.search(self.text, max(0, start - 25), start))
        self.found.append(Quantity(values, kind, unit, start, end, self.text[start:end], approx, wordy))

    def number(self, start: int, end: int, values: tuple[float, ...], wordy: bool = False) -> None:
        if not self.claims.free(start, end):
            return
        text, lang = self.text, self.lang
        ref = _reference(text, start)
        if ref:
            self.add(start, end, values, "ref", ref, wordy)
            return
        cur = CURRENCY_BEFORE_RE.search(text, max(0, start - 6), start)
        currency = currency_code(cur.group(1)) if cur else ""
        new_end, values, kind, unit = _suffix(text, end, lang, values, currency)
        self.add(cur.start() if cur else start, new_end, values, kind, unit, wordy)

    def run(self) -> list[Quantity]:
        text, lang = self.text, self.lang
        label = _LABEL_RE.match(text)
        if label:
            self.claims.take(label.start(), label.end())
        for start, end, values, unit in find_dates(text, lang):
            self.add(start, end, values, "date", unit)
        romans = [(m, 1) for m in finditer(_ROMAN_KEY_RE, text, self.low) if text[m.start(1):m.end(1)].isupper()]
        if _ROMAN_BARE_GATE_RE.search(text):
            romans += [(m, 1 if m.group(1) else 2) for m in _ROMAN_BARE_RE.finditer(text)]
        for m, g in romans:
            numeral = text[m.start(g):m.end(g)]
            self.add(m.start(g), m.end(g), (float(nw.roman_value(numeral)),), "ref", "")
        self._words_first()
        for m in DIGITS_RE.finditer(text):
            values = parse_digits(m.group(), self.decimal)
            if values:
                self.number(m.start(), m.end(), values)
            else:  # "1,2,3": a list, not one number
                for part in re.finditer(r"\d+", m.group()):
                    self.number(m.start() + part.start(), m.start() + part.end(), (float(part.group()),))
        for i, m in _WORDS_LAST[lang].matches(text, self.low):
            (self._word_run if i == 0 else self._approx)(m)
        self.found.sort(key=lambda q: q.start)
        return self.found

    def _word_run(self, m: re.Match[str]) -> None:
        text, lang = self.text, self.lang
        for s, e, value in nw.split_word_run(text[m.start():m.end()], lang):
            s, e = m.start() + s, m.start() + e
            if value == 1 and _is_pronoun_one(text, s, e, lang):
                continue
            if value == 2 and _DETERMINER_TWO_RE[lang].search(text, max(0, s - 12), s):
                continue
            self.number(s, e, (value,), wordy=True)

    def _approx(self, m: re.Match[str]) -> None:
        value = nw.APPROX_VALUES[m.group(1).lower()] * (nw.APPROX_VALUES[m.group(2).lower()] if m.group(2) else 1)
        self.add(m.start(), m.end(), (float(value),), "approx", wordy=True)

    def _words_first(self) -> None:
        """Multi-word patterns that would otherwise be read as smaller numbers: fixed terms
        first, on their own pass, so that "a third country" is neither a fraction nor an
        ordinal; then the others in one scan (see `_FIRST`)."""
        if self.lang != "en" or "third" in self.low or "half" in self.low:  # every English term has one
            for m in finditer(nw.TERM_RE[self.lang], self.text, self.low):
                self.claims.take(m.start(), m.end())
        handlers = (self._fraction, self._dozen, self._lone_scale, self._period,
                    self._frequency, self._factor, self._ordinal_digits, self._ordinal_word)
        for i, m in _FIRST[self.lang].matches(self.text, self.low):
            handlers[i](m)

    def _fraction(self, m: re.Match[str]) -> None:
        self.add(m.start(), m.end(), (nw.fraction_value(m),), "factor", wordy=True)

    def _dozen(self, m: re.Match[str]) -> None:
        self.number(m.start(), m.end(), (12.0,), wordy=True)

    def _lone_scale(self, m: re.Match[str]) -> None:
        word = m.group(1).lower()
        self.number(m.start(1), m.end(1), (nw.scale_value(word) if word != "hundred" else 100.0,), wordy=True)

    def _period(self, m: re.Match[str]) -> None:
        self.add(m.start(), m.end(), (float(PERIOD_YEARS[m.group(1).lower()]),), "measure", "year", wordy=True)

    def _frequency(self, m: re.Match[str]) -> None:
        times = next(i + 1 for i, g in enumerate(m.groups()) if g)
        self.add(m.start(), m.end(), (float(times),), "measure", "times", wordy=True)

    def _factor(self, m: re.Match[str]) -> None:
        index = next(i for i, g in enumerate(m.groups()) if g)
        self.add(m.start(), m.end(), (nw.FACTOR_VALUES[index],), "factor", wordy=True)

    def _ordinal_digits(self, m: re.Match[str]) -> None:
        self.add(m.start(), m.end(), (float(m.group(1)),), "ordinal")

    def _ordinal_word(self, m: re.Match[str]) -> None:
        self.add(m.start(), m.end(), (float(nw.ORDINAL_WORDS[self.lang][m.group().lower()]),), "ordinal", wordy=True)


# Number words and vague amounts ("hundreds of"), read after the digits.
_WORDS_LAST = {lang: Scanner([nw.WORD_RUN_RE[lang], nw.APPROX_RE[lang]], word_start=True) for lang in ("en", "es")}
# The word patterns claimed before plain numbers, in `_Extractor._words_first`'s handler order.
_FIRST = {
    lang: Scanner([nw.FRACTION_RE[lang], nw.DOZEN_RE[lang], nw.LONE_SCALE_RE[lang],
                   PERIOD_WORD_RE[lang], nw.FREQUENCY_RE[lang], nw.FACTOR_RE[lang], nw.ORDINAL_DIGIT_RE[lang],
                   nw.ORDINAL_WORD_RE[lang]], word_start=True)
    for lang in ("en", "es")
}


# A base character followed by combining marks: the only pieces NFC can change.
_COMBINING_RUN = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.DOTALL)


def _nfc(text: str) -> tuple[str, list[int]]:
    """`text` composed (some sources spell "ó" as "o" + accent), and for each composed
    character plus the end, its offset in `text`, so spans point into the original."""
    out: list[str] = []
    starts: list[int] = []

    def add(piece: str, at: int) -> None:
        out.append(piece)
        starts.extend([at] * len(piece))

    def add_gap(start: int, end: int) -> None:
        gap = text[start:end]
        if unicodedata.is_normalized("NFC", gap):
            out.append(gap)
            starts.extend(range(start, end))
            return
        # NFC can change a character's length on its own ("\ufb2e" becomes two): one at a time
        for k, ch in enumerate(gap):
            add(unicodedata.normalize("NFC", ch), start + k)

    done = 0
    for m in _COMBINING_RUN.finditer(text):
        add_gap(done, m.start())
        add(unicodedata.normalize("NFC", m.group()), m.start())
        done = m.end()
    add_gap(done, len(text))
    starts.append(len(text))
    return "".join(out), starts


def extract_quantities(text: str, lang: str, decimal: str | None = None) -> list[Quantity]:
    """Every quantity in `text` (language 'en' or 'es'), read with decimal mark `decimal`
    ('.', ',' or None when unknown), in order of appearance."""
    lang = lang if lang in ("en", "es") else "en"
    if unicodedata.is_normalized("NFC", text):
        return _Extractor(text, lang, decimal).run()
    composed, starts = _nfc(text)
    return [
        replace(q, start=starts[q.start], end=starts[q.end], text=text[starts[q.start]:starts[q.end]])
        for q in _Extractor(composed, lang, decimal).run()
    ]
