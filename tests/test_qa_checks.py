"""Untranslated text, codes and links, Spanish typography and consistency: each check in both
directions (flag and no flag)."""
from __future__ import annotations

import pytest

from aligner.diverge import BeadText, Context, judge_document
from aligner.diverge.consistency import ConsistencyCheck
from aligner.diverge.names import NamesCheck, codes
from aligner.diverge.typography import TypographyCheck
from aligner.diverge.untranslated import UntranslatedCheck

CTX = Context()


def _one(check, en, es):
    return check.judge(BeadText(en, es), CTX)


# --- untranslated ---------------------------------------------------------------------------

@pytest.mark.parametrize("en, es", [
    ("The ministers met in Geneva on Monday.", "The ministers met in Geneva on Monday."),
    ("The ministers met in Geneva on Monday.", "The ministers met in Geneva last Monday."),
    ("Both delegations reviewed the progress made.", "Both delegations reviewed the progress made so far."),
])
def test_english_left_in_the_spanish_is_medium(en, es):
    flags = _one(UntranslatedCheck(), en, es)
    assert [(f.kind, f.severity) for f in flags] == [("untranslated", "medium")]


@pytest.mark.parametrize("en, es", [
    ("The ministers met in Geneva on Monday.", "Los ministros se reunieron en Ginebra el lunes."),
    ("They agreed to cooperate.", "Acordaron cooperar."),
    ("Washington, D.C.", "Washington, D.C."),  # a place name: the same in both (low at most)
    ("COVID-19", "COVID-19"),
    ("Hello.", "Hola."),
    ("I am gay.", "Soy gay."),
])
def test_spanish_and_names_are_not_medium(en, es):
    assert all(f.severity == "low" for f in _one(UntranslatedCheck(), en, es))


def test_a_quoted_english_headline_is_low():
    flags = _one(UntranslatedCheck(), "The headline read “Peace in our time”.", "“Peace in our time and for all of us”")
    assert [(f.severity) for f in flags] == ["low"] and "quotation" in flags[0].message


# --- names, codes, links --------------------------------------------------------------------

def test_codes_are_found_as_written():
    found = codes("See A/RES/70/1, COM(2020) 65 final, https://www.un.org/sdgs/ and info@un.org #SDGs @UN case T-123/19.")
    assert {k for k, _ in found} == {"document symbol", "EU document", "URL", "e-mail address",
                                     "hashtag", "handle", "case number"}
    assert ("URL", "https://www.un.org/sdgs") in found


@pytest.mark.parametrize("en, es, evidence", [
    ("Adopted as resolution A/RES/70/1.", "Aprobada como resolución A/RES/70/11.", ("A/RES/70/1", "A/RES/70/11")),
    ("Write to press@state.gov.", "Escriba a la oficina de prensa.", ("press@state.gov", None)),
    ("Follow #StopFentanyl.", "Siga la campaña.", ("#StopFentanyl", None)),
    ("See the Commission's COM(2020) 65 final.", "Véase el documento de la Comisión.", ("COM(2020) 65 final", None)),
])
def test_a_code_on_one_side_only_is_a_name_flag(en, es, evidence):
    flags = _one(NamesCheck(), en, es)
    assert flags and all(f.kind == "name" for f in flags)
    assert evidence[0] in {f.src_evidence for f in flags}


@pytest.mark.parametrize("en, es", [
    ("Adopted as resolution A/RES/70/1.", "Aprobada como resolución A/RES/70/1."),
    ("Details at www.state.gov/briefings.", "Detalles en www.state.gov/briefings."),
    ("Email info@sre.gob.mx for details.", "Escriba a info@sre.gob.mx para más detalles."),
    ("The 2030 Agenda (A/RES/70/1) sets 17 goals.", "La Agenda 2030 (A/RES/70/1) fija 17 objetivos."),
    ("One in 10 people.", "Una de cada 10 personas."),
])
def test_codes_copied_as_they_are_raise_nothing(en, es):
    assert _one(NamesCheck(), en, es) == []


def test_a_link_to_the_spanish_page_of_the_same_site_is_one_low_flag():
    flags = _one(NamesCheck(), "See https://www.state.gov/fentanyl.", "Véase https://www.state.gov/es/fentanilo.")
    assert [(f.severity, f.src_evidence) for f in flags] == [("low", "https://www.state.gov/fentanyl")]


# --- typography -------------------------------------------------------------------------------

@pytest.mark.parametrize("es, problem", [
    ("Qué harán los gobiernos?", "¿…?"),
    ("¿Qué harán los gobiernos.", "¿…?"),
    ("No lo deje pasar!", "¡…!"),
    ("Dijo: «Es un paso histórico.", "«…»"),
])
def test_unpaired_spanish_marks_are_low(es, problem):
    flags = _one(TypographyCheck(), "x", es)
    assert [(f.kind, f.severity) for f in flags] == [("typography", "low")] and problem in flags[0].message


@pytest.mark.parametrize("es", [
    "¿Qué harán los gobiernos?", "Si vienen, ¿qué harán?", "¡No lo deje pasar!",
    "Dijo: «Es un paso histórico».", "Visite https://example.org/?q=1 hoy.",
])
def test_paired_marks_raise_nothing(es):
    assert _one(TypographyCheck(), "x", es) == []


def test_mixed_conventions_flag_the_minority_in_the_document():
    es = ["Creció un 12 % en 2022.", "Bajó un 3 % en 2023.", "Subió un 5% en 2024.",
          "Costó 1.000,5 millones.", "Costó 2.000,5 millones.", "Costó 3,000.5 millones."]
    flags = TypographyCheck().judge_document([BeadText("x", t) for t in es], CTX)
    assert [len(f) for f in flags] == [0, 0, 1, 0, 0, 1]
    assert flags[2][0].tgt_evidence == "5%" and flags[5][0].tgt_evidence == "3,000.5"


def test_one_convention_kept_throughout_raises_nothing():
    for es in (["Creció un 12%.", "Bajó un 3%."], ["Creció un 12 %.", "Bajó un 3 %."],
               ["Costó 1,000.5 millones.", "Costó 2,000.5 millones."]):
        assert TypographyCheck().judge_document([BeadText("x", t) for t in es], CTX) == [[], []]


# --- consistency ----------------------------------------------------------------------------

def test_the_same_english_sentence_translated_two_ways_is_low():
    beads = [BeadText("Both governments reaffirmed their commitment.", "Ambos gobiernos reafirmaron su compromiso."),
             BeadText("Other text here today.", "Otro texto aquí hoy."),
             BeadText("Both governments reaffirmed their commitment.", "Los dos gobiernos reiteraron su compromiso.")]
    flags = ConsistencyCheck().judge_document(beads, CTX)
    assert [len(f) for f in flags] == [0, 0, 1]
    assert flags[2][0].tgt_evidence == "Ambos gobiernos reafirmaron su compromiso."


def test_the_same_spanish_for_two_english_sentences_is_low():
    beads = [BeadText("The parties will meet again soon.", "Las partes volverán a reunirse pronto."),
             BeadText("The parties will meet again in May.", "Las partes volverán a reunirse pronto.")]
    flags = ConsistencyCheck().judge_document(beads, CTX)
    assert [len(f) for f in flags] == [0, 1] and "different English" in flags[1][0].message


def test_repeats_rendered_alike_and_short_headings_raise_nothing():
    beads = [BeadText("Both governments reaffirmed their commitment.", "Ambos gobiernos reafirmaron su compromiso."),
             BeadText("Background", "Antecedentes"), BeadText("Background", "Contexto"),
             BeadText("Both  governments reaffirmed their commitment", "Ambos gobiernos reafirmaron su compromiso.")]
    assert judge_document(beads, CTX, (ConsistencyCheck(),)) == [[], [], [], []]


# --- people's names --------------------------------------------------------------------------

@pytest.mark.parametrize("en, es, name", [
    ("Secretary Antony Blinken met the delegation.", "El secretario se reunió con la delegación.", "Antony Blinken"),
    ("The report was presented by Marcelo Ebrard Casaubón.", "El informe fue presentado por el canciller.", "Marcelo Ebrard Casaubón"),
])
def test_a_persons_name_missing_in_spanish_is_medium(en, es, name):
    flags = _one(NamesCheck(), en, es)
    assert [(f.kind, f.severity, f.src_evidence) for f in flags] == [("name", "medium", name)]


def test_a_name_only_in_spanish_is_low():
    flags = _one(NamesCheck(), "The minister spoke.", "Habló la ministra Alicia Bárcena Ibarra.")
    assert [(f.severity, f.tgt_evidence) for f in flags] == [("low", "Alicia Bárcena Ibarra")]


@pytest.mark.parametrize("en, es", [
    ("Secretary Antony Blinken met the delegation.", "El secretario Blinken se reunió con la delegación."),
    ("Marie Antoinette fled.", "María Antonieta huyó."),  # an adapted name is kept
    ("The Joint Task Force met on Monday.", "La Fuerza de Tarea Conjunta se reunió el lunes."),
    ("South Africa and New Zealand signed.", "Sudáfrica y Nueva Zelanda firmaron."),
    ("It's Monday, you know.", "Es lunes, ya sabes."),
    ("The WHO and the UNDP agreed.", "La OMS y el PNUD acordaron."),
])
def test_kept_adapted_or_common_capitalised_words_raise_nothing(en, es):
    assert _one(NamesCheck(), en, es) == []


def test_a_name_rendered_two_ways_is_low_consistency():
    beads = [BeadText("The Joint Task Force met in May.", "La Fuerza de Tarea Conjunta se reunió en mayo."),
             BeadText("The Joint Task Force will report.", "La Fuerza de Tarea Conjunta informará."),
             BeadText("Funds for the Joint Task Force grew.", "Crecieron los fondos de la Fuerza Conjunta de Tareas.")]
    flags = ConsistencyCheck().judge_document(beads, CTX)
    assert [len(f) for f in flags] == [0, 0, 1]
    assert (flags[2][0].src_evidence, flags[2][0].tgt_evidence) == ("Joint Task Force", "Fuerza Conjunta de Tareas")


def test_a_defined_short_form_rendered_two_ways_is_low_consistency():
    beads = [BeadText("They adopted the Bicentennial Framework (the Framework).", "Adoptaron el Marco Bicentenario (el Marco)."),
             BeadText("The Framework sets goals.", "Así, el Marco fija metas."),
             BeadText("Under the Framework, both act.", "Conforme al Marco, ambos actúan."),
             BeadText("The Framework ends in 2030.", "Por ello, el Acuerdo termina en 2030.")]
    flags = ConsistencyCheck().judge_document(beads, CTX)
    assert [len(f) for f in flags][:3] == [0, 0, 0] and flags[3]
    assert flags[3][0].tgt_evidence == "Acuerdo"


def test_names_rendered_alike_or_not_capitalised_raise_nothing():
    beads = [BeadText("The Joint Task Force met.", "Se reunió la Fuerza de Tarea Conjunta."),
             BeadText("The Joint Task Force will report.", "Informará la Fuerza de Tarea Conjunta."),
             BeadText("The Joint Task Force grew.", "Creció la fuerza conjunta."),
             BeadText("The Joint Task Force and the United Nations agreed.", "Acordaron la Fuerza de Tarea Conjunta y las Naciones Unidas.")]
    assert ConsistencyCheck().judge_document(beads, CTX) == [[], [], [], []]


def test_a_spanish_side_half_copied_from_the_english_is_untranslated():
    check = UntranslatedCheck()
    en = "The ministers agreed to strengthen cooperation on migration and border management."
    half = "Los ministros acordaron to strengthen cooperation on migration and border management."
    faithful = "Los ministros acordaron reforzar la cooperación en materia de migración y gestión de fronteras."
    assert [f.severity for f in check.judge(BeadText(en, half), Context())] == ["medium"]
    assert check.judge(BeadText(en, faithful), Context()) == []
    # names and figures copied on purpose do not count
    named = "La Organización Internacional para las Migraciones (OIM) abrió 12 oficinas en Guatemala y Honduras."
    assert check.judge(BeadText("The International Organization for Migration (IOM) opened 12 offices in "
                                "Guatemala and Honduras.", named), Context()) == []
