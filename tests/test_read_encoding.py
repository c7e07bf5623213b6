"""Text and Markdown files: UTF-8 with or without BOM, UTF-16 with a BOM, else Windows-1252."""
from __future__ import annotations

import logging

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.errors import InputError
from aligner.read import read, read_lines
from aligner.read.encoding import decode

TEXT = "# Año 2023\n\nLa negociación costó 5 € y «terminó» ayer.\n"


@pytest.mark.parametrize("encoded, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("cp1252"), "windows-1252"),
])
def test_every_encoding_reads_the_same_and_is_logged(tmp_path, caplog, encoded, encoding):
    path = tmp_path / "doc.md"
    path.write_bytes(encoded)
    with caplog.at_level(logging.INFO, logger="aligner.read"):
        doc = read(path, "es")
    assert [b.text for b in doc.blocks] == ["Año 2023", "La negociación costó 5 € y «terminó» ayer."]
    assert f"{path}: read as {encoding}" in caplog.messages


def test_latin1_text_reads_through_windows_1252():
    text, encoding = decode("Señor Muñoz, año de negociación.".encode("latin-1"), "f.txt")
    assert text == "Señor Muñoz, año de negociación." and encoding == "windows-1252"


def test_bytes_windows_1252_leaves_undefined_read_as_latin1():
    assert decode(b"a\x81b\x93c\x94", "f.txt")[0] == "a\x81b“c”"


def test_utf16_without_a_bom_is_read_from_where_its_nul_bytes_sit(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes("Hello world.".encode("utf-16-le"))  # no BOM
    assert read(path, "en").blocks[0].text == "Hello world."


def test_nul_bytes_on_both_byte_sides_look_binary(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(b"Hello\x00\x00 world.\x00")
    with pytest.raises(InputError, match="binary") as exc:
        read(path, "en")
    assert str(path) in str(exc.value)


def test_damaged_utf8_is_refused_rather_than_read_as_mojibake(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes("Año de la negociación.".encode("utf-8") + b" caf\xe9.")
    with pytest.raises(InputError, match="damaged UTF-8") as exc:
        read(path, "es")
    assert str(path) in str(exc.value)


def test_truncated_utf16_is_refused(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(b"\xff\xfe" + "Hola.".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    with pytest.raises(InputError, match="UTF-16"):
        read(path, "es")


def test_presegmented_lines_are_decoded_too(tmp_path):
    path = tmp_path / "pre.txt"
    path.write_bytes(b"\xff\xfe" + "Uno.\nDos.\n".encode("utf-16-le"))
    assert read_lines(path) == ["Uno.", "Dos."]


def test_files_over_the_size_limit_are_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("A sentence that repeats.\n" * 1000, encoding="utf-8")
    assert read(path, "en", max_mb=1).blocks
    with pytest.raises(InputError, match="over the 0.01 MB input limit"):
        read(path, "en", max_mb=0.01)
    with pytest.raises(InputError, match="over the"):
        read_lines(path, max_mb=0.01)


def test_cli_size_limit_is_one_line_exit_2_and_no_output(tmp_path):
    src, tgt = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text("The committee approved the budget.\n" * 400, encoding="utf-8")
    tgt.write_text("El comité aprobó el presupuesto.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["align", str(src), str(tgt), "-o", str(out),
                                       "--max-input-mb", "0.005"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "a.txt" in lines[0] and "--max-input-mb" in lines[0]
    assert not out.exists()
