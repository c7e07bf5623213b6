"""Output writers: every format read back with its own reader, and atomic replacement."""
from __future__ import annotations

import json
import os

import click
import pandas as pd
import pytest
from click.testing import CliRunner
from lxml import etree

import aligner
from aligner.errors import UsageError
from aligner.records import Alignment, Bead, Flag, Segment
from aligner.write import WRITERS, format_for_path, get_writer, write
from aligner.write import jsonl as jsonl_module
from aligner.write import moses as moses_module
from aligner.write.delimited import COLUMNS

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CONTRACT_KEYS = ["src", "tgt", "src_text", "tgt_text", "score", "flags"]


@pytest.fixture
def alignment() -> Alignment:
    src = (
        Segment(0, 'Fees rose by 5% & "more" <fast>.'),
        Segment(1, "The minister, however, said no."),
        Segment(2, "He left\tat once."),
        Segment(3, "An untranslated sentence."),
    )
    tgt = (
        Segment(0, "Las tasas subieron un 5 % y «más» <rápido>."),
        Segment(1, "Sin embargo, el ministro dijo que no."),
        Segment(2, "Se fue\nenseguida."),
        Segment(3, "Una frase añadida."),
        Segment(4, "Año\x0c nuevo."),
    )
    flag = Flag("figure", "high", "5% vs 6%", "5%", "6 %")
    beads = (
        Bead((0,), (0,), 0.912345, (flag,)),
        Bead((1, 2), (1, 2), 0.5),
        Bead((3,), (), 0.0),
        Bead((), (3,), 0.0),
        Bead((), (4,), 0.1),
    )
    return Alignment(src, tgt, beads, "en", "es")


def both_sided(alignment: Alignment) -> list[Bead]:
    return [b for b in alignment.beads if b.src and b.tgt]


def test_jsonl_file_is_the_records_contract(alignment, tmp_path):
    out = tmp_path / "a.jsonl"
    write(alignment, out, "jsonl")
    raw = out.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in raw.splitlines()]
    assert rows == alignment.records()
    assert all(list(row) == CONTRACT_KEYS for row in rows)
    assert "subieron un 5 % y «más»" in raw  # not \u-escaped


def test_stdout_goes_through_sys_stdout(alignment, capsys):
    write(alignment, None, "jsonl")
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == alignment.records()


def test_click_runner_captures_stdout(alignment):
    @click.command()
    @click.option("--fmt")
    def cmd(fmt: str) -> None:
        write(alignment, None, fmt)

    result = CliRunner().invoke(cmd, ["--fmt", "tsv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split("\t") == list(COLUMNS)


@pytest.mark.parametrize("fmt, sep", [("tsv", "\t"), ("csv", ",")])
def test_tables_read_back_with_pandas(alignment, tmp_path, fmt, sep):
    out = tmp_path / f"a.{fmt}"
    write(alignment, out, fmt)
    frame = pd.read_csv(out, sep=sep, keep_default_na=False)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(alignment.beads)
    for (_, row), record in zip(frame.iterrows(), alignment.records()):
        assert json.loads(row["src"]) == record["src"]
        assert json.loads(row["tgt"]) == record["tgt"]
        assert row["src_text"] == record["src_text"]
        assert row["tgt_text"] == record["tgt_text"]
        assert row["score"] == pytest.approx(record["score"])
        assert json.loads(row["flags"]) == record["flags"]
    assert frame.loc[1, "src"] == "[1, 2]"


def test_tmx_parses_back(alignment, tmp_path):
    out = tmp_path / "a.tmx"
    write(alignment, out, "tmx")
    raw = out.read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = etree.fromstring(raw)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header.get("srclang") == "en"
    assert header.get("creationtool") == "aligner"
    assert header.get("creationtoolversion") == aligner.__version__
    for attr, value in [("datatype", "plaintext"), ("segtype", "sentence"), ("adminlang", "en"), ("o-tmf", "aligner")]:
        assert header.get(attr) == value
    units = root.findall("body/tu")
    expected = both_sided(alignment)
    assert len(units) == len(expected) == 2
    for tu, bead in zip(units, expected):
        props = {p.get("type"): p.text for p in tu.findall("prop")}
        assert float(props["x-score"]) == pytest.approx(round(bead.score, 4))
        assert json.loads(props["x-src-sentences"]) == list(bead.src)
        assert json.loads(props["x-tgt-sentences"]) == list(bead.tgt)
        tuvs = tu.findall("tuv")
        assert [t.get(XML_LANG) for t in tuvs] == ["en", "es"]
        assert [t.findtext("seg") for t in tuvs] == [alignment.src_text(bead), alignment.tgt_text(bead)]
    assert "5% vs 6%" in units[0].findtext("note")
    assert b"&amp;" in raw and b"&lt;fast&gt;" in raw


def test_tmx_drops_characters_xml_cannot_hold(tmp_path):
    a = Alignment((Segment(0, "New\x0c year."),), (Segment(0, "Año\x0c nuevo."),), (Bead((0,), (0,), 1.0),))
    out = tmp_path / "a.tmx"
    write(a, out, "tmx")
    segs = [s.text for s in etree.parse(str(out)).iter("seg")]
    assert segs == ["New year.", "Año nuevo."]


def test_moses_writes_two_line_parallel_files(alignment, tmp_path):
    write(alignment, tmp_path / "corpus", "moses")
    en = (tmp_path / "corpus.en").read_text(encoding="utf-8").splitlines()
    es = (tmp_path / "corpus.es").read_text(encoding="utf-8").splitlines()
    assert len(en) == len(es) == len(both_sided(alignment))
    assert en[1] == "The minister, however, said no. He left\tat once."
    assert es[1] == "Sin embargo, el ministro dijo que no. Se fue enseguida."


def test_moses_refuses_stdout(alignment):
    with pytest.raises(UsageError, match="moses needs -o"):
        write(alignment, None, "moses")


def test_registry():
    assert set(WRITERS) == {"jsonl", "tsv", "csv", "tmx", "moses", "text", "xliff", "xlsx", "html",
                            "parquet"}
    assert all(isinstance(get_writer(name), WRITERS[name]) for name in WRITERS)
    with pytest.raises(UsageError) as err:
        get_writer("docx")
    assert "docx" in str(err.value) and all(name in str(err.value) for name in WRITERS)


@pytest.mark.parametrize(
    "path, fmt",
    [("a.tsv", "tsv"), ("dir/a.csv", "csv"), ("a.jsonl", "jsonl"), ("A.TMX", "tmx"), ("a.txt", None), ("a", None)],
)
def test_format_for_path(path, fmt):
    assert format_for_path(path) == fmt


def test_write_picks_format_from_suffix(alignment, tmp_path):
    write(alignment, tmp_path / "a.tmx")
    assert etree.parse(str(tmp_path / "a.tmx")).getroot().tag == "tmx"
    write(alignment, tmp_path / "a.out")
    lines = (tmp_path / "a.out").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]) == alignment.records()[0]


def test_success_replaces_an_existing_file(alignment, tmp_path):
    out = tmp_path / "a.jsonl"
    out.write_text("old\n", encoding="utf-8")
    write(alignment, out, "jsonl")
    assert out.read_text(encoding="utf-8").count("\n") == len(alignment.beads)
    assert os.listdir(tmp_path) == ["a.jsonl"]


def fail_on_call(n: int, real):
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    return wrapper


def test_failed_write_leaves_no_file(alignment, tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl_module.json, "dumps", fail_on_call(3, json.dumps))
    with pytest.raises(RuntimeError):
        write(alignment, tmp_path / "a.jsonl", "jsonl")
    assert os.listdir(tmp_path) == []


def test_failed_write_keeps_the_existing_file(alignment, tmp_path, monkeypatch):
    out = tmp_path / "a.jsonl"
    out.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(jsonl_module.json, "dumps", fail_on_call(2, json.dumps))
    with pytest.raises(RuntimeError):
        write(alignment, out, "jsonl")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["a.jsonl"]


def test_failed_moses_write_leaves_neither_file(alignment, tmp_path, monkeypatch):
    (tmp_path / "c.en").write_text("old en\n", encoding="utf-8")
    # Third call: the first bead's two lines are already written.
    monkeypatch.setattr(moses_module, "_one_line", fail_on_call(3, moses_module._one_line))
    with pytest.raises(RuntimeError):
        write(alignment, tmp_path / "c", "moses")
    assert sorted(os.listdir(tmp_path)) == ["c.en"]
    assert (tmp_path / "c.en").read_text(encoding="utf-8") == "old en\n"


def test_missing_directory_is_a_usage_error(alignment, tmp_path):
    with pytest.raises(UsageError, match="cannot write"):
        write(alignment, tmp_path / "nope" / "a.tsv", "tsv")
    assert os.listdir(tmp_path) == []
