"""The HTML review report: structure, escaping, evidence marks, summary, chart and policy."""
from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from aligner.cli import main
from aligner.records import Alignment, Bead, Flag, Segment
from aligner.write import format_for_path, write
from aligner.write.html import render
from aligner.write.html_marks import Span, evidence_spans, locate, render_sentences

DIVERGENT = Path(__file__).resolve().parent.parent / "corpora" / "divergent"
SCRIPT = "<script>window.pwned = 1</script>"
HOSTILE_LINK = '<a href="javascript:alert(1)">click</a>'
HOSTILE_ATTR = '" onmouseover="alert(2)" x="'


@pytest.fixture
def alignment() -> Alignment:
    src = (
        Segment(0, "Annual report", 0, "heading"),
        Segment(1, f"Fees rose by 5% {SCRIPT} in 2037."),
        Segment(2, f"It arrested 37 leaders {HOSTILE_LINK}."),
        Segment(3, "Both governments shall"),
        Segment(4, "act <now> & report."),
        Segment(5, f"Dropped sentence {HOSTILE_ATTR}."),
    )
    tgt = (
        Segment(0, "Informe anual", 0, "heading"),
        Segment(1, "Las tasas subieron un 6 % en 2037."),
        Segment(2, "Detuvo a 27 líderes."),
        Segment(3, "México actuará <ya> e informará."),
        Segment(4, "Una frase añadida."),
    )
    beads = (
        Bead((0,), (0,), 0.93),
        Bead((1,), (1,), 0.71, (Flag("figure", "high", "percent differs", "5%", "6 %"),)),
        Bead((2,), (2,), 0.40, (Flag("figure", "high", "count differs", "37", "27"),
                                Flag("commitment", "low", "tone", "", "no such text"))),
        Bead((3, 4), (3,), 0.66, (Flag("commitment", "medium", "party: Both",
                                       "shall act <now>", "<ya>"),)),
        Bead((5,), (), 0.1, (Flag("omission", "high", "sentence missing",
                                  f"Dropped sentence {HOSTILE_ATTR}.", ""),)),
        Bead((), (4,), 0.2),
    )
    return Alignment(src, tgt, beads, "en", "es", "use-m3", 0.675)


def parse(text: str):
    return lxml_html.document_fromstring(text)


def beads_of(doc) -> list:
    return doc.xpath('//section[contains(concat(" ", @class, " "), " bead ")]')


def classes(element) -> set[str]:
    return set(element.get("class", "").split())


def test_one_row_per_bead_in_document_order(alignment):
    doc = parse(render(alignment))
    rows = beads_of(doc)
    assert len(rows) == len(alignment.beads)
    for position, (row, bead) in enumerate(zip(rows, alignment.beads)):
        assert row.get("id") == f"b{position + 1}"
        src_numbers = [int(n.text) for n in row.xpath('.//div[contains(@class,"src")]'
                                                      '//span[@class="n"]')]
        assert src_numbers == [i + 1 for i in bead.src]
        score = row.xpath('.//span[@class="num"]')[0].text
        assert float(score) == pytest.approx(bead.score, abs=0.005)


def test_document_text_stays_text(alignment):
    out = render(alignment)
    doc = parse(out)
    assert doc.xpath("//script") == []
    assert doc.xpath("//a[starts-with(normalize-space(@href), 'javascript')]") == []
    assert not [(el.tag, name) for el in doc.iter() for name in el.attrib
                if name.lower().startswith("on")]
    rows = beads_of(doc)
    assert SCRIPT in rows[1].text_content()
    assert HOSTILE_LINK in rows[2].text_content()
    assert HOSTILE_ATTR in rows[4].text_content()
    assert "act <now> & report." in rows[3].text_content()


def side_text(cell) -> str:
    """The sentences of a side cell without their number badges."""
    sentences = []
    for sent in cell.xpath('.//span[@class="sent"]'):
        badge = sent.xpath('./span[@class="n"]')[0]
        sentences.append(sent.text_content()[len(badge.text_content()):])
    return " ".join(sentences)


def test_every_side_reads_exactly_as_the_alignment(alignment):
    rows = beads_of(parse(render(alignment)))
    for row, bead in zip(rows, alignment.beads):
        src = row.xpath('.//div[contains(@class,"src")]')[0]
        tgt = row.xpath('.//div[contains(@class,"tgt")]')[0]
        assert side_text(src) == alignment.src_text(bead)
        assert side_text(tgt) == alignment.tgt_text(bead)
        assert bool(src.xpath('.//span[@class="empty"]')) == (not bead.src)


def test_evidence_is_marked_inside_the_sentences(alignment):
    rows = beads_of(parse(render(alignment)))
    marks = [[(m.text_content(), m.get("class")) for m in row.xpath(".//mark")] for row in rows]
    assert marks[1] == [("5%", "high"), ("6 %", "high")]
    # the standalone 37 is marked, not the one inside 2037 (there is none in this row, but the
    # figure must not grab a digit run of another word)
    assert marks[2] == [("37", "high"), ("27", "high")]
    # evidence across two sentences is split at the boundary, each half marked
    assert marks[3] == [("shall", "medium"), ("act <now>", "medium"), ("<ya>", "medium")]
    assert marks[4] == [(f"Dropped sentence {HOSTILE_ATTR}.", "high")]
    assert marks[0] == marks[5] == []


def test_flag_messages_listed_under_their_row_worst_first(alignment):
    rows = beads_of(parse(render(alignment)))
    for row, bead in zip(rows, alignment.beads):
        items = row.xpath('.//li[contains(@class,"flag")]')
        assert len(items) == len(bead.flags)
        severities = [i.xpath('.//span[@class="sev"]')[0].text for i in items]
        assert severities == sorted((f.severity for f in bead.flags),
                                    key=["high", "medium", "low"].index)
        for flag in bead.flags:
            assert any(flag.message in i.text_content() for i in items)
        assert ("flagged" in classes(row)) == bool(bead.flags)


def test_summary_counts_match_the_alignment(alignment):
    doc = parse(render(alignment))
    flags = [f for b in alignment.beads for f in b.flags]
    assert doc.get_element_by_id("n-beads").text == str(len(alignment.beads))
    assert doc.get_element_by_id("n-flags").text == str(len(flags))
    assert doc.get_element_by_id("n-flagged").text == str(sum(bool(b.flags) for b in alignment.beads))
    shapes = Counter(b.shape for b in alignment.beads)
    expected_types = {"1-1": shapes[(1, 1)], "1-0": shapes[(1, 0)], "0-1": shapes[(0, 1)],
                      "n-m": len(alignment.beads) - shapes[(1, 1)] - shapes[(1, 0)] - shapes[(0, 1)]}
    shown_types = {tr.get("data-type"): int(tr.xpath("./td[last()]")[0].text)
                   for tr in doc.xpath("//tr[@data-type]")}
    assert shown_types == expected_types
    per_cell = Counter((f.kind, f.severity) for f in flags)
    for td in doc.xpath("//tr[@data-kind]/td[@data-severity]"):
        kind = td.getparent().get("data-kind")
        assert int(td.text) == per_cell[(kind, td.get("data-severity"))]
    chips = {c.get("data-severity"): int(c.text.split()[0])
             for c in doc.xpath('//span[contains(@class,"chip")]')}
    assert chips == {s: sum(f.severity == s for f in flags) for s in ("high", "medium", "low")}
    assert doc.get_element_by_id("mean-sim").text == "0.68"
    assert doc.get_element_by_id("encoder").text == "use-m3"


def test_chart_has_a_point_per_bead_and_links_flagged_ones(alignment):
    doc = parse(render(alignment))
    points = doc.xpath("//svg//polyline/@points")[0].split()
    assert len(points) == len(alignment.beads)
    xs = [float(p.split(",")[0]) for p in points]
    assert xs == sorted(xs)
    ys = [float(p.split(",")[1]) for p in points]
    # a higher score sits higher on the chart (smaller y)
    order = sorted(range(len(ys)), key=lambda i: alignment.beads[i].score)
    assert [ys[i] for i in order] == sorted(ys, reverse=True)
    targets = doc.xpath("//svg//a/@href")
    flagged = [f"#b{i + 1}" for i, b in enumerate(alignment.beads) if b.flags]
    assert targets == flagged
    assert all(doc.get_element_by_id(t[1:]) is not None for t in targets)


def test_no_network_reference_and_a_strict_policy(alignment):
    out = render(alignment)
    assert not re.search(r"https?://", out, re.I)
    doc = parse(out)
    policy = doc.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')[0]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'none'"
    style = doc.xpath("//style")[0].text
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert directives["style-src"] == f"'sha256-{digest}'"
    # the policy must precede anything it governs
    head = doc.xpath("//head")[0]
    assert head[1].get("http-equiv") == "Content-Security-Policy"
    assert not doc.xpath("//@style | //link | //img | //iframe | //object")


def test_filters_cover_flagged_severity_and_kind(alignment):
    doc = parse(render(alignment))
    style = doc.xpath("//style")[0].text
    counts = {label.get("for"): int(label.xpath("./i")[0].text)
              for label in doc.xpath('//nav[@class="filters"]/label')}
    assert counts["f-all"] == len(alignment.beads)
    assert counts["f-flagged"] == sum(bool(b.flags) for b in alignment.beads)
    assert counts["f-high"] == sum(any(f.severity == "high" for f in b.flags)
                                   for b in alignment.beads)
    assert counts["f-commitment"] == 2
    for ident in counts:
        assert doc.xpath(f'//input[@type="radio"][@id="{ident}"]')
        if ident != "f-all":
            assert f"#{ident}:checked~main .bead:not(" in style
    assert doc.xpath('//input[@checked]/@id') == ["f-all"]


def test_no_flags_and_no_beads_still_render():
    segs = (Segment(0, "One."), Segment(1, "Two."))
    quiet = Alignment(segs, segs, (Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.8)), "en", "es")
    doc = parse(render(quiet))
    assert len(beads_of(doc)) == 2
    assert doc.xpath("//mark | //li[contains(@class,'flag')] | //svg//a") == []
    assert doc.get_element_by_id("n-flags").text == "0"
    assert doc.get_element_by_id("mean-sim").text == "0.85"  # NaN in the record: from the beads
    empty = parse(render(Alignment((), (), (), "en", "es")))
    assert beads_of(empty) == [] and empty.xpath("//polyline") == []


def test_thousands_of_beads_stay_light():
    n = 3000
    segs = tuple(Segment(i, f"Sentence number {i} of a long report.") for i in range(n))
    flag = Flag("figure", "high", "differs", "number", "")
    beads = tuple(Bead((i,), (i,), 0.5 + (i % 7) / 20, (flag,) if i % 100 == 0 else ())
                  for i in range(n))
    out = render(Alignment(segs, segs, beads, "en", "es"))
    doc = parse(out)
    assert len(beads_of(doc)) == n
    assert len(doc.xpath("//svg//polyline/@points")[0].split()) == n
    assert len(doc.xpath("//svg//a")) == n // 100
    text_bytes = 2 * sum(len(s.text) for s in segs)
    assert len(out.encode()) < text_bytes + 1000 * n  # markup per bead stays under 1 kB


def test_locate_prefers_a_standalone_occurrence():
    assert locate("In 2037 it arrested 37 people", "37") == (20, 22)
    assert locate("code 2037", "37") == (7, 9)  # nothing standalone: the first one
    assert locate("nothing here", "37") is None
    assert locate("anything", "") is None


def test_overlapping_evidence_takes_the_worst_severity():
    text = "pay 25 million now"
    spans = evidence_spans(text, [("25 million", "low"), ("million", "high")])
    assert spans == [Span(4, 14, "low"), Span(7, 14, "high")]
    out = render_sentences([(0, text)], spans)
    marks = lxml_html.fragment_fromstring(out, create_parent="div").xpath(".//mark")
    assert [(m.text, m.get("class")) for m in marks] == [("25 ", "low"), ("million", "high")]


def test_suffix_and_format_select_the_html_writer(alignment, tmp_path):
    assert format_for_path("review.HTML") == format_for_path("r.htm") == "html"
    out = tmp_path / "r.htm"
    write(alignment, out)
    assert len(beads_of(parse(out.read_text(encoding="utf-8")))) == len(alignment.beads)


@pytest.mark.parametrize("command,name", [("align", "a.html"), ("check", "c.htm")])
def test_cli_writes_the_report(command, name, tmp_path):
    out = tmp_path / name
    args = [command, str(DIVERGENT / "en.sents"), str(DIVERGENT / "es.sents"), "--presegmented",
            "-o", str(out)]
    if command == "align":
        args += ["--format", "html"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    doc = parse(out.read_text(encoding="utf-8"))
    gold_beads = sum(1 for line in (DIVERGENT / "gold.en-es").open() if line.strip())
    assert abs(len(beads_of(doc)) - gold_beads) <= 3
    flagged = doc.xpath('//section[contains(@class,"flagged")]')
    assert (len(flagged) > 5) == (command == "check")
    assert (result.exit_code == 1) == (command == "check")


def test_flag_line_quotes_short_evidence_only():
    long_en, long_es = "word " * 20, "palabra " * 20
    segs_en, segs_es = (Segment(0, f"Pay 5% now. {long_en}"),), (Segment(0, f"Pague 6 %. {long_es}"),)
    flags = (Flag("figure", "high", "percent", "5%", "6 %"),
             Flag("omission", "low", "shorter", long_en.strip(), long_es.strip()))
    doc = parse(render(Alignment(segs_en, segs_es, (Bead((0,), (0,), 0.7, flags),))))
    items = doc.xpath('//li[contains(@class,"flag")]')
    assert [q.text for q in items[0].xpath(".//q")] == ["5%", "6 %"]
    assert items[1].xpath(".//q") == []


def test_file_names_show_when_the_alignment_carries_them(alignment):
    from dataclasses import replace

    named = replace(alignment, src_path="/data/<img onerror=x>&.md", tgt_path="es.md")
    doc = parse(render(named))
    assert doc.get_element_by_id("src-name").text == "<img onerror=x>&.md"
    assert doc.get_element_by_id("tgt-name").text == "es.md"
    assert parse(render(alignment)).get_element_by_id("src-name").text == "English"


@pytest.mark.parametrize("kind", ["terminology", "consistency", "untranslated", "name", "typography"])
def test_qa_kinds_get_their_own_filter_that_selects_their_rows(kind):
    segs = (Segment(0, "The controller decides."), Segment(1, "Nothing here."))
    tgt = (Segment(0, "El controlador decide."), Segment(1, "Nada aquí."))
    flag = Flag(kind, "medium", "a QA finding", "controller", "controlador")
    page = lxml_html.fromstring(render(Alignment(segs, tgt, (Bead((0,), (0,), 0.9, (flag,)), Bead((1,), (1,), 0.9)))))
    assert page.xpath(f'//input[@id="f-{kind}"]'), "no filter for the kind"
    rows = page.xpath(f'//*[contains(concat(" ", normalize-space(@class), " "), " k-{kind} ")]')
    assert len(rows) == 1 and "El controlador decide." in rows[0].text_content()
