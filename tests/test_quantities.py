"""Extraction of typed quantities from one sentence, EN and ES."""
import pytest
from hypothesis import given, strategies as st

from aligner.diverge.quantities import extract_quantities


def one(text, lang, decimal=None):
    found = extract_quantities(text, lang, decimal)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, lang, decimal", [
    ("$25.1 billion", "en", "."), ("US$25.1 billion", "en", "."),
    ("25,100 millones de dólares", "es", "."), ("25.100 millones de dólares", "es", ","),
    ("25,1 mil millones de dólares", "es", ","), ("25.1 millardos de dólares", "es", "."),
    ("25.100 mdd", "es", ","), ("25,1 mmdd", "es", ","),
])
def test_amount_renderings_normalise_to_one_value(text, lang, decimal):
    q = one(text, lang, decimal)
    assert (q.kind, q.unit) == ("amount", "USD")
    assert q.values == pytest.approx((25.1e9,))


@pytest.mark.parametrize("text, lang, value, currency", [
    ("EUR 20 000 000", "en", 2e7, "EUR"), ("20 millones de euros", "es", 2e7, "EUR"),
    ("£3 bn", "en", 3e9, "GBP"), ("7 MDP", "es", 7e6, "MXN"), ("2 billones de pesos", "es", 2e12, "MXN"),
    ("two trillion dollars", "en", 2e12, "USD"),
])
def test_currencies_and_scales(text, lang, value, currency):
    q = one(text, lang, ".")
    assert (q.kind, q.unit, q.values) == ("amount", currency, (value,))


@pytest.mark.parametrize("text, lang, kind, value", [
    ("23%", "en", "percent", 23), ("23 %", "es", "percent", 23), ("23 por ciento", "es", "percent", 23),
    ("23 percent", "en", "percent", 23), ("23 per cent", "en", "percent", 23),
    ("2.5 percentage points", "en", "pp", 2.5), ("2,5 puntos porcentuales", "es", "pp", 2.5),
])
def test_percentages(text, lang, kind, value):
    q = one(text, lang, "." if lang == "en" else ",")
    assert (q.kind, q.values) == (kind, (value,))


@pytest.mark.parametrize("text, lang, value, unit", [
    ("eighteen months", "en", 18, "month"), ("dieciocho meses", "es", 18, "month"),
    ("72 hours", "en", 72, "hour"), ("72 horas", "es", 72, "hour"), ("10 km", "en", 10, "km"),
    ("5 toneladas", "es", 5, "t"), ("the 10\u2010Year Framework", "en", 10, "year"),
    ("el Marco Decenal", "es", 10, "year"), ("two decades", "en", 20, "year"),
])
def test_measures(text, lang, value, unit):
    q = one(text, lang, ".")
    assert (q.kind, q.unit, q.values) == ("measure", unit, (value,))


@pytest.mark.parametrize("text, lang, kind, value", [
    ("a dozen", "en", "count", 12), ("una docena", "es", "count", 12), ("one hundred", "en", "count", 100),
    ("the first", "en", "ordinal", 1), ("la primera", "es", "ordinal", 1), ("2nd", "en", "ordinal", 2),
    ("2.º", "es", "ordinal", 2), ("2.ª", "es", "ordinal", 2), ("2°", "es", "ordinal", 2),
    ("segundo", "es", "ordinal", 2), ("doubled", "en", "factor", 2), ("se duplicó", "es", "factor", 2),
    ("tripled", "en", "factor", 3), ("triplicó", "es", "factor", 3), ("halved", "en", "factor", 0.5),
    ("se redujo a la mitad", "es", "factor", 0.5), ("one third", "en", "factor", 1 / 3),
    ("un tercio", "es", "factor", 1 / 3), ("dozens of", "en", "approx", 10), ("decenas de", "es", "approx", 10),
    ("hundreds of", "en", "approx", 100), ("cientos de", "es", "approx", 100),
    ("centenares de", "es", "approx", 100), ("thousands of", "en", "approx", 1000),
    ("miles de", "es", "approx", 1000), ("millions of", "en", "approx", 1e6),
    ("miles de millones de", "es", "approx", 1e9), ("per million", "en", "count", 1e6),
    ("por cada millón", "es", "count", 1e6),
])
def test_words_ordinals_factors_and_vague_amounts(text, lang, kind, value):
    q = one(text, lang)
    assert (q.kind, q.values) == (kind, (pytest.approx(value),))


@pytest.mark.parametrize("text, lang, value, unit", [
    ("October 8, 2021", "en", 20211008, "ymd"), ("8 October 2021", "en", 20211008, "ymd"),
    ("8 de octubre de 2021", "es", 20211008, "ymd"), ("8/10/2021", "es", 20211008, "ymd"),
    ("October 2021", "en", 202110, "ym"), ("octubre de 2021", "es", 202110, "ym"),
    ("Q3 2021", "en", 20213, "yq"), ("tercer trimestre de 2021", "es", 20213, "yq"),
    ("fiscal year 2021", "en", 2021, "year"), ("ejercicio fiscal 2021", "es", 2021, "year"),
    ("the 1990s", "en", 1990, "decade"), ("la década de 1990", "es", 1990, "decade"),
    ("los años noventa", "es", 1990, "decade"),
])
def test_dates_and_periods(text, lang, value, unit):
    q = one(text, lang)
    assert (q.kind, q.unit, q.values) == ("date", unit, (value,))


def test_times_of_day_and_compound_ordinals():
    assert one("at 09:19 p.m. GMT", "en").values == one("a las 21:19 h GMT", "es").values == (21 * 60 + 19.0,)
    assert one("vigésimo cuarto", "es").values == one("twenty-fourth", "en").values == (24.0,)


def test_us_numeric_date_is_ambiguous_in_english():
    assert one("8/10/2021", "en").values == (20210810, 20211008)


def test_may_the_verb_is_no_date():
    assert extract_quantities("The controller may refuse.", "en") == []


def test_references():
    kinds = [(q.kind, q.unit, q.values) for q in extract_quantities("Article 6(1) and Chapter IV", "en")]
    assert kinds == [("ref", "article", (6.0,)), ("ref", "paragraph", (1.0,)), ("ref", "", (4.0,))]
    res = [q.values[0] for q in extract_quantities("resolución 217 A (III)", "es")]
    assert res == [217.0, 3.0]


@pytest.mark.parametrize("text, lang", [
    ("one of the reasons", "en"), ("uno de los motivos", "es"), ("a census", "en"), ("un censo", "es"),
    ("(a) the controller", "en"), ("a) el responsable", "es"), ("CO2 and G20", "en"),
    ("a third country", "en"), ("un tercer país", "es"), ("los terceros", "es"),
])
def test_not_numbers(text, lang):
    assert extract_quantities(text, lang) == []


def test_paragraph_number_label_is_skipped():
    assert [q.values for q in extract_quantities("1. Member States shall apply 3 rules.", "en")] == [(3.0,)]


def test_evidence_is_the_exact_source_span_even_for_decomposed_accents():
    text = "por millo\u0301n de habitantes"
    q = one(text, "es")
    assert q.text == "millo\u0301n" and text[q.start:q.end] == q.text


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["million", "billion", "trillion"]))
def test_english_scale_words(n, word):
    scale = {"million": 1e6, "billion": 1e9, "trillion": 1e12}[word]
    assert one(f"{n} {word}", "en").values == (n * scale,)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("millones", 1e6), ("mil millones", 1e9), ("millardos", 1e9), ("billones", 1e12)]))
def test_spanish_scale_words(n, tenth, scale):
    word, factor = scale
    assert one(f"{n},{tenth} {word}", "es", ",").values == (pytest.approx((n + tenth / 10) * factor),)


# --- the shared lower-case scan (lowscan) --------------------------------------------------

import re as _re

from aligner.diverge.lowscan import Scanner, lower_same_length, lowered


def test_lowered_refuses_patterns_that_need_case():
    assert lowered(_re.compile(r"Board")) is None  # case-sensitive
    assert lowered(_re.compile(r"\bfoo\S+", _re.IGNORECASE)) is None  # \S would become \s
    low = lowered(_re.compile(r"\bThird\b", _re.IGNORECASE))
    assert low is not None and low.search("a third party") and not low.flags & _re.IGNORECASE


_WORDY = st.lists(st.sampled_from(["a", "third", "Third", "one", "dozen", "twice", "Twice", "2nd",
                                   "half", "first", "the", "of", ",", "x2nd"]), max_size=12)


@given(_WORDY)
def test_scanner_finds_what_the_patterns_find_one_by_one(tokens):
    patterns = [_re.compile(r"\b(?:a|one)\s+dozen\b", _re.IGNORECASE),
                _re.compile(r"\b(twice|thrice)\b", _re.IGNORECASE),
                _re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)\b"),  # case-sensitive: runs on its own
                _re.compile(r"\b(?:first|third)\b", _re.IGNORECASE)]
    text = " ".join(tokens)
    scanned = sorted((i, m.span(), m.groups()) for i, m in Scanner(patterns, word_start=True)
                     .matches(text, lower_same_length(text)))
    one_by_one = sorted((i, m.span(), tuple(g and g.lower() for g in m.groups()))
                        for i, p in enumerate(patterns) for m in p.finditer(text))
    assert scanned == one_by_one  # these patterns never overlap each other


def test_a_third_country_is_neither_a_fraction_nor_an_ordinal():
    assert extract_quantities("transfers to a third country", "en") == []
    assert [q.kind for q in extract_quantities("a third of the budget", "en")] == ["factor"]
