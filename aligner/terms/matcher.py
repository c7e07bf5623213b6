"""Find glossary terms in a sentence whatever their inflection, articles and capitals.

A term and a text are compared as sequences of Snowball stems with articles dropped and the
Spanish contractions opened ("del" = "de el", "al" = "a el"): so "el Entendimiento" is found
in "del Entendimiento", "acuerdo" in "acuerdos", "comprometido" in "comprometidas" and "la
Fuerza de Tarea Conjunta" in "las fuerzas de tarea conjuntas". Snowball (PyStemmer's C
implementation when installed, else the pure-Python snowballstemmer) is the maintained
algorithm for both languages; hand-written suffix rules would be a worse copy of it.

Overlaps go to the longest term, so "health" inside "Health Care Ambassadors Program" is
judged as part of the programme's name, not on its own (the false alarm Xbench users report).
"""
from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
# Words a term may gain or lose with its grammar: articles (and what contractions leave).
_ARTICLES = {
    "en": frozenset({"the", "a", "an"}),
    "es": frozenset({"el", "la", "los", "las", "lo", "un", "una", "unos", "unas"}),
}
_CONTRACTIONS = {"es": {"del": ("de",), "al": ("a",)}}
_STEMMER_NAMES = {"en": "english", "es": "spanish"}


@functools.lru_cache(maxsize=None)
def _stemmer(lang: str):
    name = _STEMMER_NAMES.get(lang, "english")
    try:
        import Stemmer  # PyStemmer: the same Snowball algorithms in C, several times faster

        return Stemmer.Stemmer(name, 0)
    except ImportError:
        import snowballstemmer

        return snowballstemmer.stemmer(name)


@dataclass(frozen=True)
class Token:
    stem: str
    start: int
    end: int
    cased: str  # the word as written, for case-sensitive terms
    folded: str = ""  # lower case, accents kept
    bare: str = ""  # lower case, accents removed
    lang: str = "en"


# Snowball conflates derivations a glossary keeps apart ("controller"/"controlling"/
# "control", "proceso"/"procesador" share a stem). A glossary term is a noun phrase, so a text
# word matches a term word only when, past what they share, the term word ends in one of the
# first endings and the text word in one of the second: number and gender, nothing else
# (authorit-y/-ies, autoridad/-es, comprometid-o/-as, tercer/-os), compared without accents
# (nación/naciones).
INFLECTIONS = {
    "en": (frozenset({"", "y", "is", "f", "fe"}), frozenset({"", "s", "es", "ies", "ves"})),
    "es": (frozenset({"", "o", "a", "e"}), frozenset({"", "s", "es", "a", "as", "o", "os"})),
}


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", word).lower()


def tokens(text: str, lang: str) -> list[Token]:
    """The text's words as stems, articles dropped, with their character spans (of `text`
    as given: callers compose it first)."""
    articles, opened = _ARTICLES.get(lang, frozenset()), _CONTRACTIONS.get(lang, {})
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    folded = [_fold(w) for w, _, _ in words]
    stems = _stemmer(lang).stemWords([opened.get(f, (f,))[0] for f in folded])
    return [Token(stem, start, end, word, f, _bare(f), lang)
            for (word, start, end), f, stem in zip(words, folded, stems) if f not in articles]


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def same_word(term: Token, text: Token) -> bool:
    """`text` is the term word `term` in another number or gender (see INFLECTIONS)."""
    a, b = term.bare, text.bare
    if a == b:
        return True
    common = len(os.path.commonprefix((a, b)))
    ends_term, ends_text = INFLECTIONS.get(term.lang, INFLECTIONS["en"])
    if a[common:] not in ends_term or b[common:] not in ends_text:
        return False
    # Snowball confirms the two are one word; a term word the text word merely extends is one
    # too (tercer / terceros, which Snowball stems apart).
    return term.stem == text.stem or common == len(a)


def term_tokens(term: str, lang: str) -> tuple[Token, ...]:
    """A term's words (articles dropped)."""
    return tuple(tokens(unicodedata.normalize("NFC", term), lang))


@dataclass(frozen=True)
class Match:
    """One occurrence of a term: which (its key), where, and the words as written."""

    key: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Term:
    key: int
    words: tuple[Token, ...]
    case_sensitive: bool


def _head(word: str) -> str:
    """What a term word and its inflections share at least (its ending may change)."""
    return word[:max(1, min(3, len(word) - 2))]


class TermIndex:
    """Many terms of one language, found in a text in one pass over its words.

    Terms are indexed by the first letters of their first word, so a 500-term glossary costs a
    few dictionary look-ups per word plus the few terms that start that way.
    """

    def __init__(self, lang: str, terms: Iterable[tuple[int, str, bool]]):
        self.lang = lang
        self._by_first: dict[str, list[_Term]] = defaultdict(list)
        for key, term, case_sensitive in terms:
            words = term_tokens(term, lang)
            if words:
                self._by_first[_head(words[0].bare)].append(_Term(key, words, case_sensitive))
        self._heads = sorted({len(h) for h in self._by_first})
        for group in self._by_first.values():
            group.sort(key=lambda t: -len(t.words))  # longest first: it wins an overlap

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping occurrences, longest term first where terms overlap. Spans index
        the NFC form of `text` (a decomposed "género" is one word only once composed)."""
        text = unicodedata.normalize("NFC", text)
        toks = tokens(text, self.lang)
        candidates = []
        for i, tok in enumerate(toks):
            for term in (t for n in self._heads for t in self._by_first.get(tok.bare[:n], ())):
                n = len(term.words)
                window = toks[i:i + n]
                if len(window) == n and all(same_word(w, t) for w, t in zip(term.words, window)) \
                        and (not term.case_sensitive or all(w.cased == t.cased for w, t in zip(term.words, window))):
                    candidates.append((i, i + n, term.key))
        return self._longest(candidates, toks, text)

    @staticmethod
    def _longest(candidates: list[tuple[int, int, int]], toks: list[Token], text: str) -> list[Match]:
        taken = [False] * len(toks)
        found = []
        for i, j, key in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if not any(taken[i:j]):
                taken[i:j] = [True] * (j - i)
                start, end = toks[i].start, toks[j - 1].end
                found.append(Match(key, start, end, text[start:end]))
        return sorted(found, key=lambda m: m.start)
