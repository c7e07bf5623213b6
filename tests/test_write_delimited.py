"""TSV and CSV are written without pandas, byte for byte what pandas' to_csv wrote."""
from __future__ import annotations

import io

import pytest

from aligner.records import Alignment, Bead, Flag, Segment
from aligner.write.delimited import CsvWriter, TsvWriter, to_frame

pytest.importorskip("pandas")

# what quoting could trip on: separators, quotes, line breaks (\n, \r, \r\n), padding, nothing
TEXTS = ['plain', 'a, comma', 'a\ttab', 'say "hi"', '"quoted"', 'line\nbreak', 'cr\rhere',
         'crlf\r\nhere', '  padded  ', '', ' ', "it's", '«comillas» y ñ', 'x' * 300, '\\back',
         'semi;colon', '#hash', "'single'", '=1+1', '\x0cform feed', '\u2028sep']
SCORES = [0.0, 1.0, -0.0, 0.912345, 0.00005, 0.00015, 0.1, 1 / 3, 0.99995, 12.5, -0.25, 0.5]


def _alignment(texts: list[str], scores: list[float]) -> Alignment:
    src = tuple(Segment(i, t) for i, t in enumerate(texts))
    tgt = tuple(Segment(i, t[::-1]) for i, t in enumerate(texts))
    flags = (Flag("figure", "high", 'says "5%"\tvs 6%', "5%", "6\n%"),
             Flag("name", "low", "", "", ""))
    beads = []
    for i in range(len(texts)):
        shape = [((i,), (i,)), ((i,), ()), ((), (i,))][i % 3]
        beads.append(Bead(*shape, scores[i % len(scores)], flags[: i % 3]))
    if len(texts) > 3:
        beads.append(Bead((0, 1), (2, 3), 0.75))
    return Alignment(src, tgt, tuple(beads), "en", "es")


def _pandas(alignment: Alignment, separator: str) -> str:
    return to_frame(alignment).to_csv(sep=separator, index=False, lineterminator="\n")


@pytest.mark.parametrize("writer", [TsvWriter, CsvWriter])
@pytest.mark.parametrize("texts", [TEXTS, TEXTS[:1], []], ids=["tricky", "one", "none"])
def test_written_exactly_as_pandas_wrote_it(writer, texts):
    alignment = _alignment(texts, SCORES)
    out = io.StringIO()
    writer().dump(alignment, out)
    assert out.getvalue() == _pandas(alignment, writer.separator)
