"""COMMITMENTS: does each side of a bead bind the same actors, as strongly, under the same
conditions and with the same polarity?

Four comparisons, each tolerant of legitimate rephrasing:

* modality (see modality.py): a flag needs an unmatched modal cue on *both* sides, e.g.
  "shall" opposite "podrá". A modal merely absent on one side ("shall apply" = "se aplica") is
  common in good translations and is not flagged.
* negation (polarity.py): a strong negation opposite no negative material at all -> high.
* conditions (conditions.py): a strong condition opposite no condition-like cue -> medium.
* parties (parties.py): an actor named on one side only -> medium; a collective actor
  ("both countries") opposite a single different actor ("Mexico") -> high.

Only en<->es is covered; beads in other language pairs, or with an empty side (the omissions
check's business), get no commitment flags.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..records import Flag
from . import conditions, modality, polarity
from .base import BeadText, Check, Context
from .cues import Cue
from .parties import DEFAULT_PARTIES, Party, find_parties

KIND = "commitment"
LANG_NAMES = {"en": "English", "es": "Spanish"}
SUPPORTED = frozenset(LANG_NAMES)


def modal_cues(text: str, lang: str) -> list[Cue]:
    return modality.LEXICONS[lang].find(text)


def carries_commitment(text: str, lang: str) -> bool:
    """True when `text` holds an obligation, permission, intention or prohibition cue."""
    return lang in modality.LEXICONS and bool(modal_cues(text, lang))


def _unmatched(mine: Sequence[Cue], theirs: Sequence[Cue]) -> list[Cue]:
    other = frozenset().union(*(modality.readings(c.label) for c in theirs))
    return [c for c in mine if not modality.readings(c.label) & other]


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
    if "future" in (a.label, b.label):
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


def modality_flags(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[Flag]:
    src_cues, tgt_cues = modal_cues(src, src_lang), modal_cues(tgt, tgt_lang)
    src_only = _first_per_class(_unmatched(src_cues, tgt_cues))
    tgt_only = _first_per_class(_unmatched(tgt_cues, src_cues))
    return [
        Flag(KIND, _modal_severity(s, t), _modal_message(sc, tc, s, t), s.text, t.text)
        for sc, s in src_only.items()
        for tc, t in tgt_only.items()
    ]


def _one_sided(
    lexicons: dict, src: str, tgt: str, src_lang: str, tgt_lang: str
) -> tuple[list[Cue], list[Cue], list[Cue], list[Cue]]:
    """Strong cues of each side, and all cues of each side."""
    s_all, t_all = lexicons[src_lang].find(src), lexicons[tgt_lang].find(tgt)
    strong = [[c for c in cues if c.label == "strong"] for cues in (s_all, t_all)]
    return strong[0], strong[1], s_all, t_all


def _presence_flags(
    lexicons: dict, what: tuple[str, str], severity: str, src: str, tgt: str, src_lang: str, tgt_lang: str
) -> list[Flag]:
    """Flag a strong cue on one side when the other side has no cue of that family at all.

    `what` words the message: (missing-template, added-template) with {lang} and {cue}.
    """
    s_strong, t_strong, s_all, t_all = _one_sided(lexicons, src, tgt, src_lang, tgt_lang)
    flags = []
    if s_strong and not t_all:
        msg = what[0].format(lang=LANG_NAMES[tgt_lang], cue=s_strong[0].text)
        flags.append(Flag(KIND, severity, msg, s_strong[0].text, ""))
    if t_strong and not s_all:
        msg = what[1].format(lang=LANG_NAMES[tgt_lang], cue=t_strong[0].text)
        flags.append(Flag(KIND, severity, msg, "", t_strong[0].text))
    return flags


def negation_flags(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[Flag]:
    return _presence_flags(
        polarity.LEXICONS,
        ("negation missing in {lang}: {cue}", "negation added in {lang}: {cue}"),
        "high", src, tgt, src_lang, tgt_lang,
    )


def condition_flags(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[Flag]:
    return _presence_flags(
        conditions.LEXICONS,
        ("condition dropped: {cue}", "condition added: {cue}"),
        "medium", src, tgt, src_lang, tgt_lang,
    )


def party_flags(
    src: str, tgt: str, src_lang: str, tgt_lang: str, parties: tuple[Party, ...] = DEFAULT_PARTIES
) -> list[Flag]:
    src_found = find_parties(src, src_lang, parties)
    tgt_found = find_parties(tgt, tgt_lang, parties)
    collective = {p.id for p in parties if p.collective}
    flags = []
    for pid in src_found.keys() - tgt_found.keys():
        replaced = pid in collective and bool((tgt_found.keys() - src_found.keys()) - collective)
        severity = "high" if replaced else "medium"
        flags.append(Flag(KIND, severity, f"party missing in {LANG_NAMES[tgt_lang]}: {src_found[pid]}",
                          src_found[pid], ""))
    for pid in tgt_found.keys() - src_found.keys():
        replaced = pid in collective and bool((src_found.keys() - tgt_found.keys()) - collective)
        severity = "high" if replaced else "medium"
        flags.append(Flag(KIND, severity, f"party added in {LANG_NAMES[tgt_lang]}: {tgt_found[pid]}",
                          "", tgt_found[pid]))
    return flags


class CommitmentsCheck(Check):
    """Flags obligation-strength, negation, condition and party differences within a bead."""

    name = "commitments"

    def __init__(self, parties: tuple[Party, ...] = DEFAULT_PARTIES) -> None:
        self.parties = parties

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        src, tgt = bead.src_text.strip(), bead.tgt_text.strip()
        langs = (ctx.src_lang, ctx.tgt_lang)
        if not src or not tgt or not set(langs) <= SUPPORTED or langs[0] == langs[1]:
            return []
        return [
            *modality_flags(src, tgt, *langs),
            *negation_flags(src, tgt, *langs),
            *condition_flags(src, tgt, *langs),
            *party_flags(src, tgt, *langs, parties=self.parties),
        ]
