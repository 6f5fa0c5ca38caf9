"""Differencing across a release (`audit_release`), band definitions and the release record."""

from __future__ import annotations

import hashlib
import json
import subprocess
from datetime import date
from pathlib import Path

import attrs
import pytest

import dpup
from dpup.disclosure_control import (
    ACRO_DEFAULTS,
    CHECKSUMS_FILE,
    STATS_NZ_RR3,
    SUMMARY_FILE,
    TABLES_FILE,
    Band,
    ConfidentialityRules,
    FigureRef,
    KeyedRounding,
    Location,
    LocationKind,
    ReleaseException,
    ReleaseRecord,
    ReleaseRule,
    ReviewReason,
    RoundingMethod,
    Table,
    audit_release,
    release_record,
    suppress,
    write_release,
)
from dpup.errors import InputError
from dpup.model import Insight, release_of

EXACT = attrs.evolve(STATS_NZ_RR3, rounding=RoundingMethod.NONE)
KEY = KeyedRounding(b"0123456789abcdef0123456789abcdef")


def _loc(figure: FigureRef) -> Location:
    """The two-way location of a figure in a release of two-way tables."""
    assert isinstance(figure.location, Location)
    return figure.location


def _by_age(
    labels: tuple[str, str],
    bands: tuple[Band, Band] | None,
    counts: tuple[tuple[int, int], tuple[int, int]],
    **kw: object,
) -> Table:
    """Clients by age band and gender, with every total published."""
    table = Table.from_counts(labels, ("Girls", "Boys"), counts)
    fields: dict[str, object] = {
        "population": "clients in the quarter",
        "row_variable": "age",
        "column_variable": "gender",
        "row_bands": bands,
    }
    fields.update(kw)
    return attrs.evolve(table, **fields)  # type: ignore[arg-type]  # test builder


# 25 girls aged 0-12, 24 aged 0-11: the case (one girl aged 12).
FIRST = _by_age(
    ("0-12", "13-17"), (Band(low=0, high=12), Band(low=13, high=17)), ((25, 30), (20, 22))
)
SECOND = _by_age(
    ("0-11", "12-17"), (Band(low=0, high=11), Band(low=12, high=17)), ((24, 24), (21, 28))
)


def _regions() -> Table:
    """Clients by region and ethnicity; Pacific in the North is small."""
    table = Table.from_counts(
        ("North", "South"),
        ("Māori", "Pacific", "European"),
        ((45, 2, 30), (40, 12, 33)),
        row_totals=False,
        column_totals=False,
        grand_total=False,
    )
    return attrs.evolve(
        table,
        population="clients in the quarter",
        row_variable="region",
        column_variable="ethnicity",
    )


def _region_totals(**kw: object) -> Table:
    """The companion table: clients by region, one unnamed column (everyone)."""
    table = Table.from_counts(
        ("North", "South"),
        ("Clients",),
        ((77,), (85,)),
        row_totals=False,
        column_totals=False,
        grand_total=False,
    )
    fields: dict[str, object] = {"population": "clients in the quarter", "row_variable": "region"}
    fields.update(kw)
    return attrs.evolve(table, **fields)  # type: ignore[arg-type]  # test builder


class TestBand:
    """A band is a range of whole numbers or a set of values, validated."""

    def test_range_contains(self) -> None:
        """A range contains the ranges inside it; an open end has no limit."""
        assert Band(low=0, high=12).contains(Band(low=0, high=11))
        assert not Band(low=0, high=11).contains(Band(low=0, high=12))
        assert Band(low=85).contains(Band(low=90, high=99))
        assert not Band(low=85).contains(Band(low=80, high=99))

    def test_values_contain(self) -> None:
        """A set of values contains its subsets, and never a range."""
        north = Band(values=("Northland", "Auckland"))
        assert north.contains(Band(values=["Auckland"]))
        assert not north.contains(Band(values=("Waikato",)))
        assert not north.contains(Band(low=0, high=3))

    def test_overlaps(self) -> None:
        """Ranges that share a value overlap; adjacent ones do not."""
        assert Band(low=0, high=12).overlaps(Band(low=12, high=17))
        assert not Band(low=0, high=11).overlaps(Band(low=12, high=17))

    @pytest.mark.parametrize(
        ("kw", "paths"),
        [
            ({}, ("$",)),
            ({"low": 1, "values": ("a",)}, ("$",)),
            ({"low": 5, "high": 4}, ("$.low",)),
            ({"low": 1.5}, ("$.low",)),
            ({"low": True}, ("$.low",)),
            ({"values": ("a", "a", " ")}, ("$.values[1]", "$.values[2]")),
            ({"values": ()}, ("$.values",)),
        ],
    )
    def test_bad_band_lists_every_problem(
        self, kw: dict[str, object], paths: tuple[str, ...]
    ) -> None:
        """A malformed band is refused with every problem at its path."""
        with pytest.raises(InputError) as info:
            Band(**kw)  # type: ignore[arg-type]  # bad input on purpose
        assert paths == info.value.paths

    def test_table_bands_validated(self) -> None:
        """A table's bands are checked against its labels and variable, all problems at once."""
        with pytest.raises(InputError) as info:
            Table(
                row_labels=("a", "b"),
                column_labels=("x",),
                raw=((1,), (2,)),
                row_bands=(Band(low=0, high=5), Band(low=5, high=9), Band(low=10)),
                column_bands=(Band(values=("p",)),),
                column_variable="sex",
                population=" ",
            )
        assert (
            "$.population",
            "$.row_bands",
            "$.row_bands",
            "$.row_bands[1]",
        ) == info.value.paths

    def test_one_variable_on_both_axes_refused(self) -> None:
        """Rows and columns classify by different variables."""
        with pytest.raises(InputError) as info:
            Table(
                row_labels=("a",),
                column_labels=("x",),
                raw=((1,),),
                row_variable="age",
                column_variable="age",
            )
        assert ("$.column_variable",) == info.value.paths

    def test_mixed_kinds_in_one_table_refused(self) -> None:
        """One table may not mix ranges and sets of values for a variable."""
        with pytest.raises(InputError) as info:
            Table(
                row_labels=("a", "b"),
                column_labels=("x",),
                raw=((1,), (2,)),
                row_variable="age",
                row_bands=(Band(low=0, high=5), Band(values=("p",))),
            )
        assert ("$.row_bands",) == info.value.paths


class TestDifferences:
    """A figure minus a figure it contains, from another table, must not be small."""

    def test_twenty_five_less_twenty_four(self) -> None:
        """25 girls aged 0-12 less 24 aged 0-11 reveals one girl aged 12."""
        found = audit_release((FIRST, SECOND), EXACT)
        assert found.reviews == ()
        small = [v for v in found.violations if v.rule is ReleaseRule.SMALL_DIFFERENCE]
        pairs = {
            (
                (v.figures[0].table, _loc(v.figures[0]).row, _loc(v.figures[0]).column),
                (v.figures[1].table, _loc(v.figures[1]).row, _loc(v.figures[1]).column),
            )
            for v in small
        }
        # Girls aged 12: (0-12, Girls) of the first less (0-11, Girls) of the second.
        assert ((0, 0, 0), (1, 0, 0)) in pairs
        # Boys: 30 - 24 = 6 is not small.
        assert ((0, 0, 1), (1, 0, 1)) not in pairs
        # Everyone aged 12: 55 - 48 = 7 is not small either.
        assert ((0, 0, None), (1, 0, None)) not in pairs
        assert all(v.withheld is None for v in small)

    def test_same_groupings_pass(self) -> None:
        """Tables with the same groupings leave nothing small to subtract."""
        again = _by_age(
            ("0-12", "13-17"), (Band(low=0, high=12), Band(low=13, high=17)), ((25, 30), (20, 22))
        )
        assert audit_release((FIRST, again), EXACT).violations == ()

    def test_difference_not_small_passes(self) -> None:
        """Overlapping groupings whose differences are large pass."""
        wide = _by_age(
            ("0-9", "10-17"), (Band(low=0, high=9), Band(low=10, high=17)), ((15, 20), (30, 32))
        )
        assert audit_release((FIRST, wide), EXACT).violations == ()

    def test_single_table_has_nothing_to_compare(self) -> None:
        """A release of one table (or none) has nothing to compare."""
        assert audit_release((FIRST,), EXACT).violations == ()
        assert audit_release((), EXACT).reviews == ()

    def test_other_population_not_compared(self) -> None:
        """Tables over different populations are not subtracted."""
        other = attrs.evolve(SECOND, population="families in the quarter")
        assert audit_release((FIRST, other), EXACT).violations == ()

    def test_rounding_blurs_the_difference(self) -> None:
        """Rounded figures are read as intervals; small only when every reading is small."""
        # Published after RR3 as 24 and 24: the difference could be anything from -4 to 4,
        # all below 6, so the group is still shown to be small.
        first = attrs.evolve(FIRST, published=((24, 30), (21, 21)))
        second = attrs.evolve(SECOND, published=((24, 24), (21, 27)))
        found = audit_release((first, second), STATS_NZ_RR3)
        assert any(v.rule is ReleaseRule.SMALL_DIFFERENCE for v in found.violations)
        # Published as 27 and 21, the difference may be as large as 8: not shown to be small.
        first = attrs.evolve(FIRST, published=((27, 30), (21, 21)))
        second = attrs.evolve(SECOND, published=((21, 24), (21, 27)))
        found = audit_release((first, second), STATS_NZ_RR3)
        girls = [
            v
            for v in found.violations
            if _loc(v.figures[0]).column == 0 and _loc(v.figures[0]).row == 0
        ]
        assert girls == []

    def test_withheld_figure_is_not_subtracted(self) -> None:
        """A withheld figure cannot be subtracted."""
        second = attrs.evolve(SECOND, published=((None, 24), (21, 28)))
        found = audit_release((FIRST, second), EXACT)
        assert not any(
            _loc(v.figures[1]).column == 0 and _loc(v.figures[1]).row == 0 for v in found.violations
        )

    def test_zero_difference_under_zeros_disclosive(self) -> None:
        """An empty difference is exempt by default and disclosive under ACRO's rules."""
        # Nobody aged 12: exempt by default, disclosive under ACRO's rules.
        second = _by_age(
            ("0-11", "12-17"), (Band(low=0, high=11), Band(low=12, high=17)), ((25, 30), (20, 22))
        )
        assert audit_release((FIRST, second), EXACT).violations == ()
        acro = audit_release((FIRST, second), ACRO_DEFAULTS)
        assert any(v.rule is ReleaseRule.SMALL_DIFFERENCE for v in acro.violations)

    def test_inconsistent_tables_are_not_a_small_difference(self) -> None:
        """An inner figure larger than the one containing it gives a negative, not small, gap."""
        second = _by_age(
            ("0-11", "12-17"), (Band(low=0, high=11), Band(low=12, high=17)), ((27, 30), (18, 22))
        )
        found = audit_release((FIRST, second), EXACT)
        girls = [
            v
            for v in found.violations
            if (_loc(v.figures[0]).row, _loc(v.figures[0]).column) == (0, 0)
        ]
        assert girls == []

    def test_value_sets(self) -> None:
        """Bands given as sets of category values are compared as sets."""

        def by_area(
            labels: tuple[str, ...], areas: tuple[tuple[str, ...], ...], counts: tuple[int, ...]
        ) -> Table:
            table = Table.from_counts(labels, ("Clients",), tuple((c,) for c in counts))
            return attrs.evolve(
                table,
                population="clients",
                row_variable="area",
                row_bands=tuple(Band(values=a) for a in areas),
            )

        wide = by_area(("North", "South"), (("Northland", "Auckland"), ("Otago",)), (40, 30))
        narrow = by_area(("Auckland", "Rest"), (("Auckland",), ("Northland", "Otago")), (37, 33))
        found = audit_release((wide, narrow), EXACT)
        # North (Northland and Auckland) less Auckland leaves Northland, and so does the
        # rest (Northland and Otago) less South (Otago): 3 people.
        assert [(v.figures[0].table, v.figures[1].table) for v in found.violations] == [
            (0, 1),
            (1, 0),
        ]


class TestRestoredWithheld:
    """A suppressed table and a companion table of totals."""

    def test_companion_totals_restore_the_withheld_cell(self) -> None:
        """A companion table of region totals restores the one withheld cell."""
        result = suppress(_regions(), EXACT)
        # Without published totals, only the small cell is withheld.
        assert result.published.published == ((45, None, 30), (40, 12, 33))
        found = audit_release((result.published, _region_totals()), EXACT)
        (violation,) = found.violations
        assert violation.rule is ReleaseRule.WITHHELD_RESTORED
        assert violation.withheld is not None
        assert (violation.withheld.table, _loc(violation.withheld).row) == (0, 0)
        assert _loc(violation.withheld).column == 1
        (figure,) = violation.figures
        assert (figure.table, _loc(figure).row, _loc(figure).column) == (1, 0, 0)

    def test_suppressing_with_totals_protects_it(self) -> None:
        """Suppressing with the totals to be published adds the protection needed."""
        regions = attrs.evolve(_regions(), row_totals=(77, 85))
        result = suppress(regions, EXACT)
        found = audit_release((result.published, _region_totals()), EXACT)
        assert found.violations == ()

    def test_unrelated_companion_passes(self) -> None:
        """A companion table over another population gives nothing back."""
        result = suppress(_regions(), EXACT)
        other = _region_totals(population="staff in the quarter")
        assert audit_release((result.published, other), EXACT).violations == ()


class TestReviews:
    """Where the records do not say which people a figure counts, nothing is guessed."""

    def test_population_not_stated(self) -> None:
        """A table without a population is left to review, naming the field."""
        found = audit_release((FIRST, attrs.evolve(SECOND, population=None)), EXACT)
        assert found.violations == ()
        (review,) = found.reviews
        assert review.reason is ReviewReason.POPULATION_NOT_STATED
        assert review.fields == ((1, "population"),)
        assert "manual review" in review.message

    def test_shared_variable_without_bands(self) -> None:
        """A shared variable with other labels and no bands is left to review."""
        second = attrs.evolve(SECOND, row_bands=None)
        found = audit_release((FIRST, second), EXACT)
        (review,) = found.reviews
        assert review.reason is ReviewReason.BANDS_NOT_DEFINED
        assert review.fields == ((1, "row_bands"),)
        # Figures that do not break down by age are still compared: no small difference here.
        assert found.violations == ()

    def test_same_labels_need_no_bands(self) -> None:
        """Tables using exactly the same labels are compared by label."""
        first = attrs.evolve(FIRST, row_bands=None)
        again = attrs.evolve(FIRST, row_bands=None, published=((25, 30), (20, 22)))
        assert audit_release((first, again), EXACT).reviews == ()

    def test_mixed_definitions(self) -> None:
        """A variable defined as ranges in one table and values in another needs review."""
        second = attrs.evolve(SECOND, row_bands=(Band(values=("0", "1")), Band(values=("12",))))
        (review,) = audit_release((FIRST, second), EXACT).reviews
        assert review.reason is ReviewReason.BANDS_MIXED

    def test_unnamed_variable(self) -> None:
        """An unnamed variable of several labels needs review."""
        second = attrs.evolve(SECOND, column_variable=None)
        (review,) = audit_release((FIRST, second), EXACT).reviews
        assert review.reason is ReviewReason.VARIABLE_NOT_NAMED
        assert review.fields == ((1, "column_variable"),)


def _read(directory: Path, name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((directory / name).read_text(encoding="utf-8"))
    return data


class TestReleaseRecord:
    """The record: protected tables, a checker summary and checksums, written at once."""

    def _record(self, rules: ConfidentialityRules = STATS_NZ_RR3, **kw: object) -> object:
        return release_record(
            "quarterly-report",
            (_regions(), _region_totals()),
            rules,
            rounding=kw.pop("rounding", KEY),  # type: ignore[arg-type]  # test builder
            **kw,  # type: ignore[arg-type]  # test builder
        )

    def test_written_and_read_back(self, tmp_path: Path) -> None:
        """The record is written, read back, and holds what the checker needs."""
        exceptions = (
            ReleaseException(
                table=0, row="North", column="Pacific", reason="asked", approved_by="lead"
            ),
        )
        record = release_record(
            "quarterly-report",
            (_regions(), _region_totals()),
            STATS_NZ_RR3,
            rounding=KEY,
            exceptions=exceptions,
        )
        out = tmp_path / "release"
        written = write_release(out, record)
        assert [p.name for p in written] == [TABLES_FILE, SUMMARY_FILE, CHECKSUMS_FILE]
        tables = _read(out, TABLES_FILE)
        assert tables["release"] == "quarterly-report"
        first = tables["tables"][0]  # type: ignore[index]
        assert first["published"][0][1] is None
        assert "raw" not in first
        assert all(v is None or v % 3 == 0 for row in first["published"] for v in row)
        summary = _read(out, SUMMARY_FILE)
        assert str(summary["notice"]).startswith("NOT FOR RELEASE")
        assert summary["rounding"] == f"keyed: key fingerprint {KEY.fingerprint}"
        suppressions = summary["suppressions"]
        assert {
            "table": 0,
            "reason": "primary",
            "kind": "cell",
            "row": "North",
            "column": "Pacific",
            "withheld_true_count_not_for_release": 2,
        } in suppressions  # type: ignore[operator]
        assert summary["differencing"][0]["rule"] == "withheld_restored"  # type: ignore[index]
        assert summary["exceptions_requested"] == [
            {
                "table": 0,
                "row": "North",
                "column": "Pacific",
                "reason": "asked",
                "approved_by": "lead",
                "applied_by_dpup": False,
            }
        ]
        assert summary["rules"]["suppression_threshold"] == 6  # type: ignore[index]

    def test_checksums_verify(self, tmp_path: Path) -> None:
        """SHA256SUMS matches the files and passes sha256sum --check."""
        out = tmp_path / "release"
        write_release(out, self._record())  # type: ignore[arg-type]
        lines = (out / CHECKSUMS_FILE).read_text(encoding="ascii").splitlines()
        assert len(lines) == 2
        for line in lines:
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
        """The same release with the same key gives the same files."""
        one = self._record().files()  # type: ignore[attr-defined]
        two = self._record().files()  # type: ignore[attr-defined]
        assert one == two

    def test_seeded_is_marked_for_tests(self) -> None:
        """Seeded rounding is allowed, and the record says it is for tests only."""
        record = self._record(rounding=7)
        assert "for tests only" in record.rounding  # type: ignore[attr-defined]

    def test_no_key_refused_when_rounding(self) -> None:
        """Without a key or seed, rounding rules are refused, not rounded at random."""
        with pytest.raises(InputError) as info:
            self._record(rounding=None)
        assert info.value.paths == ("$.rounding",)

    def test_no_key_needed_without_rounding(self) -> None:
        """Rules that do not round need no key."""
        record = self._record(EXACT, rounding=None)
        assert record.rounding.startswith("none")  # type: ignore[attr-defined]

    def test_bad_exceptions_listed(self) -> None:
        """Exceptions naming missing tables or labels are all listed."""
        exceptions = (
            ReleaseException(table=5, reason="r"),
            ReleaseException(table=0, row="East", column="Asian", reason="r"),
        )
        with pytest.raises(InputError) as info:
            self._record(exceptions=exceptions, rounding=None)
        assert info.value.paths == (
            "$.release_exceptions[0].table",
            "$.release_exceptions[1].row",
            "$.release_exceptions[1].column",
            "$.rounding",
        )

    def test_exception_validated(self) -> None:
        """An exception is validated field by field."""
        with pytest.raises(InputError) as info:
            ReleaseException(table=-1, reason=" ", approved_by="")
        assert info.value.paths == ("$.table", "$.approved_by", "$.reason")

    def test_non_empty_folder_refused(self, tmp_path: Path) -> None:
        """A folder with files in it is refused and left as it was."""
        out = tmp_path / "release"
        out.mkdir()
        (out / "old.txt").write_text("x", encoding="utf-8")
        with pytest.raises(FileExistsError):
            write_release(out, self._record())  # type: ignore[arg-type]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["release"]

    def test_empty_folder_accepted(self, tmp_path: Path) -> None:
        """An existing empty folder is filled, with nothing left beside it."""
        out = tmp_path / "release"
        out.mkdir()
        write_release(out, self._record())  # type: ignore[arg-type]
        assert (out / CHECKSUMS_FILE).is_file()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["release"]

    def test_summary_findings_hold_no_values(self) -> None:
        """Differencing findings in the summary carry locations and generic messages only."""
        record = self._record()
        summary = json.loads(record.files()[SUMMARY_FILE])  # type: ignore[attr-defined]
        for item in summary["differencing"]:
            assert set(item) == {"rule", "message", "withheld", "figures"}
            assert not any(ch.isdigit() for ch in item["message"])

    def test_earlier_tables_take_part(self) -> None:
        """Tables the recipient already holds take part in the differencing audit."""
        protected = release_record("q2", (FIRST,), EXACT, rounding=None, earlier=(SECOND,))
        assert protected.earlier == 1
        kinds = {v.rule for v in protected.audit.violations}
        assert ReleaseRule.SMALL_DIFFERENCE in kinds
        summary = json.loads(protected.files()[SUMMARY_FILE])
        flags = {
            f["held_by_recipient"] for item in summary["differencing"] for f in item["figures"]
        }
        assert flags == {True, False}
        assert LocationKind.CELL.value in {
            f["kind"] for item in summary["differencing"] for f in item["figures"]
        }


EXAMPLE = Path(__file__).parent.parent / "examples" / "funder-release-differencing.toml"


class TestInput:
    """Bands, recipients and exceptions load from files and are validated there."""

    def test_example_loads_bands_and_exceptions(self) -> None:
        """The example's bands and exception load as the model's types."""
        activity = dpup.load(EXAMPLE)
        first = activity.insights[0]
        assert first.recipient == "Community Futures Fund"
        table = (first.tables or ())[0]
        assert table.row_bands == (Band(low=0, high=12), Band(low=13, high=17))
        assert table.population is not None
        (exception,) = activity.insights[2].release_exceptions or ()
        assert (exception.table, exception.row) == (0, "North")

    def test_bad_band_in_a_file_is_reported_at_its_path(self) -> None:
        """A band with both kinds, and an exception without a reason, are both listed."""
        text = """
name = "bad"
[[insights]]
id = "i"
[[insights.tables]]
row_variable = "age"
row_labels = ["a"]
row_bands = [{ low = 1, values = ["x"] }]
column_labels = ["x"]
raw = [[1]]
[[insights.release_exceptions]]
table = 0
reason = " "
"""
        with pytest.raises(InputError) as info:
            dpup.loads(text, "toml")
        paths = info.value.paths
        assert any(p.startswith("$.insights[0].tables[0].row_bands[0]") for p in paths)
        assert any(p.startswith("$.insights[0].release_exceptions[0]") for p in paths)

    def test_blank_recipient_refused(self) -> None:
        """A recipient must not be blank."""
        with pytest.raises(ValueError, match="blank"):
            Insight("i", recipient=" ")


class TestReleaseOf:
    """Which tables one insight's recipient holds once it is released."""

    def _insight(self, name: str, to: str | None, on: date | None) -> Insight:
        return Insight(name, tables=(FIRST,), recipient=to, release_on=on)

    def test_earlier_and_undated_to_the_same_recipient(self) -> None:
        """Earlier or undated insights to the same recipient join; later or others do not."""
        insights = (
            self._insight("now", "funder", date(2026, 6, 30)),
            self._insight("earlier", "funder", date(2026, 3, 31)),
            self._insight("later", "funder", date(2026, 9, 30)),
            self._insight("undated", "funder", None),
            self._insight("other", "council", date(2026, 3, 31)),
        )
        assert release_of(insights, 0) == ((0, 0), (1, 0), (3, 0))

    def test_no_recipient_means_own_tables_only(self) -> None:
        """Without a recorded recipient, only the insight's own tables form its release."""
        insights = (
            self._insight("now", None, None),
            self._insight("other", None, None),
        )
        assert release_of(insights, 0) == ((0, 0),)


class TestExtraFiles:
    """Extra files (workbooks) are written beside the record and checksummed with it."""

    def _record(self) -> ReleaseRecord:
        return release_record("r", (FIRST,), EXACT, rounding=None)

    def test_extra_file_checksummed(self, tmp_path: Path) -> None:
        """An extra file is written, and SHA256SUMS covers it."""
        out = tmp_path / "r"
        data = bytes((0, 1))
        write_release(out, self._record(), extra={"notes.bin": data})
        sums = (out / CHECKSUMS_FILE).read_text(encoding="ascii")
        assert f"{hashlib.sha256(data).hexdigest()}  notes.bin" in sums
        assert (out / "notes.bin").read_bytes() == data

    @pytest.mark.parametrize("name", [TABLES_FILE, CHECKSUMS_FILE, "../x", "", "a/b"])
    def test_bad_extra_name_refused_before_writing(self, tmp_path: Path, name: str) -> None:
        """An extra file may not take a record file's name or leave the folder."""
        out = tmp_path / "r"
        with pytest.raises(ValueError, match="plain name"):
            write_release(out, self._record(), extra={name: b"x"})
        assert list(tmp_path.iterdir()) == []


def _conditions(table: Table, row: int | None, column: int | None) -> dict[str, object]:
    """The people a figure counts, read straight from the table's fields."""
    found: dict[str, object] = {}
    for index, variable, bands, labels in (
        (row, table.row_variable, table.row_bands, table.row_labels),
        (column, table.column_variable, table.column_bands, table.column_labels),
    ):
        if index is not None and variable is not None:
            found[variable] = bands[index] if bands is not None else labels[index]
    return found


def _inside(outer: dict[str, object], inner: dict[str, object]) -> bool:
    for variable, category in outer.items():
        other = inner.get(variable)
        if other is None:
            return False
        if isinstance(category, Band) and isinstance(other, Band):
            if not category.contains(other):
                return False
        elif category != other:
            return False
    return True


def _figures(table: Table) -> list[tuple[int | None, int | None, int, int]]:
    """Every published figure: row, column (None for a total), published and true value."""
    n_rows, n_columns = table.shape
    out: list[tuple[int | None, int | None, int, int]] = []
    for r in [*range(n_rows), None]:
        for c in [*range(n_columns), None]:
            if r is not None and c is not None:
                shown, true = table.published[r][c], table.raw[r][c]
            elif r is not None:
                shown = None if table.row_totals is None else table.row_totals[r]
                true = table.raw_row_totals[r]
            elif c is not None:
                shown = None if table.column_totals is None else table.column_totals[c]
                true = table.raw_column_totals[c]
            else:
                shown, true = table.grand_total, table.raw_grand_total
            if shown is not None:
                out.append((r, c, shown, true))
    return out


def test_small_differences_match_every_pair_compared() -> None:
    """On the benchmark's release, the pruned search finds what comparing all pairs finds."""
    from benchmarks.release import release_tables  # noqa: PLC0415 - only this test needs it

    tables = release_tables(12)
    expected = set()
    for o, outer in enumerate(tables):
        for i, inner in enumerate(tables):
            if o == i:
                continue
            seen = set()
            for r, c, shown, true in _figures(outer):
                cond = _conditions(outer, r, c)
                for r2, c2, shown2, true2 in _figures(inner):
                    cond2 = _conditions(inner, r2, c2)
                    key = (repr(sorted(cond.items())), repr(sorted(cond2.items())))
                    if cond == cond2 or not _inside(cond, cond2) or key in seen:
                        continue
                    if 1 <= true - true2 < 6 and shown - shown2 < 6:
                        seen.add(key)
                        expected.add((o, r, c, i, r2, c2))
    found = {
        (a.table, _loc(a).row, _loc(a).column, b.table, _loc(b).row, _loc(b).column)
        for v in audit_release(tables, EXACT).violations
        if v.rule is ReleaseRule.SMALL_DIFFERENCE
        for a, b in (v.figures,)
    }
    assert expected
    assert found == expected
