"""Code shared by more than one Access to Information check."""

from __future__ import annotations

from datetime import date

from dpup.calendar import add_working_days, decision_due
from dpup.checkdef import (
    EvaluationContext,
    Outcome,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.errors import CalendarRangeError
from dpup.findings import Reviewer
from dpup.model import AccessRequest, Charge, ChargeItem, CorrectionRequest

__all__ = [
    "CALENDAR_SETTLE",
    "Request",
    "SECTOR",
    "calendar_gap",
    "charge_outcome",
    "deadline_outcome",
    "extended",
    "extension_outcome",
]


Request = AccessRequest | CorrectionRequest


CALENDAR_SETTLE = (
    "work out the time limit by hand from the Privacy Act's definition of working day (s 7)",
)


def calendar_gap(*paths: str) -> Outcome:
    """Return NEEDS_REVIEW for a date the working-day calendar does not cover."""
    return needs_review(
        "The working-day calendar does not cover this date, so the time limit was not worked out.",
        *paths,
        reviewer=Reviewer.PRIVACY_OFFICER,
        settle_with=CALENDAR_SETTLE,
    )


def extended(request: Request, statutory: date) -> date | None:
    """Return the due date a recorded extension would give, valid or not, if it has a period."""
    ext = request.extension
    if ext is None or ext.period_days is None:
        return None
    return add_working_days(statutory, ext.period_days)


def deadline_outcome(request: Request, ctx: EvaluationContext, *, decided: bool) -> Outcome:
    """Judge whether a request was decided by its time limit, as at ``ctx.as_at``.

    A request with neither a decision nor a decision date is read as still open: it fails
    once the time limit has passed and is not applicable until then (it is not yet due, and
    marking it met would claim a decision nobody has made).

    Args:
        request: the access or correction request.
        ctx: the evaluation context (for ``as_at``).
        decided: whether a decision (its outcome) is recorded.
    """
    received = request.received_on
    if received is None:
        return unrecorded("when the request was received", "received_on")
    try:
        statutory = decision_due(received)
        # The request's own due date moves with a valid extension; it is None only when
        # received_on is, which was ruled out above.
        due = request.decision_due or statutory
        would_be = extended(request, statutory)
        valid = request.extension_valid
    except CalendarRangeError:
        return calendar_gap("received_on")
    pending_extension = valid is None and request.extension is not None and would_be is not None
    decided_on = request.decided_on
    if decided_on is None:
        if decided:
            return unrecorded("when the decision was made", "decided_on")
        if ctx.as_at <= due:
            return not_applicable("The request is still within its time limit.", "received_on")
        if pending_extension and would_be is not None and ctx.as_at <= would_be:
            return needs_review(
                "No decision yet: the request is within its extension only if the extension "
                "notice is valid, which is not fully recorded.",
                "received_on",
                "extension",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=(
                    "record the extension notice's date, period, reasons, complaint "
                    "right and ground (extension)",
                ),
            )
        return not_met(
            "No decision is recorded and the time limit has passed.", "received_on", "decided_on"
        )
    if decided_on < received:
        return needs_review(
            "The decision is dated before the request was received.",
            "received_on",
            "decided_on",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("correct the request's received and decided dates",),
        )
    if decided_on <= statutory:
        return met("The decision was made within 20 working days.", "received_on", "decided_on")
    if decided_on <= due:
        return met(
            "The decision was made within a validly extended time limit.",
            "received_on",
            "decided_on",
            "extension",
        )
    if pending_extension and would_be is not None and decided_on <= would_be:
        return needs_review(
            "The decision came within the extension, but whether the extension notice is "
            "valid is not fully recorded.",
            "decided_on",
            "extension",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record the extension notice's date, period, reasons, complaint right "
                "and ground (extension)",
            ),
        )
    if valid is False:
        return not_met(
            "The decision came after the time limit, and the extension notice is not valid.",
            "decided_on",
            "extension",
        )
    return not_met("The decision came after the time limit.", "received_on", "decided_on")


def extension_outcome(request: Request, ctx: EvaluationContext) -> Outcome:
    """Judge whether a recorded extension notice is valid (s 48, or s 65 for corrections)."""
    ext = request.extension
    if ext is None:
        return not_applicable("No extension of the time limit is recorded.", "extension")
    try:
        notice_due = request.extension_notice_due
    except CalendarRangeError:
        return calendar_gap("received_on", "extension.notice_on")
    defects = ext.defects(notice_due)
    if defects:
        message = (
            "The extension notice was given after the time allowed."
            if defects == ("notice_on",)
            else "The extension notice is late or leaves out something it must state."
        )
        return not_met(message, *(f"extension.{f}" for f in defects))
    missing = [f"extension.{f}" for f in ext.unrecorded()]
    if notice_due is None:
        missing.insert(0, "received_on")
    if missing:
        return unrecorded("what the extension notice stated and when it was given", *missing)
    if ext.period_days is not None and ext.period_days > ctx.settings.max_extension_working_days:
        return needs_review(
            "The extension is longer than dpup treats as reasonable without review.",
            "extension.period_days",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm the period is reasonable for the volume, consultation or complexity "
                "relied on",
            ),
        )
    return met(
        "The extension notice was given in time and states its period, reasons, ground and the "
        "right to complain.",
        "extension",
    )


SECTOR = "$.agency.sector"


def charge_outcome(
    charge: Charge | None, ctx: EvaluationContext, *, gives_access: bool | None
) -> Outcome:
    """Judge a charge against the Privacy Act's charging rules (ss 66 and 67).

    No agency may charge for making a request, for assessing it or for correcting. A
    public-sector agency may charge only with the Commissioner's authorisation. A private or
    NGO agency may charge a reasonable amount for the permitted items, and for assistance only
    when some information is released; whether an amount is reasonable needs a person.

    Args:
        charge: the charge recorded on the request.
        ctx: the evaluation context (the agency's sector comes from its activity).
        gives_access: whether some information was released (``None`` if not decided or
            not recorded, or for a correction request).
    """
    if charge is None:
        return unrecorded("whether a charge was made", "charge")
    if charge.amount == 0:
        return met("No charge was made.", "charge.amount")
    items = charge.items
    if items is not None:
        barred = [f"charge.items[{i}]" for i, item in enumerate(items) if not item.chargeable]
        if barred:
            return not_met("A charge was made for something no agency may charge for.", *barred)
        if gives_access is False and ChargeItem.ASSISTANCE in items:
            i = items.index(ChargeItem.ASSISTANCE)
            return not_met(
                "A charge for assistance was made although no information was released.",
                f"charge.items[{i}]",
            )
    agency = ctx.activity.agency if ctx.activity is not None else None
    sector = agency.sector if agency is not None else None
    if sector is None:
        return unrecorded("the agency's sector, which decides whether it may charge at all", SECTOR)
    if sector.is_public:
        authorised = charge.commissioner_authorised
        if authorised is False:
            return not_met(
                "A public-sector agency charged without the Privacy Commissioner's authorisation.",
                "charge.commissioner_authorised",
                SECTOR,
            )
        if authorised is None:
            return unrecorded(
                "whether the Privacy Commissioner authorised the charge",
                "charge.commissioner_authorised",
            )
        return needs_review(
            "A public-sector agency charged under a recorded authorisation.",
            "charge",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("confirm the Commissioner's authorisation covers this charge and amount",),
        )
    if items is None:
        return unrecorded("what the charge was for", "charge.items")
    return needs_review(
        "The charge is for items a private-sector agency may charge for; its amount must be "
        "reasonable.",
        "charge.amount",
        "charge.items",
        reviewer=Reviewer.PRIVACY_OFFICER,
        settle_with=("confirm the amount covers only reasonable costs for the permitted items",),
    )
