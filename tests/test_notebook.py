"""examples/explore.ipynb runs clean, headless, so that it never rots."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_explore_notebook_runs_clean():
    notebook = nbformat.read(EXAMPLES / "explore.ipynb", as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert not any(cell.outputs for cell in code), "commit the notebook without outputs (the seed text is not ours)"
    NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    ).execute()
    outputs = [output for cell in code for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    assert any("image/png" in output.get("data", {}) for output in outputs), "no chart"
    assert any('class="spans"' in output.get("data", {}).get("text/html", "") for output in outputs), "no displaCy view"
    assert any(
        "text/html" in output.get("data", {}) and "source_label" in output["data"]["text/html"] for output in outputs
    )
