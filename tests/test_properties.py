"""Property-based tests: the number parser, the sentence splitter and the aligner on inputs
nobody wrote by hand.

Every test runs a fixed, derandomised set of examples so CI is reproducible and bounded.
"""
from __future__ import annotations

import math
import os
import re
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from aligner.aligning.params import AlignParams
from aligner.aligning.search import Side, align_embeddings, open_ends
from aligner.diverge import BeadText, Context, judge
from aligner.diverge.dates import find_dates
from aligner.diverge.numbers import DIGITS_RE, detect_decimal_mark, parse_digits
from aligner.diverge.quantities import extract_quantities
from aligner.segment import split_sentences

# ALIGNER_EXPLORE=N runs N fresh random examples per test instead (to hunt bugs locally).
_EXPLORE = int(os.environ.get("ALIGNER_EXPLORE", "0"))


def _bounded(examples: int) -> settings:
    if _EXPLORE:
        return settings(max_examples=_EXPLORE, deadline=None, derandomize=False, database=None)
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None)


FAST = _bounded(150)
SLOW = _bounded(60)

# Text that looks like prose with numbers in it: digits, every separator the parser knows,
# currency signs, scale words, Spanish punctuation, plus arbitrary unicode.
_PIECES = st.sampled_from([
    "1", "25", "5,046", "5.046", "1.234,5", "1,234.5", "0,5", "17.000", "2026", "8", "10 000",
    "\u00a0", "\u202f", "\u2009", " ", ",", ".", "..", "…", "%", "$", "US$", "€", "£", "¿", "¡", "?",
    "!", "«", "»", "\"", "'", "“", "”", "(", ")", "[", "]", "-", "–", "/", ":", ";", "\n", "\t",
    "million", "billion", "millones", "mil millones", "millardos", "mdd", "por ciento", "percent",
    "Art.", "art.", "Sr.", "Dr.", "EE. UU.", "p. ej.", "a. C.", "U.S.", "No.", "núm.", "1.", "(a)",
    "de", "the", "of", "enero", "January", "12:00", "Q1", "2.º", "first", "veinte", "twenty-five",
    "dozens of", "cientos de", "a third", "dos veces", "half", "km", "horas", "años",
    "o\u0301", "A", "Él", "Mr", "IV", "CO2", "PM2.5", "G20", "\ue000", "\u200b", "\x00",
    "\ufb2e", "\u2126", "\u0344", "\u0958", "\u05b7",  # characters NFC resizes or composes
])
PROSE = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=200), PROSE)


# ---- (a) numbers and quantities -------------------------------------------------------------

@FAST
@given(ANY_TEXT, st.sampled_from(["en", "es", "fr"]), st.sampled_from([None, ".", ","]))
def test_quantity_extraction_never_raises_and_spans_point_into_the_text(text, lang, decimal):
    for q in extract_quantities(text, lang, decimal):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.text == text[q.start:q.end]
        assert q.values and all(math.isfinite(v) for v in q.values)
    for m in DIGITS_RE.finditer(text):
        assert all(math.isfinite(v) for v in parse_digits(m.group(), decimal))
    find_dates(text, "es" if lang == "es" else "en")
    assert detect_decimal_mark([text], lang) in (None, ".", ",")


@pytest.mark.parametrize("text, expected", [
    ("\ufb2e 25 % más", ["25 %"]),  # NFC turns this one character into two (found by atheris)
    ("\u0958\u093c 3 km", ["3 km"]),  # a nukta, outside the combining ranges composed in runs
    ("Ω\u2126 2,5 millones y \u0344 1.234,5", ["2,5 millones", "1.234,5"]),
    ("o\u0301 25 de octubre de 2021", ["25 de octubre de 2021"]),
])
def test_quantity_spans_survive_characters_that_nfc_resizes(text, expected):
    # regression: spans were mapped back assuming NFC kept the length of plain characters
    assert [q.text for q in extract_quantities(text, "es", ",")] == expected


@SLOW
@given(ANY_TEXT, ANY_TEXT, st.sampled_from(["auto", "mx", "es"]))
def test_every_check_accepts_any_pair_of_texts(src, tgt, es_locale):
    ctx = Context(es_locale=es_locale, src_decimal=detect_decimal_mark([src], "en"),
                  tgt_decimal=detect_decimal_mark([tgt], "es"))
    for flag in judge(BeadText(src, tgt, 0.5, (0,), (0,)), ctx):
        assert flag.severity in ("low", "medium", "high") and flag.message


# A value as its digits: integer part, and a fraction of 0-3 digits (no trailing zero, since
# nobody writes "25.10 billion" for a figure they mean as 25.1e9).
INTEGERS = st.integers(min_value=0, max_value=999_999_999_999)
FRACTIONS = st.one_of(st.just(""), st.integers(1, 999).map(lambda f: f"{f:03d}".rstrip("0")))
GROUP_SPACES = st.sampled_from([" ", "\u00a0", "\u202f", "\u2009"])
GAPS = st.sampled_from([" ", "\u00a0"])  # between a figure and its scale word


def grouped(integer: int, sep: str) -> str:
    return f"{integer:,}".replace(",", sep)


def render(integer: int, frac: str, group: str, decimal: str) -> str:
    return grouped(integer, group) + (decimal + frac if frac else "")


def value_of(integer: int, frac: str) -> float:
    return float(Decimal(f"{integer}.{frac or '0'}"))


def parsed(text: str, lang: str, decimal: str | None) -> tuple[float, ...]:
    """The values of the one quantity covering the whole of `text`, inside a sentence."""
    sentence = f"The figure is {text} here." if lang == "en" else f"La cifra es {text} aquí."
    offset = sentence.index(text)
    found = [q for q in extract_quantities(sentence, lang, decimal)
             if q.start <= offset and q.end >= offset + len(text)]
    assert len(found) == 1, (sentence, extract_quantities(sentence, lang, decimal))
    return found[0].values


def assert_reads(text: str, lang: str, decimal: str | None, expected: float) -> None:
    values = parsed(text, lang, decimal)
    assert values == pytest.approx((expected,), rel=1e-12), (text, values)


@FAST
@given(INTEGERS, FRACTIONS)
def test_point_decimal_comma_grouping_round_trips(integer, frac):
    text = render(integer, frac, ",", ".")
    assert_reads(text, "en", ".", value_of(integer, frac))
    assert_reads(text, "es", ".", value_of(integer, frac))  # Mexican usage, es_locale=mx


@FAST
@given(INTEGERS, FRACTIONS)
def test_comma_decimal_point_grouping_round_trips(integer, frac):
    assert_reads(render(integer, frac, ".", ","), "es", ",", value_of(integer, frac))


@FAST
@given(st.integers(1000, 999_999_999), FRACTIONS, GROUP_SPACES, st.sampled_from([",", "."]),
       st.sampled_from(["en", "es"]))
def test_space_grouping_round_trips_whatever_the_decimal_mark(integer, frac, space, mark, lang):
    # "1 234,5" / "1 234.5": grouped by spaces, the digits after the mark can only be decimals
    text = render(integer, frac, space, mark)
    for decimal in (None, ".", ","):
        assert_reads(text, lang, decimal, value_of(integer, frac))


SCALES_EN = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALES_ES = {"mil": 1e3, "millones": 1e6, "mil millones": 1e9, "millardos": 1e9, "billones": 1e12}


@FAST
@given(st.integers(1, 999), FRACTIONS, st.sampled_from(sorted(SCALES_EN)), GAPS)
def test_english_scale_words_round_trip(integer, frac, scale, gap):
    text = f"{render(integer, frac, ',', '.')}{gap}{scale}"
    assert_reads(text, "en", ".", value_of(integer, frac) * SCALES_EN[scale])
    assert_reads(f"${text}", "en", ".", value_of(integer, frac) * SCALES_EN[scale])


@FAST
@given(st.integers(1, 999_999), FRACTIONS, st.sampled_from(sorted(SCALES_ES)), st.sampled_from([".", ","]),
       GAPS)
def test_spanish_scale_words_round_trip(integer, frac, scale, decimal, gap):
    # "25,1 mil millones" (Spain) and "25.1 mil millones" / "25,100 millones" (Mexico)
    group = "," if decimal == "." else "."
    text = f"{render(integer, frac, group, decimal)}{gap}{scale}"
    expected = value_of(integer, frac) * SCALES_ES[scale]
    assert_reads(text, "es", decimal, expected)
    assert_reads(f"{text} de dólares", "es", decimal, expected)


@FAST
@given(st.integers(1, 999), st.integers(0, 999))
def test_the_same_amount_in_millions_and_in_billions_is_one_value(billions, rest):
    # "25.1 billion" = "25,100 millones" = "25.100 millones" (es) = "25,1 mil millones"
    frac = f"{rest:03d}".rstrip("0")
    expected = value_of(billions, frac)
    millions = billions * 1000 + rest
    assert_reads(f"{render(billions, frac, ',', '.')} billion", "en", ".", expected * 1e9)
    assert_reads(f"{grouped(millions, ',')} millones", "es", ".", expected * 1e9)
    assert_reads(f"{grouped(millions, '.')} millones", "es", ",", expected * 1e9)
    assert_reads(f"{render(billions, frac, '.', ',')} mil millones", "es", ",", expected * 1e9)


# ---- (b) the sentence splitter ---------------------------------------------------------------

_SENTENCE_PIECES = st.sampled_from([
    "The Sr. García arrived.", "¿Qué pasó?", "¡Basta!", "He said \"Stop.\" Then he left.",
    "«Ya está», dijo.", "It cost $25.1 billion.", "Son 1.234,5 euros.", "Art. 6.1 applies.",
    "U.S. officials met. ", "EE. UU. y la UE.", "p. ej. esto.", "No. 5 is here.", "1. First item",
    "(a) A label.", "See p. 12.", "Hello... world.", "Fin… Luego.", "[...] text", "a. C. Durante",
    "Mr. Smith", "etc. The end.", "  ", "\n", "\t", "\u00a0", ".", "?", "!", "...", "¿", "¡",
    "\ue000",  # the splitter's own protection mark, in the input
])
SPLITTABLE = st.one_of(
    st.lists(st.one_of(_SENTENCE_PIECES, st.text(max_size=8)), max_size=30).map(" ".join),
    st.text(max_size=200),
)


def _no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


@FAST
@given(SPLITTABLE, st.sampled_from(["en", "es", "de", "xx"]))
def test_splitter_neither_loses_nor_duplicates_a_character(text, lang):
    sentences = split_sentences(text, lang)
    assert _no_space("".join(sentences)) == _no_space(text)
    assert all(s and s == s.strip() for s in sentences)


def test_splitter_keeps_a_private_use_character_it_also_uses_internally():
    # regression: U+E000 in the input came back as a space
    assert split_sentences("Hola\ue000mundo. Adiós.", "es") == ["Hola\ue000mundo.", "Adiós."]
    assert split_sentences("1. Uno\ue000dos. Tres.", "es") == ["1. Uno\ue000dos.", "Tres."]


# ---- (c) the aligner --------------------------------------------------------------------------

def _side(rng: np.random.Generator, n: int, dim: int = 16) -> Side:
    emb = rng.normal(size=(n, dim)).astype(np.float32)
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    lengths = rng.integers(1, 300, size=n).astype(np.float64)
    ends = rng.choice(["x.", "x,", "x:"], size=n).tolist()
    return Side(emb.reshape(n, dim), lengths, open_ends(ends))


@SLOW
@given(st.integers(0, 60), st.integers(0, 60), st.integers(0, 2**32 - 1), st.integers(2, 6),
       st.booleans())
def test_aligner_covers_every_sentence_once_in_order_with_bounded_scores(n, m, seed, max_bead, banded):
    rng = np.random.default_rng(seed)
    src, tgt = _side(rng, n), _side(rng, m)
    # a tiny full_limit forces the coarse-to-fine band even at these sizes
    params = AlignParams(max_bead=max_bead, full_limit=16 if banded else 250_000, band_width=3)
    beads = align_embeddings(src, tgt, params)
    assert sorted(i for b in beads for i in b.src) == list(range(n))
    assert sorted(j for b in beads for j in b.tgt) == list(range(m))
    src_seq = [i for b in beads for i in b.src]
    tgt_seq = [j for b in beads for j in b.tgt]
    assert src_seq == sorted(src_seq) and tgt_seq == sorted(tgt_seq)
    for b in beads:
        assert b.src or b.tgt
        assert list(b.src) == list(range(b.src[0], b.src[0] + len(b.src))) if b.src else True
        assert len(b.src) + len(b.tgt) <= max(max_bead, 1)
        assert math.isfinite(b.score) and 0.0 <= b.score <= 1.0
