"""Resource limits: the sentence-length ceiling, the time guard, and inputs that used to explode."""
from __future__ import annotations

import hashlib
import random
import re
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from aligner.api import LongSentencesWarning, align
from aligner.limits import time_limit
from aligner.embed import Encoder
from aligner.errors import AlignerError, UsageError
from aligner.records import Block, Document, Segment
from aligner.segment import split_sentences
from aligner.segment.limits import cap_lengths, split_long

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["alpha", "beta", "gamma", "delta", "casa", "perro", "año", "número", "tres"]


class HashEncoder(Encoder):
    """Instant deterministic vectors; remembers the longest text it was given."""

    name = "hash-test"

    def __init__(self):
        self.longest = 0

    @property
    def dim(self) -> int:
        return 16

    def _encode(self, texts):
        self.longest = max([self.longest, *map(len, texts)])
        digests = [hashlib.sha256(t.encode("utf-8")).digest()[:16] for t in texts]
        return np.frombuffer(b"".join(digests), dtype=np.uint8).reshape(-1, 16) - 127.5


def _no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---- splitting one long segment ------------------------------------------------------------

@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=st.sampled_from("ab ,;:.\u00a0é"), max_size=400), st.integers(1, 60))
def test_split_long_keeps_every_character_and_respects_the_limit(text, limit):
    pieces = split_long(text, limit)
    assert _no_space("".join(pieces)) == _no_space(text)
    assert all(0 < len(p) <= limit and p == p.strip() for p in pieces)


def test_split_long_prefers_clause_marks_then_spaces():
    text = "first clause here, second clause here; third clause here"
    assert split_long(text, 40) == ["first clause here, second clause here;", "third clause here"]
    assert split_long("aaaa bbbb cccc dddd", 10) == ["aaaa bbbb", "cccc dddd"]
    assert split_long("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_a_clause_mark_too_early_in_the_window_is_not_used():
    # a cut after "a," would leave a two-character piece
    assert split_long("a, bbbb cccc dddd eeee", 12)[0] == "a, bbbb cccc"


def test_cap_lengths_renumbers_and_keeps_the_block():
    segs = (Segment(0, "short.", 0, "heading"), Segment(1, "word " * 30, 1, "paragraph"),
            Segment(2, "end.", 2, "item"))
    capped, split = cap_lengths(segs, 50)
    assert split == 1
    assert [s.index for s in capped] == list(range(len(capped)))
    assert [s.block for s in capped] == [0] + [1] * (len(capped) - 2) + [2]
    assert capped[-1].kind == "item" and all(len(s.text) <= 50 for s in capped)
    assert cap_lengths(segs, 1000) == (segs, 0)


# ---- through the API ----------------------------------------------------------------------

def test_long_sentences_are_split_with_a_warning_saying_how_many(tmp_path):
    src = tmp_path / "en.txt"
    src.write_text("A short one. Long " + "long " * 900 + "end. Another short one.", encoding="utf-8")
    enc = HashEncoder()
    with pytest.warns(LongSentencesWarning, match=r"en.txt: 1 sentence\(s\) longer than 2000 "
                                                  r"characters split into 3 pieces"):
        result = align(src, ["Una corta.", "Otra."], encoder=enc)
    assert len(result.src) == 5 and max(len(s.text) for s in result.src) <= 2000
    assert enc.longest <= 2000


def test_presegmented_lines_keep_their_numbers_and_are_embedded_in_part():
    enc = HashEncoder()
    lines = ["short", "x " * 3000, "end"]
    with pytest.warns(LongSentencesWarning, match="1 line.* embedded from its first 100"):
        result = align(lines, ["corto", "fin"], encoder=enc, max_sentence_chars=100)
    assert [s.text for s in result.src] == lines
    assert enc.longest == 100


def test_max_sentence_chars_must_be_positive():
    with pytest.raises(UsageError, match="--max-sentence-chars"):
        align(["a"], ["b"], encoder=HashEncoder(), max_sentence_chars=0)


def test_a_single_five_megabyte_line_aligns(tmp_path):
    rng = random.Random(0)
    line = " ".join(rng.choice(WORDS) for _ in range(5_000_000 // 6))
    (tmp_path / "en.txt").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "es.txt").write_text("Una frase corta.\n", encoding="utf-8")
    enc = HashEncoder()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = align(tmp_path / "en.txt", tmp_path / "es.txt", encoder=enc)
    assert any(issubclass(w.category, LongSentencesWarning) for w in caught)
    assert len(result.src) >= 5_000_000 // 2000 and enc.longest <= 2000
    assert _no_space("".join(s.text for s in result.src)) == _no_space(line)


def test_the_segmenter_handles_a_runaway_paragraph_in_windows():
    # the sentence library is quadratic in its input; the windows must not move any boundary
    rng = random.Random(1)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 30))).capitalize() + "."
                 for _ in range(3000)]
    got = split_sentences(" ".join(sentences), "en")
    assert got == sentences


def test_two_hundred_thousand_one_word_lines_align():
    rng = random.Random(2)
    doc = Document("en", tuple(Block("line", rng.choice(WORDS)) for _ in range(200_000)))
    result = align(doc, ["Una frase.", "Otra frase."], encoder=HashEncoder())
    assert len(result.src) == 200_000
    assert sorted(i for b in result.beads for i in b.src) == list(range(200_000))


# ---- the time guard -------------------------------------------------------------------------

def test_time_limit_interrupts_and_restores_the_previous_handler():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(AlignerError, match=r"gave up after 0.05 s"):
        with time_limit(0.05):
            while True:
                time.sleep(0.001)
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(None):
        pass


def test_cli_timeout_is_one_line_and_exit_2(tmp_path):
    pair = ROOT / "corpora" / "divergent"
    out = tmp_path / "out.tsv"
    run = subprocess.run([sys.executable, "-m", "aligner.cli", "check", str(pair / "en.md"),
                          str(pair / "es.md"), "--timeout", "0.01", "-o", str(out)],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 2
    assert run.stderr == "aligner: error: gave up after 0.01 s (--timeout)\n"
    assert not out.exists()
