"""Actors that act in agreements and regulations, named the same way on both sides.

A party is an id with one pattern per language. `collective` parties ("both countries",
"the Parties") stand for several actors at once: replacing one by a single actor ("Mexico")
changes who is bound, which is worse than merely dropping a name.

Extra parties (names a document introduces, e.g. "Pemex") can be passed to the check; see
`Party` and `CommitmentsCheck(parties=...)`.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .cues import lower_same_length, words


@dataclass(frozen=True)
class Party:
    """An actor and how each language names it.

    `keys` (optional, per language): lower-case strings of which every mention contains one;
    a text holding none of them is not scanned for this party.
    """

    id: str
    patterns: dict[str, re.Pattern[str]] = field(hash=False)
    collective: bool = False
    label: dict[str, str] = field(default_factory=dict, hash=False)
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)


# Words that put "responsable"/"encargado" in noun position (the adjective follows a noun or "ser").
_DET_ES = (r"(?:el|los|al|del|cada|un|otro|otros|dicho|dichos|mismo|todo|de|a|por|sus?|varios|ambos|"
           r"ningún|tal|tales|este|estos|ese|esos|cualquier)")


def _cased(*phrases: str) -> re.Pattern[str]:
    """Whole-word, case-sensitive: "the Commission" the institution, not "a commission"."""
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)")


DEFAULT_PARTIES: tuple[Party, ...] = (
    Party(
        "both",
        {
            "en": words(r"both\s+(?:governments|countries|parties|sides|nations)",
                        r"(?:neither|either)\s+(?:government|country|side|nation)",
                        r"the\s+two\s+(?:governments|countries|parties|sides|nations)"),
            "es": words(r"ambos\s+(?:gobiernos|países|lados)", r"ambas\s+(?:partes|naciones)",
                        r"(?:ninguno|ninguna|cualquiera)\s+de\s+(?:los|las)\s+dos",
                        r"los\s+dos\s+(?:gobiernos|países)", r"las\s+dos\s+(?:partes|naciones)"),
        },
        collective=True,
        label={"en": "both countries", "es": "ambos países"},
    ),
    Party(
        "parties",
        {"en": _cased(r"Parties", r"Contracting\s+Part(?:y|ies)", r"(?:[Ee]ach|[Ee]ither|[Nn]either|[Aa]ny|[Nn]o|a|the\s+other)\s+Party"),
         "es": _cased(r"Partes", r"Partes\s+Contratantes", r"(?:[Cc]ada|[Uu]na|[Nn]inguna|[Cc]ualquier|la\s+otra)\s+Parte")},
        collective=True,
        label={"en": "the Parties", "es": "las Partes"},
    ),
    # Nationality adjectives name the country's side as well as its name does: "U.S. Embassy" =
    # "Embajada de EE. UU." = "embajada estadounidense", "the Mexican Foreign Secretary" =
    # "el canciller de México".
    Party(
        "us",
        {"en": _cased(r"United\s+States(?:\s+of\s+America)?", r"U\.\s?S\.(?:\s?A\.)?", r"USA?",
                      r"(?<!Pan\s)(?<!Latin\s)(?<!South\s)(?<!North\s)(?<!Central\s)(?<!-)Americans?"),
         "es": _cased(r"Estados\s+Unidos(?!\s+Mexicanos)(?:\s+de\s+América)?", r"E\.?\s?E\.\s?U\.?\s?U\.",
                      r"EUA", r"USA",
                      r"[Ee]stadounidenses?", r"[Nn]orteamerican[oa]s?")},
        label={"en": "the United States", "es": "Estados Unidos"},
    ),
    Party("mexico", {"en": _cased(r"Mexico(?:'s|’s)?", r"United\s+Mexican\s+States", r"Mexicans?"),
                     "es": _cased(r"México", r"Estados\s+Unidos\s+Mexicanos", r"[Mm]exican[oa]s?")},
          label={"en": "Mexico", "es": "México"}),
    Party("canada", {"en": _cased(r"Canada(?:'s|’s)?", r"Canadians?"),
                     "es": _cased(r"Canadá", r"[Cc]anadienses?")},
          label={"en": "Canada", "es": "Canadá"}),
    Party("commission", {"en": _cased(r"Commission"), "es": _cased(r"Comisión")},
          label={"en": "the Commission", "es": "la Comisión"}),
    Party("member-states", {"en": words(r"Member\s+States?"), "es": words(r"Estados?\s+miembros?")},
          collective=True, label={"en": "the Member States", "es": "los Estados miembros"}),
    Party(
        "controller",
        {"en": words(r"(?:joint\s+)?controllers?"),
         "es": words(r"(?:co)?responsables?\s+del\s+tratamiento", r"corresponsables?", r"controlador(?:es|as?)?",
                     rf"{_DET_ES}\s+responsables?", r"responsables?(?=\s+[oyu]\s+(?:el\s+|los\s+)?encargad)")},
        label={"en": "the controller", "es": "el responsable del tratamiento"},
        # the Spanish patterns try thirty determiners at every word: scan only texts that need it
        keys={"en": ("controller",), "es": ("responsable", "controlador")},
    ),
    Party(
        "processor",
        {"en": words(r"processors?", r"sub-?processors?"),
         # after a bare conjunction, "encargado de ..." is "in charge of", not the processor
         "es": words(r"encargad[oa]s?\s+del?\s+tratamiento", rf"{_DET_ES}\s+encargados?",
                     r"[oyu]\s+encargados?(?!\s+de\s+(?!que\s))")},
        label={"en": "the processor", "es": "el encargado del tratamiento"},
        keys={"en": ("processor",), "es": ("encargad",)},
    ),
    # "the Secretariat of the Convention" = "la Secretaría de la Convención" is that body's
    # secretariat, and "la Secretaría de Economía" a ministry: only the bare Secretariat counts.
    Party("secretariat", {"en": _cased(r"the\s+Secretariat(?!\s+of\s+(?:the\s+)?[A-Z])"),
                          "es": _cased(r"la\s+Secretaría(?!\s+de\s+(?:la\s+|el\s+|los\s+|las\s+)?[A-ZÁÉÍÓÚ])")},
          label={"en": "the Secretariat", "es": "la Secretaría"}),
    # EU institutions and the actors of the GDPR, and the bodies the SDG texts name.
    Party("parliament", {"en": _cased(r"European\s+Parliament"), "es": _cased(r"Parlamento\s+Europeo")},
          label={"en": "the European Parliament", "es": "el Parlamento Europeo"}),
    Party("council", {"en": _cased(r"Council"), "es": _cased(r"Consejo")},
          label={"en": "the Council", "es": "el Consejo"}),
    # EU Spanish names the Board and any committee "Comité", in either case ("Procedimiento de
    # comité" = "Committee procedure").
    Party("board", {"en": re.compile(r"(?<!\w)(?:Board(?!\s+of\s+(?:the\s+)?[A-Z])|[Cc]ommittees?|[Dd]ata\s+[Pp]rotection\s+[Bb]oard)(?!\w)"), "es": words(r"comités?")},
          label={"en": "the Board", "es": "el Comité"}),
    Party("union", {"en": _cased(r"Union"), "es": _cased(r"Unión")}, label={"en": "the Union", "es": "la Unión"}),
    Party("un", {"en": _cased(r"United\s+Nations"), "es": _cased(r"Naciones\s+Unidas")},
          label={"en": "the United Nations", "es": "las Naciones Unidas"}),
    Party("supervisory-authority",
          {"en": words(r"supervisory\s+authorit(?:y|ies)"), "es": words(r"autoridad(?:es)?\s+de\s+control")},
          label={"en": "the supervisory authority", "es": "la autoridad de control"}),
    # "interesado" is a noun only after a determiner: "el Estado miembro interesado" is not one.
    Party("data-subject", {"en": words(r"data\s+subjects?"), "es": words(rf"{_DET_ES}\s+interesados?")},
          label={"en": "the data subject", "es": "el interesado"}, keys={"en": ("subject",), "es": ("interesad",)}),
    Party("third-party", {"en": words(r"third\s+part(?:y|ies)"), "es": words(rf"{_DET_ES}\s+terceros?(?!\s+(?:país|países|Estados?)\b)", r"(?<=«)tercero(?=»)",
                                                                         r"terceras\s+partes")},
          label={"en": "a third party", "es": "un tercero"}, keys={"en": ("third",), "es": ("tercer",)}),
)


# Currencies name a country without making it an actor: "$1.25" is "1,25 dólares de los Estados
# Unidos", and "United States dollars" is "dólares de los Estados Unidos".
_CURRENCY = {
    "en": words(r"(?:United\s+States|U\.S\.|US)\s+dollars?", r"US\$", r"(?:Mexican|Canadian)\s+pesos?|Canadian\s+dollars?"),
    "es": words(r"dólares(?:\s+\w+)?\s+de\s+(?:los\s+)?(?:Estados\s+Unidos|EE\.\s?UU\.)(?:\s+de\s+América)?",
                 r"dólares\s+(?:estadounidenses|norteamericanos)", r"pesos\s+mexicanos", r"dólares\s+canadienses"),
}


@dataclass(frozen=True)
class Mention:
    """One naming of a party, as written and where."""

    party: str
    text: str
    start: int
    end: int


# Words every currency pattern above contains: without one, there is nothing to mask.
_CURRENCY_KEYS = {"en": ("dollar", "peso", "$"), "es": ("dólares", "pesos")}


def find_parties(text: str, lang: str, parties: tuple[Party, ...]) -> dict[str, str]:
    """Party id -> first mention as written, for the parties named in `text`."""
    found: dict[str, str] = {}
    for m in mentions(text, lang, parties):
        found.setdefault(m.party, m.text)
    return found


def mention_counts(text: str, lang: str, parties: tuple[Party, ...]) -> Counter[str]:
    """How many times `text` names each party."""
    return Counter(m.party for m in mentions(text, lang, parties))


def mentions(text: str, lang: str, parties: tuple[Party, ...]) -> list[Mention]:
    """Every mention of a party in `text`, in order. Where mentions overlap, the one that starts
    first wins, and at the same start the party listed first (the patterns themselves keep
    "Estados Unidos Mexicanos" from reading as the United States)."""
    text = unicodedata.normalize("NFC", text)
    low = lower_same_length(text)
    if lang in _CURRENCY and any(key in low for key in _CURRENCY_KEYS[lang]):
        text = _CURRENCY[lang].sub(lambda m: " " * len(m.group(0)), text)
        low = lower_same_length(text)
    absent = frozenset(p.id for p in parties if lang in p.keys and not any(k in low for k in p.keys[lang]))
    ids, scanners = _scanners(parties, lang, absent)
    hits = sorted((m.start(), int(m.lastgroup[1:]), m.end())
                  for pattern, on_lowered in scanners for m in pattern.finditer(low if on_lowered else text))
    found: list[Mention] = []
    for start, i, end in hits:
        if not found or start >= found[-1].end:
            found.append(Mention(ids[i], text[start:end], start, end))
    return found


_WORD_START = r"(?<!\w)"
_UPPER_ESCAPE = re.compile(r"\\[A-Z]")


@functools.lru_cache(maxsize=256)
def _scanners(parties: tuple[Party, ...], lang: str, absent: frozenset[str] = frozenset()
              ) -> tuple[tuple[str, ...], tuple[tuple[re.Pattern[str], bool], ...]]:
    """Party ids, and the patterns for `lang` of the parties not `absent` as (at most) two alternations with
    groups p<index>: the case-sensitive ones to run over the text, the others over the
    lower-cased text (the engine's IGNORECASE mode is several times slower). Each alternation
    tests the word-start look-behind once when all its patterns open with it (as `words()` and
    `_cased()` build them)."""
    named = [(p.id, p.patterns[lang]) for p in parties if lang in p.patterns and p.id not in absent]
    blind = [i for i, (_, pat) in enumerate(named) if pat.flags & re.IGNORECASE]
    if any(_UPPER_ESCAPE.search(named[i][1].pattern) for i in blind):
        raise ValueError(r"case-insensitive party patterns cannot use upper-case escapes (\S, \W ...)")
    groups = ([(i, pat.pattern) for i, (_, pat) in enumerate(named) if i not in blind],
              [(i, named[i][1].pattern.lower()) for i in blind])
    scanners = []
    for on_lowered, group in enumerate(groups):
        if group:
            hoist = all(src.startswith(_WORD_START) for _, src in group)
            branches = "|".join(f"(?P<p{i}>{src[len(_WORD_START):] if hoist else src})" for i, src in group)
            scanners.append((re.compile((_WORD_START if hoist else "") + f"(?:{branches})"), bool(on_lowered)))
    return tuple(pid for pid, _ in named), tuple(scanners)
