"""SV015 reporting-burden-not-assessed: a Sharing Value check.

The reporting burden on providers was assessed.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv015_reporting_burden_not_assessed.py``.
"""

from __future__ import annotations

from dpup.checkdef import MH, MN, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import SharingAgreement

__all__ = ["reporting_burden_not_assessed"]


@check(
    id="SV015",
    name="reporting-burden-not-assessed",
    principles=(MH, MN),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=SharingAgreement,
    remediation=(
        "Assess, with providers, the time and cost the reporting asks of them, and trim "
        "what does not earn its keep."
    ),
    tags=("burden",),
)
def reporting_burden_not_assessed(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """The reporting burden on providers was assessed.

    What it checks:
        ``burden_assessed`` is true.
    Why it matters:
        DPUP asks agencies to account for the resources and costs of those they rely on to
        collect data, and to keep reporting easy. An unassessed burden tends to grow until it
        crowds out the service itself.
    How to meet it:
        Work out with providers what each reporting field costs them and whether it is used;
        record that the assessment was done.
    References:
        DPUP Mahitahitanga principle (account for the resources and costs of other agencies;
        cut burden). Good practice beyond the law.
    """
    assessed = agreement.burden_assessed
    if assessed is None:
        return unrecorded(
            "whether the reporting burden on providers was assessed",
            "burden_assessed",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    if not assessed:
        return not_met("The reporting burden on providers was not assessed.", "burden_assessed")
    return met("The reporting burden on providers was assessed.", "burden_assessed")
