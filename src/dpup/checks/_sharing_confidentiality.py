"""Sharing Value checks on the confidentiality of insight tables (SV007 to SV010).

These checks apply a published confidentiality standard (``Settings.confidentiality``; Stats NZ
random rounding to base 3 by default) through ``dpup.disclosure_control``: `audit` for tables
and `audit_derived` for percentages and means. They are STANDARD checks, not law: a table that
truly identifies nobody is outside the Privacy Act, and these rules are what make it so.

Findings point at positions (``tables[0].published[1][2]``, ``tables[0].row_totals[1]``,
``derived_statistics[2].underlying_counts[0]``) and never carry a count. The family module
``dpup.checks.sharing`` lists these checks in its ``CHECKS`` table.
"""

from __future__ import annotations

from collections.abc import Iterator

from dpup.checks._util import unrecorded
from dpup.disclosure_control import (
    ConfidentialityRules,
    DerivedStatistic,
    DisclosureRule,
    Location,
    LocationKind,
    RoundingMethod,
    StatisticKind,
    Table,
    audit,
    audit_derived,
)
from dpup.engine import EvaluationContext, Outcome, check, met, needs_review, not_met
from dpup.engine import not_applicable as n_a
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import Insight
from dpup.policy import Principle

__all__ = [
    "derived_statistic_small_base",
    "rounding_not_to_standard",
    "small_cell_published",
    "suppressed_cell_recoverable",
]

_KT = Principle.KAITIAKITANGA
_MH = Principle.MAHITAHITANGA
_STAT = Reviewer.STATISTICIAN

_SMALL: frozenset[DisclosureRule] = frozenset({DisclosureRule.SMALL_CELL_PUBLISHED})
_RECOVERABLE: frozenset[DisclosureRule] = frozenset(
    {DisclosureRule.RECOVERABLE_BY_SUBTRACTION, DisclosureRule.RECOVERABLE_BY_COMBINATION}
)
_ROUNDING: frozenset[DisclosureRule] = frozenset(
    {
        DisclosureRule.ZERO_CHANGED,
        DisclosureRule.UNROUNDED,
        DisclosureRule.NOT_MULTIPLE_OF_THREE,
        DisclosureRule.ROUNDED_TOO_FAR,
        DisclosureRule.ROUNDED_TO_ZERO,
    }
)
_NO_TABLES = "The insight publishes no tables of counts."
_SUPPLY_TABLES = (
    "supply each table with its raw and published counts (tables) so dpup can audit it "
    "against the confidentiality standard"
)


def _location_path(index: int, location: Location) -> str:
    """Give the path of a table position, relative to the insight."""
    kind = location.kind
    base = f"tables[{index}]"
    if kind is LocationKind.CELL:
        return f"{base}.published[{location.row}][{location.column}]"
    if kind is LocationKind.ROW_TOTAL:
        return f"{base}.row_totals[{location.row}]"
    if kind is LocationKind.COLUMN_TOTAL:
        return f"{base}.column_totals[{location.column}]"
    return f"{base}.grand_total"


def _violations(
    tables: tuple[Table, ...], rules: ConfidentialityRules, wanted: frozenset[DisclosureRule]
) -> list[str]:
    """Audit every table and return the paths of positions breaking any of ``wanted``."""
    paths: list[str] = []
    for index, table in enumerate(tables):
        for violation in audit(table, rules):
            if violation.rule in wanted:
                path = _location_path(index, violation.location)
                # A value can break two rounding rules at once; name its position once.
                if not paths or paths[-1] != path:
                    paths.append(path)
    return paths


@check(
    id="SV007",
    name="small-cell-published",
    principles=(_KT, _MH),
    basis=Basis.STANDARD,
    severity=Severity.HIGH,
    subject=Insight,
    remediation=(
        "Withhold every count above zero and below the suppression threshold, totals "
        "included, before release (dpup.disclosure_control.suppress or protect)."
    ),
    tags=("confidentiality", "tables"),
)
def small_cell_published(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """No table publishes a small count that the confidentiality standard says to withhold.

    What it checks:
        Each table in ``tables`` is audited against ``Settings.confidentiality``: no cell or
        published total whose true count is above zero and below the suppression threshold
        (6 under both presets) may be published. A recorded ``suppression_threshold`` below
        the standard's also fails. Without tables, the recorded threshold is compared with
        the standard's.
    Why it matters:
        A handful of people in one cell of a table by ethnicity, locality or service can be
        recognised by neighbours, whānau or staff. Withholding small counts (primary
        suppression) is how New Zealand's statistics producers keep aggregate outputs
        non-personal, and so how a shared insight stays safe to share.
    How to meet it:
        Run ``dpup.disclosure_control.protect`` (suppress, then round) on each table before
        release and record the tables with their raw counts, or record the threshold you
        applied.
    References:
        Standard, not law: Stats NZ, "Safeguarding confidentiality" and its 2013 Census
        confidentiality rules (counts of 6 or more are generally released); MSD, "How we keep
        data private" (primary suppression below 6). DPUP Sharing Value (is there any risk
        someone could be identified?) and the Mahitahitanga principle (guard against
        re-identification).
    """
    rules = ctx.settings.confidentiality
    if rules.suppression_threshold == 0:
        return n_a("The confidentiality standard in use withholds no small counts.")
    declared = insight.suppression_threshold
    declared_low = declared is not None and declared < rules.suppression_threshold
    if insight.tables is None:
        if declared is None:
            return unrecorded(
                "the tables of counts, or the suppression threshold applied",
                "tables",
                "suppression_threshold",
                reviewer=_STAT,
                settle_with=(_SUPPLY_TABLES, "or record the threshold (suppression_threshold)"),
            )
        if declared_low:
            return not_met(
                "The recorded suppression threshold is below the confidentiality standard's.",
                "suppression_threshold",
            )
        return met(
            "The recorded suppression threshold meets the confidentiality standard.",
            "suppression_threshold",
        )
    if not insight.tables:
        return n_a(_NO_TABLES, "tables")
    paths = _violations(insight.tables, rules, _SMALL)
    if paths:
        message = "A count below the suppression threshold is published."
        if declared_low:
            message = (
                "A count below the suppression threshold is published, and the recorded "
                "threshold is below the standard's."
            )
            paths.append("suppression_threshold")
        return not_met(message, *paths)
    if declared_low:
        return not_met(
            "The recorded suppression threshold is below the confidentiality standard's.",
            "suppression_threshold",
        )
    return met("No count below the suppression threshold is published.", "tables")


@check(
    id="SV008",
    name="suppressed-cell-recoverable",
    principles=(_KT, _MH),
    basis=Basis.STANDARD,
    severity=Severity.HIGH,
    subject=Insight,
    remediation=(
        "Where a row or column total is published, withhold a second value in any line that "
        "hides only one, or withhold the total (secondary suppression; "
        "dpup.disclosure_control.suppress does this)."
    ),
    tags=("confidentiality", "tables"),
)
def suppressed_cell_recoverable(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """No withheld count can be worked out from the totals published beside it.

    What it checks:
        Each table in ``tables`` is audited against ``Settings.confidentiality`` for withheld
        cells (and withheld small totals) that published totals give away: the only hidden
        value in a row or column with a published total, or a value several totals pin down
        together. Without tables, ``secondary_suppression_done`` is read.
    Why it matters:
        Suppressing a small cell achieves nothing if the row total is published and the
        other cells are not withheld: subtraction recovers it. Secondary suppression closes
        that gap and is part of the same published practice as primary suppression.
    How to meet it:
        Use ``dpup.disclosure_control.suppress`` or ``protect``, which add secondary
        suppressions, and record the tables with their raw counts.
    References:
        Standard, not law: MSD, "How we keep data private" (secondary suppression so removed
        values cannot be calculated back); Stats NZ, 2013 Census confidentiality rules. DPUP
        Mahitahitanga principle (guard against re-identification).
    """
    rules = ctx.settings.confidentiality
    if not rules.secondary_suppression:
        return n_a("The confidentiality standard in use does not ask for secondary suppression.")
    if insight.tables is None:
        done = insight.secondary_suppression_done
        if done is None:
            return unrecorded(
                "the tables of counts, or whether secondary suppression was applied",
                "tables",
                "secondary_suppression_done",
                reviewer=_STAT,
                settle_with=(_SUPPLY_TABLES,),
            )
        if not done:
            return needs_review(
                "Secondary suppression was not applied; totals may give withheld counts away.",
                "secondary_suppression_done",
                reviewer=_STAT,
                settle_with=(
                    "confirm that no total is published beside a withheld count",
                    _SUPPLY_TABLES,
                ),
            )
        return met("Secondary suppression was applied.", "secondary_suppression_done")
    if not insight.tables:
        return n_a(_NO_TABLES, "tables")
    paths = _violations(insight.tables, rules, _RECOVERABLE)
    if paths:
        return not_met("A withheld count can be worked out from the published totals.", *paths)
    return met("No withheld count can be worked out from the published totals.", "tables")


# The recorded methods that satisfy each rounding standard. MSD's no-zero variant only
# publishes values unbiased RR3 also allows (1 and 2 become 3), so it satisfies an RR3
# standard; the reverse does not hold.
_SATISFIES: dict[RoundingMethod, frozenset[RoundingMethod]] = {
    RoundingMethod.RR3: frozenset({RoundingMethod.RR3, RoundingMethod.RR3_NO_ZERO}),
    RoundingMethod.RR3_NO_ZERO: frozenset({RoundingMethod.RR3_NO_ZERO}),
}


def _meets_method(recorded: RoundingMethod, standard: RoundingMethod) -> bool:
    """Tell whether a recorded rounding method satisfies a standard that rounds."""
    return recorded in _SATISFIES[standard]


@check(
    id="SV009",
    name="rounding-not-to-standard",
    principles=(_KT,),
    basis=Basis.STANDARD,
    severity=Severity.MEDIUM,
    subject=Insight,
    remediation=(
        "Round every published count and total to base 3 as the standard says (Stats NZ RR3, "
        "or MSD's variant that never rounds to zero) and record the method used."
    ),
    tags=("confidentiality", "tables"),
)
def rounding_not_to_standard(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """Published counts are randomly rounded to base 3 as the confidentiality standard says.

    What it checks:
        Each table in ``tables`` is audited against ``Settings.confidentiality``: every
        published value, totals included, is a multiple of 3 within 2 of its true count, a
        true zero stays zero, and (under MSD's variant) no 1 or 2 becomes zero. The recorded
        ``rounding`` must not be "none". Without tables, the recorded method is compared with
        the standard's.
    Why it matters:
        Random rounding adds noise that keeps single small counts from being read exactly
        while leaving totals close to the truth. Counts published unrounded, or rounded the
        wrong way, lose that protection; an unrecorded method leaves readers unsure whether
        numbers are exact.
    How to meet it:
        Use ``dpup.disclosure_control.protect`` or ``round_table`` with a seeded generator,
        and record the method in ``rounding``.
    References:
        Standard, not law: Stats NZ, "Safeguarding confidentiality" (random rounding to base
        3, totals rounded independently); MSD, "How we keep data private" (no cell moved by
        more than 2; 1 and 2 published as 3). DPUP Kaitiakitanga principle.
    """
    rules = ctx.settings.confidentiality
    standard = rules.rounding
    if standard is RoundingMethod.NONE:
        return n_a("The confidentiality standard in use does not round counts.")
    recorded = insight.rounding
    if recorded is RoundingMethod.NONE:
        return not_met(
            "The insight records that counts are published unrounded; the standard rounds them.",
            "rounding",
        )
    if insight.tables is None:
        if recorded is None:
            return unrecorded(
                "the rounding method, or the tables of counts",
                "rounding",
                "tables",
                reviewer=_STAT,
                settle_with=(_SUPPLY_TABLES, "or record the rounding method (rounding)"),
            )
        if _meets_method(recorded, standard):
            return met("The recorded rounding method meets the standard.", "rounding")
        return not_met("The recorded rounding method does not meet the standard.", "rounding")
    if not insight.tables:
        return n_a(_NO_TABLES, "tables")
    paths = _violations(insight.tables, rules, _ROUNDING)
    if paths:
        return not_met("A published value is not rounded as the standard requires.", *paths)
    if recorded is None:
        return needs_review(
            "Published values fit the standard's rounding, but the method is not recorded.",
            "rounding",
            reviewer=_STAT,
            settle_with=(
                "record the rounding method (rounding) so readers know counts are rounded",
            ),
        )
    return met("Every published value is rounded as the standard requires.", "rounding", "tables")


def _certain_minimum(kind: StatisticKind | None, rules: ConfidentialityRules) -> int:
    """Give the smallest base that applies whatever the kind and however unverified a rule is.

    A count below it breaks the standard for certain; one between it and the applied minimum
    breaks it only if the statistic is a magnitude or the unverified magnitude rule holds.
    """
    magnitude = rules.min_underlying_count_magnitude
    if "min_underlying_count_magnitude" in rules.unverified:
        # A mean over fewer people than the count threshold discloses at least as much as
        # the count itself, so the count threshold is certain even when the magnitude one is not.
        magnitude = min(magnitude, rules.min_underlying_count)
    if kind is None:
        return min(rules.min_underlying_count, magnitude)
    return magnitude if kind.magnitude else rules.min_underlying_count


def _derived_paths(
    statistics: tuple[DerivedStatistic, ...], rules: ConfidentialityRules
) -> tuple[list[str], list[str]]:
    """Split small underlying counts into certain breaches and ones a statistician must judge."""
    certain: list[str] = []
    doubtful: list[str] = []
    for violation in audit_derived(statistics, rules):
        statistic = statistics[violation.index]
        count = statistic.underlying_counts[violation.count_index]
        path = f"derived_statistics[{violation.index}].underlying_counts[{violation.count_index}]"
        if count < _certain_minimum(statistic.kind, rules):
            certain.append(path)
        else:
            doubtful.append(path)
            if statistic.kind is None:
                doubtful.append(f"derived_statistics[{violation.index}].kind")
    return certain, doubtful


def _uncounted(statistics: tuple[DerivedStatistic, ...]) -> Iterator[str]:
    for index, statistic in enumerate(statistics):
        if not statistic.underlying_counts:
            yield f"derived_statistics[{index}].underlying_counts"


@check(
    id="SV010",
    name="derived-statistic-small-base",
    principles=(_KT,),
    basis=Basis.STANDARD,
    severity=Severity.HIGH,
    subject=Insight,
    remediation=(
        "Withhold percentages and means built on small counts, or combine categories until "
        "every underlying count reaches the standard's minimum."
    ),
    tags=("confidentiality", "derived-statistics"),
)
def derived_statistic_small_base(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """Percentages, ratios and means do not rest on counts too small to publish.

    What it checks:
        ``derived_statistics`` are audited against ``Settings.confidentiality``: every
        underlying count of a percentage, proportion or ratio reaches the count minimum (6
        under both presets), and every count behind a mean, median, quantile or sum reaches
        the magnitude minimum (20, unverified). A count below the count minimum fails; one
        that fails only the unverified magnitude minimum, or a statistic whose kind is not
        recorded, goes to a statistician.
    Why it matters:
        "40% of the three Pacific families" tells a reader as much as the count itself, and a
        mean income over a few people can expose one of them. Derived statistics need the
        same protection as the counts beneath them.
    How to meet it:
        Record each statistic's kind and underlying counts; suppress those on small bases or
        widen the groups.
    References:
        Standard, not law: Stats NZ, 2013 Census confidentiality rules 5 to 8 (proportions,
        ratios, means and quantiles have their own rules); Stats NZ IDI output practice
        (magnitudes commonly need 20 units; unverified). DPUP Kaitiakitanga principle.
    """
    statistics = insight.derived_statistics
    if statistics is None:
        return unrecorded(
            "the derived statistics published (percentages, means), or that there are none",
            "derived_statistics",
            reviewer=_STAT,
            settle_with=(
                "record each derived statistic with its kind and underlying counts, or an "
                "empty list (derived_statistics)",
            ),
        )
    if not statistics:
        return n_a("The insight publishes no derived statistics.", "derived_statistics")
    rules = ctx.settings.confidentiality
    certain, doubtful = _derived_paths(statistics, rules)
    if certain:
        return not_met(
            "A derived statistic rests on an underlying count below the standard's minimum.",
            *certain,
        )
    missing = list(_uncounted(statistics))
    if doubtful or missing:
        return needs_review(
            "A derived statistic may rest on too small a base: its kind, its underlying counts "
            "or the magnitude minimum needs confirming.",
            *doubtful,
            *missing,
            reviewer=_STAT,
            settle_with=(
                "record each statistic's kind and underlying counts (derived_statistics)",
                "confirm the minimum base for means and other magnitudes in the data source's "
                "output rules",
            ),
        )
    return met(
        "Every derived statistic rests on counts at or above the standard's minimum.",
        "derived_statistics",
    )
