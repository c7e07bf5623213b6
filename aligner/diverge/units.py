"""What a number counts: currencies before or after it, units and percentages after it.

Every spelling maps to one normalised name, so "$", "US$", "dólares" and "USD" compare equal.
"""
from __future__ import annotations

import re

_CURRENCY_NAMES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "dólar": "USD",
    "dólares": "USD", "dolares": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "libra": "GBP", "libras": "GBP",
    "mxn": "MXN", "mx$": "MXN", "peso": "MXN", "pesos": "MXN",
}
CURRENCY_BEFORE_RE = re.compile(r"(US\$|MX\$|USD|EUR|GBP|MXN|€|£|\$)[\s\u00a0]*$")
CURRENCY_AFTER_RE = {
    "en": re.compile(
        r"[\s\u00a0]*(?:(?:US|United States)\s+)?(dollars?|euros?|pounds?|pesos?|USD|EUR|GBP|MXN|€)(?!\w)",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"[\s\u00a0]*(?:de\s+)?(dólares|dolares|dólar|euros?|libras?|pesos?|USD|EUR|GBP|MXN|€)(?!\w)",
        re.IGNORECASE,
    ),
}


def currency_code(word: str) -> str:
    return _CURRENCY_NAMES[word.lower()]


# A currency named without an amount ("in United States dollars", "Dollar value", "en euros").
# Pounds, libras and pesos are left out: they are also weights ("el peso de la deuda").
CURRENCY_WORD_RE = re.compile(
    r"(?<!\w)(?:US\$|\$|€|(?:USD|EUR|MXN|GBP|dollars?|dólar|dólares|dolares|euros?)(?!\w))", re.IGNORECASE
)


_UNIT_NAMES = {
    "%": "%", "per cent": "%", "percent": "%", "por ciento": "%",
    "percentage point": "pp", "percentage points": "pp", "punto porcentual": "pp",
    "puntos porcentuales": "pp",
    "km2": "km2", "km²": "km2", "square kilometres": "km2", "square kilometers": "km2",
    "kilómetro cuadrado": "km2", "kilómetros cuadrados": "km2", "m2": "m2", "m²": "m2",
    "square metres": "m2", "square meters": "m2", "metros cuadrados": "m2", "m3": "m3", "m³": "m3",
    "cubic metres": "m3", "cubic meters": "m3", "metros cúbicos": "m3",
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "kilómetro": "km", "kilómetros": "km", "kg": "kg", "kilogram": "kg", "kilograms": "kg",
    "kilogramo": "kg", "kilogramos": "kg", "ton": "t", "tons": "t", "tonne": "t", "tonnes": "t",
    "tonelada": "t", "toneladas": "t", "hectare": "ha", "hectares": "ha", "hectárea": "ha",
    "hectáreas": "ha", "ha": "ha", "hour": "hour", "hours": "hour", "hora": "hour",
    "horas": "hour", "day": "day", "days": "day", "día": "day", "días": "day", "week": "week",
    "weeks": "week", "semana": "week", "semanas": "week", "month": "month", "months": "month",
    "mes": "month", "meses": "month", "year": "year", "years": "year", "año": "year",
    "años": "year", "minute": "minute", "minutes": "minute", "minuto": "minute",
    "minutos": "minute", "decade": "decade", "decades": "decade", "década": "decade",
    "décadas": "decade", "decenio": "decade", "decenios": "decade",
}
_UNIT_ALT = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _UNIT_NAMES), key=len, reverse=True))
# "10-year", "ten-year", "18‐month" (any dash): a duration used as an adjective.
UNIT_AFTER_RE = {
    "en": re.compile(rf"(?:[\s\u00a0]*|[\-\u2010\u2011])({_UNIT_ALT})(?!\w)(?:-old)?", re.IGNORECASE),
    "es": re.compile(rf"[\s\u00a0]*(?:de\s+)?({_UNIT_ALT})(?!\w)", re.IGNORECASE),
}
# Units that are only units right after a number, never after "de" (Spanish "5 de mayo").
_NEEDS_NUMBER_ADJACENT = {"ha", "t"}


def unit_name(word: str) -> str:
    return _UNIT_NAMES[re.sub(r"\s+", " ", word.lower())]


def unit_ok(match: re.Match[str]) -> bool:
    """Reject the short unit spellings when a word stands between number and unit."""
    return not (unit_name(match.group(1)) in _NEEDS_NUMBER_ADJACENT and match.group(0)[:1].isspace()
                and " de " in f" {match.group(0)} ")


# A single word that names a duration: "Marco Decenal" = "10-Year Framework".
PERIOD_WORD_RE = {
    "en": re.compile(
        r"\b(?:(?:a|one)\s+)?(decade|decennial|biennial|biennium|triennial|quinquennial|millennium)\b", re.IGNORECASE
    ),
    "es": re.compile(
        r"\b(?:(?:un|una)\s+)?(decenio|década|decenal|bienal|bienio|trienal|trienio|quinquenal|quinquenio|milenio)\b",
        re.IGNORECASE,
    ),
}
PERIOD_YEARS = {
    "decade": 10, "decennial": 10, "decenio": 10, "década": 10, "decenal": 10, "biennial": 2,
    "biennium": 2, "bienal": 2, "bienio": 2, "triennial": 3, "trienal": 3, "trienio": 3,
    "quinquennial": 5, "quinquenal": 5, "quinquenio": 5, "millennium": 1000, "milenio": 1000,
}
