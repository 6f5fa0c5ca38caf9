"""AI023 correction-transfer-late: a Access to Information check.

A correction request for another agency is transferred, and the person told, in time.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai023_correction_transfer_late.py``.
"""

from __future__ import annotations

from datetime import date

from dpup.calendar import add_working_days
from dpup.checkdef import (
    MH,
    MW,
    EvaluationContext,
    Outcome,
    check,
    not_applicable,
    unrecorded,
)
from dpup.checks.access_to_information._helpers import (
    TransferLimits,
    calendar_gap,
    extended,
    transfer_steps_outcome,
)
from dpup.errors import CalendarRangeError
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import CorrectionRequest

__all__ = ["correction_transfer_late"]


def _limits(
    request: CorrectionRequest, received: date, ctx: EvaluationContext
) -> tuple[date, date, date | None, bool | None]:
    """Return the transfer limits: statutory, in force, and as a recorded extension would set.

    The four values are the statutory limit, the limit in force (moved only by a valid
    extension), the limit the recorded extension would give were it valid, and whether it is
    valid (``None`` when that is not fully recorded). The statutory limit is
    ``Settings.correction_transfer_working_days`` working days after ``received`` (10 by
    default; unverified).

    Raises:
        CalendarRangeError: a date is outside the working-day calendar.
    """
    statutory = add_working_days(received, ctx.settings.correction_transfer_working_days)
    valid = request.extension_valid
    would_be = extended(request, statutory)
    due = would_be if valid and would_be is not None else statutory
    return statutory, due, would_be, valid


@check(
    id="AI023",
    name="correction-transfer-late",
    principles=(MW, MH),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S62, LegalRef.PA_S65),
    severity=Severity.MEDIUM,
    subject=CorrectionRequest,
    remediation=(
        "Transfer a correction request for information another agency holds, or that is more "
        "closely connected with its work, within the transfer time limit (10 working days "
        "unless validly extended), and tell the person in the same time where it went."
    ),
    tags=("correction", "deadline"),
    provision="s 62",
    condition=(
        "A correction request transferred to another agency is transferred, and the requester "
        "told, within the time limit s 62 sets (read as 10 working days of receipt, "
        "unverified), or within a limit validly extended under s 65."
    ),
)
def correction_transfer_late(request: CorrectionRequest, ctx: EvaluationContext) -> Outcome:
    """A correction request for another agency is transferred, and the person told, in time.

    What it checks:
        For a correction request to be transferred (``transfer_decided``, or
        ``transferred_on`` recorded), both the transfer (``transferred_on``) and telling the
        requester (``requester_told_of_transfer_on``) fall within
        ``Settings.correction_transfer_working_days`` working days of receipt (10 by
        default), or within the later limit a valid extension notice sets (``extension``;
        s 65 reaches the transfer limit as well as the decision limit). As AI007 does for
        access requests: an extension whose validity is not fully recorded sends a step
        inside its period to review; a transfer decided but not made is not yet due while the
        time runs (NOT_YET_DUE, with the limit as its due date), and not met once it has
        passed; a transfer made without the person told yet is not yet due while the limit
        runs, and after it needs review, naming the date the person was told.
    Why it matters:
        A person asking for a correction should not have to find out which agency holds the
        record. The Privacy Act has the agency that receives a request for another agency's
        information pass it on promptly and tell the person, so the request is not lost.
    How to meet it:
        Treat a correction request that belongs elsewhere as AI007 treats an access request:
        transfer it promptly with a covering note, tell the person the same day, and if more
        time is truly needed give a valid extension notice in time.
    References:
        Privacy Act 2020, s 62 (transfer of correction requests) and s 65 (extensions of the
        s 62 and s 63 time limits; a rendering of s 65 is at
        https://plainlanguagelaw.ackama.com/acts/LMS23193/LMS23416.html). The stored sources
        show that s 62 sets a time limit, which s 65 extends, but not its length or
        subsection: the 10 working days, as for access requests under s 43, are a setting
        (``Settings.correction_transfer_working_days``) flagged unverified. DPUP Access to
        Information.
    """
    transferred = request.transferred_on
    if request.transfer_decided is not True and transferred is None:
        return not_applicable("No transfer is recorded.", "transfer_decided", "transferred_on")
    received = request.received_on
    if received is None:
        return unrecorded("when the request was received", "received_on")
    try:
        statutory, due, would_be, valid = _limits(request, received, ctx)
    except CalendarRangeError:
        return calendar_gap("received_on")
    return transfer_steps_outcome(
        request,
        ctx,
        TransferLimits(statutory, due, would_be, valid),
        noun="correction request",
        decided_path="transfer_decided",
        in_time=(
            "The correction request was transferred, and the person told, within the "
            "transfer time limit."
        ),
    )
