"""Dates in ranges and enumerations, and weekdays: the same period however each language
writes it raises nothing; a changed day, end of range or weekday is a high date flag."""
import pytest

from aligner.diverge.base import BeadText, Context
from aligner.diverge.dates import find_dates
from aligner.diverge import judge as judge_all
from aligner.diverge.figures import FiguresCheck
from aligner.diverge.quantities import extract_quantities

CHECK = FiguresCheck()


def judge(src, tgt, src_lang="en", tgt_lang="es"):
    return CHECK.judge(BeadText(src, tgt), Context(src_lang=src_lang, tgt_lang=tgt_lang))


def dates(text, lang):
    return [(text[s:e], values, unit) for s, e, values, unit in find_dates(text, lang)]


@pytest.mark.parametrize("en, es", [
    ("The meeting was held on June 4-5, 2023.", "La reunión se celebró los días 4 y 5 de junio de 2023."),
    ("The meeting was held on June 4-5, 2023.", "La reunión se celebró del 4 al 5 de junio de 2023."),
    ("The meeting was held on June 4–5, 2023.", "La reunión tuvo lugar del 4 al 5 de junio del 2023."),  # Mexican "del 2023"
    ("The meeting was held on 4–5 June 2023.", "La reunión se celebró el 4 y el 5 de junio de 2023."),
    ("The meeting was held on 4 and 5 June 2023.", "La reunión se celebró entre el 4 y el 5 de junio de 2023."),
    ("The meeting was held on the 4th and 5th of June 2023.", "La reunión se celebró el 4 y 5 de junio de 2023."),
    ("Talks took place on June 4, 5 and 6.", "Las conversaciones tuvieron lugar los días 4, 5 y 6 de junio."),
    ("Talks took place on June 4, 5, and 6, 2023.", "Las conversaciones tuvieron lugar el 4, 5 y 6 de junio de 2023."),
    ("from June 30 to July 2, 2023", "del 30 de junio al 2 de julio de 2023"),
    ("from 30 June to 2 July 2023", "del 30 de junio al 2 de julio de 2023"),
    ("between 2020 and 2022", "entre 2020 y 2022"),
    ("in the period 2020-2022", "en el período de 2020 a 2022"),
    ("in 2020–22", "entre los años 2020 y 2022"),
    ("from 2020 to 2022", "de 2020 a 2022"),
    ("the 2019/20 season", "la temporada 2019-2020"),
    ("the Sendai Framework 2015‐2030", "el Marco de Sendái 2015-2030"),
    ("from Monday to Wednesday", "de lunes a miércoles"),
    ("on Tuesday", "el martes"),
    ("on Mondays", "los lunes"),
    ("The office is closed on Saturdays.", "Los sábados la oficina permanece cerrada."),
    ("It opened on Sunday in Santo Domingo.", "Abrió el domingo en Santo Domingo."),
    ("Resolution 70/1 of 25 September 2015", "resolución 70/1, de 25 de septiembre de 2015"),
    ("On June 4, 5 people died.", "El 4 de junio murieron 5 personas."),
    ("Regulation (EU) 2016/679 of 27 April 2016", "Reglamento (UE) 2016/679, de 27 de abril de 2016"),
])
def test_the_same_period_raises_nothing_either_way(en, es):
    assert judge(en, es) == []
    assert judge(es, en, "es", "en") == []


@pytest.mark.parametrize("en, es, shown", [
    ("on June 4-5", "los días 4 y 6 de junio", "--06-05 vs --06-06"),
    ("on June 4-5, 2023", "del 4 al 6 de junio de 2023", "2023-06-05 vs 2023-06-06"),
    ("on 4 and 5 June 2023", "el 3 y el 5 de junio de 2023", "2023-06-04 vs 2023-06-03"),
    ("in 2020-2022", "en 2020-2023", "2022 vs 2023"),
    ("between 2020 and 2022", "entre 2021 y 2022", "2020 vs 2021"),
    ("from 2020 to 2022", "de 2020 a 2025", "2022 vs 2025"),
    ("on Tuesday", "el miércoles", "Tuesday vs Wednesday"),
    ("from Monday to Wednesday", "de lunes a viernes", "Wednesday vs Friday"),
    ("from June 30 to July 2, 2023", "del 30 de junio al 3 de julio de 2023", "2023-07-02 vs 2023-07-03"),
])
def test_a_changed_day_or_end_is_a_high_date_flag(en, es, shown):
    flags = judge(en, es)
    assert [(f.kind, f.severity) for f in flags] == [("figure", "high")]
    assert flags[0].message == f"date differs: {shown}"
    back = judge(es, en, "es", "en")
    assert [(f.kind, f.severity) for f in back] == [("figure", "high")]


def test_each_day_of_a_range_is_its_own_date_with_the_shared_month_and_year():
    assert dates("on June 4-5, 2023", "en") == [("June 4", (20230604.0,), "ymd"), ("5, 2023", (20230605.0,), "ymd")]
    assert dates("los días 4, 5 y 6 de junio de 2023", "es") == [
        ("4", (20230604.0,), "ymd"), ("5", (20230605.0,), "ymd"), ("6 de junio de 2023", (20230606.0,), "ymd")]


def test_the_year_of_a_period_across_the_new_year_is_the_year_before():
    assert [v for _, v, _ in dates("from December 30 to January 2, 2024", "en")] == [(20231230.0,), (20240102.0,)]


@pytest.mark.parametrize("text, lang", [
    ("Resolution 70/1, 25 September 2015", "en"),  # a comma alone does not join two days
    ("on 5 and 4 June", "en"),  # days of a list rise
    ("Regulation (EU) 2016/679", "en"),  # a document number, not a season
    ("in 2020/2", "es"),
    ("between 2020 and 1990", "en"),
    ("Plácido Domingo cantó", "es"),
])
def test_what_is_not_a_range(text, lang):
    found = dates(text, lang)
    assert all(unit not in ("year", "weekday") for _, _, unit in found)
    assert len([1 for _, _, unit in found if unit in ("ymd", "md")]) <= 1


def test_a_weekday_missing_on_one_side_is_only_worth_a_look():
    # the other side may say "this week", "yesterday" or "the Sabbath"
    flags = judge("The vote is on Tuesday.", "La votación es esta semana.")
    assert [(f.severity, f.message) for f in flags] == [("low", "date missing in target: Tuesday")]
    assert judge("on the sabbath day", "en el día de sábado") == []


@pytest.mark.parametrize("en, es", [
    ("Gothic style peaked between the 10th - 11th centuries and the 14th century.",
     "El estilo gótico culminó entre los siglos X-XI y el XIV."),
    ("Haiti had not seen the disease since the 1800s.", "Haití no había visto la enfermedad desde el siglo XIX."),
    ("The city was founded in the 10th century BCE.", "La ciudad fue fundada en el siglo X a. C."),
    ("During the 1980s he worked on shows such as Taxi.", "En los 80, trabajó en programas como Taxi."),
    ("During the 1980s he worked on shows such as Taxi.", "En la década de 1980 trabajó en programas como Taxi."),
])
def test_centuries_and_decades_in_any_notation_agree(en, es):
    assert judge_all(BeadText(en, es), Context()) == []


@pytest.mark.parametrize("en, es, message", [
    ("Haiti had not seen the disease since the 1800s.", "Haití no había visto la enfermedad desde el siglo XVIII.",
     "date differs: 19th century vs 18th century"),
    ("It peaked in the 21st century.", "Culminó en el siglo XX.", "date differs: 21st century vs 20th century"),
])
def test_a_changed_century_is_a_date_flag(en, es, message):
    assert message in [f.message for f in judge_all(BeadText(en, es), Context())]


def test_los_80_before_a_noun_is_a_count_not_a_decade():
    assert [(q.kind, q.values) for q in extract_quantities("los 80 países firmaron", "es")] == [("count", (80.0,))]


@pytest.mark.parametrize("en, es", [
    ("Don't bother waking me up at 4:00 a.m.", "No te molestes en levantarme a las cuatro de la mañana."),
    ("They expect us tomorrow at 2:30.", "Nos esperan mañana, a las 14:30h."),
    ("I arrived at 2:30.", "Llegué a las dos y media."),
    ("I arrived at 2:45 p.m.", "Llegué a las tres menos cuarto de la tarde."),
])
def test_times_in_words_or_on_a_24_hour_clock_agree(en, es):
    assert judge_all(BeadText(en, es), Context()) == []


@pytest.mark.parametrize("en, es, message", [
    ("I arrived at 2:30.", "Llegué a las tres y media.", "date differs: 14:30 vs 15:30"),
    ("Call me at 7:15 a.m.", "Llámame a las siete y cuarto de la tarde.", "date differs: 07:15 vs 19:15"),
])
def test_a_changed_time_in_words_is_a_date_flag(en, es, message):
    assert message in [f.message for f in judge_all(BeadText(en, es), Context())]


def test_two_of_something_is_no_time():
    assert [q for q in extract_quantities("Las dos partes acordaron a las dos partes.", "es") if q.unit == "time"] == []
