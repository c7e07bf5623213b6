"""Digit parsing in every EN/ES convention, number words, and the document's decimal mark."""
import pytest
from hypothesis import given, strategies as st

from aligner.diverge.numbers import decimal_for, detect_decimal_mark, parse_digits
from aligner.diverge.numwords import split_word_run


@pytest.mark.parametrize("token, decimal, expected", [
    ("5,046", ".", (5046.0,)), ("5.046", ",", (5046.0,)), ("5 046", None, (5046.0,)),
    ("5\u202f046", None, (5046.0,)), ("5046", None, (5046.0,)), ("25.1", None, (25.1,)),
    ("25,1", None, (25.1,)), ("5,046.25", ",", (5046.25,)), ("5.046,25", ".", (5046.25,)),
    ("1.000.000", None, (1e6,)), ("20 000 000", None, (2e7,)), ("0,500", None, (0.5,)),
])
def test_parse_digits_conventions(token, decimal, expected):
    assert parse_digits(token, decimal) == expected


def test_ambiguous_without_decimal_keeps_both_readings():
    assert parse_digits("5,046", None) == (5.046, 5046.0)
    assert parse_digits("5.046", ",") == (5046.0,)
    assert parse_digits("5,046", ",") == (5.046,)


def test_malformed_grouping_is_no_number():
    assert parse_digits("12,34,567", None) == ()


def test_detect_decimal_mark_by_document_usage():
    assert detect_decimal_mark(["menos de 1,25 dólares", "el 3,5 %"], "es") == ","
    assert detect_decimal_mark(["$1.25 a day", "1,000,000 people"], "en") == "."
    assert detect_decimal_mark(["meta 17.2", "PM2.5 y PM10"], "es") is None
    assert detect_decimal_mark(["no numbers here"], "en") is None


def test_decimal_for_locale_overrides_document():
    assert decimal_for("es", ".", "es") == ","
    assert decimal_for("es", ",", "mx") == "."
    assert decimal_for("es", None, "auto") is None
    assert decimal_for("en", None, "auto") == "."


@pytest.mark.parametrize("text, lang, value", [
    ("four", "en", 4), ("cuatro", "es", 4), ("eighteen", "en", 18), ("dieciocho", "es", 18),
    ("twenty-five", "en", 25), ("veinticinco", "es", 25), ("one hundred", "en", 100),
    ("cien", "es", 100), ("veintiún", "es", 21), ("cuarenta y dos", "es", 42),
])
def test_number_words(text, lang, value):
    assert [v for _, _, v in split_word_run(text, lang)] == [value]


def test_word_run_splits_separate_numbers():
    assert [v for _, _, v in split_word_run("dos y tres", "es")] == [2, 3]


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99),
       st.sampled_from([(",", "."), (".", ","), (" ", ","), (" ", "."), ("\u202f", ","), ("", "."), ("", ",")]))
def test_any_convention_parses_back(integer, cents, marks):
    grouping, decimal = marks
    token = _group(str(integer), grouping) + f"{decimal}{cents:02d}"
    assert integer + cents / 100 in [pytest.approx(v) for v in parse_digits(token, decimal)]


@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from([(",", "."), (".", ","), (" ", None)]))
def test_grouped_integers_parse_back_under_their_decimal(integer, marks):
    grouping, decimal = marks
    assert float(integer) in parse_digits(_group(str(integer), grouping), decimal)


def test_three_decimal_zeros_stay_ambiguous_whatever_the_document_says():
    # FLORES Spanish mixes both habits: "17.000 islas" is 17,000 even in a decimal-point document
    assert 17000.0 in parse_digits("17.000", ".")
    assert parse_digits("1.500", ".") == (1.5,)
    assert parse_digits("5,000", ".") == (5000.0,)
