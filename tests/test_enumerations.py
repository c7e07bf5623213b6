"""Enumerations check: list members on one side only, in both directions, and silence on
faithful lists (reordered, renamed, abbreviated)."""
from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest

from aligner.diverge import BeadText, Context, default_checks, judge
from aligner.diverge.commitments import CommitmentsCheck
from aligner.diverge.enumerations import acronyms, find_enumerations, lexical_similarity, near
from aligner.diverge.gazetteer import find_names
from aligner.diverge.listed import EnumerationsCheck

CHECK = EnumerationsCheck()

# A tiny bilingual "encoder": Spanish words mapped to English concepts, then a bag of hashed
# words. Enough to tell "vivienda" from "salud" without the real model.
_CONCEPTS = {"educación": "education", "salud": "health", "vivienda": "housing", "empleo": "employment",
             "grupo": "force", "trabajo": "task", "conjunto": "joint", "agua": "water", "energía": "energy",
             "alimentos": "food", "transporte": "transport"}
_IGNORED = {"the", "and", "of", "for", "all", "shall", "promote", "la", "el", "los", "las", "de", "y", "a", "en",
            "con", "para", "todos", "miembros", "promoverán"}


def fake_embed(texts):
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in re.findall(r"\w+", text.lower()):
            if word in _IGNORED:
                continue
            concept = _CONCEPTS.get(word, word)
            out[row, int(hashlib.md5(concept.encode()).hexdigest(), 16) % 64] += 1.0
        norm = np.linalg.norm(out[row])
        if norm:
            out[row] /= norm
    return out


def flags(en: str, es: str, embed=None):
    return CHECK.judge(BeadText(en, es), Context(embed=embed))


def headlines(en: str, es: str, embed=None):
    return [f.headline for f in flags(en, es, embed)]


# ---------------------------------------------------------------- names


@pytest.mark.parametrize("text, lang, ids", [
    ("the United States, Mexico and Canada", "en", ["US", "MX", "CA"]),
    ("los Estados Unidos, México y el Canadá", "es", ["US", "MX", "CA"]),
    ("the United States of America and the UK", "en", ["US", "GB"]),
    ("EE. UU., el Reino Unido y Corea del Sur", "es", ["US", "GB", "KR"]),
    ("la Republica de Corea y Bosnia y Herzegovina", "es", ["KR", "BA"]),
    ("Côte d’Ivoire and Trinidad and Tobago", "en", ["CI", "TT"]),
    ("funcionarios mexicanos y canadienses", "es", ["MX", "CA"]),
    ("Canadian and Mexican officials met at the WHO", "en", ["CA", "MX", "WHO"]),
    ("la ONU, la OEA, la OTAN y el FMI", "es", ["UN", "OAS", "NATO", "IMF"]),
    ("Japan's agency", "en", ["JP"]),
])
def test_gazetteer_resolves_names_in_both_languages(text, lang, ids):
    assert [m.id for m in find_names(text, lang)] == ids


@pytest.mark.parametrize("text, lang", [
    ("Who knows what us people want?", "en"),       # acronyms only in capitals
    ("paid in British pounds or United States dollars", "en"),  # currencies name no actor
    ("pagado en libras esterlinas o dólares estadounidenses", "es"),
])
def test_gazetteer_ignores_lookalikes(text, lang):
    assert find_names(text, lang) == []


def test_acronyms_defined_in_brackets():
    assert acronyms("The Joint Task Force (JTF) and the Office of the Ombudsman (OO) met.") == {
        "JTF": "Joint Task Force", "OO": "Office of the Ombudsman"}


def test_near_copies():
    assert near("goethe", "goether") and near("lopez", "lopez")
    assert not near("mali", "malta") and not near("perus", "peru") and not near("london", "lisbon")


# ---------------------------------------------------------------- splitting


def test_head_list_of_a_declaration_is_split():
    [e] = find_enumerations("The Governments of the United States, Mexico and Canada declare their resolve.", "en")
    assert [i.names for i in e.items] == [("US",), ("MX",), ("CA",)] and e.of_parties


def test_including_list_is_introduced():
    [e] = find_enumerations("Trabajaremos con otros socios, entre ellos la ONU y la OEA.", "es")
    assert e.introduced and [i.text for i in e.items] == ["ONU", "OEA"]


@pytest.mark.parametrize("text, lang", [
    ("In 2015, the Commission adopted the plan, which the Council approved.", "en"),
    ("The controller shall inform the processor and keep a record.", "en"),   # two clauses, not a list
    ("El responsable informará al encargado y llevará un registro.", "es"),
    ("The data subject may act on his or her own behalf.", "en"),
])
def test_not_every_comma_or_conjunction_is_a_list(text, lang):
    assert find_enumerations(text, lang) == []


def test_spanish_legal_reference_is_one_item():
    [e] = find_enumerations("con arreglo al artículo 6, apartado 1, al artículo 7, apartado 2, o al artículo 9, apartado 3", "es")
    assert len(e.items) == 3


# ---------------------------------------------------------------- countries and organisations


HEAD_EN = "The Governments of the United States, Mexico and Canada declare their resolve to cooperate."


def test_country_dropped_from_head_list_is_a_high_omission():
    [flag] = flags(HEAD_EN, "Los Gobiernos de los Estados Unidos y México declaran su voluntad de cooperar.")
    assert (flag.kind, flag.severity, flag.src_evidence) == ("omission", "high", "Canada")


def test_country_dropped_from_spanish_head_list_is_reported_from_spanish_side():
    [flag] = flags("The Governments of Mexico and Canada declare their resolve to cooperate.",
                   "Los Gobiernos de los Estados Unidos, México y el Canadá declaran su voluntad de cooperar.")
    assert (flag.kind, flag.severity, flag.tgt_evidence) == ("addition", "high", "Estados Unidos")


@pytest.mark.parametrize("es", [
    "Los Gobiernos de los Estados Unidos de América, México y el Canadá declaran su voluntad de cooperar.",
    # alphabetised by the Spanish names
    "Los Gobiernos del Canadá, los Estados Unidos y México declaran su voluntad de cooperar.",
    # the same countries collectively: nothing to resolve, nothing to report
    "Los Gobiernos de los tres países declaran su voluntad de cooperar.",
    # a name this check cannot resolve might be the missing one
    "Los Gobiernos de los Estados Unidos, México y Ottawa declaran su voluntad de cooperar.",
])
def test_faithful_or_unresolvable_head_lists_are_silent(es):
    assert flags(HEAD_EN, es) == []


def test_item_dropped_from_including_list():
    [flag] = flags("We will work with other partners, including the United Nations and the OAS.",
                   "Trabajaremos con otros socios, entre ellos las Naciones Unidas.")
    assert (flag.kind, flag.src_evidence) == ("omission", "OAS")
    assert flag.severity == "high"


def test_including_list_silent_with_acronyms_in_either_language():
    assert flags("We will work with other partners, including the UN and the Organization of American States.",
                 "Trabajaremos con otros socios, entre ellos la ONU y la OEA.") == []


def test_organisation_added_to_spanish_list_is_an_addition():
    [flag] = flags("The UN and the OAS will report to the Parties.",
                   "La ONU, la OEA y la OMS informarán a las Partes.")
    assert (flag.kind, flag.tgt_evidence) == ("addition", "OMS")


def test_country_in_a_list_of_destinations_is_medium():
    [flag] = flags("Exports grew to France, Italy and Germany last year, the report says.",
                   "El año pasado, las exportaciones crecieron hacia Francia e Italia, según el informe.")
    assert (flag.src_evidence, flag.severity) == ("Germany", "medium")


def test_name_mentioned_elsewhere_in_the_bead_is_present():
    assert flags("The United States, Mexico and Canada signed the agreement.",
                 "Los Estados Unidos y México firmaron el acuerdo, al que luego se adhirió el Canadá.") == []


# ---------------------------------------------------------------- people and acronyms


def test_person_dropped_from_list_and_accents_do_not_matter():
    [flag] = flags("John Smith, María López and Peter Brown met in Geneva.",
                   "John Smith y Maria Lopez se reunieron en Ginebra.")
    assert (flag.kind, flag.severity, flag.src_evidence) == ("omission", "medium", "Peter Brown")
    assert flags("John Smith, María López and Peter Brown met in Geneva.",
                 "Peter Brown, John Smith y Maria Lopez se reunieron en Ginebra.") == []


JTF_EN = "The Joint Task Force (JTF) was set up in May. The JTF, the UN and the OAS met in June."


def test_document_defined_acronym_is_matched_through_its_expansion():
    es = "En mayo se creó el grupo. La ONU y la OEA se reunieron en junio con el grupo de trabajo conjunto."
    assert flags(JTF_EN, es, fake_embed) == []


def test_document_defined_acronym_dropped_is_flagged():
    [flag] = flags(JTF_EN, "En mayo se creó un comité. La ONU y la OEA se reunieron en junio.", fake_embed)
    assert (flag.kind, flag.src_evidence) == ("omission", "JTF")


def test_same_acronym_on_both_sides_is_silent():
    assert flags(JTF_EN, "El Grupo de Tareas Conjunto (JTF) se creó en mayo. El JTF, la ONU y la OEA se reunieron en junio.") == []


# ---------------------------------------------------------------- items that are not names

WELFARE_EN = "Member States shall promote education, health, housing and employment for all."


def test_non_name_item_dropped_is_found_by_embedding():
    [flag] = flags(WELFARE_EN, "Los Estados miembros promoverán la educación, la salud y el empleo para todos.", fake_embed)
    assert (flag.kind, flag.severity, flag.src_evidence) == ("omission", "medium", "housing")


def test_non_name_item_added_is_found_by_embedding():
    [flag] = flags("Member States shall promote education, health and employment for all.",
                   "Los Estados miembros promoverán la educación, la salud, la vivienda y el empleo para todos.",
                   fake_embed)
    assert (flag.kind, flag.tgt_evidence) == ("addition", "vivienda")


def test_non_name_lists_reordered_are_silent():
    assert flags(WELFARE_EN, "Los Estados miembros promoverán el empleo, la vivienda, la salud y la educación para todos.",
                 fake_embed) == []


def test_without_an_encoder_words_alone_do_not_claim_a_translated_word_is_missing():
    assert flags(WELFARE_EN, "Los Estados miembros promoverán la educación, la salud y el empleo para todos.") == []


def test_without_an_encoder_a_copied_item_can_be_missing():
    [flag] = flags("Grants cover the Erasmus, Horizon and LIFE programmes.",
                   "Las subvenciones cubren los programas Erasmus y Horizon.")
    assert flag.src_evidence == "LIFE"


def test_lexical_similarity_sees_digits_names_and_cognate_stems():
    assert lexical_similarity("education in Mexico", "en", "educación en México", "es") > 0.5
    assert lexical_similarity("housing", "en", "vivienda", "es") == 0.0


def test_real_encoder_matches_translated_items(use_encoder):
    en = "The plan covers water, energy, food and transport in rural areas."
    assert flags(en, "El plan abarca el agua, la energía, los alimentos y el transporte en las zonas rurales.",
                 use_encoder.encode) == []
    [flag] = flags(en, "El plan abarca el agua, la energía y el transporte en las zonas rurales.", use_encoder.encode)
    assert (flag.kind, flag.src_evidence) == ("omission", "food")


def test_a_document_embeds_its_items_in_one_call():
    calls = []

    def counting(texts):
        calls.append(list(texts))
        return fake_embed(texts)

    kept = BeadText(WELFARE_EN, "Los Estados miembros promoverán la educación, la salud, la vivienda y el empleo para todos.")
    plain = BeadText("The meeting ended.", "La reunión terminó.")
    found = EnumerationsCheck().judge_document([kept, plain, kept], Context(embed=counting))
    # lists of as many members on both sides are compared by their words: nothing embedded
    assert calls == [] and found == [[], [], []]
    # an item tested against the other side's pieces embeds them then; the flags are the
    # per-bead ones
    dropped = BeadText(WELFARE_EN, "Los Estados miembros promoverán la educación, la salud y el empleo para todos.")
    beads = [kept, dropped, plain, dropped]
    assert EnumerationsCheck().judge_document(beads, Context(embed=counting)) == \
        [EnumerationsCheck().judge(b, Context(embed=fake_embed)) for b in beads]
    assert len(calls) <= 2  # the dropped beads' items in one call, their pieces in another


# ---------------------------------------------------------------- with the other checks


def test_one_flag_for_one_dropped_country_among_all_checks():
    bead = BeadText("The Governments of the United States, Mexico and Canada shall cooperate.",
                    "Los Gobiernos de los Estados Unidos y México cooperarán.")
    about_canada = [f for f in judge(bead, Context(), default_checks()) if "Canada" in f.message]
    assert [(f.kind, f.severity) for f in about_canada] == [("omission", "high")]
    # alone, the commitments check still reports the party
    alone = CommitmentsCheck().judge(bead, Context())
    assert any("Canada" in f.message for f in alone)


@pytest.mark.parametrize("en, es", [
    ("Everyone has the right to life, liberty and security of person.",
     "Todo individuo tiene derecho a la vida, a la libertad y a la seguridad de su persona."),
    ("Personal data shall be processed lawfully, fairly and in a transparent manner.",
     "Los datos personales serán tratados de manera lícita, leal y transparente."),
])
def test_faithful_lists_are_silent(en, es):
    assert flags(en, es) == [] and flags(en, es, fake_embed) == []


def test_other_language_pairs_and_empty_sides_are_ignored():
    assert CHECK.judge(BeadText("A, B und C", "A, B et C"), Context(src_lang="de", tgt_lang="fr")) == []
    assert flags(HEAD_EN, "") == []
