"""Snowball stemmers (snowballstemmer) for the checks that compare words across inflection,
one per language for the process."""
from __future__ import annotations

import functools
import unicodedata

import snowballstemmer

_NAMES = {"en": "english", "es": "spanish"}


@functools.lru_cache(maxsize=None)
def stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_NAMES[lang])


@functools.lru_cache(maxsize=65536)
def plain_stem(lang: str, word: str) -> str:
    """The stem of a lower-case word with its accents dropped first ("comprometió" and
    "comprometio" stem alike)."""
    plain = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
    return stemmer(lang).stemWord(plain)
