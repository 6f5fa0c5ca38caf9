"""Renderers: pure functions from a `Report` (or the catalogue) to text.

Every renderer is deterministic: the same report gives the same bytes.
"""

from __future__ import annotations

from dpup.render.catalogue import catalogue_json, catalogue_markdown, catalogue_text, explain
from dpup.render.json import to_json
from dpup.render.text import to_text

__all__ = [
    "catalogue_json",
    "catalogue_markdown",
    "catalogue_text",
    "explain",
    "to_json",
    "to_text",
]
