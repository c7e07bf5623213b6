"""Mined cue lexicons (benchmarks/mine_cues.py -> aligner/diverge/lexicons/*.tsv) and the
mechanisms that keep faithful renderings of conditions and negations silent while a real
disagreement still raises its flag, in both directions and both languages."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import mine_cues as M  # noqa: E402
from aligner.diverge import conditions, modality, polarity  # noqa: E402
from aligner.diverge.base import BeadText, Context  # noqa: E402
from aligner.diverge.commitments import CommitmentsCheck  # noqa: E402
from aligner.diverge.cues import MINED_COLUMNS, mined, parse_mined  # noqa: E402

LEXICON_DIR = Path(__file__).resolve().parents[1] / "aligner" / "diverge" / "lexicons"
GROUPS = ("conditions", "negation", "modality")
DATA = Path("/work/shared/data")


def flags(src: str, tgt: str, langs: tuple[str, str] = ("en", "es")):
    return CommitmentsCheck().judge(BeadText(src, tgt), Context(*langs))


def messages(src: str, tgt: str, langs: tuple[str, str] = ("en", "es")) -> list[tuple[str, str]]:
    return [(f.severity, f.message) for f in flags(src, tgt, langs)]


# --- the shipped files --------------------------------------------------------------------

@pytest.mark.parametrize("group", GROUPS)
def test_shipped_file_is_well_formed(group):
    lines = (LEXICON_DIR / f"{group}.tsv").read_text(encoding="utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == MINED_COLUMNS == M.COLUMNS
    for line in lines[1:]:
        row = dict(zip(MINED_COLUMNS, line.split("\t")))
        assert len(line.split("\t")) == len(MINED_COLUMNS)
        both, cue_units, rend_units, units = (int(row[k]) for k in ("both", "cue_units", "rendering_units", "units"))
        assert M.MIN_BOTH <= both <= min(cue_units, rend_units) <= units
        assert float(row["g2"]) >= M.MIN_G2
        assert row["status"] in {"accepted", "rejected", "report"}


@pytest.mark.parametrize("group", GROUPS)
def test_accepted_renderings_load(group):
    loaded = mined(group)
    assert loaded and mined(group) is loaded  # cached: read once
    assert all(r.lang in ("en", "es") and r.rendering for r in loaded)


def test_every_accepted_condition_rendering_is_a_cue_of_its_label():
    lexicons = conditions.LEXICONS
    for r in mined("conditions"):
        found = lexicons[r.lang].find(f"Hay {r.rendering} aquí" if r.lang == "es" else f"There is {r.rendering} here")
        assert any(conditions.readings(c.label) & conditions.readings(r.label) for c in found), r


def test_mined_modality_rendering_is_read():
    assert any(c.label == "intention" for c in modality.ES.find("El plan tenga por objeto reducir la pobreza."))


def test_malformed_lexicon_is_refused():
    header = "\t".join(MINED_COLUMNS)
    with pytest.raises(ValueError, match="header"):
        parse_mined("cue\trendering\n", "x.tsv")
    with pytest.raises(ValueError, match="x.tsv:2"):
        parse_mined(header + "\nconditions\ten>es\tappropriate\n", "x.tsv")
    bad_status = "\t".join(["conditions", "en>es", "appropriate", "as appropriate", "según proceda",
                            "3", "4", "5", "100", "0.750", "41.86", "0.667", "maybe"])
    with pytest.raises(ValueError, match="x.tsv:2"):
        parse_mined(header + "\n" + bad_status + "\n", "x.tsv")


# --- the mining script --------------------------------------------------------------------

def synthetic_units() -> list[tuple[str, str]]:
    """Forty units: "as appropriate" is always rendered "según convenga", topic words occur
    with and without it, and nothing else is systematic."""
    topics = [("water", "agua"), ("health", "salud"), ("schools", "escuelas"), ("roads", "carreteras")]
    units = []
    for i in range(40):
        en_topic, es_topic = topics[i % 4]
        if i % 3 == 0:
            units.append((f"States shall improve {en_topic}, as appropriate.",
                          f"Los Estados mejorarán {es_topic}, según convenga."))
        else:
            units.append((f"States shall improve {en_topic} every year.",
                          f"Los Estados mejorarán {es_topic} cada año."))
    return units


SEED = M.Seed("conditions", "en", "appropriate", "as appropriate", M._phrase("as appropriate"))


def test_mining_is_deterministic_and_finds_the_rendering(tmp_path):
    accept = frozenset({("as appropriate", "según convenga")})
    first, second = tmp_path / "a", tmp_path / "b"
    M.mine(synthetic_units(), [SEED], first, accept)
    M.mine(list(reversed(synthetic_units())), [SEED], second, accept)
    text = (first / "conditions.tsv").read_text(encoding="utf-8")
    assert text == (second / "conditions.tsv").read_text(encoding="utf-8")
    rows = [dict(zip(M.COLUMNS, line.split("\t"))) for line in text.splitlines()[1:]]
    best = rows[0]
    assert (best["rendering"], best["status"], best["both"], best["cue_units"]) == ("según convenga", "accepted", "14", "14")
    # topic words share units with the cue by chance only: not candidates
    assert not {"agua", "salud", "escuelas", "carreteras"} & {r["rendering"] for r in rows}
    # a piece of the rendering that occurs only inside it gives way to the whole phrase
    assert "convenga" not in {r["rendering"] for r in rows}
    assert [r for r in parse_mined(text, "conditions.tsv")][0].rendering == "según convenga"


def test_unreviewed_candidate_is_not_accepted(tmp_path):
    M.mine(synthetic_units(), [SEED], tmp_path, frozenset())
    text = (tmp_path / "conditions.tsv").read_text(encoding="utf-8")
    assert "\tsegún convenga\t" in text and parse_mined(text, "conditions.tsv") == ()


def test_g2_is_zero_for_independence_and_grows_with_association():
    assert M.g2(10, 20, 2, 100) == pytest.approx(0.0, abs=1e-9)
    assert M.g2(10, 10, 10, 100) > M.g2(10, 10, 5, 100) > M.MIN_G2


@pytest.mark.skipif(not DATA.is_dir(), reason="needs /work/shared/data")
def test_mining_reproduces_the_shipped_files(tmp_path):
    M.mine(M.read_units(DATA), M.SEEDS, tmp_path)
    for group in GROUPS:
        assert (tmp_path / f"{group}.tsv").read_bytes() == (LEXICON_DIR / f"{group}.tsv").read_bytes(), group


# --- conditions ---------------------------------------------------------------------------

EN_APPROPRIATE = "Strengthen cooperation with regional bodies, as appropriate."


@pytest.mark.parametrize("es", [
    "Fortalecer la cooperación con los organismos regionales, según proceda.",
    "Fortalecer la cooperación con los organismos regionales, según corresponda.",
    "Fortalecer la cooperación con los organismos regionales, según sea apropiado.",
    "Fortalecer la cooperación con los organismos regionales, como corresponda.",
    "Fortalecer la cooperación con los organismos regionales, cuando resulte oportuno.",
])
def test_as_appropriate_renderings_are_silent_both_ways(es):
    assert messages(EN_APPROPRIATE, es) == []
    assert messages(es, EN_APPROPRIATE, ("es", "en")) == []


def test_dropped_as_appropriate_is_flagged_both_ways():
    plain = "Fortalecer la cooperación con los organismos regionales."
    assert ("medium", "condition dropped: as appropriate") in messages(EN_APPROPRIATE, plain)
    spanish = "Fortalecer la cooperación con los organismos regionales, según proceda."
    assert ("medium", "condition dropped: según proceda") in messages(
        spanish, "Strengthen cooperation with regional bodies.", ("es", "en"))


def test_plain_if_matters_on_a_duty_only():
    assert messages("Fees shall be refunded if the application is rejected.",
                    "Las tasas se reembolsarán y se rechaza la solicitud.") == [("medium", "condition dropped: if")]
    assert messages("Parisians soften quickly if you are polite.",
                    "Unos pocos gestos de cortesía suavizan a los parisinos.") == [("low", "condition dropped: if")]


def test_inverted_conditional_reads_as_if():
    assert messages("Should you have a concern, buy bottled water.",
                    "Si esto le preocupa, compre agua embotellada.") == []


# --- negation -----------------------------------------------------------------------------

EN_REGARDLESS = "Travellers should say they are married, regardless of their actual status."


@pytest.mark.parametrize("es", [
    "Los viajeros deberían decir que están casados, sin importar su estado real.",
    "Los viajeros deberían decir que están casados, sin tener en cuenta su estado real.",
    "Los viajeros deberían decir que están casados, independientemente de su estado real.",
    "Los viajeros deberían decir que están casados, con independencia de su estado real.",
])
def test_regardless_renderings_are_silent_both_ways(es):
    assert messages(EN_REGARDLESS, es) == []
    assert messages(es, EN_REGARDLESS, ("es", "en")) == []


def test_negation_added_next_to_regardless_is_still_flagged():
    es = "Los viajeros no deberían decir que están casados, sin importar su estado real."
    assert any(m.startswith("negation added") for _, m in messages(EN_REGARDLESS, es))


EN_FREE = "Everyone has the right to live free of fear, want or hunger."


@pytest.mark.parametrize("es", [
    "Toda persona tiene derecho a vivir libre de temor, miseria ni hambre.",
    "Toda persona tiene derecho a vivir sin temor, miseria ni hambre.",
    "Toda persona tiene derecho a vivir sin el temor, la miseria ni el hambre.",
])
def test_free_of_list_with_ni_is_one_negation_both_ways(es):
    assert messages(EN_FREE, es) == []
    assert messages(es, EN_FREE, ("es", "en")) == []


def test_free_of_dropped_is_flagged():
    found = messages(EN_FREE, "Toda persona tiene derecho a vivir con temor, miseria y hambre.")
    assert ("high", "negation missing in Spanish: free of") in found


def test_ni_continuing_sin_adds_no_negation():
    es_cues = polarity.ES.find("sin X, Y ni Z")
    assert polarity.clause_negations("sin X, Y ni Z", es_cues) == 0
    text = "no cumplen X ni Y"
    assert polarity.clause_negations(text, polarity.ES.find(text)) == 1


@pytest.mark.parametrize("en, es", [
    ("The data are stored in the Union.", "Los datos no se almacenan en la Unión."),
    ("Everyone has the right to live free of fear.", "Nadie tiene derecho a vivir libre de temor."),
])
def test_truly_added_negation_is_still_high(en, es):
    assert ("high" if not polarity.EN.find(en) else "medium", "negation added in Spanish: " + (
        "no" if "no " in es else "Nadie")) in messages(en, es)


def test_truly_added_negation_in_english_is_flagged():
    found = messages("Los datos se almacenan en la Unión.", "The data are not stored in the Union.", ("es", "en"))
    assert ("high", "negation added in English: not") in found


@pytest.mark.parametrize("en, es", [
    ("No one shall be held in slavery.", "Nadie estará sometido a esclavitud."),
    ("The country no longer ensures an adequate level of protection.",
     "El país ya no garantiza un nivel de protección adecuado."),
    ("It's very hot, isn't it?", "Hace mucho calor, ¿verdad?"),
    ("It is hard for a primate to digest them.", "No resulta fácil para un primate digerirlas."),
    ("Spanish is spoken not only in Spain.", "El español no se habla sólo en España."),
])
def test_negation_equivalences_are_silent(en, es):
    assert messages(en, es) == []


# --- modality -----------------------------------------------------------------------------

def test_will_be_able_to_is_an_ability():
    assert messages("You will also be able to enjoy the stars.", "También podrá deleitarse con las estrellas.") == []
    assert ("high", "obligation weakened: shall -> podrán") in messages(
        "The Parties shall exchange information.", "Las Partes podrán intercambiar información.")
