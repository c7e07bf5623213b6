"""Direction of change: a figure both sides state, rising on one side and falling on the other,
is a high figure flag; the same direction in other words, negated cues, cues of another figure
and words that only look like cues raise nothing."""
import pytest

from aligner.diverge.base import BeadText, Context
from aligner.diverge.direction import DOWN, UP, attach, find_cues
from aligner.diverge.figures import FiguresCheck
from aligner.diverge.quantities import extract_quantities

CHECK = FiguresCheck()


def judge(src, tgt, src_lang="en", tgt_lang="es", **ctx):
    return CHECK.judge(BeadText(src, tgt), Context(src_lang=src_lang, tgt_lang=tgt_lang, **ctx))


def directions(text, lang):
    quantities = extract_quantities(text, lang)
    return {quantities[k].text: cue.direction for k, cue in attach(text, lang, quantities).items()}


@pytest.mark.parametrize("en, es, locale", [
    ("Exports rose 8% in the first quarter.", "Las exportaciones aumentaron un 8 % en el primer trimestre.", "auto"),
    ("Exports rose 8.3% in the first quarter.", "Las exportaciones subieron un 8,3 % en el primer trimestre.", "es"),
    ("Exports rose 8.3% in the first quarter.", "Las exportaciones crecieron 8.3% en el primer trimestre.", "mx"),
    ("Exports grew by 1,250 tonnes.", "Las exportaciones se incrementaron en 1.250 toneladas.", "es"),
    ("Exports grew by 1,250 tonnes.", "Las exportaciones registraron un incremento de 1,250 toneladas.", "mx"),
    ("an 8% increase in exports", "un aumento del 8 % de las exportaciones", "auto"),
    ("Exports fell 8% in the first quarter.", "Las exportaciones registraron una caída del 8 % en el primer trimestre.", "auto"),
    ("Exports dropped 8%.", "Las exportaciones descendieron un 8 %.", "auto"),
    ("Reduce poverty by 10%.", "Reducir la pobreza en un 10 %.", "auto"),
    ("By 2030, reduce by half the proportion of people", "De aquí a 2030, reducir a la mitad la proporción de personas", "auto"),
    ("Costs were cut by 5 million euros.", "Los costes se recortaron en 5 millones de euros.", "es"),
    ("Unemployment was down 2 points.", "El desempleo retrocedió 2 puntos.", "auto"),
    ("Unemployment was up by 2%.", "El desempleo repuntó un 2 %.", "auto"),
    ("The economy shrank 3%.", "La economía se contrajo un 3 %.", "auto"),
    ("a 3% contraction", "un crecimiento negativo del 3 %", "auto"),
    # negated cues say nothing about the direction
    ("Exports did not fall 8%.", "Las exportaciones aumentaron un 8 %.", "auto"),
    ("Exports rose 8%.", "Las exportaciones no cayeron un 8 %.", "auto"),
    ("Exports didn't fall by 8%.", "Las exportaciones no se redujeron un 8 %.", "auto"),
    # a cue belongs to the figure nearest to it
    ("Exports rose 8%, while imports fell 3%.",
     "Las exportaciones aumentaron un 8 %, mientras que las importaciones cayeron un 3 %.", "auto"),
    ("Exports rose 8% and imports fell 3%.", "Las importaciones cayeron un 3 % y las exportaciones subieron un 8 %.", "auto"),
    # a growth rate said to fall has no one direction
    ("Economic growth slowed to 2%.", "El crecimiento económico se redujo al 2 %.", "auto"),
    ("Growth fell to 2%.", "El crecimiento cayó al 2 %.", "auto"),
    # words that only look like cues
    ("The total amounts to 5 million euros.", "El total asciende a 5 millones de euros.", "es"),
    ("Exports increased by 5 million euros.", "Las exportaciones se elevan a 5 millones de euros.", "es"),
    ("below 8% of the population", "bajo el 8 % de la población", "auto"),
    ("In the fall of 2020, 8% of people moved.", "En el otoño de 2020, el 8 % de las personas se mudó.", "auto"),
    ("an increase of up to 8%", "un aumento de hasta un 8 %", "auto"),
    ("Cases that fall within 5 categories", "Los casos que aumentan en 5 categorías", "auto"),
])
def test_same_direction_or_no_direction_raises_nothing_either_way(en, es, locale):
    assert judge(en, es, es_locale=locale) == []
    assert judge(es, en, "es", "en", es_locale=locale) == []


@pytest.mark.parametrize("en, es, locale", [
    ("Exports rose 8% in the first quarter.", "Las exportaciones cayeron un 8 % en el primer trimestre.", "auto"),
    ("Exports rose 8.3% in the first quarter.", "Las exportaciones bajaron un 8,3 % en el primer trimestre.", "es"),
    ("Exports rose 8.3% in the first quarter.", "Las exportaciones disminuyeron 8.3% en el primer trimestre.", "mx"),
    ("Exports grew by 1,250 tonnes.", "Las exportaciones se redujeron en 1.250 toneladas.", "es"),
    ("Exports grew by 1,250 tonnes.", "Las exportaciones registraron una reducción de 1,250 toneladas.", "mx"),
    ("a 10% increase in prices", "una reducción del 10 % de los precios", "auto"),
    ("Exports fell 8%.", "Las exportaciones registraron un alza del 8 %.", "auto"),
    ("Unemployment was down 2 points.", "El desempleo subió 2 puntos.", "auto"),
    ("Unemployment was up by 2%.", "El desempleo bajó un 2 %.", "auto"),
    ("Prices went up 10 per cent.", "Los precios descendieron un 10 por ciento.", "auto"),
    ("The economy shrank 3%.", "La economía creció un 3 %.", "auto"),
    ("Costs were cut by 5 million euros.", "Los costes aumentaron en 5 millones de euros.", "es"),
    ("Sales rose 4% in Tuesday's trading.", "Las ventas perdieron un 4 % en la sesión del martes.", "auto"),
])
def test_a_reversed_direction_is_a_high_figure_flag_with_the_cues(en, es, locale):
    for flags in (judge(en, es, es_locale=locale), judge(es, en, "es", "en", es_locale=locale)):
        assert [(f.kind, f.severity) for f in flags] == [("figure", "high")]
        assert flags[0].message.startswith("direction of change differs: ")
        assert "(up)" in flags[0].message and "(down)" in flags[0].message
        assert flags[0].src_evidence and flags[0].tgt_evidence


def test_evidence_spans_cue_and_figure():
    flags = judge("Exports rose 8% in the first quarter.", "Las exportaciones cayeron un 8 % en el primer trimestre.")
    assert (flags[0].src_evidence, flags[0].tgt_evidence) == ("rose 8%", "cayeron un 8 %")
    assert flags[0].message == "direction of change differs: rose 8% (up) vs cayeron 8 % (down)"


def test_only_the_reversed_figure_is_flagged():
    flags = judge("Exports rose 8%, while imports fell 3%.",
                  "Las exportaciones cayeron un 8 %, mientras que las importaciones cayeron un 3 %.")
    assert [f.src_evidence for f in flags] == ["rose 8%"]


def test_each_cue_goes_to_its_nearest_figure():
    assert directions("Exports rose 8%, while imports fell 3%.", "en") == {"8%": UP, "3%": DOWN}
    assert directions("Las exportaciones aumentaron un 8 % y las importaciones cayeron un 3 %.", "es") == {
        "8 %": UP, "3 %": DOWN}


def test_every_conjugation_is_a_cue():
    for text in ("aumentó", "aumentarán", "aumenten", "aumento", "se incrementaron", "crecerá", "duplicaron"):
        assert [c.direction for c in find_cues(text, "es")[0]] == [UP], text
    for text in ("cayó", "cayeron", "caerá", "caída", "disminuyeron", "redujo", "redujeron", "reducción",
                 "descenso", "retrocedió", "recortes", "pérdidas"):
        assert [c.direction for c in find_cues(text, "es")[0]] == [DOWN], text
    for text in ("rose", "risen", "rising", "grew", "growth", "climbed", "jumped", "tripled"):
        assert [c.direction for c in find_cues(text, "en")[0]] == [UP], text
    for text in ("fell", "fallen", "declining", "shrank", "cuts", "reduced", "halved", "decreases"):
        assert [c.direction for c in find_cues(text, "en")[0]] == [DOWN], text


@pytest.mark.parametrize("text, lang", [
    ("asciende a 5 millones", "es"), ("se eleva a 5 millones", "es"), ("una tasa elevada", "es"),
    ("bajo el umbral", "es"), ("la tasa baja", "es"), ("cabezas de ganado", "es"), ("contrajo matrimonio", "es"),
    ("in the fall", "en"), ("last fall", "en"), ("falls within the scope", "en"), ("gives rise to", "en"),
    ("up to 8%", "en"), ("lower secondary education", "en"), ("did not fall", "en"), ("no cayeron", "es"),
])
def test_what_is_no_cue(text, lang):
    assert find_cues(text, lang)[0] == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, message", [
    ("By 2030, substantially reduce waste generation through prevention and recycling",
     "De aquí a 2030, aumentar considerablemente la generación de desechos mediante la prevención y el reciclado",
     "en", "es", "direction of change differs: reduce (down) vs aumentar (up)"),
    ("Promover mecanismos para aumentar la capacidad de planificación",
     "Promote mechanisms for reducing capacity for planning", "es", "en",
     "direction of change differs: aumentar (up) vs reducing (down)"),
])
def test_a_change_without_a_figure_reversed_is_a_medium_figure_flag(src, tgt, src_lang, tgt_lang, message):
    flags = judge(src, tgt, src_lang, tgt_lang)
    assert [(f.severity, f.message) for f in flags] == [("medium", message)]


@pytest.mark.parametrize("src, tgt", [
    ("Exports rose while imports fell.", "Las importaciones cayeron mientras las exportaciones subieron."),
    ("Significantly reduce pollution of all kinds.", "Reducir significativamente la contaminación de todo tipo."),
    ("Enhance cooperation on migration.", "Mejorar la cooperación en materia de migración."),
    ("Reduce the cost of remittances.", "Ampliar el acceso y reducir el costo de las remesas."),
    ("Offer a wide range of services.", "Ofrecer una amplia gama de servicios y reducir costes."),
])
def test_order_a_cue_more_or_a_broad_range_is_no_reversal(src, tgt):
    assert judge(src, tgt) == []
