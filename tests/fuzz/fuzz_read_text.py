"""atheris harness: the plain-text and Markdown readers, encoding detection included, on raw bytes.

    python tests/fuzz/fuzz_read_text.py tests/fuzz/seeds/read_text -max_total_time=60
    python benchmarks/fuzz.py --only read_text

Every input is read twice, as a .txt and as a .md file; see read_contract.py for what a finding is.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["aligner"]):
    from read_contract import read_as


def TestOneInput(data: bytes) -> None:
    read_as(data, ".txt")
    read_as(data, ".md")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
