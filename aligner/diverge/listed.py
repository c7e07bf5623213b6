"""ENUMERATIONS: a member of a list on one side only ("the United States, Mexico and Canada"
opposite "los Estados Unidos y México").

Lists are split into items by enumerations.py and items of the two sides compared:

* Items that name places or organisations (gazetteer.py) compare by id, and an id counts as
  present when the other side names it anywhere in the bead (the translation may list it in
  another order or another sentence). One missing while another member of the same list is
  present is a flag; high when the list says who acts (a country or an organisation missing
  from "the Governments of A, B and C"), medium otherwise.
* Other items (people, unknown names, "health" and "education") compare by copied spelling,
  then by meaning: the encoder's embedding when the context carries one, else shared
  digits, names and word stems. They are flagged only when the other side has a counterpart
  list (one sharing a member) with fewer items, all of them matched, and nothing in the other
  side resembles the item.

Silence is preferred to a guess: no flag when the other side names a group collectively
where this side does not ("both countries", "los demás"), or when its list holds a name this
check cannot resolve that could be the missing one.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..embed.memo import Memo
from ..records import Flag
from . import gazetteer
from .base import BeadText, Check, Context
from .enumerations import (Enumeration, Item, _mask_brackets, _scanner, capitalised_words, copied, features,
                           find_enumerations, lexical_similarity, near, opens_clause, reference_only)

LANG_NAMES = {"en": "English", "es": "Spanish"}
# Cosine similarity of the encoder's vectors for two items that translate each other, and
# below which nothing on the other side renders an item; the lexical fallback's Dice overlap.
EMBED_MATCH, EMBED_ABSENT = 0.45, 0.45
LEXICAL_MATCH, LEXICAL_ABSENT = 0.34, 0.34
# How much further from everything on the other side an unrendered item must be than the
# least similar pair of rendered items: fragments of a clause match each other loosely.
MAX_REPORTED_WORDS = 4
EMBED_MARGIN, LEXICAL_MARGIN = 0.3, 0.3

_COLLECTIVE = {
    "en": re.compile(r"(?<!\w)(?:both|the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)|others|all\s+of\s+them|"
                     r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s+)?(?:countries|governments|nations|"
                     r"states|parties|members|organi[sz]ations|partners)|other\s+(?:countries|governments|nations|states|"
                     r"parties|members|organi[sz]ations|partners)|etc\.?|and\s+so\s+on)(?!\w)", re.IGNORECASE),
    "es": re.compile(r"(?<!\w)(?:amb[oa]s|l[oa]s\s+(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d+)|l[oa]s\s+demás|"
                     r"todos\s+ellos|(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d+)\s+(?:\w+\s+)?(?:países|gobiernos|"
                     r"naciones|estados|partes|miembros|organizaciones|socios)|otr[oa]s\s+(?:países|gobiernos|naciones|estados|"
                     r"partes|miembros|organizaciones|socios)|etc\.?)(?!\w)", re.IGNORECASE),
}


@dataclass(frozen=True)
class Side:
    """One side of a bead as this check reads it."""

    text: str
    lang: str
    enumerations: tuple[Enumeration, ...]
    ids: frozenset[str]
    collective: int
    pieces: tuple[str, ...] = field(default=())  # the text cut at every separator


def _side(text: str, lang: str) -> Side:
    masked = _mask_brackets(text)
    cuts = [0] + [p for m in _scanner(lang).finditer(masked) for p in (m.start(), m.end())] + [len(text)]
    pieces = tuple(piece for piece in (text[a:b].strip() for a, b in zip(cuts[::2], cuts[1::2])) if piece)
    return Side(text, lang, tuple(find_enumerations(text, lang)),
                frozenset(m.id for m in gazetteer.find_names(text, lang)),
                len(_COLLECTIVE[lang].findall(text)), pieces)


class _Similarity:
    """Similarity of texts across the two sides: cosine of the encoder's vectors (through the
    document's `Memo`, which holds the items it embedded in one call; a side's pieces are
    embedded only when an item is tested against them, which most lists never need), or the
    lexical overlap when there is no encoder."""

    def __init__(self, memo: Memo | None) -> None:
        self.memo = memo

    @property
    def match(self) -> float:
        return EMBED_MATCH if self.memo is not None else LEXICAL_MATCH

    @property
    def margin(self) -> float:
        return EMBED_MARGIN if self.memo is not None else LEXICAL_MARGIN

    @property
    def absent(self) -> float:
        return EMBED_ABSENT if self.memo is not None else LEXICAL_ABSENT

    def __call__(self, a: str, a_lang: str, b: str, b_lang: str) -> float:
        if self.memo is None:
            return lexical_similarity(a, a_lang, b, b_lang)
        va, vb = self.memo([a, b])
        return float(va @ vb)

    def closest(self, item: str, item_lang: str, pieces: Sequence[str], pieces_lang: str) -> float:
        """The similarity of `item` to the most similar of `pieces` (0 when there are none)."""
        if self.memo is not None and pieces:
            self.memo([item, *pieces])
        return max((self(item, item_lang, piece, pieces_lang) for piece in pieces), default=0.0)


def _members(side: Side) -> int:
    return sum(len(e.items) for e in side.enumerations)


def _shown(item: Item) -> str:
    """The text an item's meaning is read from: an acronym's expansion where the text gives it."""
    return item.expansion or item.text


@dataclass(frozen=True)
class Missing:
    """An item of one side's list with no counterpart on the other, and the ids it names."""

    item: Item
    enumeration: Enumeration
    severity: str
    ids: tuple[str, ...]
    closest: float = 0.0  # for an unresolved item: its similarity to the closest piece of the other side


@dataclass(frozen=True)
class Matching:
    """Items of e paired with items of f (index -> index), and the lowest similarity among
    the pairs (1.0 when all of them share an id or a copied name)."""

    pairs: dict[int, int]
    weakest: float = 1.0


def _pairs(e: Enumeration, f: Enumeration, a: Side, b: Side, sim: _Similarity) -> Matching:
    """A one-to-one matching of e's items to f's: same ids, then copied names, then the most
    similar pairs above the match threshold."""
    scored = []
    for i, x in enumerate(e.items):
        for j, y in enumerate(f.items):
            how = _how_compared(x, y)
            if how == "id":
                scored.append((3.0, i, j))
            elif how == "copied":
                scored.append((2.0, i, j))
            elif how == "meaning":
                s = sim(_shown(x), a.lang, _shown(y), b.lang)
                if s >= sim.match:
                    scored.append((s, i, j))
    taken: dict[int, int] = {}
    used: set[int] = set()
    weakest = 1.0
    for score, i, j in sorted(scored, reverse=True):
        if i not in taken and j not in used:
            taken[i] = j
            used.add(j)
            weakest = min(weakest, score)
    return Matching(taken, weakest)


def _how_compared(x: Item, y: Item) -> str:
    """"id" (they name the same place), "apart" (two different places are not a paraphrase of
    each other), "copied" (a name written alike), else "meaning"."""
    if set(x.names) & set(y.names):
        return "id"
    if x.names and y.names:
        return "apart"
    return "copied" if copied(x, y) else "meaning"


def compared_by_meaning(a: Side, b: Side) -> list[str]:
    """The item texts `_pairs` will compare by meaning, both ways: all this check embeds
    before it looks at the pieces of a side."""
    return [t for e in a.enumerations for f in b.enumerations for x in e.items for y in f.items
            if _how_compared(x, y) == "meaning" for t in (_shown(x), _shown(y))]


def _counterpart(e: Enumeration, a: Side, b: Side, sim: _Similarity) -> tuple[Enumeration | None, Matching]:
    """The list of b that shares most members with e (of those, the closest in size)."""
    best: tuple[Enumeration | None, Matching] = (None, Matching({}))
    best_key = (0, 0)
    for f in b.enumerations:
        matching = _pairs(e, f, a, b, sim)
        key = (len(matching.pairs), -abs(len(f.items) - len(e.items)))
        if matching.pairs and key > best_key:
            best, best_key = (f, matching), key
    return best


def _generic_budget(e: Enumeration, f: Enumeration | None, pairs: dict[int, int]) -> int:
    """How many of e's unresolved items may be reported: one, when f renders every other item
    of e (all of f matched, two at least unless f is introduced by "including"), else none."""
    if f is None or len(pairs) != len(f.items) or len(e.items) - len(f.items) != 1:
        return 0
    return 1 if len(pairs) >= 2 or f.introduced else 0


def _reportable(e: Enumeration, k: int, lang: str) -> bool:
    """An unresolved item whose bounds are sure and that is like the rest of its list: not the
    first item of a list no "including" opens unless a name bounds it (where the clause before
    the list ends is a guess), not a bare reference or number, in a list of short phrases (long pieces between
    commas are mostly clauses, not members), and a name only among names."""
    item = e.items[k]
    if (k == 0 and not e.introduced and not item.name_like) or reference_only(item.text) or opens_clause(item.text, lang):
        return False
    if any(len(x.text.split()) > MAX_REPORTED_WORDS for x in e.items[1:]):
        return False
    return 2 * sum(x.name_like == item.name_like for x in e.items) > len(e.items)


def missing_items(a: Side, b: Side, sim: _Similarity) -> list[Missing]:
    """Items of a's lists that b leaves out."""
    found: list[Missing] = []
    extra_group = b.collective > a.collective
    for e in a.enumerations:
        f, matching = _counterpart(e, a, b, sim)
        pairs = matching.pairs
        named_in_b = [i for i, item in enumerate(e.items) if set(item.names) & b.ids]
        anchored = set(pairs) | set(named_in_b)
        # a missing name needs another name of its list present: a paraphrase matched to a
        # clause fragment proves nothing about who is listed
        named_anchors = set(named_in_b) | {i for i in pairs if e.items[i].name_like}
        unmatched_f = [] if f is None else [y for j, y in enumerate(f.items) if j not in pairs.values()]
        unknown_name_in_f = any(y.name_like and not y.names for y in unmatched_f)
        generic_budget = _generic_budget(e, f, pairs)
        generic: list[tuple[float, Item]] = []
        for i, item in enumerate(e.items):
            if i in anchored or extra_group:
                continue
            if item.names:
                if named_anchors - {i} and not unknown_name_in_f:
                    severity = "high" if item.party and e.of_parties else "medium"
                    found.append(Missing(item, e, severity, item.names))
                continue
            if generic_budget <= 0 or not _reportable(e, i, a.lang) or _copied_in(item, b):
                continue
            if sim.memo is None and not _shows_copies(item, a.lang):
                continue
            closest = sim.closest(_shown(item), a.lang, b.pieces, b.lang)
            # absent when nothing resembles it as much as the least of the rendered items
            # resembles its rendering, by a clear margin
            if closest < min(sim.absent, matching.weakest - sim.margin):
                generic.append((closest, item))
        for closest, item in sorted(generic, key=lambda pair: pair[0])[:generic_budget]:
            found.append(Missing(item, e, "medium", (), closest))
    return found


def _copied_in(item: Item, b: Side) -> bool:
    """A capitalised word of the item (a surname, an acronym) written the same on the other side."""
    other = {gazetteer.fold(w) for w in re.findall(r"[^\W\d_][\w’'\-]*", b.text)}
    return any(near(word, w) for word in capitalised_words(item.text) for w in other)


def _shows_copies(item: Item, lang: str) -> bool:
    """The item holds digits or capitalised words, the only things whose absence words alone
    can show across languages ("green" may be "verdes" without sharing a letter)."""
    return any(f[0] in "#=" for f in features(item.text, lang))


def _flag(m: Missing, kind: str, tgt_lang: str) -> Flag:
    """`kind` "omission": the item is missing in the target language; "addition": only the
    target lists it."""
    verb = "missing in" if kind == "omission" else "added in"
    message = f"list item {verb} {LANG_NAMES[tgt_lang]}: {m.item.text} (list: {m.enumeration.text})"
    if kind == "omission":
        return Flag(kind, m.severity, message, m.item.text, "")
    return Flag(kind, m.severity, message, "", m.item.text)


def judge_lists(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[tuple[Flag, tuple[str, ...]]]:
    """(flag, ids named by the item) for every list item on one side only, by the words alone."""
    sides = _sides(src, tgt, src_lang, tgt_lang)
    return [] if sides is None else _judged(*sides, _Similarity(None))


def _sides(src: str, tgt: str, src_lang: str, tgt_lang: str) -> tuple[Side, Side] | None:
    """Both sides as this check reads them; None when neither has a list to compare."""
    src = unicodedata.normalize("NFC", src.strip())
    tgt = unicodedata.normalize("NFC", tgt.strip())
    if not src or not tgt or {src_lang, tgt_lang} != {"en", "es"}:
        return None
    a, b = _side(src, src_lang), _side(tgt, tgt_lang)
    return (a, b) if a.enumerations or b.enumerations else None


def _judged(a: Side, b: Side, sim: _Similarity) -> list[tuple[Flag, tuple[str, ...]]]:
    return ([(_flag(m, "omission", b.lang), m.ids) for m in missing_items(a, b, sim)]
            + [(_flag(m, "addition", b.lang), m.ids) for m in missing_items(b, a, sim)])


def listed_missing_ids(src: str, tgt: str, src_lang: str, tgt_lang: str) -> frozenset[str]:
    """Places and organisations this check reports as dropped from or added to a list, so that
    the commitments check does not report the same name again."""
    return frozenset(i for _flag_, ids in judge_lists(src, tgt, src_lang, tgt_lang) for i in ids)


class EnumerationsCheck(Check):
    """Flags list members present on one side of a bead only."""

    name = "enumerations"

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        return self.judge_document([bead], ctx)[0]

    def judge_document(self, beads: Sequence[BeadText], ctx: Context) -> list[list[Flag]]:
        """Every bead's items embedded in one encoder call for the document (a call per bead
        made the check slower than aligning)."""
        sides = [_sides(b.src_text, b.tgt_text, ctx.src_lang, ctx.tgt_lang) for b in beads]
        # where both sides list as many members, no member can be missing but by a swap the
        # words show: those beads are judged by their words, and only the others embedded
        uneven = [pair if pair and _members(pair[0]) != _members(pair[1]) else None for pair in sides]
        memo = None
        if ctx.embed is not None:
            memo = Memo(ctx.embed)
            memo([t for pair in uneven if pair for t in compared_by_meaning(*pair)])
        return [[] if pair is None else [f for f, _ in _judged(*pair, _Similarity(memo if odd else None))]
                for pair, odd in zip(sides, uneven)]
