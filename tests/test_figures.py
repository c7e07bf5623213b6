"""The figures check: equivalent renderings pass, differing or one-sided figures are flagged."""
from pathlib import Path

import pytest

from aligner.diverge.base import BeadText, Context
from aligner.diverge.figures import FiguresCheck
from aligner.diverge.numbers import detect_decimal_mark

CHECK = FiguresCheck()
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def judge(src, tgt, **ctx):
    return CHECK.judge(BeadText(src, tgt), Context(**ctx))


@pytest.mark.parametrize("tgt, locale", [
    ("25,100 millones de dólares", "auto"), ("25.100 millones de dólares", "auto"),
    ("25,1 mil millones de dólares", "auto"), ("25,100 millones de dólares", "mx"),
    ("25.100 millones de dólares", "es"), ("25,1 millardos de dólares", "es"),
])
def test_equivalent_amounts_raise_nothing(tgt, locale):
    assert judge("It costs $25.1 billion.", f"Cuesta {tgt}.", es_locale=locale) == []


def test_different_amount_is_high_and_names_values():
    flags = judge("It costs $25.1 billion.", "Cuesta 21,500 millones de dólares.")
    assert [(f.kind, f.severity) for f in flags] == [("figure", "high")]
    assert flags[0].message == "amount differs: 25.1e9 USD vs 21.5e9 USD"
    assert (flags[0].src_evidence, flags[0].tgt_evidence) == ("$25.1 billion", "21,500 millones de dólares")


def test_locale_turns_comma_into_decimal():
    flags = judge("It costs $25.1 billion.", "Cuesta 25,100 millones de dólares.", es_locale="es")
    assert [f.severity for f in flags] == ["high"]


def test_different_currency_is_high():
    assert [f.severity for f in judge("5 million euros", "5 millones de dólares")] == ["high"]


def test_eighteen_vs_eight_months():
    flags = judge("within eighteen months", "en un plazo de ocho meses")
    assert [f.severity for f in flags] == ["high"]
    assert "18 month" in flags[0].message and "8 month" in flags[0].message


@pytest.mark.parametrize("src, tgt", [
    ("including infants", "incluidos los niños menores de 1 año"),
    ("the 10‐Year Framework of Programmes", "el Marco Decenal de Programas"),
    ("in the last 10 years", "en los últimos diez años"),
    ("mobilizing $100 billion annually", "movilizar 100.000 millones de dólares anuales"),
    ("one of the goals", "uno de los objetivos"),
    ("at least one census", "al menos un censo"),
    ("(a) a census", "a) un censo"),
    ("1. Member States shall", "Los Estados miembros"),
    ("the 2030 Agenda", "la Agenda 2030"),
    ("in 2021", "en el año de 2021"),
    ("grades 2/3", "los cursos segundo y tercero"),
    ("Target 2 of the Plan 2011–2020", "la segunda Meta del Plan 2011-2020"),
    ("per 1 million people", "por millón de habitantes"),
    ("on October 8, 2021", "el 8 de octubre de 2021"),
    ("23 per cent", "el 23%"),
    ("Article 6(1)", "artículo 6, apartado 1"),
    ("Resolution 217 A (III)", "resolución 217 A (III)"),
    ("a dozen experts", "una docena de expertos"),
    ("exports doubled", "las exportaciones se duplicaron"),
    ("dozens of people", "decenas de personas"),
    ("a transfer to a third country", "una transferencia a un tercer país"),
])
def test_correct_translations_raise_no_flag(src, tgt):
    assert judge(src, tgt) == []


def test_missing_percentage_is_high_and_missing_count_medium():
    assert [f.severity for f in judge("grew by 5%", "creció")] == ["high"]
    flags = judge("7 countries signed", "los países firmaron")
    assert [(f.severity, f.src_evidence, f.tgt_evidence) for f in flags] == [("medium", "7", "")]


def test_approximate_difference_is_low():
    assert [f.severity for f in judge("about 20 people", "unas 30 personas")] == ["low"]


def test_date_precision_difference_is_low_and_wrong_date_high():
    assert [f.severity for f in judge("in October 2021", "el 8 de octubre de 2021")] == ["low"]
    assert [f.severity for f in judge("on 8 October 2021", "el 9 de octubre de 2021")] == ["high"]


def test_empty_side_is_left_to_the_omission_check():
    assert judge("It costs $5.", "") == []


def _units(path):
    return dict(line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines())


def test_sdg_number_differences_raise_no_high_flag():
    tsv = SHARED / "un-sdg-en-es" / "number-differences.tsv"
    if not tsv.exists():
        pytest.skip("shared data absent")
    rows = [line.split("\t") for line in tsv.read_text(encoding="utf-8").splitlines()[1:]]
    es_doc = [row[4] for row in rows]
    ctx = Context(tgt_decimal=detect_decimal_mark(es_doc, "es"))
    for row in rows:
        flags = CHECK.judge(BeadText(row[3], row[4]), ctx)
        assert not [f for f in flags if f.severity == "high"], (row[0], flags)


def test_frequencies_are_figures():
    from aligner.diverge import BeadText, Context
    from aligner.diverge.figures import FiguresCheck
    check, ctx = FiguresCheck(), Context(src_decimal=".", tgt_decimal=",")
    assert check.judge(BeadText("They meet twice a year.", "Se reúnen dos veces al año."), ctx) == []
    (flag,) = check.judge(BeadText("They meet twice a year.", "Se reúnen una vez al año."), ctx)
    assert flag.severity == "high"


def test_hedged_amount_far_off_is_high_but_close_is_low():
    from aligner.diverge import BeadText, Context
    from aligner.diverge.figures import FiguresCheck
    check, ctx = FiguresCheck(), Context(src_decimal=".", tgt_decimal=",")
    (far,) = check.judge(BeadText("nearly $1.5 billion", "casi 1,5 millones de dólares"), ctx)
    (close,) = check.judge(BeadText("about 25 million people", "unos 30 millones de personas"), ctx)
    assert (far.severity, close.severity) == ("high", "low")


def test_the_two_and_los_dos_are_determiners():
    from aligner.diverge import BeadText, Context
    from aligner.diverge.figures import FiguresCheck
    bead = BeadText("Both governments agreed.", "Los dos gobiernos acordaron.")
    assert FiguresCheck().judge(bead, Context()) == []


def test_an_approximate_amount_in_another_currency_is_high():
    (flag,) = FiguresCheck().judge(
        BeadText("People living on less than $1.25 a day.",
                 "Personas que viven con menos de 1,25 euros al día."),
        Context(tgt_decimal=","))
    assert flag.severity == "high" and "EUR" in flag.message


@pytest.mark.parametrize(
    "en, es, flagged",
    [
        ("Volume of remittances (in United States dollars) as a proportion of total GDP",
         "Volumen de remesas (en euros) en proporción al PIB total", True),
        ("Volume of remittances (in United States dollars) as a proportion of total GDP",
         "Volumen de remesas (en dólares de los Estados Unidos) en proporción al PIB total", False),
        ("Amounts in United States dollars towards the $100 billion commitment",
         "Cantidades en euros para el compromiso de 100.000 millones de dólares", True),
        ("Amounts in United States dollars towards the $100 billion commitment",
         "Cantidades en dólares para el compromiso de 100.000 millones de dólares", False),
        # named on one side only: often rephrased away, not flagged
        ("Dollar value of all resources made available", "Valor de todos los recursos facilitados", False),
    ],
)
def test_a_currency_named_without_an_amount_is_compared(en, es, flagged):
    found = [f for f in FiguresCheck().judge(BeadText(en, es), Context(tgt_decimal=","))
             if f.message.startswith("currency differs")]
    assert bool(found) == flagged
    assert all(f.severity == "high" for f in found)


@pytest.mark.parametrize(
    "en, es, expected",
    [
        ("The group presented its report at 12.00 GMT today.", "El grupo presentó hoy su informe a las 12:00 GMT.", None),
        ("The vehicle was removed at about 1200 GMT.", "El vehículo se retiró hacia las 12:00 GMT.", None),
        ("The meeting starts at 2 p.m.", "La reunión empieza a las 14:00 h.", None),
        ("The meeting starts at 2 p.m.", "La reunión empieza a las 15:00 h.", "date differs: 14:00 vs 15:00"),
        ("The meeting starts at 14.00 GMT.", "La reunión empieza a las 16:00 GMT.", "date differs: 14:00 vs 16:00"),
        ("in the first quarter of 2022", "en el primer trimestre de 2022", None),
        ("in the first quarter of 2022", "en el segundo trimestre de 2022", "date differs: 2022-Q1 vs 2022-Q2"),
    ],
)
def test_times_and_quarters_compare_by_value(en, es, expected):
    found = FiguresCheck().judge(BeadText(en, es), Context(tgt_decimal=","))
    assert [f.message for f in found if f.severity == "high"] == ([expected] if expected else [])


def test_a_bound_before_a_precise_figure_does_not_soften_a_changed_one():
    flags = FiguresCheck().judge(BeadText("Catches rose by 8.5% in 2022, to 12,430 tonnes.",
                                          "Las capturas aumentaron un 8,5 % en 2022, hasta 12.340 toneladas."), Context())
    assert [(f.severity, f.message) for f in flags] == [("high", "measure differs: 12430 t vs 12340 t")]
