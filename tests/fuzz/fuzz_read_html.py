"""atheris harness: the HTML reader (meta charset, BOM and byte sniffing, lxml, the block walk)
on raw bytes.

    python tests/fuzz/fuzz_read_html.py tests/fuzz/seeds/read_html -max_total_time=60
    python benchmarks/fuzz.py --only read_html

See read_contract.py for what a finding is.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["aligner"]):
    from read_contract import read_as


def TestOneInput(data: bytes) -> None:
    read_as(data, ".html")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
