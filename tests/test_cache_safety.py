"""The embedding cache: private on disk, plain float32 bytes, and a damaged file is one clear error."""
from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys

import numpy as np
import pytest

from aligner.embed import CachedEncoder, Encoder
from aligner.errors import InputError


class HashEncoder(Encoder):
    """Deterministic vectors of any width; counts what it embeds."""

    def __init__(self, dim: int = 8, name: str = "hash"):
        self.width, self.name, self.seen = dim, name, []

    @property
    def dim(self) -> int:
        return self.width

    def _encode(self, texts):
        self.seen.extend(texts)
        return np.stack([np.random.default_rng(sum(map(ord, t))).normal(size=self.width)
                         for t in texts])


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_cache_directory_and_database_are_private(tmp_path):
    folder = tmp_path / "new" / "cache"
    enc = CachedEncoder(HashEncoder(), folder)
    enc.encode(["a private sentence"])
    assert _mode(folder) == 0o700
    assert _mode(folder / "embeddings.sqlite") == 0o600


def test_vectors_are_stored_as_raw_float32_bytes(tmp_path):
    vec = CachedEncoder(HashEncoder(), tmp_path).encode(["one sentence"])[0]
    with sqlite3.connect(tmp_path / "embeddings.sqlite") as con:
        (blob,) = con.execute("SELECT vec FROM emb").fetchone()
    assert isinstance(blob, bytes) and len(blob) == 4 * 8
    assert not blob.startswith(b"\x80")  # a pickle would start with its protocol byte
    assert np.array_equal(np.frombuffer(blob, dtype=np.float32), vec)


@pytest.mark.parametrize("damage", [
    lambda p: p.write_bytes(b"this is not a database at all, just text" * 10),
    lambda p: p.write_bytes(p.read_bytes()[:1500]),  # truncated mid-page
])
def test_damaged_cache_is_one_clear_input_error(tmp_path, damage):
    CachedEncoder(HashEncoder(), tmp_path).encode([f"sentence {i}" for i in range(200)])
    db = tmp_path / "embeddings.sqlite"
    damage(db)
    with pytest.raises(InputError, match="embeddings.sqlite: unusable embedding cache"):
        CachedEncoder(HashEncoder(), tmp_path).encode([f"sentence {i}" for i in range(200)])


def test_damaged_cache_through_the_cli_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "embeddings.sqlite").write_bytes(b"garbage" * 100)
    (tmp_path / "en.txt").write_text("The committee met.\n", encoding="utf-8")
    (tmp_path / "es.txt").write_text("El comité se reunió.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "aligner.cli", "align", str(tmp_path / "en.txt"),
                          str(tmp_path / "es.txt"), "--cache-dir", str(tmp_path / "cache")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1 and "unusable embedding cache" in run.stderr
    assert "Traceback" not in run.stderr


def test_vectors_of_another_width_are_embedded_again(tmp_path):
    CachedEncoder(HashEncoder(dim=4, name="same-name"), tmp_path).encode(["a", "b"])
    wider = HashEncoder(dim=8, name="same-name")
    vecs = CachedEncoder(wider, tmp_path).encode(["a", "b", "c"])
    assert vecs.shape == (3, 8) and sorted(wider.seen) == ["a", "b", "c"]
    again = HashEncoder(dim=8, name="same-name")
    assert np.array_equal(CachedEncoder(again, tmp_path).encode(["a", "b"]), vecs[:2])
    assert again.seen == []  # the re-embedded rows replaced the narrow ones


def test_odd_sized_blob_is_a_miss_not_a_crash(tmp_path):
    enc = CachedEncoder(HashEncoder(), tmp_path)
    enc.encode(["x"])
    with sqlite3.connect(tmp_path / "embeddings.sqlite") as con:
        con.execute("UPDATE emb SET vec = ?", (b"\x01\x02\x03",))
    inner = HashEncoder()
    assert CachedEncoder(inner, tmp_path).encode(["x"]).shape == (1, 8)
    assert inner.seen == ["x"]
