"""AI013 correction-decision-late: a Access to Information check.

A correction request is decided within 20 working days, or a validly extended limit.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai013_correction_decision_late.py``.
"""

from __future__ import annotations

from dpup.checkdef import KT, MW, EvaluationContext, Outcome, check, not_applicable
from dpup.checks.access_to_information._helpers import deadline_outcome
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import CorrectionRequest

__all__ = ["correction_decision_late"]


@check(
    id="AI013",
    name="correction-decision-late",
    principles=(MW, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP7, LegalRef.PA_S63, LegalRef.PA_S65, LegalRef.PA_S7),
    severity=Severity.HIGH,
    subject=CorrectionRequest,
    remediation=(
        "Tell the person whether you will correct their information as soon as you can and "
        "within 20 working days, or give a valid extension notice within that time."
    ),
    tags=("correction", "deadline"),
    provision="s 63(1)",
    condition=(
        "A correction request is decided, and the person told, within 20 working days of "
        "receipt, or within a limit validly extended under s 65."
    ),
)
def correction_decision_late(correction: CorrectionRequest, ctx: EvaluationContext) -> Outcome:
    """A correction request is decided within 20 working days, or a validly extended limit.

    What it checks:
        The decision date (``decided_on``) is no later than the 20th working day after
        receipt (``received_on``), or the later date a valid extension set (``extension``).
        A request with no decision (no ``corrected`` and no ``decided_on``) is not met once
        the limit has passed as at the evaluation date, and not yet due while it is still in
        time, with its due date and the working days left. A request the agency decided to
        transfer to another agency (``transfer_decided``, or ``transferred_on`` recorded) is
        not applicable: that agency decides it, and AI023 checks the transfer (s 62).
    Why it matters:
        Wrong information keeps doing harm while it sits uncorrected: in a court report, an
        assessment or a referral. The Privacy Act sets the same 20-working-day ceiling for
        correction decisions as for access.
    How to meet it:
        Treat a spoken "that's wrong" as a correction request; decide quickly, the same day
        where you can; if you need longer, send a valid extension notice in time.
    References:
        Privacy Act 2020, IPP7, s 63 (deciding a correction request within 20 working
        days), s 65 (extensions of the s 62 and s 63 limits), s 7 (working day). The section
        is confirmed in our stored sources; its subsection number, s 63(1), is not.
    """
    if correction.transfer_decided or correction.transferred_on is not None:
        return not_applicable(
            "The request was transferred to another agency, which decides it; AI023 checks the "
            "transfer.",
            "transfer_decided",
            "transferred_on",
        )
    decided = correction.corrected is not None or correction.statement_attached is not None
    return deadline_outcome(correction, ctx, decided=decided)
