"""Every case of the bad-input matrix (tests/badinput.py) through the CLI: exit code, one
error line naming the file and the problem, no traceback, no partial output. Most run in
process; the cases marked end_to_end also run as real processes."""
from __future__ import annotations

import pytest

from badinput import CASES, Case, run_in_process, run_process, verify


def _skip_if_needed(case: Case) -> None:
    reason = case.skip()
    if reason:
        pytest.skip(reason)


@pytest.mark.parametrize("case", [c for c in CASES if c.in_process], ids=lambda c: c.name)
def test_in_process(case: Case, tmp_path):
    _skip_if_needed(case)
    code, stdout, stderr = run_in_process(case, tmp_path)
    verify(case, tmp_path, code, stdout, stderr)


@pytest.mark.parametrize("case", [c for c in CASES if c.end_to_end], ids=lambda c: c.name)
def test_real_process(case: Case, tmp_path):
    _skip_if_needed(case)
    code, stdout, stderr, _ = run_process(case, tmp_path)
    verify(case, tmp_path, code, stdout, stderr)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_as_utf16(codec):
    from aligner.read.encoding import decode

    text = "Año nuevo: the budget rises by 10%.\n"
    assert decode(text.encode(codec), "x.txt") == (text, codec)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"ab\x00\x00cd\x00\x00",
                                  b"a\x00b\x00c"])
def test_nul_bytes_on_both_sides_or_odd_length_stay_binary(data):
    from aligner.errors import InputError
    from aligner.read.encoding import decode

    with pytest.raises(InputError, match="x.bin: looks binary"):
        decode(data, "x.bin")
