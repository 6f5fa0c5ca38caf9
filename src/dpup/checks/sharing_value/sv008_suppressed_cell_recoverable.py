"""SV008 suppressed-cell-recoverable: a Sharing Value check.

No withheld count can be worked out from the totals published beside it.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv008_suppressed_cell_recoverable.py``.
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
from dpup.disclosure_control import DisclosureRule
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import Insight

__all__ = ["suppressed_cell_recoverable"]


_RECOVERABLE: frozenset[DisclosureRule] = frozenset(
    {DisclosureRule.RECOVERABLE_BY_SUBTRACTION, DisclosureRule.RECOVERABLE_BY_COMBINATION}
)
_SMALL_SUM: frozenset[DisclosureRule] = frozenset({DisclosureRule.WITHHELD_SUM_SMALL})


@check(
    id="SV008",
    name="suppressed-cell-recoverable",
    principles=(KT, MH),
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
        Each table in ``tables`` and ``cross_tables`` is audited against
        ``Settings.confidentiality`` for withheld cells (and withheld small totals or
        subtotals) that published totals give away: the only hidden
        value in a row or column with a published total, or a value several totals pin down
        together, or values withheld together in a line whose published total shows that
        they add up to a small count (after rounding: that every sum the rounding allows is
        small). Without tables, ``secondary_suppression_done`` is read. A withheld value
        is ``None`` in the published table by design, so the evidence points at what is
        recorded: the true count a withheld cell hides (``tables[].raw[r][c]``), the label of
        a row or column whose withheld total can be worked out, or the raw counts behind a
        withheld grand total. In a table of more than two dimensions every line counts: along
        each dimension, up each level of a hierarchy (a region is the sum of its districts),
        and any combination of published margins that pins a value down; the evidence is the
        true count a withheld cell hides (``cross_tables[].raw[k]``) or the table's raw counts
        for a withheld subtotal.
    Why it matters:
        Suppressing a small cell achieves nothing if the row total is published and the
        other cells are not withheld: subtraction recovers it. Secondary suppression closes
        that gap and is part of the same published practice as primary suppression. Two
        withheld cells beside a published total still tell the reader how many people they
        hold between them: Pacific 1 and European 2 withheld under a total of 48 with Māori
        45 published says the two hide 3 people.
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
    if insight.tables is None and insight.cross_tables is None:
        done = insight.secondary_suppression_done
        if done is None:
            return unrecorded(
                "the tables of counts, or whether secondary suppression was applied",
                "tables",
                "secondary_suppression_done",
                reviewer=STAT,
                settle_with=(SUPPLY_TABLES,),
            )
        if not done:
            return needs_review(
                "Secondary suppression was not applied; totals may give withheld counts away.",
                "secondary_suppression_done",
                reviewer=STAT,
                settle_with=(
                    "confirm that no total is published beside a withheld count",
                    SUPPLY_TABLES,
                ),
            )
        return met("Secondary suppression was applied.", "secondary_suppression_done")
    if not insight.tables and not insight.cross_tables:
        return n_a(NO_TABLES, tables_field(insight))
    paths = table_violations(insight, rules, _RECOVERABLE, withheld=True)
    sums = [
        path
        for path in table_violations(insight, rules, _SMALL_SUM, withheld=True)
        if path not in paths
    ]
    if paths and sums:
        return not_met(
            "A withheld count can be worked out from the published totals, and withheld "
            "counts elsewhere add up to a small number that a published total reveals.",
            *paths,
            *sums,
        )
    if paths:
        return not_met("A withheld count can be worked out from the published totals.", *paths)
    if sums:
        return not_met(
            "Withheld counts in a row or column add up to a small number that its published "
            "total reveals.",
            *sums,
        )
    return met(
        "No withheld count can be worked out from the published totals.", tables_field(insight)
    )
