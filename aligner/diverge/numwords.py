"""Numbers written in words (EN/ES): cardinals, ordinals, scale words and vague amounts.

Cardinal word runs are valued by text2num (it knows "veinticinco", "one hundred and five",
"dos mil"); it does not know the scale words above a million in the long scale (billón),
"millardo", "veintiún", "a dozen", ordinal words without context, or vague amounts
("decenas", "hundreds of"), so those tables are kept here.
"""
from __future__ import annotations

import re

from text_to_num import text2num

def alternation(words: list[str]) -> str:
    """A regex matching any of `words`, as a trie so that the first letters pick the branch
    (a flat alternation of a hundred words is tried branch by branch at every position)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + emit(trie) + ")"


_EN_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand"
).split()
_ES_UNITS = (
    "cero uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis dieciseis diecisiete dieciocho diecinueve veinte veintiuno veintiuna veintiún "
    "veintidós veintidos veintitrés veintitres veinticuatro veinticinco veintiséis veintiseis "
    "veintisiete veintiocho veintinueve treinta cuarenta cincuenta sesenta setenta ochenta "
    "noventa cien ciento doscientos doscientas trescientos trescientas cuatrocientos "
    "cuatrocientas quinientos quinientas seiscientos seiscientas setecientos setecientas "
    "ochocientos ochocientas novecientos novecientas mil"
).split()
# "un" counts only before a scale word ("un millón"); as an article it is no number.
_WORD = {"en": _EN_UNITS, "es": _ES_UNITS}
_JOIN = {"en": r"(?:\s+and\s+|[\s\-]+)", "es": r"(?:\s+y\s+|\s+)"}


def _run_re(lang: str) -> re.Pattern[str]:
    one = alternation(_WORD[lang])
    if lang == "en":
        one = one + r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    return re.compile(rf"\b{one}(?:{_JOIN[lang]}{one})*\b", re.IGNORECASE)


WORD_RUN_RE = {lang: _run_re(lang) for lang in _WORD}
_FIXES = {"veintiún": "veintiuno", "veintidos": "veintidós", "veintitres": "veintitrés",
          "veintiseis": "veintiséis", "dieciseis": "dieciséis"}


def _value(words: list[str], lang: str) -> float | None:
    text = " ".join(_FIXES.get(w.lower(), w.lower()) for w in words)
    try:
        return float(text2num(text, lang))
    except ValueError:
        return None


def split_word_run(run: str, lang: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of each number inside a run of number words, longest first.

    "dos y tres" is two numbers, "cuarenta y dos" one: text2num decides which prefix parses.
    """
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", run)]
    found: list[tuple[int, int, float]] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):
            value = _value([t[2] for t in tokens[i:j]], lang)
            if value is not None:
                found.append((tokens[i][0], tokens[j - 1][1], value))
                i = j
                break
        else:
            i += 1
    return found


_EN_ORD = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_EN_TENS_ORD = {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
                "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
_ES_ORD_STEMS = (
    "primer segund tercer cuart quint sext séptim octav noven décim undécim duodécim decimotercer "
    "decimocuart decimoquint decimosext decimoséptim decimoctav decimonoven"
).split()
_ES_TENS_ORD = {"vigésim": 20, "trigésim": 30, "cuadragésim": 40, "quincuagésim": 50,
                "sexagésim": 60, "septuagésim": 70, "octogésim": 80, "nonagésim": 90,
                "centésim": 100, "milésim": 1000}


def _ordinal_table() -> dict[str, dict[str, int]]:
    en = {w: i + 1 for i, w in enumerate(_EN_ORD)} | dict(_EN_TENS_ORD)
    for tens, tv in _EN_TENS.items():
        for unit, uv in zip(_EN_ORD[:9], range(1, 10)):
            en[f"{tens}-{unit}"] = tv + uv
    es: dict[str, int] = {}
    stems = {s: i + 1 for i, s in enumerate(_ES_ORD_STEMS)} | _ES_TENS_ORD
    for stem, value in stems.items():
        for ending in ("o", "a", "os", "as"):
            es[stem + ending] = value
    # Compound ordinals agree in gender: "vigésimo cuarto", "vigésima primera".
    for tens, tv in _ES_TENS_ORD.items():
        for unit, uv in list(stems.items())[:9]:
            for ending in ("o", "a"):
                es[f"{tens}{ending} {unit}{ending}"] = tv + uv
    es["primer"], es["tercer"] = 1, 3
    es["undécimo"] = es["decimoprimero"] = 11
    es["duodécimo"] = es["decimosegundo"] = 12
    return {"en": en, "es": es}


ORDINAL_WORDS = _ordinal_table()
ORDINAL_WORD_RE = {
    lang: re.compile(r"\b" + alternation(list(t)) + r"\b", re.IGNORECASE)
    for lang, t in ORDINAL_WORDS.items()
}
# 2nd, 21st / 2.º, 2.ª, 2º, 2°, 1er, 3er
ORDINAL_DIGIT_RE = {
    "en": re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE),
    "es": re.compile(r"(?<![\w.,])(\d+)(?:\.?[ºª°](?!\s?[CF]\b)|\.?(?:er|era)\b)"),
}

# Multipliers after a number ("25.1 billion", "25,1 mil millones"); a lone singular scale
# word after "a"/"un"/"per"/"por" is itself the number ("per million" = 1e6).
SCALE_RE = {
    "en": re.compile(r"[\s\u00a0]*(?:(thousand|million|billion|trillion)s?\b|(bn|mn|m)\b)", re.IGNORECASE),
    "es": re.compile(
        r"[\s\u00a0]*(?:(mil\s+millones|millardos?|millones|millón|millon|billones|billón|mil)\b)",
        re.IGNORECASE,
    ),
}
SCALE_VALUES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6,
    "m": 1e6, "mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "millardo": 1e9,
    "millardos": 1e9, "billón": 1e12, "billones": 1e12,
}
# Abbreviations that carry both scale and currency (Mexican press usage).
SCALE_CURRENCY_RE = re.compile(r"[\s\u00a0]*(mmdd|mdd|mmdp|mdp)\b", re.IGNORECASE)
SCALE_CURRENCY = {"mdd": (1e6, "USD"), "mmdd": (1e9, "USD"), "mdp": (1e6, "MXN"), "mmdp": (1e9, "MXN")}


def scale_value(word: str) -> float:
    key = re.sub(r"\s+", " ", word.lower())
    if key == "mil millones":
        return 1e9
    return SCALE_VALUES.get(key, SCALE_VALUES.get(key.rstrip("s"), 1.0))


# Counted words that are numbers by themselves.
DOZEN_RE = {
    "en": re.compile(r"\b(?:a|one)\s+dozen\b(?!s)", re.IGNORECASE),
    "es": re.compile(r"\buna\s+docena\b", re.IGNORECASE),
}
LONE_SCALE_RE = {
    "en": re.compile(r"\b(?:a|per|one)\s+(hundred|thousand|million|billion|trillion)\b(?!s)", re.IGNORECASE),
    "es": re.compile(r"\b(?:un|por|cada)\s+(millón|millon|billón|millardo)\b", re.IGNORECASE),
}
# Vague amounts: value is the order of magnitude they name ("dozens" and "decenas" alike).
APPROX_RE = {
    "en": re.compile(
        r"\b(tens|dozens|hundreds|thousands|millions|billions|trillions)(?:\s+of\s+(thousands|millions|billions))?"
        r"\s+of\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(decenas|docenas|cientos|centenares|miles|millones|millares)(?:\s+de\s+(miles|millones))?\s+de\b",
        re.IGNORECASE,
    ),
}
APPROX_VALUES = {
    "tens": 10, "dozens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "trillions": 1e12, "decenas": 10, "docenas": 10, "cientos": 100, "centenares": 100,
    "miles": 1e3, "millares": 1e3, "millones": 1e6,
}
# Multiplicative changes and fractions, valued as factors.
FACTOR_RE = {
    "en": re.compile(
        r"\b(?:(doubl(?:e|ed|es|ing))|(tripl(?:e|ed|es|ing))|(quadrupl(?:e|ed|es|ing))"
        r"|(halv(?:e|ed|es|ing)|half|one-half))\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(?:(duplic\w*|dobl(?:e|es|ó|ar|a|an|aron))|(triplic\w*|triple)|(cuadruplic\w*)|(mitad))\b",
        re.IGNORECASE,
    ),
}
FACTOR_VALUES = (2.0, 3.0, 4.0, 0.5)

# How often: "twice a year" = "dos veces al año". "once" and "una vez" count only before a
# period ("once a year", "una vez al año"); elsewhere they are conjunctions ("once adopted",
# "una vez que").
FREQUENCY_RE = {
    "en": re.compile(r"\b(?:(once)(?=\s+(?:a|an|per|every|each)\s)|(twice)|(thrice))\b", re.IGNORECASE),
    "es": re.compile(r"\b(?:(una\s+vez)(?=\s+(?:al|a\s+la|por|cada)\s)|(dos\s+veces)|(tres\s+veces))\b",
                     re.IGNORECASE),
}

FRACTION_RE = {
    "en": re.compile(r"\b(?:(a|one)|(two)|(three))[\s\-]+(third|thirds|quarter|quarters|fifth|fifths)\b", re.IGNORECASE),
    "es": re.compile(
        r"\b(?:(un|una)|(dos)|(tres))\s+(tercio|tercios|cuarto|cuartos|quinto|quintos"
        r"|tercera\s+parte|terceras\s+partes|cuarta\s+parte|cuartas\s+partes|quinta\s+parte|quintas\s+partes)\b",
        re.IGNORECASE,
    ),
}
_DENOMINATORS = {"third": 3, "tercio": 3, "tercera": 3, "quarter": 4, "cuarto": 4, "cuarta": 4,
                 "fifth": 5, "quinto": 5, "quinta": 5}


def fraction_value(match: re.Match[str]) -> float:
    numerator = next(i + 1 for i, g in enumerate(match.groups()[:3]) if g)
    head = match.group(4).split()[0].lower()
    singular = head[:-1] if head.endswith("s") and head[:-1] in _DENOMINATORS else head
    return numerator / _DENOMINATORS[singular]


# Ordinal words that are part of a fixed term, not a count: "third country" = "tercer país",
# "third parties" = "terceros"; Spanish plural ordinals ("los primeros") are nouns or adjectives.
_ES_PLURAL_ORDINALS = sorted((w for w in ORDINAL_WORDS["es"] if w.endswith(("os", "as"))), key=len, reverse=True)
TERM_RE = {
    # "the second half of 2023" is a semester ("segundo semestre"), not a factor of 0.5
    "en": re.compile(r"\bthird[\s\-]+(?:countr(?:y|ies)|part(?:y|ies))\b|(?:(?<=first\s)|(?<=second\s))half\b",
                     re.IGNORECASE),
    "es": re.compile(
        r"\btercer(?:o|a)?s?\s+(?:o\s+(?:los\s+)?terceros\s+)?(?:país|países|parte|partes|Estados?)\b"
        r"|\bpaís(?:es)?\s+tercer[oa]s?\b|\b(?:un|el|del|al|ningún|cualquier|otro)\s+tercero\b"
        r"|\b(?:primer|segundo)\s+ciclo\b|\b" + alternation(_ES_PLURAL_ORDINALS) + r"\b",
        re.IGNORECASE,
    ),
}


_ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral, either case ("XIV" = 14)."""
    values = [_ROMAN_DIGITS[c] for c in numeral.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
