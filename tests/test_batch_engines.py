"""Every engine and worker count gives the same files: local in-process, a local process pool,
and a dask LocalCluster on the loopback interface."""
from __future__ import annotations

import pandas as pd
import pytest

import aligner
from test_batch_support import make_corpus, output_files

FORMATS = ("tsv", "jsonl", "tmx")


@pytest.mark.dask
def test_local_pool_and_dask_give_identical_outputs(tmp_path):
    pytest.importorskip("dask.distributed")
    manifest = make_corpus(tmp_path / "in", n=4)
    runs = {
        "local-1": dict(engine="local", workers=1),
        "local-2": dict(engine="local", workers=2),
        "dask-2": dict(engine="dask", workers=2),
    }
    summaries = {name: aligner.batch(manifest, tmp_path / name, formats=FORMATS, check=True,
                                     min_score=0.5, **options).drop(columns=["seconds"])
                 for name, options in runs.items()}
    reference = output_files(tmp_path / "local-1")
    # and filters.csv, README.md, consistency.csv (check)
    assert len(reference) == 3 * 5 + 3 and (summaries["local-1"]["status"] == "ok").all()
    for name in ("local-2", "dask-2"):
        assert output_files(tmp_path / name) == reference, name
        pd.testing.assert_frame_equal(summaries[name], summaries["local-1"])


def _malloc_setting() -> str | None:
    import os

    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


@pytest.mark.dask
def test_local_cluster_workers_keep_glibc_adaptive_malloc():
    # dask sets MALLOC_TRIM_THRESHOLD_ for its workers, which made the encoder spend a third
    # more CPU there than in a local process; our LocalCluster starts them without it.
    pytest.importorskip("dask.distributed")
    from aligner.batching.dask_engine import open_client

    with open_client(1, None) as client:
        assert set(client.run(_malloc_setting).values()) == {None}


def test_dask_engine_without_dask_is_a_usage_error(tmp_path, monkeypatch):
    import importlib.util

    from aligner.errors import UsageError

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in ("dask", "distributed") else real(name, *a))
    with pytest.raises(UsageError, match=r"pip install 'aligner\[dask\]'"):
        aligner.batch(make_corpus(tmp_path, n=1), tmp_path / "out", engine="dask")
    assert not (tmp_path / "out" / "summary.csv").exists()
