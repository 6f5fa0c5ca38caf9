"""Issue 22, item 1: dominance in magnitude tables (the n-k rule and the p% rule)."""

from __future__ import annotations

import re

import attrs
import pytest

from dpup.disclosure_control import (
    ACRO_DEFAULTS,
    STATS_NZ_RR3,
    CellMagnitude,
    ConfidentialityRules,
    DisclosureRule,
    MagnitudeTable,
    audit_magnitude,
    contributions_missing,
    contributions_needed,
)
from dpup.errors import InputError

# Grant dollars per client: 24 clients, $51,450 in all, one of them received $48,000.
DOMINATED = CellMagnitude(total=51_450, contributors=24, largest=(48_000, 1_000))
# The same total spread out: the two largest hold $30,000, the other 22 hold $21,450.
SPREAD = CellMagnitude(total=51_450, contributors=24, largest=(20_000, 10_000))


def grants(*cells: CellMagnitude, published: tuple[bool, ...] | None = None) -> MagnitudeTable:
    """A one-row table of grant dollars by region."""
    columns = tuple(f"Region {i}" for i in range(len(cells)))
    return MagnitudeTable(
        row_labels=("Grants",),
        column_labels=columns,
        cells=(cells,),
        published=(published or tuple(True for _ in cells),),
    )


def rules_found(
    table: MagnitudeTable, rules: ConfidentialityRules = ACRO_DEFAULTS
) -> set[DisclosureRule]:
    """The rules broken anywhere in the table."""
    return {v.rule for v in audit_magnitude(table, rules)}


class TestDominance:
    def test_issue_case_breaks_both_rules(self) -> None:
        """$48,000 of $51,450 over 24 contributors is dominated (n-k) and fails the p% rule."""
        assert {DisclosureRule.DOMINANCE, DisclosureRule.P_PERCENT} == rules_found(
            grants(DOMINATED)
        )

    def test_spread_cell_passes(self) -> None:
        """With the same total and contributors spread out, neither rule objects."""
        assert set() == rules_found(grants(SPREAD))

    def test_n_k_boundary_is_inclusive_as_in_acro(self) -> None:
        """The top two holding exactly 90% is dominated (ACRO tests >= k); just under is not."""
        at = CellMagnitude(total=1_000, contributors=20, largest=(500, 400))
        under = CellMagnitude(total=1_000, contributors=20, largest=(500, 399))
        assert DisclosureRule.DOMINANCE in rules_found(grants(at))
        assert DisclosureRule.DOMINANCE not in rules_found(grants(under))

    def test_p_percent_boundary(self) -> None:
        """The rest must reach p of the largest: 10 of 100 is enough, 9 is not."""
        n_k_off = attrs.evolve(ACRO_DEFAULTS, dominance_n=0)
        enough = CellMagnitude(total=160, contributors=20, largest=(100, 50))
        short = CellMagnitude(total=159, contributors=20, largest=(100, 50))
        assert set() == rules_found(grants(enough), n_k_off)
        assert {DisclosureRule.P_PERCENT} == rules_found(grants(short), n_k_off)

    def test_few_contributors_is_a_small_cell(self) -> None:
        """Fewer contributors than the threshold is a small cell, as in a count table."""
        few = CellMagnitude(total=51_450, contributors=9, largest=(6_000, 5_900))
        assert DisclosureRule.SMALL_CELL_PUBLISHED in rules_found(grants(few))

    def test_withheld_cells_are_not_checked(self) -> None:
        """A withheld cell publishes nothing to check."""
        assert set() == rules_found(grants(DOMINATED, SPREAD, published=(False, True)))

    def test_rules_can_be_switched_off(self) -> None:
        """Setting n or p to 0 turns the matching rule off."""
        off = attrs.evolve(ACRO_DEFAULTS, dominance_n=0, p_ratio=0)
        assert set() == rules_found(grants(DOMINATED), off)

    def test_location_and_message_carry_no_amounts(self) -> None:
        """Findings name the cell by position and label, never an amount."""
        violations = audit_magnitude(grants(SPREAD, DOMINATED), ACRO_DEFAULTS)
        assert {(0, 1)} == {(v.location.row, v.location.column) for v in violations}
        for violation in violations:
            assert not re.search(r"\d{3}", str(violation))

    def test_stats_nz_preset_uses_the_unverified_defaults(self) -> None:
        """Stats NZ's preset carries ACRO's values, listed as unverified."""
        assert {DisclosureRule.DOMINANCE, DisclosureRule.P_PERCENT} == rules_found(
            grants(DOMINATED), STATS_NZ_RR3
        )
        assert {"dominance_n", "dominance_k", "p_ratio"} <= set(STATS_NZ_RR3.unverified)
        assert not {"dominance_n", "dominance_k", "p_ratio"} & set(ACRO_DEFAULTS.unverified)
        assert (2, 0.90, 0.10) == (
            ACRO_DEFAULTS.dominance_n,
            ACRO_DEFAULTS.dominance_k,
            ACRO_DEFAULTS.p_ratio,
        )

    def test_n_larger_than_given_contributions_is_refused(self) -> None:
        """The n-k rule with n of 3 needs the three largest contributions."""
        rules = attrs.evolve(ACRO_DEFAULTS, dominance_n=3)
        with pytest.raises(InputError, match=r"\$\.cells\[0\]\[0\]"):
            audit_magnitude(grants(DOMINATED), rules)


class TestValidation:
    def test_cell_problems_are_listed_without_amounts(self) -> None:
        """Every problem is reported by path; the amounts are not echoed."""
        with pytest.raises(InputError) as caught:
            CellMagnitude(total=51_450, contributors=24, largest=(1_000, 48_000))
        assert "$.largest" in str(caught.value)
        assert "48" not in str(caught.value)
        with pytest.raises(InputError, match=r"\$\.total"):
            CellMagnitude(total=-1, contributors=2, largest=(0, 0))
        with pytest.raises(InputError, match=r"\$\.contributors"):
            CellMagnitude(total=1, contributors=True, largest=(1,))
        with pytest.raises(InputError, match="two largest"):
            CellMagnitude(total=10, contributors=5, largest=(9,))
        with pytest.raises(InputError, match="no more than the total"):
            CellMagnitude(total=10, contributors=5, largest=(9, 8))
        with pytest.raises(InputError, match="no more contributions"):
            CellMagnitude(total=10, contributors=1, largest=(5, 5))
        with pytest.raises(InputError, match=r"\$\.largest\[1\]"):
            CellMagnitude(total=10, contributors=3, largest=(5, float("nan")))

    def test_table_shape_is_checked(self) -> None:
        """Cells and the published grid must match the labels."""
        with pytest.raises(InputError, match=r"\$\.cells\[0\]"):
            MagnitudeTable(row_labels=("a",), column_labels=("x", "y"), cells=((SPREAD,),))
        with pytest.raises(InputError, match=r"\$\.published\[0\]\[0\]"):
            MagnitudeTable(
                row_labels=("a",), column_labels=("x",), cells=((SPREAD,),), published=((1,),)
            )

    def test_rule_fields_are_validated(self) -> None:
        """The rule set refuses a k of 0, a p of 1 or more, and a negative n."""
        with pytest.raises(InputError, match=r"\$\.dominance_k"):
            attrs.evolve(ACRO_DEFAULTS, dominance_k=0)
        with pytest.raises(InputError, match=r"\$\.p_ratio"):
            attrs.evolve(ACRO_DEFAULTS, p_ratio=1.5)
        with pytest.raises(InputError, match=r"\$\.dominance_n"):
            attrs.evolve(ACRO_DEFAULTS, dominance_n=-1)


class TestUnrecordedAndZeroContributions:
    def test_zero_total_from_contributors_breaks_p_percent(self) -> None:
        """Every contributor gave nothing: the total tells each amount exactly (as in ACRO)."""
        nothing = CellMagnitude(total=0, contributors=59, largest=(0, 0))
        assert rules_found(grants(nothing)) == {DisclosureRule.P_PERCENT}
        empty = CellMagnitude(total=0, contributors=0)
        assert rules_found(grants(empty)) == {DisclosureRule.SMALL_CELL_PUBLISHED}

    def test_unrecorded_shares_are_optional_but_needed_to_audit(self) -> None:
        """Largest contributions may be left out; auditing a published cell then asks for them."""
        unknown = CellMagnitude(total=51_450, contributors=24)
        assert unknown.largest is None
        assert contributions_missing(unknown, ACRO_DEFAULTS)
        assert not contributions_missing(SPREAD, ACRO_DEFAULTS)
        assert contributions_needed(ACRO_DEFAULTS) == 2
        assert contributions_needed(attrs.evolve(ACRO_DEFAULTS, dominance_n=0, p_ratio=0)) == 0
        with pytest.raises(InputError, match=r"\$\.cells\[0\]\[1\]\.largest"):
            audit_magnitude(grants(SPREAD, unknown), ACRO_DEFAULTS)
        assert (
            audit_magnitude(grants(SPREAD, unknown, published=(True, False)), ACRO_DEFAULTS) == ()
        )
