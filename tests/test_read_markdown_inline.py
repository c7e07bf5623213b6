"""Markdown inline markup and ATX headings in linear time, output unchanged on real Markdown.

Found while fuzzing the readers for hangs: a Markdown file of 80 kB of "**a ", "__a ", "[a",
"![" or "<!--" took 13-34 s to read (re.sub rescanned the rest of the text from every opener
that had no closer), so a 1 MB file took hours; so did a heading holding a long run of spaces.
"""
from __future__ import annotations

import pytest

from aligner.read import read_string
from aligner.read.inline import _RULES, strip_inline, sub_paired

PAIRED = [rule for rule in _RULES if rule.opener is not None]
SAMPLES = [
    "**bold** and __strong__ and *it* and _em_ with snake_case_names kept",
    "a * b * c and 2*3*4 and *open but never closed",
    "**a **b** c** and **unclosed\n**next line** works",
    "<!-- one --> text <!-- two\nlines --> more <!-- unclosed",
    "[link](http://x.org/a_(b)) and ![img](i.png) and [a](",
    "<span class='x'>tag</span> <b>bold <i>it</i></b> and a < b > c and <unclosed",
    "_a_b_ and *a*b* and ***both*** and ____ and ** spaced ** and *\n*",
]


@pytest.mark.parametrize("rule", PAIRED, ids=[r.pattern.pattern for r in PAIRED])
@pytest.mark.parametrize("text", SAMPLES)
def test_paired_rules_match_re_sub(rule, text):
    assert sub_paired(rule, text) == rule.pattern.sub(rule.repl, text)


@pytest.mark.parametrize("unit", ["**a ", "__a ", "*a ", "_a ", "[a", "![", "[^a", "<!--",
                                  "<a ", "<http:a", "[a]("])
def test_unclosed_markup_repeated_is_kept_as_text(unit):
    # 400 kB: linear rules take well under a second; the old ones took over half an hour
    text = unit * (400_000 // len(unit))
    assert strip_inline(text) == text
    [block] = read_string(text, "en", fmt="markdown").blocks
    assert block.text == text.strip()


def test_inline_markup_still_goes():
    assert strip_inline("**Bold** *it* _em_ [link](u) ![i](p) <b>x</b> <!-- c --> `code`") == \
        "Bold it em link  x  code"


@pytest.mark.parametrize("line, heading", [
    ("# Title", "Title"), ("## Title ##", "Title"), ("### C#", "C#"), ("#  Spaced   out  ", "Spaced out"),
    ("# a" + " " * 400_000 + "b", "a b"),  # the old pattern took over an hour on this line
])
def test_atx_headings_and_their_closing_hashes(line, heading):
    assert [(b.kind, b.text) for b in read_string(line, "en", fmt="markdown").blocks] == \
        [("heading", heading)]
