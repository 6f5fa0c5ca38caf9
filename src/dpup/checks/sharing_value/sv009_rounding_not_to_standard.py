"""SV009 rounding-not-to-standard: a Sharing Value check.

Published counts are randomly rounded to base 3 as the confidentiality standard says.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv009_rounding_not_to_standard.py``.
"""

from __future__ import annotations

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
from dpup.checks.sharing_value._helpers import (
    NO_TABLES,
    STAT,
    SUPPLY_TABLES,
    table_violations,
    tables_field,
)
from dpup.disclosure_control import DisclosureRule, RoundingMethod, meets_rounding
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import Insight

__all__ = ["rounding_not_to_standard"]


_ROUNDING: frozenset[DisclosureRule] = frozenset(
    {
        DisclosureRule.ZERO_CHANGED,
        DisclosureRule.UNROUNDED,
        DisclosureRule.NOT_MULTIPLE_OF_THREE,
        DisclosureRule.ROUNDED_TOO_FAR,
        DisclosureRule.ROUNDED_TO_ZERO,
    }
)


@check(
    id="SV009",
    name="rounding-not-to-standard",
    principles=(KT,),
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
        Each table in ``tables`` and ``cross_tables`` is audited against
        ``Settings.confidentiality``: every published value, totals and subtotals included,
        is a multiple of 3 within 2 of its true count, a true zero stays zero, and (under
        MSD's variant) no 1 or 2 becomes zero. The recorded ``rounding`` must not be "none".
        Without tables, the recorded method is compared with the standard's.
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
    if insight.tables is None and insight.cross_tables is None:
        if recorded is None:
            return unrecorded(
                "the rounding method, or the tables of counts",
                "rounding",
                "tables",
                reviewer=STAT,
                settle_with=(SUPPLY_TABLES, "or record the rounding method (rounding)"),
            )
        if meets_rounding(recorded, standard):
            return met("The recorded rounding method meets the standard.", "rounding")
        return not_met("The recorded rounding method does not meet the standard.", "rounding")
    if not insight.tables and not insight.cross_tables:
        return n_a(NO_TABLES, tables_field(insight))
    paths = table_violations(insight, rules, _ROUNDING)
    if paths:
        return not_met("A published value is not rounded as the standard requires.", *paths)
    if recorded is None:
        return needs_review(
            "Published values fit the standard's rounding, but the method is not recorded.",
            "rounding",
            reviewer=STAT,
            settle_with=(
                "record the rounding method (rounding) so readers know counts are rounded",
            ),
        )
    return met(
        "Every published value is rounded as the standard requires.",
        "rounding",
        tables_field(insight),
    )
