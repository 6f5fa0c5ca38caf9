"""Tables of amounts in the input: loaded, refused, dumped, generated and documented."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

import dpup
from dpup import Activity, InputError, Insight, Status, evaluate, structure, unstructure
from dpup.disclosure_control import ACRO_DEFAULTS, CellMagnitude, MagnitudeTable
from dpup.io.schema import schema
from dpup.render.input_reference import input_reference_markdown
from dpup.settings import Settings
from dpup.testing._magnitude_strategies import magnitude_tables
from dpup.testing.strategies import for_type

_TOML = """
name = "Grants"

[[insights]]
id = "grants"

[[insights.magnitude_tables]]
row_labels = ["Wairarapa"]
column_labels = ["Housing", "Food"]
published = [[true, false]]
cells = [[
  { total = 51450, contributors = 24, largest = [48000, 1000] },
  { total = 900, contributors = 3 },
]]
"""

ACRO = Settings(confidentiality=ACRO_DEFAULTS)


def _document(table: dict[str, Any]) -> str:
    return json.dumps({"name": "x", "insights": [{"id": "i", "magnitude_tables": [table]}]})


class TestLoad:
    def test_toml_loads_and_round_trips(self) -> None:
        """A table of amounts loads from TOML, unrecorded shares as None, and round-trips."""
        activity = dpup.loads(_TOML)
        tables = activity.insights[0].magnitude_tables
        assert tables is not None
        assert tables[0].cells[0][0] == CellMagnitude(
            total=51_450, contributors=24, largest=(48_000, 1_000)
        )
        assert tables[0].cells[0][1].largest is None
        assert tables[0].published == ((True, False),)
        assert activity == dpup.loads(json.dumps(unstructure(activity)), format="json")

    def test_every_problem_is_listed_by_path_without_amounts(self) -> None:
        """Bad cells are refused together, each by its path; no amount or label is echoed."""
        document = _document(
            {
                "row_labels": ["Secret region"],
                "column_labels": ["a", "b", "c"],
                "cells": [
                    [
                        {"total": 48123, "contributors": 24, "largest": [1234, 48000]},
                        {"total": -7, "contributors": 2, "largest": [1, 1]},
                        {"total": 10, "contributors": "many"},
                    ]
                ],
            }
        )
        with pytest.raises(InputError) as caught:
            dpup.loads(document, format="json")
        text = str(caught.value)
        base = "$.insights[0].magnitude_tables[0].cells[0]"
        for path in (f"{base}[0].largest", f"{base}[1].total", f"{base}[2].contributors"):
            assert path in text
        for leaked in ("48123", "48000", "1234", "Secret", "many"):
            assert leaked not in text

    def test_table_shape_is_checked_at_load(self) -> None:
        """Rows and columns that do not match the labels are refused by path."""
        document = _document(
            {
                "row_labels": ["a", "b"],
                "column_labels": ["x"],
                "cells": [[{"total": 1, "contributors": 1, "largest": [1]}]],
            }
        )
        with pytest.raises(InputError, match=r"magnitude_tables\[0\]\.cells"):
            dpup.loads(document, format="json")


class TestGenerated:
    @settings(max_examples=60, deadline=None)
    @given(magnitude_tables())
    def test_round_trip_schema_and_check(self, table: MagnitudeTable) -> None:
        """Generated tables round-trip, pass the schema, and SV020 judges them without error."""
        insight = Insight("i", magnitude_tables=(table,))
        assert insight == structure(unstructure(insight), Insight)
        activity = Activity("x", insights=(insight,))
        validator = jsonschema.Draft202012Validator(schema("activity"))
        assert [e.message for e in validator.iter_errors(unstructure(activity))] == []
        report = evaluate(insight, select=["SV020"], settings=ACRO)
        assert report.errors == ()
        (finding,) = report.findings
        if finding.status is Status.NOT_MET:
            for path in finding.evidence:
                row, column = (int(n) for n in path.split("cells[")[1].rstrip("]").split("]["))
                assert table.published[row][column]

    def test_for_type_uses_the_table_strategy(self) -> None:
        """`for_type` draws valid tables and cells, not field-by-field nonsense."""
        assert for_type(MagnitudeTable) is not None
        assert for_type(CellMagnitude) is not None


def test_input_reference_documents_magnitude_tables() -> None:
    """The generated input reference has the field and both new types."""
    page = input_reference_markdown()
    assert "| `magnitude_tables` |" in page
    assert "### MagnitudeTable" in page
    assert "### CellMagnitude" in page
