"""xlsx output: read back with pandas (the values) and openpyxl (the styling), formulas kept as
text, atomic replacement, and the CLI."""
from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.errors import UsageError
from aligner.records import Alignment, Bead, Flag, Segment
from aligner.write import format_for_path, write
from aligner.write import xlsx as xlsx_module
from aligner.write.xlsx import COLUMNS, FILLS, WIDTHS

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIR = CORPORA / "security-communique"
DIVERGENT = CORPORA / "divergent"
HYPERLINK = '=HYPERLINK("http://example.com/x","click here")'


@pytest.fixture
def alignment() -> Alignment:
    src = (
        Segment(0, HYPERLINK),
        Segment(1, "+34 is the country code."),
        Segment(2, "He left\tat once."),
        Segment(3, "An untranslated sentence."),
        Segment(4, "@all: fees rose by 5%."),
    )
    tgt = (
        Segment(0, "-1 es un número."),
        Segment(1, "+34 es el prefijo."),
        Segment(2, "Se fue\nenseguida."),
        Segment(3, "Una frase añadida."),
        Segment(4, "@todos: las tasas subieron un 6 %."),
    )
    beads = (
        Bead((0,), (0,), 0.12345),
        # medium sorts after high alphabetically: the fill must still be high's
        Bead((1,), (1,), 0.91, (Flag("commitment", "medium", "may vs must"),
                                Flag("figure", "high", "34 vs 35", "+34", "+35"))),
        Bead((2,), (2,), 0.5, (Flag("figure", "low", "format differs"),)),
        Bead((3,), (), 0.0, (Flag("omission", "medium", "sentence left out"),)),
        Bead((), (3,), 0.1),
        Bead((4,), (4,), 0.876),
    )
    return Alignment(src, tgt, beads, "en", "es")


def written(alignment: Alignment, tmp_path: Path) -> Path:
    out = tmp_path / "a.xlsx"
    write(alignment, out)  # the suffix chooses the format
    return out


def sheet_of(path: Path):
    return openpyxl.load_workbook(path).active


def test_pandas_reads_every_bead_back(alignment, tmp_path):
    frame = pd.read_excel(written(alignment, tmp_path), keep_default_na=False)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(alignment.beads)
    for (_, row), bead in zip(frame.iterrows(), alignment.beads):
        assert json.loads(row["src"]) == list(bead.src)
        assert json.loads(row["tgt"]) == list(bead.tgt)
        assert row["src_text"] == alignment.src_text(bead)
        assert row["tgt_text"] == alignment.tgt_text(bead)
        assert row["score"] == pytest.approx(bead.score, abs=5e-5)
        assert row["flag_count"] == len(bead.flags)
        kinds = row["kinds"].split(", ") if row["kinds"] else []
        assert kinds == sorted({f.kind for f in bead.flags})
        assert [m.split(":")[0] for m in row["messages"].splitlines()] == \
            [f"{f.severity} {f.kind}" for f in bead.flags]
    assert list(frame["severity"]) == ["", "high", "low", "medium", "", ""]
    assert frame.loc[1, "messages"].splitlines()[1] == 'high figure: 34 vs 35 ("+34" / "+35")'


def test_flagged_rows_are_filled_by_their_highest_severity(alignment, tmp_path):
    sheet = sheet_of(written(alignment, tmp_path))
    expected = [None, FILLS["high"], FILLS["low"], FILLS["medium"], None, None]
    for row, colour in zip(sheet.iter_rows(min_row=2), expected):
        for cell in row:
            if colour is None:
                assert cell.fill.fill_type is None
            else:
                assert cell.fill.fill_type == "solid"
                assert cell.fill.fgColor.rgb.endswith(colour)


def test_layout_header_frozen_filtered_widths_wrapped(alignment, tmp_path):
    sheet = sheet_of(written(alignment, tmp_path))
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:J{len(alignment.beads) + 1}"
    widths = [sheet.column_dimensions[chr(ord("A") + i)].width for i in range(len(COLUMNS))]
    assert widths == [WIDTHS[c] for c in COLUMNS]
    assert WIDTHS["src_text"] > 3 * WIDTHS["src"]
    header = [c.value for c in sheet[1]]
    assert header == list(COLUMNS)
    score_col = COLUMNS.index("score") + 1
    for row in sheet.iter_rows(min_row=2):
        assert row[score_col - 1].number_format == "0.00"
        assert row[score_col - 1].data_type == "n"
        assert all(cell.alignment.wrap_text for cell in row)


def test_text_that_looks_like_a_formula_stays_text(alignment, tmp_path):
    out = written(alignment, tmp_path)
    sheet = sheet_of(out)
    text_cells = sheet.iter_rows(min_row=2, min_col=3, max_col=4)
    texts = {cell.value: cell for row in text_cells for cell in row if cell.value}
    for text in (HYPERLINK, "-1 es un número.", "+34 is the country code.",
                 "@all: fees rose by 5%."):
        assert texts[text].data_type == "s"
        assert texts[text].quotePrefix  # Excel keeps it text even after the cell is edited
    assert not texts["Se fue\nenseguida."].quotePrefix
    with zipfile.ZipFile(out) as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "HYPERLINK(" in xml


def test_characters_xml_cannot_hold_are_dropped(tmp_path):
    bad = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\ufffe"
    a = Alignment((Segment(0, f"New{bad} year."),), (Segment(0, "Año\x0c nuevo."),),
                  (Bead((0,), (0,), 1.0, (Flag("figure", "low", "odd\x1b", "\x07", "x"),)),))
    frame = pd.read_excel(written(a, tmp_path), keep_default_na=False)
    assert list(frame.loc[0, ["src_text", "tgt_text"]]) == ["New year.", "Año nuevo."]
    assert frame.loc[0, "messages"] == 'low figure: odd ("" / "x")'


def test_stdout_is_refused():
    with pytest.raises(UsageError, match="-o"):
        write(Alignment((), (), ()), None, "xlsx")


def test_suffix_chooses_xlsx():
    assert format_for_path("report.XLSX") == "xlsx"


def test_success_replaces_an_existing_file(alignment, tmp_path):
    out = tmp_path / "a.xlsx"
    out.write_text("old", encoding="utf-8")
    written(alignment, tmp_path)
    assert zipfile.is_zipfile(out)
    assert os.listdir(tmp_path) == ["a.xlsx"]


def test_failed_write_keeps_the_existing_file(alignment, tmp_path, monkeypatch):
    out = tmp_path / "a.xlsx"
    out.write_text("old", encoding="utf-8")

    def broken(*args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(xlsx_module, "_style", broken)
    with pytest.raises(RuntimeError):
        write(alignment, out)
    assert out.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["a.xlsx"]


def test_missing_directory_is_a_usage_error(alignment, tmp_path):
    with pytest.raises(UsageError, match="cannot write"):
        write(alignment, tmp_path / "nope" / "a.xlsx")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_align_to_xlsx(tmp_path):
    out = tmp_path / "out.xlsx"
    result = run("align", PAIR / "en.sents", PAIR / "es.sents", "--presegmented", "-o", out)
    assert result.exit_code == 0, result.output
    frame = pd.read_excel(out, keep_default_na=False)
    english = (PAIR / "en.sents").read_text(encoding="utf-8").splitlines()
    assert [i for cell in frame["src"] for i in json.loads(cell)] == list(range(len(english)))


def test_cli_check_writes_the_workbook_and_still_fails(tmp_path):
    out = tmp_path / "out.xlsx"
    result = run("check", DIVERGENT / "en.md", DIVERGENT / "es.md", "--format", "xlsx", "-o", out)
    assert result.exit_code == 1, result.output
    frame = pd.read_excel(out, keep_default_na=False)
    flagged = frame[frame["flag_count"] > 0]
    assert "high" in set(flagged["severity"])
    sheet = sheet_of(out)
    for index in flagged.index:
        colour = FILLS[frame.loc[index, "severity"]]
        assert sheet.cell(row=index + 2, column=1).fill.fgColor.rgb.endswith(colour)


def test_cli_without_output_is_refused_with_one_line(tmp_path):
    result = run("align", PAIR / "en.sents", PAIR / "es.sents", "--presegmented",
                 "--format", "xlsx")
    assert result.exit_code == 2
    assert "binary" in result.output and "-o" in result.output
    assert "Traceback" not in result.output
