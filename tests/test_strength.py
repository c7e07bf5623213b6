"""Commitment strength beyond modals: undertaking > intention > study, in both languages."""
from __future__ import annotations

import pytest

from aligner.diverge import default_checks
from aligner.diverge.base import BeadText, Context
from aligner.diverge.strength import STUDY, UNDERTAKING, StrengthCheck, strength_cues

CHECK = StrengthCheck()
EN_ES = Context()
ES_EN = Context(src_lang="es", tgt_lang="en")


def _flags(src, tgt, ctx=EN_ES):
    return CHECK.judge(BeadText(src, tgt), ctx)


@pytest.mark.parametrize(
    "en, es, message",
    [
        ("The ministers reaffirmed their commitment to expand the programme.",
         "Los ministros reafirmaron su intención de evaluar una posible ampliación del programa.",
         "commitment weakened to intention in Spanish: commitment -> intención"),
        ("The Parties will implement the action plan.", "Las Partes considerarán aplicar el plan de acción.",
         "commitment weakened to study in Spanish: will -> considerarán"),
        ("Both governments pledged to close the gap by 2030.",
         "Ambos gobiernos estudiarán cómo cerrar la brecha para 2030.",
         "commitment weakened to study in Spanish: pledged -> estudiarán"),
        ("The Parties reaffirmed their intention to share the data.",
         "Las Partes reafirmaron su compromiso de compartir los datos.",
         "intention strengthened to commitment in Spanish: intention -> compromiso"),
        ("The Board will explore ways to fund the office.", "El Consejo financiará la oficina.",
         "study strengthened to commitment in Spanish: explore -> financiará"),
    ],
)
def test_a_change_of_level_is_flagged_medium(en, es, message):
    (flag,) = _flags(en, es)
    assert (flag.kind, flag.severity, flag.message) == ("commitment", "medium", message)


def test_spanish_source_is_judged_too():
    (flag,) = _flags("Los ministros se comprometieron a ampliar el programa.",
                     "The ministers will study an extension of the programme.", ES_EN)
    assert flag.message.startswith("commitment weakened to study in English")
    (flag,) = _flags("El Comité examinará la propuesta.", "The Committee undertakes to adopt the proposal.", ES_EN)
    assert flag.message.startswith("study strengthened to commitment in English")


@pytest.mark.parametrize(
    "en, es",
    [
        ("The ministers reaffirmed their commitment to expand the programme.",
         "Los ministros reafirmaron su compromiso de ampliar el programa."),
        ("The Parties will consider extending the programme.", "Las Partes considerarán ampliar el programa."),
        ("The Parties will implement the plan.", "Las Partes aplicarán el plan."),
        ("Considering that the Parties wish to cooperate,", "Considerando que las Partes desean cooperar,"),
        ("Such processing shall be considered lawful.", "Dicho tratamiento se considerará lícito."),
        ("The Commission shall review this Regulation by 2020.",
         "La Comisión revisará el presente Reglamento a más tardar en 2020."),
        ("Member States shall take into account the guidelines.",
         "Los Estados miembros tendrán en cuenta las directrices."),
        ("The implementing acts shall be adopted in accordance with the examination procedure.",
         "Los actos de ejecución se adoptarán con arreglo al procedimiento de examen."),
        ("The controller shall inform the data subject as soon as possible.",
         "El responsable informará al interesado lo antes posible."),
        ("The Parties agree to cooperate under this Agreement.",
         "Las Partes acuerdan cooperar en el marco del presente Acuerdo."),
        ("Each undertaking shall keep records.", "Cada empresa llevará un registro."),
    ],
)
def test_faithful_variation_is_silent(en, es):
    assert _flags(en, es) == []
    assert _flags(es, en, ES_EN) == []


def test_a_weakening_the_modal_check_already_reports_is_not_flagged_twice():
    en, es = "The Parties agree to share the data.", "Las Partes pretenden compartir los datos."
    flags = [f for check in default_checks() for f in check.judge(BeadText(en, es), EN_ES)]
    assert len([f for f in flags if f.kind == "commitment"]) == 1


def test_cues_use_stems_so_every_inflection_counts():
    levels = [c.level for c in strength_cues("They committed, they undertook, we studied, it was assessed.", "en")]
    assert levels == [UNDERTAKING, UNDERTAKING, STUDY, STUDY]
    assert [c.level for c in strength_cues("Se comprometieron y evaluaron.", "es")] == [UNDERTAKING, STUDY]


def test_other_language_pairs_are_skipped():
    assert CHECK.judge(BeadText("We commit.", "Nous étudierons."), Context(tgt_lang="fr")) == []


@pytest.mark.parametrize("src, tgt, ctx, message", [
    ("(t) issue opinions on draft decisions of supervisory authorities;",
     "t) estudiará la posibilidad de emitir dictámenes sobre los proyectos de decisión;", EN_ES,
     "study added in Spanish: estudiará (the English states the act itself)"),
    ("El Comité publica su dictamen cada año.", "The Board will consider publishing its opinion every year.",
     ES_EN, "study added in English: consider (the Spanish states the act itself)"),
])
def test_a_study_verb_governing_an_act_the_other_side_states_plainly_is_flagged(src, tgt, ctx, message):
    assert [f.message for f in _flags(src, tgt, ctx)] == [message]


@pytest.mark.parametrize("src, tgt, ctx", [
    ("(e) assists the controller by appropriate technical measures;",
     "e) asiste al responsable mediante medidas técnicas apropiadas;", EN_ES),
    ("Ministers welcomed the report.", "Los ministros acogieron con satisfacción la evaluación.", EN_ES),
    ("Los ministros acogieron el informe.", "Ministers welcomed the assessment.", ES_EN),
    ("(l) review the practical application of the guidelines;",
     "l) examinará la aplicación práctica de las directrices;", EN_ES),
])
def test_a_study_noun_or_a_plain_rendering_is_no_added_study(src, tgt, ctx):
    assert _flags(src, tgt, ctx) == []


def test_where_feasible_does_not_make_a_duty_a_study():
    en = "The controller shall, where feasible, notify the breach within 72 hours."
    kept = "El responsable, de ser posible, notificará la violación en un plazo de 72 horas."
    weakened = "El responsable, de ser posible, estudiará la posibilidad de notificar la violación en 72 horas."
    assert _flags(en, kept) == []
    assert [f.message for f in _flags(en, weakened)] == \
        ["commitment weakened to study in Spanish: shall -> estudiará"]


@pytest.mark.parametrize("src, tgt, ctx, message", [
    ("(a) the obligations of the controller and the processor pursuant to Article 8;",
     "a) las posibilidades del responsable y del encargado a tenor del artículo 8;", EN_ES,
     "obligation weakened to option in Spanish: obligations -> posibilidades"),
    ("El responsable tiene la posibilidad de informar al interesado.",
     "The controller has the obligation to inform the data subject.", ES_EN,
     "option strengthened to obligation in English: posibilidad -> obligation"),
])
def test_a_duty_noun_rendered_as_an_option_is_flagged_both_ways(src, tgt, ctx, message):
    assert [f.message for f in _flags(src, tgt, ctx)] == [message]


@pytest.mark.parametrize("src, tgt", [
    ("(a) the obligations of the controller pursuant to Article 8;", "a) las obligaciones del responsable con arreglo al artículo 8;"),
    ("The duty to inform includes the possibility of a remedy.", "El deber de informar incluye la posibilidad de recurso."),
    ("Member States shall lay down the obligations.", "Los Estados miembros establecerán los deberes."),
])
def test_a_kept_duty_or_an_option_on_both_sides_is_silent(src, tgt):
    assert _flags(src, tgt) == []


def test_a_study_phrase_in_an_adjunct_leaves_the_duty_of_the_modal():
    en = ("The Member States shall encourage the drawing up of codes of conduct, taking account of "
          "the specific features of the sectors.")
    kept = ("Los Estados miembros promoverán la elaboración de códigos de conducta, teniendo en cuenta "
            "las características específicas de los sectores.")
    weakened = ("Los Estados miembros estudiarán la posibilidad de promover la elaboración de códigos de "
                "conducta, teniendo en cuenta las características específicas de los sectores.")
    assert _flags(en, kept) == []
    assert [f.message for f in _flags(en, weakened)] == \
        ["commitment weakened to study in Spanish: shall -> estudiarán"]


def test_the_same_study_phrase_on_both_sides_is_no_weakening():
    en = ("The Commission shall be empowered to adopt delegated acts specifying the requirements to be taken "
          "into account for the certification mechanisms.")
    es = ("La Comisión estará facultada para adoptar actos delegados a fin de especificar las condiciones que "
          "deberán tenerse en cuenta para los mecanismos de certificación.")
    assert _flags(en, es) == []
