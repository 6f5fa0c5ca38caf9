"""Renderers: pure functions from a `Report` (or the catalogue) to text.

Every renderer is deterministic: the same report gives the same bytes.
"""

from __future__ import annotations

from dpup.render.catalogue import (
    catalogue_json,
    catalogue_markdown,
    catalogue_text,
    explain,
    legal_basis_markdown,
    traceability_markdown,
)
from dpup.render.html import score_chart_svg, to_html
from dpup.render.json import to_json
from dpup.render.junit import to_junit
from dpup.render.markdown import to_markdown
from dpup.render.sarif import to_sarif, to_sarif_dict
from dpup.render.text import to_text
from dpup.render.xlsx import to_xlsx

__all__ = [
    "catalogue_json",
    "catalogue_markdown",
    "catalogue_text",
    "explain",
    "legal_basis_markdown",
    "score_chart_svg",
    "to_html",
    "to_json",
    "to_junit",
    "to_markdown",
    "to_sarif",
    "to_sarif_dict",
    "to_text",
    "to_xlsx",
    "traceability_markdown",
]
