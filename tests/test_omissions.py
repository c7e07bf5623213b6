"""Omissions check: orphan sentences and beads whose target looks truncated."""
from __future__ import annotations


import pytest

from aligner.diverge.base import BeadText, Context
from aligner.diverge.omissions import OmissionsCheck, has_figures

CHECK = OmissionsCheck()
CTX = Context()

SENTENCE = "The committee reviewed the annual report and discussed its main conclusions."
SPANISH = "El comité examinó el informe anual y debatió sus principales conclusiones."


def test_empty_target_is_an_omission_with_the_source_as_evidence():
    (flag,) = CHECK.judge(BeadText(SENTENCE, ""), CTX)
    assert (flag.kind, flag.severity) == ("omission", "medium")
    assert flag.message == "sentence missing in Spanish"
    assert flag.src_evidence == SENTENCE and flag.tgt_evidence == ""


def test_empty_source_is_an_addition_with_the_target_as_evidence():
    (flag,) = CHECK.judge(BeadText("  ", SPANISH), CTX)
    assert (flag.kind, flag.severity) == ("addition", "medium")
    assert flag.message == "sentence added in Spanish"
    assert flag.tgt_evidence == SPANISH and flag.src_evidence == ""


@pytest.mark.parametrize(
    "orphan, severity",
    [
        ("The fine shall not exceed 20 000 000 EUR.", "high"),
        ("Costs rose by three per cent in the period under review.", "high"),
        ("The Parties shall exchange information every year.", "high"),
        ("Member States may provide for more specific rules.", "high"),
        ("The program was launched in 2008 as a pilot in three districts.", "medium"),
        ("Annex on cooperation", "low"),
        ("Responsibility of the controller", "low"),
        ("See above.", "low"),
        (SENTENCE, "medium"),
    ],
)
def test_orphan_severity(orphan, severity):
    (flag,) = CHECK.judge(BeadText(orphan, ""), CTX)
    assert flag.severity == severity


def test_translator_note_is_low_even_with_figures():
    note = "N. del T.: en la escala numérica española, un billón equivale a un millón de millones."
    (flag,) = CHECK.judge(BeadText("", note), CTX)
    assert (flag.kind, flag.severity) == ("addition", "low")


def test_spanish_orphan_uses_the_spanish_lexicon():
    (flag,) = CHECK.judge(BeadText("", "Las Partes intercambiarán información periódicamente."), CTX)
    assert (flag.kind, flag.severity) == ("addition", "high")


def test_figure_detector_can_be_injected():
    never = OmissionsCheck(figures=lambda text: False)
    (flag,) = never.judge(BeadText("Costs rose by three per cent in the period under review.", ""), CTX)
    assert flag.severity == "medium"


@pytest.mark.parametrize(
    "text, expected",
    [("Article 5", True), ("twenty countries", True), ("dos millones", True), ("one of the parties", False),
     ("una de las partes", False), ("Prevalence of undernourishment", False)],
)
def test_has_figures(text, expected):
    assert has_figures(text) is expected


LONG_EN = ("The controller shall implement appropriate technical and organisational measures to ensure "
           "a level of security appropriate to the risk, including pseudonymisation and encryption.")
TRUNCATED_ES = "El responsable aplicará medidas técnicas."


def test_much_shorter_target_with_low_score_is_a_partial_omission():
    (flag,) = CHECK.judge(BeadText(LONG_EN, TRUNCATED_ES, score=0.3), CTX)
    assert flag.kind == "omission"
    assert flag.message == "Spanish side looks shorter than the English: part may be missing"
    assert flag.severity == "medium"  # about a quarter of the expected length


def test_moderately_short_target_is_low():
    es = "El responsable aplicará medidas técnicas y organizativas para garantizar la seguridad."
    (flag,) = CHECK.judge(BeadText(LONG_EN, es, score=0.3), CTX)
    assert flag.severity == "low"


def test_short_target_with_high_score_is_trusted():
    assert CHECK.judge(BeadText(LONG_EN, TRUNCATED_ES, score=0.9), CTX) == []


def test_normal_length_target_with_low_score_is_not_an_omission():
    es = ("El responsable del tratamiento aplicará medidas técnicas y organizativas apropiadas para garantizar "
          "un nivel de seguridad adecuado al riesgo, incluida la seudonimización y el cifrado.")
    assert CHECK.judge(BeadText(LONG_EN, es, score=0.3), CTX) == []


def test_thresholds_are_parameters():
    lenient = OmissionsCheck(short_ratio=0.2)
    assert lenient.judge(BeadText(LONG_EN, TRUNCATED_ES, score=0.3), CTX) == []
    short_sources_too = OmissionsCheck(min_src_chars=10)
    assert short_sources_too.judge(BeadText("The Parties met in Geneva.", "Reunión.", score=0.1), CTX)
    assert CHECK.judge(BeadText("The Parties met in Geneva.", "Reunión.", score=0.1), CTX) == []


def test_reverse_pair_uses_the_reverse_ratio():
    es_en = Context(src_lang="es", tgt_lang="en")
    es = ("El responsable del tratamiento aplicará medidas técnicas y organizativas apropiadas para garantizar "
          "un nivel de seguridad adecuado al riesgo.")
    en = "The controller shall implement measures to ensure security."
    (flag,) = CHECK.judge(BeadText(es, en, score=0.2), es_en)
    assert flag.message == "English side looks shorter than the Spanish: part may be missing"
    assert CHECK.judge(BeadText(es, LONG_EN[:120], score=0.2), es_en) == []


def test_both_sides_empty_raises_nothing():
    assert CHECK.judge(BeadText("", ""), CTX) == []


def _scored(pairs, encoder):
    import numpy as np

    src = encoder.encode([en for en, _ in pairs])
    tgt = encoder.encode([es for _, es in pairs])
    return [BeadText(en, es, float(score)) for (en, es), score in zip(pairs, np.sum(src * tgt, axis=1))]


def test_partial_omission_is_rare_on_official_translations_with_real_scores(official_units, use_encoder):
    beads = _scored(official_units, use_encoder)
    flagged = sum(bool(CHECK.judge(bead, CTX)) for bead in beads)
    # 5 of 1,665 when measured: terse but faithful renderings ("Principios relativos al tratamiento")
    assert flagged <= 0.005 * len(beads)


def test_a_dropped_second_half_is_caught_with_real_scores(use_encoder):
    pairs = [
        ("Both governments will launch a joint public campaign on the dangers of fentanyl, which will "
         "explain the risks of mixing substances and promote the use of naloxone in every state.",
         "Ambos gobiernos pondrán en marcha una campaña pública conjunta sobre los peligros del fentanilo."),
        ("The controller shall implement appropriate technical and organisational measures to ensure a "
         "level of security appropriate to the risk, including the pseudonymisation and encryption of data.",
         "El responsable aplicará medidas técnicas y organizativas apropiadas."),
    ]
    for bead in _scored(pairs, use_encoder):
        (flag,) = CHECK.judge(bead, CTX)
        assert flag.kind == "omission"


# --- translator's notices --------------------------------------------------------------

@pytest.mark.parametrize(
    "notice, what",
    [
        ("Esta es una traducción de cortesía.", "courtesy translation"),
        ("Traducción no oficial.", "unofficial translation"),
        ("Solo el texto en inglés es auténtico.", "only the original is authentic"),
        ("Sólo la versión original en inglés hace fe.", "only the original is authentic"),
        ("En caso de discrepancia, prevalecerá la versión en inglés.", "only the original is authentic"),
        ("N. del T.: en la escala numérica española, un billón equivale a un millón de millones.",
         "translator's note"),
    ],
)
def test_a_spanish_notice_alone_is_a_low_addition_naming_it(notice, what):
    (flag,) = CHECK.judge(BeadText("", notice), CTX)
    assert (flag.kind, flag.severity) == ("addition", "low")
    assert flag.message == f"translator's notice in Spanish: {what}"
    assert flag.tgt_evidence == notice


def test_an_english_notice_is_recognised_too():
    notice = "This is an unofficial translation. Only the English text is authentic."
    (flag,) = CHECK.judge(BeadText(notice, ""), CTX)
    assert (flag.kind, flag.severity) == ("addition", "low")
    assert flag.message == "translator's notice in English: unofficial translation; only the original is authentic"
    assert flag.src_evidence == notice
    (flag,) = CHECK.judge(BeadText("", "This is a courtesy translation."), Context(src_lang="es", tgt_lang="en"))
    assert flag.message == "translator's notice in English: courtesy translation"


def test_a_notice_inside_a_bead_does_not_hide_a_truncated_target():
    tgt = TRUNCATED_ES + " Esta es una traducción de cortesía; solo el texto en inglés es auténtico."
    flags = CHECK.judge(BeadText(LONG_EN, tgt, score=0.3), CTX)
    assert [(f.kind, f.severity) for f in flags] == [("addition", "low"), ("omission", "medium")]


def test_a_notice_beside_a_faithful_translation_is_only_the_notice():
    es = ("El responsable del tratamiento aplicará medidas técnicas y organizativas apropiadas para garantizar "
          "un nivel de seguridad adecuado al riesgo, incluida la seudonimización y el cifrado.")
    (flag,) = CHECK.judge(BeadText(LONG_EN, es + " Traducción no oficial.", score=0.7), CTX)
    assert flag.message == "translator's notice in Spanish: unofficial translation"


@pytest.mark.parametrize(
    "en, es",
    [
        ("The Secretariat will circulate an unofficial translation of the report.",
         "La Secretaría distribuirá una traducción no oficial del informe."),
        ("The English and Spanish texts of this Agreement are equally authentic.",
         "Los textos en inglés y español de este Acuerdo son igualmente auténticos."),
    ],
)
def test_sentences_that_mention_translations_are_not_notices(en, es):
    assert CHECK.judge(BeadText(en, es, score=0.9), CTX) == []
    (flag,) = CHECK.judge(BeadText("", es), CTX)
    assert "notice" not in flag.message
