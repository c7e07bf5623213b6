"""Check profiles (aligner.toml) and the check command's --glossary/--profile/--show-profile."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.errors import InputError
from aligner.profile import Profile, find_profile, load_profile
from aligner.records import Flag

PROFILE = """
checks = ["figures", "omissions", "terminology", "typography"]
glossaries = ["terms.csv"]
es_locale = "es"
fail_on = "high"
[severity]
typography = "medium"
"omission:heading" = "high"
[ignore]
src = ['^Photo:']
"""


def test_profile_reads_every_setting(tmp_path):
    (tmp_path / "aligner.toml").write_text(PROFILE, encoding="utf-8")
    p = load_profile(tmp_path / "aligner.toml")
    assert p.checks == ("figures", "omissions", "terminology", "typography")
    assert p.glossaries == (str(tmp_path / "terms.csv"),)
    assert (p.es_locale, p.fail_on) == ("es", "high")
    assert p.restyle(Flag("typography", "low", "x")).severity == "medium"
    assert p.restyle(Flag("omission", "low", "heading missing in Spanish")).severity == "high"
    assert p.restyle(Flag("omission", "medium", "sentence missing")).severity == "medium"
    assert p.ignores("Photo: the delegations", "") and not p.ignores("The delegations", "")


@pytest.mark.parametrize("text, message", [
    ("colour = 1\n", "unknown profile key 'colour'"),
    ("checks = ['figures', 'spelling']\n", "unknown check 'spelling'"),
    ("checks = 'figures'\n", "checks must be a list of strings"),
    ("fail_on = 'critical'\n", "fail_on must be one of"),
    ("[severity]\nfigure = 'severe'\n", "severity of 'figure' must be"),
    ("[severity]\nspelling = 'low'\n", "unknown flag kind 'spelling'"),
    ("[ignore]\nboth = ['x']\n", "takes src and tgt"),
    ("[ignore]\nsrc = ['(']\n", "bad ignore pattern"),
    ("checks = [\n", "not a valid TOML profile"),
])
def test_bad_profiles_are_one_line_errors_naming_the_problem(tmp_path, text, message):
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        load_profile(path)
    assert "\n" not in str(err.value)


def test_profile_is_found_in_the_working_folder_then_beside_src(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "aligner.toml").write_text('fail_on = "low"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert find_profile(None, docs / "en.md").fail_on == "low"
    (tmp_path / "aligner.toml").write_text('fail_on = "high"\n', encoding="utf-8")
    assert find_profile(None, docs / "en.md").fail_on == "high"
    assert find_profile(None, None).fail_on == "high"
    (tmp_path / "aligner.toml").unlink()
    assert find_profile(None, tmp_path / "elsewhere.md") == Profile()


EN = "# Joint Statement\n\nThe controller shall notify the supervisory authority.\n\nPhoto: the delegations.\n"
ES = "# Declaración conjunta\n\nEl controlador notificará a la autoridad de control.\n\nFoto: las delegaciones.\n"


@pytest.fixture
def pair(tmp_path):
    (tmp_path / "en.md").write_text(EN, encoding="utf-8")
    (tmp_path / "es.md").write_text(ES, encoding="utf-8")
    (tmp_path / "terms.csv").write_text("en,es,forbidden\ncontroller,responsable del tratamiento,controlador\n"
                                        "supervisory authority,autoridad de control,\n", encoding="utf-8")
    return tmp_path


def _run(args, cwd):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_check_with_a_glossary_flags_terminology_and_fails(pair, monkeypatch):
    monkeypatch.chdir(pair)
    result = _run(["check", "en.md", "es.md", "--glossary", "terms.csv", "--format", "jsonl"], pair)
    assert result.exit_code == 1, result.output
    flags = [f for line in result.output.splitlines() if line.startswith("{")
             for f in json.loads(line)["flags"]]
    assert {(f["kind"], f["tgt_evidence"]) for f in flags} >= {("terminology", "controlador")}


def test_profile_selects_checks_and_fail_on(pair, monkeypatch):
    monkeypatch.chdir(pair)
    (pair / "aligner.toml").write_text('glossaries = ["terms.csv"]\nfail_on = "high"\n', encoding="utf-8")
    assert _run(["check", "en.md", "es.md"], pair).exit_code == 0  # medium terminology flags only
    (pair / "aligner.toml").write_text('glossaries = ["terms.csv"]\nfail_on = "high"\n'
                                       '[severity]\nterminology = "high"\n', encoding="utf-8")
    assert _run(["check", "en.md", "es.md"], pair).exit_code == 1
    (pair / "aligner.toml").write_text('checks = ["figures"]\nglossaries = ["terms.csv"]\n', encoding="utf-8")
    assert _run(["check", "en.md", "es.md"], pair).exit_code == 0  # terminology not run


def test_show_profile_prints_effective_settings(pair, monkeypatch):
    monkeypatch.chdir(pair)
    (pair / "aligner.toml").write_text('es_locale = "mx"\n', encoding="utf-8")
    result = _run(["check", "en.md", "es.md", "--show-profile", "--fail-on", "low", "--glossary", "terms.csv"], pair)
    settings = json.loads(result.output)
    assert result.exit_code == 0
    assert settings["es_locale"] == "mx" and settings["fail_on"] == "low"
    assert settings["glossaries"] == ["terms.csv"] and settings["profile"].endswith("aligner.toml")


@pytest.mark.parametrize("args, message", [
    (["--glossary", "missing.csv"], "glossary not found"),
    (["--profile", "missing.toml"], "profile not found"),
])
def test_missing_glossary_or_profile_is_exit_2_with_one_line(pair, monkeypatch, args, message):
    monkeypatch.chdir(pair)
    result = CliRunner().invoke(main, ["check", "en.md", "es.md", *args])
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output


def test_unknown_profile_key_is_exit_2(pair, monkeypatch):
    monkeypatch.chdir(pair)
    (pair / "aligner.toml").write_text('fail_om = "high"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "en.md", "es.md"])
    assert result.exit_code == 2 and "unknown profile key 'fail_om'" in result.output


def test_batch_applies_a_glossary_and_redoes_pairs_when_it_changes(tmp_path):
    import aligner
    from test_batch_support import make_corpus

    manifest = make_corpus(tmp_path, n=1)
    terms = tmp_path / "terms.csv"
    terms.write_text("en,es\nfentanyl,fentanilo\n", encoding="utf-8")
    out = tmp_path / "out"
    first = aligner.batch(manifest, out, formats=("jsonl",), check=True, glossaries=(terms,))
    assert first["status"].tolist() == ["ok"] and not first["resumed"].any()
    assert aligner.batch(manifest, out, formats=("jsonl",), check=True, glossaries=(terms,))["resumed"].all()
    terms.write_text("en,es\nfentanyl,opioide sintético\n", encoding="utf-8")
    again = aligner.batch(manifest, out, formats=("jsonl",), check=True, glossaries=(terms,))
    assert not again["resumed"].any() and again["flags_terminology"].iloc[0] > 0


def test_batch_with_a_bad_glossary_or_without_check_is_a_usage_error(tmp_path):
    from test_batch_support import make_corpus

    manifest = make_corpus(tmp_path, n=1)
    (tmp_path / "bad.csv").write_text("english,spanish\n", encoding="utf-8")
    for extra in (["--check", "--glossary", str(tmp_path / "bad.csv")], ["--glossary", str(tmp_path / "bad.csv")]):
        result = CliRunner().invoke(main, ["batch", str(manifest), "--out", str(tmp_path / "o"), *extra])
        assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def test_the_sample_profile_in_corpora_is_valid():
    root = Path(__file__).resolve().parents[1] / "corpora"
    profile = load_profile(root / "aligner.toml")
    assert profile.glossaries == (str(root / "glossary.csv"),)
    from aligner.terms import read_glossary

    assert read_glossary(profile.glossaries[0]).entries
