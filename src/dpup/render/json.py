"""JSON output: the report's stable dictionary form, serialised deterministically."""

from __future__ import annotations

import json

from dpup.findings import Report

__all__ = ["to_json"]


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """Return the report as JSON text (``Report.to_dict`` with its ``schema_version``)."""
    return json.dumps(report.to_dict(), indent=indent, ensure_ascii=False) + "\n"
