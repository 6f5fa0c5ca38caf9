"""Sharing Value: scenarios across checks, the bundled examples and settings."""

from __future__ import annotations

import re

import attrs
import pytest

from dpup import (
    Activity,
    Basis,
    Finding,
    Guideline,
    Insight,
    LegalRef,
    Report,
    Status,
    evaluate,
    load,
)
from dpup.disclosure_control import (
    MSD_PUBLISHED,
    STATS_NZ_RR3,
    RoundingMethod,
)
from dpup.model import (
    DerivedStatistic,
    StatisticKind,
    Table,
)
from dpup.settings import Settings
from tests.checks.sharing_value._builders import (
    CONFIDENTIALITY,
    EXAMPLES,
    FAMILY,
    MET,
    NOT_MET,
    _by_check,
    _derived,
    _ethnicity_table,
    _one_row,
    _protected,
    _stat,
    _tables,
)


class TestBases:
    def test_confidentiality_checks_are_standard_and_cite_it(self) -> None:
        """SV007 to SV010 have basis STANDARD and cite Stats NZ or MSD in their references."""
        checks = [c for c in FAMILY if c.id in CONFIDENTIALITY]
        assert [Basis.STANDARD] * 4 == [c.basis for c in checks]
        assert [True] * 4 == [
            "Stats NZ" in c.sections["References"] and "not law" in c.sections["References"]
            for c in checks
        ]

    def test_only_the_research_check_is_law(self) -> None:
        """SV012 is the one LAW check, and it cites IPP10 and IPP11."""
        law = [(c.id, c.legal_refs) for c in FAMILY if c.basis is Basis.LAW]
        assert [("SV012", (LegalRef.IPP10, LegalRef.IPP11))] == law


class TestSecondarySuppression:
    def test_lone_suppressed_cell_beside_a_total_is_flagged(self) -> None:
        """One withheld cell in a row with a published total is named by its raw position.

        The column's total is not published, but it is that one cell, so it is worked out
        with it; being small, it is named too, by its column's label.
        """
        finding = _by_check(_tables(_one_row((None, 9, 12))), "SV008")["SV008"]
        expected = (Status.NOT_MET, ("$.tables[0].raw[0][0]", "$.tables[0].column_labels[0]"))
        assert expected == (finding.status, finding.evidence)

    def test_second_suppressed_cell_clears_it(self) -> None:
        """Withholding a second cell in the row clears the finding."""
        finding = _by_check(_tables(_one_row((None, None, 12))), "SV008")["SV008"]
        assert Status.MET == finding.status

    def test_withholding_the_total_clears_it(self) -> None:
        """Withholding the row total instead also clears the finding."""
        table = attrs.evolve(_one_row((None, 9, 12)), row_totals=None)
        assert Status.MET == _by_check(_tables(table), "SV008")["SV008"].status


class TestEthnicityResults:
    """A results table by ethnicity with raw cells of 1, 2 and 4, through an Activity."""

    def _report(self, table: Table) -> dict[str, Finding]:
        insight = Insight(
            "results",
            tables=(table,),
            rounding=RoundingMethod.RR3,
            derived_statistics=(
                DerivedStatistic("completion rate, European", StatisticKind.PERCENTAGE, (40, 90)),
            ),
        )
        activity = Activity("evaluation", insights=(insight,))
        return _by_check(activity, *CONFIDENTIALITY)

    def test_unrounded_small_cells_fail_on_the_standard(self) -> None:
        """Published unrounded, the small cells and the rounding fail with basis STANDARD."""
        found = self._report(_ethnicity_table())
        statuses = {k: (f.status, f.basis) for k, f in found.items()}
        expected = {
            "SV007": (NOT_MET, Basis.STANDARD),
            "SV008": (MET, Basis.STANDARD),
            "SV009": (NOT_MET, Basis.STANDARD),
            "SV010": (MET, Basis.STANDARD),
        }
        assert expected == statuses

    def test_small_cells_are_named_by_position(self) -> None:
        """The small-cell finding points at the three small cells, by path."""
        evidence = self._report(_ethnicity_table())["SV007"].evidence
        expected = tuple(f"$.insights[0].tables[0].published[{r}][0]" for r in range(3))
        assert expected == evidence

    @pytest.mark.parametrize("seed", [1, 2020, 31337])
    def test_protected_table_meets_every_check(self, seed: int) -> None:
        """After protect() with a seeded generator, every confidentiality check is met."""
        found = self._report(_protected(seed=seed))
        assert dict.fromkeys(CONFIDENTIALITY, MET) == {k: f.status for k, f in found.items()}

    def test_findings_carry_no_numbers(self) -> None:
        """Messages hold no digits, and evidence names positions, never counts."""
        found = self._report(_ethnicity_table()).values()
        assert [] == [f.message for f in found if re.search(r"\d", f.message)]
        paths = [e for f in found for e in f.evidence]
        assert [] == [e for e in paths if not e.startswith("$.insights[0].")]


class TestConfidentialitySettings:
    def test_default_standard_is_stats_nz(self) -> None:
        """Settings apply Stats NZ RR3 by default, and the old thresholds read from it."""
        settings = Settings()
        expected = (STATS_NZ_RR3, 6, 20)
        actual = (
            settings.confidentiality,
            settings.suppression_threshold,
            settings.magnitude_minimum,
        )
        assert expected == actual

    def test_msd_standard_rejects_small_counts_rounded_to_zero(self) -> None:
        """With suppression off, a 1 rounded to 0 passes Stats NZ RR3 but fails MSD's variant."""
        table = Table(
            row_labels=("a",), column_labels=("x", "y"), raw=((1, 9),), published=((0, 9),)
        )
        insight = _tables(table, rounding=RoundingMethod.RR3)
        verdicts = {}
        for rules in (STATS_NZ_RR3, MSD_PUBLISHED):
            settings = Settings(confidentiality=attrs.evolve(rules, suppression_threshold=0))
            verdicts[rules.rounding] = _by_check(insight, "SV009", settings=settings)[
                "SV009"
            ].status
        assert {RoundingMethod.RR3: MET, RoundingMethod.RR3_NO_ZERO: NOT_MET} == verdicts

    def test_stricter_threshold_changes_the_verdict(self) -> None:
        """Raising the threshold to 10 makes a published 7 a small cell."""
        table = Table(
            row_labels=("a",), column_labels=("x", "y"), raw=((7, 30),), published=((6, 30),)
        )
        stricter = attrs.evolve(STATS_NZ_RR3, suppression_threshold=10, source="Our data office")
        statuses = [
            _by_check(_tables(table), "SV007", settings=s)["SV007"].status
            for s in (Settings(), Settings(confidentiality=stricter))
        ]
        assert [MET, NOT_MET] == statuses

    def test_verified_magnitude_minimum_fails_outright(self) -> None:
        """Once the magnitude minimum is marked verified, a mean on 12 fails instead of review."""
        rules = attrs.evolve(STATS_NZ_RR3, unverified=(), source="Checked IDI output guide")
        insight = _derived(_stat(StatisticKind.MEAN, 12))
        finding = _by_check(insight, "SV010", settings=Settings(confidentiality=rules))["SV010"]
        expected = (NOT_MET, ("$.derived_statistics[0].underlying_counts[0]",))
        assert expected == (finding.status, finding.evidence)


class TestBestFootForward:
    """The CCSS "Best foot forward" journey before and after DPUP (seed 001)."""

    def _report(self, which: str) -> Report:
        activity = load(EXAMPLES / f"best-foot-forward-{which}.toml")
        report = evaluate(activity, select=[Guideline.SHARING_VALUE])
        assert () == report.errors
        return report

    def test_after_has_nothing_not_met(self) -> None:
        """After DPUP, no Sharing Value check is NOT_MET."""
        assert [] == [f.check_id for f in self._report("after").findings if f.status is NOT_MET]

    def test_before_fails_several(self) -> None:
        """Before DPUP, share-back, co-design, feedback and the evaluation's table all fail."""
        found = {f.check_id for f in self._report("before").findings if f.status is NOT_MET}
        expected = {"SV001", "SV002", "SV003", "SV004", "SV007", "SV009", "SV010"}
        assert expected == found

    def test_after_scores_higher(self) -> None:
        """The Sharing Value score is higher after DPUP than before."""
        before, after = (
            self._report(which).guideline_scores[Guideline.SHARING_VALUE].value
            for which in ("before", "after")
        )
        assert before is not None
        assert after is not None
        assert (True, 100.0) == (after > before, after)

    def test_after_table_loads_withheld_cells(self) -> None:
        """The after example writes withheld cells as "suppressed", and they load as None."""
        table = load(EXAMPLES / "best-foot-forward-after.toml").insights[0].tables
        assert table is not None
        assert ((15, None, None), (12, None, None)) == table[0].published
