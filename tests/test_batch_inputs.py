"""`aligner batch` inputs: manifests, folders of pairs, ids, and paths kept inside the input."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from aligner.batching.inputs import load_pairs
from aligner.batching.notices import BatchWarning
from aligner.batching.pairs import safe_id, unique_ids
from aligner.cli import main
from aligner.errors import InputError
from test_batch_support import write_manifest

LANG_HEADER = ("src", "tgt", "id", "src_lang", "tgt_lang")


def touch(path, text="Hello."):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(path, allow_outside=False):
    return load_pairs(path, "en", "es", allow_outside)


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_manifest_rows_become_pairs_in_order(tmp_path, suffix):
    for name in ("a/report.en.md", "a/report.es.md", "x/en.md", "x/fr.md"):
        touch(tmp_path / name)
    manifest = write_manifest(tmp_path / f"list{suffix}", [
        ("x/en.md", "x/fr.md", "", "", "fr"),
        ("a/report.en.md", "a/report.es.md", "annual", "", ""),
    ], header=LANG_HEADER)
    pairs = load(manifest)
    assert [p.pair_id for p in pairs] == ["x", "annual"]
    first = pairs[0]
    assert (first.src, first.tgt) == (tmp_path / "x" / "en.md", tmp_path / "x" / "fr.md")
    assert (first.src_lang, first.tgt_lang, pairs[1].tgt_lang) == ("en", "fr", "es")
    assert (first.src_label, first.tgt_label) == ("x/en.md", "x/fr.md")


def test_ids_derived_from_the_paths_are_safe_and_unique(tmp_path):
    rows = [("a/report.en.md", "a/report.es.md"), ("en/report.md", "es/report.md"),
            ("b/en.md", "b/es.md"), ("c d/en.md", "c d/es.md"), ("corpus.en.md", "corpus.es.md")]
    for src, tgt in rows:
        touch(tmp_path / src), touch(tmp_path / tgt)
    ids = [p.pair_id for p in load(write_manifest(tmp_path / "m.csv", rows))]
    assert ids == ["report", "report-2", "b", "c-d", "pair-corpus"]


def test_a_derived_id_steps_aside_for_an_explicit_one(tmp_path):
    for name in ("r.en.md", "r.es.md", "s.en.md", "s.es.md"):
        touch(tmp_path / name)
    pairs = load(write_manifest(tmp_path / "m.csv", [("r.en.md", "r.es.md", ""),
                                                       ("s.en.md", "s.es.md", "r")],
                                header=("src", "tgt", "id")))
    assert [p.pair_id for p in pairs] == ["r-2", "r"]


def test_unique_ids_ignore_case_and_safe_id_cleans():
    assert unique_ids(["a", "A", "a", "b"]) == ["a", "A-2", "a-3", "b"]
    assert safe_id("../Annual report (2024)") == "Annual-report-2024"
    assert safe_id("summary") == "pair-summary"


@pytest.mark.parametrize("pair_id, problem", [("a/b", "not a safe"), (".hidden", "not a safe"),
                                              ("corpus", "not a safe"), ("dup", "used twice")])
def test_bad_explicit_ids_are_refused_naming_the_line(tmp_path, pair_id, problem):
    touch(tmp_path / "e.md"), touch(tmp_path / "s.md")
    rows = [("e.md", "s.md", "dup"), ("e.md", "s.md", pair_id)]
    with pytest.raises(InputError, match=rf"m\.csv:3: .*{problem}"):
        load(write_manifest(tmp_path / "m.csv", rows, header=("src", "tgt", "id")))


@pytest.mark.parametrize("header, rows, message", [
    (("src", "target"), [("a", "b")], "header row"),
    (("src", "tgt"), [], "no pairs"),
    (("src", "tgt"), [("a.md", "")], r":2: no tgt path"),
])
def test_malformed_manifests_are_refused(tmp_path, header, rows, message):
    with pytest.raises(InputError, match=message):
        load(write_manifest(tmp_path / "m.csv", rows, header=header))


def test_a_manifest_must_be_csv_or_tsv(tmp_path):
    with pytest.raises(InputError, match="csv or .tsv"):
        load(touch(tmp_path / "m.txt", "src,tgt\na,b\n"))


def outside_setup(tmp_path):
    base = tmp_path / "project"
    touch(base / "in.es.md")
    outside = touch(tmp_path / "elsewhere" / "out.en.md")
    (base / "link.en.md").symlink_to(outside)
    return base, outside


@pytest.mark.parametrize("src", ["../elsewhere/out.en.md", "ABSOLUTE", "link.en.md"])
def test_paths_leaving_the_manifest_folder_need_allow_outside(tmp_path, src):
    base, outside = outside_setup(tmp_path)
    src = str(outside) if src == "ABSOLUTE" else src
    manifest = write_manifest(base / "m.csv", [(src, "in.es.md")])
    with pytest.raises(InputError, match="allow-outside"):
        load(manifest)
    pair, = load(manifest, allow_outside=True)
    assert pair.src.resolve() == outside.resolve()


def test_cli_refuses_an_outside_path_with_exit_2_before_aligning(tmp_path):
    base, _ = outside_setup(tmp_path)
    manifest = write_manifest(base / "m.csv", [("../elsewhere/out.en.md", "in.es.md")])
    result = CliRunner().invoke(main, ["batch", str(manifest), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "m.csv:2" in result.output
    assert not (tmp_path / "out" / "summary.csv").exists()


def test_folder_of_name_lang_files(tmp_path):
    for name in ("b.en.md", "b.es.md", "a.en.txt", "a.es.txt", "lonely.en.md", "notes.md"):
        touch(tmp_path / name)
    with pytest.warns(BatchWarning, match=r"2 file\(s\) without a partner.*lonely\.en\.md, notes\.md"):
        pairs = load(tmp_path)
    assert [(p.pair_id, p.src.name, p.tgt.name) for p in pairs] == [
        ("a", "a.en.txt", "a.es.txt"), ("b", "b.en.md", "b.es.md")]


def test_folder_with_language_subfolders(tmp_path):
    for name in ("en/one.md", "es/one.md", "en/two.txt", "es/two.txt", "es/extra.md"):
        touch(tmp_path / name)
    with pytest.warns(BatchWarning, match="es/extra.md"):
        pairs = load(tmp_path)
    assert [(p.pair_id, p.src_label, p.tgt_label) for p in pairs] == [
        ("one", "en/one.md", "es/one.md"), ("two", "en/two.txt", "es/two.txt")]


def test_folder_layouts_together_get_distinct_ids(tmp_path):
    for name in ("en/r.md", "es/r.md", "r.en.md", "r.es.md"):
        touch(tmp_path / name)
    assert sorted(p.pair_id for p in load(tmp_path)) == ["r", "r-2"]


def test_folder_refuses_two_files_for_one_side(tmp_path):
    for name in ("r.en.md", "r.en.txt", "r.es.md"):
        touch(tmp_path / name)
    with pytest.raises(InputError, match="two en files for 'r'"):
        load(tmp_path)


def test_folder_without_pairs_is_an_input_error(tmp_path):
    touch(tmp_path / "readme.md")
    with pytest.raises(InputError, match="no pairs found"):
        load(tmp_path)
