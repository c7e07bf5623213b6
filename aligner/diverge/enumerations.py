"""Enumerations: the lists a sentence makes ("the United States, Mexico and Canada", "including
poverty and hunger"), split into items, and how items of two languages match.

A span is an enumeration only when it looks like one: at least two separators (commas,
semicolons, and/or/nor/y/e/o/u/ni, "as well as"/"así como") the last of which is a
conjunction, or two items joined by a conjunction that are both names, or items introduced by
"including"/"such as"/"incluidos"/"entre ellos". A comma before "which"/"que" ends a clause,
not an item, and an item of more than MAX_ITEM_WORDS words cannot stand inside a list.

Items resolve to places and organisations through gazetteer.py. Acronyms a text defines in
brackets ("the Joint Task Force (JTF)") stand for their expansion.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from . import gazetteer, stems
from .gazetteer import PARTY_KINDS, Mention

MAX_ITEM_WORDS = 8

_CONJ = {"en": r"and|or|nor|as\s+well\s+as|and/or", "es": r"y|e|o|u|ni|así\s+como|y/o"}
_INTRO = {
    "en": r"including|such\s+as|namely|in\s+particular|notably|among\s+them|among\s+others",
    "es": r"incluid[oa]s?|incluso|entre\s+ell[oa]s|entre\s+otr[oa]s|tales\s+como|en\s+particular|a\s+saber|como\s+son",
}
# Words after a comma that open a clause, not a list item.
_CLAUSE = {
    "en": r"which|who|whom|whose|that|where|when|while|whereas|if|unless|because|since|although|but|so|"
          r"however|therefore|thus|in\s+order|provided|as",
    "es": r"que|quien|quienes|cual|cuales|cuyo|cuya|cuyos|cuyas|donde|cuando|mientras|si|aunque|porque|pero|"
          r"sino|sin\s+embargo|por\s+lo\s+tanto|por\s+consiguiente|a\s+fin|siempre|como",
}


# Spanish cites "Article 6(1)(a)" as "artículo 6, apartado 1, letra a)": those commas join
# the parts of one reference.
_REFERENCE_WORDS = r"(?:apartados?|letras?|párrafos?|puntos?|incisos?|paragraphs?|points?|subparagraphs?)(?!\w)"
_REFERENCE_ONLY = re.compile(
    r"(?:\W|\d|(?<!\w)\w(?!\w)|(?<!\w)(?:articles?|artículos?|apartados?|letras?|párrafos?|puntos?|incisos?|paragraphs?|"
    r"points?|subparagraphs?|of|this|the|del|de|la|el|presente|Regulation|Reglamento|Directive|Directiva|and|y|or|o)(?!\w))*",
    re.IGNORECASE)


def opens_clause(text: str, lang: str) -> bool:
    """The text starts like a clause ("que se aseguren", "which ..."), not like a list member."""
    return bool(re.match(rf"(?:{_CLAUSE[lang]})(?!\w)", text, re.IGNORECASE))


def reference_only(text: str) -> bool:
    """Numbers and references ("3", "apartado 1", "Article 58(1)"): the figures check's business."""
    return bool(_REFERENCE_ONLY.fullmatch(text))


@functools.lru_cache(maxsize=4)
def _scanner(lang: str) -> re.Pattern[str]:
    conj, intro, clause = _CONJ[lang], _INTRO[lang], _CLAUSE[lang]
    return re.compile(
        rf"(?P<brk>[.!?:](?=\s|$)|,\s+(?:{clause})(?!\w))"
        rf"|(?P<intro>,?\s*(?<!\w)(?:{intro})(?!\w):?)"
        rf"|(?P<conj>[,;]?\s+(?:{conj})\s+)"
        rf"|(?P<sep>[,;]\s+(?!{_REFERENCE_WORDS}))",
        re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    """One member of an enumeration as written, where, and what it names."""

    text: str
    start: int
    end: int
    names: tuple[str, ...] = ()    # ids of the places and organisations it names
    party: bool = False            # it names a country or an organisation
    name_like: bool = False        # a proper name (capitalised words, an acronym) or a demonym
    expansion: str = ""            # the expansion of an acronym the text defines


@dataclass(frozen=True)
class Enumeration:
    items: tuple[Item, ...]
    introduced: bool = False  # after "including" / "entre ellos"
    of_parties: bool = False  # the list says who acts: "the Governments of A, B and C"

    @property
    def text(self) -> str:
        return ", ".join(item.text for item in self.items)


_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*\.?")
_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Z0-9&\-]{1,9}s?)\s*\)")
_LEADING = {"en": {"the", "a", "an", "of", "to", "for", "with", "by", "in", "on", "from", "at", "its", "their", "all"},
            "es": {"el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "al", "a", "para", "por",
                   "con", "en", "sus", "su", "todos", "todas"}}
_CONNECT = {"of", "the", "and", "for", "de", "del", "la", "las", "los", "el", "y", "para", "&", "d'", "da"}


def acronyms(text: str) -> dict[str, str]:
    """Acronym -> expansion for every "Capitalised Words (ACR)" in `text`: the words before
    the bracket whose initials the acronym's letters follow, or failing that the capitalised
    run before it."""
    found: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        before = text[max(0, m.start() - 160):m.start()]
        words = _WORD.findall(before[before.rfind(")") + 1:])
        run: list[str] = []
        for word in reversed(words):
            if word[0].isupper() or (run and word.lower() in _CONNECT):
                run.insert(0, word)
            else:
                break
        letters = m.group(1).rstrip("s").upper()
        for k in range(len(run) - 1, -1, -1):
            initials = "".join(w[0] for w in run[k:] if w.lower() not in _CONNECT).upper()
            if initials == letters and run[k].lower() not in _CONNECT:
                run = run[k:]
                break
        while run and run[0].lower() in _CONNECT:
            run.pop(0)
        if run:
            found[m.group(1)] = " ".join(run)
    return found


# "his or her", "él o ella": one person, not a list of two.
_PRONOUN_PAIR = re.compile(r"(?<!\w)(?:his\s+or\s+her|he\s+or\s+she|him\s+or\s+her|himself\s+or\s+herself|"
                           r"él\s+o\s+ella|los\s+o\s+las|el\s+o\s+la|un\s+o\s+una)(?!\w)", re.IGNORECASE)


def _mask_brackets(text: str) -> str:
    """Bracketed asides blanked out (same length), so that their commas separate nothing, and
    the conjunction of pronoun pairs ("his or her") hidden."""
    text = _PRONOUN_PAIR.sub(lambda m: re.sub(r"\s+(?:or|o)\s+", lambda c: "_" * len(c.group(0)), m.group(0)), text)
    out, depth = [], 0
    for ch in text:
        if ch in "([":
            depth += 1
        out.append(" " if depth else ch)
        if ch in ")]" and depth:
            depth -= 1
    return "".join(out)


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _capitalised(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def _name_chunks(text: str, start: int, end: int, lang: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Spans of proper names in text[start:end]: gazetteer mentions and runs of capitalised
    words (with "of"/"de" inside), lower-case demonyms included."""
    spans = [(m.start, m.end) for m in mentions if start <= m.start and m.end <= end]
    words = [w for w in _words(text[start:end])]
    run: list[re.Match[str]] = []

    def close() -> None:
        while run and run[-1].group(0).lower() in _CONNECT:
            run.pop()
        if run:
            spans.append((start + run[0].start(), start + run[-1].end()))
        run.clear()

    for w in words:
        token = w.group(0)
        if _capitalised(token) and not (not run and token.lower() in _LEADING[lang] | _CONNECT):
            run.append(w)
        elif run and token.lower() in _CONNECT:
            run.append(w)
        else:
            close()
    close()
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _trim(text: str, start: int, end: int, lang: str, keep: int, from_left: bool) -> tuple[int, int]:
    """At most `keep` words of text[start:end], the last ones (`from_left`: the first ones),
    without leading articles and prepositions."""
    words = _words(text[start:end])
    if not words:
        return start, start
    if len(words) > keep:
        words = words[:keep] if from_left else words[-keep:]
    while len(words) > 1 and words[0].group(0).lower() in _LEADING[lang]:
        words = words[1:]
    return start + words[0].start(), start + words[-1].end()


def _starts_at_sentence(text: str, pos: int, lang: str) -> bool:
    """Only articles and prepositions stand between the sentence start and `pos`: a list there
    is the subject ("The United States, Mexico and Canada agree ...")."""
    before = text[:pos]
    cut = max(before.rfind(". "), before.rfind(": "), before.rfind("; "))
    return _only_leading(text, cut + 1, pos, lang)


_PARTY_ROLE = {
    "en": re.compile(r"(?<!\w)(?:governments?|countries|states|nations|parties|partners|members|signator(?:y|ies)|"
                     r"delegations|leaders|ministers|representatives|between|among|signed|by|heads\s+of\s+state)(?!\w)",
                     re.IGNORECASE),
    "es": re.compile(r"(?<!\w)(?:gobiernos?|países|estados|naciones|partes|socios|miembros|signatari[oa]s|"
                     r"delegaciones|líderes|dirigentes|ministr[oa]s|representantes|entre|firmad[oa]s?|por|"
                     r"jefes\s+de\s+estado)(?!\w)", re.IGNORECASE),
}


def find_enumerations(text: str, lang: str) -> list[Enumeration]:
    """The enumerations of `text` (an 'en' or 'es' text), in order."""
    if lang not in _CONJ:
        return []
    text = unicodedata.normalize("NFC", text)
    masked = _mask_brackets(text)
    mentions = gazetteer.find_names(masked, lang)
    defined = acronyms(text)
    found: list[Enumeration] = []
    for window_start, window_end, introduced, pieces, kinds in _runs(masked, lang):
        found.extend(_lists(text, masked, lang, mentions, defined, window_start, window_end, introduced, pieces, kinds))
    return found


def _runs(masked: str, lang: str):
    """Windows between clause breaks, each with its pieces between separators and the kind of
    each separator ('conj' or 'sep'); a window opened by an intro marker is `introduced`."""
    start, introduced = 0, False
    pieces: list[_Piece] = []
    kinds: list[str] = []
    cursor = 0
    for m in _scanner(lang).finditer(masked):
        kind = m.lastgroup
        if kind in ("brk", "intro"):
            pieces.append(_Piece(cursor, m.start()))
            yield start, m.start(), introduced, pieces, kinds
            start, cursor, introduced = m.end(), m.end(), kind == "intro"
            pieces, kinds = [], []
            continue
        pieces.append(_Piece(cursor, m.start()))
        kinds.append(kind)
        cursor = m.end()
    pieces.append(_Piece(cursor, len(masked)))
    yield start, len(masked), introduced, pieces, kinds


def _lists(text, masked, lang, mentions, defined, window_start, window_end, introduced, pieces, kinds):
    """Enumerations made of consecutive pieces of one window."""
    sizes = [len(_words(masked[p.start:p.end])) for p in pieces]
    # a long piece inside a run cannot be an item: it splits the run in two
    groups: list[list[int]] = [[0]]
    for i in range(1, len(pieces)):
        if sizes[i - 1] > MAX_ITEM_WORDS and len(groups[-1]) > 1 or sizes[i - 1] == 0:
            groups.append([i - 1] if sizes[i - 1] else [])
        groups[-1].append(i)
    out = []
    for group in groups:
        group = [i for i in group if sizes[i]]
        conj = [k for k, i in enumerate(group[1:], 1) if kinds[i - 1] == "conj"]
        if len(group) < 2 and not (introduced and group and group[0] == 0):
            continue
        if len(group) >= 2:
            if not conj:
                continue
            group = group[:conj[-1] + 1]
        enumeration = _enumeration(text, masked, lang, mentions, defined, pieces, group, sizes,
                                   introduced and group[0] == 0, window_start)
        if enumeration is not None:
            out.append(enumeration)
    return out


def _enumeration(text, masked, lang, mentions, defined, pieces, group, sizes, introduced, window_start):
    middle = [sizes[i] for i in group[1:-1]]
    keep = (max(middle) if middle else min(sizes[group[0]], MAX_ITEM_WORDS)) + 2
    spans = []
    for k, i in enumerate(group):
        piece = pieces[i]
        first, last = k == 0, k == len(group) - 1 and len(group) > 1
        chunks = _name_chunks(masked, piece.start, piece.end, lang, mentions)
        s, e = _trim(masked, piece.start, piece.end, lang,
                     keep if (first and not introduced) or last else MAX_ITEM_WORDS, from_left=last)
        named = False
        if chunks:
            # a name at the edge that touches the next (or previous) item is the item itself
            edge = chunks[-1] if first and not last else chunks[0] if last else None
            if edge is not None and (first and _only_leading(masked, edge[1], piece.end, lang)
                                     or last and _only_leading(masked, piece.start, edge[0], lang)):
                s, e, named = edge[0], edge[1], True
            elif not first and not last and _only_leading(masked, piece.start, chunks[0][0], lang) \
                    and _only_leading(masked, chunks[-1][1], piece.end, lang):
                named = True
        if s >= e:
            return None
        spans.append((s, e, named))
    if len(spans) >= 2 and spans[-1][2] and spans[-2][2]:
        # a conjunction joining names joins a list of names: the pieces before the first
        # non-name belong to the clause ("In the 1980s, he worked on shows, e.g. Taxi, Cheers and ...")
        cut = next((k for k in range(len(spans) - 1, -1, -1) if not spans[k][2]), -1)
        if cut >= 0:
            spans, introduced = spans[cut + 1:], False
    if len(spans) == 2 and not introduced and not all(named for _, _, named in spans):
        return None
    if len(spans) < 2 and not introduced:
        return None
    items = tuple(_item(text, lang, mentions, defined, s, e, named) for s, e, named in spans)
    first_start = items[0].start
    context = masked[max(window_start - 60, 0, first_start - 60):first_start] + items[0].text
    of_parties = (all(item.party for item in items if item.name_like) and any(item.party for item in items)
                  and (bool(_PARTY_ROLE[lang].search(context)) or introduced or _starts_at_sentence(masked, first_start, lang)))
    return Enumeration(items, introduced, of_parties)


def _only_leading(masked: str, start: int, end: int, lang: str) -> bool:
    """Nothing but articles and prepositions in masked[start:end]."""
    return all(w.group(0).lower() in _LEADING[lang] | _CONNECT for w in _words(masked[start:end]))


def _item(text, lang, mentions, defined, s, e, named) -> Item:
    inside = [m for m in mentions if s <= m.start and m.end <= e]
    if inside and named:  # "Gobiernos de los Estados Unidos" lists "Estados Unidos"
        s, e = inside[0].start, inside[-1].end
    written = text[s:e]
    expansion = " ".join(defined[w] for w in re.findall(r"[A-Z][A-Z0-9&\-]+s?", written) if w in defined)
    demonym = any(not m.text[0].isupper() for m in inside)
    return Item(written, s, e, tuple(dict.fromkeys(m.id for m in inside)),
                party=bool(inside) and all(m.kind in PARTY_KINDS for m in inside),
                name_like=named or demonym, expansion=expansion)


# ---------------------------------------------------------------- matching


_STOP = {"the", "and", "of", "for", "to", "in", "on", "with", "by", "or", "a", "an", "its", "their",
         "de", "del", "la", "las", "los", "el", "y", "e", "o", "u", "en", "con", "por", "para", "al", "su", "sus", "un", "una"}


@functools.lru_cache(maxsize=65536)  # every item is compared with every item of the other side
def features(text: str, lang: str) -> frozenset[str]:
    """What an item shows without a translation model: digits, capitalised words (names are
    copied), and the first letters of word stems (cognates: "education" / "educación")."""
    out = set()
    stemmer = stems.stemmer(lang)
    for w in _words(text):
        token = w.group(0)
        low = gazetteer.fold(token)
        if any(ch.isdigit() for ch in token):
            out.add("#" + re.sub(r"\D", "", token))
        elif _capitalised(token) and low not in _STOP and len(low) >= 2:
            out.add("=" + low)
        if low not in _STOP and len(low) >= 4:
            out.add("~" + stemmer.stemWord(low)[:5])
    return frozenset(out)


def lexical_similarity(a: str, a_lang: str, b: str, b_lang: str) -> float:
    """Dice overlap of `features`."""
    fa, fb = features(a, a_lang), features(b, b_lang)
    return 2 * len(fa & fb) / (len(fa) + len(fb)) if fa and fb else 0.0


@functools.lru_cache(maxsize=65536)  # asked for every pair of items of a bead
def capitalised_words(text: str) -> frozenset[str]:
    """Folded capitalised words of three letters or more: what a translation copies."""
    return frozenset(gazetteer.fold(w.group(0)) for w in _words(text)
                     if _capitalised(w.group(0)) and len(w.group(0)) >= 3 and gazetteer.fold(w.group(0)) not in _STOP)


def near(a: str, b: str) -> bool:
    """Equal, or for words of five letters or more one edit apart: a name copied with a slip
    ("Goethe" / "Goether") is still the same name."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def copied(a: Item, b: Item) -> bool:
    """The same name written the same way on both sides: a person, an acronym, a place the
    gazetteer does not know (accents and case folded)."""
    words_b = capitalised_words(b.text)
    return any(near(x, y) for x in capitalised_words(a.text) for y in words_b)
