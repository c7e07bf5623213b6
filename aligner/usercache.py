"""Where aligner keeps what it prepares once per machine (compiled kernels, mapped weights)."""
from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    """$XDG_CACHE_HOME/aligner, else ~/.cache/aligner."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "aligner"
