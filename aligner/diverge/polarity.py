"""Negation cues for English and Spanish.

Two strengths. A *strong* cue negates a clause ("not", "never", "no" + verb, "sin"). A *weak*
cue carries negative meaning without being a clause negation: privative prefixes
("non-governmental", "unauthorised", "no autorizado", "la no discriminación") and exceptive
words ("unless", "salvo"). A strong cue on one side is accepted as translated when the other side
has any cue, strong or weak, because translators move freely between "not authorised",
"unauthorised" and "no autorizado". Only a side with no negative material at all opposite a
strong negation is flagged.

Fixed expressions with no negative meaning are masked first: "no later than" (= "a más
tardar"), "not only ... but also" (= "no solo ... sino"), "without prejudice to" (= "sin
perjuicio de", both read as weak negations so that "shall not affect" may become "se entenderá
sin perjuicio de"), "sin embargo", "no obstante", "No. 5", "whether or not" (= "si ... o no") and
quantity bounds ("no more than", "no menos de"), which belong to the figures check.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .cues import Cue, Lexicon, lexicon, mined_phrases, words

STRONG = "strong"
WEAK = "weak"

EN: Lexicon = lexicon(
    [
        ("weak", words(r"non[-‐‑–]?\w+", r"un(?!der|til|it|ion|iv|iqu|ifo|anim|less|cle|ce\b)\w{3,}",
                       r"unless", r"except", r"save\s+(?:where|when|for|as|that)", r"lack(?:s|ing)?",
                       r"absence", r"failure", r"without\s+prejudice\s+to", r"refus\w*", r"prevent\w*", r"prohibit\w*", r"only",
                       r"avoid\w*", r"missing", r"ban(?:s|ned|ning)?", r"forbid\w*",
                       r"infring\w*", r"breach\w*", r"violat\w*", r"contraven\w*", r"other\s+than", r"rather\s+than", r"instead\s+of", r"outside", r"ceas\w+",
                       # implicit negatives a translator may render with "no": "poorly maintained"
                       # = "no recibe buen mantenimiento", "lost control" = "no logró mantener"
                       r"poorly", r"los(?:e|es|t|ing)", r"hardly", r"barely", r"ever",
                       # "regardless of" = "sin importar", "sin tener en cuenta": a "sin" + infinitive
                       r"regardless\s+of", r"irrespective\s+of", r"no\s+matter",
                       # litotes a translator resolves with "no" + the opposite: "hard" = "no es
                       # fácil", "remember" = "no olvide", "rarely" = "casi nunca", "absent" = "no hay"
                       r"rarely", r"seldom", r"hard", r"difficult\w*", r"absent", r"needless\w*",
                       r"remember\w*", r"forg[eo]t\w*", r"fail(?:s|ed|ing)?",
                       r"dislik\w+", r"disagre\w+", r"disapprov\w+", r"too\s+\w+\s+to",
                       r"(?:in|im|il|ir)(?:capable|sufficient\w*|compatible|valid|accurate|adequate\w*|"
                       r"appropriate|possible|legal|legitimate|relevant|regular|complete|correct\w*)")),
        # "free of X, Y or Z" = "sin X, Y ni Z" = "libre de X, Y ni Z"
        # "lest they see" = "para que no vean"; "nay" = "no"; "brought to nought" = "reducidos á nada"
        ("strong", words(r"free\s+(?:of|from)", r"not", r"\w+n't", r"never", r"no", r"none", r"nor", r"neither",
                         r"lest", r"nay", r"n[ao]ught",
                         r"without", r"cannot", r"nobody", r"nothing", r"nowhere",
                         r"fail(?:s|ed)?\s+to")),
    ],
    (
        # a tag question asks, it does not negate: "It's hot, isn't it?" = "Hace calor, ¿verdad?"
        words(r"(?<=,\s)\w+n't\s+(?:it|you|he|she|they|we|i|there)(?=\s*\?)"),
        # the adverb "without" (= outside): "standing without", "set him without the city"
        words(r"within\s+and\s+without", r"without(?=\s*[,.;:!?)]|\s*$|\s+before\b)",
              r"without\s+the\s+(?:city|camp|gate|gates|door|doors|house|walls?)"),
        # litotes on both sides: "ceaseth not to speak" = "no cesa de hablar"; "no doubt" = "ciertamente"
        words(r"ceas\w*\s+not", r"not\s+ceas\w*", r"no\s+doubt"),
        words(r"no(?:t)?\s+later\s+than", r"not\s+(?:only|just|merely|simply|alone)", r"free\s+of\s+charge", r"(?:does\s+|do\s+|should\s+|shall\s+)?not\s+(?:exceed\w*|below|above)",
              r"or\s+not", r"no(?:t)?\s+(?:more|less|fewer|greater|higher|lower)\s+than",
              r"not\s+exceeding", r"No\.?\s*\d+", r"nos?\.\s*\d+"),
    ),
)

# "no" before a participle, a relational adjective or an abstract noun is a privative prefix:
# "no autorizado", "no gubernamental", "la no discriminación". Finite verbs never end this way.
_ES_PRIVATIVE = (
    r"no\s+[a-záéíóúñü]+(?:ad[oa]s?|id[oa]s?|al|ales|ble|bles|iv[oa]s?|ic[oa]s?|ción|ciones|sión|siones|"
    r"encia|encias|ente|entes)"
)
# "sin" before a bare noun makes an adjective phrase ("sin riesgos" = safely, "sin litoral" =
# landlocked); before an infinitive or a determiner it negates an action or a thing.
_ES_SIN_STRONG = r"sin\s+(?:[a-záéíóúñ]+(?:ar|er|ir)(?:se|lo|la|los|las|le|les)?|el|la|los|las|un|una|su|sus|que|ningún|ninguna|previ[oa])"

ES: Lexicon = lexicon(
    [
        ("strong", words(_ES_SIN_STRONG)),
        ("weak", words(_ES_PRIVATIVE, r"salvo", r"excepto", r"a\s+menos\s+que", r"falta", r"ausencia",
                       r"incumpl\w+", r"imped\w+", r"prohib\w+", r"prohíb\w+", r"solo", r"sólo",
                       r"solamente", r"únicamente", r"dej\w+\s+de", r"a\s+no\s+ser\s+que", r"sin\s+perjuicio\s+del?", r"sin", r"distint[oa]s?\s+de",
                       r"carec\w+", r"exent[oa]s?", r"infr\w+", r"vulner\w+", r"viol\w+",
                       # implicit negatives that render an English "not": "not injured" = "ileso",
                       # "no one knows" = "se desconoce", "cannot be purchased" = "la imposibilidad"
                       r"desconoc\w+", r"ilesos?", r"ilesas?", r"imposib\w+", r"incapa\w+",
                       r"insuficien\w+", r"inexist\w+", r"a\s+diferencia\s+de", r"apenas",
                       r"evit\w+", r"rechaz\w+", r"únic[oa]s?",
                       # "libre de X" renders "free of X"; "casi nunca" renders "rarely"
                       r"libres?\s+del?", r"ajen[oa]s?", r"casi\s+nunca",
                       # the other side of the litotes: "not easy" = "difícil", "don't forget" =
                       # "recuerde", "has not survived" = "se ha perdido", "need not" = "innecesario"
                       r"difícil\w*", r"dificil\w*", r"recuerd\w+", r"record\w+", r"perd\w+", r"pierd\w+",
                       r"innecesari\w+", r"confus\w+",
                       # "is but an image" = "no es más que una imagen": "no ... más que" restricts
                       r"no\s+(?:[a-záéíóúñ]+\s+)?(?:es|son|era|eran|fue|hace|hacen|hay|tiene|tienen)\s+más\s+(?:que|de)",
                       r"no\s+(?:es|son|era|eran|fue|hace|hacen|hay|tiene|tienen)\s+más\s+(?:que|de)",
                       # "(not froth)" = "(en lugar de espuma)"
                       r"en\s+lugar\s+del?", r"en\s+vez\s+del?",
                       # "so general that a diagnosis cannot be made" = "demasiado habituales como
                       # para poder dar un diagnóstico"
                       r"demasiado\s+(?:[a-záéíóúñ]+\s+){1,3}?(?:como\s+)?para")),
        ("strong", words(r"ni\s+siquiera", r"en\s+modo\s+alguno", r"en\s+absoluto", r"de\s+ningún\s+modo", r"no", r"nunca", r"jamás", r"tampoco", r"ningun[oa]s?", r"ningún", r"nadie",
                         r"nada", r"ni")),
    ],
    (
        # "sin importar", "con independencia de" (and what the data show renders "regardless
        # of") say "regardless", no negation
        words(r"sin\s+importar", r"con\s+independencia\s+del?", *mined_phrases("negation", "es", ("regardless",))),
        words(r"a\s+más\s+tardar", r"no\s+s[oó]lo", r"no\s+solamente", r"no\s+únicamente",
              # a negation over "only" is "not only": "no se habla sólo en España"
              r"no\s+(?:se\s+)?[a-záéíóúñ]+\s+(?:s[oó]lo|solamente|únicamente)",
              # "de no después del siglo XVII" = "at least", like "no later than"; "no hay duda" =
              # "certainly"; "a salvo" = "safe"
              r"no\s+(?:después|antes)\s+del?", r"no\s+(?:hay|cabe)\s+duda", r"a\s+salvo",
              # "si ... o no" (whether or not), "la existencia o no de", but not "... o no siga" (or
              # does not follow)
              r"sin\s+embargo", r"no\s+obstante", r"o\s+no(?=\s*[,.;:)]|\s*$|\s+del?\s)",
              r"si\s+[^,;:.]{1,80}?\s+o\s+no",
              # "mientras no se pruebe" = "until proved"
              r"mientras\s+no", r"hasta\s+que\s+no",
              r"no\s+(?:más|menos)\s+(?:de|que)", r"no\s+(?:(?:es|son|sea|sean|será|serán|podrá|podrán|puede|pueden)\s+)?(?:ser\s+)?(?:superior|inferior)(?:es)?\s+a",
              r"n\.[oº°]\s*\d+", r"no\.\s*\d+",
              # litotes: "no deja de crecer" = "keeps growing"
              r"no\s+(?:deja|dejan|dejó|dejaron|dejará|dejarán|cesa|cesan)\s+de"),
    ),
)

LEXICONS: dict[str, Lexicon] = {"en": EN, "es": ES}

# Words that repeat a negation already made in their clause rather than adding one: Spanish
# negative concord ("no ... ninguna", "no ... ni") and English "nor" after "not"/"neither".
_CONCORD = frozenset({"nor", "neither", "none", "nothing", "nobody", "nowhere", "never",
                      "ni", "ningún", "ninguno", "ninguna", "ningunos", "ningunas", "nada", "nadie",
                      "nunca", "jamás", "tampoco", "en modo alguno", "en absoluto", "de ningún modo"})
# "ni"/"nor" always continue a negation made earlier in the sentence, across commas too
# ("no debe aplicarse a X, ni a Y" = "should not apply to X, and Y").
# An English "neither" after a negation, with no "nor" of its own, continues it like "nor"
# ("thou wilt not leave my soul, neither wilt thou suffer" = "no dejarás ..., ni darás").
_LIST_CONCORD = frozenset({"ni", "nor", "ni siquiera", "neither"})
_CLAUSE_BREAK = frozenset(",;:.()")
_NOR = re.compile(r"(?<!\w)nor(?!\w)", re.IGNORECASE)
# "ni" heading a modal negates a clause: "ni puedan modificarse" = "and cannot be changed"
_NI_MODAL = re.compile(r"\s+(?:se\s+)?(?:pued|podr|deb)\w*", re.IGNORECASE)
_QUANTIFIERS = frozenset({"ningún", "ninguno", "ninguna", "ningunos", "ningunas", "nadie", "nada", "nunca", "jamás",
                          "none", "nothing", "nobody", "never"})
_COORDINATED = re.compile(r"\s(?:y|e|o|u|and|or|but|pero)\s+$")
# Privative families whose negation a later "ni"/"nor" continues.
_LIST_OPENERS = frozenset({"sin", "free", "lack"})
# A Spanish negation repeated over a short coordinated list ("que no están empleados y no
# cursan estudios") renders one English negated list ("not in employment or education").
# English keeps both ("do not permit or no longer permit" = "no permita, o que ya no").
# After a comma the "no" may open a clause of its own ("si no se cumple, no se aplicará").
_REPEAT_GAP = re.compile(r"(?:[^\W\d]+\s+){0,3}[^\W\d]+\s+(?:y|e|o|u)\s+")


# Privative words that translate each other, so that one on each side cancels out instead of
# excusing a negation missing elsewhere ("prevent ... not" = "evitar ... [no dropped]").
_FAMILIES = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
    ("avoid", r"avoid|prevent|evit|imped"),
    ("prohibit", r"prohib|prohíb|ban|forbid"),
    ("breach", r"infring|breach|violat|contraven|infr|vulner|viol|incumpl"),
    ("only", r"only|s[oó]lo|solamente|únic"),
    ("except", r"unless|except|save|other|rather|instead|salvo|excepto|a\s+menos|a\s+no\s+ser|distint|"
               r"en\s+lugar|en\s+vez"),
    ("lack", r"lack|absence|missing|failure|falta|ausencia|carec"),
    ("free", r"free|libre|exent|ajen"),
    ("regardless", r"regardless|irrespective|no\s+matter"),
    ("sin", r"sin$"),
    ("impossible", r"impossib|imposib|incapa|insufficien|insuficien|inexist"),
)]


def family(cue_text: str) -> str:
    """The family of a privative word across languages, or the word itself when it has none."""
    word = " ".join(cue_text.lower().split())
    return next((name for name, rx in _FAMILIES if rx.match(word)), word)


def clause_negations(text: str, cues: list[Cue]) -> int:
    """Strong negations among `cues` (found in `text`) counted once per negated clause element:
    a concord word after another strong cue of the same clause adds nothing ("no ... ninguna
    decisión" = "no decision"), nor does "ni"/"nor" anywhere after one, nor a "no" that repeats
    the negation of the list item before it; any other "no"/"not" counts ("que no están
    empleados, aunque no cursan ...")."""
    text = unicodedata.normalize("NFC", text)  # the form cue offsets refer to
    count, last_end, negated_before = 0, None, False
    for cue in cues:
        word = " ".join(cue.text.lower().split())
        if cue.label != STRONG:
            # "sin X, Y ni Z", "libre de X ni Y": the "ni" carries on a privative's negation
            negated_before = negated_before or family(word) in _LIST_OPENERS
            continue
        gap = text[last_end:cue.start] if last_end is not None else ""
        same_clause = last_end is not None and not _CLAUSE_BREAK & set(gap)
        repeated = last_end is not None and word == "no" and bool(_REPEAT_GAP.fullmatch(gap.lstrip()))
        # "no tenían maíz ... y ningún romano": a negative word heading a coordinated clause
        same_clause = same_clause and not (word in _QUANTIFIERS and _COORDINATED.search(gap))
        end = cue.start + len(cue.text)
        continues = ((last_end is not None or negated_before) and word in _LIST_CONCORD
                     and not _NI_MODAL.match(text, end)
                     # "and shall neither seek nor take" opens a negation of its own
                     and not (word == "neither" and _NOR.search(text, end)))
        if not ((same_clause and word in _CONCORD) or continues or repeated):
            count += 1
        last_end = cue.start + len(cue.text)
    return count


# Privatives that render a "free of" of the other side.
_PRIVATIVE_RENDERINGS = ("free", "sin", "lack")


def pair_privatives(cues: list[Cue], count: int, other_weak: Counter[str]) -> tuple[int, Counter[str]]:
    """Take each strong "free of"/"free from" of `cues` out of `count` together with one
    privative of the other side (`other_weak`, by family) that renders it."""
    other = Counter(other_weak)
    for cue in cues:
        if cue.label == STRONG and family(cue.text) == "free":
            partner = next((f for f in _PRIVATIVE_RENDERINGS if other[f] > 0), None)
            if partner is not None and count > 0:
                other[partner] -= 1
                count -= 1
    return count, +other


# A spare privative of these families excuses only a strong cue of the other side that matches:
# "regardless of" = "sin tener en cuenta" excuses the "sin", not a "no" elsewhere.
_NARROW_EXCUSES = {"regardless": re.compile(r"sin\b", re.IGNORECASE)}


def spare(weak: Counter[str], other_cues: list[Cue]) -> int:
    """How many missing strong negations of the other side the privatives `weak` excuse."""
    total = 0
    for fam, n in weak.items():
        narrow = _NARROW_EXCUSES.get(fam)
        if narrow is None:
            total += n
        else:
            total += min(n, sum(1 for c in other_cues if c.label == STRONG and narrow.match(c.text)))
    return total
