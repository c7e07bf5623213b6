"""Compiled kernels are cached in the user's cache folder, never inside the installed package
(pip would leave those files behind as a shadow `aligner` namespace package)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import aligner

PACKAGE = Path(aligner.__file__).resolve().parent


def test_kernel_caches_live_outside_the_package(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    code = ("import numpy as np\n"
            "from aligner.aligning import kernels\n"
            "print(kernels.run_dp._cache._cache_path)\n")
    where = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                           check=True).stdout.strip()
    assert Path(where).is_relative_to(tmp_path / "aligner" / "numba")
    assert not Path(where).is_relative_to(PACKAGE)


def test_a_cache_folder_the_user_chose_is_respected(tmp_path):
    env = dict(os.environ, NUMBA_CACHE_DIR=str(tmp_path / "mine"))
    code = "from aligner.aligning import kernels; print(kernels.run_dp._cache._cache_path)"
    where = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                           check=True).stdout.strip()
    assert Path(where).is_relative_to(tmp_path / "mine")
