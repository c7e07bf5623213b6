"""Seeded perturbations of a correct English/Spanish pair, each with the divergence it plants.

Every perturbation takes the pair's two sides, a `random.Random` and a pool of donor Spanish
sentences, and returns the perturbed pair, or None when its pattern does not occur in the
pair. Text perturbations touch only the Spanish side and change exactly one site (chosen
with the given rng, so a fixed seed gives a fixed result).

The patterns here are written independently of aligner.diverge on purpose: a benchmark that
reused the checker's own lexicons would only measure that the checker agrees with itself.

Texts are matched in NFC form; when the input was decomposed (the SDG Spanish files spell
"ó" as "o" + combining accent) the output is decomposed again, so a perturbed bead differs
from its untouched twin only by the planted change.
"""
from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Pair = tuple[str, str]
Apply = Callable[[str, str, random.Random, Sequence[str]], "Pair | None"]
TextEdit = Callable[[str, random.Random], "str | None"]

_W = r"[^\W\d_]"  # one letter (any script, accents included)
_UPPER = "A-ZÁÉÍÓÚÜÑ"


@dataclass(frozen=True)
class Perturbation:
    """A named way of breaking a correct pair and the flag kind a checker should raise."""

    name: str
    kind: str
    apply: Apply


def _same_form(edit: TextEdit) -> TextEdit:
    """Run `edit` on NFC text and give the result back in the input's normal form."""

    def wrapped(text: str, rng: random.Random) -> str | None:
        form = "NFC" if unicodedata.is_normalized("NFC", text) else "NFD"
        out = edit(unicodedata.normalize("NFC", text), rng)
        return None if out is None else unicodedata.normalize(form, out)

    return wrapped


def _replace_one(text: str, sites: list[tuple[int, int, str]], rng: random.Random) -> str | None:
    """Apply one of the (start, end, replacement) edits, picked by rng; None when there is none."""
    sites = [s for s in sites if text[s[0]:s[1]] != s[2]]
    if not sites:
        return None
    start, end, new = rng.choice(sites)
    return text[:start] + new + text[end:]


def _match_case(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


# --- figures -----------------------------------------------------------------------------

# A number: digits, optionally grouped or with a decimal part ("25.100", "1,25", "20000000").
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
# Paragraph numbers and point labels at the head of a unit ("1. ", "(12) ", "18) ") are structure.
_LABEL = re.compile(r"^\s*(?:\(\d+\)|\d+[.)])\s")


def _mutate_digits(number: str, rng: random.Random) -> str:
    """Change the value of `number` keeping its look: replace a digit, swap two, or prepend one."""
    positions = [i for i, ch in enumerate(number) if ch.isdigit()]
    swaps = [(a, b) for a, b in zip(positions, positions[1:]) if number[a] != number[b]]
    how = rng.choice(("replace", "swap", "prepend") if swaps else ("replace", "prepend"))
    chars = list(number)
    if how == "swap":
        a, b = rng.choice(swaps)
        chars[a], chars[b] = chars[b], chars[a]
    elif how == "replace":
        i = rng.choice(positions)
        lowest = "1" if i == positions[0] and len(positions) > 1 else "0"
        chars[i] = rng.choice([d for d in "0123456789" if d != chars[i] and d >= lowest])
    else:
        chars.insert(0, rng.choice("123456789"))
    return "".join(chars)


@_same_form
def change_digits(text: str, rng: random.Random) -> str | None:
    """25.100 -> 21.500, 2030 -> 2031, 4 % -> 14 %: one number gets a different value."""
    label = _LABEL.match(text)
    skip = label.end() if label else 0
    sites = [(m.start(), m.end(), _mutate_digits(m.group(), rng))
             for m in _NUMBER.finditer(text) if m.start() >= skip]
    return _replace_one(text, sites, rng)


_CARDINALS = ("dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
              "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
              "diecinueve", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta",
              "ochenta", "noventa", "cien")
_CARDINAL = re.compile(r"(?<!\w)(" + "|".join(_CARDINALS) + r")(?!\w)", re.IGNORECASE)


@_same_form
def change_number_word(text: str, rng: random.Random) -> str | None:
    """dieciocho -> ocho, cinco -> seis: a spelled-out cardinal becomes another one."""
    sites = []
    for m in _CARDINAL.finditer(text):
        other = rng.choice([w for w in _CARDINALS if w != m.group().lower()])
        sites.append((m.start(), m.end(), _match_case(other, m.group())))
    return _replace_one(text, sites, rng)


_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre")
_MONTH = re.compile(r"(?<!\w)(" + "|".join(_MONTHS) + r")(?!\w)", re.IGNORECASE)
_DAY = re.compile(r"(?<![\w.,])([1-9]|[12]\d|3[01])(?= de (?:" + "|".join(_MONTHS) + r")\b)",
                  re.IGNORECASE)
# A year on its own: not part of a reference such as "2016/679" or "95/46".
_YEAR = re.compile(r"(?<![\w/.,-])(1[89]\d\d|20\d\d)(?![\w/]|[.,]\d)")


@_same_form
def change_date(text: str, rng: random.Random) -> str | None:
    """A month name, a day of the month or a year gets another value (mayo -> junio, 2030 -> 2032)."""
    sites = []
    for m in _MONTH.finditer(text):
        other = rng.choice([w for w in _MONTHS if w != m.group().lower()])
        sites.append((m.start(), m.end(), _match_case(other, m.group())))
    for m in _DAY.finditer(text):
        other = rng.choice([d for d in range(1, 29) if d != int(m.group())])
        sites.append((m.start(), m.end(), str(other)))
    for m in _YEAR.finditer(text):
        sites.append((m.start(), m.end(), str(int(m.group()) + rng.choice((-5, -2, -1, 1, 2, 5)))))
    return _replace_one(text, sites, rng)


_CURRENCIES = {"dólares": "euros", "euros": "dólares", "dólar": "euro", "euro": "dólar",
               "EUR": "USD", "USD": "EUR", "libras": "dólares", "pesos": "dólares"}
_CURRENCY = re.compile(r"(?<!\w)(" + "|".join(_CURRENCIES) + r")(?!\w)")
_DOLLAR_SIGN = re.compile(r"(?:US)?\$(?=\s?\d)")


@_same_form
def change_currency(text: str, rng: random.Random) -> str | None:
    """dólares -> euros, EUR -> USD, $ -> €."""
    sites = [(m.start(), m.end(), _CURRENCIES[m.group()]) for m in _CURRENCY.finditer(text)]
    sites += [(m.start(), m.end(), "€") for m in _DOLLAR_SIGN.finditer(text)]
    return _replace_one(text, sites, rng)


_SCALES = (("miles de millones", "millones"), ("billones", "millones"), ("millones", "miles de millones"),
           ("millón", "millar"), ("millares", "millones"), ("miles", "millones"))
_SCALE = re.compile(r"(?<!\w)(" + "|".join(old for old, _ in _SCALES) + r")(?!\w)", re.IGNORECASE)


@_same_form
def change_scale(text: str, rng: random.Random) -> str | None:
    """millones -> miles de millones, miles de millones -> millones, millón -> millar."""
    table = dict(_SCALES)
    sites = [(m.start(), m.end(), _match_case(table[m.group().lower()], m.group()))
             for m in _SCALE.finditer(text)]
    return _replace_one(text, sites, rng)


# --- commitments -------------------------------------------------------------------------

_MODAL_SWAPS = {"deberá": "podrá", "deberán": "podrán", "debe": "puede", "deben": "pueden",
                "tendrá que": "podrá", "tendrán que": "podrán", "habrá de": "podrá",
                "habrán de": "podrán", "está obligado a": "puede", "están obligados a": "pueden",
                "estará obligado a": "podrá", "estarán obligados a": "podrán",
                "se comprometen a": "procurarán", "se compromete a": "procurará",
                "garantizarán": "procurarán", "garantizará": "procurará"}
_MODAL = re.compile(r"(?<!\w)(" + "|".join(sorted(_MODAL_SWAPS, key=len, reverse=True)) + r")(?!\w)",
                    re.IGNORECASE)
# Synthetic futures (3rd person) whose infinitive is stem + ar/er/ir; irregular ones listed.
_FUTURE = re.compile(r"(?<!\w)(" + _W + r"+?)([aei])rá(n?)(?!\w)")
_IRREGULAR_FUTURES = {"hará": "hacer", "dirá": "decir", "tendrá": "tener", "pondrá": "poner",
                      "saldrá": "salir", "vendrá": "venir", "sabrá": "saber", "querrá": "querer",
                      "valdrá": "valer", "habrá": "haber", "satisfará": "satisfacer",
                      "dispondrá": "disponer", "mantendrá": "mantener", "obtendrá": "obtener",
                      "contendrá": "contener", "propondrá": "proponer", "impondrá": "imponer"}
_IRREGULAR = re.compile(r"(?<!\w)(" + "|".join(_IRREGULAR_FUTURES) + r")(n?)(?!\w)", re.IGNORECASE)
_ALREADY_WEAK = {"pod", "deb", "procur"}
# An SDG-style target opens with a bare infinitive ("Poner fin ...", "De aquí a 2030, lograr ...").
_LEAD_INFINITIVE = re.compile(r"^(De aquí a \d{4},\s*|(?=[" + _UPPER + r"]))"
                              r"((?!Mujer|Lugar|Hogar|Poder|Deber)" + _W + r"+(?:ar|er|ir))(?!\w)")


def _weaken_future(m: re.Match) -> str:
    stem, vowel, plural = m.group(1), m.group(2), m.group(3)
    return _match_case(f"podrá{plural} {stem.lower()}{vowel}r", stem)


def _weaken_irregular(m: re.Match) -> str:
    return _match_case(f"podrá{m.group(2)} {_IRREGULAR_FUTURES[m.group(1).lower()]}", m.group(1))


_NEGATED_BEFORE = re.compile(r"(?<!\w)(?:no|nunca|ni)\s+(?:(?:se|le|les|lo|la|los|las|nos)\s+){0,2}$",
                             re.IGNORECASE)


@_same_form
def weaken_obligation(text: str, rng: random.Random) -> str | None:
    """deberá -> podrá, adoptarán -> podrán adoptar, se comprometen a -> procurarán,
    "Lograr ..." -> "Procurar lograr ..."."""
    # "no debe" -> "no puede", "no transferirán" -> "no podrán transferir": a negated modal or
    # future forbids as much as before (legal Spanish renders "shall not" as "no podrá"), so
    # negated sites are left alone.
    sites = [(m.start(), m.end(), _match_case(_MODAL_SWAPS[m.group().lower()], m.group()))
             for m in _MODAL.finditer(text) if not _NEGATED_BEFORE.search(text[:m.start()])]
    taken = {s[0] for s in sites}
    sites += [(m.start(), m.end(), _weaken_future(m)) for m in _FUTURE.finditer(text)
              if m.start() not in taken and m.group(1).lower() not in _ALREADY_WEAK
              and m.group().lower().rstrip("n") not in _IRREGULAR_FUTURES
              and not _NEGATED_BEFORE.search(text[:m.start()])]
    sites += [(m.start(), m.end(), _weaken_irregular(m)) for m in _IRREGULAR.finditer(text)
              if m.start() not in taken and not _NEGATED_BEFORE.search(text[:m.start()])]
    lead = _LEAD_INFINITIVE.match(text)
    if lead and not lead.group(2).lower().startswith(("procur", "intent")):
        verb = lead.group(2)
        new = _match_case("procurar", verb) + " " + verb[0].lower() + verb[1:]
        sites.append((lead.start(2), lead.end(2), new))
    return _replace_one(text, sites, rng)


# What may precede a clause that opens its sentence: nothing, a stop, or a paragraph label.
_SENTENCE_START = re.compile(r"(?:^|[.:;]\s+|^\s*(?:\(\d+\)|\d+\.|\(?[a-z]\))\s+)$")


# Finite verbs (and the clitics before them) a "no" can precede.
_CLITIC = r"(?:(?:se|le|les|lo|la|los|las|me|nos)\s+)?"
_FINITE = re.compile(
    r"(?<![\w])(" + _CLITIC + r"(?:" + _W + r"+[aei]rán?|deben?|pueden?|es|son|está|están|ha|han|"
    r"hay|tiene|tienen|haya|hayan|sea|sean|aplica|aplican))(?!\w)(?! decir\b)", re.IGNORECASE)
# A "no" before a verb: the finite forms above, or a present/past/conditional ending. A "no"
# before an adjective or a noun ("no remunerado", "no violencia") is a lexical prefix, not
# the negation of a clause, and is left alone.
_NEGATED = re.compile(r"(?<!\w)no\s+(?=" + _CLITIC + r"(?:deben?|pueden?|es|son|está|están|ha|han|hay|"
                      r"tiene|tienen|haya|hayan|sea|sean|dé|den|" + _W + r"+(?:rán?|an|en|ía|ían|"
                      r"ó|aron|ieron|ará|ería|erían|aría|arían))(?!\w))", re.IGNORECASE)


@_same_form
def insert_negation(text: str, rng: random.Random) -> str | None:
    """"El responsable aplicará ..." -> "El responsable no aplicará ..."; "Lograr" -> "No lograr"."""
    sites = []
    for m in _FINITE.finditer(text):
        before = text[max(0, m.start() - 3):m.start()].lower()
        if before.endswith(("no ", "ni ")):
            continue
        verb = m.group()
        if verb[0].isupper() and _SENTENCE_START.search(text[:m.start()]):  # "Se" -> "No se"
            sites.append((m.start(), m.end(), "No " + verb[0].lower() + verb[1:]))
        else:
            sites.append((m.start(), m.start(), "no "))
    lead = _LEAD_INFINITIVE.match(text)
    if lead:
        verb = lead.group(2)
        sites.append((lead.start(2), lead.end(2), _match_case("no", verb) + " " + verb[0].lower() + verb[1:]))
    return _replace_one(text, sites, rng)


@_same_form
def drop_negation(text: str, rng: random.Random) -> str | None:
    """"no podrá ser restringida" -> "podrá ser restringida"."""
    sites = []
    for m in _NEGATED.finditer(text):
        follower = text[m.end():m.end() + 1]
        new = follower.upper() if m.group()[0].isupper() else follower
        sites.append((m.start(), m.end() + 1, new))
    return _replace_one(text, sites, rng)


_CONDITION_OPENERS = ("siempre que", "siempre y cuando", "salvo que", "salvo si", "salvo cuando",
                      "salvo en", "salvo", "a menos que", "con sujeción a", "a reserva de",
                      "excepto", "en la medida en que", "cuando proceda", "según proceda",
                      "si procede", "en su caso", "sin perjuicio de")
# These are whole adverbials ("where appropriate"); the others open a clause that runs on.
_SELF_CONTAINED = ("cuando proceda", "según proceda", "si procede", "en su caso")
_CONDITION = re.compile(
    r"(,\s*)?(?<!\w)(?:(" + "|".join(_SELF_CONTAINED) + r")(?!\w)|("
    + "|".join(sorted(set(_CONDITION_OPENERS) - set(_SELF_CONTAINED), key=len, reverse=True))
    + r")(?!\w)[^,;:.()]*)", re.IGNORECASE)


def _condition_cut(text: str, m: re.Match) -> tuple[int, int, str]:
    """The edit removing the condition `m`, keeping the sentence's punctuation sensible."""
    start, end = m.start(), m.end()
    trailing = text[end:end + 1] == ","
    if m.group(1) is not None:  # ", salvo que X" -> drop it; ", en su caso," -> drop both commas
        return start, end + 1 if trailing else end, ""
    if _SENTENCE_START.search(text[:start]):  # "Salvo que X, Y" -> "Y"
        end += 1 if trailing else 0
        while text[end:end + 1] == " ":
            end += 1
        return start, end + 1, text[end:end + 1].upper()
    return start - 1 if text[start - 1:start] == " " else start, end, ""


@_same_form
def drop_condition(text: str, rng: random.Random) -> str | None:
    """"..., siempre que X, ..." -> "... ...": the condition clause goes, up to the next comma
    or stop."""
    out = _replace_one(text, [_condition_cut(text, m) for m in _CONDITION.finditer(text)], rng)
    return None if out is None or not out.strip(" .,;:") else out


_PARTY_NOUNS = ("Estados miembros", "Estado miembro", "Comisión", "Consejo", "Parlamento Europeo",
                "Comité", "Junta", "Unión", "autoridades de control", "autoridad de control",
                "responsables del tratamiento", "responsable del tratamiento", "responsable",
                "encargados del tratamiento", "encargado del tratamiento", "encargado",
                "interesados", "interesado", "terceros", "tercero", "representante",
                "organismos de certificación", "organismo de certificación",
                "Supervisor Europeo de Protección de Datos", "países desarrollados",
                "países en desarrollo", "gobiernos", "sector privado", "sociedad civil",
                "comunidades locales", "pueblos indígenas", "Naciones Unidas", "Estados Unidos",
                "México", "Canadá", "España", "Unión Europea", "Banco Mundial",
                "Fondo Monetario Internacional", "Organización Mundial del Comercio")
_ARTICLE = r"(?:(?:el|la|los|las|del|al|un|una)\s+)?"
_PARTY = "(?:" + "|".join(sorted(_PARTY_NOUNS, key=len, reverse=True)) + ")"
_COORDINATION = re.compile(r"(?<!\w)(" + _ARTICLE + ")(" + _PARTY + r")\s+(?:y|e|o|u)\s+(" + _ARTICLE
                           + ")(" + _PARTY + r")(?!\w)", re.IGNORECASE)
_CONTRACTIONS = ("del ", "al ")


@_same_form
def drop_party(text: str, rng: random.Random) -> str | None:
    """"Estados Unidos y México" -> "México"; "el responsable o el encargado" -> "el responsable".

    The second party is kept only when both carry the same kind of article: in "a la autoridad
    y al interesado" the "a" before the first belongs to the second too."""
    sites = []
    for m in _COORDINATION.finditer(text):
        article, first, article2, second = m.groups()
        options = [article + first]
        if (article.lower() in _CONTRACTIONS) == (article2.lower() in _CONTRACTIONS):
            options.append((article2 or article) + second)
        for kept in options:
            if m.group().isupper():
                kept = kept.upper()
            elif m.group()[0].isupper():
                kept = kept[0].upper() + kept[1:]
            sites.append((m.start(), m.end(), kept))
    return _replace_one(text, sites, rng)


# --- kinds seen in real communiqués ---------------------------------------------------------

def _cut(text: str, start: int, end: int) -> tuple[int, int, str]:
    """The edit removing text[start:end] (a phrase), keeping commas and the capital sensible:
    ", en junio," -> ","-less; "En junio, X" -> "X"; "X en junio." -> "X."."""
    before, after = text[:start], text[end:]
    if before.endswith(", ") and after[:1] in ",;:.)":
        return start - 2, end, ""  # ", en junio, X" -> ", X"; "..., en junio." -> "..."
    if _SENTENCE_START.search(before) and after.startswith(", "):
        follower = after[2:3]
        return start, end + 3, follower.upper()
    if before.endswith(" "):
        return start - 1, end, ""
    if after.startswith(" "):
        return start, end + 1, ""
    return start, end, ""


_CONJUNCTIONS = r"(?:y|e|o|u|ni)"
# An item of an enumeration: a few words with no punctuation that could end or open a clause.
_ITEM = r"[^\s,;:.()«»\"“”][^,;:.()«»\"“”]{0,60}?"
# A middle item: after ", " and before ", " or " y ": its two ends are certain, unlike the
# first item's start or the last one's end, so dropping it leaves a well-formed list.
_MIDDLE_ITEM = re.compile(r"(?<=\w, )(" + _ITEM + r")(?=(?:, " + _ITEM + r")*,? " + _CONJUNCTIONS
                          + r" " + _W + ")")
_MAX_ITEM_WORDS = 5


@_same_form
def drop_list_item(text: str, rng: random.Random) -> str | None:
    """"Canadá, México y Estados Unidos" -> "Canadá y Estados Unidos"; "la OMS, la OPS, el BID
    y la OEA" -> "la OMS, el BID y la OEA": one inner item of a list of three or more goes."""
    sites = []
    for m in _MIDDLE_ITEM.finditer(text):
        if len(m.group(1).split()) > _MAX_ITEM_WORDS:
            continue
        tail = text[m.end():]
        if tail.startswith(","):  # "A, B, C y D" -> "A, C y D"
            sites.append((m.start(), m.end() + 2, ""))
        else:  # "A, B y C" -> "A y C": the comma before B goes with it
            sites.append((m.start() - 2, m.end(), ""))
    return _replace_one(text, sites, rng)


# Words of change and their opposites (same gender and number, so the sentence stays grammatical).
_DIRECTIONS = {
    "aumentó": "disminuyó", "aumentaron": "disminuyeron", "disminuyó": "aumentó",
    "disminuyeron": "aumentaron", "creció": "disminuyó", "crecieron": "disminuyeron",
    "subió": "bajó", "subieron": "bajaron", "bajó": "subió", "bajaron": "subieron",
    "cayó": "subió", "cayeron": "subieron", "se redujo": "aumentó", "se redujeron": "aumentaron",
    "aumentará": "disminuirá", "aumentarán": "disminuirán", "disminuirá": "aumentará",
    "disminuirán": "aumentarán", "reducirá": "aumentará", "reducirán": "aumentarán",
    "aumenta": "disminuye", "aumentan": "disminuyen", "disminuye": "aumenta", "disminuyen": "aumentan",
    "aumente": "disminuya", "aumenten": "disminuyan", "reduzca": "aumente", "reduzcan": "aumenten",
    "aumentar": "reducir", "reducir": "aumentar", "incrementar": "reducir", "disminuir": "aumentar",
    "duplicar": "reducir a la mitad", "duplicó": "redujo a la mitad",
    "aumentado": "disminuido", "disminuido": "aumentado", "reducido": "aumentado",
    "aumentando": "reduciendo", "reduciendo": "aumentando",
    "aumento": "descenso", "aumentos": "descensos", "incremento": "descenso",
    "incrementos": "descensos", "crecimiento": "descenso", "descenso": "aumento",
    "descensos": "aumentos", "reducción": "ampliación", "reducciones": "ampliaciones",
    "disminución": "ampliación", "disminuciones": "ampliaciones", "ampliación": "reducción",
    "ampliaciones": "reducciones", "alza": "baja", "más de": "menos de", "menos de": "más de",
    "superior a": "inferior a", "inferior a": "superior a", "superiores a": "inferiores a",
    "inferiores a": "superiores a",
}
_DIRECTION = re.compile(r"(?<!\w)(" + "|".join(sorted(_DIRECTIONS, key=len, reverse=True)) + r")(?!\w)",
                        re.IGNORECASE)
# "más de" / "menos de" are bounds only before a figure ("más de 25 millones"), not in "más de lo".
_BOUND_NEEDS_FIGURE = re.compile(r"\s*(?:un |una )?(?:\d|" + "|".join(_CARDINALS) + r")", re.IGNORECASE)


@_same_form
def reverse_direction(text: str, rng: random.Random) -> str | None:
    """aumentó -> disminuyó, reducir -> aumentar, un aumento -> un descenso, más de 5 -> menos de 5."""
    sites = []
    for m in _DIRECTION.finditer(text):
        word = m.group().lower()
        if word.endswith(" de") and not _BOUND_NEEDS_FIGURE.match(text, m.end()):
            continue
        sites.append((m.start(), m.end(), _match_case(_DIRECTIONS[word], m.group())))
    return _replace_one(text, sites, rng)


# A commitment turned into an intention or a study of one.
_INTENTIONS = {"compromiso": "intención", "compromisos": "intenciones",
               "obligación": "posibilidad", "obligaciones": "posibilidades",
               "se comprometen a": "considerarán", "se compromete a": "considerará",
               "se comprometieron a": "consideraron", "se comprometió a": "consideró",
               "nos comprometemos a": "consideraremos", "me comprometo a": "consideraré",
               "se comprometan a": "consideren", "acordaron": "estudiaron",
               "acuerdan": "estudian", "decidieron": "consideraron", "deciden": "consideran"}
_INTENTION = re.compile(r"(?<!\w)(" + "|".join(sorted(_INTENTIONS, key=len, reverse=True)) + r")(?!\w)",
                        re.IGNORECASE)
_STUDY = "estudiará{} la posibilidad de"
# Futures that state a fact, not an undertaking (será, estará), or already soften one.
_NOT_COMMITMENTS = {"s", "est", "consider", "estudi"}


@_same_form
def commitment_to_intention(text: str, rng: random.Random) -> str | None:
    """"el compromiso de ampliar" -> "la intención de ampliar"; "se comprometen a aplicar" ->
    "considerarán aplicar"; "ampliarán el programa" -> "estudiarán la posibilidad de ampliar
    el programa"."""
    sites = []
    for m in _INTENTION.finditer(text):
        if _NEGATED_BEFORE.search(text[:m.start()]):
            continue
        new = _match_case(_INTENTIONS[m.group().lower()], m.group())
        start = m.start()
        article = re.search(r"(?<!\w)(el|un|del|al)\s+$", text[:start], re.IGNORECASE)
        if m.group().lower() == "compromiso" and article:  # the noun changes gender
            fem = {"el": "la", "un": "una", "del": "de la", "al": "a la"}[article.group(1).lower()]
            start, new = article.start(1), _match_case(fem, article.group(1)) + " " + new
        sites.append((start, m.end(), new))
    for m in _FUTURE.finditer(text):
        if (m.group(1).lower() in _ALREADY_WEAK | _NOT_COMMITMENTS
                or m.group().lower().rstrip("n") in _IRREGULAR_FUTURES
                or _NEGATED_BEFORE.search(text[:m.start()])):
            continue
        stem, vowel, plural = m.group(1), m.group(2), m.group(3)
        new = _match_case(_STUDY.format(plural) + f" {stem.lower()}{vowel}r", stem)
        sites.append((m.start(), m.end(), new))
    return _replace_one(text, sites, rng)


_NUMBER_LABEL = re.compile(r"^(\s*\(?)(\d{1,3})([.)])(?=\s)")
_LETTER_LABEL = re.compile(r"^(\s*\(?)([a-z])(\))(?=\s)")
_HEADING_LABEL = re.compile(r"^(\s*(?:Artículo|Capítulo|Sección|Anexo|Título|Apartado|Punto|"
                            r"Párrafo|Objetivo|Meta)\s+)(\d{1,3})(?!\d|[.,]\d)")


@_same_form
def renumber_label(text: str, rng: random.Random) -> str | None:
    """"3. Las Partes ..." -> "5. Las Partes ..."; "(a) ..." -> "(b) ..."; "Artículo 5" ->
    "Artículo 6": the label a reader cites the unit by changes, not its content."""
    sites = []
    for pattern in (_NUMBER_LABEL, _HEADING_LABEL):
        m = pattern.match(text)
        if m:
            value = int(m.group(2))
            other = rng.choice([v for v in (value - 2, value - 1, value + 1, value + 2) if v >= 1])
            sites.append((m.start(2), m.end(2), str(other)))
    m = _LETTER_LABEL.match(text)
    if m:
        letter = m.group(2)
        others = [c for c in "abcdefghijklmnopqrstuvwxyz" if c != letter and abs(ord(c) - ord(letter)) <= 2]
        sites.append((m.start(2), m.end(2), rng.choice(others)))
    return _replace_one(text, sites, rng)


_MONTH_NAMES = "|".join(_MONTHS)
_DAY_N = r"(?:[1-9]|[12]\d|3[01])"
_YEAR_N = r"(?:1[89]\d\d|20\d\d)"
# Spanish ranges: "4 y 5 de junio", "del 4 al 6 de junio", "4-5 de junio", "entre 2015 y 2020",
# "de 2015 a 2020", "2015-2020", "2011–2020", "entre 15 y 49 años", "de enero a marzo".
_RANGES = (
    re.compile(r"(?<![\w.,])(?:del?\s+)?(" + _DAY_N + r")\s*(?:y|al|a|-|–)\s*(" + _DAY_N
               + r")(?= de (?:" + _MONTH_NAMES + r")\b)", re.IGNORECASE),
    re.compile(r"(?<![\w/.,-])(" + _YEAR_N + r")\s?[-–]\s?(" + _YEAR_N + r")(?![\w/]|[.,]\d)"),
    re.compile(r"(?<!\w)(?:entre|de|del)\s+(?:el\s+)?(\d+(?:[.,]\d+)?)\s+(?:y|a|al|hasta)\s+(?:el\s+)?"
               r"(\d+(?:[.,]\d+)?)(?![\w]|[.,]\d)", re.IGNORECASE),
    re.compile(r"(?<!\w)(?:de|entre)\s+(" + _MONTH_NAMES + r")\s+(?:a|y|hasta)\s+(" + _MONTH_NAMES
               + r")(?!\w)", re.IGNORECASE),
)


def _ordinal(value: str) -> int | None:
    """A range end as a comparable number (a month by its place in the year)."""
    if value.lower() in _MONTHS:
        return _MONTHS.index(value.lower())
    digits = value.replace(".", "").replace(",", "")
    return int(digits) if digits.isdigit() and digits == value else None


def _other_end(value: str, low: int | None, high: int | None, rng: random.Random) -> str | None:
    """Another value for one end of a range that keeps it a range (strictly between `low` and
    `high` when they are known): "4 y 5" may become "4 y 7" or "3 y 5", never "5 y 5"."""
    if value.lower() in _MONTHS:
        n = _MONTHS.index(value.lower())
        options = [i for i in range(12) if i != n and (low is None or i > low) and (high is None or i < high)]
        return _match_case(_MONTHS[rng.choice(options)], value) if options else None
    n = _ordinal(value)
    if n is None:
        return _mutate_digits(value, rng)
    options = [n + d for d in (-2, -1, 1, 2, 3) if n + d >= 1
               and (low is None or n + d > low) and (high is None or n + d < high)]
    return str(rng.choice(options)).zfill(len(value)) if options else None


@_same_form
def change_range_end(text: str, rng: random.Random) -> str | None:
    """"4 y 5 de junio" -> "4 y 6 de junio"; "2015-2020" -> "2015-2021"; "de enero a marzo" ->
    "de enero a abril": one end of a range of dates or figures moves, the other stays."""
    sites = []
    for pattern in _RANGES:
        for m in pattern.finditer(text):
            first, second = _ordinal(m.group(1)), _ordinal(m.group(2))
            if first is not None and second is not None and first >= second:
                continue  # not a range in the usual order: leave it alone
            for g, low, high in ((1, None, second), (2, first, None)):
                new = _other_end(m.group(g), low, high, rng)
                if new is not None:
                    sites.append((m.start(g), m.end(g), new))
    return _replace_one(text, sites, rng)


_WEEKDAYS = "lunes|martes|miércoles|jueves|viernes|sábado|domingo"
_TIME_PHRASES = (
    r"(?:el|este|del)\s+(?:" + _WEEKDAYS + r")(?:\s+\d{1,2}(?:\s+de\s+(?:" + _MONTH_NAMES + r"))?)?",
    r"(?:el|desde el|hasta el|a partir del)\s+\d{1,2}\s+de\s+(?:" + _MONTH_NAMES + r")(?:\s+de\s+\d{4})?",
    r"(?:en|durante|desde|hasta|a partir de)\s+(?:el mes de\s+)?(?:" + _MONTH_NAMES + r")(?:\s+de\s+\d{4})?",
    r"(?:en|durante|desde|hasta|para)\s+(?:el\s+(?:año\s+)?)?" + _YEAR_N,
    r"de aquí a\s+" + _YEAR_N, r"a más tardar\s+(?:el|en)\s+[^,;:.()]{3,40}?(?=[,;:.)]|$)",
    r"(?:la|esta)\s+semana\s+(?:pasada|próxima|que viene)", r"(?:el|este)\s+(?:mes|año)\s+(?:pasado|próximo|que viene)",
    r"(?:el|este)\s+(?:próximo|pasado)\s+(?:mes|año)", r"(?:la|esta)\s+(?:próxima|pasada)\s+semana",
    r"(?:el|este)\s+(?:primer|segundo|tercer|cuarto)\s+trimestre(?:\s+de\s+\d{4})?",
    r"(?:en|durante)\s+(?:el|la)\s+(?:primer|segundo|primera|segunda)\s+(?:semestre|mitad|trimestre)"
    r"(?:\s+de(?:l año)?\s+\d{4})?",
    r"(?:hoy|ayer|anteayer|mañana)", r"(?:en|durante)\s+los\s+últimos\s+\w+\s+(?:años|meses|días)",
)
_PLACE_NOUNS = "estados|regiones|provincias|zonas|municipios|comunidades|países|territorios|ciudades|departamentos"
# A place phrase must end where its noun phrase ends: before a stop, a function word or a
# figure ("en la Unión en virtud de"), not before a word that may still belong to it ("en el
# Estado miembro").
_PHRASE_END = (r"(?=\s*[,;:.)]|\s*$|\s+(?:de|del|y|e|o|u|con|para|por|a|al|en|el|la|los|las|que|sobre|"
               r"durante|desde|hasta|entre|se|no|ya|\d)\b)")
_PLACE_PHRASES = (
    # "en México", "en la Ciudad de México", "en los Estados Unidos", "en Ginebra"
    r"en\s+(?:(?:el|la|los|las)\s+)?[" + _UPPER + r"]" + _W + r"+(?:\s+(?:de\s+|del\s+|(?:y|e)\s+(?:el\s+|la\s+)?)?["
    + _UPPER + r"]" + _W + r"+)*" + _PHRASE_END,
    # "en los estados del norte", "en las zonas rurales", "en las regiones fronterizas del país"
    r"en\s+(?:los|las)\s+(?:" + _PLACE_NOUNS + r")(?:\s+(?!(?:y|e|o|u|que|de|del)\b)" + _W + r"+)?"
    r"(?:\s+(?:de|del|de la|de los|de las)\s+" + _W + r"+)*" + _PHRASE_END,
    # "y el Caribe", "y Centroamérica": the last place of a coordinated pair of places
    r"(?:y|e)\s+(?:el\s+|la\s+)?(?:Caribe|Centroamérica|Sudamérica|Norteamérica|el Pacífico|África|Asia|Europa|"
    r"Oceanía|América Latina|Canadá|México|Estados Unidos|Guatemala|Honduras|El Salvador|Panamá|Colombia)",
)
_DANGLING = re.compile(r"\s+(?:y|e|o|u|ni)\s")
# One pattern each, so that a phrase inside a longer one ("y el Caribe" in "en América Latina y
# el Caribe") is a site of its own; times are matched in any case ("La semana pasada").
_TIME_PLACE = tuple(re.compile(r"(?<!\w)(?:" + p + r")(?!\w)", re.IGNORECASE) for p in _TIME_PHRASES) + tuple(
    re.compile(r"(?<!\w)(?:" + p + r")(?!\w)") for p in _PLACE_PHRASES)


@_same_form
def drop_time_place(text: str, rng: random.Random) -> str | None:
    """"se reunieron en junio en Ginebra" -> "se reunieron en Ginebra"; "la semana pasada, X" -> "X";
    "América Latina y el Caribe" -> "América Latina": a time or a place the English gives goes."""
    spans = {(m.start(), m.end()) for pattern in _TIME_PLACE for m in pattern.finditer(text)}
    # "en junio y julio": dropping "en junio" would leave "y julio" dangling
    sites = [_cut(text, a, b) for a, b in sorted(spans) if not _DANGLING.match(text, b)]
    out = _replace_one(text, sites, rng)
    return None if out is None or len(out.split()) < 3 else out


# --- structure ---------------------------------------------------------------------------

def delete_sentence(src: str, tgt: str, rng: random.Random, donors: Sequence[str]) -> Pair | None:
    """The Spanish side of the bead disappears (an omitted sentence)."""
    return (src, "") if src.strip() and tgt.strip() else None


def add_sentence(src: str, tgt: str, rng: random.Random, donors: Sequence[str]) -> Pair | None:
    """A new bead with no English and a Spanish sentence taken from elsewhere in the corpus."""
    pool = [d for d in donors if d.strip() and d not in tgt]
    return ("", rng.choice(pool)) if pool else None


def on_target(edit: TextEdit) -> Apply:
    """Lift a Spanish-text edit to a pair perturbation."""

    def apply(src: str, tgt: str, rng: random.Random, donors: Sequence[str]) -> Pair | None:
        new = edit(tgt, rng)
        return None if new is None or new == tgt else (src, new)

    return apply


PERTURBATIONS: tuple[Perturbation, ...] = (
    Perturbation("digits", "figure", on_target(change_digits)),
    Perturbation("number_word", "figure", on_target(change_number_word)),
    Perturbation("date", "figure", on_target(change_date)),
    Perturbation("currency", "figure", on_target(change_currency)),
    Perturbation("scale", "figure", on_target(change_scale)),
    Perturbation("obligation", "commitment", on_target(weaken_obligation)),
    Perturbation("negation_insert", "commitment", on_target(insert_negation)),
    Perturbation("negation_drop", "commitment", on_target(drop_negation)),
    Perturbation("condition_drop", "commitment", on_target(drop_condition)),
    Perturbation("party_drop", "commitment", on_target(drop_party)),
    Perturbation("list_item_drop", "omission", on_target(drop_list_item)),
    Perturbation("direction", "figure", on_target(reverse_direction)),
    Perturbation("intention", "commitment", on_target(commitment_to_intention)),
    Perturbation("label", "figure", on_target(renumber_label)),
    Perturbation("range_end", "figure", on_target(change_range_end)),
    Perturbation("time_place_drop", "omission", on_target(drop_time_place)),
    Perturbation("sentence_delete", "omission", delete_sentence),
    Perturbation("sentence_add", "addition", add_sentence),
)

_SENTENCE_BREAK = re.compile(r"(?<=[.;:!?])\s+(?=[¿¡«\"(]?[" + _UPPER + "])")


def sentences(text: str, min_words: int = 4) -> list[str]:
    """Rough sentences of a unit, for the donor pool of `add_sentence` (fragments dropped)."""
    return [s for s in _SENTENCE_BREAK.split(text.strip()) if len(s.split()) >= min_words]
