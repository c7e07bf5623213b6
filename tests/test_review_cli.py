"""`align|check --review FILE`: reviewed beads stay, dismissed flags stay dismissed in every
output and no longer fail the gate, stale decisions are one stderr line each, a malformed file
stops the run with exit 2 before anything is written."""
from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.records import Alignment, Bead, Flag, Segment
from aligner.write.html import render
from aligner.write.report import TextReportWriter
from aligner.write.xliff import to_tree
from aligner.write.xlsx import workbook_bytes

PAIR = Path(__file__).resolve().parent.parent / "corpora" / "divergent"
SRC, TGT = PAIR / "en.sents", PAIR / "es.sents"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("first") / "first.jsonl"
    result = run("check", SRC, TGT, "--presegmented", "-o", out)
    assert result.exit_code == 1, result.output
    return _records(out)


def _dismissals(records, keep_open: int = 0) -> list[dict]:
    flagged = [(r, f) for r in records for f in r["flags"]]
    return [{"status": "dismissed", "kind": f["kind"], "src_evidence": f["src_evidence"],
             "tgt_evidence": f["tgt_evidence"], "src_text": r["src_text"],
             "tgt_text": r["tgt_text"], "note": f"judged {n}", "at": "2026-12-03T10:00:00Z"}
            for n, (r, f) in enumerate(flagged[keep_open:])]


def _write(path: Path, beads=(), flags=()) -> Path:
    path.write_text(json.dumps({"aligner_review": 1, "beads": list(beads), "flags": list(flags)}),
                    encoding="utf-8")
    return path


def test_every_open_flag_says_so(checked):
    statuses = {f["status"] for r in checked for f in r["flags"]}
    assert statuses == {"open"} and all("note" not in f for r in checked for f in r["flags"])


def test_check_passes_the_gate_once_every_flag_is_dismissed(checked, tmp_path):
    review = _write(tmp_path / "r.review.json", flags=_dismissals(checked))
    out = tmp_path / "second.jsonl"
    result = run("check", SRC, TGT, "--presegmented", "--review", review, "-o", out,
                 "--fail-on", "low")
    assert result.exit_code == 0, result.output
    flags = [f for r in _records(out) for f in r["flags"]]
    assert len(flags) == sum(len(r["flags"]) for r in checked)
    assert all(f["status"] == "dismissed" and f["note"].startswith("judged ") for f in flags)
    assert "stale" not in result.stderr


def test_an_undismissed_flag_still_fails(checked, tmp_path):
    review = _write(tmp_path / "r.review.json", flags=_dismissals(checked, keep_open=1))
    result = run("check", SRC, TGT, "--presegmented", "--review", review, "--fail-on", "low")
    assert result.exit_code == 1
    # the text list counts open flags and says how many were dismissed
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("1 flag (") and f"{len(_dismissals(checked)) - 1} dismissed" in summary
    assert "(dismissed: judged 0)" in result.stdout


def test_stale_decisions_are_one_stderr_line_each(checked, tmp_path):
    flags = _dismissals(checked)
    flags[0] = {**flags[0], "tgt_text": "Una frase que ya no existe."}
    beads = [{"status": "confirmed", "src_text": ["A sentence nobody wrote."], "tgt_text": ["Nada."]}]
    review = _write(tmp_path / "r.review.json", beads, flags)
    result = run("check", SRC, TGT, "--presegmented", "--review", review, "-o",
                 tmp_path / "out.jsonl")
    stale = [line for line in result.stderr.splitlines() if "stale review decision" in line]
    assert len(stale) == 2, result.stderr
    assert any("confirmed bead" in line and "A sentence nobody wrote." in line for line in stale)
    assert any(f'dismissed {flags[0]["kind"]} flag' in line for line in stale)
    assert all(line.startswith("aligner: warning: ") for line in stale)
    assert result.exit_code == 1  # the flag whose decision went stale is open again


@pytest.mark.parametrize("command", ["align", "check"])
def test_a_malformed_review_file_is_exit_2_and_writes_nothing(tmp_path, command):
    review = tmp_path / "bad.review.json"
    review.write_text('{"aligner_review": 1, "beads": 3}', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("earlier output\n", encoding="utf-8")
    result = run(command, SRC, TGT, "--presegmented", "--review", review, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert '"beads" is not a list' in result.stderr
    assert out.read_text(encoding="utf-8") == "earlier output\n"


def test_align_keeps_a_bead_made_by_hand(tmp_path):
    en = SRC.read_text(encoding="utf-8").splitlines()
    es = TGT.read_text(encoding="utf-8").splitlines()
    made = {"status": "made", "src_text": en[3:5], "tgt_text": es[3:4]}
    review = _write(tmp_path / "r.review.json", beads=[made])
    out = tmp_path / "out.jsonl"
    result = run("align", SRC, TGT, "--presegmented", "--review", review, "-o", out)
    assert result.exit_code == 0, result.output
    shapes = [(r["src"], r["tgt"]) for r in _records(out)]
    assert ([3, 4], [3]) in shapes
    assert ([5], [5]) in shapes  # the DP went on aligning around it


# ---- every output shows the status -----------------------------------------------------------

@pytest.fixture
def judged() -> Alignment:
    src = (Segment(0, "It cost $25.1 billion."), Segment(1, "Rates rose 5%."))
    tgt = (Segment(0, "Costó 25.100 millones de dólares."), Segment(1, "Las tasas subieron un 6 %."))
    dismissed = Flag("figure", "high", "amount differs", "$25.1 billion",
                     "25.100 millones de dólares", "dismissed", "same <amount>")
    still = Flag("figure", "high", "5% vs 6%", "5%", "6 %")
    return Alignment(src, tgt, (Bead((0,), (0,), 0.9, (dismissed,)), Bead((1,), (1,), 0.8, (still,))))


def test_html_report_shows_dismissed_flags_apart(judged):
    page = render(judged)
    first, second = page.split('id="b1"')[1].split('id="b2"')
    assert 'class="flag high dismissed"' in first and "dismissed: same &lt;amount&gt;" in first
    assert "flagged" not in page.split('id="b1"')[0].rsplit("<section", 1)[1]  # the row is plain
    assert 'class="bead flagged sev-high k-figure"' in page.split('id="b2"')[0].rsplit("\n", 1)[1]
    assert '<div class="big" id="n-flags">1</div>' in page and 'id="n-dismissed">1<' in page


def test_xliff_state_and_note_follow_the_status(judged):
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    units = to_tree(judged).findall(".//x:trans-unit", ns)
    states = [u.find("x:target", ns).get("state") for u in units]
    assert states == ["translated", "needs-review-translation"]
    note = units[0].find("x:note", ns)
    assert "[dismissed: same <amount>]" in note.text and note.get("priority") == "10"
    assert units[1].find("x:note", ns).get("priority") == "1"


def test_xlsx_counts_open_and_dismissed_flags(judged, tmp_path):
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes(judged))).active
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    assert [(r["flag_count"], r["dismissed"], r["severity"]) for r in rows] == \
        [(0, 1, None), (1, 0, "high")]
    assert "[dismissed: same <amount>]" in rows[0]["messages"]
    assert sheet.cell(2, 1).fill.fill_type is None and sheet.cell(3, 1).fill.fill_type == "solid"


def test_text_report_marks_dismissed(judged):
    stream = io.StringIO()
    TextReportWriter().dump(judged, stream)
    text = stream.getvalue()
    assert "(dismissed: same <amount>)" in text
    assert text.strip().endswith("1 flag (1 high, 0 medium, 0 low) in 1 of 2 aligned passages, "
                                 "1 dismissed")
