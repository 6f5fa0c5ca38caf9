"""Cross tables in documents: TOML and JSON loading, round trips, the schema, and the checks."""

from __future__ import annotations

import json

import pytest

import dpup
from dpup import InputError, Insight, loads, structure, unstructure
from dpup.disclosure_control import audit_cross
from dpup.findings import Status
from dpup.io.schema import schema_json
from tests.checks.sharing_value._cross_builders import given_away_by_subtotal, protected_cross

CROSS_TOML = """
name = "Attendance by region, ethnicity and age"

[[insights]]
id = "attendance"

[[insights.cross_tables]]
raw = [21, 30, 3, 36, 24, 42, 45, 51, 60, 69, 81, 90]
margins = []
published = [
    21, 30, 51, "suppressed", 36, 36, 27, 66, 93,
    24, 42, 66, 45, 51, 96, 69, 93, 162,
    45, 72, 117, 48, 87, 135, 93, 159, 252,
    60, 69, 129, 81, 90, 171, 141, 159, 300,
    105, 141, 246, 129, 177, 306, 234, 318, 552,
]

[[insights.cross_tables.dimensions]]
name = "region"
categories = ["d1", "d2", "d3"]
groups = [{ label = "north", children = ["d1", "d2"] }]

[[insights.cross_tables.dimensions]]
name = "ethnicity"
categories = ["e1", "e2"]

[[insights.cross_tables.dimensions]]
name = "age"
categories = ["a1", "a2"]
"""


class TestLoading:
    def test_bad_toml_lists_every_problem(self) -> None:
        """Values where nothing is published are refused, each at its path."""
        with pytest.raises(InputError) as caught:
            loads(CROSS_TOML)
        # margins = [] publishes the body only, so every margin value given is refused.
        assert caught.value.paths
        assert all(
            path.startswith("$.insights[0].cross_tables[0].published[")
            for path in caught.value.paths
        )

    def test_toml_loads_with_the_withheld_marker(self) -> None:
        """A cross table loads from TOML, "suppressed" standing for a withheld value."""
        text = CROSS_TOML.replace(
            "margins = []",
            "margins = [[], ['region'], ['ethnicity'], "
            "['age'], ['region', 'ethnicity'], ['region', 'age'], "
            "['ethnicity', 'age']]",
        )
        (insight,) = loads(text).insights
        (table,) = insight.cross_tables or ()
        assert table.published is not None
        assert table.published[3] is None
        assert table.shape == (3, 2, 2)

    def test_round_trip_through_json(self) -> None:
        """Dumping and loading a cross table gives the same table back."""
        insight = Insight("i", cross_tables=(protected_cross(), given_away_by_subtotal()))
        data = json.loads(json.dumps(unstructure(insight)))
        assert structure(data, Insight) == insight

    def test_marker_cannot_replace_the_whole_list(self) -> None:
        """A bare "suppressed" for the whole published list is refused, not read as None."""
        data = unstructure(Insight("i", cross_tables=(protected_cross(),)))
        data["cross_tables"][0]["published"] = "suppressed"
        with pytest.raises(InputError) as caught:
            structure(data, Insight)
        assert caught.value.paths == ("$.cross_tables[0].published",)

    def test_problems_name_paths_not_values(self) -> None:
        """Bad counts and unknown margin names are listed together, without the input."""
        data = unstructure(Insight("i", cross_tables=(protected_cross(),)))
        data["cross_tables"][0]["raw"][1] = -4
        data["cross_tables"][0]["margins"] = [["Ngāti Secret"]]
        with pytest.raises(InputError) as caught:
            structure(data, Insight)
        assert set(caught.value.paths) == {
            "$.cross_tables[0].raw[1]",
            "$.cross_tables[0].margins[0][0]",
        }
        assert "Ngāti Secret" not in str(caught.value)


class TestSchema:
    def test_schema_describes_cross_tables(self) -> None:
        """The activity schema has the cross table types and the withheld marker in lists."""
        schema = json.loads(schema_json("activity"))
        defs = schema["$defs"]
        assert {"CrossTable", "Dimension", "CategoryGroup"} <= set(defs)
        published = defs["CrossTable"]["properties"]["published"]["anyOf"]
        assert {"const": "suppressed"} not in published
        assert {"const": "suppressed"} in published[0]["items"]["anyOf"]

    def test_a_dumped_table_validates(self) -> None:
        """A dumped insight with a cross table is valid against the schema."""
        jsonschema = pytest.importorskip("jsonschema")
        schema = json.loads(schema_json("activity"))
        document = {
            "name": "cross",
            "insights": [unstructure(Insight("i", cross_tables=(given_away_by_subtotal(),)))],
        }
        jsonschema.validate(document, schema)


class TestChecks:
    def test_loaded_table_is_judged_by_sv007_and_sv008(self) -> None:
        """The cell the region subtotal gives away fails SV008; nothing small is published."""
        activity = dpup.Activity(
            name="cross", insights=(Insight("i", cross_tables=(given_away_by_subtotal(),)),)
        )
        report = dpup.evaluate(activity, select=["SV007", "SV008"])
        statuses = {f.check_id: f.status for f in report.findings}
        assert statuses == {"SV007": Status.MET, "SV008": Status.NOT_MET}
        assert audit_cross(given_away_by_subtotal(), dpup.Settings().confidentiality)
