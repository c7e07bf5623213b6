"""atheris harness: the figure parser on arbitrary bytes.

    python tests/fuzz/fuzz_numbers.py -max_total_time=60      # or: python benchmarks/fuzz.py

Any exception is a finding; so is a quantity whose span does not point into the text or whose
value is not a finite number. Every harness in this folder follows the same shape (a
`fuzz_*.py` file with TestOneInput and the atheris main), so benchmarks/fuzz.py picks new ones up.
"""
from __future__ import annotations

import math
import sys

import atheris

with atheris.instrument_imports(include=["aligner"]):
    from aligner.diverge.dates import find_dates
    from aligner.diverge.numbers import DIGITS_RE, detect_decimal_mark, parse_digits
    from aligner.diverge.quantities import extract_quantities

LANGS = ["en", "es"]
DECIMALS = [None, ".", ","]


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = fdp.PickValueInList(LANGS)
    decimal = fdp.PickValueInList(DECIMALS)
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    for q in extract_quantities(text, lang, decimal):
        if not (0 <= q.start <= q.end <= len(text)) or q.text != text[q.start:q.end]:
            raise AssertionError(f"span {q.start}:{q.end} does not match {q.text!r}")
        if not q.values or not all(math.isfinite(v) for v in q.values):
            raise AssertionError(f"values {q.values} of {q.text!r}")
    for m in DIGITS_RE.finditer(text):
        parse_digits(m.group(), decimal)
    find_dates(text, lang)
    if detect_decimal_mark([text], lang) not in (None, ".", ","):
        raise AssertionError("decimal mark")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
