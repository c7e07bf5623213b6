"""No network: the CLI works in a namespace with no network at all, and align + check never try
to open a connection."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "corpora" / "security-communique"


def _unshare_prefix() -> list[str]:
    """`unshare` arguments that give a process a private, empty network namespace, or skip."""
    if not shutil.which("unshare"):
        pytest.skip("unshare is not installed")
    # -r (a user namespace) lets an unprivileged user do it; as root -n alone is enough
    for prefix in (["unshare", "-rn"], ["unshare", "-n"]):
        probe = subprocess.run([*prefix, "true"], capture_output=True)
        if probe.returncode == 0:
            return prefix
    pytest.skip(f"network namespaces are not permitted here: {probe.stderr.decode().strip()}")


def test_unshare_really_cuts_the_network():
    prefix = _unshare_prefix()
    code = ("import socket\ns = socket.socket()\ns.settimeout(2)\n"
            "try:\n    s.connect(('1.1.1.1', 53))\nexcept OSError as e:\n    print('refused', e)\n")
    run = subprocess.run([*prefix, sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert "refused" in run.stdout


def test_cli_align_runs_with_no_network(tmp_path):
    prefix = _unshare_prefix()
    out = tmp_path / "out.jsonl"
    run = subprocess.run([*prefix, sys.executable, "-m", "aligner.cli", "align",
                          str(PAIR / "en.md"), str(PAIR / "es.md"), "-o", str(out)],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) > 10


def test_align_and_check_never_open_a_connection(monkeypatch):
    from aligner.checking import check

    attempts: list[object] = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("network use in a test that must stay offline")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection",
                        lambda address, *a, **k: refuse(None, address))
    result = check(PAIR / "en.md", PAIR / "es.md")
    assert len(result.beads) > 10
    assert attempts == []
