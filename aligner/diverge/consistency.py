"""CONSISTENCY (low): one English sentence translated two ways in one document, two
different English sentences given the same Spanish, and one name or defined term rendered two
ways.

Sentences are compared after Unicode and whitespace normalisation, case folding and without
final punctuation. Short ones (headings such as "Background", a one-word answer) repeat with
legitimately different renderings in context, so only sentences of MIN_WORDS words or more
count. The first occurrence is taken as the reference; each later one that differs is flagged
with the reference as evidence, so a reviewer sees both renderings side by side.

Names and defined terms: an English name of several capitalised words ("the Joint Task
Force"), or a short form the document defines in parentheses ("the Bicentennial Framework (the
Framework)"), that occurs in several beads has a usual Spanish rendering: the capitalised
Spanish phrase found in most of those beads (at least two). A bead that instead holds a
similar but different capitalised phrase (sharing words with the usual one: "Fuerza Conjunta
de Tareas" for "Fuerza de Tarea Conjunta") is flagged. A bead with no capitalised phrase (a
pronoun, "el marco" in lower case) is not: a rendering that is not there cannot disagree.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..records import Flag
from .base import BeadText, Check, Context

MIN_WORDS = 4
_END = re.compile(r"[\s.!?;:…\"'”’»)\]]+$")
_CAP = r"[^\W\d_a-z][^\W\d_]+"
_EN_NAME = re.compile(rf"(?<![\w-]){_CAP}(?:\s+(?:(?:of|for|and|on|the)\s+)*{_CAP})+")
_ES_NAME = re.compile(rf"(?<![\w-]){_CAP}(?:\s+(?:(?:de|del|para|y|e|en|sobre|la|las|los|el)\s+)*{_CAP})*")
_DEFINED = re.compile(rf"\((?:the\s+|hereinafter\s+)?[“\"']?((?:the\s+)?{_CAP}(?:\s+{_CAP})*)[”\"']?\)")
_CONNECTORS = frozenset("of for and on the de del para y e en sobre la las los el".split())


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _END.sub("", " ".join(text.split()))


@dataclass(frozen=True)
class ConsistencyCheck(Check):
    severity: str = "low"
    min_words: int = MIN_WORDS
    name: str = "consistency"

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        return []  # a lone bead is always consistent with itself

    def judge_document(self, beads: Sequence[BeadText], ctx: Context) -> list[list[Flag]]:
        out = self._sentences(beads)
        for n, flag in _names(beads, self.severity):
            out[n].append(flag)
        return out

    def _sentences(self, beads: Sequence[BeadText]) -> list[list[Flag]]:
        out: list[list[Flag]] = [[] for _ in beads]
        entries = ((n, bead.src_text, bead.tgt_text) for n, bead in enumerate(beads))
        for (n, src, tgt), direction, (_, ref_src, ref_tgt) in rendered_otherwise(entries, self.min_words):
            if direction == EN_TO_ES:
                out[n].append(Flag("consistency", self.severity,
                                   "same English sentence translated differently earlier", src, ref_tgt))
            else:
                out[n].append(Flag("consistency", self.severity,
                                   "same Spanish sentence renders a different English sentence earlier",
                                   ref_src, tgt))
        return out


EN_TO_ES, ES_TO_EN = "en->es", "es->en"
Entry = tuple[Hashable, str, str]  # (where it stands, English, Spanish)


def rendered_otherwise(entries: Iterable[Entry], min_words: int = MIN_WORDS) -> Iterator[tuple[Entry, str, Entry]]:
    """(entry, direction, reference) for each sentence pair whose English (EN_TO_ES) or
    Spanish (ES_TO_EN) sentence of `min_words` words or more occurred before, in the reference,
    with another rendering. Texts are stripped; pairs missing a side are skipped."""
    first: dict[tuple[str, str], Entry] = {}
    for where, src, tgt in entries:
        src, tgt = src.strip(), tgt.strip()
        if not src or not tgt:
            continue
        ks, kt = normal(src), normal(tgt)
        for direction, key, rendering, ref_side in ((EN_TO_ES, ks, kt, 2), (ES_TO_EN, kt, ks, 1)):
            if len(key.split()) < min_words:
                continue
            ref = first.setdefault((direction, key), (where, src, tgt))
            if normal(ref[ref_side]) != rendering:
                yield (where, src, tgt), direction, ref


def _key(phrase: str) -> tuple[str, ...]:
    """A phrase's content words, lower case and without accents, in order."""
    bare = "".join(c for c in unicodedata.normalize("NFD", phrase.casefold()) if not unicodedata.combining(c))
    # a final -s off, so that number alone ("All Black"/"All Blacks") is no other rendering
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") else w
                 for w in re.findall(r"\w+", bare) if w not in _CONNECTORS)


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """`short` occurs in `long` as a run of words."""
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _english_names(beads: Sequence[BeadText]) -> dict[tuple[str, ...], tuple[str, list[int]]]:
    """Names and defined short forms -> (as first written, the beads that hold them)."""
    defined = {_key(m.group(1)) for b in beads for m in _DEFINED.finditer(b.src_text)}
    found: dict[tuple[str, ...], tuple[str, list[int]]] = {}
    for n, bead in enumerate(beads):
        if not bead.tgt_text.strip():
            continue
        spans = [p for m in _EN_NAME.finditer(bead.src_text) if (p := _unstarted(bead.src_text, m))]
        spans += [w for w in re.findall(_CAP, bead.src_text) if _key(w) in defined]
        for span in spans:
            key = _key(span)
            if key and (len(key) > 1 or key in defined):
                text, where = found.setdefault(key, (span, []))
                if n not in where:
                    where.append(n)
    return found


def _unstarted(text: str, m: re.Match) -> str:
    """The phrase matched, less a first word whose capital may only start the sentence ("La
    Fuerza ...", "Funds for the Joint Task Force"); "" when nothing capitalised is left."""
    if m.start() and text[:m.start()].rstrip()[-1:] not in ".¿¡:«“\"":
        return m.group(0)
    words = m.group(0).split()[1:]
    while words and words[0].lower() in _CONNECTORS:
        words.pop(0)
    return " ".join(words) if words and words[0][:1].isupper() else ""


def _spanish_phrases(text: str) -> dict[tuple[str, ...], str]:
    phrases = {}
    for m in _ES_NAME.finditer(text):
        phrase = _unstarted(text, m)
        if phrase:
            phrases.setdefault(_key(phrase), phrase)
    return {k: v for k, v in phrases.items() if k}


def _usual(names: dict, phrases: list[dict]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each name's usual rendering: the Spanish phrase in most of its beads (at least two)."""
    usual = {}
    for key, (_, where) in names.items():
        counts = Counter(k for n in where for k in phrases[n])
        top = counts.most_common(2)
        if len(where) >= 2 and top and top[0][1] >= 2 and (len(top) == 1 or top[1][1] < top[0][1]):
            usual[key] = top[0][0]
    return usual


def _names(beads: Sequence[BeadText], severity: str) -> list[tuple[int, Flag]]:
    flags = []
    phrases = [_spanish_phrases(b.tgt_text) if b.tgt_text else {} for b in beads]
    names = _english_names(beads)
    usual = _usual(names, phrases)
    taken = set(usual.values())
    for key, rendering in usual.items():
        name, where = names[key]
        count = sum(rendering in phrases[n] for n in where)
        for n in where:
            # the usual rendering inside a longer phrase ("Derecho de los Estados miembros") or
            # cut short by the phrase boundaries is still the usual rendering
            if any(_within(rendering, k) or _within(k, rendering) for k in phrases[n]):
                continue
            # a name's other rendering shares words with the usual one; a defined short form
            # ("the Framework") may be any capitalised word no other name accounts for
            other = [p for k, p in phrases[n].items()
                     if len(set(k) & set(rendering)) * 2 >= min(len(k), len(rendering))
                     or (len(key) == 1 and k not in taken)]
            if other:
                flags.append((n, Flag("consistency", severity,
                                      f"«{name}» rendered «{other[0]}» here but «{' '.join(rendering)}» in {count} other beads",
                                      name, other[0])))
    return flags
