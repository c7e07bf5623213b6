"""The perturbation generator (benchmarks/perturb.py) and the scoring of the divergence
benchmark (benchmarks/divergence.py), checked on handmade sentences and a fake checker."""
from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import divergence as D  # noqa: E402
import perturb as P  # noqa: E402
from aligner.diverge import BeadText, Context  # noqa: E402
from aligner.records import Flag  # noqa: E402

SEEDS = range(25)


def outputs(edit, text: str) -> set[str]:
    """Everything `edit` produces on `text` over several seeds."""
    return {edit(text, random.Random(seed)) for seed in SEEDS}


# --- figures -----------------------------------------------------------------------------

def test_change_digits_alters_one_number_and_nothing_else():
    text = "Multas de 25.100 euros y hasta el 4 % en 2030."
    numbers = re.compile(r"\d+(?:[.,]\d+)*")
    for out in outputs(P.change_digits, text):
        assert numbers.sub("#", out) == numbers.sub("#", text)
        changed = [(a, b) for a, b in zip(numbers.findall(text), numbers.findall(out)) if a != b]
        assert len(changed) == 1


def test_change_digits_keeps_paragraph_labels_and_needs_a_number():
    for label in ("1. ", "(12) ", "18) "):
        text = f"{label}El plazo es de 72 horas."
        for out in outputs(P.change_digits, text):
            assert out.startswith(label) and f"{label}El plazo es de 72 horas." != out
    assert P.change_digits("Sin cifras aquí.", random.Random(0)) is None
    assert P.change_digits("1. Sin cifras aquí.", random.Random(0)) is None


def test_change_number_word_swaps_a_cardinal():
    for out in outputs(P.change_number_word, "En un plazo de cinco años."):
        word = re.fullmatch(r"En un plazo de (\w+) años\.", out).group(1)
        assert word in P._CARDINALS and word != "cinco"
    for out in outputs(P.change_number_word, "Dieciocho meses."):  # the capital survives
        assert out != "Dieciocho meses." and out[0].isupper() and out.endswith(" meses.")
    assert P.change_number_word("Todos los datos.", random.Random(0)) is None


def test_change_date_changes_day_month_or_year_but_not_references():
    text = "el 25 de mayo de 2018"
    for out in outputs(P.change_date, text):
        m = re.fullmatch(r"el (\d+) de (\w+) de (\d{4})", out)
        assert m and sum([m.group(1) != "25", m.group(2) != "mayo", m.group(3) != "2018"]) == 1
        assert m.group(2) in P._MONTHS
    assert P.change_date("el Reglamento (UE) 2016/679 y la Directiva 95/46/CE", random.Random(0)) is None


def test_change_currency_and_scale():
    assert P.change_currency("menos de 1,25 dólares al día", random.Random(0)) == "menos de 1,25 euros al día"
    assert P.change_currency("de 20000000 EUR como máximo", random.Random(0)) == "de 20000000 USD como máximo"
    assert P.change_currency("el euro europeo", random.Random(0)) == "el dólar europeo"
    assert P.change_currency("sin moneda europea", random.Random(0)) is None
    assert (P.change_scale("100.000 millones de dólares", random.Random(0))
            == "100.000 miles de millones de dólares")
    assert P.change_scale("100.000 miles de millones", random.Random(0)) == "100.000 millones"
    assert P.change_scale("cien personas", random.Random(0)) is None


# --- commitments -------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Los Estados miembros deberán notificarlo.", "Los Estados miembros podrán notificarlo."),
    ("Las Partes adoptarán medidas.", "Las Partes podrán adoptar medidas."),
    ("Las Partes se comprometen a cooperar.", "Las Partes procurarán cooperar."),
    ("El responsable hará constar la decisión.", "El responsable podrá hacer constar la decisión."),
    ("Lograr la igualdad entre los géneros.", "Procurar lograr la igualdad entre los géneros."),
    ("De aquí a 2030, reducir la pobreza.", "De aquí a 2030, procurar reducir la pobreza."),
])
def test_weaken_obligation(text, expected):
    assert outputs(P.weaken_obligation, text) == {expected}


@pytest.mark.parametrize("text", ["El tratamiento no debe dar lugar a abusos.",
                                  "Los datos no se transferirán a terceros países.",
                                  "El responsable no tendrá acceso a los datos.",
                                  "El responsable podrá ceder los datos.",
                                  "Proporción de niños menores de cinco años."])
def test_weaken_obligation_inapplicable(text):
    assert P.weaken_obligation(text, random.Random(0)) is None


def test_insert_negation():
    assert outputs(P.insert_negation, "El responsable aplicará medidas.") == {"El responsable no aplicará medidas."}
    assert outputs(P.insert_negation, "Se aplicará el artículo 5.") == {"No se aplicará el artículo 5."}
    assert outputs(P.insert_negation, "Erradicar la pobreza.") == {"No erradicar la pobreza."}
    assert P.insert_negation("Proporción de la población.", random.Random(0)) is None
    assert P.insert_negation("El responsable no aplicará.", random.Random(0)) is None


def test_drop_negation_only_on_verbs():
    assert outputs(P.drop_negation, "El responsable no podrá ceder los datos.") == {"El responsable podrá ceder los datos."}
    assert outputs(P.drop_negation, "No se aplicará.") == {"Se aplicará."}
    assert P.drop_negation("El trabajo doméstico no remunerado.", random.Random(0)) is None
    assert P.drop_negation("No obstante, el responsable informará.", random.Random(0)) is None


@pytest.mark.parametrize("text, expected", [
    ("El interesado podrá oponerse, siempre que lo solicite por escrito.", "El interesado podrá oponerse."),
    ("Salvo que se disponga otra cosa, se aplicará el artículo 5.", "Se aplicará el artículo 5."),
    ("1. Con sujeción a lo dispuesto en el artículo 6, el responsable informará.", "1. El responsable informará."),
    ("El responsable aplicará, en su caso, medidas técnicas.", "El responsable aplicará medidas técnicas."),
    ("Los datos se suprimirán a menos que exista un motivo.", "Los datos se suprimirán."),
])
def test_drop_condition(text, expected):
    assert outputs(P.drop_condition, text) == {expected}


def test_drop_condition_inapplicable():
    assert P.drop_condition("El responsable informará al interesado.", random.Random(0)) is None
    assert P.drop_condition("Salvo que.", random.Random(0)) is None  # nothing would be left


def test_drop_party():
    assert outputs(P.drop_party, "Estados Unidos y México acordaron un plan.") == {
        "Estados Unidos acordaron un plan.", "México acordaron un plan."}
    assert outputs(P.drop_party, "lo aplicará el responsable o el encargado del tratamiento") == {
        "lo aplicará el responsable", "lo aplicará el encargado del tratamiento"}
    assert outputs(P.drop_party, "del Parlamento Europeo y del Consejo") == {"del Parlamento Europeo", "del Consejo"}
    # the "a" of "a la autoridad" also governs "al interesado": only the second may go
    assert outputs(P.drop_party, "a la autoridad de control y al interesado") == {"a la autoridad de control"}
    assert P.drop_party("Las técnicas y los métodos.", random.Random(0)) is None


# --- kinds seen in real communiqués ----------------------------------------------------------

def test_drop_list_item_drops_one_inner_item():
    assert outputs(P.drop_list_item, "Canadá, México y Estados Unidos acordaron un plan.") == {
        "Canadá y Estados Unidos acordaron un plan."}
    assert outputs(P.drop_list_item, "la OMS, la OPS, el BID y la OEA firmaron.") == {
        "la OMS, el BID y la OEA firmaron.", "la OMS, la OPS y la OEA firmaron."}
    assert P.drop_list_item("México y Canadá firmaron.", random.Random(0)) is None  # two items
    assert P.drop_list_item("Sin lista, aquí.", random.Random(0)) is None


@pytest.mark.parametrize("text, expected", [
    ("El gasto aumentó un 5 %.", {"El gasto disminuyó un 5 %."}),
    ("Reducir la pobreza.", {"Aumentar la pobreza."}),
    ("un aumento de más de 25 millones", {"un descenso de más de 25 millones", "un aumento de menos de 25 millones"}),
])
def test_reverse_direction(text, expected):
    assert outputs(P.reverse_direction, text) == expected


def test_reverse_direction_needs_a_figure_after_a_bound():
    assert P.reverse_direction("más de lo previsto", random.Random(0)) is None


@pytest.mark.parametrize("text, expected", [
    ("Reafirmaron el compromiso de ampliar el programa.", "Reafirmaron la intención de ampliar el programa."),
    ("Las Partes se comprometen a aplicar el plan.", "Las Partes considerarán aplicar el plan."),
    ("Los gobiernos ampliarán el programa.", "Los gobiernos estudiarán la posibilidad de ampliar el programa."),
])
def test_commitment_to_intention(text, expected):
    assert outputs(P.commitment_to_intention, text) == {expected}


def test_commitment_to_intention_leaves_facts_and_negations():
    assert P.commitment_to_intention("El plan será breve y estará listo.", random.Random(0)) is None
    assert P.commitment_to_intention("Las Partes no ampliarán el plazo.", random.Random(0)) is None


def test_renumber_label():
    for out in outputs(P.renumber_label, "3. Las Partes cooperarán."):
        label = re.match(r"(\d+)\. Las Partes cooperarán\.$", out).group(1)
        assert label != "3"
    assert outputs(P.renumber_label, "(a) los datos") == {"(b) los datos", "(c) los datos"}
    assert all(re.fullmatch(r"Artículo \d+ Principios", o) and o != "Artículo 5 Principios"
               for o in outputs(P.renumber_label, "Artículo 5 Principios"))
    assert P.renumber_label("Sin etiqueta 3.", random.Random(0)) is None


def test_change_range_end_moves_one_end_and_keeps_the_order():
    for text, pattern in (("los días 4 y 5 de junio de 2023", r"los días (\d+) y (\d+) de junio de 2023"),
                          ("el periodo 2015-2020", r"el periodo (\d+)-(\d+)"),
                          ("mujeres de entre 15 y 49 años", r"mujeres de entre (\d+) y (\d+) años")):
        start, end = re.search(r"(\d+)\D+(\d+)", text).groups()
        for out in outputs(P.change_range_end, text):
            a, b = re.fullmatch(pattern, out).groups()
            assert (a == start) != (b == end) and int(a) < int(b)
    assert "de enero a marzo" not in outputs(P.change_range_end, "de enero a marzo")
    assert P.change_range_end("de 10 a 5", random.Random(0)) is None
    assert P.change_range_end("el 4 de junio de 2023", random.Random(0)) is None


@pytest.mark.parametrize("text, expected", [
    ("Se reunieron en junio en Ginebra.", {"Se reunieron en Ginebra.", "Se reunieron en junio."}),
    ("La semana pasada, los ministros firmaron.", {"Los ministros firmaron."}),
    ("Hay pobreza en América Latina y el Caribe hoy.", {"Hay pobreza en América Latina hoy.",
                                                        "Hay pobreza en América Latina y el Caribe."}),
    ("Una autoridad, en particular en el Estado miembro de residencia.", {None}),  # "miembro" belongs to it
    ("Se reunieron en junio y julio en Madrid.", {"Se reunieron en junio y julio."}),
])
def test_drop_time_place(text, expected):
    assert outputs(P.drop_time_place, text) == expected


# --- structure and shared behaviour -------------------------------------------------------

def test_structural_perturbations():
    rng = random.Random(0)
    assert P.delete_sentence("Article 5", "Artículo 5", rng, ()) == ("Article 5", "")
    assert P.delete_sentence("Article 5", "", rng, ()) is None
    donors = ("Artículo 5", "Una frase de otra parte del corpus.")
    for seed in SEEDS:
        assert P.add_sentence("Article 5", "Artículo 5", random.Random(seed), donors) == (
            "", "Una frase de otra parte del corpus.")
    assert P.add_sentence("Article 5", "Artículo 5", rng, ("Artículo 5",)) is None


def test_decomposed_input_stays_decomposed():
    nfd = unicodedata.normalize("NFD", "Los Estados deberán adoptar medidas de aquí a 2030.")
    out = P.weaken_obligation(nfd, random.Random(0))
    assert out is not None and unicodedata.is_normalized("NFD", out)
    assert unicodedata.normalize("NFC", out) == "Los Estados podrán adoptar medidas de aquí a 2030."


def test_perturbations_are_deterministic_and_labelled():
    text = "1. Los Estados miembros deberán notificar, siempre que proceda, 25 casos en 2030."
    for p in P.PERTURBATIONS:
        first = p.apply("EN", text, random.Random("s"), ("Otra frase de relleno aquí.",))
        assert first == p.apply("EN", text, random.Random("s"), ("Otra frase de relleno aquí.",))
        assert p.kind in ("figure", "commitment", "omission", "addition")
    assert P.sentences("Primera frase con cuatro palabras. Segunda frase también larga aquí. Corta.") == [
        "Primera frase con cuatro palabras.", "Segunda frase también larga aquí."]


# --- benchmark scoring -------------------------------------------------------------------

CTX = Context()


def fake_checker(bead: BeadText, ctx: Context) -> list[Flag]:
    """Figure flag on '999', commitment flag on 'podrá', omission/addition on an empty side."""
    flags = []
    if "999" in bead.tgt_text:
        flags += [Flag("figure", "high", "x"), Flag("figure", "low", "duplicate")]
    if "podrá" in bead.tgt_text:
        flags.append(Flag("commitment", "medium", "x"))
    if bead.src_text and not bead.tgt_text:
        flags.append(Flag("omission", "high", "x"))
    if bead.tgt_text and not bead.src_text:
        flags.append(Flag("addition", "medium", "x"))
    return flags


def handmade_cases() -> list[D.Case]:
    return [
        D.Case("a", "Article 5", "Artículo 5", CTX),
        D.Case("b", "It may apply.", "Se podrá aplicar.", CTX),   # flagged although correct
        D.Case("c", "25 cases", "25 casos", CTX),
        D.Case("a", "Article 5", "Artículo 999", CTX, "digits", "figure"),        # detected
        D.Case("c", "25 cases", "26 casos", CTX, "digits", "figure"),             # missed
        D.Case("b", "It may apply.", "Se podrá aplicar.", CTX, "negation_drop", "commitment"),  # twin flagged
        D.Case("c", "25 cases", "", CTX, "sentence_delete", "omission"),
        D.Case("a", "", "Una frase añadida con 999.", CTX, "sentence_add", "addition"),  # also a figure flag
        D.Case("c", "25 cases", "Se podrá aplicar a 999 casos.", CTX, "obligation", "commitment", ("figure",)),
    ]


def test_score_with_fake_checker():
    cases = handmade_cases()
    flags, _ = D.run(cases, fake_checker)
    result = D.score(cases, flags)
    fig, com = result["kinds"]["figure"], result["kinds"]["commitment"]
    # figure: 1 of 2 perturbed beads detected; raised on that bead, on the added sentence
    # (wrong) and on the obligation edit that also changed a number (right)
    assert (fig["gold"], fig["detected"], fig["raised"], fig["side_hits"]) == (2, 1, 3, 1)
    assert fig["precision"] == 0.6667 and fig["recall"] == 0.5 and fig["clean_recall"] == 0.5
    # commitment: one "detection" only repeats the untouched twin's false alarm
    assert com["precision"] == 0.6667 and com["recall"] == 1.0 and com["clean_recall"] == 1.0
    assert com["untouched"] == {"beads": 3, "flags_per_bead": 0.3333, "beads_flagged": 1, "high": 0}
    assert result["kinds"]["omission"]["precision"] == 1.0 and result["kinds"]["omission"]["recall"] == 1.0
    assert result["kinds"]["addition"]["recall"] == 1.0
    assert result["perturbations"]["digits"] == {"kind": "figure", "n": 2, "synthetic": 0, "recall": 0.5,
                                                 "clean_recall": 0.5, "paired_precision": 1.0,
                                                 "rightful_recall": 0.5, "any_flag": 0.5}
    # the twin of the negation_drop bead raises commitment too: the flag is not the perturbation's
    assert result["perturbations"]["negation_drop"]["paired_precision"] == 0.5
    assert result["perturbations"]["negation_drop"]["clean_recall"] is None
    assert result["perturbations"]["sentence_add"]["any_flag"] == 1.0


def test_rightful_recall_counts_a_flag_of_a_kind_the_edit_also_plants():
    ctx = D.Context()
    untouched = D.Case("u#1", "By 2030, end hunger.", "De aquí a 2030, poner fin al hambre.", ctx)
    dropped = D.Case("u#1", "By 2030, end hunger.", "Poner fin al hambre.", ctx, "time_place_drop",
                     "omission", ("figure",))
    figure_only = [[], [D.Flag("figure", "medium", "count missing in target: 2030", "2030", "")]]
    row = D.score([untouched, dropped], figure_only)["perturbations"]["time_place_drop"]
    assert (row["recall"], row["rightful_recall"]) == (0.0, 1.0)


def test_side_kinds():
    unit = D.Unit("k", "as provided in Article 6", "salvo lo dispuesto en el artículo 6")
    assert D.side_kinds(unit, ("x", "salvo lo dispuesto"), "commitment") == ("figure",)
    assert D.side_kinds(unit, ("x", "salvo lo previsto en el artículo 6"), "commitment") == ()
    assert D.side_kinds(unit, ("x", ""), "omission") == ()
    assert D.side_kinds(unit, ("x", "salvo el artículo 7"), "figure") == ()


def test_score_without_any_flag_has_no_precision():
    cases = handmade_cases()
    result = D.score(cases, [[] for _ in cases])
    assert result["kinds"]["figure"]["precision"] is None
    assert result["kinds"]["figure"]["recall"] == 0.0


def test_digit_baseline():
    assert D.digit_baseline(BeadText("$1.25 a day", "1,25 dólares al día"), CTX) == []
    assert D.digit_baseline(BeadText("by 2030", "de aquí a 2031"), CTX)[0].kind == "figure"
    assert D.digit_baseline(BeadText("25,100 people", "21.500 personas"), CTX)[0].tgt_evidence == "21500"
    assert D.digit_multiset("de 2 a 3, y 1.000.") == {"2": 1, "3": 1, "1000": 1}


def test_build_cases_split_cap_and_twins():
    units = [D.Unit(f"set/doc#{i}", f"Member States shall act on {i} cases.",
                    f"Los Estados miembros deberán actuar en {i} casos.") for i in range(40)]
    docs = [(CTX, units)]
    dev, test = D.build_cases(docs, "dev", 0, 10), D.build_cases(docs, "test", 0, 10)
    assert {c.key for c in dev}.isdisjoint({c.key for c in test})
    assert sum(c.ptype is None for c in dev + test) == 40
    for name in ("digits", "obligation", "sentence_delete"):
        assert sum(c.ptype == name for c in dev + test) == 10
    for cases in (dev, test):
        twins = {c.key for c in cases if c.ptype is None}
        assert all(c.key in twins for c in cases if c.ptype)
    assert D.build_cases(docs, "test", 0, 10) == test
    assert D.build_cases(docs, "test", 1, 10) != test


def test_synthesised_ranges_are_faithful_and_keep_their_split():
    units = [D.Unit("gdpr/x#1", "It applies from 25 May 2018.", "Será aplicable a partir del 25 de mayo de 2018."),
             D.Unit("sdg/y#2", "By 2030, end poverty.", "De aquí a 2030, poner fin a la pobreza."),
             D.Unit("sdg/y#3", "Between 2015 and 2030.", "Entre 2015 y 2030."),
             D.Unit("sdg/y#4", "No figures.", "Sin cifras.")]
    made = D.synthesise_ranges(units)
    assert [(u.key, u.en, u.es) for u in made] == [
        ("gdpr/x#1~range", "It applies from 25-26 May 2018.", "Será aplicable a partir del 25 y 26 de mayo de 2018."),
        ("sdg/y#2~range", "By 2027–2030, end poverty.", "De aquí a 2027-2030, poner fin a la pobreza.")]
    assert all(D.half(u.key) == D.half(u.key.split("~")[0]) for u in made)


def test_range_cases_bring_their_synthesised_twins():
    units = [D.Unit(f"sdg/y#{i}", f"By 2030, act on {i} cases.", f"De aquí a 2030, actuar en {i} casos.")
             for i in range(20)]
    cases = D.build_cases([(CTX, units)], "all", 0, 10)
    ranged = [c for c in cases if c.ptype == "range_end"]
    twins = {c.key: c for c in cases if c.synthetic}
    assert len(ranged) == 10 and all(c.key in twins for c in ranged)
    assert all(twins[c.key].ptype is None and "2027-2030" in twins[c.key].tgt for c in ranged)
    result = D.score(cases, [[] for _ in cases])
    assert result["kinds"]["figure"]["untouched"]["beads"] == 20  # synthesised twins are not official
    assert result["perturbations"]["range_end"]["synthetic"] == 10


def test_main_without_data_exits_cleanly(tmp_path, capsys):
    assert D.main(["--data", str(tmp_path / "missing")]) == 0
    assert "no benchmark data" in capsys.readouterr().out


def test_save_keeps_both_splits(tmp_path):
    path = tmp_path / "r.json"
    D.save("dev", {"x": 1}, path)
    D.save("test", {"x": 2}, path)
    assert json.loads(path.read_text()) == {"dev": {"x": 1}, "test": {"x": 2}}
