"""Batch encoders for tests/test_parallel_embed.py; a module of their own so that spawned
worker processes can import them by name."""
from __future__ import annotations

import os

import numpy as np


def lengths(batch: list[str]) -> np.ndarray:
    """A stand-in encoder: each text's length and first character, as float32 rows."""
    return np.array([[len(t), ord(t[0]) if t else 0] for t in batch], dtype=np.float32)


def make_lengths():
    return lengths


def _die(batch: list[str]) -> np.ndarray:
    os._exit(3)


def make_dying():
    return _die


class DiesInWorker:
    """`lengths` in the process that made it; any other process (a worker) dies on its first
    batch. Forked workers inherit it as it is; spawned ones get it from make_dying_in_worker."""

    def __init__(self, parent: int):
        self.parent = parent

    def __call__(self, batch: list[str]) -> np.ndarray:
        if os.getpid() != self.parent:
            os._exit(3)
        return lengths(batch)
