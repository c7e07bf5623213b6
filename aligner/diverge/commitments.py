"""COMMITMENTS: does each side of a bead bind the same actors, as strongly, under the same
conditions and with the same polarity?

Four comparisons, each tolerant of legitimate rephrasing:

* modality (see modality.py): a flag needs an unmatched modal cue on *both* sides, e.g.
  "shall" opposite "podrá". A modal merely absent on one side ("shall apply" = "se aplica") is
  common in good translations and is not flagged.
* negation (polarity.py): a strong negation opposite no negative material at all -> high.
* conditions (conditions.py): a specific condition ("unless", "as appropriate") left unmatched
  -> medium; a plain "if" opposite no condition-like cue at all -> medium on a duty,
  permission or ban, low in a sentence that binds nobody.
* parties (parties.py): an actor named on one side only -> medium; a collective actor
  ("both countries") opposite a single different actor ("Mexico") -> high.

Long beads (a recital, an article paragraph) hold several sentences, and a negation dropped
from one of them hides behind the negations of the others. When both sides split into the
same number of sentences of matching relative lengths, all four comparisons run per sentence
pair; otherwise on the whole bead.

Only en<->es is covered; beads in other language pairs, or with an empty side (the omissions
check's business), get no commitment flags.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from ..records import Flag
from . import conditions, modality, polarity
from .base import BeadText, Check, Context
from .cues import Cue
from .parties import DEFAULT_PARTIES, Party, find_parties, mention_counts, mentions
from .stems import plain_stem

KIND = "commitment"
LANG_NAMES = {"en": "English", "es": "Spanish"}
SUPPORTED = frozenset(LANG_NAMES)


def modal_cues(text: str, lang: str) -> list[Cue]:
    return modality.LEXICONS[lang].find(text)


def carries_commitment(text: str, lang: str) -> bool:
    """True when `text` holds an obligation, permission, intention or prohibition cue."""
    return lang in modality.LEXICONS and bool(modal_cues(text, lang))


def _compatible(a: Cue, b: Cue) -> bool:
    return bool(modality.readings(a.label) & modality.readings(b.label))


def _leftovers(src: Sequence[Cue], tgt: Sequence[Cue],
               compatible: Callable[[Cue, Cue], bool] = _compatible,
               cost: Callable[[Cue, Cue], int] = lambda s, t: 0) -> tuple[list[Cue], list[Cue]]:
    """Cues of each side left over by a maximum one-to-one matching of compatible cues.

    One-to-one, so that "shall ... shall" opposite "será ... podrá" leaves "shall" and "podrá"
    over; maximum (augmenting paths), so that the order of cues cannot cause a false leftover.
    Among maximum matchings, one built from the cheapest pairs first (`cost` 0, then 1, then
    2): an augmenting path never unmatches a cue, so cues paired in an early round stay paired,
    and the leftovers are the cues whose only partners were costly.
    """
    owner: dict[int, int] = {}  # tgt index -> src index

    def augment(i: int, seen: set[int], limit: int) -> bool:
        for j, t in enumerate(tgt):
            if j in seen or not compatible(src[i], t) or cost(src[i], t) > limit:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen, limit):
                owner[j] = i
                return True
        return False

    for limit in (0, 1, 2):
        for i in range(len(src)):
            if i not in owner.values():
                augment(i, set(), limit)
    matched_src = set(owner.values())
    return ([c for i, c in enumerate(src) if i not in matched_src],
            [c for j, c in enumerate(tgt) if j not in owner])


def _first_per_class(cues: Sequence[Cue]) -> dict[str, Cue]:
    firsts: dict[str, Cue] = {}
    for cue in cues:
        firsts.setdefault(modality.class_of(cue.label), cue)
    return firsts


def _modal_severity(a: Cue, b: Cue) -> str:
    """High when a duty or ban turns into a permission or flips polarity.

    A bare Spanish future (or English "will") only *may* be a duty, so opposite a permission it
    is medium: the EU's own Spanish sometimes renders "may be provided" as "se facilitará".
    """
    pair = {modality.class_of(a.label), modality.class_of(b.label)}
    if {"future", "es-future"} & {a.label, b.label}:
        return "medium"
    if modality.PERMISSION in pair and pair & {modality.OBLIGATION, modality.PROHIBITION}:
        return "high"
    if pair == {modality.OBLIGATION, modality.PROHIBITION}:
        return "high"
    return "medium"


def _modal_message(src_class: str, tgt_class: str, src: Cue, tgt: Cue) -> str:
    diff = modality.STRENGTH[src_class] - modality.STRENGTH[tgt_class]
    verb = "weakened" if diff > 0 else "strengthened" if diff < 0 else "changed"
    return f"{src_class} {verb}: {src.text} -> {tgt.text}"


# Classes that soften a commitment: one added on the target side, where the source binds
# without any modal (an SDG target's bare "Eradicate ..." opposite "Procurar erradicar ..."),
# weakens it.
_HEDGES = frozenset({"may-future", "endeavour"})


def _modal_cost(s: Cue, t: Cue) -> int:
    """Pair hedges first ("may" takes "podrá" before "puedan"): a hedge left over is a flag."""
    return 0 if t.label in _HEDGES else 1 if s.label == t.label else 2


def modality_flags(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[Flag]:
    src_cues, tgt_cues = modal_cues(src, src_lang), modal_cues(tgt, tgt_lang)
    src_left, tgt_left = _leftovers(src_cues, tgt_cues, cost=_modal_cost)
    src_only, tgt_only = _first_per_class(src_left), _first_per_class(tgt_left)
    flags = [
        Flag(KIND, _modal_severity(s, t), _modal_message(sc, tc, s, t), s.text, t.text)
        for sc, s in src_only.items()
        for tc, t in tgt_only.items()
    ]
    if not src_left:
        hedge = next((t for t in tgt_left if t.label in _HEDGES), None)
        if hedge is not None:
            flags.append(Flag(KIND, "medium", f"commitment weakened: {hedge.text} added in {LANG_NAMES[tgt_lang]}",
                              "", hedge.text))
    return flags


def negation_flags(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[Flag]:
    """A side with more negated clauses than the other has negations and privative words.

    High when the other side has no negative material at all; medium when it has some but
    too little (a "no" dropped from one clause while another clause keeps its own).
    """
    lexicons = polarity.LEXICONS
    s_cues, t_cues = lexicons[src_lang].find(src), lexicons[tgt_lang].find(tgt)
    s_count, t_count = polarity.clause_negations(src, s_cues), polarity.clause_negations(tgt, t_cues)
    # a privative word excuses a missing negation only when nothing of its family stands on
    # the other side to pair with it ("avoid" = "evitar" leaves nothing over)
    s_weak = Counter(polarity.family(c.text) for c in s_cues if c.label == polarity.WEAK)
    t_weak = Counter(polarity.family(c.text) for c in t_cues if c.label == polarity.WEAK)
    # "free of" (a negation) rendered "libre de" / "sin" + noun (privatives): the pair is one
    # negation rendered, so it leaves neither a count nor a spare privative behind
    s_count, t_weak = polarity.pair_privatives(s_cues, s_count, t_weak)
    t_count, s_weak = polarity.pair_privatives(t_cues, t_count, s_weak)
    s_spare, t_spare = polarity.spare(s_weak - t_weak, t_cues), polarity.spare(t_weak - s_weak, s_cues)
    flags = []
    if s_count > t_count + t_spare:
        cue = next(c for c in s_cues if c.label == polarity.STRONG)
        flags.append(Flag(KIND, "high" if not t_cues else "medium",
                          f"negation missing in {LANG_NAMES[tgt_lang]}: {cue.text}", cue.text, ""))
    if t_count > s_count + s_spare:
        cue = next(c for c in t_cues if c.label == polarity.STRONG)
        flags.append(Flag(KIND, "high" if not s_cues else "medium",
                          f"negation added in {LANG_NAMES[tgt_lang]}: {cue.text}", "", cue.text))
    return flags


def _condition_compatible(a: Cue, b: Cue) -> bool:
    return bool(conditions.readings(a.label) & conditions.readings(b.label))


def _condition_cost(a: Cue, b: Cue) -> int:
    """Like with like first: "where feasible" pairs with "cuando sea posible" and "where" with
    "en los casos en que" before a specific cue may take a plain one."""
    if a.label == b.label:
        return 0
    return 1 if (a.label in conditions.SPECIFIC) == (b.label in conditions.SPECIFIC) else 2


# Plain conditions reported only opposite a side with no condition cue at all ("where" is too
# often a relative adverb for even that).
_PLAIN_REPORTED = frozenset({"if"})


def _coordinated_repeat(cue: Cue, text: str, matched: Sequence[Cue]) -> bool:
    """`cue` restates a condition of its own side that found a partner: "siempre que X y
    siempre que Y" renders "on condition that X and that Y"."""
    before = text[max(0, cue.start - 6):cue.start].lower()
    return bool(_COORDINATOR.search(before)) and any(
        c.label == cue.label and c.start < cue.start for c in matched)


_COORDINATOR = re.compile(r"(?:^|\W)(?:and|or|y|e|o|u),?\s+$")


def condition_flags(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[Flag]:
    """Specific conditions (unless, subject to, to the extent that ...) left unmatched, and a
    plain "if" opposite no condition at all; at most one flag each way."""
    lexicons = conditions.LEXICONS
    s_cues, t_cues = lexicons[src_lang].find(src), lexicons[tgt_lang].find(tgt)
    src_left, tgt_left = _leftovers(s_cues, t_cues, _condition_compatible, _condition_cost)

    def reported(left: list[Cue], own: list[Cue], text: str, other: list[Cue]) -> Cue | None:
        matched = [c for c in own if c not in left]
        return next((c for c in left if (c.label in conditions.SPECIFIC
                                         or (not other and c.label in _PLAIN_REPORTED))
                     and not _coordinated_repeat(c, text, matched)), None)

    flags = []
    dropped, added = reported(src_left, s_cues, src, t_cues), reported(tgt_left, t_cues, tgt, s_cues)
    if dropped or added:
        binding = _binds(src, src_lang) or _binds(tgt, tgt_lang)
    if dropped:
        flags.append(Flag(KIND, _condition_severity(dropped, binding), f"condition dropped: {dropped.text}",
                          dropped.text, ""))
    if added:
        flags.append(Flag(KIND, _condition_severity(added, binding), f"condition added: {added.text}",
                          "", added.text))
    return flags


# Modal labels that state no duty, permission or ban of their own.
_NOT_BINDING = frozenset({"future", "es-future", "conditional", "possibility"})


def _binds(text: str, lang: str) -> bool:
    return any(c.label not in _NOT_BINDING for c in modal_cues(text, lang))


def _condition_severity(cue: Cue, binding: bool) -> str:
    """A specific condition, or any condition on a duty, permission or ban, matters (medium).
    A plain "if" in a sentence that binds nobody is rephrased as often as it is lost ("if used
    without qualifiers" = "empleado sin calificativos", "if they can" = "en lo posible"): low."""
    return "medium" if cue.label in conditions.SPECIFIC or binding else "low"


def _party_differences(src: str, tgt: str, src_lang: str, tgt_lang: str,
                       parties: tuple[Party, ...]) -> list[tuple[str, Flag]]:
    """(party id, flag) for each party named on one side only."""
    src_found, tgt_found = find_parties(src, src_lang, parties), find_parties(tgt, tgt_lang, parties)
    collective = {p.id for p in parties if p.collective}
    # in order of first mention (dicts keep it); a set difference would order the flags by
    # string hash, which changes from one process to the next
    only_src = [pid for pid in src_found if pid not in tgt_found
                and not _cognate_outside(src_found[pid], tgt, tgt_lang, parties, src_lang)]
    only_tgt = [pid for pid in tgt_found if pid not in src_found
                and not _cognate_outside(tgt_found[pid], src, src_lang, parties, tgt_lang)]
    found = []
    for pid in only_src:
        replaced = pid in collective and bool(set(only_tgt) - collective)
        found.append((pid, Flag(KIND, "high" if replaced else "medium",
                                f"party missing in {LANG_NAMES[tgt_lang]}: {src_found[pid]}", src_found[pid], "")))
    for pid in only_tgt:
        replaced = pid in collective and bool(set(only_src) - collective)
        found.append((pid, Flag(KIND, "high" if replaced else "medium",
                                f"party added in {LANG_NAMES[tgt_lang]}: {tgt_found[pid]}", "", tgt_found[pid])))
    return found


_LETTERS = re.compile(r"[^\W\d_]+")
MIN_STEM = 4


def _cognate_outside(mention: str, other: str, other_lang: str, parties: tuple[Party, ...],
                     lang: str) -> bool:
    """The other side has the mention's main word with the same Snowball stem outside its own
    party mentions: the word is there, read as another thing ("the controller" of a games
    console = "este control", "responsible" = "el responsable último", "parts" = "partes"), so
    no party is missing. A word inside another party ("autoridad de control" for the
    supervisory authority) does not count, nor a word that only begins alike ("contrato")."""
    words = _LETTERS.findall(mention)
    head = max(words, key=len, default="")
    stem = plain_stem(lang, head.lower()) if len(head) > MIN_STEM else ""
    if len(stem) < MIN_STEM:
        return False
    taken = [(m.start, m.end) for m in mentions(other, other_lang, parties)]
    return any(plain_stem(other_lang, m.group().lower()) == stem for m in _LETTERS.finditer(other)
               if not any(s <= m.start() < e for s, e in taken))


# Not after an initial or an abbreviation: "the U.S. Embassy", "EE. UU. en", "Sr. López".
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?;:])(?<!\b[A-Z]\.)(?<!\b(?:EE|UU|Sr|Dr|Mr|Ms|No)\.)(?<!\b(?:Sra|Dra|Mrs|art|Art|núm)\.)"
    r"\s+(?=[¿¡(«\"“]?[A-ZÁÉÍÓÚÑ])")
# Paired sentences whose shares of their bead's length differ by more than this are probably
# not translations of each other, and the bead is compared whole.
MAX_SHARE_GAP = 0.15


def sentence_pairs(src: str, tgt: str) -> list[tuple[str, str]]:
    """The bead as sentence pairs when both sides split alike, else the bead as one pair."""
    src_parts, tgt_parts = _SENTENCE_BREAK.split(src), _SENTENCE_BREAK.split(tgt)
    if len(src_parts) == 1 or len(src_parts) != len(tgt_parts):
        return [(src, tgt)]
    for s, t in zip(src_parts, tgt_parts):
        if abs(len(s) / len(src) - len(t) / len(tgt)) > MAX_SHARE_GAP:
            return [(src, tgt)]
    return list(zip(src_parts, tgt_parts))


def _without_listed(flags: list[Flag], src: str, tgt: str, langs: tuple[str, str]) -> list[Flag]:
    """The party flags whose name the enumerations check does not already report."""
    from . import gazetteer
    from .listed import listed_missing_ids

    listed = listed_missing_ids(src, tgt, *langs)
    if not listed:
        return flags

    def named(flag: Flag) -> set[str]:
        return {m.id for text, lang in ((flag.src_evidence, langs[0]), (flag.tgt_evidence, langs[1])) if text
                for m in gazetteer.find_names(text, lang)}

    return [flag for flag in flags if not named(flag) & listed]


def _unique(flags: list[Flag]) -> list[Flag]:
    return list(dict.fromkeys(flags))


class CommitmentsCheck(Check):
    """Flags obligation-strength, negation, condition and party differences within a bead."""

    name = "commitments"

    def __init__(self, parties: tuple[Party, ...] = DEFAULT_PARTIES, defer_listed: bool = False) -> None:
        """`defer_listed`: leave a country or organisation missing from a list to the
        enumerations check (listed.py) running alongside, so one dropped name is one flag."""
        self.parties = parties
        self.defer_listed = defer_listed

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        # NFC once, so that the offsets of cues (found in NFC text) index these strings
        src = unicodedata.normalize("NFC", bead.src_text.strip())
        tgt = unicodedata.normalize("NFC", bead.tgt_text.strip())
        langs = (ctx.src_lang, ctx.tgt_lang)
        if not src or not tgt or not set(langs) <= SUPPORTED or langs[0] == langs[1]:
            return []
        pairs = sentence_pairs(src, tgt)
        flags = [flag for s, t in pairs
                 for compare in (modality_flags, negation_flags, condition_flags)
                 for flag in compare(s, t, *langs)]
        party_flags = self._party_flags(src, tgt, langs, pairs)
        if self.defer_listed and party_flags:
            party_flags = _without_listed(party_flags, src, tgt, langs)
        return _unique(flags + party_flags)

    def _party_flags(self, src: str, tgt: str, langs: tuple[str, str],
                     pairs: list[tuple[str, str]]) -> list[Flag]:
        """Parties compared per sentence pair; when the bead was split, a party one sentence
        lacks counts only if the whole bead also names it a different number of times (a
        subject moved to the next sentence: "The Board ... by its Chair. It should ..." =
        "Su presidente ... El Comité debe ...")."""
        found = [d for s, t in pairs for d in _party_differences(s, t, *langs, self.parties)]
        if len(pairs) > 1 and found:
            src_counts = mention_counts(src, langs[0], self.parties)
            tgt_counts = mention_counts(tgt, langs[1], self.parties)
            found = [(pid, flag) for pid, flag in found if src_counts[pid] != tgt_counts[pid]]
        return [flag for _, flag in found]
