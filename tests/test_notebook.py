"""examples/explore.ipynb is stored with the outputs of the shipped model, and a fresh run gives the same."""

import copy
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "explore.ipynb"
sys.path.insert(0, str(ROOT / "scripts"))

from run_notebook import execute  # noqa: E402


def _texts(notebook: nbformat.NotebookNode) -> list[str]:
    """Every printed or returned text of the notebook, in order (the deterministic part of its outputs)."""
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                found.append(output.text)
            elif output.output_type == "execute_result":
                found.append(output.data.get("text/plain", ""))
    return found


def test_the_stored_notebook_has_small_outputs_and_no_volatile_metadata():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.outputs for cell in code), "store the notebook with its outputs: scripts/run_notebook.py"
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1))
    assert NOTEBOOK.stat().st_size < 150_000
    assert notebook.metadata == {"kernelspec": notebook.metadata.kernelspec, "language_info": {"name": "python"}}
    assert not any(cell.metadata for cell in notebook.cells)  # no execution timestamps
    assert "shared" not in NOTEBOOK.read_text(encoding="utf-8")  # only texts written for this repo


def test_explore_notebook_runs_clean_and_gives_the_stored_outputs():
    stored = nbformat.read(NOTEBOOK, as_version=4)
    fresh = copy.deepcopy(stored)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    execute(fresh, NOTEBOOK.parent)
    outputs = [output for cell in fresh.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    assert any("image/png" in output.get("data", {}) for output in outputs), "no chart"
    assert any('class="spans"' in output.get("data", {}).get("text/html", "") for output in outputs), "no displaCy view"
    assert any(
        "text/html" in output.get("data", {}) and "source_label" in output["data"]["text/html"] for output in outputs
    )
    assert _texts(fresh) == _texts(stored), "outputs are stale: run scripts/run_notebook.py"
