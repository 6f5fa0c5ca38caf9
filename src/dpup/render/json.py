"""JSON output: the report's stable dictionary form as JSON text, compact or indented.

Compact JSON is for machines (a server storing findings, a queue, a log line); it is written
straight from the report's declared form (`dpup._jsonform`), reusing the text of the findings
and scores that reports share, without building the dictionary first. Indented JSON is for
people. Both hold exactly ``Report.to_dict()``, and both are deterministic.
"""

from __future__ import annotations

import json

from dpup import _jsonform
from dpup.findings import Report

__all__ = ["to_json"]


def to_json(report: Report, *, indent: int | None = None) -> str:
    """Return the report as JSON text (``Report.to_dict()``, with its ``schema_version``).

    Args:
        report: the report.
        indent: ``None`` (the default) for compact JSON on one line, with no spaces after
            ``,`` or ``:``; a number of spaces to indent nested values, for people (the
            command line writes ``indent=2``).

    Non-ASCII text is written as it is, not escaped, and the text ends with a newline.
    """
    if indent is None:
        return _jsonform.text(report) + "\n"
    return json.dumps(report.to_dict(), indent=indent, ensure_ascii=False) + "\n"
