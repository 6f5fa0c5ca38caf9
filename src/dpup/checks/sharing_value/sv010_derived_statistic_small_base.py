"""SV010 derived-statistic-small-base: a Sharing Value check.

Percentages, ratios and means do not rest on counts too small to publish.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv010_derived_statistic_small_base.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

from dpup.checkdef import (
    KT,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.checkdef import not_applicable as n_a
from dpup.checks.sharing_value._helpers import STAT
from dpup.disclosure_control import ConfidentialityRules, DerivedStatistic, audit_derived
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import Insight

__all__ = ["derived_statistic_small_base"]


def _derived_paths(
    statistics: tuple[DerivedStatistic, ...], rules: ConfidentialityRules
) -> tuple[list[str], list[str]]:
    """Split small underlying counts into certain breaches and ones a statistician must judge."""
    certain: list[str] = []
    doubtful: list[str] = []
    for violation in audit_derived(statistics, rules):
        path = f"derived_statistics[{violation.index}].underlying_counts[{violation.count_index}]"
        if violation.confirmed:
            certain.append(path)
        else:
            doubtful.append(path)
            if violation.kind is None:
                doubtful.append(f"derived_statistics[{violation.index}].kind")
    return certain, doubtful


def _uncounted(statistics: tuple[DerivedStatistic, ...]) -> Iterator[str]:
    for index, statistic in enumerate(statistics):
        if not statistic.underlying_counts:
            yield f"derived_statistics[{index}].underlying_counts"


@check(
    id="SV010",
    name="derived-statistic-small-base",
    principles=(KT,),
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
        the magnitude minimum (20, unverified, under both presets). A count below a minimum
        the standard states for certain fails (under ``ACRO_DEFAULTS``, where every minimum
        is 10 and verified, a mean over 8 fails); one that fails only an unverified minimum,
        or a statistic whose kind is not recorded, goes to a statistician.
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
            reviewer=STAT,
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
            reviewer=STAT,
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
