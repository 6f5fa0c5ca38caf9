"""Issue 22, items 2 to 4: small withheld sums, zeros that reveal a group, derived-statistic bases.

Each item is tested on both sides of the line, with the exact cases from the issue, in the
library (`suppress`, `audit`, `audit_derived`) and through the Sharing Value checks.
"""

from __future__ import annotations

import re
from random import Random

import attrs
import pytest

from dpup import Insight
from dpup.disclosure_control import (
    ACRO_DEFAULTS,
    STATS_NZ_RR3,
    ConfidentialityRules,
    DerivedStatistic,
    DisclosureRule,
    GroupDisclosure,
    RoundingMethod,
    StatisticKind,
    Table,
    audit,
    audit_derived,
    protect,
    suppress,
)
from dpup.errors import InputError
from dpup.findings import Status
from dpup.settings import Settings
from tests.checks.sharing_value._builders import _by_check

UNROUNDED = attrs.evolve(STATS_NZ_RR3, rounding=RoundingMethod.NONE, source="test rules")
ETHNICITY = ("Māori", "Pacific peoples", "European")
REGIONS = ("Northland", "Auckland")


def settings_with(rules: ConfidentialityRules) -> Settings:
    """Return the default settings with another confidentiality standard."""
    return attrs.evolve(Settings(), confidentiality=rules)


def found(violations: tuple[object, ...]) -> list[tuple[int | None, int | None, str]]:
    """Reduce violations to (row, column, rule value)."""
    return [
        (v.location.row, v.location.column, v.rule.value)  # type: ignore[attr-defined]
        for v in violations
    ]


# --------------------------------------------------------------------------------------------
# Item 2: withheld cells whose derivable sum is still small
# --------------------------------------------------------------------------------------------


def region_table() -> Table:
    """Ethnicity by region with column totals: Northland is Māori 45, Pacific 1, European 2."""
    return Table.from_counts(
        ETHNICITY, REGIONS, ((45, 60), (1, 30), (2, 40)), row_totals=False, grand_total=False
    )


def issue_case() -> Table:
    """Pacific 1 and European 2 withheld, Māori 45 and the total 48 published."""
    return attrs.evolve(region_table(), published=((45, 60), (None, 30), (None, 40)))


class TestWithheldSum:
    def test_issue_case_is_reported(self) -> None:
        """The two withheld cells hold 3 between them, which the total gives away."""
        assert [(1, 0, "withheld_sum_small"), (2, 0, "withheld_sum_small")] == found(
            audit(issue_case(), UNROUNDED)
        )

    def test_large_withheld_sum_passes(self) -> None:
        """Withholding Māori 45 as well leaves 48 unknown: not small, nothing to report."""
        table = attrs.evolve(region_table(), published=((None, 60), (None, 30), (None, 40)))
        assert [] == found(audit(table, UNROUNDED))

    def test_sum_at_the_threshold_passes(self) -> None:
        """Withheld cells adding up to exactly the threshold are not small."""
        table = Table(
            row_labels=ETHNICITY,
            column_labels=("Northland",),
            raw=((42,), (1,), (5,)),
            published=((42,), (None,), (None,)),
            column_totals=(48,),
        )
        assert [] == found(audit(table, UNROUNDED))
        small = attrs.evolve(table, raw=((43,), (1,), (4,)), published=((43,), (None,), (None,)))
        assert [(1, 0, "withheld_sum_small"), (2, 0, "withheld_sum_small")] == found(
            audit(small, UNROUNDED)
        )

    def test_no_published_total_means_nothing_to_derive(self) -> None:
        """Without the column total the withheld sum cannot be worked out."""
        table = attrs.evolve(issue_case(), column_totals=None)
        assert [] == found(audit(table, UNROUNDED))

    def test_suppress_withholds_the_next_smallest_cell(self) -> None:
        """`suppress` no longer leaves the pattern: Māori 45 is withheld as a partner."""
        result = suppress(region_table(), UNROUNDED)
        assert (None, None, None) == tuple(row[0] for row in result.published.published)
        assert "secondary" == result.reason_at(0, 0).value  # type: ignore[union-attr]
        assert () == audit(result.published, UNROUNDED)

    def test_rounded_interval_wholly_small_is_reported(self) -> None:
        """After RR3 the reader learns an interval; if all of it is small, that is disclosed."""
        # Total 48 and Māori 45 published as multiples of 3: the withheld pair is at most
        # (48 + 2) - (45 - 2) = 7 under RR3, which is not wholly below 6 ...
        table = attrs.evolve(
            issue_case(), published=((45, 60), (None, 30), (None, 39)), column_totals=(48, 129)
        )
        assert [] == found(audit(table, STATS_NZ_RR3))
        # ... but with the threshold at 10 every sum the rounding allows is small.
        stricter = attrs.evolve(STATS_NZ_RR3, suppression_threshold=10, source="test rules")
        rows = {
            (r, c) for r, c, rule in found(audit(table, stricter)) if rule == "withheld_sum_small"
        }
        assert {(1, 0), (2, 0)} == rows

    def test_protect_leaves_no_small_sum(self) -> None:
        """Suppressing then rounding the issue's table leaves nothing for the audit."""
        released = protect(region_table(), STATS_NZ_RR3, Random(7))  # noqa: S311 - statistical rounding
        assert () == audit(released, STATS_NZ_RR3)

    def test_sv008_fails_on_the_issue_case_and_passes_after_suppress(self) -> None:
        """SV008 reports the withheld cells by their raw paths, never their values."""
        settings = settings_with(UNROUNDED)
        finding = _by_check(Insight("i", tables=(issue_case(),)), "SV008", settings=settings)[
            "SV008"
        ]
        assert Status.NOT_MET is finding.status
        assert ("$.tables[0].raw[1][0]", "$.tables[0].raw[2][0]") == finding.evidence
        assert not re.search(r"\d", finding.message)
        fixed = suppress(region_table(), UNROUNDED).published
        again = _by_check(Insight("i", tables=(fixed,)), "SV008", settings=settings)["SV008"]
        assert Status.MET is again.status


# --------------------------------------------------------------------------------------------
# Item 3: zeros that reveal a group's attribute
# --------------------------------------------------------------------------------------------


def outcomes_table(pacific: tuple[int, int]) -> Table:
    """Outcome by ethnicity with all totals, published unrounded."""
    return Table.from_counts(
        ("Māori", "Pacific peoples"), ("Completed", "Withdrew"), ((20, 15), pacific)
    )


class TestGroupDisclosure:
    def test_issue_case_is_reported_at_the_zero(self) -> None:
        """0 completed / 12 withdrew: the published zero says every Pacific client withdrew."""
        rules = attrs.evolve(UNROUNDED, secondary_suppression=False)
        assert [(1, 0, "group_disclosure")] == found(audit(outcomes_table((0, 12)), rules))

    def test_a_group_spread_over_categories_passes(self) -> None:
        """1 completed / 11 withdrew is not group disclosure (the 1 is a small cell instead)."""
        rules = attrs.evolve(UNROUNDED, secondary_suppression=False)
        rules_found = {v.rule for v in audit(outcomes_table((6, 12)), rules)}
        assert DisclosureRule.GROUP_DISCLOSURE not in rules_found

    def test_withheld_zero_does_not_reveal(self) -> None:
        """When the zero itself is withheld the reader cannot tell."""
        table = attrs.evolve(outcomes_table((0, 12)), published=((20, 15), (None, 12)))
        assert DisclosureRule.GROUP_DISCLOSURE not in {v.rule for v in audit(table, UNROUNDED)}

    def test_ignored_when_the_rule_set_says_so(self) -> None:
        """A rule set may leave group disclosure out altogether."""
        rules = attrs.evolve(UNROUNDED, group_disclosure=GroupDisclosure.IGNORE)
        assert DisclosureRule.GROUP_DISCLOSURE not in {
            v.rule for v in audit(outcomes_table((0, 12)), rules)
        }

    def test_zeros_stay_exempt_from_suppression_by_default(self) -> None:
        """Under review, `suppress` keeps the true zero; under breach it withholds it."""
        assert 0 == suppress(outcomes_table((0, 12)), UNROUNDED).published.published[1][0]
        breach = attrs.evolve(UNROUNDED, group_disclosure=GroupDisclosure.BREACH)
        result = suppress(outcomes_table((0, 12)), breach)
        assert "primary" == result.reason_at(1, 0).value  # type: ignore[union-attr]
        assert () == audit(result.published, breach)

    def test_sv007_review_by_default_and_not_met_when_the_standard_says_so(self) -> None:
        """SV007 sends it to a statistician under Stats NZ's preset and fails it under ACRO's."""
        insight = Insight("i", tables=(outcomes_table((0, 12)),))
        rules = attrs.evolve(UNROUNDED, secondary_suppression=False)
        review = _by_check(insight, "SV007", settings=settings_with(rules))["SV007"]
        assert Status.NEEDS_REVIEW is review.status
        assert ("$.tables[0].published[1][0]",) == review.evidence
        assert not re.search(r"\d", review.message)
        breach = attrs.evolve(rules, group_disclosure=GroupDisclosure.BREACH)
        fail = _by_check(insight, "SV007", settings=settings_with(breach))["SV007"]
        assert Status.NOT_MET is fail.status
        spread = Insight("i", tables=(outcomes_table((6, 12)),))
        ok = _by_check(spread, "SV007", settings=settings_with(breach))["SV007"]
        assert Status.MET is ok.status

    def test_group_disclosure_must_be_an_enum(self) -> None:
        """The rule set validates the new field like every other."""
        with pytest.raises(InputError, match=r"\$\.group_disclosure"):
            attrs.evolve(UNROUNDED, group_disclosure="breach")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Item 4: derived statistics over too few people
# --------------------------------------------------------------------------------------------


def mean_over(count: int, kind: StatisticKind | None = StatisticKind.MEAN) -> DerivedStatistic:
    """A mean grant per client over `count` clients."""
    return DerivedStatistic("mean grant per client", kind, (count,))


class TestDerivedBase:
    def test_mean_over_eight_is_a_breach_where_the_rule_states_a_minimum(self) -> None:
        """ACRO's preset states 10 for every statistic: a mean over 8 breaks it for certain."""
        (violation,) = audit_derived([mean_over(8)], ACRO_DEFAULTS)
        assert violation.confirmed
        assert () == audit_derived([mean_over(10)], ACRO_DEFAULTS)

    def test_mean_over_eight_is_judgement_where_the_minimum_is_unverified(self) -> None:
        """Stats NZ's 20 for magnitudes is unverified: a mean over 8 is left to judgement."""
        (violation,) = audit_derived([mean_over(8)], STATS_NZ_RR3)
        assert not violation.confirmed
        (tiny,) = audit_derived([mean_over(4)], STATS_NZ_RR3)
        assert tiny.confirmed

    def test_a_verified_magnitude_minimum_confirms(self) -> None:
        """Taking the magnitude minimum out of `unverified` makes breaking it a breach."""
        rules = attrs.evolve(STATS_NZ_RR3, unverified=(), source="test rules")
        (violation,) = audit_derived([mean_over(8)], rules)
        assert violation.confirmed

    def test_unrecorded_kind_is_judgement_between_the_minimums(self) -> None:
        """A statistic of unknown kind over 8 may be a share (fine) or a mean (not)."""
        rules = attrs.evolve(STATS_NZ_RR3, unverified=(), source="test rules")
        (violation,) = audit_derived([mean_over(8, None)], rules)
        assert not violation.confirmed

    @pytest.mark.parametrize(
        ("rules", "count", "expected"),
        [
            (ACRO_DEFAULTS, 8, Status.NOT_MET),
            (ACRO_DEFAULTS, 10, Status.MET),
            (STATS_NZ_RR3, 8, Status.NEEDS_REVIEW),
            (STATS_NZ_RR3, 20, Status.MET),
        ],
    )
    def test_sv010(self, rules: ConfidentialityRules, count: int, expected: Status) -> None:
        """SV010: not met where the standard states the minimum, review where it is open."""
        insight = Insight("i", derived_statistics=(mean_over(count),))
        finding = _by_check(insight, "SV010", settings=settings_with(rules))["SV010"]
        assert expected is finding.status


# --------------------------------------------------------------------------------------------
# The ACRO-aligned preset
# --------------------------------------------------------------------------------------------


class TestAcroPreset:
    def test_values_match_acro_default_yaml(self) -> None:
        """Threshold 10, zeros disclosive, no rounding, every minimum stated (none unverified)."""
        assert (10, False, RoundingMethod.NONE, 10, 10, ()) == (
            ACRO_DEFAULTS.suppression_threshold,
            ACRO_DEFAULTS.zero_exempt,
            ACRO_DEFAULTS.rounding,
            ACRO_DEFAULTS.min_underlying_count,
            ACRO_DEFAULTS.min_underlying_count_magnitude,
            ACRO_DEFAULTS.unverified,
        )
        assert GroupDisclosure.BREACH is ACRO_DEFAULTS.group_disclosure
        assert "fe729ae84e8ac9e313b8223da9d167daa976d13f" in (ACRO_DEFAULTS.url or "")

    def test_zeros_and_cells_under_ten_are_withheld(self) -> None:
        """Under ACRO's preset a zero and a 9 are withheld, a 10 is not."""
        table = Table.from_counts(("a", "b"), ("x", "y", "z"), ((0, 9, 10), (30, 40, 50)))
        result = suppress(table, ACRO_DEFAULTS)
        assert {(0, 0), (0, 1)} <= {(loc.row, loc.column) for loc in result.primary}
        assert () == audit(result.published, ACRO_DEFAULTS)
