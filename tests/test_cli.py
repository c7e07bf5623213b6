"""The command line: formats, exit codes, and one-line errors that leave no file behind."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from aligner.cli import main

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIR = CORPORA / "security-communique"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def align_pair(tmp_path, fmt, suffix):
    out = tmp_path / f"out{suffix}"
    result = run("align", PAIR / "en.sents", PAIR / "es.sents", "--presegmented",
                 "-o", out, "--format", fmt)
    assert result.exit_code == 0, result.output
    return out


def test_jsonl_follows_the_output_contract(tmp_path):
    out = align_pair(tmp_path, "jsonl", ".jsonl")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert list(rows[0]) == ["src", "tgt", "src_text", "tgt_text", "score", "flags"]
    assert [i for r in rows for i in r["src"]] == list(range(32))
    assert all(r["flags"] == [] for r in rows)


def test_tmx_parses_back_with_both_languages(tmp_path):
    out = align_pair(tmp_path, "tmx", ".tmx")
    tree = etree.parse(str(out))
    tus = tree.findall(".//tu")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert tus and all({t.get(xml_lang) for t in tu.findall("tuv")} == {"en", "es"} for tu in tus)
    assert tree.find(".//header").get("srclang") == "en"


def test_format_is_taken_from_the_suffix(tmp_path):
    out = tmp_path / "out.csv"
    result = run("align", PAIR / "en.sents", PAIR / "es.sents", "--presegmented", "-o", out)
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("src,tgt,src_text,tgt_text,score,flags")


def test_moses_writes_two_line_parallel_files(tmp_path):
    prefix = tmp_path / "corpus"
    result = run("align", PAIR / "en.sents", PAIR / "es.sents", "--presegmented",
                 "-o", prefix, "--format", "moses")
    assert result.exit_code == 0
    en = (tmp_path / "corpus.en").read_text(encoding="utf-8").splitlines()
    es = (tmp_path / "corpus.es").read_text(encoding="utf-8").splitlines()
    assert len(en) == len(es) > 20


def test_evaluate_prints_strict_and_lax_scores(tmp_path):
    out = align_pair(tmp_path, "jsonl", ".jsonl")
    result = run("evaluate", out, PAIR / "gold.en-es")
    assert result.exit_code == 0
    assert "Strict" in result.output and "F1" in result.output


def test_check_exit_codes_gate_a_pipeline():
    faithful = run("check", PAIR / "en.md", PAIR / "es.md", "--fail-on", "high")
    assert faithful.exit_code == 0, faithful.output
    divergent = run("check", CORPORA / "divergent" / "en.md", CORPORA / "divergent" / "es.md")
    assert divergent.exit_code == 1
    assert "HIGH figure" in divergent.output


def test_check_jsonl_fills_flags(tmp_path):
    out = tmp_path / "flags.jsonl"
    result = run("check", CORPORA / "divergent" / "en.md", CORPORA / "divergent" / "es.md",
                 "--format", "jsonl", "-o", out)
    assert result.exit_code == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    flags = [f for r in rows for f in r["flags"]]
    assert {"figure", "commitment"} <= {f["kind"] for f in flags}
    assert all(set(f) == {"kind", "severity", "message", "src_evidence", "tgt_evidence", "status"}
               for f in flags)


def _bad_inputs(tmp_path):
    good = PAIR / "en.md"
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = tmp_path / "latin1.txt"  # UTF-8 damaged by a Latin-1 byte: not read as mojibake
    latin1.write_bytes("Año de la negociación.".encode("utf-8") + " Café.".encode("latin-1"))
    return {"missing": (tmp_path / "nope.md", good), "empty": (good, empty),
            "binary": (binary, good), "undecodable": (good, latin1)}


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "undecodable"])
@pytest.mark.parametrize("command", ["align", "check"])
def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path, case, command):
    src, tgt = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out.jsonl"
    result = run(command, src, tgt, "-o", out)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aligner: error:")
    assert Path(src).name in lines[0] or Path(tgt).name in lines[0]
    assert not out.exists()
    assert "Traceback" not in result.output


def test_unknown_encoder_is_a_usage_error(tmp_path):
    result = run("align", PAIR / "en.sents", PAIR / "es.sents", "--encoder", "nonsense")
    assert result.exit_code == 2
    assert "unknown encoder" in result.stderr


def test_unrelated_texts_align_but_warn(tmp_path):
    src = tmp_path / "a.txt"
    tgt = tmp_path / "b.txt"
    src.write_text("The committee approved the budget.\nRain is expected tomorrow.\n"
                   "Our team won the final.\n", encoding="utf-8")
    tgt.write_text("La receta lleva tres huevos.\nEl tren sale a las ocho.\n"
                   "Mi gato duerme mucho.\n", encoding="utf-8")
    result = run("align", src, tgt, "--presegmented")
    assert result.exit_code == 0
    assert "look unrelated" in result.stderr


def test_cache_dir_keeps_embeddings_for_the_next_run(tmp_path):
    cache = tmp_path / "cache"
    first = run("align", PAIR / "en.sents", PAIR / "es.sents", "--presegmented",
                "--cache-dir", cache, "-o", tmp_path / "a.jsonl")
    second = run("align", PAIR / "en.sents", PAIR / "es.sents", "--presegmented",
                 "--cache-dir", cache, "-o", tmp_path / "b.jsonl")
    assert first.exit_code == second.exit_code == 0
    assert (cache / "embeddings.sqlite").stat().st_size > 0
    assert (tmp_path / "a.jsonl").read_text() == (tmp_path / "b.jsonl").read_text()


def test_evaluate_at_unit_level(tmp_path):
    # two sentences of one unit aligned as two 1-1 beads merge into the unit's 2-2 bead
    (tmp_path / "gold").write_text("[0, 1]:[0, 1]\n[2]:[2]\n", encoding="utf-8")
    (tmp_path / "pred").write_text("[0]:[0]\n[1]:[1]\n[2]:[2]\n", encoding="utf-8")
    (tmp_path / "u.en").write_text("a\na\nb\n", encoding="utf-8")
    (tmp_path / "u.es").write_text("a\na\nb\n", encoding="utf-8")
    sentence = run("evaluate", tmp_path / "pred", tmp_path / "gold", "--json")
    unit = run("evaluate", tmp_path / "pred", tmp_path / "gold", "--json",
               "--src-units", tmp_path / "u.en", "--tgt-units", tmp_path / "u.es")
    assert json.loads(sentence.output)["f1_strict"] < 1.0
    assert json.loads(unit.output)["f1_strict"] == 1.0


def test_evaluate_rejects_a_malformed_gold_line(tmp_path):
    (tmp_path / "gold").write_text("[0]:[0]\nnot a bead\n", encoding="utf-8")
    (tmp_path / "pred").write_text("[0]:[0]\n", encoding="utf-8")
    result = run("evaluate", tmp_path / "pred", tmp_path / "gold")
    assert result.exit_code == 2
    assert "gold:2: malformed bead line" in result.stderr


def test_an_internal_error_is_one_line_with_exit_3(tmp_path, monkeypatch):
    import aligner.api

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(aligner.api, "align", broken)
    result = run("align", PAIR / "en.sents", PAIR / "es.sents", "--presegmented")
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "internal error" in result.stderr


def test_align_with_a_local_sentence_transformers_model(tmp_path, tiny_st_model):
    out = tmp_path / "st.jsonl"
    result = run("align", PAIR / "en.sents", PAIR / "es.sents", "--presegmented",
                 "--encoder", f"st:{tiny_st_model}", "-o", out)
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [i for r in rows for i in r["src"]] == list(range(32))


def test_a_reader_that_stops_early_gets_no_error_message():
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "aligner.cli", "align", str(PAIR / "en.sents"),
                             str(PAIR / "es.sents"), "--presegmented", "--format", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # like `| head` exiting before aligner writes
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 141
    assert b"error" not in err and b"Traceback" not in err


@pytest.mark.parametrize("other", ["es.sents", "../health-cooperation-mou/es.sents"])
def test_warning_only_for_documents_that_are_not_translations(tmp_path, other):
    result = run("align", PAIR / "en.sents", PAIR / other, "--presegmented", "-o", tmp_path / "o.tsv")
    assert result.exit_code == 0
    assert ("look unrelated" in result.stderr) == (other != "es.sents")


def test_fail_on_threshold_counts_flags_at_or_above_it():
    from aligner.checking import reaches
    from aligner.records import Alignment, Bead, Flag, Segment

    medium = Flag("omission", "medium", "sentence missing in Spanish")
    alignment = Alignment((Segment(0, "a"),), (), (Bead((0,), (), 0.5, (medium,)),))
    assert [reaches(alignment, s) for s in ("low", "medium", "high")] == [True, True, False]


def test_verbose_says_how_each_file_was_read(tmp_path):
    import subprocess
    import sys

    en = tmp_path / "en.txt"
    en.write_text("Coffee with milk. Good morning.\n", encoding="utf-8")
    es = tmp_path / "es.txt"
    es.write_bytes("Café con leche. Buenos días.\n".encode("cp1252"))
    command = [sys.executable, "-m", "aligner.cli", "align", str(en), str(es), "-o", str(tmp_path / "o.tsv")]
    quiet = subprocess.run(command, capture_output=True, text=True)
    loud = subprocess.run(command[:3] + ["-v"] + command[3:], capture_output=True, text=True)
    assert quiet.returncode == loud.returncode == 0
    assert quiet.stderr == ""
    assert f"aligner: {es}: read as windows-1252" in loud.stderr.splitlines()
    assert f"aligner: {en}: text, 1 paragraph" in loud.stderr.splitlines()
    assert "aligner: 2 en and 2 es sentences" in loud.stderr.splitlines()
