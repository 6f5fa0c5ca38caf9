"""AI006 access-extension-invalid: a Access to Information check.

An extension of the time limit is notified in time and says what it must.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai006_access_extension_invalid.py``.
"""

from __future__ import annotations

from dpup.checkdef import KT, EvaluationContext, Outcome, check
from dpup.checks.access_to_information._helpers import extension_outcome
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessRequest

__all__ = ["access_extension_invalid"]


@check(
    id="AI006",
    name="access-extension-invalid",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S48,),
    severity=Severity.MEDIUM,
    subject=AccessRequest,
    remediation=(
        "Give extension notices within 20 working days of receipt, stating the new period, "
        "the reasons, the statutory ground and the right to complain to the Commissioner."
    ),
    tags=("requests", "deadline"),
    provision="s 48(3), (4)",
    condition=(
        "An extension of the time to transfer or decide an access request is made by notice "
        "within 20 working days of receipt, on a ground in s 48(1), stating the period, the "
        "reasons and the right to complain to the Commissioner."
    ),
)
def access_extension_invalid(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """An extension of the time limit is notified in time and says what it must.

    What it checks:
        A recorded extension (``extension``) was notified within 20 working days of receipt
        (``notice_on``), states a period (``period_days``), the reasons (``reasons_given``)
        and the right to complain to the Privacy Commissioner (``complaint_right_stated``),
        and relies on a statutory ground (``ground``: volume, consultation or complexity). An
        extension longer than ``Settings.max_extension_working_days`` is sent for review,
        because the Act asks only that the period be reasonable. The same rules hold whether
        the notice extends the decision limit or, on a transferred request, the transfer
        limit (s 48(1) reaches both); AI005 and AI007 apply a valid extension's period. An
        extension recorded with no notice date yet, and nothing recorded against it, is not
        yet due until the 20th working day after receipt (its due date); after that day the
        notice's date is asked for.
    Why it matters:
        An extension is the agency's only lawful way to take longer than 20 working days. A
        notice that comes late or leaves out its reasons or the complaint right does not
        extend anything, and leaves the person unable to challenge the delay.
    How to meet it:
        Use a notice template with the period, reasons, ground and complaint right; send it
        before the 20th working day.
    References:
        Privacy Act 2020, s 48 (grounds in s 48(1), a reasonable period in s 48(2), notice
        within 20 working days in s 48(3), its contents in s 48(4)), read in a stored copy of
        the Act's text. dpup checks that the notice names a ground, not that the facts behind
        the ground hold.
    """
    return extension_outcome(request, ctx)
