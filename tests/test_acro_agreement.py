"""dpup with the ACRO preset flags the cells ACRO's own tests say ACRO flags.

The cases in ``tests/data/acro_cases.json`` are transcribed from the table tests of ACRO
(AI-SDC's semi-automatic checking of research outputs, MIT licence) at the commit named in the
file's header, with each table rebuilt from ACRO's test data once, offline (the header says
how). Each case lists the cells ACRO flags under each of its checks; dpup, given the same table
and `ACRO_DEFAULTS`, must flag the same cells under the matching rule. Where dpup differs on
purpose (negative amounts), the data file lists it with the reason and a test asserts it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from dpup import Insight, Status, evaluate
from dpup.disclosure_control import (
    ACRO_DEFAULTS,
    CellMagnitude,
    ConfidentialityRules,
    DisclosureRule,
    LocationKind,
    MagnitudeTable,
    Table,
    Violation,
    audit,
    audit_magnitude,
)
from dpup.errors import InputError
from dpup.settings import Settings

DATA = json.loads((Path(__file__).parent / "data" / "acro_cases.json").read_text("utf-8"))
CASES: list[dict[str, Any]] = DATA["cases"]

# ACRO's check names, and the dpup rule that flags the same cells.
_MAGNITUDE_RULES = {
    "nk": DisclosureRule.DOMINANCE,
    "p_percent": DisclosureRule.P_PERCENT,
}


def _rules(case: dict[str, Any]) -> ConfidentialityRules:
    """ACRO's defaults, or with zeros not disclosive where the ACRO test turns that off."""
    if case.get("zeros_disclosive", True):
        return ACRO_DEFAULTS
    return attrs.evolve(ACRO_DEFAULTS, zero_exempt=True, source="ACRO, zeros not disclosive")


def _cells(violations: tuple[Violation, ...], rule: DisclosureRule) -> list[list[int]]:
    return sorted(
        [int(v.location.row or 0), int(v.location.column or 0)]
        for v in violations
        if v.rule is rule and v.location.kind is LocationKind.CELL
    )


def _small(case: dict[str, Any]) -> list[list[int]]:
    """ACRO's threshold and zero checks together are dpup's small-cell rule (zeros not exempt)."""
    flags = case["acro_flags"]
    cells = {(int(row), int(column)) for row, column in flags["threshold"] + flags["zeros"]}
    return sorted([row, column] for row, column in cells)


def _magnitude_table(case: dict[str, Any]) -> MagnitudeTable:
    return MagnitudeTable(
        row_labels=case["row_labels"],
        column_labels=case["column_labels"],
        cells=[[CellMagnitude(**cell) for cell in row] for row in case["cells"]],
    )


def test_header_names_the_source_and_licence() -> None:
    """The data file says where the cases come from, at which commit, and under what licence."""
    source = DATA["source"]
    assert source["repository"] == "https://github.com/AI-SDC/ACRO"
    assert len(source["commit"]) == 40
    assert source["commit"] in ACRO_DEFAULTS.source
    assert "MIT" in source["licence"]
    assert all(case["acro_tests"] and case["acro_stated"] for case in CASES)


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["kind"] == "frequency"], ids=lambda c: c["id"]
)
def test_frequency_tables_flag_the_same_cells(case: dict[str, Any]) -> None:
    """A table of counts: dpup's small cells are ACRO's threshold and zero cells."""
    table = Table(
        row_labels=case["row_labels"], column_labels=case["column_labels"], raw=case["counts"]
    )
    found = audit(table, _rules(case))
    assert _cells(found, DisclosureRule.SMALL_CELL_PUBLISHED) == [
        list(cell) for cell in _small(case)
    ]


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["kind"] == "magnitude"], ids=lambda c: c["id"]
)
def test_magnitude_tables_flag_the_same_cells(case: dict[str, Any]) -> None:
    """A table of amounts: too few contributors, n-k and p% flag ACRO's cells, rule by rule."""
    found = audit_magnitude(_magnitude_table(case), _rules(case))
    assert _cells(found, DisclosureRule.SMALL_CELL_PUBLISHED) == [
        list(cell) for cell in _small(case)
    ]
    for name, rule in _MAGNITUDE_RULES.items():
        assert _cells(found, rule) == sorted(case["acro_flags"][name]), name


def test_negative_amounts_are_refused_where_acro_asks_for_review() -> None:
    """ACRO sends negative amounts to review; dpup refuses them at input, naming the path."""
    assert any("negative" in entry["reason"] for entry in DATA["out_of_scope"])
    with pytest.raises(InputError, match=r"\$\.largest\[1\]"):
        CellMagnitude(total=1_000, contributors=12, largest=(900, -500))


def test_sv020_fails_the_acro_mean_table() -> None:
    """End to end: ACRO's table of mean grants fails SV020 at exactly ACRO's flagged cells."""
    case = next(c for c in CASES if c["id"] == "mean-inc-grants-year-by-grant-type")
    insight = Insight("acro-means", magnitude_tables=(_magnitude_table(case),))
    report = evaluate(insight, select=["SV020"], settings=Settings(confidentiality=ACRO_DEFAULTS))
    (finding,) = report.findings
    assert finding.status is Status.NOT_MET
    flags = case["acro_flags"]
    expected = sorted(
        {tuple(cell) for name in ("threshold", "zeros", "nk", "p_percent") for cell in flags[name]}
    )
    assert finding.evidence == tuple(f"$.magnitude_tables[0].cells[{r}][{c}]" for r, c in expected)
