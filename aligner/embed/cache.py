"""An on-disk embedding cache, so re-aligning a revised draft only embeds the changed sentences.

SQLite (standard library) keyed by encoder name + SHA-1 of the text: one file, safe when several
processes of `aligner batch` share it, and no server to run.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import numpy as np

from .base import Encoder


class CachedEncoder(Encoder):
    """Wraps an encoder; texts already embedded by the same encoder are read back from disk."""

    def __init__(self, inner: Encoder, cache_dir: str | os.PathLike):
        self.inner = inner
        self.name = inner.name
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        self.path = Path(cache_dir) / "embeddings.sqlite"
        self.hits = 0
        self.misses = 0

    @property
    def dim(self) -> int:
        return self.inner.dim

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=60)
        con.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB)")
        return con

    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.name}\x00{text}".encode("utf-8")).hexdigest()

    def _encode(self, texts: list[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        found = self._lookup(sorted(set(keys)))
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items())
        self.hits += len(texts) - sum(1 for k in keys if k not in found)
        self.misses += len(missing)
        if missing:
            vecs = self.inner.encode([t for _, t in missing])
            new = {k: v for (k, _), v in zip(missing, vecs)}
            self._store(new)
            found.update(new)
        return np.stack([found[k] for k in keys])

    def _lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        with self._connect() as con:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in con.execute(f"SELECT key, vec FROM emb WHERE key IN ({marks})", chunk):
                    out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def _store(self, vecs: dict[str, np.ndarray]) -> None:
        with self._connect() as con:
            con.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?)",
                            [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vecs.items()])


def cached(encoder: Encoder, cache_dir: str | os.PathLike | None) -> Encoder:
    return encoder if cache_dir is None else CachedEncoder(encoder, cache_dir)



