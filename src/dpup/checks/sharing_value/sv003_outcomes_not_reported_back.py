"""SV003 outcomes-not-reported-back: a Sharing Value check.

The receiving agency tells providers what their data led to.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv003_outcomes_not_reported_back.py``.
"""

from __future__ import annotations

from dpup.checkdef import MH, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import SharingAgreement

__all__ = ["outcomes_not_reported_back"]


@check(
    id="SV003",
    name="outcomes-not-reported-back",
    principles=(MH,),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=SharingAgreement,
    remediation=(
        "Agree that the receiving agency tells providers what their data was used for and "
        "what it led to (decisions, advice, reports)."
    ),
    tags=("share-back",),
)
def outcomes_not_reported_back(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """The receiving agency tells providers what their data led to.

    What it checks:
        The agreement says outcomes of using the data are reported back to providers
        (``outcomes_reported_back``).
    Why it matters:
        Without feedback, reporting is a black hole: providers cannot explain to families what
        happens to their information, and nobody learns from it. DPUP's Mahitahitanga
        principle asks for two-way sharing.
    How to meet it:
        Schedule feedback on decisions, advice and reports the data informed.
    References:
        DPUP Mahitahitanga principle; Sharing Value guideline. Good practice beyond the law.
    """
    if agreement.outcomes_reported_back is None:
        return unrecorded("whether outcomes are reported back", "outcomes_reported_back")
    if not agreement.outcomes_reported_back:
        return not_met("Providers are not told what their data led to.", "outcomes_reported_back")
    return met("Outcomes are reported back to providers.", "outcomes_reported_back")
