"""Digit strings in every EN/ES convention -> values, and a document's own decimal mark.

A digit string such as "5,046" or "5.046" is ambiguous on its own (thousands or decimal), so
parsing returns every reading that the decimal mark in force allows; with the mark unknown,
both readings survive and the comparison decides (an ambiguous difference is a low flag).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# Grouping may be a comma, a dot or a space (plain, no-break, narrow no-break, thin).
SPACES = " \u00a0\u202f\u2009"
DIGITS_RE = re.compile(
    # Not inside codes such as CO2, G20, PM2.5 (upper case before); "últimos12" is a number.
    # The look-ahead first: most positions hold no digit, and it rejects them fastest.
    r"(?=\d)(?<![\d.,_])(?<![A-Z])"
    r"(?:\d{1,3}(?:[" + SPACES + r"]\d{3})+(?![\d])(?:[.,]\d+)?"  # 5 046 / 20 000 000,5
    r"|\d+(?:[.,]\d+)*)"  # 5046, 5,046, 5.046.123, 25,1, 5,046.25
    r"(?![\d])"
)
# Unambiguous evidence of the decimal mark, found away from reference numbers ("Article 6.1").
_REF_BEFORE = (
    r"(?<!article )(?<!artículo )(?<!section )(?<!sección )(?<!target )(?<!meta )(?<!goal )"
    r"(?<!paragraph )(?<!apartado )(?<!indicator )(?<!indicador )(?<!point )(?<!punto )"
)
_COMMA_DECIMAL = re.compile(
    _REF_BEFORE + r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+,\d+|\d+,\d{1,2}(?![\d.,])|\d{1,3}(?:\.\d{3}){2,}(?![\d,]))",
    re.IGNORECASE,
)
_POINT_DECIMAL = re.compile(
    _REF_BEFORE + r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d{1,2}(?![\d.,])|\d{1,3}(?:,\d{3}){2,}(?![\d.]))",
    re.IGNORECASE,
)


def detect_decimal_mark(texts: Iterable[str], lang: str) -> str | None:
    """The decimal mark ('.' or ',') a document uses, by majority of unambiguous numbers.

    None when the document shows no evidence or is evenly split. `lang` breaks no ties on
    purpose: the point is to learn the document's habit, not to assume the language's.
    """
    comma = point = 0
    for text in texts:
        comma += len(_COMMA_DECIMAL.findall(text))
        point += len(_POINT_DECIMAL.findall(text))
    if comma == point:
        return None
    return "," if comma > point else "."


def decimal_for(lang: str, doc_decimal: str | None, es_locale: str = "auto") -> str | None:
    """The decimal mark to read one side with: an explicit Spanish locale wins, then the
    document's own usage; English defaults to the point; otherwise unknown (None)."""
    if lang == "es" and es_locale == "mx":
        return "."
    if lang == "es" and es_locale == "es":
        return ","
    if doc_decimal in (".", ","):
        return doc_decimal
    return "." if lang == "en" else None


def _group_ok(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _with_decimal(body: str, decimal: str) -> float | None:
    grouping = "," if decimal == "." else "."
    int_part, _, frac = body.rpartition(decimal) if decimal in body else (body, "", "")
    if body.count(decimal) > 1:
        return None
    groups = int_part.split(grouping)
    if len(groups) > 1 and not _group_ok(groups):
        return None
    digits = "".join(groups)
    return float(f"{digits}.{frac}") if frac else float(digits)


def parse_digits(token: str, decimal: str | None = None) -> tuple[float, ...]:
    """Every value `token` can mean under `decimal` ('.', ',' or None = unknown).

    Returns () for strings that are not well-formed numbers in any convention.
    """
    body = token
    for space in SPACES:
        if space in body:
            head, _, tail = body.partition(",") if "," in body else body.partition(".")
            groups = head.split(space)
            if not _group_ok(groups):
                return ()
            body = "".join(groups) + (f".{tail}" if tail else "")
            return (float(body),)
    n_marks = body.count(".") + body.count(",")
    if n_marks == 0:
        return (float(body),)
    if "." in body and "," in body:
        # Both marks present: the last one is the decimal mark whatever the locale says.
        marks = {"." if body.rfind(".") > body.rfind(",") else ","}
    elif n_marks == 1:
        sep = "." if "." in body else ","
        int_part, frac = body.split(sep)
        unambiguous = len(frac) != 3 or int_part == "0"
        # "17.000" / "5,000": nobody writes three decimal zeros, so a document's decimal habit
        # (FLORES Spanish mixes both) must not turn them into 17 and 5
        trusted = decimal and not (sep == decimal and frac == "000")
        marks = {sep} if unambiguous else ({decimal} if trusted else {".", ","})
    else:
        # A mark used twice can only be grouping: 1.000.000.
        marks = {"," if body.count(".") > 1 else "."}
    values = {v for m in sorted(marks) if (v := _with_decimal(body, m)) is not None}
    return tuple(sorted(values))
