"""Condition cues (if, unless, subject to ... / si, salvo que, con sujeción a ...).

Like negation, two strengths. *Strong* cues are unambiguous conditions. *Weak* cues may or may
not introduce one: "where"/"when" (the EU's "Where processing is based on consent" is
"Cuando el tratamiento se base en el consentimiento"), "whether" vs the Spanish "si" of
"determinar si", "only"/"solo". A strong condition is reported dropped only when the other side
has no condition-like cue at all.
"""
from __future__ import annotations

from .cues import Lexicon, lexicon, words

STRONG = "strong"
WEAK = "weak"

EN: Lexicon = lexicon(
    [
        # "subject to" heads a condition only at the start of a clause (", subject to Article 6");
        # "be subject to fines", "processors subject to this Regulation" state facts.
        ("strong", words(r"(?:(?<=^)|(?<=[,;:(])|(?<=[,;:(]\s)|(?<=\band\s)|(?<=\bor\s))subject\s+to")),
        (
            "strong",
            words(r"if", r"unless", r"provided\s+that", r"providing\s+that",
                  r"in\s+the\s+event\s+(?:that|of)", r"where\s+applicable", r"where\s+appropriate",
                  r"as\s+(?:\w+ly\s+)?appropriate", r"where\s+necessary", r"as\s+the\s+case\s+may\s+be",
                  r"on\s+condition\s+that", r"as\s+long\s+as", r"in\s+case\s+(?:of|that)?", r"in\s+cases?\s+where"),
        ),
        (
            "weak",
            words(r"where", r"when", r"whenever", r"whether", r"insofar", r"as\s+far\s+as", r"in\s+so\s+far",
                  r"to\s+the\s+extent", r"except", r"save", r"only", r"depending", r"subject\s+to",
                  r"in\s+the\s+cases?\s+(?:of|referred)"),
        ),
    ],
    (words(r"as\s+if", r"even\s+if", r"data\s+subjects?"),),
)

ES: Lexicon = lexicon(
    [
        # "si" after a verb of checking or "de/sobre" is "whether", not "if".
        (
            "weak",
            words(r"(?:determinar|evaluar|comprobar|examinar|saber|decidir|verificar|indicar|valorar|"
                  r"considerar|de|sobre|acerca\s+de|a\s+saber)\s+si"),
        ),
        (
            "strong",
            words(r"si", r"salvo\s+que", r"salvo\s+si", r"a\s+menos\s+que", r"siempre\s+que",
                  r"siempre\s+y\s+cuando", r"con\s+sujeción\s+al?", r"a\s+reserva\s+del?",
                  r"en\s+(?:el\s+)?caso\s+(?:de\s+que|necesario|contrario)",
                  r"(?<!\bha\s)(?<!\bhan\s)(?<!\bhay\s)de\s+(?:no\s+)?(?:ser|haber|existir|estar)", r"en\s+(?:los\s+)?casos\s+en\s+que",
                  r"cuando\s+proceda", r"según\s+proceda", r"si\s+procede", r"en\s+su\s+caso",
                  r"según\s+(?:el\s+)?caso", r"cuando\s+sea\s+necesario", r"de\s+ser\s+necesario",
                  r"a\s+condición\s+de(?:\s+que)?", r"según\s+corresponda", r"cuando\s+corresponda"),
        ),
        (
            "weak",
            words(r"cuando", r"en\s+la\s+medida(?:\s+en\s+que)?", r"en\s+(?:el\s+)?caso\s+de", r"mientras",
                  r"durante\s+el\s+tiempo", r"excepto", r"salvo", r"s[oó]lo",
                  r"solamente", r"únicamente", r"en\s+función\s+de", r"sujet[oa]s?\s+al?", r"supeditad\w*", r"sin\s+perjuicio",
                  r"somet\w+\s+a", r"condicionad\w*"),
        ),
    ],
    (words(r"como\s+si", r"incluso\s+si", r"aun\s+si"),),
)

LEXICONS: dict[str, Lexicon] = {"en": EN, "es": ES}
