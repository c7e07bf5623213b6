"""Glossary files (CSV, TSV, xlsx, TBX) and the terminology check that uses them."""
from __future__ import annotations

import pytest

from aligner.diverge import BeadText, Context
from aligner.diverge.terminology import TerminologyCheck
from aligner.errors import InputError
from aligner.terms import Entry, Glossary, TermIndex, read_glossaries, read_glossary

CSV = ("en,es,forbidden,note,case\n"
       "controller,responsable del tratamiento|responsable,controlador,GDPR Art. 4(7),\n"
       "supervisory authority,autoridad de control,,,\n"
       "Memorandum of Understanding,el Entendimiento|Memorando de Entendimiento,,,\n"
       "Joint Task Force,la Fuerza de Tarea Conjunta,,,\n"
       "committed,comprometido,,,\n"
       "health,salud,sanidad,,\n"
       "Health Care Ambassadors Program,Programa de Embajadores de la Sanidad,,,\n"
       "WHO,OMS,,,yes\n")


@pytest.fixture
def glossary(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(CSV, encoding="utf-8")
    return read_glossary(path)


def _flags(glossary, en, es):
    return TerminologyCheck(glossary).judge(BeadText(en, es), Context())


def test_csv_reads_alternatives_forbidden_notes_and_case(glossary):
    first = glossary.entries[0]
    assert first.en == ("controller",) and first.es == ("responsable del tratamiento", "responsable")
    assert first.forbidden == ("controlador",) and first.note == "GDPR Art. 4(7)"
    assert glossary.entries[-1].case_sensitive and not first.case_sensitive


@pytest.mark.parametrize("en, es", [
    ("The controllers shall cooperate.", "Los responsables del tratamiento cooperarán."),
    ("Each supervisory authority shall act.", "Cada autoridad de control actuará."),
    ("The supervisory authorities shall act.", "Las autoridades de control actuarán."),
    ("Under the Memorandum of Understanding, the Parties met.", "En virtud del Entendimiento, las Partes se reunieron."),
    ("The Joint Task Force met.", "Las Fuerzas de Tarea Conjuntas se reunieron."),
    ("The Joint Task Force met.", "La Fuerza de Tarea Conjunta se reunió."),
    ("They remain committed to peace.", "Siguen comprometidas con la paz."),
    ("Committed partners agree.", "Los socios comprometidos coinciden."),
])
def test_inflected_and_agreeing_renderings_pass(glossary, en, es):
    assert _flags(glossary, en, es) == []


def test_missing_rendering_is_a_medium_terminology_flag(glossary):
    flags = _flags(glossary, "The controller shall notify the authority.",
                   "El encargado notificará a la autoridad.")
    assert [(f.kind, f.severity, f.src_evidence) for f in flags] == [("terminology", "medium", "controller")]
    assert "responsable del tratamiento" in flags[0].message


def test_forbidden_rendering_flags_even_without_the_english_term(glossary):
    flags = _flags(glossary, "Data must be protected.", "El controlador protegerá los datos.")
    assert [(f.kind, f.tgt_evidence) for f in flags] == [("terminology", "controlador")]


def test_forbidden_next_to_the_term_names_both_sides(glossary):
    flags = _flags(glossary, "The controller decides.", "El controlador decide.")
    assert {(f.src_evidence, f.tgt_evidence) for f in flags} == {("controller", ""), ("controller", "controlador")}


def test_a_short_term_inside_a_longer_one_is_judged_by_the_longer(glossary):
    # "health" alone would require "salud", and "Sanidad" is forbidden for it: both are
    # silent, because they are part of the programme's name on each side.
    assert _flags(glossary, "She leads the Health Care Ambassadors Program.",
                  "Dirige el Programa de Embajadores de la Sanidad.") == []
    assert len(_flags(glossary, "Health matters.", "La sanidad importa.")) == 2


def test_case_sensitive_terms_match_only_as_written(glossary):
    assert _flags(glossary, "Who said so?", "¿Quién lo dijo?") == []
    assert len(_flags(glossary, "The WHO said so.", "La Organización lo dijo.")) == 1


def test_sentence_initial_capital_still_matches(glossary):
    assert _flags(glossary, "Controllers shall act.", "Responsables del tratamiento actuarán.") == []


def test_term_index_keeps_longest_match_and_spans():
    ix = TermIndex("en", [(0, "health", False), (1, "Health Care Ambassadors Program", False)])
    text = "Health workers joined the Health Care Ambassadors Program."
    assert [(m.key, m.text) for m in ix.find(text)] == [(0, "Health"), (1, "Health Care Ambassadors Program")]


def test_tsv_and_xlsx_read_the_same_entries(tmp_path, glossary):
    tsv = tmp_path / "g.tsv"
    tsv.write_text(CSV.replace(",", "\t"), encoding="utf-8")
    import openpyxl

    book = openpyxl.Workbook()
    for line in CSV.splitlines():
        book.active.append(line.split(","))
    book.save(tmp_path / "g.xlsx")
    strip = lambda g: [(e.en, e.es, e.forbidden, e.note, e.case_sensitive) for e in g.entries]
    assert strip(read_glossary(tsv)) == strip(glossary) == strip(read_glossary(tmp_path / "g.xlsx"))


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="c1">
  <descrip type="definition">who decides on the processing</descrip>
  <langSet xml:lang="en"><tig><term>controller</term></tig></langSet>
  <langSet xml:lang="es-ES">
    <tig><term>responsable del tratamiento</term></tig>
    <tig><term>controlador</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
</termEntry>
<termEntry id="c2">
  <langSet xml:lang="en"><ntig><termGrp><term>supervisory authority</term></termGrp></ntig></langSet>
  <langSet xml:lang="es"><ntig><termGrp><term>autoridad de control</term></termGrp></ntig></langSet>
</termEntry>
</body></text></martif>"""


def test_tbx_reads_terms_deprecated_renderings_and_definitions(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text(TBX, encoding="utf-8")
    entries = read_glossary(path).entries
    assert [(e.en, e.es, e.forbidden) for e in entries] == [
        (("controller",), ("responsable del tratamiento",), ("controlador",)),
        (("supervisory authority",), ("autoridad de control",), ())]
    assert entries[0].note == "who decides on the processing"


def test_tbx_written_by_translate_toolkit_is_read(tmp_path):
    tbx = pytest.importorskip("translate.storage.tbx")
    store = tbx.tbxfile(sourcelanguage="en", targetlanguage="es")
    unit = store.addsourceunit("supervisory authority")
    unit.target = "autoridad de control"
    path = tmp_path / "tt.tbx"
    path.write_bytes(bytes(store))
    entries = read_glossary(path).entries
    assert [(e.en, e.es) for e in entries] == [(("supervisory authority",), ("autoridad de control",))]


@pytest.mark.parametrize("name, content, message", [
    ("g.csv", "", "is empty"),
    ("g.csv", "english,spanish\nx,y\n", "needs the columns en and es"),
    ("g.csv", "en,es,colour\nx,y,z\n", "unknown glossary column 'colour'"),
    ("g.csv", "en,es\nx,\n", "row 2 needs an English term"),
    ("g.csv", "en,es,case\nx,y,maybe\n", "case must be yes or no"),
    ("g.csv", "en,es\n", "has no terms"),
    ("g.tsv", b"en\tes\n\xff\xfe\n", "not UTF-8"),
    ("g.xlsx", b"not a zip", "not a readable xlsx"),
    ("g.tbx", "<martif><text><body><termEntry>", "damaged XML"),
    ("g.tbx", '<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><martif>&x;</martif>', "has no terms"),
    ("g.docx", "x", "must be .csv, .tsv, .xlsx or .tbx"),
])
def test_malformed_glossaries_are_one_line_input_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(InputError, match=message) as err:
        read_glossary(path)
    assert "\n" not in str(err.value) and name in str(err.value)


def test_missing_glossary_and_several_glossaries(tmp_path, glossary):
    with pytest.raises(InputError, match="not found"):
        read_glossary(tmp_path / "none.csv")
    assert read_glossaries([]) is None
    (tmp_path / "a.csv").write_text("en,es\nfoo,bar\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("en,es\nbaz,qux\n", encoding="utf-8")
    both = read_glossaries([tmp_path / "a.csv", tmp_path / "b.csv"])
    assert [e.en for e in both.entries] == [("foo",), ("baz",)]


def test_glossary_check_ignores_other_language_pairs():
    g = Glossary((Entry(("controller",), ("responsable",)),))
    assert TerminologyCheck(g).judge(BeadText("controller", "Kontrolleur"), Context(tgt_lang="de")) == []


@pytest.mark.parametrize("term, lang, text, found", [
    ("controller", "en", "They keep control of the data.", False),  # Snowball: both "control"
    ("controller", "en", "Joint controllers decide.", True),
    ("supervisory authority", "en", "The supervisory authorities act.", True),
    ("procesador", "es", "El proceso terminó.", False),
    ("perfilado", "es", "Los perfiles públicos.", False),
    ("tercer país", "es", "Las transferencias a terceros países.", True),  # Snowball stems these apart
    ("país en desarrollo", "es", "Los países en desarrollo.", True),
    ("desarrollo", "es", "Los países desarrollados.", False),
    ("género", "es", "la igualdad de ge\u0301nero", True),  # a decomposed accent
])
def test_inflections_match_and_other_words_on_the_same_root_do_not(term, lang, text, found):
    assert bool(TermIndex(lang, [(0, term, False)]).find(text)) is found


@pytest.mark.parametrize("term, lang, text, found", [
    ("controller", "en", "the controlling undertaking", False),
    ("controller", "en", "its controlled undertakings", False),
    ("nación", "es", "las naciones", True),
    ("country", "en", "developing countries", True),
])
def test_only_number_and_gender_endings_differ(term, lang, text, found):
    assert bool(TermIndex(lang, [(0, term, False)]).find(text)) is found
