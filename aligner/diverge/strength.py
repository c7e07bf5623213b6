"""COMMITMENT STRENGTH beyond modals: does each side undertake, intend or only study the same act?

Three levels of how strongly a text binds its actor, each with nouns and verbs in both
languages (matched on Snowball stems, so every inflection counts):

* 3 undertaking: commit(ment), undertake/undertaking, agree, resolve to, pledge /
  compromiso, comprometerse, acordar, convenir, asumir, resolver(se) a, prometer.
* 2 intention: intend/intention, plan, aim, seek, aspire, envisage /
  intención, propósito, prever, proponerse, aspirar, pretender, planear, planificar.
* 1 study: study, consider, explore, evaluate, examine, assess, analyse, review (as a verb),
  take into account / estudiar, considerar, explorar, evaluar, examinar, analizar, valorar,
  revisar, tener en cuenta. "Possible", "feasible", "viable" only qualify an act ("where
  feasible", "de ser posible"): they are found but set no level.

A side without any of these cues but with a duty or future modal ("will implement",
"aplicarán") binds at level 3 implicitly. Each side's level is its strongest cue; a flag needs
a side whose level has no cue at that level on the other side, e.g. "reaffirmed their
commitment to expand" (3) opposite "reafirmaron su intención de evaluar una posible ampliación"
(2 and 1): weakened, medium. Faithful variation that keeps the level ("commitment" =
"se comprometen", "will consider" = "considerará") stays silent, and so does a cue merely
absent on one side when the other has no modal either.

Masked (never cues): recitals ("Considering that" = "Considerando que"), "consider" in the
sense of deem ("shall be considered lawful" = "se considerará lícito", "considers that"),
fixed phrases with "possible" ("as soon as possible", "lo antes posible", "en la medida de lo
posible"), "review" and "revisión" as nouns of procedure, and agreements as documents
("the Agreement", "el Acuerdo").

Beads the modal comparison of commitments.py already flags are left to it (one flag for one
weakening). Sentence pairs are compared like that check does (see `sentence_pairs`).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..records import Flag
from .base import BeadText, Check, Context
from .commitments import KIND, LANG_NAMES, SUPPORTED, modal_cues, modality_flags, sentence_pairs
from . import modality
from .stems import plain_stem as _stem

UNDERTAKING, INTENTION, STUDY = 3, 2, 1
LEVEL_NAMES = {UNDERTAKING: "commitment", INTENTION: "intention", STUDY: "study"}

# level -> stems (Snowball, of lower-cased, unaccented words). Words whose stem is ambiguous
# (resolve = settle, valor = value, acuerdo = an agreement as a document, seek a remedy) are
# in _PHRASES instead, and words of a stem family that name a procedure or a quantity are in
# _NOT_CUES.
_STEMS: dict[str, dict[int, frozenset[str]]] = {
    "en": {
        UNDERTAKING: frozenset({"commit", "undertak", "undertook", "pledg", "agre"}),
        INTENTION: frozenset({"aspir"}),
        STUDY: frozenset({"studi", "consid", "consider", "explor", "evalu", "examin", "assess",
                          "analys", "analyz", "possibl", "feasibl", "weigh"}),
    },
    "es": {
        UNDERTAKING: frozenset({"compromis", "compromet", "acord", "acordar", "convin", "conven",
                                "asum", "promet", "promes"}),
        INTENTION: frozenset({"intencion", "aspir", "aspiracion", "pretend", "plane"}),
        STUDY: frozenset({"estudi", "consider", "explor", "evalu", "examin", "analiz", "posibl", "viabil", "ponder"}),
    },
}

# Nouns of procedure ("examination procedure" = "procedimiento de examen", "impact
# assessment"), rights ("the possibility of a remedy") and words that only share a stem.
_NOT_CUES: dict[str, frozenset[str]] = {
    "en": frozenset({"possibility", "possibilities", "considerable", "considerably", "examination", "examinations",
                     "assessment", "assessments", "evaluation", "evaluations", "consideration", "considerations",
                     "analysis", "analyses", "agreeable", "studies", "committee", "committees",
                     "undertaking", "undertakings"}),
    "es": frozenset({"posibilidad", "posibilidades", "considerable", "considerables", "considerablemente",
                     "evaluación", "evaluaciones", "examen", "exámenes", "consideración", "consideraciones",
                     "análisis", "estudios", "convención", "convenio", "convenios", "conveniente",
                     "convenientes", "conveniencia", "asunto", "asuntos"}),
}


def _any(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)")


_PHRASES: dict[str, dict[int, re.Pattern[str]]] = {
    "en": {
        UNDERTAKING: _any(r"resolv(?:e|es|ed)\s+(?:to|that)"),
        INTENTION: _any(r"plan(?:s|ned|ning)?\s+to", r"intend(?:s|ing)?\s+to", r"intentions?",
                        r"(?:seek|seeks|seeking|sought)\s+to", r"aim(?:s|ing)?\s+to", r"aim(?:s|ed|ing)?\s+at\s+\w+ing"),
        STUDY: _any(
            r"(?:to|will|shall|would|should|may|must|could|can|and|or|not)\s+review", r"review(?:ed|ing)",
            r"(?:take|takes|taken|taking|took)\s+(?:\w+\s+){0,2}(?:into\s+(?:\w+\s+)?(?:account|consideration)|account\s+of)",
            r"(?:give|given|giving|gives|pay|paid|have|has|having|had)\s+(?:\w+\s+)?regard\s+to",
            r"(?:due|particular|full)\s+regard\s+(?:shall|should|must|will)\s+be\s+(?:given|had|paid)", r"bear(?:s|ing)?\s+in\s+mind"),
    },
    "es": {
        UNDERTAKING: _any(r"resuelve(?:n)?\s+(?:a|que)", r"resolvi(?:ó|eron)\s+(?:a|que)",
                          r"se\s+resuelve(?:n)?\s+a"),
        INTENTION: _any(r"se\s+propon(?:e|en|drá|drán)", r"se\s+propusieron", r"proponerse",
                        r"tienen?\s+previsto", r"prevé(?:n)?\s+\w+(?:ar|er|ir)"),
        STUDY: _any(
            r"valor(?:ar|ará|arán|e|en|a|an|ó|aron)(?:se)?", r"revis(?:ar|ará|arán|e|en|a|an|ó|aron)(?:se)?",
            r"prev(?:er|erá|erán|ea|ean)\s+(?:el|la|los|las)",
            r"(?:ten(?:er|erse|drá|drán|ga|gan|ía|ían|iendo)|tienen?)\s+(?:\w+\s+){0,2}en\s+cuenta",
            r"teniendo\s+cuenta",
            r"tom(?:ar|arse|ará|arán|e|en|a|an|ando)\s+(?:\w+\s+)?en\s+(?:cuenta|consideración)",
            r"ten(?:er|drá|drán|ga|gan|iendo)\s+presente"),
    },
}

# Spans that look like cues and are not.
_MASKS: dict[str, re.Pattern[str]] = {
    "en": _any(*(
        r"considering", r"whereas",
        r"(?:be|is|are|been|being|was|were)\s+(?:\w+ly\s+)?(?:considered|deemed|regarded)",
        r"consider(?:s|ed)?\s+(?:that|it|them|this|these|those|such|\w+\s+as|\w+\s+to\s+be|necessary|appropriate)",
        r"(?:as|where|when|wherever|if)\s+(?:\w+\s+)?possible", r"to\s+the\s+(?:\w+\s+)?extent\s+possible",
        r"(?:all|every|best|highest|lowest|greatest|widest|fullest|maximum|minimum)\s+possible",
        r"(?:insofar|in\s+so\s+far)\s+as\s+(?:this|it)\s+is\s+possible",
        r"(?:the|an?|this|that|its|their|such)\s+(?:\w+\s+)?agreement", r"agreements?",
        r"(?:in\s+)?agreement\s+with",
    )),
    "es": _any(*(
        r"considerando(?:\s+que)?",
        r"se\s+(?:le\s+|les\s+)?consider(?:a|an|ará|arán|e|en|aba|aban|ó|aron)",
        r"considerarse", r"(?:será|serán|sea|sean|es|son|fue|fueron|estar|ser)\s+considerad[oa]s?",
        r"considerad[oa]s?\s+como", r"consider(?:ar|a|an|e|en|ó|aron|amos|ará|arán)\s+que",
        r"(?:lo|la|los|las)\s+consider(?:a|an|e|en|ara|aran|ará|arán)",
        r"(?:lo\s+(?:antes|más\s+\w+)|en\s+la\s+medida\s+de\s+lo|todo\s+lo|(?:cuando|donde)\s+(?:sea|resulte)|"
        r"si\s+(?:es|fuera|fuese)|siempre\s+que\s+(?:sea|resulte)|mejor|máxim[oa]|mínim[oa])\s+posibles?",
        r"(?:el|un|este|ese|dicho|del|al|los|los\s+presentes|presente)\s+(?:\w+\s+)?acuerdos?", r"acuerdos?",
        r"de\s+acuerdo\s+con",
    )),
}

@dataclass(frozen=True)
class StrengthCue:
    level: int
    text: str
    start: int


_WORD = re.compile(r"\w+", re.UNICODE)


def strength_cues(text: str, lang: str) -> list[StrengthCue]:
    """The commitment-strength cues of `text`, in order, masked spans left out."""
    low = unicodedata.normalize("NFC", text).lower()
    masked = [(m.start(), m.end()) for m in _MASKS[lang].finditer(low)]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in masked)

    found = [StrengthCue(level, m.group(), m.start())
             for level, pattern in _PHRASES[lang].items() for m in pattern.finditer(low) if free(*m.span())]
    taken = [(c.start, c.start + len(c.text)) for c in found]
    stems = _STEMS[lang]
    for m in _WORD.finditer(low):
        if not free(*m.span()) or any(s <= m.start() < e for s, e in taken):
            continue
        if m.group() in _NOT_CUES[lang]:
            continue
        stem = _stem(lang, m.group())
        level = next((lv for lv, group in stems.items() if stem in group), None)
        if level is not None:
            found.append(StrengthCue(level, m.group(), m.start()))
    return sorted(found, key=lambda c: c.start)


_BINDING = frozenset({modality.OBLIGATION})
# A cue that is itself the verb a modal or future governs: "will consider", "shall study",
# "considerará", "deberán estudiar", "va a evaluar".
_EN_MODALS = "will|shall|would|should|must|may|might|could"
_EN_GOVERNOR = re.compile(rf"(?:{_EN_MODALS}|'ll)\s+(?:\w+\s+)?$")
_ES_GOVERNOR = re.compile(r"(?:deberá|deberán|deberían?|podrá|podrán|podrían?|debe|deben|van?|vamos)\s+(?:a\s+)?(?:\w+\s+)?$")
_EN_MODAL_IN = re.compile(rf"(?<!\w)(?:{_EN_MODALS}|can|to)\s")
_ES_FUTURE_WORD = re.compile(r"\w+(?:rá|rán|ría|rían)$")


# adjectives ("should be possible" = "ha de ser posible") say nothing of the verb's strength
_ADJECTIVES = frozenset({"possibl", "feasibl", "posibl", "viabil"})


def _governed(cue: StrengthCue, text: str, lang: str) -> bool:
    if _stem(lang, cue.text) in _ADJECTIVES:
        return False
    if lang == "en" and _EN_MODAL_IN.search(cue.text):
        return True  # the cue holds its modal ("shall review", "due regard shall be given")
    before = text[max(0, cue.start - 30):cue.start].lower()
    if lang == "es":
        return bool(_ES_FUTURE_WORD.match(cue.text.split()[0]) or _ES_GOVERNOR.search(before))
    return bool(_EN_GOVERNOR.search(before))


@dataclass(frozen=True)
class _Levels:
    """What one side says of how strongly it binds: each level's first cue, how many cues of
    each level it has, and whether it binds only implicitly (a duty or future modal governs its
    verb and no undertaking cue is there)."""

    firsts: dict[int, StrengthCue]
    counts: Counter
    implicit: bool


def _levels(text: str, lang: str) -> _Levels:
    # "where feasible", "de ser posible" qualify the act, they do not make it a study: a text
    # whose only cues are such adjectives binds as its modal says
    cues = [c for c in strength_cues(text, lang) if _stem(lang, c.text) not in _ADJECTIVES]
    binding = next((c for c in modal_cues(text, lang) if modality.class_of(c.label) in _BINDING), None)
    firsts: dict[int, StrengthCue] = {}
    for cue in cues:
        firsts.setdefault(cue.level, cue)
    counts = Counter(c.level for c in cues)
    # "shall take reasonable steps, taking account of the cost": a study phrase in an adjunct
    # leaves the duty the modal states; it binds as the modal says
    if binding is not None and not any(_governed(c, text, lang) for c in cues):
        implied = StrengthCue(UNDERTAKING, binding.text, binding.start)
        return _Levels({**firsts, UNDERTAKING: implied}, counts, UNDERTAKING not in firsts)
    return _Levels(firsts, counts, False)


def strength_flags(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[Flag]:
    """A flag when the two sides' strongest cues differ in level and the stronger side's level
    has no cue on the other. Opposite an implicit undertaking, only a cue that is itself the
    governed verb ("considerará aplicar") counts: a study noun elsewhere in the sentence
    ("the examination procedure") says nothing of how strongly the sentence binds."""
    src_side, tgt_side = _levels(src, src_lang), _levels(tgt, tgt_lang)
    src_levels, tgt_levels = src_side.firsts, tgt_side.firsts
    src_implicit, tgt_implicit = src_side.implicit, tgt_side.implicit
    if not src_levels or not tgt_levels:
        return _hedge_added(src_levels, tgt_levels, src, tgt, src_lang, tgt_lang)
    top_src, top_tgt = max(src_levels), max(tgt_levels)
    if top_src == top_tgt:
        return []
    if top_src > top_tgt and top_src in tgt_levels or top_tgt > top_src and top_tgt in src_levels:
        return []
    s, t = src_levels[top_src], tgt_levels[top_tgt]
    if src_implicit and not _governed(t, tgt, tgt_lang) or tgt_implicit and not _governed(s, src, src_lang):
        return []
    low = min(top_src, top_tgt)
    if low in src_levels and low in tgt_levels and src_side.counts[low] == tgt_side.counts[low]:
        # both sides study the same thing ("to be taken into account" = "deberán tenerse en
        # cuenta"): the weaker side's cue renders the other's, it adds no hedge
        return []
    verb = "weakened" if top_src > top_tgt else "strengthened"
    return [Flag(KIND, "medium", f"{LEVEL_NAMES[top_src]} {verb} to {LEVEL_NAMES[top_tgt]} "
                 f"in {LANG_NAMES[tgt_lang]}: {s.text} -> {t.text}", s.text, t.text)]


# A hedge governs another verb, the act it hedges ("estudiará la posibilidad de emitir",
# "considerará si procede aplicar", "will consider adopting"); a study verb with a noun object
# ("examinará la aplicación" = "review the application") is the act itself.
_HEDGED_ACT = {
    "es": re.compile(r"(?:\s+(?:la\s+posibilidad|la\s+conveniencia|la\s+viabilidad|el\s+modo|la\s+manera|la\s+forma)?"
                     r"\s*(?:de|en|si|cómo|qué|a)?)?\s+\w+(?:ar|er|ir)(?:se|lo|la|los|las)?\b", re.IGNORECASE),
    "en": re.compile(r"(?:\s+(?:the\s+possibility|the\s+feasibility|ways|how|whether)(?:\s+of|\s+to)?)?\s+\w+ing\b"
                     r"|\s+(?:whether|how)\s+to\s+\w+", re.IGNORECASE),
}


def _hedge_added(src_levels: dict[int, StrengthCue], tgt_levels: dict[int, StrengthCue], src: str,
                 tgt: str, src_lang: str, tgt_lang: str) -> list[Flag]:
    """One side states the act plainly ("issue opinions", "assists the controller"), the other
    governs it by a study or intention verb of its own ("estudiará la posibilidad de emitir"):
    the act became something to consider. Only a cue that is itself the governed verb counts,
    so a study noun elsewhere ("the assessment") stays silent."""
    levels, text, lang, other = ((tgt_levels, tgt, tgt_lang, src_lang) if tgt_levels
                                 else (src_levels, src, src_lang, tgt_lang))
    if not levels or max(levels) == UNDERTAKING:
        return []
    cue = levels[max(levels)]
    if not _governed(cue, text, lang) or not _HEDGED_ACT[lang].match(text, cue.start + len(cue.text)):
        return []
    where = LANG_NAMES[lang]
    evidence = ("", cue.text) if levels is tgt_levels else (cue.text, "")
    return [Flag(KIND, "medium", f"{LEVEL_NAMES[max(levels)]} added in {where}: {cue.text} "
                 f"(the {LANG_NAMES[other]} states the act itself)", *evidence)]


# Nouns that make an act a duty, and nouns that make it an option. "Possibility" is never a
# study cue (the possibility of a remedy is a right), but in place of an obligation it turns a
# duty into an option: "the obligations of the controller" / "las posibilidades del responsable".
_DUTY_WORDS = {"en": re.compile(r"(?<!\w)(?:obligations?|duty|duties|obligatory|mandatory)(?!\w)"),
               "es": re.compile(r"(?<!\w)(?:obligaci(?:ón|ones)|obligatori[oa]s?)(?!\w)")}
_OPTION_WORDS = {"en": re.compile(r"(?<!\w)(?:possibilit(?:y|ies)|options?|optional)(?!\w)"),
                 "es": re.compile(r"(?<!\w)(?:posibilidad(?:es)?|opci(?:ón|ones)|opcional(?:es)?|facultativ[oa]s?)(?!\w)")}


def duty_flags(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[Flag]:
    """A duty noun of one side that the other renders by an option noun: the side with fewer
    duty words has more option words. Rewordings that keep the duty ("obligations" =
    "obligaciones", "duty" = "deber") or name no option stay silent."""
    low = src.lower(), tgt.lower()
    duty = [_DUTY_WORDS[lang].findall(t) for t, lang in zip(low, (src_lang, tgt_lang))]
    option = [_OPTION_WORDS[lang].findall(t) for t, lang in zip(low, (src_lang, tgt_lang))]
    if len(duty[0]) > len(duty[1]) and len(option[1]) > len(option[0]):
        return [Flag(KIND, "medium", f"obligation weakened to option in {LANG_NAMES[tgt_lang]}: "
                     f"{duty[0][0]} -> {option[1][0]}", duty[0][0], option[1][0])]
    if len(duty[1]) > len(duty[0]) and len(option[0]) > len(option[1]):
        return [Flag(KIND, "medium", f"option strengthened to obligation in {LANG_NAMES[tgt_lang]}: "
                     f"{option[0][0]} -> {duty[1][0]}", option[0][0], duty[1][0])]
    return []


class StrengthCheck(Check):
    """Flags a commitment turned into an intention or a study (or the other way round)."""

    name = "strength"

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        src = unicodedata.normalize("NFC", bead.src_text.strip())
        tgt = unicodedata.normalize("NFC", bead.tgt_text.strip())
        langs = (ctx.src_lang, ctx.tgt_lang)
        if not src or not tgt or not set(langs) <= SUPPORTED or langs[0] == langs[1]:
            return []
        flags = []
        for s, t in sentence_pairs(src, tgt):
            if not modality_flags(s, t, *langs):
                flags.extend(strength_flags(s, t, *langs) or duty_flags(s, t, *langs))
        return list(dict.fromkeys(flags))
