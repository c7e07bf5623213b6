"""Names of countries, regions and organisations in English and Spanish, resolved to one id.

Countries and regions come from CLDR through Babel: the territory names of every English and
Spanish locale (en_GB says "St Lucia", es_419 "Rumania", es_MX "Costa de Marfil"), their
parenthesised alternatives ("Myanmar (Burma)"), and demonyms read off the names of each
country's own currency ("US Dollar" -> "US", "peso mexicano" -> "mexicano"). Babel drops
CLDR's alternative forms (alt="short"/"variant": "UK", "EE. UU.", "Ivory Coast") and has no
official long forms ("United States of America", "Republic of Korea"), so a short table adds
them; organisations are a compact table of names and acronyms in both languages.

`find_names(text, lang)` scans a text for these names (longest match first, articles left
out: "los Estados Unidos" is "Estados Unidos"), so that "el Canadá" and "Canada" compare
equal as territory "CA".
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

TERRITORY = "territory"
REGION = "region"
ORGANISATION = "organisation"
# Countries and organisations act (sign, declare, fund); a region ("Latin America") does not.
PARTY_KINDS = frozenset({TERRITORY, ORGANISATION})

# CLDR alt="short"/"variant" forms and official long names, as Babel does not ship them.
_ALTERNATIVES: dict[str, dict[str, tuple[str, ...]]] = {
    "US": {"en": ("US", "U.S.", "USA", "U.S.A.", "United States of America"),
           "es": ("EE. UU.", "EEUU", "EUA", "Estados Unidos de América")},
    "GB": {"en": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"),
           "es": ("Gran Bretaña", "Reino Unido de Gran Bretaña e Irlanda del Norte")},
    "KR": {"en": ("Republic of Korea",), "es": ("República de Corea",)},
    "KP": {"en": ("Democratic People's Republic of Korea", "DPRK"),
           "es": ("República Popular Democrática de Corea",)},
    "RU": {"en": ("Russian Federation",), "es": ("Federación de Rusia", "Federación Rusa")},
    "CD": {"en": ("Democratic Republic of the Congo", "DR Congo", "DRC", "Congo (DRC)"),
           "es": ("RDC", "Congo (RDC)")},
    "CG": {"en": ("Republic of the Congo", "Congo", "Congo (Republic)"), "es": ("República del Congo",)},
    "CI": {"en": ("Ivory Coast",), "es": ()},
    "CZ": {"en": ("Czech Republic",), "es": ("República Checa",)},
    "SZ": {"en": ("Swaziland",), "es": ("Suazilandia",)},
    "TL": {"en": ("East Timor",), "es": ()},
    "TR": {"en": ("Turkey",), "es": ("Turquía",)},
    "MK": {"en": ("Macedonia",), "es": ("Macedonia",)},
    "PS": {"en": ("Palestine", "State of Palestine"), "es": ("Palestina", "Estado de Palestina")},
    "HK": {"en": ("Hong Kong",), "es": ("Hong Kong",)},
    "MO": {"en": ("Macao", "Macau"), "es": ("Macao",)},
    "VN": {"en": ("Viet Nam",), "es": ("Viet Nam",)},
    "LA": {"en": ("Lao People's Democratic Republic",), "es": ("República Democrática Popular Lao",)},
    "SY": {"en": ("Syrian Arab Republic",), "es": ("República Árabe Siria",)},
    "MD": {"en": ("Republic of Moldova",), "es": ("República de Moldova", "Moldova")},
    "TZ": {"en": ("United Republic of Tanzania",), "es": ("República Unida de Tanzanía", "Tanzanía")},
    "BO": {"en": ("Plurinational State of Bolivia",), "es": ("Estado Plurinacional de Bolivia",)},
    "VE": {"en": ("Bolivarian Republic of Venezuela",), "es": ("República Bolivariana de Venezuela",)},
    "IR": {"en": ("Islamic Republic of Iran",), "es": ("República Islámica del Irán",)},
    "MX": {"en": ("United Mexican States",), "es": ("Estados Unidos Mexicanos",)},
    "NL": {"en": ("Holland",), "es": ("Holanda",)},
    "VA": {"en": ("Holy See", "Vatican"), "es": ("Santa Sede", "Vaticano")},
}

# Demonyms the currency names do not give ("libra esterlina" says nothing of "británico").
_DEMONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "GB": {"es": ("británico", "británica", "británicos", "británicas")},
}

# (id, English names and acronyms, Spanish names and acronyms)
_ORGANISATIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("UN", ("United Nations", "UN", "U.N."), ("Naciones Unidas", "ONU", "Organización de las Naciones Unidas")),
    ("EU", ("European Union", "EU"), ("Unión Europea", "UE")),
    ("OAS", ("Organization of American States", "OAS"), ("Organización de los Estados Americanos", "OEA")),
    ("NATO", ("North Atlantic Treaty Organization", "NATO"), ("Organización del Tratado del Atlántico Norte", "OTAN")),
    ("WHO", ("World Health Organization", "WHO"), ("Organización Mundial de la Salud", "OMS")),
    ("PAHO", ("Pan American Health Organization", "PAHO"), ("Organización Panamericana de la Salud", "OPS")),
    ("IMF", ("International Monetary Fund", "IMF"), ("Fondo Monetario Internacional", "FMI")),
    ("WB", ("World Bank",), ("Banco Mundial",)),
    ("WTO", ("World Trade Organization", "WTO"), ("Organización Mundial del Comercio", "OMC")),
    ("IDB", ("Inter-American Development Bank", "IDB"), ("Banco Interamericano de Desarrollo", "BID")),
    ("OECD", ("Organisation for Economic Co-operation and Development", "Organization for Economic Cooperation and Development", "OECD"),
     ("Organización para la Cooperación y el Desarrollo Económicos", "OCDE")),
    ("ILO", ("International Labour Organization", "International Labor Organization", "ILO"),
     ("Organización Internacional del Trabajo", "OIT")),
    ("FAO", ("Food and Agriculture Organization", "FAO"), ("Organización de las Naciones Unidas para la Alimentación y la Agricultura", "FAO")),
    ("UNESCO", ("UNESCO",), ("UNESCO",)),
    ("UNICEF", ("UNICEF", "United Nations Children's Fund"), ("UNICEF", "Fondo de las Naciones Unidas para la Infancia")),
    ("UNDP", ("United Nations Development Programme", "UNDP"), ("Programa de las Naciones Unidas para el Desarrollo", "PNUD")),
    ("UNEP", ("United Nations Environment Programme", "UNEP"), ("Programa de las Naciones Unidas para el Medio Ambiente", "PNUMA")),
    ("UNHCR", ("UNHCR", "Office of the United Nations High Commissioner for Refugees"), ("ACNUR", "Alto Comisionado de las Naciones Unidas para los Refugiados")),
    ("IAEA", ("International Atomic Energy Agency", "IAEA"), ("Organismo Internacional de Energía Atómica", "OIEA")),
    ("WFP", ("World Food Programme", "WFP"), ("Programa Mundial de Alimentos", "PMA")),
    ("IOM", ("International Organization for Migration", "IOM"), ("Organización Internacional para las Migraciones", "OIM")),
    ("ICRC", ("International Committee of the Red Cross", "ICRC"), ("Comité Internacional de la Cruz Roja", "CICR")),
    ("ECLAC", ("Economic Commission for Latin America and the Caribbean", "ECLAC"), ("Comisión Económica para América Latina y el Caribe", "CEPAL")),
    ("AU", ("African Union", "AU"), ("Unión Africana", "UA")),
    ("ASEAN", ("Association of Southeast Asian Nations", "ASEAN"), ("Asociación de Naciones de Asia Sudoriental", "ASEAN")),
    ("CARICOM", ("Caribbean Community", "CARICOM"), ("Comunidad del Caribe", "CARICOM")),
    ("MERCOSUR", ("Mercosur", "MERCOSUR"), ("Mercosur", "MERCOSUR")),
    ("CELAC", ("Community of Latin American and Caribbean States", "CELAC"), ("Comunidad de Estados Latinoamericanos y Caribeños", "CELAC")),
    ("ECB", ("European Central Bank", "ECB"), ("Banco Central Europeo", "BCE")),
    ("EC", ("European Commission",), ("Comisión Europea",)),
    ("EP", ("European Parliament",), ("Parlamento Europeo",)),
    ("COE", ("Council of Europe",), ("Consejo de Europa",)),
    ("INTERPOL", ("INTERPOL", "Interpol"), ("INTERPOL", "Interpol")),
    ("G20", ("G20", "Group of Twenty"), ("G20", "Grupo de los Veinte")),
    ("G7", ("G7", "Group of Seven"), ("G7", "Grupo de los Siete")),
)

# Territory codes that are no place (pseudo-locales, "Unknown Region") or an organisation.
_NOT_PLACES = frozenset({"ZZ", "XA", "XB", "QO", "EZ", "UN", "EU"})
# Words a name may contain in lower case ("Bosnia and Herzegovina", "Corea del Sur").
CONNECTORS = frozenset({"and", "of", "the", "da", "y", "e", "de", "del", "la", "las", "los", "el", "et", "&"})
ARTICLES = frozenset({"the", "el", "la", "los", "las", "lo"})


@dataclass(frozen=True)
class Name:
    """What a surface form names: an id and its kind. A Spanish `demonym` ("mexicanos") may be
    in lower case; an `acronym` ("US", "WHO") must be in capitals."""

    id: str
    kind: str
    demonym: bool = False
    acronym: bool = False


@dataclass(frozen=True)
class Mention:
    """A name found in a text: what it names, as written, and where."""

    id: str
    kind: str
    text: str
    start: int
    end: int


# Dotted abbreviations are one token ("U.S.", "EE. UU."); other tokens are words with inner
# apostrophes or hyphens ("d’Ivoire", "Guinea-Bissau").
TOKEN = re.compile(r"(?:[A-Z]{1,2}\.\s?){2,}|[^\W_]+(?:[’'\-][^\W_]+)*")


@functools.lru_cache(maxsize=65536)  # the same words are folded for every bead and pattern
def fold(token: str) -> str:
    """Case, accents, dots, apostrophe shapes and the possessive folded: "Canadá" = "canada",
    "EE. UU." = "eeuu", "Japan's" = "japan"."""
    base = unicodedata.normalize("NFKD", re.sub(r"['’]s$", "", token).replace("’", "'"))
    base = "".join(ch for ch in base if not unicodedata.combining(ch))
    return re.sub(r"[.\s]", "", base).casefold()


def tokens(text: str) -> list[re.Match[str]]:
    return list(TOKEN.finditer(text))


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


def _variants(name: str, lang: str) -> list[str]:
    """A CLDR name and the forms it implies: "&" spelt out, the bracketed alternative and the
    name without it ("Myanmar (Burma)" -> "Myanmar", "Burma"), "SAR China" left off."""
    name = name.replace("&", "and" if lang == "en" else "y")
    forms = [name]
    bracket = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if bracket:
        forms += [bracket.group(1), bracket.group(2)]
    for suffix in (" SAR China",):
        if name.endswith(suffix):
            forms.append(name[: -len(suffix)])
    sar = re.fullmatch(r"RAE de (.+?) \(China\)", name)
    if sar:
        forms.append(sar.group(1))
    return forms


def _spanish_inflections(adjective: str) -> list[str]:
    """Gender and number of a Spanish demonym given in the masculine singular."""
    if adjective.endswith("esa"):  # given feminine, agreeing with the currency ("corona danesa")
        adjective = adjective[:-3] + "és"
    elif adjective.endswith("a"):
        adjective = adjective[:-1] + "o"
    bare = fold(adjective)
    if adjective.endswith("o"):
        stem = adjective[:-1]
        return [adjective, stem + "a", stem + "os", stem + "as"]
    if adjective.endswith("e"):
        return [adjective, adjective + "s"]
    if bare.endswith(("es", "an", "on", "in")) and adjective[-2] in "éáóí":
        stem = adjective[:-2] + bare[-2]
        return [adjective, stem + adjective[-1] + "a", stem + adjective[-1] + "es", stem + adjective[-1] + "as"]
    if adjective[-1] in "íú":
        return [adjective, adjective + "es", adjective + "s"]
    return [adjective, adjective + "a", adjective + "es", adjective + "as"]


# Words in currency names that qualify the currency, not its country.
_NOT_DEMONYMS = frozenset({"New", "Convertible", "convertible", "nuevo", "esterlina", "renminbi"})


def _currency_demonyms() -> dict[str, dict[str, list[str]]]:
    """Territory -> language -> demonyms, read off the name of the territory's own currency (the
    one whose ISO 4217 code opens with the territory's code, so USD is the United States' though
    Ecuador uses it too): "South Korean Won" / "won surcoreano" -> "South Korean" / "surcoreano"."""
    from babel import Locale
    from babel.core import get_global

    own = {territory: code for territory, entries in get_global("territory_currencies").items()
           for code, _start, end, tender in entries if end is None and tender and code[:2] == territory}
    en, es = Locale("en").currencies, Locale("es").currencies
    found: dict[str, dict[str, list[str]]] = {}
    for territory, code in own.items():
        if code not in en or code not in es:
            continue
        en_words, es_words = en[code].split(), es[code].split()
        demonyms: dict[str, list[str]] = {}
        if len(en_words) >= 2 and all(w[0].isupper() and w not in _NOT_DEMONYMS for w in en_words[:-1]):
            head = " ".join(en_words[:-1])
            demonyms["en"] = [head] + ([head + "s"] if head.endswith("n") else [])
        if len(es_words) == 2 and es_words[1].islower() and es_words[1] not in _NOT_DEMONYMS:
            demonyms["es"] = _spanish_inflections(es_words[1])
        found[territory] = demonyms
    return found


@functools.lru_cache(maxsize=4)
def lexicon(lang: str) -> dict[tuple[str, ...], Name]:
    """Folded token tuple -> the place or organisation it names, for `lang` ('en' or 'es')."""
    from babel import Locale, localedata

    table: dict[tuple[str, ...], Name] = {}
    # the first name given a form keeps it, so a form seen before changes nothing: the ~130
    # English locales repeat most territory names, and folding each again cost 0.8 s a start
    seen: set[str] = set()

    def add(form: str, name: Name) -> None:
        if form in seen:
            return
        seen.add(form)
        key = tuple(fold(t.group(0)) for t in tokens(form))
        if key:
            table.setdefault(key, replace(name, acronym=_acronym(form)))

    for org, en_names, es_names in _ORGANISATIONS:
        for form in en_names if lang == "en" else es_names:
            add(form, Name(org, ORGANISATION))
            if lang == "en":  # British spelling: "World Health Organisation"
                add(form.replace("ization", "isation"), Name(org, ORGANISATION))
    for code, forms in _ALTERNATIVES.items():
        for form in forms.get(lang, ()):
            add(form, Name(code, TERRITORY))
    locales = [loc for loc in localedata.locale_identifiers() if loc == lang or loc.startswith(lang + "_")]
    named: set[tuple[str, str]] = set()
    for loc in [lang] + sorted(set(locales) - {lang}):
        for code, name in Locale.parse(loc).territories.items():
            if (code, name) in named or code in _NOT_PLACES or not _latin(name):
                continue
            named.add((code, name))
            kind = REGION if code.isdigit() else TERRITORY
            for form in _variants(name, lang):
                add(form, Name(code, kind))
    demonyms = _currency_demonyms()
    for code, forms in _DEMONYMS.items():
        demonyms.setdefault(code, {}).setdefault(lang, []).extend(forms.get(lang, ()))
    for code, by_lang in demonyms.items():
        for form in by_lang.get(lang, ()):
            add(form, Name(code, TERRITORY, demonym=lang == "es"))
    return table


@functools.lru_cache(maxsize=4)
def currency_names(lang: str) -> frozenset[tuple[str, ...]]:
    """Folded names of the currencies in use, singular and plural ("British pounds", "dólares
    estadounidenses"): a currency names a country without making it an actor or a list member."""
    from babel.core import get_global
    from babel.numbers import get_currency_name

    from babel import Locale

    def key(text: str) -> tuple[str, ...]:
        return tuple(fold(t.group(0)) for t in tokens(text))

    current = get_global("territory_currencies")
    codes = {code for entries in current.values() for code, _start, end, tender in entries if end is None and tender}
    names = {key(get_currency_name(code, count, lang)) for code in codes for count in (1, 2)}
    # and a country's own currency named after the country: "United States dollars",
    # "dólares de los Estados Unidos"
    places = Locale(lang).territories
    for territory, entries in current.items():
        own = [code for code, _start, end, tender in entries if end is None and tender and code[:2] == territory]
        if not own or territory not in places:
            continue
        units = [key(get_currency_name(own[0], count, lang)) for count in (1, 2)]
        for place in [places[territory], *_ALTERNATIVES.get(territory, {}).get(lang, ())]:
            for unit in units:
                if lang == "en" and len(unit) > 1:
                    names.add(key(place) + unit[-1:])
                elif lang == "es" and len(unit) > 1:
                    names.update({unit[:1] + ("de",) + key(place), unit[:1] + ("de", "los") + key(place)})
    return frozenset(name for name in names if len(name) > 1)


@functools.lru_cache(maxsize=4)
def _longest(lang: str) -> int:
    return max(len(key) for key in lexicon(lang))


@functools.lru_cache(maxsize=4)
def _first_words(lang: str) -> frozenset[str]:
    """The words a name or a currency can begin with: a text is only searched from them."""
    return frozenset(key[0] for key in lexicon(lang)) | frozenset(key[0] for key in currency_names(lang))


def _acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _cased_right(written: list[str], name: Name, key: tuple[str, ...]) -> bool:
    """Names capitalised as written, acronyms in capitals ("US", never "us"), Spanish
    demonyms in any case ("mexicanos")."""
    if name.demonym:
        return True
    if name.acronym:
        return all(_acronym(w) for w in written)
    content = [w for w, k in zip(written, key) if k not in CONNECTORS]
    # an elided article stays in lower case: "Côte d’Ivoire"
    return bool(content) and all(w[0].isupper() or w[0].isdigit() or "'" in fold(w) for w in content)


def find_names(text: str, lang: str) -> list[Mention]:
    """Every place and organisation named in `text`, longest match first, in order."""
    if lang not in ("en", "es"):
        return []
    table, longest, currencies = lexicon(lang), _longest(lang), currency_names(lang)
    toks = tokens(text)
    folded = [fold(t.group(0)) for t in toks]
    found: list[Mention] = []
    i = 0
    firsts = _first_words(lang)
    while i < len(toks):
        if folded[i] not in firsts:
            i += 1
            continue
        currency = next((size for size in range(8, 1, -1) if tuple(folded[i:i + size]) in currencies), 0)
        if currency:
            i += currency
            continue
        for size in range(min(longest, len(toks) - i), 0, -1):
            key = tuple(folded[i:i + size])
            name = table.get(key)
            if name is None or key[0] in CONNECTORS and size == 1:
                continue
            written = [t.group(0) for t in toks[i:i + size]]
            if _cased_right(written, name, key) and _joined(text, toks[i:i + size]):
                start, end = toks[i].start(), toks[i + size - 1].end()
                found.append(Mention(name.id, name.kind, text[start:end].strip(), start, end))
                i += size
                break
        else:
            i += 1
    return found


def _joined(text: str, run: Iterable[re.Match[str]]) -> bool:
    """The tokens of a multi-word name follow each other with only spaces between them."""
    run = list(run)
    return all(not text[a.end():b.start()].strip() for a, b in zip(run, run[1:]))
