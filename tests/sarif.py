"""SARIF 2.1.0 validation for the tests, from the official schema kept in ``tests/data``.

The schema is the OASIS 2.1.0 (errata 01) file, unchanged (see ``tests/data/README.md`` for its
source and notice). Validation uses the schema's own draft (4) with format checking on, so the
``uri`` and ``date-time`` formats are enforced as well as the structure: stricter than
``jsonschema.validate``, which ignores formats. The schema also names ``uri-reference`` (an
artifact's location), a format draft 4's checker does not know; it is checked too, with the
checker of later drafts (RFC 3986, from the ``format-nongpl`` extra of jsonschema), so a
location with a space or a bracket in it fails.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema

__all__ = ["SCHEMA_PATH", "sarif_errors", "validate_sarif"]

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@functools.cache
def _validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    checker = jsonschema.FormatChecker(jsonschema.Draft4Validator.FORMAT_CHECKER.checkers)
    later = jsonschema.FormatChecker()
    assert "uri-reference" in later.checkers, "install jsonschema[format-nongpl]"
    checker.checkers["uri-reference"] = later.checkers["uri-reference"]
    return jsonschema.Draft4Validator(schema, format_checker=checker)


def sarif_errors(data: Any) -> list[str]:
    """Return every way ``data`` breaks the SARIF 2.1.0 schema, as ``message @ path`` lines."""
    return [
        f"{error.message} @ {error.json_path}"
        for error in sorted(_validator().iter_errors(data), key=lambda e: e.json_path)
    ]


def validate_sarif(data: Any) -> None:
    """Fail with every schema violation listed when ``data`` is not valid SARIF 2.1.0."""
    errors = sarif_errors(data)
    assert not errors, "invalid SARIF:\n" + "\n".join(errors)
