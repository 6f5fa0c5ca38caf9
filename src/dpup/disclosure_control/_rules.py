"""Disclosure control's vocabulary: rounding methods, rules, reasons, and rule sets as data."""

from __future__ import annotations

import enum
from typing import Final

import attrs

from dpup.errors import InputError, Problem

# --------------------------------------------------------------------------------------------
# Enumerations
# --------------------------------------------------------------------------------------------


class RoundingMethod(enum.Enum):
    """How counts are rounded before publication."""

    NONE = "none"
    """No rounding: counts are published as they are."""
    RR3 = "rr3"
    """Stats NZ unbiased random rounding to base 3; 1 and 2 may become 0."""
    RR3_NO_ZERO = "rr3_no_zero"
    """MSD's variant of RR3: 1 and 2 always become 3, so no non-zero count is published as 0."""


class SuppressionReason(enum.Enum):
    """Why a value was withheld."""

    PRIMARY = "primary"
    """The value itself is a small count."""
    SECONDARY = "secondary"
    """The value is withheld so that another withheld value cannot be worked out."""


class LocationKind(enum.Enum):
    """What a `Location` points at."""

    CELL = "cell"
    ROW_TOTAL = "row_total"
    COLUMN_TOTAL = "column_total"
    GRAND_TOTAL = "grand_total"


class GroupDisclosure(enum.Enum):
    """How a rule set treats a line where everyone in a group falls in one category.

    A true zero is useful and is exempt from small-cell suppression by default, but "Pacific
    peoples: 0 completed, 12 withdrew" tells the reader that every Pacific client withdrew.
    Rule sets differ on whether that is a breach or a matter for a statistician's judgement.
    """

    IGNORE = "ignore"
    """The rule set does not consider it."""
    REVIEW = "review"
    """A statistician judges whether the published zeros may stand."""
    BREACH = "breach"
    """The rule set treats it as disclosure (for example because it counts zeros as disclosive)."""


class StatisticKind(enum.Enum):
    """What a derived statistic is; its family (`magnitude`) decides its minimum base.

    This is the one statistic-kind enum in dpup: the domain model (``dpup.model``) re-exports
    it for `Insight.derived_statistics`. Name the statistic specifically where you can; use
    COUNT_BASED or MAGNITUDE for a statistic the list does not name.
    """

    PERCENTAGE = "percentage"
    """A percentage of a count: it inherits the count threshold."""
    PROPORTION = "proportion"
    """A proportion or rate of a count: it inherits the count threshold."""
    RATIO = "ratio"
    """A ratio of two counts: it inherits the count threshold."""
    COUNT_BASED = "count_based"
    """Any other statistic of counts: it inherits the count threshold."""
    MEAN = "mean"
    """A mean of amounts (income, days): a magnitude, which needs a larger base."""
    MEDIAN = "median"
    """A median of amounts: a magnitude."""
    QUANTILE = "quantile"
    """A quartile, decile or other quantile of amounts: a magnitude."""
    SUM = "sum"
    """A sum of amounts (dollars paid, hours): a magnitude."""
    MAGNITUDE = "magnitude"
    """Any other summary of amounts: a magnitude."""

    @property
    def magnitude(self) -> bool:
        """Whether the statistic summarises amounts rather than counts of people."""
        return self in _MAGNITUDES


_MAGNITUDES: Final = frozenset(
    {
        StatisticKind.MEAN,
        StatisticKind.MEDIAN,
        StatisticKind.QUANTILE,
        StatisticKind.SUM,
        StatisticKind.MAGNITUDE,
    }
)


class DisclosureRule(enum.Enum):
    """A disclosure-control rule that a published value can break.

    Rounding rules form a clean set: each published value gets at most one of ZERO_CHANGED or
    UNROUNDED, and only when neither applies is it tested for NOT_MULTIPLE_OF_THREE,
    ROUNDED_TOO_FAR and ROUNDED_TO_ZERO (only the first two can occur together, for example a
    value moved by four). So UNROUNDED replaces NOT_MULTIPLE_OF_THREE for a value left as it was.
    """

    SMALL_CELL_PUBLISHED = "small_cell_published"
    """A value (cell or total) whose raw count is small under the rules is published."""
    RECOVERABLE_BY_SUBTRACTION = "recoverable_by_subtraction"
    """A withheld value is the only unknown in a row or column whose total is published."""
    RECOVERABLE_BY_COMBINATION = "recoverable_by_combination"
    """A withheld value is never alone in a line, yet several lines together give it exactly."""
    WITHHELD_SUM_SMALL = "withheld_sum_small"
    """Several values are withheld in a line with a published total, and what they add up to,
    worked out from that total, is itself small (or, after rounding, can only be small)."""
    GROUP_DISCLOSURE = "group_disclosure"
    """Published zeros show that everyone in a row or column falls in one category."""
    ZERO_CHANGED = "zero_changed"
    """A true zero is published as something else; both RR3 methods keep zero at zero."""
    UNROUNDED = "unrounded"
    """A count that is not a multiple of 3 is published unchanged although rounding applies."""
    NOT_MULTIPLE_OF_THREE = "not_multiple_of_three"
    """A published value was changed, but not to a multiple of 3."""
    ROUNDED_TOO_FAR = "rounded_too_far"
    """A published value is more than 2 away from its raw count."""
    ROUNDED_TO_ZERO = "rounded_to_zero"
    """Under RR3_NO_ZERO, a raw 1 or 2 is published as 0."""
    DOMINANCE = "dominance"
    """In a magnitude table, the largest n contributions make up at least k of a cell's total."""
    P_PERCENT = "p_percent"
    """In a magnitude table, the second largest contributor could estimate the largest to
    within p, because the rest of the cell's total is under p of the largest."""
    SMALL_UNDERLYING_COUNT = "small_underlying_count"
    """A derived statistic rests on an underlying count below the minimum for its kind."""

    @property
    def description(self) -> str:
        """Explain the rule in one generic sentence, with no values or labels."""
        return _DESCRIPTIONS[self]


# Messages deliberately contain no digits, labels or values: a violation report may travel
# further than the raw table, so it must not carry the counts it is protecting.
_DESCRIPTIONS: Final[dict[DisclosureRule, str]] = {
    DisclosureRule.SMALL_CELL_PUBLISHED: (
        "a count below the suppression threshold is published; suppress it"
    ),
    DisclosureRule.RECOVERABLE_BY_SUBTRACTION: (
        "this is the only withheld value in a row or column whose total is published, so "
        "subtraction recovers it; withhold a second value in that line or withhold the total"
    ),
    DisclosureRule.RECOVERABLE_BY_COMBINATION: (
        "this withheld value can be solved exactly by combining several published totals and "
        "cells; withhold more values or withhold a total"
    ),
    DisclosureRule.WITHHELD_SUM_SMALL: (
        "the values withheld in this line add up to a small count that the published total "
        "reveals; withhold another value in the line or withhold the total"
    ),
    DisclosureRule.GROUP_DISCLOSURE: (
        "published zeros show that everyone in this row or column falls in one category; "
        "withhold the line's values or combine categories"
    ),
    DisclosureRule.ZERO_CHANGED: (
        "a true zero is published as non-zero; base-three rounding leaves zero unchanged"
    ),
    DisclosureRule.UNROUNDED: (
        "a count that is not a multiple of three is published unchanged; round it to base three"
    ),
    DisclosureRule.NOT_MULTIPLE_OF_THREE: (
        "a published value is not a multiple of three, so it was not rounded to base three"
    ),
    DisclosureRule.ROUNDED_TOO_FAR: (
        "a published value is more than two away from its true count; base-three rounding "
        "moves a count by at most two"
    ),
    DisclosureRule.ROUNDED_TO_ZERO: (
        "a count of one or two is published as zero; this rounding method publishes it as three"
    ),
    DisclosureRule.DOMINANCE: (
        "a few contributors make up most of this amount, so it tells about them; withhold it "
        "or combine categories"
    ),
    DisclosureRule.P_PERCENT: (
        "the rest of this amount is too small beside its largest contribution, so another "
        "contributor could estimate that one closely; withhold it or combine categories"
    ),
    DisclosureRule.SMALL_UNDERLYING_COUNT: (
        "a derived statistic rests on an underlying count below the minimum for its kind; "
        "withhold it or combine categories"
    ),
}

_RULE_ORDER: Final[dict[DisclosureRule, int]] = {rule: i for i, rule in enumerate(DisclosureRule)}


# --------------------------------------------------------------------------------------------
# Rules as data
# --------------------------------------------------------------------------------------------


def _is_count(value: object) -> bool:
    """Tell whether a value is a non-negative int; bool is excluded although it subclasses int."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


_RULES_COUNT_FIELDS: Final = (
    "suppression_threshold",
    "min_underlying_count",
    "min_underlying_count_magnitude",
)
_RULES_FLAG_FIELDS: Final = ("zero_exempt", "secondary_suppression")
_MAGNITUDE_MINIMUM: Final = "min_underlying_count_magnitude"


@attrs.frozen(kw_only=True)
class ConfidentialityRules:
    """A confidentiality standard for aggregate outputs, with the source it comes from.

    Agencies and data sources differ (census, IDI, agency tables), so every threshold is a field
    and every preset names its source. `attrs.evolve` keeps the citation, so update `source`
    when you change a threshold.

    Attributes:
        source: who sets the standard, as a citation (agency and page title).
        url: where the standard is published.
        rounding: how published counts are rounded.
        suppression_threshold: counts with ``0 < count < suppression_threshold`` are withheld
            (primary suppression). ``0`` turns primary suppression off.
        zero_exempt: whether a zero count is exempt from suppression. A published zero is
            normally harmless and informative, so the default is True.
        secondary_suppression: whether withheld values must be protected from recovery by
            subtraction when totals are published.
        min_underlying_count: the minimum underlying count for count-based derived statistics
            (percentages, proportions, ratios); they inherit the count threshold.
        min_underlying_count_magnitude: the minimum underlying count for magnitudes (means,
            medians, sums). The default of 20 is unverified: see `unverified`.
        dominance_n, dominance_k: the n-k dominance rule for magnitude tables: a published
            cell whose largest ``dominance_n`` contributions make up at least ``dominance_k``
            (a fraction) of its total is disclosive. ``dominance_n`` of 0 turns it off. The
            defaults (2 and 0.90) are ACRO's and are unverified for New Zealand standards.
        p_ratio: the p% rule for magnitude tables: a published cell where the total less its
            two largest contributions is under ``p_ratio`` of the largest is disclosive. 0
            turns it off. The default (0.10) is ACRO's, unverified for New Zealand standards.
        group_disclosure: how a row or column whose published zeros put everyone in one
            category is treated (`GroupDisclosure`); review by default.
        unverified: names of fields whose values could not be checked against a retrieved
            source and must be confirmed before a decision rests on them. A minimum named here
            is applied, but breaking it is left to judgement rather than called a breach.
    """

    source: str
    url: str | None = None
    rounding: RoundingMethod = RoundingMethod.RR3
    suppression_threshold: int = 6
    zero_exempt: bool = True
    secondary_suppression: bool = True
    min_underlying_count: int = 6
    # [U] 20 is the commonly quoted IDI minimum for magnitudes; the IDI output guide's rule text
    # was not retrieved, so it stays listed in `unverified` until someone checks it.
    min_underlying_count_magnitude: int = 20
    # [U] ACRO's defaults; no retrieved New Zealand source states magnitude-table rules.
    dominance_n: int = 2
    dominance_k: float = 0.90
    p_ratio: float = 0.10
    group_disclosure: GroupDisclosure = GroupDisclosure.REVIEW
    unverified: tuple[str, ...] = (
        "min_underlying_count_magnitude",
        "dominance_n",
        "dominance_k",
        "p_ratio",
    )

    def __attrs_post_init__(self) -> None:
        # Annotations are not enforced at run time; read the fields as plain objects so the
        # checks below are real checks, not ones the type checker considers settled.
        given: dict[str, object] = attrs.asdict(self, recurse=False)
        problems: list[Problem] = []
        source = given["source"]
        if not isinstance(source, str) or not source.strip():
            problems.append(Problem("expected a non-empty citation of the standard", "$.source"))
        if given["url"] is not None and not isinstance(given["url"], str):
            problems.append(Problem("expected a URL string or None", "$.url"))
        if not isinstance(given["rounding"], RoundingMethod):
            problems.append(Problem("expected a RoundingMethod", "$.rounding"))
        problems.extend(
            Problem(message, f"$.{name}")
            for name, message, low_open in (
                ("dominance_k", "expected a fraction above 0 and at most 1", True),
                ("p_ratio", "expected a fraction from 0 and below 1", False),
            )
            if not _is_fraction(given[name], low_open=low_open)
        )
        if not _is_count(given["dominance_n"]):
            problems.append(
                Problem("expected a non-negative integer (not a bool)", "$.dominance_n")
            )
        if not isinstance(given["group_disclosure"], GroupDisclosure):
            problems.append(Problem("expected a GroupDisclosure", "$.group_disclosure"))
        problems.extend(
            Problem("expected a non-negative integer (not a bool)", f"$.{name}")
            for name in _RULES_COUNT_FIELDS
            if not _is_count(given[name])
        )
        problems.extend(
            Problem("expected True or False", f"$.{name}")
            for name in _RULES_FLAG_FIELDS
            if not isinstance(given[name], bool)
        )
        unverified = given["unverified"]
        if not isinstance(unverified, tuple):
            problems.append(Problem("expected a tuple of field names", "$.unverified"))
        else:
            problems.extend(
                Problem("expected the name of a ConfidentialityRules field", f"$.unverified[{i}]")
                for i, name in enumerate(unverified)
                if name not in given
            )
        if problems:
            raise InputError(problems)

    def is_small(self, count: int) -> bool:
        """Tell whether a count must be withheld under primary suppression.

        Args:
            count: a true (raw) count.

        Returns:
            True for ``0 < count < suppression_threshold``, and for zero when zero is not exempt
            and the threshold is above zero.
        """
        return _below(count, self.suppression_threshold, zero_exempt=self.zero_exempt)

    def minimum_for(self, kind: StatisticKind | None) -> int:
        """Give the minimum underlying count for a kind of derived statistic.

        Args:
            kind: the statistic's kind, or None when it is not recorded. An unrecorded kind
                gets the larger of the two minimums, so a statistic is never let through on
                the weaker rule only because nobody said what it is.
        """
        if kind is None:
            return max(self.min_underlying_count, self.min_underlying_count_magnitude)
        if kind.magnitude:
            return self.min_underlying_count_magnitude
        return self.min_underlying_count

    def confirmed_minimum_for(self, kind: StatisticKind | None) -> int:
        """Give the base below which a statistic breaks the rules whatever is still open.

        `minimum_for` is what is applied; this is the part of it the rule set states for
        certain. An unverified magnitude minimum is replaced by the count minimum (a mean over
        fewer people than may be published as a count discloses at least as much as the
        count), and an unrecorded kind gets the smaller of the two minimums, since it might be
        either. A count between this and `minimum_for` is left to a statistician's judgement.

        Args:
            kind: the statistic's kind, or None when it is not recorded.
        """
        magnitude = self.min_underlying_count_magnitude
        if _MAGNITUDE_MINIMUM in self.unverified:
            magnitude = min(magnitude, self.min_underlying_count)
        if kind is None:
            return min(self.min_underlying_count, magnitude)
        return magnitude if kind.magnitude else self.min_underlying_count


def _is_fraction(value: object, *, low_open: bool) -> bool:
    """Tell whether a value is a real number in (0, 1] (low_open) or [0, 1) (otherwise)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if low_open:
        return 0 < value <= 1
    return 0 <= value < 1


def _below(count: int, minimum: int, *, zero_exempt: bool) -> bool:
    """Tell whether a count is under a minimum, treating zero as exempt when asked to."""
    if count == 0:
        return not zero_exempt and minimum > 0
    return count < minimum


STATS_NZ_RR3: Final = ConfidentialityRules(
    source="Stats NZ, Safeguarding confidentiality: random rounding to base 3",
    url=(
        "http://archive.stats.govt.nz/about_us/legisln-policies-protocols/"
        "confidentiality-of-info-supplied-to-snz/safeguarding-confidentiality.aspx"
    ),
    rounding=RoundingMethod.RR3,
)
"""Stats NZ practice: unbiased RR3 on every value, totals rounded independently.

Suppression below 6 with secondary suppression is kept on, in line with Stats NZ census practice
of generally releasing counts of 6 or more
(http://m.stats.govt.nz/Census/2013-census/methodology/confidentiality-how-applied.aspx).
"""

MSD_PUBLISHED: Final = ConfidentialityRules(
    source="Ministry of Social Development (MSD), How we keep data private",
    url="https://msd.govt.nz/about-msd-and-our-work/tools/how-we-keep-data-private.html",
    rounding=RoundingMethod.RR3_NO_ZERO,
)
"""MSD's published-table practice: RR3 that never rounds to 0, suppression below 6, secondary."""

ACRO_DEFAULTS: Final = ConfidentialityRules(
    source=(
        "AI-SDC, ACRO (semi-automatic checking of research outputs), default risk appetite, "
        "acro/default.yaml at commit fe729ae84e8ac9e313b8223da9d167daa976d13f"
    ),
    url=(
        "https://github.com/AI-SDC/ACRO/blob/"
        "fe729ae84e8ac9e313b8223da9d167daa976d13f/acro/default.yaml"
    ),
    rounding=RoundingMethod.NONE,
    suppression_threshold=10,
    zero_exempt=False,
    secondary_suppression=True,
    min_underlying_count=10,
    min_underlying_count_magnitude=10,
    dominance_n=2,
    dominance_k=0.90,
    p_ratio=0.10,
    group_disclosure=GroupDisclosure.BREACH,
    unverified=(),
)
"""ACRO's default thresholds as a dpup rule set, for comparison with ACRO's outcomes.

From ACRO's ``default.yaml``: ``safe_threshold: 10`` (every cell, including the cells of a table
of means, needs at least 10 contributors, so both derived-statistic minimums are 10) and
``safe_nk_n: 2`` and ``safe_nk_k: 0.90`` (the n-k rule), ``safe_pratio_p: 0.10`` (the p% rule),
``zeros_are_disclosive: True`` (zeros are not exempt, and a line that zeros place wholly in one
category is a breach). ACRO does not round by default, so rounding is NONE. ACRO leaves
differencing to manual review; dpup keeps its secondary suppression on.
"""
