"""Dates and periods in EN/ES: full dates, month-years, quarters, fiscal years, decades.

Each is returned as (start, end, values, unit) where the values encode the date at the
precision the text gives (unit 'ymd' = yyyymmdd, 'ym' = yyyymm, 'md' = mmdd, 'yq' = yyyyq,
'year', 'decade'); several values mean the text allows several readings (8/10/2021).
Bare years are left to the number extractor: "in 2021" and "de 2021" are the same count.
"""
from __future__ import annotations

import re

from .lowscan import Scanner, finditer, lower_same_length

DateHit = tuple[int, int, tuple[float, ...], str]

_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
_ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre"]


def _month_table() -> dict[str, int]:
    table = {m.lower(): i + 1 for i, m in enumerate(_EN_MONTHS)}
    table |= {m[:3].lower(): i + 1 for i, m in enumerate(_EN_MONTHS)}
    table |= {"sept": 9, "setiembre": 9}
    table |= {m: i + 1 for i, m in enumerate(_ES_MONTHS)}
    return table


MONTHS = _month_table()
# English month names are capitalised; requiring it keeps "may" the verb out.
_EN_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December" \
            r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_ES_MONTH = r"(" + "|".join(_ES_MONTHS + ["setiembre"]) + r")"
_DAY = r"(\d{1,2})(?:st|nd|rd|th|\.?º)?"
_MONTH_DATE = {
    "en": [
        re.compile(rf"(?=\d)\b{_DAY}\s+(?:of\s+)?{_EN_MONTH}(?:,?\s+(\d{{4}}))?(?!\d)"),  # 8 October 2021
        re.compile(rf"(?=[A-Z])\b{_EN_MONTH}\s+{_DAY}(?:,?\s+(\d{{4}}))?\b"),  # October 8, 2021
        re.compile(rf"(?=[A-Z])\b()(?:{_EN_MONTH})(?:\s+of)?,?\s+(\d{{4}})\b"),  # October 2021
    ],
    "es": [
        # Spanish dates in any case ("8 de Octubre"): matched on lower-cased text, which is faster
        re.compile(rf"(?=\d)\b{_DAY}\s+de\s+{_ES_MONTH}(?:\s+(?:de|del)\s+(\d{{4}}))?\b", re.IGNORECASE),
        re.compile(rf"\b(){_ES_MONTH}\s+(?:de|del)\s+(\d{{4}})\b", re.IGNORECASE),
    ],
}
_DIGIT = re.compile(r"\d")
# (?=\d) first in the patterns below: it rejects the many positions without a digit fastest.
_NUMERIC = re.compile(r"(?=\d)(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?![\d/.\-])")
_ISO = re.compile(r"(?=\d)(?<![\d\-])(\d{4})-(\d{2})-(\d{2})(?![\d\-])")
_QUARTER = {
    "en": re.compile(
        r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|Q([1-4]))(?:\s+of)?(?:,?\s+(\d{4}))?\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(primer|segundo|tercer|cuarto)\s+trimestre(?:\s+(?:de|del))?(?:\s+(?:año\s+)?(\d{4}))?\b()",
        re.IGNORECASE,
    ),
}
_QUARTER_NUM = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
                "4th": 4, "primer": 1, "segundo": 2, "tercer": 3, "cuarto": 4}
_FISCAL = {
    "en": re.compile(r"\b(?:fiscal\s+year|financial\s+year|FY)\s*(\d{4}|\d{2})\b", re.IGNORECASE),
    "es": re.compile(r"\b(?:ejercicio(?:\s+fiscal)?|año\s+fiscal)\s+(?:de\s+)?(\d{4})\b", re.IGNORECASE),
}
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90, "veinte": 20, "treinta": 30,
                 "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
                 "noventa": 90}
_DECADE = {
    "en": re.compile(
        r"\b(?:(\d{3}0)s|'(\d0)s|the\s+(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(?:década\s+de\s+(?:los\s+)?(?:(\d{3}0)|años\s+)?|años\s+)"
        r"(?:(\d{3}0)|(\d0)|(veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa))\b",
        re.IGNORECASE,
    ),
}


# Quarters, fiscal years and decades, in one word-start scan (they never overlap in practice).
_PERIODS = {lang: Scanner([_QUARTER[lang], _FISCAL[lang], _DECADE[lang]], word_start=True) for lang in ("en", "es")}
# A numeric date needs a digit, a separator and a digit; a time of day too.
_DIGIT_SEPARATOR = re.compile(r"\d[/.\-]\d")
_DIGIT_TIME = re.compile(r"\d[:.h]\d|\d\s*[ap]\.\s?m\.|\d{4}\s*(?:GMT|UTC|CET|CEST|EST|EDT|CST|CDT|PST|PDT|hrs|hours|horas)\b",
                         re.IGNORECASE)


def _full_year(text: str) -> int:
    year = int(text)
    return year if year >= 100 else (2000 + year if year < 50 else 1900 + year)


def _month_dates(text: str, low: str, lang: str) -> list[DateHit]:
    hits: list[DateHit] = []
    for pattern in _MONTH_DATE[lang]:
        for m in finditer(pattern, text, low):
            a, b, year = m.group(1), m.group(2), m.group(3)
            day_s, month_s = (b, a) if a and not a.isdigit() else (a, b)
            month = MONTHS[month_s.lower().rstrip(".")]
            day = int(day_s) if day_s else 0
            if day > 31 or (not day and not year):
                continue
            if day and year:
                hits.append((m.start(), m.end(), (int(year) * 10000 + month * 100 + day,), "ymd"))
            elif year:
                hits.append((m.start(), m.end(), (int(year) * 100 + month,), "ym"))
            else:
                hits.append((m.start(), m.end(), (month * 100 + day,), "md"))
    return hits


def _numeric_dates(text: str, lang: str) -> list[DateHit]:
    hits: list[DateHit] = []
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        readings = {(a, b)} if lang == "es" else {(a, b), (b, a)}  # (day, month); US writes m/d
        values = tuple(sorted(year * 10000 + mo * 100 + d for d, mo in readings if 1 <= d <= 31 and 1 <= mo <= 12))
        if values:
            hits.append((m.start(), m.end(), values, "ymd"))
    for m in _ISO.finditer(text):
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            hits.append((m.start(), m.end(), (y * 10000 + mo * 100 + d,), "ymd"))
    return hits


def _periods(text: str, low: str, lang: str) -> list[DateHit]:
    hits: list[DateHit] = []
    for i, m in _PERIODS[lang].matches(text, low):
        if i == 0:  # quarter
            q = int(m.group(2)) if lang == "en" and m.group(2) else _QUARTER_NUM[(m.group(1) or "").lower()]
            year = m.group(3) if lang == "en" else m.group(2)
            hits.append((m.start(), m.end(), (int(year) * 10 + q,) if year else (q,), "yq" if year else "q"))
        elif i == 1:  # fiscal year
            hits.append((m.start(), m.end(), (float(_full_year(m.group(1))),), "year"))
        else:  # decade
            groups = [g for g in m.groups() if g]
            if groups:
                g = groups[-1].lower()
                year = 1900 + _DECADE_WORDS[g] if g in _DECADE_WORDS else _full_year(g.lstrip("'"))
                hits.append((m.start(), m.end(), (float(year),), "decade"))
    return hits


_ZONE = r"(?:\s*(?:GMT|UTC|CET|CEST|EST|EDT|CST|CDT|PST|PDT|hrs|hours|horas)\b)"
_TIME = re.compile(r"(?=\d)(?<![\d:.])([01]?\d|2[0-3])[:.h]([0-5]\d)(?![\d:])(?:\s*([ap])\.?\s?m\b\.?)?"
                   rf"({_ZONE})?", re.IGNORECASE)
# An hour with a.m./p.m. and no minutes: "at 2 p.m." = "a las 14:00".
_HOUR_ONLY = re.compile(r"(?<![\d:.,])(1[0-2]|0?[1-9])\s*([ap])\.\s?m\.", re.IGNORECASE)
# Military time is a time only with its zone or "hours" after it: "at 1200 GMT", "1400 hours".
_MILITARY_TIME = re.compile(rf"(?<![\d:.,])([01]\d|2[0-3])([0-5]\d){_ZONE}", re.IGNORECASE)


def _times(text: str) -> list[DateHit]:
    """Times of day as minutes since midnight, so "09:19 p.m." = "21:19 h"."""
    hits: list[DateHit] = []
    for m in finditer(_TIME, text, lower_same_length(text)):
        hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
        if half and hour > 12 or (not half and not m.group(4) and m.group(0)[len(m.group(1))] == "."):
            continue  # "13 p.m." is no time; "6.30" without a.m./p.m. or a zone is a decimal
        hour = hour % 12 + (12 if half == "p" else 0) if half else hour
        hits.append((m.start(), m.end(), (float(hour * 60 + minute),), "time"))
    for m in finditer(_HOUR_ONLY, text, lower_same_length(text)):
        hour = int(m.group(1)) % 12 + (12 if m.group(2).lower() == "p" else 0)
        hits.append((m.start(), m.end(), (float(hour * 60),), "time"))
    for m in finditer(_MILITARY_TIME, text, lower_same_length(text)):
        hits.append((m.start(), m.end(), (float(int(m.group(1)) * 60 + int(m.group(2))),), "time"))
    return hits


def find_dates(text: str, lang: str) -> list[DateHit]:
    """All date and period mentions, longest first where they overlap."""
    low = lower_same_length(text)
    if not _DIGIT.search(text):  # only a period can be written without digits ("the twenties")
        return _periods(text, low, lang)
    hits = _periods(text, low, lang) + _month_dates(text, low, lang)
    if _DIGIT_SEPARATOR.search(text):
        hits += _numeric_dates(text, lang)
    if _DIGIT_TIME.search(text):
        hits += _times(text)
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[DateHit] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept
