"""SV021 release-differencing-disclosure: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dpup import Activity, Insight
from dpup.disclosure_control import STATS_NZ_RR3, Band, RoundingMethod, Table, suppress
from dpup.findings import Finding, Status
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NA, NOT_MET, REVIEW, _standard, _tables

POPULATION = "clients in the quarter"
EXACT = _standard(rounding=RoundingMethod.NONE)


def _by_age(labels: tuple[str, str], bands: tuple[Band, Band], girls: tuple[int, int]) -> Table:
    table = Table.from_counts(labels, ("Girls", "Boys"), ((girls[0], 30), (girls[1], 22)))
    return attrs.evolve(
        table,
        population=POPULATION,
        row_variable="age",
        column_variable="gender",
        row_bands=bands,
    )


# The case: 25 girls aged 0-12, 24 aged 0-11, so one girl aged 12.
FIRST = _by_age(("0-12", "13-17"), (Band(low=0, high=12), Band(low=13, high=17)), (25, 20))
SECOND = _by_age(("0-11", "12-17"), (Band(low=0, high=11), Band(low=12, high=17)), (24, 21))
# The same groupings again, with other counts: nothing to subtract.
AGAIN = _by_age(("0-12", "13-17"), (Band(low=0, high=12), Band(low=13, high=17)), (26, 19))


def _regions() -> Table:
    """Clients by region and ethnicity, suppressed without totals: only the 2 is withheld."""
    table = Table.from_counts(
        ("North", "South"),
        ("Māori", "Pacific", "European"),
        ((45, 2, 30), (40, 12, 33)),
        row_totals=False,
        column_totals=False,
        grand_total=False,
    )
    table = attrs.evolve(
        table, population=POPULATION, row_variable="region", column_variable="ethnicity"
    )
    return suppress(table, attrs.evolve(STATS_NZ_RR3, rounding=RoundingMethod.NONE)).published


def _region_totals() -> Table:
    """The companion table of region totals that restores the withheld cell."""
    table = Table.from_counts(
        ("North", "South"),
        ("Clients",),
        ((77,), (85,)),
        row_totals=False,
        column_totals=False,
        grand_total=False,
    )
    return attrs.evolve(table, population=POPULATION, row_variable="region")


def _sent(insight_id: str, on: date, *tables: Table, to: str = "funder") -> Insight:
    return Insight(insight_id, tables=tables, recipient=to, release_on=on)


MARCH, APRIL = date(2026, 3, 31), date(2026, 4, 30)
_ACROSS = Activity(
    "funder reports",
    insights=(_sent("q1", MARCH, FIRST), _sent("q2", APRIL, SECOND)),
)
_OTHER_FUNDER = Activity(
    "funder reports",
    insights=(_sent("q1", MARCH, FIRST), _sent("q2", APRIL, SECOND, to="another funder")),
)

CASES = [
    Case(
        "sv021-twenty-five-less-twenty-four",
        "SV021",
        _tables(FIRST, SECOND),
        NOT_MET,
        settings=EXACT,
    ),
    Case(
        "sv021-companion-totals",
        "SV021",
        _tables(_regions(), _region_totals()),
        NOT_MET,
        settings=EXACT,
    ),
    Case("sv021-same-groupings", "SV021", _tables(FIRST, AGAIN), MET, settings=EXACT),
    Case(
        "sv021-companion-other-population",
        "SV021",
        _tables(_regions(), attrs.evolve(_region_totals(), population="staff")),
        MET,
        settings=EXACT,
    ),
    Case(
        "sv021-population-not-stated",
        "SV021",
        _tables(FIRST, attrs.evolve(SECOND, population=None)),
        REVIEW,
        settings=EXACT,
    ),
    Case(
        "sv021-bands-not-defined",
        "SV021",
        _tables(FIRST, attrs.evolve(SECOND, row_bands=None)),
        REVIEW,
        settings=EXACT,
    ),
    Case(
        "sv021-bands-mixed",
        "SV021",
        _tables(
            FIRST,
            attrs.evolve(SECOND, row_bands=(Band(values=("0", "1")), Band(values=("12",)))),
        ),
        REVIEW,
        settings=EXACT,
    ),
    Case("sv021-single-table", "SV021", _tables(FIRST), NA),
    Case("sv021-no-tables", "SV021", _tables(), NA),
    Case("sv021-earlier-release", "SV021", _ACROSS, NOT_MET, path="$.insights[1]", settings=EXACT),
    Case(
        "sv021-later-release-not-yet-held",
        "SV021",
        _ACROSS,
        NA,
        path="$.insights[0]",
        settings=EXACT,
    ),
    Case("sv021-other-recipient", "SV021", _OTHER_FUNDER, NA, path="$.insights[1]", settings=EXACT),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV021 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(case_id: str) -> Finding:
    (case,) = [c for c in CASES if c.id == case_id]
    (finding,) = run_case(case)
    return finding


def test_difference_points_at_both_published_figures() -> None:
    """The 25 - 24 finding names the two published cells, and nothing else for the girls."""
    finding = _finding("sv021-twenty-five-less-twenty-four")
    assert "$.tables[0].published[0][0]" in finding.evidence
    assert "$.tables[1].published[0][0]" in finding.evidence
    assert not any(str(n) in finding.message for n in (24, 25))


def test_restored_cell_points_at_raw_count_and_the_total() -> None:
    """The withheld cell is named by its recorded raw count; the total where it is published."""
    finding = _finding("sv021-companion-totals")
    assert finding.evidence == ("$.tables[0].raw[0][1]", "$.tables[1].published[0][0]")


def test_earlier_release_named_by_absolute_path() -> None:
    """A table released earlier to the same recipient is named where it is in the activity."""
    finding = _finding("sv021-earlier-release")
    assert "$.insights[0].tables[0].published[0][0]" in finding.evidence
    assert "$.insights[1].tables[0].published[0][0]" in finding.evidence


def test_review_names_the_fields_to_record() -> None:
    """Needs review names the table fields that would settle it."""
    assert _finding("sv021-population-not-stated").evidence == ("$.tables[1].population",)
    assert _finding("sv021-bands-not-defined").evidence == ("$.tables[1].row_bands",)


def test_rounded_release_reasons_about_intervals() -> None:
    """After RR3 the 25 - 24 difference is only shown small when every reading is small."""
    first = attrs.evolve(
        FIRST, published=((24, 30), (21, 21)), row_totals=None, column_totals=None, grand_total=None
    )
    second = attrs.evolve(
        SECOND,
        published=((24, 30), (21, 21)),
        row_totals=None,
        column_totals=None,
        grand_total=None,
    )
    case = Case("rounded", "SV021", _tables(first, second), NOT_MET)
    assert {Status.NOT_MET} == {f.status for f in run_case(case)}
    first = attrs.evolve(
        FIRST, published=((27, 30), (18, 21)), row_totals=None, column_totals=None, grand_total=None
    )
    second = attrs.evolve(
        SECOND,
        published=((21, 30), (24, 21)),
        row_totals=None,
        column_totals=None,
        grand_total=None,
    )
    case = Case("rounded-wide", "SV021", _tables(first, second), MET)
    assert {Status.MET} == {f.status for f in run_case(case)}


def test_mixed_definitions_are_recorded_yet_need_review() -> None:
    """Bands defined two ways are recorded facts: the finding asks for review, not a record."""
    finding = _finding("sv021-bands-mixed")
    assert finding.evidence == ("$.tables[0].row_bands", "$.tables[1].row_bands")
    assert "Not recorded" not in finding.message


def test_both_kinds_named_in_one_finding() -> None:
    """A release with a small difference and a restored value names both in its message."""
    insight = _tables(FIRST, SECOND, _regions(), _region_totals())
    (finding,) = run_case(Case("both", "SV021", insight, NOT_MET, settings=EXACT))
    assert "Subtracting" in finding.message
    assert "withheld" in finding.message
