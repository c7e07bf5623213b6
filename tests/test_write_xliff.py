"""XLIFF 1.2 output: read back by translate-toolkit (what CAT pipelines use) and checked with lxml
against the 1.2 structure. No XLIFF schema ships with translate-toolkit or lxml, so the
structure test below stands in for schema validation."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from translate.storage import factory
from translate.storage.xliff import Xliff1File

import aligner
from aligner.cli import main
from aligner.records import SEVERITIES, Alignment, Bead, Flag, Segment
from aligner.write import format_for_path, write
from aligner.write import xliff as xliff_module

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIR = CORPORA / "security-communique"
DIVERGENT = CORPORA / "divergent"


@pytest.fixture
def alignment() -> Alignment:
    src = (
        Segment(0, 'Fees rose by 5% & "more" <fast>.'),
        Segment(1, "The minister, however, said no."),
        Segment(2, "He left\tat once."),
        Segment(3, "An untranslated sentence."),
    )
    tgt = (
        Segment(0, "Las tasas subieron un 6 % y «más» <rápido>."),
        Segment(1, "Sin embargo, el ministro dijo que no."),
        Segment(2, "Se fue\nenseguida."),
        Segment(3, "Una frase añadida."),
    )
    beads = (
        Bead((0,), (0,), 0.912345, (Flag("figure", "high", "5% vs 6%", "5%", "6 %"),
                                     Flag("commitment", "low", "tone differs"))),
        Bead((1, 2), (1, 2), 0.5),
        Bead((3,), (), 0.0),
        Bead((), (3,), 0.1),
    )
    return Alignment(src, tgt, beads, "en", "es")


def write_xliff(alignment: Alignment, path: Path) -> Path:
    write(alignment, path)  # the suffix chooses the format
    return path


def contexts(unit) -> dict[str, str]:
    (group,) = unit.getcontextgroups("aligner")
    return dict(group)


def parsed_flag_notes(unit) -> list[dict]:
    """Recover each flag from its note text: '<severity> <kind>: <message>' then evidence lines."""
    flags = []
    for note in unit.xmlelement.findall("x:note", NS):
        if note.get("priority") is None:
            continue
        head, *evidence = note.text.split("\n")
        severity_kind, message = head.split(": ", 1)
        severity, kind = severity_kind.split(" ")
        lines = dict(line.split(": ", 1) for line in evidence)
        flags.append({"kind": kind, "severity": severity, "message": message,
                      "src_evidence": lines.get("en", ""), "tgt_evidence": lines.get("es", ""),
                      "priority": int(note.get("priority"))})
    return flags


def assert_matches(alignment: Alignment, store) -> None:
    """Every bead comes back, in order, with its texts, score, sentence indices and flags."""
    assert isinstance(store, Xliff1File)
    assert store.getsourcelanguage() == alignment.src_lang
    assert store.gettargetlanguage() == alignment.tgt_lang
    units = store.units
    assert len(units) == len(alignment.beads)
    for number, (unit, bead) in enumerate(zip(units, alignment.beads), start=1):
        assert unit.getid().endswith(str(number))
        assert unit.source == alignment.src_text(bead)
        assert unit.target == alignment.tgt_text(bead)
        info = contexts(unit)
        assert float(info["x-score"]) == pytest.approx(bead.score, abs=5e-5)
        assert json.loads(info["x-src-sentences"]) == list(bead.src)
        assert json.loads(info["x-tgt-sentences"]) == list(bead.tgt)
        notes = parsed_flag_notes(unit)
        assert [{k: v for k, v in n.items() if k != "priority"} for n in notes] == \
            [{k: v for k, v in f.to_dict().items() if k != "status"} for f in bead.flags]
        assert [n["priority"] for n in notes] == \
            [len(SEVERITIES) - SEVERITIES.index(f.severity) for f in bead.flags]


def test_translate_toolkit_reads_every_bead_back(alignment, tmp_path):
    out = write_xliff(alignment, tmp_path / "a.xlf")
    assert_matches(alignment, factory.getobject(str(out)))


def test_empty_sides_are_valid_units_that_say_why(alignment, tmp_path):
    units = factory.getobject(str(write_xliff(alignment, tmp_path / "a.xliff"))).units
    omitted, added = units[2], units[3]
    assert omitted.source == "An untranslated sentence." and omitted.target == ""
    assert "left out of the translation" in omitted.getnotes("aligner")
    assert added.source == "" and added.target == "Una frase añadida."
    assert "added by the translation" in added.getnotes("aligner")
    states = [u.xmlelement.find("x:target", NS).get("state") for u in units]
    assert states == ["needs-review-translation", "translated", "needs-translation",
                      "needs-review-translation"]
    assert [u.isreview() for u in units] == [True, False, False, True]


def test_structure_follows_xliff_1_2(alignment, tmp_path):
    raw = write_xliff(alignment, tmp_path / "a.xlf").read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = etree.fromstring(raw)
    assert root.tag == "{%s}xliff" % NS["x"] and root.get("version") == "1.2"
    (file,) = root.findall("x:file", NS)
    for attr in ("original", "source-language", "datatype"):  # required by 1.2
        assert file.get(attr)
    assert (file.get("source-language"), file.get("target-language")) == ("en", "es")
    tool = file.find("x:header/x:tool", NS)
    assert tool.get("tool-id") == file.get("tool-id") == "aligner"
    assert tool.get("tool-version") == aligner.__version__
    units = file.findall("x:body/x:trans-unit", NS)
    ids = [u.get("id") for u in units]
    assert ids == ["1", "2", "3", "4"]
    for unit in units:
        tags = [etree.QName(child).localname for child in unit]
        # 1.2 content model: source, target, then context groups and notes
        assert tags[:3] == ["source", "target", "context-group"]
        assert set(tags[3:]) <= {"note"}
        assert unit.get(XML_SPACE) == "preserve"
        assert unit.find("x:source", NS).get(XML_LANG) == "en"
        assert unit.find("x:target", NS).get(XML_LANG) == "es"
        for context in unit.iterfind("x:context-group/x:context", NS):
            assert context.get("context-type").startswith("x-")  # user-defined types need x-
        for note in unit.iterfind("x:note", NS):
            assert note.get("from") == "aligner"
            assert 1 <= int(note.get("priority", "1")) <= 10
    assert b"&amp;" in raw and b"&lt;fast&gt;" in raw


def test_whitespace_inside_sentences_survives(alignment, tmp_path):
    units = factory.getobject(str(write_xliff(alignment, tmp_path / "a.xlf"))).units
    assert units[1].source == "The minister, however, said no. He left\tat once."
    assert units[1].target == "Sin embargo, el ministro dijo que no. Se fue\nenseguida."


def test_characters_xml_cannot_hold_are_dropped(tmp_path):
    bad = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\ufffe\uffff"
    a = Alignment((Segment(0, f"New{bad} year."),), (Segment(0, "Año\x0c nuevo\x00."),),
                  (Bead((0,), (0,), 1.0, (Flag("figure", "low", "odd\x1b", "\x07", "x"),)),))
    out = write_xliff(a, tmp_path / "a.xlf")
    etree.parse(str(out))  # a strict XML parser accepts the file
    (unit,) = factory.getobject(str(out)).units
    assert (unit.source, unit.target) == ("New year.", "Año nuevo.")
    assert unit.getnotes("aligner") == "low figure: odd\nes: x"


def test_stdout(alignment, capsys):
    write(alignment, None, "xliff")
    store = Xliff1File.parsestring(capsys.readouterr().out.encode("utf-8"))
    assert_matches(alignment, store)


def test_suffixes_choose_xliff():
    assert format_for_path("a.xlf") == format_for_path("b.XLIFF") == "xliff"


def test_failed_write_leaves_no_file(alignment, tmp_path, monkeypatch):
    def broken(*args):
        raise RuntimeError("disk on fire")

    out = tmp_path / "a.xlf"
    out.write_text("old", encoding="utf-8")
    monkeypatch.setattr(xliff_module, "flag_note", broken)
    with pytest.raises(RuntimeError):
        write(alignment, out)
    assert out.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["a.xlf"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_align_writes_xliff_from_the_suffix(tmp_path):
    out = tmp_path / "out.xlf"
    result = run("align", PAIR / "en.sents", PAIR / "es.sents", "--presegmented", "-o", out)
    assert result.exit_code == 0, result.output
    units = factory.getobject(str(out)).units
    english = (PAIR / "en.sents").read_text(encoding="utf-8").splitlines()
    covered = [i for u in units for i in json.loads(contexts(u)["x-src-sentences"])]
    assert covered == list(range(len(english)))
    assert " ".join(u.source for u in units if u.source).split() == " ".join(english).split()


def test_cli_check_writes_flags_as_notes_and_still_fails(tmp_path):
    out = tmp_path / "flags.xliff"
    result = run("check", DIVERGENT / "en.md", DIVERGENT / "es.md", "--format", "xliff", "-o", out)
    assert result.exit_code == 1, result.output
    units = factory.getobject(str(out)).units
    flagged = [u for u in units if parsed_flag_notes(u)]
    # a flagged unit is up for review, unless nothing translated it (then it needs translation)
    assert flagged and all(u.isreview() for u in flagged if u.target)
    assert all(u.get_state_n() == u.S_NEEDS_TRANSLATION for u in flagged if not u.target)
    assert any(n["severity"] == "high" for u in flagged for n in parsed_flag_notes(u))


def test_real_check_result_round_trips(tmp_path):
    checked = aligner.check(DIVERGENT / "en.md", DIVERGENT / "es.md")
    assert any(b.flags for b in checked.beads)
    out = write_xliff(checked, tmp_path / "a.xlf")
    assert_matches(checked, factory.getobject(str(out)))


def test_file_element_is_named_after_the_source_document(tmp_path):
    from dataclasses import replace

    base = Alignment((Segment(0, "Hello."),), (Segment(0, "Hola."),), (Bead((0,), (0,), 0.9),))
    named = replace(base, src_path="/data/treaty.en.docx", tgt_path="/data/treaty.es.pdf")
    for alignment, original in ((base, "alignment.en-es"), (named, "treaty.en.docx")):
        out = tmp_path / "out.xlf"
        write(alignment, out, "xliff")
        assert etree.parse(str(out)).getroot().find("x:file", NS).get("original") == original


def test_cli_names_the_file_after_the_english_document(tmp_path):
    out = tmp_path / "out.xlf"
    result = CliRunner().invoke(main, ["align", str(PAIR / "en.md"), str(PAIR / "es.md"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert etree.parse(str(out)).getroot().find("x:file", NS).get("original") == "en.md"
