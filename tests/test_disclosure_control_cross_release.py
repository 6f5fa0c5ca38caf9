"""Differencing across a release holding cross tables (`audit_release` with `CrossTable`)."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dpup.disclosure_control import (
    CHECKSUMS_FILE,
    STATS_NZ_RR3,
    SUMMARY_FILE,
    TABLES_FILE,
    Band,
    CategoryGroup,
    CrossLocation,
    CrossTable,
    Dimension,
    KeyedRounding,
    Location,
    ReleaseAudit,
    ReleaseRule,
    ReviewReason,
    RoundingMethod,
    Table,
    audit_release,
    release_record,
    suppress_cross,
    write_release,
)
from dpup.disclosure_control._nrelease import _union, _within, audit_cross_release
from dpup.disclosure_control._release import _audit_two_way
from dpup.errors import InputError
from dpup.render.release_xlsx import TABLES_XLSX, release_workbooks

EXACT = attrs.evolve(STATS_NZ_RR3, rounding=RoundingMethod.NONE)
POPULATION = "clients in the quarter"

AGE_0_12 = (Band(low=0, high=12), Band(low=13, high=17))
AGE_0_11 = (Band(low=0, high=11), Band(low=12, high=17))


def _dim(name: str, categories: tuple[str, ...], **kw: object) -> Dimension:
    return Dimension(name=name, categories=categories, variable=name, **kw)  # type: ignore[arg-type]


def _three_way(
    ages: tuple[str, str], bands: tuple[Band, Band], raw: tuple[int, ...], **kw: object
) -> CrossTable:
    """Clients by age, gender and region, every margin published."""
    table = CrossTable.from_counts(
        (
            _dim("age", ages, bands=bands),
            _dim("gender", ("Girls", "Boys")),
            _dim("region", ("North", "South")),
        ),
        raw,
    )
    fields: dict[str, object] = {"population": POPULATION}
    fields.update(kw)
    return attrs.evolve(table, **fields)  # type: ignore[arg-type]  # test builder


# Girls aged 0-12: 25 in the North; aged 0-11: 24 in the North (one girl aged 12 there).
FIRST = _three_way(("0-12", "13-17"), AGE_0_12, (25, 30, 30, 31, 20, 22, 21, 23))
SECOND = _three_way(("0-11", "12-17"), AGE_0_11, (24, 24, 26, 28, 21, 28, 25, 26))


def _at(table: CrossTable, *indices: int) -> int:
    return table.position(indices)


class TestFields:
    """A cross table records its population, key, and each dimension's variable and bands."""

    def test_defaults_are_none(self) -> None:
        """Nothing is stated unless recorded."""
        table = CrossTable.from_counts((Dimension(name="a", categories=("x",)),), (3,))
        assert (table.population, table.key) == (None, None)
        assert (table.dimensions[0].variable, table.dimensions[0].bands) == (None, None)

    def test_every_problem_listed(self) -> None:
        """Blank fields, a repeated variable, a band count and unnamed bands, all at once."""
        dims = (
            Dimension(name="a", categories=("x", "y"), variable="age", bands=(Band(low=0),)),
            Dimension(name="b", categories=("p",), variable="age"),
            Dimension(name="c", categories=("q",), bands=(Band(values=("q",)),)),
        )
        with pytest.raises(InputError) as raised:
            CrossTable(dimensions=dims, raw=(1, 2), population=" ", key="")
        paths = {problem.path for problem in raised.value.problems}
        assert paths == {
            "$.population",
            "$.key",
            "$.dimensions[0].bands",
            "$.dimensions[1].variable",
            "$.dimensions[2].bands",
        }
        assert "age" not in str(raised.value)

    def test_overlapping_bands_refused(self) -> None:
        """Bands of one dimension may not overlap."""
        dim = _dim("age", ("a", "b"), bands=(Band(low=0, high=5), Band(low=5, high=9)))
        with pytest.raises(InputError) as raised:
            CrossTable(dimensions=(dim,), raw=(1, 2))
        assert [p.path for p in raised.value.problems] == ["$.dimensions[0].bands[1]"]


def _location(table: CrossTable, *indices: int) -> CrossLocation:
    """The location of a position, as `audit_release` names it."""
    extent = table.extent
    return CrossLocation(
        dimensions=tuple(dim.name for dim in table.dimensions),
        indices=indices,
        totals=tuple(index == size - 1 for index, size in zip(indices, extent, strict=True)),
        position=table.position(indices),
        cell=None
        if any(i >= len(d.categories) for i, d in zip(indices, table.dimensions, strict=True))
        else _cell(table, indices),
    )


def _cell(table: CrossTable, indices: tuple[int, ...]) -> int:
    flat = 0
    for index, size in zip(indices, table.shape, strict=True):
        flat = flat * size + index
    return flat


def _pairs(found: ReleaseAudit) -> set[tuple[object, ...]]:
    return {
        (v.figures[0].table, v.figures[0].location, v.figures[1].table, v.figures[1].location)
        for v in found.violations
        if v.rule is ReleaseRule.SMALL_DIFFERENCE
    }


class TestThreeWay:
    """The issue's 25 - 24 case, and a restoring companion table, in three dimensions."""

    def test_twenty_five_less_twenty_four(self) -> None:
        """0-12 girls in the North less 0-11 girls in the North leaves one girl aged 12."""
        found = audit_release((FIRST, SECOND), EXACT)
        assert (0, _location(FIRST, 0, 0, 0), 1, _location(SECOND, 0, 0, 0)) in _pairs(found)
        # Girls 0-12 over both regions (a margin, 55) less girls 0-11 (48) is not small.
        margin = (0, _location(FIRST, 0, 0, 2), 1, _location(SECOND, 0, 0, 2))
        assert margin not in _pairs(found)
        assert found.reviews == ()

    def test_same_groupings_pass(self) -> None:
        """Two tables with the same age bands give nothing away by subtraction."""
        other = attrs.evolve(FIRST, key="again")
        assert audit_release((FIRST, other), EXACT).violations == ()

    def test_other_population_not_compared(self) -> None:
        """A table over another population is not subtracted."""
        other = attrs.evolve(SECOND, population="staff")
        assert audit_release((FIRST, other), EXACT).violations == ()

    def test_margin_of_one_less_cell_of_another_leaves_one(self) -> None:
        """A 3-way table's age x gender margin, less a 2-way table's cell, leaves one person.

        Girls aged 0-12 over both regions (the margin: 25 + 31 = 56) less girls aged 0-11
        in a two-way age x gender table (55) leaves one girl aged 12.
        """
        first = _three_way(("0-12", "13-17"), AGE_0_12, (25, 31, 30, 31, 20, 22, 21, 23))
        second = attrs.evolve(
            Table.from_counts(("0-11", "12-17"), ("Girls", "Boys"), ((55, 50), (42, 52))),
            population=POPULATION,
            row_variable="age",
            column_variable="gender",
            row_bands=AGE_0_11,
        )
        found = audit_release((first, second), EXACT)
        cell = Location(row=0, column=0, row_label="0-11", column_label="Girls")
        assert (0, _location(first, 0, 0, 2), 1, cell) in _pairs(found)
        # Nothing in a region is compared with a table that does not break down by region.
        assert all(
            isinstance(v.figures[0].location, Location) or v.figures[0].location.totals[2]
            for v in found.violations
        )

    def test_large_margin_difference_passes(self) -> None:
        """The same margin less a cell that leaves many people is not flagged."""
        first = _three_way(("0-12", "13-17"), AGE_0_12, (25, 31, 30, 31, 20, 22, 21, 23))
        second = attrs.evolve(
            Table.from_counts(("0-11", "12-17"), ("Girls", "Boys"), ((40, 50), (42, 52))),
            population=POPULATION,
            row_variable="age",
            column_variable="gender",
            row_bands=AGE_0_11,
        )
        assert _pairs(audit_release((first, second), EXACT)) == set()


def _by_region_ethnicity_gender() -> CrossTable:
    """Region x ethnicity x gender, body only; Pacific girls in the North are 2."""
    table = CrossTable.from_counts(
        (
            _dim("region", ("North", "South")),
            _dim("ethnicity", ("Māori", "Pacific")),
            _dim("gender", ("Girls", "Boys")),
        ),
        (20, 25, 2, 14, 18, 22, 9, 11),
        margins=(),
    )
    return attrs.evolve(table, population=POPULATION)


def _region_gender(population: str = POPULATION) -> Table:
    """The companion: region x gender over every ethnicity."""
    table = Table.from_counts(
        ("North", "South"),
        ("Girls", "Boys"),
        ((22, 39), (27, 33)),
        row_totals=False,
        column_totals=False,
        grand_total=False,
    )
    return attrs.evolve(
        table, population=population, row_variable="region", column_variable="gender"
    )


_BODY = [(r, e, g) for r in range(2) for e in range(2) for g in range(2)]


class TestRestored:
    """A withheld cross-table cell given back by a companion table's figure."""

    def test_companion_restores_the_withheld_cell(self) -> None:
        """Girls in the North (22) less Māori girls in the North (20) gives the Pacific 2."""
        protected = suppress_cross(_by_region_ethnicity_gender(), EXACT).published
        # Body only: just the small cell is withheld, nothing in the table gives it away.
        cells = [protected.published_values()[protected.position(i)] for i in _BODY]
        assert [i for i, value in zip(_BODY, cells, strict=True) if value is None] == [(0, 1, 0)]
        found = audit_release((protected, _region_gender()), EXACT)
        # The same 2 is also a small difference: 22 girls in the North less 20 Māori girls.
        small, violation = found.violations
        assert small.rule is ReleaseRule.SMALL_DIFFERENCE
        assert violation.rule is ReleaseRule.WITHHELD_RESTORED
        assert violation.withheld is not None
        assert violation.withheld.location == _location(protected, 0, 1, 0)
        (figure,) = violation.figures
        assert figure.table == 1
        assert figure.location == Location(row=0, column=0, row_label="North", column_label="Girls")

    def test_protected_with_the_margin_passes(self) -> None:
        """Suppressing with the region x gender margin published protects the cell."""
        table = attrs.evolve(_by_region_ethnicity_gender(), margins=(("region", "gender"),))
        protected = suppress_cross(table, EXACT).published
        assert audit_release((protected, _region_gender()), EXACT).violations == ()

    def test_other_population_restores_nothing(self) -> None:
        """A companion over another population gives nothing back."""
        protected = suppress_cross(_by_region_ethnicity_gender(), EXACT).published
        found = audit_release((protected, _region_gender("staff")), EXACT)
        assert found.violations == ()


class TestGroups:
    """A group of categories covers what its children cover."""

    def test_group_of_ranges_is_their_union(self) -> None:
        """A 0-12 group over 0-5 and 6-12 contains a 0-11 band; 12 people apart is not small."""
        ages = Dimension(
            name="age",
            categories=("0-5", "6-12", "13-17"),
            groups=(CategoryGroup(label="0-12", children=("0-5", "6-12")),),
            variable="age",
            bands=(Band(low=0, high=5), Band(low=6, high=12), Band(low=13, high=17)),
        )
        grouped = attrs.evolve(CrossTable.from_counts((ages,), (10, 15, 30)), population=POPULATION)
        other = attrs.evolve(
            Table.from_counts(("0-11", "12-17"), ("Clients",), ((24,), (31,))),
            population=POPULATION,
            row_variable="age",
            row_bands=AGE_0_11,
        )
        found = audit_release((grouped, other), EXACT)
        group = _location(grouped, 3)
        pairs = _pairs(found)
        young = Location(row=0, column=0, row_label="0-11", column_label="Clients")
        assert (0, group, 1, young) in pairs
        # 6-12 (15) less nothing inside it: no band of the other table lies within 6-12.
        assert not any(p[1] == _location(grouped, 1) for p in pairs)

    def test_group_of_labels(self) -> None:
        """Without bands, a group is the set of its children's labels.

        The North (Auckland 40 + Northland 3) less another table's Auckland (40) leaves the
        3 in Northland, which that table withholds; with 30 in Northland nothing is small.
        """
        regions = Dimension(
            name="region",
            categories=("Auckland", "Northland", "Otago"),
            groups=(CategoryGroup(label="North", children=("Auckland", "Northland")),),
            variable="region",
        )
        flat = attrs.evolve(regions, groups=())

        def pair(northland: int) -> tuple[CrossTable, CrossTable]:
            grouped = CrossTable.from_counts((regions,), (40, northland, 30), margins=())
            other = CrossTable.from_counts((flat,), (40, northland, 30), margins=())
            other = attrs.evolve(other, published=(40, None, 30, None), population=POPULATION)
            return attrs.evolve(grouped, published=(40, None, 30, 40 + northland, None)), other

        grouped, other = pair(3)
        grouped = attrs.evolve(grouped, population=POPULATION)
        north = _location(grouped, 3)
        assert (0, north, 1, _location(other, 0)) in _pairs(audit_release((grouped, other), EXACT))
        grouped, other = pair(30)
        grouped = attrs.evolve(grouped, population=POPULATION)
        assert _pairs(audit_release((grouped, other), EXACT)) == set()


class TestReviews:
    """Open questions name cross-table fields."""

    def test_unnamed_dimension(self) -> None:
        """A dimension with several categories and no variable asks for one."""
        dims = (Dimension(name="age", categories=("a", "b")),)
        table = attrs.evolve(CrossTable.from_counts(dims, (5, 6)), population=POPULATION)
        found = audit_release((table, FIRST), EXACT)
        (review,) = found.reviews
        assert review.reason is ReviewReason.VARIABLE_NOT_NAMED
        assert review.fields == ((0, "dimensions[0].variable"),)

    def test_bands_not_defined(self) -> None:
        """A shared variable with different labels and no bands asks for bands."""
        dims = (_dim("age", ("young", "old")),)
        table = attrs.evolve(CrossTable.from_counts(dims, (5, 6)), population=POPULATION)
        found = audit_release((table, FIRST), EXACT)
        (review,) = found.reviews
        assert review.reason is ReviewReason.BANDS_NOT_DEFINED
        assert review.fields == ((0, "dimensions[0].bands"),)

    def test_single_cross_table_has_nothing_to_compare(self) -> None:
        """One table alone, even without a population, gives no finding and no review."""
        found = audit_release((attrs.evolve(FIRST, population=None),), EXACT)
        assert found == ReleaseAudit(violations=(), reviews=())

    def test_population_not_stated(self) -> None:
        """A cross table without a population asks for it."""
        found = audit_release((attrs.evolve(FIRST, population=None), SECOND), EXACT)
        assert [r.fields for r in found.reviews] == [((0, "population"),)]


# --------------------------------------------------------------------------------------------
# A two-way release given as cross tables gives the same findings
# --------------------------------------------------------------------------------------------

_CUTS = st.lists(st.integers(min_value=1, max_value=9), min_size=0, max_size=3, unique=True)


@st.composite
def _axis(draw: st.DrawFn, variable: str) -> tuple[tuple[str, ...], tuple[Band, ...] | None]:
    """An age axis cut at random points (with bands), or a region axis by label."""
    if variable == "age":
        cuts = sorted(draw(_CUTS))
        lows = [0, *cuts]
        highs = [*(c - 1 for c in cuts), 10]
        bands = tuple(Band(low=lo, high=hi) for lo, hi in zip(lows, highs, strict=True))
        return tuple(f"{lo}-{hi}" for lo, hi in zip(lows, highs, strict=True)), bands
    labels = draw(st.sampled_from((("North", "South"), ("North", "South", "East"))))
    return labels, None


@st.composite
def _release_tables(draw: st.DrawFn) -> tuple[Table, ...]:
    tables = []
    for _ in range(draw(st.integers(min_value=2, max_value=3))):
        rows, row_bands = draw(_axis("age"))
        if draw(st.booleans()):
            columns, column_bands, column_variable = (*draw(_axis("region")), "region")
        else:
            columns, column_bands, column_variable = ("Clients",), None, None
        counts = draw(
            st.lists(
                st.lists(
                    st.integers(min_value=0, max_value=12),
                    min_size=len(columns),
                    max_size=len(columns),
                ),
                min_size=len(rows),
                max_size=len(rows),
            )
        )
        table = Table.from_counts(
            rows,
            columns,
            counts,
            row_totals=draw(st.booleans()),
            column_totals=draw(st.booleans()),
            grand_total=draw(st.booleans()),
        )
        hidden = draw(st.sets(st.tuples(st.integers(0, len(rows) - 1), st.integers(0, 2))))
        published = tuple(
            tuple(None if (r, c) in hidden else v for c, v in enumerate(row))
            for r, row in enumerate(table.published)
        )
        tables.append(
            attrs.evolve(
                table,
                published=published,
                population=draw(st.sampled_from((POPULATION, POPULATION, None))),
                row_variable="age",
                row_bands=row_bands if draw(st.booleans()) else None,
                column_variable=column_variable,
                column_bands=column_bands,
            )
        )
    return tuple(tables)


def _comparable(found: ReleaseAudit) -> tuple[object, ...]:
    """The findings, WITHHELD_RESTORED evidence as a set (its order follows line order)."""
    return (
        [v for v in found.violations if v.rule is ReleaseRule.SMALL_DIFFERENCE],
        [
            (v.withheld, frozenset(v.figures))
            for v in found.violations
            if v.rule is ReleaseRule.WITHHELD_RESTORED
        ],
        found.reviews,
    )


@settings(max_examples=150, deadline=None)
@given(tables=_release_tables(), rounding=st.sampled_from(list(RoundingMethod)))
def test_two_way_release_as_cross_tables_gives_the_same_findings(
    tables: tuple[Table, ...], rounding: RoundingMethod
) -> None:
    """The n-way audit of a two-way release equals the two-way audit, finding for finding."""
    rules = attrs.evolve(STATS_NZ_RR3, rounding=rounding)
    assert _comparable(audit_cross_release(tables, rules)) == _comparable(
        _audit_two_way(tables, rules)
    )


def test_a_cross_table_in_the_release_takes_the_n_way_route() -> None:
    """`audit_release` with a `CrossTable` among two-way tables names two-way locations."""
    first = attrs.evolve(
        Table.from_counts(("0-12", "13-17"), ("Girls", "Boys"), ((25, 30), (20, 22))),
        population=POPULATION,
        row_variable="age",
        column_variable="gender",
        row_bands=AGE_0_12,
    )
    second = attrs.evolve(
        Table.from_counts(("0-11", "12-17"), ("Girls", "Boys"), ((24, 24), (21, 28))),
        population=POPULATION,
        row_variable="age",
        column_variable="gender",
        row_bands=AGE_0_11,
    )
    alone = audit_release((first, second), EXACT)
    mixed = audit_release((first, second, FIRST), EXACT)
    assert set(alone.violations) <= set(mixed.violations)
    assert any(
        isinstance(ref.location, CrossLocation) for v in mixed.violations for ref in v.figures
    )


# --------------------------------------------------------------------------------------------
# Keyed rounding of cross tables, and the release record
# --------------------------------------------------------------------------------------------

KEY = KeyedRounding(b"0123456789abcdef0123456789abcdef")
OTHER_KEY = KeyedRounding(b"fedcba9876543210fedcba9876543210")


def _many() -> CrossTable:
    """A 3 x 4 x 5 table of counts from 7 to 66, none small, every margin published."""
    dims = (
        _dim("region", ("a", "b", "c")),
        _dim("ethnicity", ("p", "q", "r", "s")),
        _dim("age", ("0", "1", "2", "3", "4")),
    )
    return attrs.evolve(
        CrossTable.from_counts(dims, tuple(7 + n for n in range(60))), population=POPULATION
    )


class TestKeyedCross:
    """`KeyedRounding.round_cross_table`: RR3 fixed by the key, the table key and the labels."""

    def test_repeat_is_identical_and_rr3(self) -> None:
        """The same key and table key give the same values, each RR3 of its raw value."""
        table = suppress_cross(_many(), STATS_NZ_RR3).published
        one = KEY.round_cross_table(table, RoundingMethod.RR3, table_key="t")
        two = KEY.round_cross_table(table, RoundingMethod.RR3, table_key="t")
        assert one == two
        for value, true, shown in zip(
            one.published_values(), table.raw_values(), table.published_values(), strict=True
        ):
            assert (value is None) == (shown is None)
            if value is not None:
                assert value % 3 == 0
                assert abs(value - true) <= 2

    def test_key_and_table_key_matter(self) -> None:
        """Another key, or another table key, gives other choices."""
        table = _many()
        base = KEY.round_cross_table(table, RoundingMethod.RR3, table_key="t")
        assert OTHER_KEY.round_cross_table(table, RoundingMethod.RR3, table_key="t") != base
        assert KEY.round_cross_table(table, RoundingMethod.RR3, table_key="u") != base

    def test_choice_follows_the_labels_not_the_order(self) -> None:
        """A value keeps its rounding when other cells of the table change."""
        table = _many()
        changed = attrs.evolve(table, raw=(30, *table.raw[1:]))
        one = KEY.round_cross_table(table, RoundingMethod.RR3, table_key="t").published_values()
        two = KEY.round_cross_table(changed, RoundingMethod.RR3, table_key="t").published_values()
        # The last cell (every label the same, raw value unchanged) is rounded the same way.
        last = table.position((2, 3, 4))
        assert one[last] == two[last]

    def test_none_publishes_raw(self) -> None:
        """RoundingMethod.NONE leaves every value raw."""
        table = _many()
        rounded = KEY.round_cross_table(table, RoundingMethod.NONE, table_key="t")
        assert rounded.published_values() == table.published_values()

    def test_bad_table_key_refused(self) -> None:
        """The table key must be a string."""
        with pytest.raises(InputError):
            KEY.round_cross_table(_many(), RoundingMethod.RR3, table_key=3)  # type: ignore[arg-type]


def _read(directory: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((directory / name).read_text(encoding="utf-8"))
    return data


def _record(rounding: KeyedRounding | int = KEY) -> object:
    return release_record(
        "quarterly",
        (_region_gender(),),
        STATS_NZ_RR3,
        rounding=rounding,
        cross_tables=(_by_region_ethnicity_gender(),),
    )


class TestRecord:
    """The release record writes cross tables, protected and audited with the rest."""

    def test_written_and_read_back(self, tmp_path: Path) -> None:
        """tables.json holds the cross table without raw counts; the summary its suppressions."""
        record = _record()
        out = tmp_path / "release"
        write_release(out, record)  # type: ignore[arg-type]
        tables = _read(out, TABLES_FILE)
        (cross,) = tables["cross_tables"]
        source = _by_region_ethnicity_gender()
        assert "raw" not in cross
        assert [d["variable"] for d in cross["dimensions"]] == ["region", "ethnicity", "gender"]
        published = cross["published"]
        assert len(published) == source.position_count
        assert published[source.position((0, 1, 0))] is None
        assert all(v is None or v % 3 == 0 for v in published)
        summary = _read(out, SUMMARY_FILE)
        entry = {
            "cross_table": 0,
            "reason": "primary",
            "kind": "cell",
            "indices": [0, 1, 0],
            "at_total": [False, False, False],
            "withheld_true_count_not_for_release": 2,
        }
        assert entry in summary["suppressions"]
        # The companion table gives the withheld 2 back: the checker is told.
        differencing = summary["differencing"]
        assert any(item["rule"] == "withheld_restored" for item in differencing)
        restored = next(i for i in differencing if i["rule"] == "withheld_restored")
        assert restored["withheld"]["cross_table"] == 0
        assert restored["figures"] == [
            {
                "table": 0,
                "held_by_recipient": False,
                "kind": "cell",
                "row": "North",
                "column": "Girls",
            }
        ]

    def test_checksums_verify(self, tmp_path: Path) -> None:
        """SHA256SUMS covers the files with cross tables and passes sha256sum --check."""
        out = tmp_path / "release"
        write_release(out, _record())  # type: ignore[arg-type]
        for line in (out / CHECKSUMS_FILE).read_text(encoding="ascii").splitlines():
            digest, name = line.split("  ")
            assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
        done = subprocess.run(
            ["sha256sum", "--check", "--quiet", CHECKSUMS_FILE],
            cwd=out,
            check=False,
            capture_output=True,
        )
        assert done.returncode == 0

    def test_keyed_record_is_repeatable(self) -> None:
        """The same key gives byte-identical files; a seed is marked for tests only."""
        assert _record().files() == _record().files()  # type: ignore[attr-defined]
        summary = _record(7).summary()  # type: ignore[attr-defined]
        assert "for tests only" in summary["rounding"]

    def test_two_way_record_unchanged(self) -> None:
        """Without cross tables, tables.json has no cross_tables entry."""
        record = release_record("q", (_region_gender(),), STATS_NZ_RR3, rounding=KEY)
        assert "cross_tables" not in json.loads(record.files()[TABLES_FILE])
        assert record.cross_tables == ()

    def test_workbooks_hold_the_cross_table(self) -> None:
        """The XLSX tables hold one sheet per cross table, with every planned position."""
        openpyxl = pytest.importorskip("openpyxl")
        record = _record()
        books = release_workbooks(record)  # type: ignore[arg-type]
        book = openpyxl.load_workbook(io.BytesIO(books[TABLES_XLSX]))
        sheet = book["Cross table 1"]
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0] == ("region", "ethnicity", "gender", "value")
        # Body only (no margins): 2 x 2 x 2 cells, the small one shown as suppressed.
        assert len(rows) == 1 + 8
        assert ("North", "Pacific", "Girls", "suppressed") in rows


class TestUnion:
    """What a group of categories covers, compared with other categories."""

    def test_ranges_that_meet_are_joined(self) -> None:
        """0-5 and 6-12 are 0-12, which holds 0-11 and not 0-13."""
        group = _union([Band(low=0, high=5), Band(low=6, high=12)])
        assert group == Band(low=0, high=12)
        assert _within(group, Band(low=0, high=11))
        assert not _within(group, Band(low=0, high=13))

    def test_ranges_with_a_gap_stay_apart(self) -> None:
        """0-5 and 8-12 hold 1-4 but not 4-9, which falls in the gap."""
        group = _union([Band(low=0, high=5), Band(low=8, high=12)])
        assert _within(group, Band(low=1, high=4))
        assert not _within(group, Band(low=4, high=9))
        assert _within(Band(low=0, high=12), group)
        assert not _within(Band(low=0, high=6), group)

    def test_every_number_is_not_a_band(self) -> None:
        """Up to 12 and 13 and over cover every number: kept as two parts, never an empty Band."""
        group = _union([Band(high=12), Band(low=13)])
        assert group == frozenset({Band(high=12), Band(low=13)})
        assert _within(group, Band(low=20, high=30))

    def test_values_and_labels_are_united(self) -> None:
        """Value sets join into one sorted set; labels into a set of labels."""
        assert _union([Band(values=("b",)), Band(values=("a",))]) == Band(values=("a", "b"))
        labels = _union(["Auckland", "Northland"])
        assert _within(labels, "Auckland")
        assert not _within("Auckland", labels)
        assert _union(["Otago"]) == "Otago"
