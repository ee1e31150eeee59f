"""The notebooks in notebooks/ are stored without outputs and run from top to bottom without an error.

Each runs in a Jupyter kernel started from this virtual environment's Python, with the same
socket blocker as the rest of the suite, so the notebooks are checked to work offline.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
if not NOTEBOOKS.is_dir():  # an sdist carries the tests but not the notebooks (nor the corpus they read)
    pytest.skip("no notebooks/ folder in this tree", allow_module_level=True)
EXPECTED = ("01_quickstart", "02_before_and_after", "03_exploring_a_collection", "04_models")
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))


def test_the_notebooks_are_there() -> None:
    assert [p.stem for p in PATHS] == list(EXPECTED)


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code, "a notebook with no code"
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert nb.metadata.kernelspec.name == "python3"


@pytest.fixture()
def kernel_specs(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A kernel spec manager whose "python3" is this virtual environment's Python."""
    from jupyter_client.kernelspec import KernelSpecManager

    spec = tmp_path / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "Python 3 (tests)", "language": "python"}), encoding="utf-8"
    )
    return KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")])


def _execute(nb, kernel_specs, env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Run every cell in a fresh kernel, in notebooks/; raises CellExecutionError, naming the cell, on any error."""
    from jupyter_client.manager import KernelManager

    manager = KernelManager(kernel_name="python3", kernel_spec_manager=kernel_specs)
    client = nbclient.NotebookClient(
        nb, km=manager, timeout=300, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute(env={**env, "MPLBACKEND": "module://matplotlib_inline.backend_inline"})


def test_the_kernel_is_offline(kernel_specs, offline_env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    probe = (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
        "except RuntimeError as exc:\n"
        "    print('blocked:', exc)"
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(probe)])
    _execute(nb, kernel_specs, offline_env)
    assert nb.cells[0].outputs[0].text.startswith("blocked: network access attempted")


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_runs_offline(path: Path, kernel_specs, offline_env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    nb = nbformat.read(path, as_version=4)
    _execute(nb, kernel_specs, offline_env)
    errors = [out for cell in nb.cells for out in cell.get("outputs", []) if out.output_type == "error"]
    assert not errors
    assert all(cell.execution_count for cell in nb.cells if cell.cell_type == "code")
