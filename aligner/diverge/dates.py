"""Dates and periods in EN/ES: full dates, month-years, quarters, fiscal years, decades, weekdays.

Each is returned as (start, end, values, unit) where the values encode the date at the
precision the text gives (unit 'ymd' = yyyymmdd, 'ym' = yyyymm, 'md' = mmdd, 'yq' = yyyyq,
'year', 'decade', 'century' = its first year, 'weekday' = 1 for Monday ... 7); several values
mean the text allows several readings (8/10/2021). Centuries read alike in every notation:
"the 19th century" = "the 1800s" = "el siglo XIX" = 1800, each of "the 10th-11th centuries" and
"los siglos X-XI" its own.
Ranges and enumerations give one date per day or year they name, with the month and year
they share: "June 4-5, 2023" = "4 y 5 de junio de 2023" = 2023-06-04 and 2023-06-05, so two
renderings pair day by day and a changed end is a changed date.
Bare years are left to the number extractor: "in 2021" and "de 2021" are the same count; the
years of a period ("2020-2022", "entre 2020 y 2022") are dates.
"""
from __future__ import annotations

import re

from .lowscan import Scanner, finditer, lower_same_length
from .numwords import ORDINAL_WORDS, roman_value

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
_DAY = r"(?P<first>\d{1,2})(?:st|nd|rd|th|\.?º)?"
_LIST_DAY = r"\d{1,2}(?!\d)(?:st|nd|rd|th|\.?º)?"
# What joins the days of one month in a range or an enumeration: "4-5", "4, 5 and 6", "4 to 6",
# "4 y 5", "del 4 al 6", "entre el 4 y el 6".
_JOIN = {
    "en": r"(?:\s*[-‐‑–—]\s*|\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|to|through|or|&)\s+(?:the\s+)?)",
    "es": r"(?:\s*[-‐‑–—]\s*|\s*,\s*(?:y\s+|e\s+)?|\s+(?:y|e|o|al|a|hasta)\s+(?:el\s+|los\s+días\s+)?)",
}
_LIST_DAY_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th|\.?º)?")
_COMMA_ONLY = re.compile(r"^\s*,\s*$")
_MORE = {lang: rf"(?P<more>(?:{_JOIN[lang]}{_LIST_DAY})*)" for lang in _JOIN}
_MONTH_DATE = {
    "en": [
        re.compile(rf"(?=\d)(?<![\d/.,])\b{_DAY}{_MORE['en']}\s+(?:of\s+)?(?P<month>{_EN_MONTH})"
                   r"(?:,?\s+(?P<year>\d{4}))?(?!\d)"),  # 8 October 2021, 4-5 June 2023
        re.compile(rf"(?=[A-Z])\b(?P<month>{_EN_MONTH})\s+{_DAY}{_MORE['en']}(?:,?\s+(?P<year>\d{{4}}))?\b"),  # October 8, 2021
        re.compile(rf"(?=[A-Z])\b(?P<first>)(?P<more>)(?P<month>{_EN_MONTH})(?:\s+of)?,?\s+(?P<year>\d{{4}})\b"),  # October 2021
    ],
    "es": [
        # Spanish dates in any case ("8 de Octubre"): matched on lower-cased text, which is faster
        re.compile(rf"(?=\d)(?<![\d/.,])\b{_DAY}{_MORE['es']}\s+de\s+(?P<month>{_ES_MONTH})"
                   r"(?:\s+(?:de|del)\s+(?P<year>\d{4}))?\b", re.IGNORECASE),
        re.compile(rf"\b(?P<first>)(?P<more>)(?P<month>{_ES_MONTH})\s+(?:de|del)\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
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

# "los 80" alone is a decade only where nothing follows it that it could count ("los 80 países").
_SHORT_DECADE_ES = re.compile(r"\blos\s+(?:años\s+)?(\d0)(?=\s*[,.;:)»”]|\s+(?:y|e|o|del|fue|fueron|se)\b)")
_CENTURY_WORDS = {w: n for w, n in ORDINAL_WORDS["en"].items() if n <= 21}
_EN_NTH = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(_CENTURY_WORDS, key=len, reverse=True)) + ")"
_LINK_EN = r"(?:\s*(?:-|–|,|,?\s+and|,?\s+or|\s+to)\s*(?:the\s+)?)"
_ES_NUMERAL = r"(?:[ivxlc]+|\d{1,2})"
_LINK_ES = r"(?:\s*(?:-|–|,|\s+y|\s+e|\s+o|\s+al|\s+a)\s*(?:el\s+|los\s+)?)"
_CENTURY = {
    "en": re.compile(rf"\b(?:{_EN_NTH}(?:{_LINK_EN}{_EN_NTH})*\s+centur(?:y|ies)|the\s+\d{{1,2}}00s)\b", re.IGNORECASE),
    # the numerals of "siglos X-XI y el XIV" are upper case (checked on the text): "siglo civil" is no numeral
    "es": re.compile(rf"\bsiglos?\s+{_ES_NUMERAL}(?:{_LINK_ES}{_ES_NUMERAL})*\b", re.IGNORECASE),
}
_CENTURY_NUMERAL = {"en": re.compile(rf"\b(?:\d{{1,2}}00s|{_EN_NTH})\b", re.IGNORECASE),
                    "es": re.compile(rf"\b{_ES_NUMERAL}\b", re.IGNORECASE)}


# Quarters, fiscal years, decades and centuries, in one word-start scan (they never overlap in practice).
_PERIODS = {lang: Scanner([_QUARTER[lang], _FISCAL[lang], _DECADE[lang], _CENTURY[lang]], word_start=True)
            for lang in ("en", "es")}
# A numeric date needs a digit, a separator and a digit; a time of day too.
_DIGIT_SEPARATOR = re.compile(r"\d[/.\-]\d")
_DIGIT_TIME = re.compile(r"\d[:.h]\d|\d\s*[ap]\.\s?m\.|\d{4}\s*(?:GMT|UTC|CET|CEST|EST|EDT|CST|CDT|PST|PDT|hrs|hours|horas)\b",
                         re.IGNORECASE)


def _full_year(text: str) -> int:
    year = int(text)
    return year if year >= 100 else (2000 + year if year < 50 else 1900 + year)


def _date_value(year: str | None, month: int, day: int) -> tuple[tuple[float, ...], str]:
    if day and year:
        return (float(int(year) * 10000 + month * 100 + day),), "ymd"
    if year:
        return (float(int(year) * 100 + month),), "ym"
    return (float(month * 100 + day),), "md"


def _list_days(m: re.Match[str]) -> list[tuple[int, int, int]]:
    """The days a match names after its first one ("4-5", "4, 5 y 6"), as (start, end, day);
    none when they do not read as one month's days: they must rise, and a list must end on a
    conjunction or a dash ("Resolution 70/1, 25 September" names one day, not two)."""
    start = m.start("more")
    days = [(start + d.start(), start + d.end(), int(d.group(1))) for d in _LIST_DAY_RE.finditer(m.group("more"))]
    if not days:
        return []
    joins = [m.string[a:b] for a, b in zip([m.end("first")] + [e for _, e, _ in days[:-1]], [s for s, _, _ in days])]
    previous = [int(m.group("first"))] + [d for _, _, d in days[:-1]]
    if _COMMA_ONLY.match(joins[-1]) or any(d <= p or d > 31 for d, p in zip((d for _, _, d in days), previous)):
        return []
    return days


def _month_dates(text: str, low: str, lang: str) -> list[DateHit]:
    hits: list[DateHit] = []
    for pattern in _MONTH_DATE[lang]:
        for m in finditer(pattern, text, low):
            month, year = MONTHS[m.group("month").lower().rstrip(".")], m.group("year")
            day = int(m.group("first")) if m.group("first") else 0
            if day > 31 or (not day and not year):
                continue
            days = _list_days(m) if day else []
            if days:
                # Every day of "June 4-5, 2023" / "4 y 5 de junio de 2023" is a date of its own,
                # with the month and year they share, so two renderings pair day by day.
                hits += [(s, e, *_date_value(year, month, d)) for s, e, d in _list_spans(m, day, days)]
            elif not m.group("more"):
                hits.append((m.start(), m.end(), *_date_value(year, month, day)))
            elif m.start("month") < m.start("first"):  # "June 4, 5 people": the date ends at its day
                hits.append((m.start(), m.end("first"), *_date_value(None, month, day)))
            else:  # "70/1, 25 September": the date begins at its last day
                last = list(_LIST_DAY_RE.finditer(m.group("more")))[-1]
                hits.append((m.start("more") + last.start(), m.end(), *_date_value(year, month, int(last.group(1)))))
    return hits


def _list_spans(m: re.Match[str], day: int, days: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, day) of each day of a list; the month and year go with the day they touch."""
    month_first = m.start("month") < m.start("first")
    spans = [(m.start() if month_first else m.start("first"), m.end("first"), day)] + days
    last_start, _, last_day = spans[-1]
    return spans[:-1] + [(last_start, m.end(), last_day)]


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
        elif i == 2:  # decade
            groups = [g for g in m.groups() if g]
            if groups:
                g = groups[-1].lower()
                year = 1900 + _DECADE_WORDS[g] if g in _DECADE_WORDS else _full_year(g.lstrip("'"))
                hits.append((m.start(), m.end(), (float(year),), "decade"))
        else:
            hits.extend(_centuries(text, m, lang))
    if lang == "es":
        hits += [(m.start(), m.end(), (float(_full_year(m.group(1))),), "decade")
                 for m in _SHORT_DECADE_ES.finditer(low)]
    return hits


def _centuries(text: str, m: re.Match[str], lang: str) -> list[DateHit]:
    """One hit per century the match names, spanning its numeral; the first reaches back to
    the match's start and the last on to its end, so the words ("siglos", "th centuries") are
    claimed and no ordinal or Roman numeral reading of the numerals survives."""
    hits: list[DateHit] = []
    body = m.group(0) if lang == "en" else m.group(0)[len(m.group(0).split()[0]):]
    offset = m.start() + len(m.group(0)) - len(body)
    for n in _CENTURY_NUMERAL[lang].finditer(body):
        value = _century_start(text[offset + n.start():offset + n.end()], lang)
        if value is not None:
            hits.append((offset + n.start(), offset + n.end(), (float(value),), "century"))
    if hits:
        hits[0] = (m.start(), *hits[0][1:])
        hits[-1] = (hits[-1][0], m.end(), *hits[-1][2:])
    return hits


def _century_start(numeral: str, lang: str) -> int | None:
    """The first year of the century a numeral names: "1800s", "19th", "nineteenth", "XIX"."""
    low = numeral.lower()
    if low.endswith("00s"):
        return int(low[:-3]) * 100
    if lang == "en":
        n = int(low[:-2]) if low[:1].isdigit() else _CENTURY_WORDS.get(low)
    elif numeral.isdigit():
        n = int(numeral)
    else:
        n = roman_value(numeral) if numeral.isupper() else None
    return None if not n else (n - 1) * 100


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
        # "at 2:30" with no a.m./p.m. or zone may be 14:30 ("a las 14:30 h")
        readings = (hour, hour + 12) if not half and not m.group(4) and 1 <= hour <= 11 else (hour,)
        hits.append((m.start(), m.end(), tuple(float(h * 60 + minute) for h in readings), "time"))
    for m in finditer(_HOUR_ONLY, text, lower_same_length(text)):
        hour = int(m.group(1)) % 12 + (12 if m.group(2).lower() == "p" else 0)
        hits.append((m.start(), m.end(), (float(hour * 60),), "time"))
    for m in finditer(_MILITARY_TIME, text, lower_same_length(text)):
        hits.append((m.start(), m.end(), (float(int(m.group(1)) * 60 + int(m.group(2))),), "time"))
    return hits


_ES_HOURS = {w: i + 1 for i, w in enumerate("una dos tres cuatro cinco seis siete ocho nueve diez once doce".split())}
_ES_MINUTES = {"y media": 30, "y cuarto": 15, "menos cuarto": -15, "y cinco": 5, "y diez": 10, "y veinte": 20,
               "y veinticinco": 25, "menos cinco": -5, "menos diez": -10, "menos veinte": -20,
               "menos veinticinco": -25}
# "a las dos y media", "las cuatro de la mañana", "la una en punto": a time in words needs its
# minutes, a part of the day or "en punto" ("a las dos partes" is no time)
_ES_WORD_TIME = re.compile(
    r"\b(?:la|las)\s+(" + "|".join(_ES_HOURS) + r")\b(?:\s+(" + "|".join(sorted(_ES_MINUTES, key=len, reverse=True))
    + r")\b)?(\s+en\s+punto)?(?:\s+de\s+la\s+(mañana|tarde|noche|madrugada))?")


def _word_times(low: str) -> list[DateHit]:
    """Spanish times of day in words, as minutes since midnight; one written without a part of
    the day reads both ways, like "2:30"."""
    hits: list[DateHit] = []
    for m in _ES_WORD_TIME.finditer(low):
        minutes, sharp, part = m.group(2), m.group(3), m.group(4)
        if not (minutes or sharp or part):
            continue
        hour, offset = _ES_HOURS[m.group(1)], _ES_MINUTES.get(minutes or "", 0)
        if offset < 0:
            hour = hour - 1 or 12
            offset += 60
        if part in ("tarde", "noche") and hour < 12:
            readings: tuple[int, ...] = (hour + 12,)
        elif part in ("mañana", "madrugada"):
            readings = (hour % 12,)
        else:
            readings = (hour % 12, hour % 12 + 12)
        hits.append((m.start(), m.end(), tuple(float(h * 60 + offset) for h in readings), "time"))
    return hits


_YEAR = r"(?:1[5-9]|20|21)\d{2}"
# Two years joined as a period: "2020-2022", "2020–22", "2019/20", "between 2020 and 2022",
# "de 2020 a 2022", "entre los años 2020 y 2022". Both ends are dates, so a changed end is a
# changed date, and a two-digit end is read in its start's century.
_YEAR_RANGE = {
    "en": re.compile(rf"(?=\d)(?<![\d.,/\-‐‑–])({_YEAR})(\s*[-‐‑–—/]\s*|\s+(?:to|through|until|till|and|or)\s+(?:the\s+end\s+of\s+)?)"
                     r"(\d{4}|\d{2})(?!\d|\s*%|[.,]\d)", re.IGNORECASE),
    "es": re.compile(rf"(?=\d)(?<![\d.,/\-‐‑–])({_YEAR})(\s*[-‐‑–—/]\s*|\s+(?:a|al|hasta|y|e|o)\s+(?:(?:el|fines\s+de|finales\s+de)\s+)?(?:años?\s+)?)"
                     r"(\d{4}|\d{2})(?!\d|\s*%|[.,]\d)", re.IGNORECASE),
}
_FOUR_DIGITS = re.compile(r"\d{4}")


def _year_ranges(text: str, low: str, lang: str) -> list[DateHit]:
    hits: list[DateHit] = []
    for m in finditer(_YEAR_RANGE[lang], text, low):
        start, end_text = int(m.group(1)), m.group(3)
        end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
        # "2019/20" is a season, "2016/679" or "2020/2" a document number
        slash = "/" in m.group(2)
        if not start < end <= start + (1 if slash else 100) or (slash and len(end_text) == 4 and end != start + 1):
            continue
        hits.append((m.start(1), m.end(1), (float(start),), "year"))
        hits.append((m.start(3), m.end(3), (float(end),), "year"))
    return hits


_WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY_NUM = {d.lower(): i + 1 for i, d in enumerate(_WEEKDAYS_EN)} | {
    d: i + 1 for i, d in enumerate(["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"])
} | {"miercoles": 3, "sabado": 6, "sabbath": 6}
WEEKDAY_NAMES = {i + 1: d for i, d in enumerate(_WEEKDAYS_EN)}
# English weekdays are capitalised; Spanish ones are written in any case ("Viernes Santo").
_WEEKDAY = {
    "en": re.compile(r"\b(" + "|".join(_WEEKDAYS_EN) + r"|Sabbath|sabbath)s?\b"),  # the Sabbath = el sábado
    "es": re.compile(r"\b(lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bados?|domingos?)\b", re.IGNORECASE),
}


def _weekdays(text: str, low: str, lang: str) -> list[DateHit]:
    """Days of the week (value 1 = Monday), which translations keep: "on Tuesday" = "el martes"."""
    if lang == "en" and "day" not in text and "abbath" not in text:
        return []
    hits: list[DateHit] = []
    for m in finditer(_WEEKDAY[lang], text, low):
        word = m.group(1).lower()
        # "Santo Domingo", "Plácido Domingo", "Domingo Cavallo": a name beside a capital
        if word.startswith("domingo") and text[m.start()].isupper() and _beside_capital(text, m.start(), m.end()):
            continue
        day = _WEEKDAY_NUM[word[:-1] if word.endswith(("days", "os", "baths")) else word]
        hits.append((m.start(), m.end(), (float(day),), "weekday"))
    return hits


def _beside_capital(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip().rsplit(None, 1)
    after = text[end:].lstrip().split(None, 1)
    return bool(before and before[-1][:1].isupper() and before[-1][-1:].isalpha()) or \
        bool(after and after[0][:1].isupper())


# What joins the two dates of a period across months: "June 30 - July 2, 2023",
# "del 30 de junio al 2 de julio de 2023"; the year written once belongs to both.
_SHARED_YEAR_GAP = re.compile(r"\s*(?:[-‐‑–—]|to|through|until|till|and|&|al|a|y|e|hasta(?:\s+el)?)\s*(?:(?:the|el)\s+)?",
                              re.IGNORECASE)


def _share_years(text: str, hits: list[DateHit]) -> list[DateHit]:
    out = list(hits)
    for i in range(len(out) - 1):
        (s, e, values, unit), (s2, _, values2, unit2) = out[i], out[i + 1]
        if unit == "md" and unit2 == "ymd" and _SHARED_YEAR_GAP.fullmatch(text, e, s2):
            month_day, later = int(values[0]), int(values2[0])
            year = later // 10000 - (1 if month_day // 100 > later // 100 % 100 else 0)  # "December 30 - January 2, 2024"
            out[i] = (s, e, (float(year * 10000 + month_day),), "ymd")
    return out


def find_dates(text: str, lang: str) -> list[DateHit]:
    """All date and period mentions, longest first where they overlap."""
    low = lower_same_length(text)
    hits = _periods(text, low, lang) + _weekdays(text, low, lang)
    if lang == "es" and "la" in low:
        hits += _word_times(low)
    if not _DIGIT.search(text):  # only a period or a weekday can be written without digits
        return sorted(hits)
    hits += _month_dates(text, low, lang)
    if _DIGIT_SEPARATOR.search(text):
        hits += _numeric_dates(text, lang)
    if _DIGIT_TIME.search(text):
        hits += _times(text)
    if _FOUR_DIGITS.search(text):
        years = _year_ranges(text, low, lang)
        # "los años 2020 y 2022" names two years, not the 2020s
        hits = [h for h in hits if h[3] != "decade" or not any(s < h[1] and h[0] < e for s, e, _, _ in years)] + years
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[DateHit] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return _share_years(text, kept)
