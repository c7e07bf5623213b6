"""The public functions of the package stay functions whatever has been imported."""
from __future__ import annotations

import importlib
import pkgutil

import pytest

import aligner


def test_public_functions_survive_importing_every_subpackage():
    # Importing a subpackage binds its name on the parent package: a subpackage named like a
    # public function (aligner.align, aligner.batch) would silently replace it.
    for module in pkgutil.walk_packages(aligner.__path__, "aligner."):
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)
    for name in aligner.__all__:
        if name != "__version__":
            assert callable(getattr(aligner, name)), name
            assert getattr(aligner, name).__module__ == "aligner", name


@pytest.mark.filterwarnings("error")  # a one-sentence translation is not "unrelated"
def test_align_and_check_can_be_called_again(use_encoder):
    en, es = ["The fund holds $25.1 billion."], ["El fondo tiene 25,100 millones de dólares."]
    for _ in range(2):
        assert [b.shape for b in aligner.align(en, es, encoder=use_encoder).beads] == [(1, 1)]
        assert not aligner.check(en, es, encoder=use_encoder).beads[0].flags
