"""An on-disk embedding cache, so re-aligning a revised draft only embeds the changed sentences.

SQLite (standard library) keyed by encoder name + SHA-1 of the text: one file, safe when several
processes of `aligner batch` share it, and no server to run. Vectors are stored as raw float32
bytes, never pickled, so a cache file from elsewhere can hold wrong numbers but cannot run code.
The directory is created private (0700) and the database 0600: cached sentences are the user's
documents.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np

from ..errors import InputError
from .base import Encoder

DIR_MODE = 0o700
FILE_MODE = 0o600


class CachedEncoder(Encoder):
    """Wraps an encoder; texts already embedded by the same encoder are read back from disk."""

    def __init__(self, inner: Encoder, cache_dir: str | os.PathLike):
        self.inner = inner
        self.name = inner.name
        self.path = Path(cache_dir) / "embeddings.sqlite"
        _create_private(Path(cache_dir), self.path)
        self.hits = 0
        self.misses = 0

    @property
    def dim(self) -> int:
        return self.inner.dim

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=60)
        con.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB)")
        return con

    def _failed(self, exc: sqlite3.Error) -> InputError:
        return InputError(f"{self.path}: unusable embedding cache ({exc}); delete it or choose "
                          "another --cache-dir")

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
        # a blob of another width (a different model under the same name, a damaged row) is a
        # miss: it is embedded again and overwritten
        size = 4 * self.dim
        out: dict[str, np.ndarray] = {}
        try:
            with closing(self._connect()) as con:
                for start in range(0, len(keys), 500):
                    chunk = keys[start:start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = con.execute(f"SELECT key, vec FROM emb WHERE key IN ({marks})", chunk)
                    out.update((key, np.frombuffer(blob, dtype=np.float32)) for key, blob in rows
                               if isinstance(blob, bytes) and len(blob) == size)
        except sqlite3.Error as exc:
            raise self._failed(exc) from None
        return out

    def _store(self, vecs: dict[str, np.ndarray]) -> None:
        rows = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vecs.items()]
        try:
            with closing(self._connect()) as con, con:
                con.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?)", rows)
        except sqlite3.Error as exc:
            raise self._failed(exc) from None


def _create_private(folder: Path, db: Path) -> None:
    """Create the cache folder (0700) and database file (0600) unless they exist; existing ones
    keep the modes their owner gave them."""
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    try:
        os.close(os.open(db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        pass


def cached(encoder: Encoder, cache_dir: str | os.PathLike | None) -> Encoder:
    return encoder if cache_dir is None else CachedEncoder(encoder, cache_dir)
