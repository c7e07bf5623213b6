"""notebooks/walkthrough.ipynb runs top to bottom and shows what it claims to show.

The notebook is executed in a kernel of the interpreter running the tests (not whatever kernel
the machine has registered as "python3"), from the notebooks/ folder as a user would. Its cells
are found by tag, not by position, so cells can be added without breaking the test.
"""
from __future__ import annotations

import importlib.util
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest

nbformat = pytest.importorskip("nbformat")
ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK = NOTEBOOKS / "walkthrough.ipynb"


def _generator():
    spec = importlib.util.spec_from_file_location("build_walkthrough",
                                                  NOTEBOOKS / "build_walkthrough.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    from ipykernel.kernelspec import write_kernel_spec
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    kernels = tmp_path_factory.mktemp("kernels")
    write_kernel_spec(kernels / "python3")  # argv is this interpreter: sys.executable
    manager = KernelManager(kernel_name="python3",
                            kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels)]))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, km=manager, timeout=600, allow_errors=True,
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return notebook


def _outputs(notebook, tag: str) -> list:
    cells = [c for c in notebook.cells if tag in c.metadata.get("tags", [])]
    assert len(cells) == 1, f"expected one cell tagged {tag!r}"
    return cells[0].outputs


def _html_table(notebook, tag: str) -> pd.DataFrame:
    html = [o.data["text/html"] for o in _outputs(notebook, tag) if "text/html" in o.get("data", {})]
    assert len(html) == 1, f"cell {tag!r} should display one HTML table"
    return pd.read_html(StringIO(html[0]), index_col=0)[0]


def test_committed_notebook_is_the_generated_one_without_outputs():
    generated = nbformat.writes(_generator().build()) + "\n"
    assert NOTEBOOK.read_text(encoding="utf-8") == generated, \
        "run `python notebooks/build_walkthrough.py` and commit walkthrough.ipynb"
    assert all(not c.get("outputs") for c in nbformat.reads(generated, as_version=4).cells)


def test_no_cell_fails(executed):
    errors = [f"cell {c.id}: {o.ename}: {o.evalue}" for c in executed.cells
              if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, "\n".join(errors)


def test_bead_table_has_one_row_per_bead(executed):
    import aligner

    pair = CORPORA / "security-communique"
    expected = aligner.align(pair / "en.md", pair / "es.md")
    table = _html_table(executed, "beads-table")
    assert len(table) == len(expected.beads)
    assert list(table["shape"]) == ["{}-{}".format(*b.shape) for b in expected.beads]


@pytest.mark.parametrize("tag", ["similarity-plot", "score-plot"])
def test_plots_are_drawn(executed, tag):
    assert any("image/png" in o.get("data", {}) for o in _outputs(executed, tag))


def test_flags_table_lists_every_flag_of_the_draft(executed):
    import aligner
    from aligner.records import FLAG_KINDS, SEVERITIES

    draft = CORPORA / "divergent"
    expected = aligner.check(draft / "en.md", draft / "es.md", es_locale="auto")
    table = _html_table(executed, "flags-table")
    assert len(table) > 0
    assert len(table) == sum(len(b.flags) for b in expected.beads)
    assert set(table["kind"]) <= set(FLAG_KINDS)
    assert set(table["severity"]) <= set(SEVERITIES)
    assert list(table["severity"]) == sorted(table["severity"], key=lambda s: -SEVERITIES.index(s))
