"""Paragraph, list and article labels: a renumbered item is a medium figure flag, the same
label punctuated the other language's way is none, and a label on one side only is none."""
import pytest

from aligner.diverge.base import BeadText, Context
from aligner.diverge.figures import FiguresCheck
from aligner.diverge.labels import find_labels, pair_labels

CHECK = FiguresCheck()


def judge(src, tgt, src_lang="en", tgt_lang="es", **ctx):
    return CHECK.judge(BeadText(src, tgt), Context(src_lang=src_lang, tgt_lang=tgt_lang, **ctx))


@pytest.mark.parametrize("en, es", [
    ("(a) the data subject;", "a) el interesado;"),
    ("1. Member States shall report.", "1) Los Estados miembros informarán."),
    ("(1) Member States shall report.", "1. Los Estados miembros informarán."),
    ("(iv) the controller;", "iv) el responsable;"),
    ("Article 5", "Artículo 5"),
    ("Article 5a", "Artículo 5 bis"),
    ("Article 7 bis", "Artículo 7 bis"),
    ("CHAPTER II", "Capítulo II"),
    ("Chapter II", "Capítulo 2"),
    ("Section 2 Definitions", "Sección 2 Definiciones"),
    ("Rule 4. Participation", "Regla 4. Participación"),
    ("2.1 Scope of the Rules", "2.1 Ámbito de las Reglas"),
    ("1. The Parties agree. 2. Each Party shall report.", "1. Las Partes convienen. 2. Cada Parte informará."),
    # a label one side drops or adds is no renumbering
    ("3. Each Party shall report.", "Cada Parte informará."),
    ("Each Party shall report.", "(3) Cada Parte informará."),
    # an abbreviation's period ends no sentence, and a reference opening a sentence is no label
    ("The team (Larson, 1989, p. 109) met.", "El equipo (Larson, 1989, p. 109) se reunió."),
    ("3. Paragraph 1 shall not apply.", "3. El apartado 1 no se aplicará."),
    # markers inside one sentence are placed differently by each language
    ("including (a) the legislatures; (b) the public service; and (c) the judiciary",
     "entre ellas: a) las asambleas legislativas, b) la administración pública y c) el poder judicial"),
])
def test_same_labels_raise_nothing_either_way(en, es):
    assert judge(en, es) == []
    assert judge(es, en, "es", "en") == []


@pytest.mark.parametrize("en, es, src_label, tgt_label", [
    ("3. Each Party shall report.", "5. Cada Parte informará.", "3.", "5."),
    ("(12) The Regulation applies.", "11) El Reglamento se aplica.", "(12)", "11)"),
    ("(b) the controller;", "c) el responsable;", "(b)", "c)"),
    ("(iv) the controller;", "(v) el responsable;", "(iv)", "(v)"),
    ("Article 5", "Artículo 6", "Article 5", "Artículo 6"),
    ("Chapter II", "Capítulo III", "Chapter II", "Capítulo III"),
    ("Section 2. Definitions", "Sección 3. Definiciones", "Section 2", "Sección 3"),
    ("Rule 4 Participation", "Regla 14 Participación", "Rule 4", "Regla 14"),
    ("1. The Parties agree. 2. Each Party shall report.", "1. Las Partes convienen. 3. Cada Parte informará.", "2.", "3."),
])
def test_a_different_label_is_a_medium_figure_flag_with_both_labels(en, es, src_label, tgt_label):
    for flags, a, b in ((judge(en, es), src_label, tgt_label), (judge(es, en, "es", "en"), tgt_label, src_label)):
        assert [(f.kind, f.severity, f.src_evidence, f.tgt_evidence) for f in flags] == [("figure", "medium", a, b)]


def test_decimal_conventions_do_not_touch_labels():
    # Peninsular "1,5" and Mexican "1.5" inside numbered paragraphs
    for es, locale in (("2. La tasa fue de 1,5 millones. 3. Otro dato.", "es"), ("2. La tasa fue de 1.5 millones. 3. Otro dato.", "mx")):
        assert judge("2. The rate was 1.5 million. 3. Another figure.", es, es_locale=locale) == []
    flags = judge("2. The rate was 1.5 million. 3. Another figure.", "2. La tasa fue de 1,5 millones. 4. Otro dato.", es_locale="es")
    assert [f.message for f in flags] == ["label differs: 3. vs 4."]


def test_a_renumbered_article_is_reported_once_as_a_label():
    flags = judge("Article 5", "Artículo 6")
    assert [f.message for f in flags] == ["label differs: Article 5 vs Artículo 6"]


def test_labels_pair_on_equal_values_where_one_side_has_more():
    src = find_labels("1. One thing. 2. Another. 3. A third.")
    tgt = find_labels("1. Una cosa. 3. Una tercera.")
    assert [(a.text, b.text) for a, b in pair_labels(src, tgt)] == [("1.", "1."), ("3.", "3.")]


def test_a_reference_opening_a_sentence_is_no_label():
    assert find_labels("Article 5 shall apply.") == []
    assert [lab.value for lab in find_labels("Article 5 Principles relating to processing")] == ["5"]
