"""SV021 release-differencing-disclosure: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dpup import Activity, Insight
from dpup.disclosure_control import (
    STATS_NZ_RR3,
    Band,
    CrossTable,
    Dimension,
    RoundingMethod,
    Table,
    suppress,
    suppress_cross,
)
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
# q2's release date is not recorded: which of the two the funder received first is unknown.
_UNDATED = Activity(
    "funder reports",
    insights=(_sent("q1", MARCH, FIRST), Insight("q2", tables=(SECOND,), recipient="funder")),
)
_BOTH_UNDATED = Activity(
    "funder reports",
    insights=(
        Insight("q1", tables=(FIRST,), recipient="funder"),
        Insight("q2", tables=(SECOND,), recipient="funder"),
    ),
)
# q3 follows q1 on the record (NOT_MET on recorded facts) while q2's date is unknown.
_DATED_AND_UNDATED = Activity(
    "funder reports",
    insights=(
        _sent("q1", MARCH, FIRST),
        Insight("q2", tables=(AGAIN,), recipient="funder"),
        _sent("q3", APRIL, SECOND),
    ),
)
# An undated insight whose own two tables give the count away, beside another undated one.
_UNDATED_OWN = Activity(
    "funder reports",
    insights=(
        Insight("q1", tables=(FIRST, SECOND), recipient="funder"),
        Insight("q2", tables=(AGAIN,), recipient="funder"),
    ),
)
_OTHER_FUNDER = Activity(
    "funder reports",
    insights=(_sent("q1", MARCH, FIRST), _sent("q2", APRIL, SECOND, to="another funder")),
)


def _three_way(girls_0_12_south: int = 31) -> CrossTable:
    """Clients by age (0-12, 13-17), gender and region, every margin published.

    Girls aged 0-12 number 25 in the North and `girls_0_12_south` in the South.
    """
    table = CrossTable.from_counts(
        (
            Dimension(
                name="age",
                categories=("0-12", "13-17"),
                variable="age",
                bands=(Band(low=0, high=12), Band(low=13, high=17)),
            ),
            Dimension(name="gender", categories=("Girls", "Boys"), variable="gender"),
            Dimension(name="region", categories=("North", "South"), variable="region"),
        ),
        (25, girls_0_12_south, 30, 31, 20, 22, 21, 23),
    )
    return attrs.evolve(table, population=POPULATION)


def _by_age_0_11(girls: tuple[int, int], boys: tuple[int, int]) -> Table:
    """The same clients by age 0-11 and 12-17, and gender (over both regions)."""
    table = Table.from_counts(
        ("0-11", "12-17"), ("Girls", "Boys"), tuple(zip(girls, boys, strict=True))
    )
    return attrs.evolve(
        table,
        population=POPULATION,
        row_variable="age",
        column_variable="gender",
        row_bands=(Band(low=0, high=11), Band(low=12, high=17)),
    )


# The 3-way table's age x gender margin: girls 0-12 56, 13-17 42; boys 0-12 61, 13-17 44.
# Girls aged 0-11: 55, one fewer than the 0-12 margin (and 12-17 one more than 13-17).
_YOUNGER = _by_age_0_11((55, 43), (50, 55))
# The same clients with many fewer girls aged 0-11 (16 girls aged 12): no small difference.
_FEWER = _by_age_0_11((40, 58), (50, 55))


def _ethnicity_by_region() -> CrossTable:
    """Region x ethnicity x gender, body only, suppressed: Pacific girls in the North (2)."""
    table = CrossTable.from_counts(
        (
            Dimension(name="region", categories=("North", "South"), variable="region"),
            Dimension(name="ethnicity", categories=("Māori", "Pacific"), variable="ethnicity"),
            Dimension(name="gender", categories=("Girls", "Boys"), variable="gender"),
        ),
        (30, 25, 2, 14, 18, 22, 9, 11),
        margins=(),
    )
    exact = attrs.evolve(STATS_NZ_RR3, rounding=RoundingMethod.NONE)
    return suppress_cross(attrs.evolve(table, population=POPULATION), exact).published


def _girls_by_region() -> Table:
    """The companion: region x gender over every ethnicity (32 girls in the North)."""
    table = Table.from_counts(
        ("North", "South"),
        ("Girls", "Boys"),
        ((32, 39), (27, 33)),
        row_totals=False,
        column_totals=False,
        grand_total=False,
    )
    return attrs.evolve(
        table, population=POPULATION, row_variable="region", column_variable="gender"
    )


def _cross(*cross: CrossTable, tables: tuple[Table, ...] = ()) -> Insight:
    return Insight("i", tables=tables or None, cross_tables=cross)


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
    Case(
        "sv021-earlier-insight-other-undated",
        "SV021",
        _UNDATED,
        REVIEW,
        path="$.insights[0]",
        settings=EXACT,
    ),
    Case("sv021-undated-insight", "SV021", _UNDATED, REVIEW, path="$.insights[1]", settings=EXACT),
    Case(
        "sv021-recorded-order-beside-undated",
        "SV021",
        _DATED_AND_UNDATED,
        NOT_MET,
        path="$.insights[2]",
        settings=EXACT,
    ),
    Case(
        "sv021-undated-own-tables",
        "SV021",
        _UNDATED_OWN,
        NOT_MET,
        path="$.insights[0]",
        settings=EXACT,
    ),
    Case("sv021-other-recipient", "SV021", _OTHER_FUNDER, NA, path="$.insights[1]", settings=EXACT),
    Case(
        "sv021-cross-margin-less-cell",
        "SV021",
        _cross(_three_way(), tables=(_YOUNGER,)),
        NOT_MET,
        settings=EXACT,
    ),
    Case(
        "sv021-cross-large-difference",
        "SV021",
        _cross(_three_way(), tables=(_FEWER,)),
        MET,
        settings=EXACT,
    ),
    Case(
        "sv021-cross-restored",
        "SV021",
        _cross(_ethnicity_by_region(), tables=(_girls_by_region(),)),
        NOT_MET,
        settings=EXACT,
    ),
    Case(
        "sv021-cross-variable-unnamed",
        "SV021",
        _cross(
            attrs.evolve(
                _three_way(),
                dimensions=(
                    attrs.evolve(_three_way().dimensions[0], variable=None, bands=None),
                    *_three_way().dimensions[1:],
                ),
            ),
            tables=(_FEWER,),
        ),
        REVIEW,
        settings=EXACT,
    ),
    Case("sv021-cross-single", "SV021", _cross(_three_way()), NA),
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


def test_cross_margin_less_cell_points_at_both() -> None:
    """The 3-way margin and the two-way cell are both named.

    The cross table records no ``published`` (every planned value is published raw), so
    its margin is named by the raw counts it adds up.
    """
    finding = _finding("sv021-cross-margin-less-cell")
    assert "$.cross_tables[0].raw" in finding.evidence
    assert "$.tables[0].published[0][0]" in finding.evidence
    # With the margin published as recorded values, it is named by its flat position.
    table = _three_way()
    recorded = attrs.evolve(table, published=table.published_values())
    (found,) = run_case(
        Case("m", "SV021", _cross(recorded, tables=(_YOUNGER,)), NOT_MET, settings=EXACT)
    )
    assert f"$.cross_tables[0].published[{table.position((0, 0, 2))}]" in found.evidence


def test_cross_restored_cell_points_at_its_raw_count() -> None:
    """A withheld cross-table cell is named by its recorded raw count."""
    finding = _finding("sv021-cross-restored")
    cell = 2  # North, Pacific, Girls
    assert f"$.cross_tables[0].raw[{cell}]" in finding.evidence
    assert "$.tables[0].published[0][0]" in finding.evidence


def test_cross_review_names_the_dimension_field() -> None:
    """An unnamed dimension is asked for by its field."""
    finding = _finding("sv021-cross-variable-unnamed")
    assert finding.evidence == ("$.cross_tables[0].dimensions[0].variable",)


def test_earlier_cross_table_named_by_absolute_path() -> None:
    """A cross table sent earlier to the same recipient takes part, named absolutely."""
    activity = Activity(
        "funder reports",
        insights=(
            Insight("q1", cross_tables=(_three_way(),), recipient="funder", release_on=MARCH),
            _sent("q2", APRIL, _YOUNGER),
        ),
    )
    case = Case("cross-earlier", "SV021", activity, NOT_MET, path="$.insights[1]", settings=EXACT)
    (finding,) = run_case(case)
    assert any(path.startswith("$.insights[0].cross_tables[0].") for path in finding.evidence)
    assert "$.insights[1].tables[0].published[0][0]" in finding.evidence


def test_dated_insight_names_the_undated_release_date() -> None:
    """q1 (31 March) is not judged on q2, whose date is unknown: the review asks for it."""
    finding = _finding("sv021-earlier-insight-other-undated")
    assert finding.evidence == ("$.insights[1].release_on",)
    assert "release_on" in " ".join(finding.settle_with)


def test_undated_insight_names_its_own_release_date() -> None:
    """q2 itself may have gone first, so its own finding asks for its date too."""
    finding = _finding("sv021-undated-insight")
    assert finding.evidence == ("$.insights[1].release_on",)


def test_both_undated_name_both_dates() -> None:
    """With neither date recorded, each finding names both."""
    findings = run_case(
        Case("both-undated", "SV021", _BOTH_UNDATED, REVIEW, path="$.insights[0]", settings=EXACT)
    )
    assert [f.status for f in findings] == [Status.NEEDS_REVIEW]
    assert findings[0].evidence == ("$.insights[0].release_on", "$.insights[1].release_on")


def test_recording_the_date_settles_it() -> None:
    """Recorded in April, q2 is NOT_MET and q1 is not applicable; in February, the reverse."""
    for on, later, earlier in ((APRIL, 1, 0), (date(2026, 2, 28), 0, 1)):
        dated = attrs.evolve(
            _UNDATED,
            insights=(_UNDATED.insights[0], attrs.evolve(_UNDATED.insights[1], release_on=on)),
        )
        (late,) = run_case(
            Case("late", "SV021", dated, NOT_MET, path=f"$.insights[{later}]", settings=EXACT)
        )
        assert late.status is Status.NOT_MET
        (early,) = run_case(
            Case("early", "SV021", dated, NA, path=f"$.insights[{earlier}]", settings=EXACT)
        )
        assert early.status is Status.NOT_APPLICABLE


def test_recorded_order_names_only_recorded_tables() -> None:
    """Beside an undated insight, q3's NOT_MET rests on q1 and itself, never on q2."""
    finding = _finding("sv021-recorded-order-beside-undated")
    assert finding.evidence
    assert all(p.startswith(("$.insights[0].", "$.insights[2].")) for p in finding.evidence)


def test_undated_insight_own_tables_stay_not_met() -> None:
    """Its own two tables need no date: NOT_MET, naming only its own figures."""
    finding = _finding("sv021-undated-own-tables")
    assert all(p.startswith("$.insights[0].tables[") for p in finding.evidence)
