"""Condition cues (if, unless, subject to, to the extent that ... / si, salvo que, con sujeción a,
en la medida en que ...), labelled by what they restrict.

Each label stands for a set of *readings*; a cue on one side is matched one-to-one by a cue
on the other side when their readings intersect (see commitments.py). Legitimate variation
stays silent because the readings overlap where translators move between forms: "where" reads
as a plain condition *and* as a place ("the country where" = "el país en el que"), "provided
that" as a plain condition or a proviso ("siempre que"/"cuando"), "to the extent that" as a
plain condition or an extent ("en la medida en que"/"cuando").

*Specific* labels (proviso, exception, extent, reservation, prejudice, appropriate) are
unambiguous: one left unmatched means a condition dropped or added. Plain conditions ("if",
"when", "si", "cuando") are too often rephrased ("in order to determine whether" = "para
determinar si") to be reported on their own; they only absorb the other side's leftovers.
"""
from __future__ import annotations

from .cues import Lexicon, lexicon, mined_rules, words

# label -> readings
READINGS: dict[str, frozenset[str]] = {
    "if": frozenset({"if"}),
    "when": frozenset({"if", "time"}),
    "where": frozenset({"if", "place"}),
    "proviso": frozenset({"if", "proviso", "time"}),
    "subject": frozenset({"subject"}),
    # ", subject to suitable safeguards" = "y siempre que se den las garantías apropiadas"
    # "except where X" = "siempre que no X"
    "exception": frozenset({"except", "proviso"}),
    "except-plain": frozenset({"except"}),
    "extent": frozenset({"if", "extent"}),
    "reservation": frozenset({"subject", "proviso"}),
    # EU Spanish renders "subject to the conditions" as "sin perjuicio de las condiciones" too
    "prejudice": frozenset({"prejudice", "subject"}),
    # "regardless of", "notwithstanding", "should not prejudice" / "no obstante lo dispuesto",
    # "no debe obstar a": close to "without prejudice" but rendered freely, so they absorb a
    # prejudice cue of the other side without being reported themselves
    "regardless": frozenset({"prejudice"}),
    "appropriate": frozenset({"appropriate", "if"}),
}
SPECIFIC = frozenset({"proviso", "exception", "extent", "reservation", "prejudice", "appropriate"})

# Renderings mined from aligned units (lexicons/conditions.tsv) go after the hand rules: at the
# same start a hand rule wins, so a mined phrase only adds cues the hand rules miss.
_MINED_LABELS = tuple(READINGS)

EN: Lexicon = lexicon(
    [
        ("prejudice", words(r"without\s+prejudice\s+to")),
        ("regardless", words(r"regardless\s+of", r"irrespective\s+of", r"notwithstanding", r"no\s+matter",
                             r"not\s+prejudice", r"by\s+way\s+of\s+derogation")),
        ("appropriate", words(r"where\s+(?:applicable|appropriate|necessary|possible|relevant|required|feasible)",
                              r"as\s+(?:\w+ly\s+)?(?:appropriate|necessary|relevant)", r"as\s+applicable(?=\s*[,;.)])", r"if\s+(?:possible|feasible)",
                              r"as\s+the\s+case\s+may\s+be", r"if\s+(?:any|applicable|necessary|appropriate|so)",
                              r"when\s+(?:appropriate|necessary|applicable)", r"as\s+(?:required|needed)")),
        ("extent", words(r"to\s+the\s+extent(?:\s+that)?", r"insofar\s+as", r"in\s+so\s+far\s+as", r"as\s+far\s+as")),
        # "subject to" heads a condition only at the start of a clause (", subject to Article 6");
        # "be subject to fines", "processors subject to this Regulation" state facts.
        ("reservation", words(r"(?:(?<=^)|(?<=[,;:(])|(?<=[,;:(]\s)|(?<=\band\s)|(?<=\bor\s))subject\s+to")),
        ("subject", words(r"subject\s+to")),
        ("exception", words(r"unless", r"except\s+(?:where|when|if|in\s+cases?|as|that)", r"save\s+(?:where|when|as|that)",
                            r"with\s+the\s+exception\s+of", r"other\s+than\s+(?:where|when|in)")),
        ("except-plain", words(r"except", r"save\s+(?:for|in)")),
        ("proviso", words(r"provided\s+that", r"providing\s+that", r"on\s+condition\s+that", r"as\s+long\s+as",
                          r"so\s+long\s+as", r"on\s+the\s+condition\s+that", r"only\s+if(?:\s+and\s+to\s+the\s+extent\s+that)?",
                          r"if\s+and\s+only\s+if")),
        # inverted conditionals open their clause: "Should you have a concern, ..." = "si esto
        # le preocupa", "Had the Allies failed" = "Si los Aliados no hubiesen tenido éxito"
        ("if", words(r"(?:(?<=^)|(?<=[,;:(])|(?<=[,;:(]\s)|(?<=\band\s)|(?<=\bbut\s))(?:should|had|were)\s+"
                     r"(?:you|we|they|he|she|it|i|the|this|that|there|any|a|an)",
                     r"if", r"in\s+the\s+event\s+(?:that|of)",
                     r"on\s+(?:one\s+of\s+)?the\s+following\s+conditions?", r"in\s+cases?\s+(?:of|that|where)", r"in\s+case")),
        # "in the case of an undertaking" = "tratándose de una empresa", "en caso de conflictos
        # armados" = "in armed conflict": a topic as often as a condition
        ("when", words(r"in\s+the\s+case\s+of", r"when", r"whenever", r"whether", r"depending\s+on", r"while")),
        ("where", words(r"where", r"wherever")),
        *mined_rules("conditions", "en", _MINED_LABELS),
    ],
    (words(r"as\s+if", r"even\s+if", r"even\s+when",
           # "as far as I know" hedges a statement; "back as far as 5000 BC" measures time
           r"as\s+far\s+as\s+(?:i|we|you|he|she|they|one|anyone)\s+(?:know|knew|can|could|am|is|are|remember)",
           r"(?:back|up|down|out)\s+as\s+far\s+as"),),
)

ES: Lexicon = lexicon(
    [
        ("prejudice", words(r"sin\s+perjuicio\s+del?", r"sin\s+menoscabo\s+del?")),
        # "no obstante lo dispuesto" renders "notwithstanding" and "by way of derogation", and
        # "no debe obstar a" renders "should be without prejudice to"
        ("regardless", words(r"no\s+obstante\s+lo\s+dispuesto", r"obstar\s+al?", r"sin\s+importar",
                             r"con\s+independencia\s+del?", r"independientemente\s+del?")),
        ("appropriate", words(r"en\s+su\s+caso", r"cuando\s+proceda", r"según\s+proceda", r"si\s+procede",
                              r"según\s+(?:el\s+)?caso", r"cuando\s+sea\s+(?:necesario|posible|pertinente|preciso)",
                              r"de\s+ser\s+(?:necesario|posible|preciso)", r"si\s+(?:es|fuera|fuese)\s+(?:necesario|preciso|posible)",
                              r"según\s+corresponda", r"cuando\s+corresponda", r"en\s+caso\s+necesario",
                              r"siempre\s+que\s+sea\s+posible", r"cuando\s+así\s+proceda", r"si\s+los\s+hubiere",
                              r"según\s+sea\s+necesario", r"en\s+la\s+medida\s+de\s+lo\s+posible",
                              r"como\s+se\s+(?:exige|requiere)",
                              # the adjective forms of "as appropriate": "según sea apropiado",
                              # "cuando resulte oportuno", "como corresponda", "según convenga"
                              r"(?:según|cuando|si|como)\s+(?:sea|resulte|se\s+considere|se\s+estime)\s+"
                              r"(?:apropiado|adecuado|oportuno|conveniente|pertinente|procedente)",
                              r"de\s+ser\s+(?:apropiado|adecuado|oportuno|conveniente|pertinente|procedente)",
                              r"como\s+(?:corresponda|proceda|convenga)", r"según\s+convenga",
                              r"en\s+lo\s+posible",
                              # "where necessary" = "en los casos en que se requiera"
                              r"(?:cuando|si|en\s+que)\s+(?:así\s+)?se\s+(?:requiera|requiere|necesite|precise)")),
        ("extent", words(r"en\s+la\s+medida(?:\s+en)?(?:\s+que)?", r"en\s+tanto\s+que")),
        ("reservation", words(r"con\s+sujeción\s+al?", r"a\s+reserva\s+del?")),
        ("subject", words(r"sujet[oa]s?\s+al?", r"supeditad[oa]s?\s+al?", r"condicionad[oa]s?\s+al?",
                          r"sometid[oa]s?\s+al?")),
        ("exception", words(r"salvo(?:\s+(?:que|si|cuando|en|para))?", r"a\s+menos\s+que", r"a\s+no\s+ser\s+que",
                            r"excepto\s+(?:que|si|cuando|en\s+(?:el|los)\s+casos?)")),
        # "with the exception of paragraph 5" = "habida cuenta de la excepción establecida en el apartado 5"
        ("except-plain", words(r"excepto", r"con\s+excepción\s+del?", r"a\s+excepción\s+del?", r"exceptuando",
                               r"(?:la|las|una)\s+excepci(?:ón|ones)")),
        ("proviso", words(r"siempre\s+que", r"siempre\s+y\s+cuando", r"a\s+condición\s+de(?:\s+que)?",
                          r"con\s+la\s+condición\s+de(?:\s+que)?", r"s[oó]lo\s+si", r"únicamente\s+si")),
        ("if", words(r"si", r"en\s+(?:el\s+)?caso\s+de\s+que", r"en\s+(?:los\s+)?casos\s+en\s+que",
                     # "de no existir acuerdo, ..." opens its clause; "costes de ser propietario" does not
                     r"(?:(?<=^)|(?<=[,;:(])|(?<=[,;:(]\s))de\s+(?:no\s+)?(?:ser|haber|existir|estar)")),
        # "en tal caso": "if so" as well as "in that case"
        ("when", words(r"cuando", r"mientras", r"en\s+tal\s+caso", r"durante\s+el\s+tiempo\s+en\s+que", r"tratándose\s+de",
                       r"en\s+(?:el\s+)?caso\s+de", r"dependiendo\s+de", r"en\s+función\s+de")),
        ("where", words(r"donde", r"en\s+(?:el|la|los|las)\s+que", r"en\s+(?:el|la|los|las)\s+cual(?:es)?")),
        *mined_rules("conditions", "es", _MINED_LABELS),
    ],
    (words(r"como\s+si", r"incluso\s+si", r"aun\s+si", r"incluso\s+cuando", r"aun\s+cuando", r"si\s+bien",
           # "sin perjuicio de ello" = "nevertheless"; "a salvo" = "safe"; "más largas que si lo hace
           # a pie" = "greater than walking" compares
           r"sin\s+perjuicio\s+de\s+(?:ello|esto|eso|lo\s+anterior)", r"a\s+salvo",
           r"(?<=\bmás\s)(?:\w+\s+){0,3}?que\s+si", r"(?<=\bmenos\s)(?:\w+\s+){0,3}?que\s+si"),),
)

LEXICONS: dict[str, Lexicon] = {"en": EN, "es": ES}


def readings(label: str) -> frozenset[str]:
    return READINGS[label]
