"""Modal cues (obligation, permission, intention, prohibition) for English and Spanish.

Each cue label stands for a set of *readings*; a cue on one side is matched by a cue on the
other side when their readings intersect. That is how legitimate equivalences stay silent:

* Spanish future of the main verb ("intercambiarán", "establecerá") reads as obligation *and*
  plain future, so it matches both "shall exchange" and "will exchange".
* "debe(n)" reads as obligation *and* advice, because EU Spanish renders the "should" of
  recitals as "debe" while "must" is also "debe".
* Negated modals are their own class, prohibition: "shall not" = "must not" = "no deberá" =
  "no se aplicará" = "no podrá", and "may not" = "cannot" = "no podrá". Legal Spanish renders
  "shall not" as "no podrá(n)" routinely (the GDPR does so), so that is no weakening; a subject
  that bans everyone ("Nadie podrá", the UDHR's "No one shall") is a prohibition too.
* A modal restricted by "only" ("shall be carried out only", "may only be", "solo podrá",
  "únicamente será") states a restriction, which every class can express ("shall not ...
  except" = "solo podrán"), so it matches any obligation, permission or prohibition.

Decision on "será(n)", "estará(n)", "habrá(n)": they are futures and count like any future
(obligation/future). In legal Spanish "será lícito" is the rendering of "shall be lawful", so
treating the copula differently would make "shall be" look unmatched. Because a flag needs an
unmatched cue on *both* sides, a lone "será" opposite a plain English "is" raises nothing.

Spanish conditional: only a list of frequent verbs ("sería", "tendría"...) is read as
possibility/intention; a generic "-ría" rule would catch the many nouns in "-ería"/"-aría"
("secretaría", "tesorería").
"""
from __future__ import annotations

from .cues import Lexicon, lexicon, mined_rules, words

OBLIGATION = "obligation"
PERMISSION = "permission"
INTENTION = "intention"
PROHIBITION = "prohibition"

# label -> (class shown to the user, readings it can have)
READINGS: dict[str, tuple[str, frozenset[str]]] = {
    "obligation": (OBLIGATION, frozenset({"obl"})),
    "future": (OBLIGATION, frozenset({"obl", "fut"})),
    # A Spanish future of a main verb also renders "may" in EU Spanish ("may be provided" =
    # "se facilitará"), and "pondrán en marcha" (will launch) binds no more than "may launch".
    "es-future": (OBLIGATION, frozenset({"obl", "fut", "perm"})),
    "duty": (OBLIGATION, frozenset({"obl", "adv"})),
    "permission": (PERMISSION, frozenset({"perm"})),
    # the forms a translator uses to soften a duty: "podrá(n)", "procurar(á)", "tratar de"
    "may-future": (PERMISSION, frozenset({"perm"})),
    "endeavour": (INTENTION, frozenset({"adv"})),
    # "could"/"podría": possibility, which EU Spanish also renders with "ha de"/"debe" in recitals
    "possibility": (PERMISSION, frozenset({"perm", "adv"})),
    "intention": (INTENTION, frozenset({"adv"})),
    "conditional": (INTENTION, frozenset({"adv", "perm"})),
    "prohibition": (PROHIBITION, frozenset({"proh"})),
    "neg-future": (PROHIBITION, frozenset({"proh", "fut"})),
    "neg-duty": (PROHIBITION, frozenset({"proh", "adv"})),
    # "may not", "cannot": a prohibition that "no podrá" renders exactly
    "neg-may": (PROHIBITION, frozenset({"proh", "negperm"})),
    # "no podrá": the usual legal rendering of "shall not" as well as of "may not"
    "neg-permission": (PROHIBITION, frozenset({"proh", "negperm"})),
    "restriction": (OBLIGATION, frozenset({"obl", "perm", "proh"})),
}

# How much each class binds; used only to word the message (weakened / strengthened).
STRENGTH = {PROHIBITION: 3, OBLIGATION: 3, INTENTION: 2, PERMISSION: 1}

_FUT_END = r"(?:á|án|ás|é|emos|éis)"
# Only a word ending like a future can be one: checked first with one possessive pass over the
# word, so that the backtracking patterns below run on a few words instead of on every word.
_FUT_WORD = r"(?=[a-zñáéíóúü]*+(?:(?<=á)|(?<=án)|(?<=ás)|(?<=é)|(?<=emos)|(?<=éis)))"
# Regular futures keep the infinitive: establecer-án, intercambiar-án, ser-á.
_ES_FUTURE = rf"{_FUT_WORD}[a-zñáéíóúü]+(?:ar|er|ir){_FUT_END}"
# Irregular stems (with prefixed compounds: mantendrá, dispondrán, intervendrá).
_ES_FUTURE_IRREG = rf"{_FUT_WORD}[a-zñ]*(?:tendr|pondr|vendr|saldr|valdr|habr|sabr|querr|cabr){_FUT_END}"
_ES_CLITICS = r"(?:(?:se|le|les|lo|la|los|las|nos|me|te)\s+){0,2}"

_EN_MASKS = (
    # The lexicon sees lower-cased text, so the month "May" is told from the modal by the date
    # around it ("25 May 2018", "May 2018", "May 25, 2018"), not by its capital: "Articles 13
    # and 14 may be provided" keeps its modal.
    words(r"as the case may be", r"May\s+\d{4}", r"May\s+\d{1,2},?\s+\d{4}", r"\d{1,2}\s+May\s+\d{4}",
          r"\d{1,2}\s+May(?=\s*[,.;)]|$)"),
    # "will" as a noun: political will, the will of the people, at will
    words(r"(?:the|political|free|good|own|their|his|her|its|of|at)\s+will"),
)

_EN_MODAL = r"(?:shall|must|may|can|will)"

EN: Lexicon = lexicon(
    [
        (
            "restriction",
            words(rf"{_EN_MODAL}(?:\s+be)?(?:\s*,[^,.;]{{1,80}},)?(?:\s+be)?\s+(?:only|exclusively|solely)",
                  rf"{_EN_MODAL}(?:\s+\w+){{1,3}}?\s+(?:only|exclusively|solely)",
                  rf"only\s+{_EN_MODAL}"),
        ),
        ("neg-duty", words(r"should\s+not", r"shouldn't", r"ought\s+not\s+to")),
        ("neg-future", words(r"will\s+not", r"won't")),
        (
            "neg-may",
            words(r"(?:may|can|could|might)\s+(?:be\s+)?(?:not|neither|no\s+longer|in\s+no\s+case|under\s+no\s+circumstances)",
                  r"may\s*,[^,.;]{1,80},\s*not", r"cannot", r"can't"),
        ),
        (
            "prohibition",
            words(
                r"(?:shall|must)\s+(?:be\s+)?(?:not|neither|no\s+longer|in\s+no\s+case|under\s+no\s+circumstances)",
                r"(?:shall|must)\s*,[^,.;]{1,80},\s*not",
                r"no(?!\s+matter)(?:\s+[a-z-]+){1,4}?\s+(?:shall|must|may)",
                r"(?:shall|must)\s+be\s+prohibited", r"(?:shall|will)\s+cease\s+to",
                r"shan't", r"mustn't",
                r"(?:is|are|be)\s+(?:not\s+permitted|prohibited|forbidden)\s+(?:to|from)",
            ),
        ),
        (
            "obligation",
            words(
                r"shall", r"must",
                r"(?:is|are|be|being)\s+(?:required|obliged|obligated|bound)\s+to",
                r"(?:has|have|had)\s+to(?!\s+do\s+with)",
                r"agree(?:s|d)?\s+(?:to|that|on|upon)",
                r"commit(?:s|ted)?\s+(?:themselves\s+|itself\s+|ourselves\s+)?to",
                r"undertake(?:s)?\s+to",
            ),
        ),
        # "will be able to" = "podrá": an ability, not a duty ("shall be able to" stays a duty:
        # to enable someone)
        ("permission", words(r"(?:will|would|'ll)\s+(?:\w+\s+)?be\s+able\s+to")),
        ("future", words(r"will", r"'ll")),
        (
            "intention",
            words(
                r"should", r"ought\s+to",
                r"intends?\s+to", r"intended\s+to",
                r"seeks?\s+to", r"aims?\s+(?:to|at)",
                r"endeavou?rs?\s+to", r"strives?\s+to", r"tries\s+to", r"try\s+to",
                # "shall strive by teaching" = "deben esforzarse": the effort without its "to"
                r"striv(?:e|es|ing)", r"endeavou?r(?:s|ing)?",
                # "trying to please" = "intentar agradar", "try using" = "intentar con"
                r"trying\s+to", r"try(?:ing)?\s+\w+ing",
            ),
        ),
        ("conditional", words(r"would")),
        ("possibility", words(r"could", r"might")),
        (
            "permission",
            words(
                r"may", r"can",
                r"(?:is|are|be)\s+(?:allowed|permitted|authori[sz]ed)\s+to",
                r"(?:is|are|be)\s+renewable",
            ),
        ),
    ],
    _EN_MASKS,
    rare={"restriction": words(r"only|exclusively|solely")},
)

_ES_MASKS = (words(r"en\s+su\s+caso", r"según\s+(?:el\s+)?caso"),)

_ES_MODAL = rf"(?:podrá|podrán|puede|pueden|pueda|puedan|deberá|deberán|{_ES_FUTURE}|{_ES_FUTURE_IRREG})"
_ONLY_ES = r"(?:s[oó]lo|únicamente|solamente|exclusivamente)"

ES: Lexicon = lexicon(
    [
        (
            "restriction",
            words(rf"{_ONLY_ES}\s+{_ES_CLITICS}{_ES_MODAL}", rf"{_ES_MODAL}\s+(?:\w+\s+){{0,2}}{_ONLY_ES}"),
        ),
        ("neg-duty", words(rf"no\s+{_ES_CLITICS}(?:debe|deben|debería|deberían)")),
        (
            "neg-permission",
            words(rf"(?:no|ni|tampoco)\s+{_ES_CLITICS}(?:podrá|podrán|puede|pueden|pueda|puedan|pudiera|pudieran|"
                  r"podría|podrían)", r"(?:podrá|podrán|puede|pueden|podría|podrían)\s+no", r"no\s+es\s+posible"),
        ),
        (
            "prohibition",
            words(
                rf"(?:no|ni|tampoco)\s+{_ES_CLITICS}(?:deberá|deberán)",
                # "Nadie podrá ser detenido" = "No one shall be subjected to arrest": a ban on
                # everyone, whatever the verb (the UDHR's own Spanish)
                rf"(?:nadie|ningun[oa]|ningún\s+[a-záéíóúñ]+|ninguna\s+[a-záéíóúñ]+)\s+{_ES_CLITICS}"
                rf"(?:podrá|podrán|deberá|deberán|{_ES_FUTURE}|{_ES_FUTURE_IRREG})",
                r"dejará(?:n)?\s+de",
                r"(?:está|están|queda|quedan)\s+prohibid[oa]s?",
                r"se\s+prohíbe", r"se\s+prohíben",
            ),
        ),
        ("neg-future", words(rf"no\s+{_ES_CLITICS}(?:{_ES_FUTURE}|{_ES_FUTURE_IRREG})")),
        (
            "endeavour",
            words(r"procurar(?:á|án|é|emos)?", r"buscará", r"buscarán", r"(?:se\s+)?esforzar(?:se|á|án)?(?:\s+por)?",
                  r"tratar(?:á|án|é|emos)?\s+de", r"intentar(?:á|án|é|emos)?"),
        ),
        (
            "intention",
            words(
                r"debería", r"deberían",
                r"tienen?\s+previsto", r"tienen?\s+(?:la\s+)?intención\s+de",
                r"pretenden?", r"procuran?", r"se\s+esfuerzan?", r"aspiran?\s+a", r"se\s+proponen?",
            ),
        ),
        (
            "obligation",
            words(
                r"deberá", r"deberán",
                r"tienen?\s+que", r"habrán?\s+de", r"habrá\s+que",
                r"(?:está|están|estará|estarán|queda|quedan|quedará|quedarán)\s+obligad[oa]s?\s+a",
                r"se\s+comprometen?\s+a", r"se\s+comprometerán\s+a", r"se\s+comprometen",
                r"se\s+obligan?\s+a", r"acuerdan?", r"convienen\s+en", r"es\s+obligatori[oa]",
            ),
        ),
        # "ha(n) de" is as open as "debe": "must" in articles, "should" in recitals.
        ("duty", words(r"debe", r"deben", r"debes", r"debemos", r"debo", r"han?\s+de")),
        # "which may be impossible" = "lo que quizás sea imposible"
        ("possibility", words(r"podría", r"podrían", r"quizás?", r"tal\s+vez", r"acaso")),
        ("may-future", words(r"podrá", r"podrán")),
        (
            "permission",
            words(
                r"puede", r"pueden", r"pueda", r"puedan",
                r"pudiera", r"pudieran",
                r"(?:está|están)\s+autorizad[oa]s?\s+a", r"se\s+permite", r"es\s+posible",
            ),
        ),
        (
            "conditional",
            words(r"sería", r"serían", r"habría", r"habrían", r"tendría", r"tendrían",
                  r"haría", r"harían", r"estaría", r"estarían"),
        ),
        ("es-future", words(_ES_FUTURE, _ES_FUTURE_IRREG)),
        # renderings mined from aligned units ("aims to" = "tenga por objeto"), after the hand
        # rules so that at the same start a hand rule wins
        *mined_rules("modality", "es", ("intention", "obligation")),
    ],
    _ES_MASKS,
    rare={"restriction": words(_ONLY_ES)},
)

LEXICONS: dict[str, Lexicon] = {"en": EN, "es": ES}


def class_of(label: str) -> str:
    return READINGS[label][0]


def readings(label: str) -> frozenset[str]:
    return READINGS[label][1]

