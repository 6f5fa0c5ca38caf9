"""AI014 correction-extension-invalid: a Access to Information check.

An extension of the time to decide a correction is notified in time and complete.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai014_correction_extension_invalid.py``.
"""

from __future__ import annotations

from dpup.checkdef import KT, EvaluationContext, Outcome, check
from dpup.checks.access_to_information._helpers import extension_outcome
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import CorrectionRequest

__all__ = ["correction_extension_invalid"]


@check(
    id="AI014",
    name="correction-extension-invalid",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S65,),
    severity=Severity.MEDIUM,
    subject=CorrectionRequest,
    remediation=(
        "Give extension notices within 20 working days of receipt, stating the new period, "
        "the reasons, the statutory ground and the right to complain to the Commissioner."
    ),
    tags=("correction", "deadline"),
    provision="s 65(3), (4)",
    condition=(
        "An extension of the time to transfer or decide a correction request is made by "
        "notice within 20 working days of receipt, on a statutory ground, stating the period, "
        "the reasons and the right to complain to the Commissioner."
    ),
)
def correction_extension_invalid(correction: CorrectionRequest, ctx: EvaluationContext) -> Outcome:
    """An extension of the time to decide a correction is notified in time and complete.

    What it checks:
        As AI006 does for access requests: a recorded extension (``extension``) was notified
        within 20 working days of receipt and states its period, reasons, ground and the right
        to complain; a period longer than ``Settings.max_extension_working_days`` is sent for
        review. As for access requests, the notice may extend the time to decide or the time
        to transfer the request; the rules are the same, and an extension with no notice date
        yet is not yet due until the last day for the notice.
    Why it matters:
        Only a valid notice lets an agency take longer than 20 working days, and it tells the
        person why and how to challenge the delay.
    How to meet it:
        Use the same extension template as for access requests, and send it in time.
    References:
        Privacy Act 2020, s 65 (extensions of the s 62 and s 63 limits for correction
        requests, on the same terms as s 48; its subsection numbers are unverified in our
        stored sources).
    """
    return extension_outcome(correction, ctx)
