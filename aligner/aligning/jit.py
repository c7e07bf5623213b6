"""numba compilation with the compiled code cached in the user's cache folder.

numba's default cache sits beside the source file, which for an installed aligner is inside
site-packages. pip does not know those files: uninstalling (or replacing a `pip install .` by
`pip install -e .`) leaves `site-packages/aligner/` behind holding only them, and Python then
imports that empty folder as a namespace package called `aligner` from any directory other than
the checkout, where `aligner.align` does not exist.
"""
from __future__ import annotations

from pathlib import Path

import numba

from ..usercache import user_cache_dir


def cache_dir() -> Path:
    """$NUMBA_CACHE_DIR when the user set one, else <user cache>/aligner/numba."""
    if numba.config.CACHE_DIR:
        return Path(numba.config.CACHE_DIR)
    return user_cache_dir() / "numba"


def kernel(func):
    """numba.njit(cache=True), caching under cache_dir() instead of beside this package.

    The setting is numba's global CACHE_DIR, so it is only changed for the moment our dispatcher
    picks its cache location, and restored at once; other numba users are untouched.
    """
    dispatcher = numba.njit(func)
    previous = numba.config.CACHE_DIR
    numba.config.CACHE_DIR = str(cache_dir())
    try:
        dispatcher.enable_caching()
    finally:
        numba.config.CACHE_DIR = previous
    return dispatcher
