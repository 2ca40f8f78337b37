"""Run examples/explore.ipynb with the shipped model and store it with its outputs, minus volatile metadata.

    .venv/bin/python scripts/run_notebook.py [NOTEBOOK]

Cells keep their outputs and execution counts; timings, kernel versions and widget state are dropped, so
that running it again on the same code and model changes nothing.
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "explore.ipynb"
KEPT_CELL_METADATA = ("tags",)


def execute(notebook: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """``notebook`` run (in place) from ``folder``, with its outputs and without volatile metadata."""
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", record_timing=False,
        resources={"metadata": {"path": str(folder)}},
    )  # fmt: skip
    client.execute()
    return strip_volatile(notebook)


def strip_volatile(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run or machine to machine: timings, the kernel's version details."""
    notebook.metadata = nbformat.from_dict(
        {"kernelspec": notebook.metadata.get("kernelspec", {}), "language_info": {"name": "python"}}
    )
    for cell in notebook.cells:
        cell.metadata = nbformat.from_dict({k: v for k, v in cell.metadata.items() if k in KEPT_CELL_METADATA})
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("execution", None)
    return notebook


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else NOTEBOOK
    nbformat.write(execute(nbformat.read(path, as_version=4), path.parent), path)
    print(f"{path}: {path.stat().st_size:,} bytes with outputs")


if __name__ == "__main__":
    main()
