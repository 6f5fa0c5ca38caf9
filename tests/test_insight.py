"""Tests for dpup.model.insight: the types shared with disclosure_control, and loading tables."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import dpup
from dpup import InputError, Insight, loads, model, structure, unstructure
from dpup import disclosure_control as dc
from dpup.model import DerivedStatistic, RoundingMethod, StatisticKind, Table

ROOT = Path(__file__).parent.parent

INSIGHT_TOML = """
name = "Best foot forward evaluation"

[[insights]]
id = "evaluation-results"
rounding = "rr3"
dimensions = ["ethnicity"]

[[insights.tables]]
row_labels = ["Māori", "Pacific peoples", "Asian", "European"]
column_labels = ["Completed", "Did not complete"]
raw = [[1, 20], [2, 15], [4, 30], [40, 50]]
published = [[0, 21], [3, 15], [3, 30], [39, 51]]
row_totals = [21, 18, 33, 90]

[[insights.derived_statistics]]
name = "completion rate, European"
kind = "percentage"
underlying_counts = [40, 90]
"""


class TestOneDefinition:
    @pytest.mark.parametrize(
        "name", ["DerivedStatistic", "RoundingMethod", "StatisticKind", "Table"]
    )
    def test_model_reexports_disclosure_control_types(self, name: str) -> None:
        """The model's table and statistic types are disclosure_control's, not copies."""
        assert getattr(dc, name) is getattr(model, name)

    def test_disclosure_control_imports_nothing_from_the_model(self) -> None:
        """disclosure_control imports no dpup module but dpup.errors, so imports stay acyclic."""
        package = ROOT / "src" / "dpup" / "disclosure_control"
        imported = {
            node.module
            for path in sorted(package.glob("*.py"))
            for node in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(node, ast.ImportFrom) and node.module
        }
        outside = {
            name
            for name in imported
            if name.startswith("dpup") and not name.startswith("dpup.disclosure_control.")
        }
        assert {"dpup.errors"} == outside
        inside = {n for n in imported if n.startswith("dpup.disclosure_control.")}
        modules = {f"dpup.disclosure_control.{p.stem}" for p in package.glob("_*.py")}
        assert inside <= modules

    def test_statistic_kind_families(self) -> None:
        """Means, medians, quantiles and sums are magnitudes; the rest are count-based."""
        expected = {"mean", "median", "quantile", "sum", "magnitude"}
        assert expected == {kind.value for kind in StatisticKind if kind.magnitude}

    def test_derived_statistic_by_position(self) -> None:
        """A derived statistic can be built by position, as other model types can."""
        statistic = DerivedStatistic("share", StatisticKind.RATIO, [3, 9])
        assert ("share", StatisticKind.RATIO, (3, 9)) == (
            statistic.name,
            statistic.kind,
            statistic.underlying_counts,
        )

    def test_rounding_is_an_enum(self) -> None:
        """Insight.rounding holds a RoundingMethod, not free text."""
        assert (
            RoundingMethod.RR3_NO_ZERO == Insight("i", rounding=RoundingMethod.RR3_NO_ZERO).rounding
        )


class TestLoading:
    def test_insight_with_a_table_loads_from_toml(self) -> None:
        """An activity's insight loads its table and derived statistic from TOML."""
        insight = loads(INSIGHT_TOML).insights[0]
        expected_table = Table(
            row_labels=("Māori", "Pacific peoples", "Asian", "European"),
            column_labels=("Completed", "Did not complete"),
            raw=((1, 20), (2, 15), (4, 30), (40, 50)),
            published=((0, 21), (3, 15), (3, 30), (39, 51)),
            row_totals=(21, 18, 33, 90),
        )
        expected = Insight(
            "evaluation-results",
            dimensions=(model.GroupDimension.ETHNICITY,),
            rounding=RoundingMethod.RR3,
            derived_statistics=(
                DerivedStatistic("completion rate, European", StatisticKind.PERCENTAGE, (40, 90)),
            ),
            tables=(expected_table,),
        )
        assert expected == insight

    def test_round_trip_through_json(self) -> None:
        """structure(unstructure(x)) gives x back for an insight with tables, via JSON text."""
        insight = loads(INSIGHT_TOML).insights[0]
        data = json.loads(json.dumps(unstructure(insight)))
        assert insight == structure(data, Insight)

    def test_defaults_are_left_out_when_dumped(self) -> None:
        """A table published as it is dumps without a published grid or totals."""
        table = Table(row_labels=["a"], column_labels=["b"], raw=[[7]])
        expected = {
            "id": "i",
            "tables": [{"row_labels": ["a"], "column_labels": ["b"], "raw": [[7]]}],
        }
        assert expected == unstructure(Insight("i", tables=(table,)))

    def test_bad_table_reports_paths_not_values(self) -> None:
        """A malformed table lists every problem at its path in the document, without values."""
        text = """
name = "x"
[[insights]]
id = "i"
rounding = "rr4"
[[insights.tables]]
row_labels = ["a"]
column_labels = ["b", "c"]
raw = [[1, -2]]
row_totals = [-1]
"""
        with pytest.raises(InputError) as caught:
            loads(text)
        expected = (
            "$.insights[0].rounding",
            "$.insights[0].tables[0].raw[0][1]",
            "$.insights[0].tables[0].row_totals[0]",
        )
        assert expected == tuple(sorted(caught.value.paths))
        assert "-2" not in str(caught.value)

    def test_wrong_type_in_published_grid(self) -> None:
        """A boolean in the published grid is rejected at its cell's path."""
        data = {
            "id": "i",
            "tables": [
                {"row_labels": ["a"], "column_labels": ["b"], "raw": [[1]], "published": [[True]]}
            ],
        }
        with pytest.raises(InputError) as caught:
            structure(data, Insight)
        assert ("$.tables[0].published[0][0]",) == caught.value.paths

    def test_unknown_statistic_kind_names_the_choices(self) -> None:
        """An unknown kind is rejected with the allowed values, not the given one."""
        data = {"id": "i", "derived_statistics": [{"name": "s", "kind": "averageish"}]}
        with pytest.raises(InputError) as caught:
            structure(data, Insight)
        message = str(caught.value)
        assert (True, False) == ("percentage" in message, "averageish" in message)

    def test_evaluates_after_loading(self) -> None:
        """A loaded insight with a table runs through the confidentiality checks without errors."""
        report = dpup.evaluate(loads(INSIGHT_TOML), select=["SV007", "SV009"])
        expected = {
            ("SV007", dpup.Status.NOT_MET),
            ("SV009", dpup.Status.MET),
        }
        assert (expected, ()) == ({(f.check_id, f.status) for f in report.findings}, report.errors)


class TestWithheldMarker:
    def test_suppressed_loads_as_none_in_toml(self) -> None:
        """In TOML, which has no null, "suppressed" marks a withheld cell or total."""
        text = """
id = "i"
[[tables]]
row_labels = ["a", "b"]
column_labels = ["x", "y"]
raw = [[1, 20], [12, 30]]
published = [["suppressed", "suppressed"], [12, 30]]
row_totals = ["suppressed", 42]
grand_total = "suppressed"
"""
        (table,) = loads(text, cls=Insight).tables or ()
        expected = (((None, None), (12, 30)), (None, 42), None)
        assert expected == (table.published, table.row_totals, table.grand_total)

    def test_null_loads_as_none_in_json(self) -> None:
        """In JSON a withheld value may also be null; it dumps back as null."""
        text = json.dumps(
            {
                "id": "i",
                "tables": [
                    {
                        "row_labels": ["a"],
                        "column_labels": ["x", "y"],
                        "raw": [[1, 20]],
                        "published": [[None, "suppressed"]],
                    }
                ],
            }
        )
        insight = loads(text, "json", Insight)
        assert [[None, None]] == unstructure(insight)["tables"][0]["published"]

    def test_marker_only_in_published_values(self) -> None:
        """The marker is refused in the raw counts, which must all be known."""
        data = {
            "id": "i",
            "tables": [{"row_labels": ["a"], "column_labels": ["x"], "raw": [["suppressed"]]}],
        }
        with pytest.raises(InputError) as caught:
            structure(data, Insight)
        assert ("$.tables[0].raw[0][0]",) == caught.value.paths
