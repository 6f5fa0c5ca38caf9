"""The notebook in docs/notebooks runs end to end in a real Jupyter kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).parent.parent / "docs" / "notebooks" / "evaluate-a-collection.ipynb"


def test_notebook_executes_and_shows_the_chart() -> None:
    """Executing the notebook succeeds and the report's HTML output holds the SVG chart."""
    nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]  # untyped library
    client = NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    html = [
        output["data"]["text/html"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if "text/html" in output.get("data", {})
    ]
    assert any("<svg" in h and "Mana Whakahaere" in h for h in html)
    assert any("not_met" in h or "PM002" in h for h in html)
