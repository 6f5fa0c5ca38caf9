"""SV007 small-cell-published: a Sharing Value check.

No table publishes a small count that the confidentiality standard says to withhold.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv007_small_cell_published.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MH,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.checkdef import not_applicable as n_a
from dpup.checks.sharing_value._helpers import (
    NO_TABLES,
    STAT,
    SUPPLY_TABLES,
    table_violations,
    tables_field,
)
from dpup.disclosure_control import ConfidentialityRules, DisclosureRule, GroupDisclosure
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import Insight

__all__ = ["small_cell_published"]


_SMALL: frozenset[DisclosureRule] = frozenset({DisclosureRule.SMALL_CELL_PUBLISHED})
_GROUP: frozenset[DisclosureRule] = frozenset({DisclosureRule.GROUP_DISCLOSURE})
_GROUP_MESSAGE = (
    "Published zeros show that everyone in a row or column of a table falls in one category."
)


def _group_outcome(insight: Insight, rules: ConfidentialityRules) -> Outcome | None:
    """Judge zeros that put a whole group in one category, as the standard says to."""
    if rules.group_disclosure is GroupDisclosure.IGNORE:
        return None
    paths = table_violations(insight, rules, _GROUP)
    if not paths:
        return None
    if rules.group_disclosure is GroupDisclosure.BREACH:
        return not_met(_GROUP_MESSAGE, *paths)
    return needs_review(
        _GROUP_MESSAGE,
        *paths,
        reviewer=STAT,
        settle_with=(
            "judge whether telling the recipient that a whole group falls in one category "
            "harms them; if it does, withhold the line's values or combine categories",
        ),
    )


@check(
    id="SV007",
    name="small-cell-published",
    principles=(KT, MH),
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
        Each table in ``tables`` and ``cross_tables`` (more than two dimensions, with group
        subtotals and margins) is audited against ``Settings.confidentiality``: no cell,
        subtotal or published total whose true count is above zero and below the suppression
        threshold (6 under both presets) may be published. A recorded
        ``suppression_threshold`` below the standard's also fails. Without tables, the
        recorded threshold is compared with the standard's. Zeros are exempt from
        suppression, but published zeros that leave only one cell of a row or column (or of
        any line of cells of a cross table) holding anybody tell the reader that the whole
        group falls in that category (group, or attribute, disclosure): that goes to a
        statistician under both presets, and fails under a standard that counts it as
        disclosure (``group_disclosure`` BREACH, as in ``ACRO_DEFAULTS``).
    Why it matters:
        A handful of people in one cell of a table by ethnicity, locality or service can be
        recognised by neighbours, whānau or staff. Withholding small counts (primary
        suppression) is how New Zealand's statistics producers keep aggregate outputs
        non-personal, and so how a shared insight stays safe to share. "Pacific peoples: 0
        completed, 12 withdrew" names no small count, yet tells everyone who knows a Pacific
        client that they withdrew.
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
    if insight.tables is None and insight.cross_tables is None:
        if declared is None:
            return unrecorded(
                "the tables of counts, or the suppression threshold applied",
                "tables",
                "suppression_threshold",
                reviewer=STAT,
                settle_with=(SUPPLY_TABLES, "or record the threshold (suppression_threshold)"),
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
    if not insight.tables and not insight.cross_tables:
        return n_a(NO_TABLES, tables_field(insight))
    paths = table_violations(insight, rules, _SMALL)
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
    group = _group_outcome(insight, rules)
    if group is not None:
        return group
    return met("No count below the suppression threshold is published.", tables_field(insight))
