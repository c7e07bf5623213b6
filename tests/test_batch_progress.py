"""The batch progress bar: shown on a terminal, silent otherwise or with quiet."""
from __future__ import annotations

import io
import sys

from aligner.batching.progress import progress_bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_counts_pairs_and_sentences_on_a_terminal(monkeypatch):
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setattr(sys, "stdout", Terminal())
    with progress_bar(total=3, already=1, quiet=False) as bar:
        bar.advance(40)
        bar.advance(60)
    shown = screen.getvalue()
    assert "3/3" in shown and "sentences/s" in shown and "pairs" in shown


def test_bar_is_silent_off_a_terminal_or_when_quiet(monkeypatch):
    cases = ((io.StringIO(), Terminal(), False),  # stderr piped
             (Terminal(), io.StringIO(), False),  # stdout redirected to a log file
             (Terminal(), Terminal(), True))      # --quiet
    for stream, out, quiet in cases:
        monkeypatch.setattr(sys, "stderr", stream)
        monkeypatch.setattr(sys, "stdout", out)
        with progress_bar(total=2, already=0, quiet=quiet) as bar:
            bar.advance(10)
        assert stream.getvalue() == "" and out.getvalue() == ""
