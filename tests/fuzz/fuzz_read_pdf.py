"""atheris harness: the PDF reader (pypdf and our layout rules) on raw bytes.

    python tests/fuzz/fuzz_read_pdf.py tests/fuzz/seeds/read_pdf -max_total_time=60 -timeout=10
    python benchmarks/fuzz.py --only read_pdf --unit-timeout 10

pypdf is instrumented too, so coverage guides the fuzzer through its parser. An input slower
than -timeout is a finding like a crash: the reader must bound its work on any file.
See read_contract.py for the rest.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["aligner", "pypdf"]):
    from read_contract import read_as


def TestOneInput(data: bytes) -> None:
    read_as(data, ".pdf")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
