"""The direction of a change: a figure both sides state, said to rise on one side and to fall
on the other ("Exports rose 8%" / "Las exportaciones cayeron un 8 %").

Each side's verbs and nouns of change (rise, increase, growth, aumentar, alza ... / fall,
cut, reduction, caer, descenso ...) are found by Snowball stem, so every conjugation counts
without being listed; the irregular forms the stemmer leaves apart (rose, fell, cayó, redujo)
are listed as stems of their own. A cue belongs to the figure nearest to it within a few
words of the same clause, so "rose 8%, while imports fell 3%" gives 8% a rise and 3% a fall; a
figure with cues of both directions ("growth fell to 2%": a growth rate that falls) has none. A negated cue ("did not fall", "no cayeron") says nothing
about the direction; "negative growth" is a fall. Words that only look like cues are masked:
"ascender a" / "elevarse a" (amount to), "bajo" (under), the fall (autumn), "fall within",
"give rise to", "up to", "lower secondary".
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..records import Flag
from . import stems
from .quantities import Quantity

UP, DOWN = "up", "down"

_STEMS = {
    "en": {
        UP: "increas rise rose risen rais grow grew grown growth climb gain jump expand expans doubl tripl surg "
            "soar boost hike upturn enhanc",
        DOWN: "decreas declin fall fell fallen drop shrink shrank shrunk cut reduc reduct lower halv plung slump "
              "dip tumbl loss lost lose diminish downturn",
    },
    "es": {
        UP: "aument sub subid crec crecimient crezc increment duplic triplic repunt alza alzas ascens ascend "
            "asciend gan gananci elev ampli ampliacion expand expansion",
        DOWN: "disminu caer cae caen cay cayeron caid caig cayend baj bajad descend desciend descens reduc reduj "
              "redujeron redujer reduzc reduccion recort retroced retroces contraj contraccion perd pierd decrec "
              "merm desplom mengu",
    },
}
_STEM_DIRECTION = {lang: {stem: d for d, stems in table.items() for stem in stems.split()} for lang, table in _STEMS.items()}
_ACCENTED = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]"}


def _prefixes(lang: str) -> re.Pattern[str]:
    """Words that may stem to a cue: they begin with one (accents aside, which the Spanish
    stemmer drops: "caída" -> "caid"). Only those are stemmed; stemming every word of every
    sentence would cost more than the whole figures check."""
    stems = sorted(_STEM_DIRECTION[lang], key=len, reverse=True) + ["up", "down"]
    if lang == "en":  # the stem of "rising" is "rise"
        stems = [stem[:-1] if stem.endswith("e") else stem for stem in stems]
    return re.compile(r"(?<!\w)(?:" + "|".join("".join(_ACCENTED.get(c, c) for c in stem) for stem in stems) + ")")


_PREFIX = {lang: _prefixes(lang) for lang in _STEMS}

# Cues only when they touch the figure: "up 8%", "down by 2 points" (but "up to 8%" is a cap).
_ADJACENT_ONLY = {"up", "down"}
# Spanish words whose stem is a cue's but which are no change: "bajo" (under, low), "baja"
# (low), "ganado" (livestock); "a la baja" is handled as a phrase.
# "bajo" (under), "ganado" (cattle), "amplio" (broad: "una amplia gama" is no rise)
_NOT_CUES = {"es": {"bajo", "bajos", "baja", "bajas", "ganado", "ganados", "amplio", "amplia", "amplios", "amplias"},
             "en": set()}
# Verbs of change that need "se" to be one: "se eleva un 5 %" rises, "elevado" is high,
# "contrajo matrimonio" marries.
_REFLEXIVE_ONLY = {"es": {"elev", "contraj"}, "en": set()}
# ... and Spanish verbs that mean "amount to" before "a": "asciende a 5 millones".
_AMOUNT_TO = {"es": {"ascend", "asciend", "elev"}, "en": set()}
_AMOUNT_TO_NEXT = {"a", "al", "hasta"}

_MASKS = {
    "en": re.compile(
        r"\b(?:giv(?:e|es|en|ing)|gave)\s+rise\s+to\b"
        r"|\b(?:fall|falls|falling|fell|fallen)\s+(?:within|under|into|outside|short|behind|apart|back\s+on)\b"
        r"|\b(?:in|during|this|last|next|since|by|until|through)\s+(?:the\s+)?fall\b|\bfall\s+(?:of\s+)?\d{4}\b"
        r"|\bfall\s+(?:semester|term|season|session|harvest)\b"
        r"|\bdrop(?:s|ped|ping)?\s+out\b|\bcut(?:s)?[-\s]off\b|\bup\s+to\b"
        r"|\blower\s+(?:secondary|house|chamber|court|income|middle|limit|bound|levels?|part|case|tier)\b"
    ),
    "es": re.compile(
        r"\bca(?:e|en|er|yó|yeron|ía|ían|erá|erán|iga|igan)\s+(?:dentro|fuera|bajo)\b"
    ),
}
_UP_PHRASE = {"en": re.compile(r"\bon\s+the\s+rise\b"), "es": re.compile(r"\bal\s+alza\b")}
_DOWN_PHRASE = {"en": re.compile(r"\bon\s+the\s+decline\b"), "es": re.compile(r"\ba\s+la\s+baja\b")}

_NEGATORS = {"not", "no", "never", "without", "nor", "neither", "nunca", "ni", "sin", "jamás", "tampoco", "cannot"}
_NEGATIVE = {"negative", "negativo", "negativa", "negativos", "negativas"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Clause breaks: punctuation (not the marks inside "1,5" or "8.3") and contrastive conjunctions.
_CLAUSE_BREAK = re.compile(
    r"[;:!?()\[\]—]|[.,](?!\d)|\b(?:but|while|whereas|although|though|pero|mientras|aunque|sino)\b", re.IGNORECASE
)
# How many words may stand between a cue and its figure: "aumentó el número de pobres en un 10 %".
WINDOW = 5
NEGATION_WINDOW = 3
# Figures a change is said of; dates, references and ordinals are when and where, not how much.
_CHANGING_KINDS = ("amount", "percent", "pp", "measure", "count", "factor", "approx")


@dataclass(frozen=True)
class Cue:
    direction: str
    word: str
    start: int
    end: int
    clause: int
    index: int  # word position in the text
    adjacent_only: bool = False


def _clauses(text: str) -> list[int]:
    """Start offsets of the text's clauses, in order."""
    return [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)]


def _clause_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def _masked(text: str, lang: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MASKS[lang].finditer(text.lower())]


def find_cues(text: str, lang: str) -> tuple[list[Cue], list[tuple[int, int]]]:
    """Direction cues in `text` (negated ones left out), and every word's (start, end)."""
    lang = lang if lang in _STEMS else "en"
    low = text.lower()
    words = [m.span() for m in _WORD.finditer(text)]
    if not _PREFIX[lang].search(low):
        return [], words
    starts = _clauses(text)
    masks = _masked(text, lang)
    stem_word = stems.stemmer(lang).stemWord
    phrases = [(m.span(), UP) for m in _UP_PHRASE[lang].finditer(low)]
    phrases += [(m.span(), DOWN) for m in _DOWN_PHRASE[lang].finditer(low)]
    cues: list[Cue] = []
    for i, (s, e) in enumerate(words):
        token = low[s:e]
        phrase = next((d for (ps, pe), d in phrases if ps <= s < pe), None)
        if phrase is None and not _PREFIX[lang].match(low, s):
            continue
        direction = phrase or _token_direction(token, stem_word(token), lang, low, words, i)
        if direction is None or any(ms <= s < me for ms, me in masks):
            continue
        clause = _clause_of(starts, s)
        if _negated(low, words, i, starts, clause):
            continue
        if _beside(low, words, i, _NEGATIVE):
            direction = DOWN if direction == UP else UP
        cues.append(Cue(direction, text[s:e], s, e, clause, i, token in _ADJACENT_ONLY))
    return cues, words


def _token_direction(token: str, stem: str, lang: str, low: str, words, i: int) -> str | None:
    if lang == "en" and token in _ADJACENT_ONLY:
        return UP if token == "up" else DOWN
    if token in _NOT_CUES[lang]:
        return None
    direction = _STEM_DIRECTION[lang].get(stem)
    if direction is None:
        return None
    previous = low[slice(*words[i - 1])] if i > 0 else ""
    following = low[slice(*words[i + 1])] if i + 1 < len(words) else ""
    if stem in _REFLEXIVE_ONLY[lang] and previous != "se":
        return None
    if stem in _AMOUNT_TO[lang] and following in _AMOUNT_TO_NEXT:
        return None
    # "lower" is a verb only after a modal or "to", or before "by": "lower secondary" is a level
    if lang == "en" and token == "lower" and previous not in {"to", "will", "shall", "would", "could", "may",
                                                             "must", "should", "can"} and following != "by":
        return None
    return direction


def _negated(low: str, words, i: int, starts: list[int], clause: int) -> bool:
    for j in range(max(0, i - NEGATION_WINDOW), i):
        s, e = words[j]
        if _clause_of(starts, s) != clause:
            continue
        token = low[s:e]
        if token in _NEGATORS or token.endswith(("n't", "n’t")):
            return True
    return False


def _beside(low: str, words, i: int, vocabulary: set[str]) -> bool:
    return any(0 <= j < len(words) and low[slice(*words[j])] in vocabulary for j in (i - 1, i + 1))


def _word_span(words, q: Quantity) -> tuple[int, int]:
    """The word positions a quantity lies between: (last word before it, first word after it)."""
    before = sum(1 for _, e in words if e <= q.start) - 1
    after = sum(1 for s, _ in words if s < q.end)
    return before, after


def attach(text: str, lang: str, quantities: list[Quantity]) -> dict[int, Cue]:
    """For each quantity (by index in `quantities`) the cue of change said of it, if any."""
    candidates = [(k, q) for k, q in enumerate(quantities)
                  if q.kind in _CHANGING_KINDS and not _year_like(q) and not _article(q)]
    if not candidates:
        return {}
    cues, words = find_cues(text, lang)
    if not cues:
        return {}
    starts = _clauses(text)
    spans = {k: _word_span(words, q) for k, q in candidates}
    clauses = {k: _clause_of(starts, q.start) for k, q in candidates}
    owned: dict[int, list[tuple[int, Cue]]] = {}
    for cue in cues:
        best = None
        for k, _ in candidates:
            if clauses[k] != cue.clause:
                continue
            before, after = spans[k]
            gap = before - cue.index if cue.index <= before else cue.index - after if cue.index >= after else None
            if gap is None:
                continue
            if cue.adjacent_only and not (gap == 0 or (gap == 1 and _by_between(text, words, cue, before))):
                continue
            if gap <= WINDOW and (best is None or gap < best[0]):
                best = (gap, k)
        if best is not None:
            owned.setdefault(best[1], []).append((best[0], cue))
    # Cues of both directions on one figure ("growth fell to 2%", "el crecimiento se redujo al
    # 2 %": the figure is a growth rate said to fall) leave its direction open.
    return {k: min(found, key=lambda gc: gc[0])[1] for k, found in owned.items()
            if len({cue.direction for _, cue in found}) == 1}


def _by_between(text: str, words, cue: Cue, before: int) -> bool:
    """"up by 8%": the one word between the cue and its figure is "by"."""
    j = cue.index + 1 if cue.index <= before else cue.index - 1
    return 0 <= j < len(words) and text[slice(*words[j])].lower() == "by"


def _article(q: Quantity) -> bool:
    """"una reducción", "an increase": the article, read as the count one, is no figure of change."""
    return q.wordy and q.values == (1.0,)


def _year_like(q: Quantity) -> bool:
    return q.kind == "count" and not q.wordy and all(v.is_integer() and 1800 <= v <= 2100 for v in q.values) \
        and q.text.isdigit()


def direction_flags(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str, src: list[Quantity],
                    tgt: list[Quantity], same: list[tuple[Quantity, Quantity]]) -> list[Flag]:
    """A high figure flag for each figure both sides state whose change goes the other way."""
    if not same:
        return []
    src_cues = attach(src_text, src_lang, src)
    if not src_cues:
        return []
    tgt_cues = attach(tgt_text, tgt_lang, tgt)
    index_s = {id(q): k for k, q in enumerate(src)}
    index_t = {id(q): k for k, q in enumerate(tgt)}
    flags = []
    for a, b in same:
        ca, cb = src_cues.get(index_s.get(id(a), -1)), tgt_cues.get(index_t.get(id(b), -1))
        if ca is None or cb is None or ca.direction == cb.direction:
            continue
        flags.append(Flag(
            "figure", "high",
            f"direction of change differs: {ca.word} {a.text} ({ca.direction}) vs {cb.word} {b.text} ({cb.direction})",
            _evidence(src_text, ca, a), _evidence(tgt_text, cb, b),
        ))
    return flags


def _evidence(text: str, cue: Cue, q: Quantity) -> str:
    return text[min(cue.start, q.start):max(cue.end, q.end)]


def unanchored_flags(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str) -> list[Flag]:
    """Changes with no figure said to go the other way ("significantly reduce waste
    generation" / "aumentar considerablemente la generación de desechos"): the sides have as
    many cues but not as many of each way, so word order never matters ("exports rose while
    imports fell" = "las importaciones cayeron y las exportaciones subieron") and a side that
    mentions one change more is not read as reversed. Medium: without a shared figure the
    cue may describe another thing."""
    src_cues, _ = find_cues(src_text, src_lang)
    tgt_cues, _ = find_cues(tgt_text, tgt_lang)
    ups = [sum(c.direction == UP for c in cues) for cues in (src_cues, tgt_cues)]
    if len(src_cues) != len(tgt_cues) or ups[0] == ups[1]:
        return []
    # the first cue of the way the English has more of, against the first of the other way
    way = UP if ups[0] > ups[1] else DOWN
    a = next(c for c in src_cues if c.direction == way)
    b = next(c for c in tgt_cues if c.direction != way)
    return [Flag("figure", "medium", f"direction of change differs: {a.word} ({a.direction}) vs "
                 f"{b.word} ({b.direction})", a.word, b.word)]
