"""Code shared by more than one Access to Information check."""

from __future__ import annotations

from datetime import date

import attrs

from dpup.calendar import add_working_days, decision_due
from dpup.checkdef import (
    EvaluationContext,
    Outcome,
    met,
    needs_review,
    not_applicable,
    not_met,
    not_yet_due,
    unrecorded,
)
from dpup.errors import CalendarRangeError
from dpup.findings import Reviewer
from dpup.model import AccessDecision, AccessRequest, Charge, ChargeItem, CorrectionRequest

__all__ = [
    "CALENDAR_SETTLE",
    "EXTENSION_SETTLE",
    "Request",
    "SECTOR",
    "TransferLimits",
    "calendar_gap",
    "charge_outcome",
    "deadline_outcome",
    "extended",
    "extension_outcome",
    "handled_outcome",
    "transfer_outcome",
    "transfer_steps_outcome",
]


Request = AccessRequest | CorrectionRequest


CALENDAR_SETTLE = (
    "work out the time limit by hand from the Privacy Act's definition of working day (s 7)",
)


EXTENSION_SETTLE = (
    "record the extension notice's date, period, reasons, complaint right and ground (extension)",
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
    once the time limit has passed and is NOT_YET_DUE until then, carrying its due date
    (marking it met would claim a decision nobody has made). The same request evaluated as
    at a later date is met or not met by the same rules.

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
            return not_yet_due(
                "No decision yet; the request is still within its time limit.",
                "received_on",
                due_on=due,
            )
        if pending_extension and would_be is not None and ctx.as_at <= would_be:
            return needs_review(
                "No decision yet: the request is within its extension only if the extension "
                "notice is valid, which is not fully recorded.",
                "received_on",
                "extension",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=EXTENSION_SETTLE,
            )
        return not_met("No decision is recorded and the time limit has passed.", "received_on")
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
            settle_with=EXTENSION_SETTLE,
        )
    if valid is False:
        return not_met(
            "The decision came after the time limit, and the extension notice is not valid.",
            "decided_on",
            "extension",
        )
    return not_met("The decision came after the time limit.", "received_on", "decided_on")


_TRANSFER_STEPS = ("transferred_on", "requester_told_of_transfer_on")


def transfer_outcome(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """Judge whether a request was transferred, and the person told, by the transfer limit.

    The limit is 10 working days after receipt (s 43), moved by a valid extension notice: s 48
    lets an agency extend the s 43 limit as well as the s 44 one. An extension whose validity
    is not fully recorded sends a step that falls inside its period to review. A transfer
    decided but not yet made, or made without the person told yet, is read as open: NOT_YET_DUE
    (with the transfer limit as its due date) while the limit runs; once it has passed, an
    unmade transfer is not met, and a transfer with no record of telling the person is an
    evidence gap, not a failure.
    """
    transferred = request.transferred_on
    if request.decision is not AccessDecision.TRANSFER and transferred is None:
        return not_applicable("No transfer is recorded.", "decision", "transferred_on")
    try:
        statutory = request.transfer_due
        due = request.extended_transfer_due
        valid = request.extension_valid
        would_be = extended(request, statutory) if statutory is not None else None
    except CalendarRangeError:
        return calendar_gap("received_on")
    if statutory is None or due is None:  # received_on is not recorded
        return unrecorded("when the request was received", "received_on")
    return transfer_steps_outcome(
        request,
        ctx,
        TransferLimits(statutory, due, would_be, valid),
        noun="request",
        decided_path="decision",
        in_time="The request was transferred and the person told within 10 working days.",
    )


@attrs.frozen
class TransferLimits:
    """A transfer's time limits.

    Attributes:
        statutory: the limit the Act (or the setting standing in for it) sets.
        due: the limit in force, moved only by a valid extension.
        would_be: the limit the recorded extension would set were it valid.
        valid: whether the extension is valid (``None`` when that is not fully recorded).
    """

    statutory: date
    due: date
    would_be: date | None
    valid: bool | None


def transfer_steps_outcome(
    request: Request,
    ctx: EvaluationContext,
    limits: TransferLimits,
    *,
    noun: str,
    decided_path: str,
    in_time: str,
) -> Outcome:
    """Judge the two steps of a transfer (made, and the person told) against its limits.

    Shared by AI007 (access requests, s 43) and AI023 (correction requests, s 62): each works
    out its own limits and names its own request and decision field. A step after the limit
    in force is late, unless it falls within a recorded extension whose validity is not fully
    recorded (review); a transfer not yet made is not yet due while the limit runs and not
    met once it has passed; a transfer made without the person told yet is not yet due while
    the limit runs, and after it an evidence gap.
    """
    statutory, due, would_be, valid = limits.statutory, limits.due, limits.would_be, limits.valid
    pending = valid is None and request.extension is not None and would_be is not None
    transferred = request.transferred_on
    told = request.requester_told_of_transfer_on
    steps = zip(_TRANSFER_STEPS, (transferred, told), strict=True)
    done = [(path, day) for path, day in steps if day is not None]
    late = [(path, day) for path, day in done if day > due]
    if late:
        return _late_transfer(late, pending=pending, would_be=would_be, valid=valid)
    if transferred is None:
        if ctx.as_at <= due:
            return not_yet_due(
                "No transfer yet; the transfer is still within its time limit.",
                decided_path,
                due_on=due,
            )
        if pending and would_be is not None and ctx.as_at <= would_be:
            return needs_review(
                "No transfer yet: the request is within its extension only if the extension "
                "notice is valid, which is not fully recorded.",
                "received_on",
                "extension",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=EXTENSION_SETTLE,
            )
        return not_met(
            f"The {noun} was to be transferred, and the time to transfer it has passed with "
            "no transfer recorded.",
            "received_on",
            decided_path,
        )
    if told is None:
        if ctx.as_at <= due:
            return not_yet_due(
                "The person can still be told of the transfer within the time limit.",
                "transferred_on",
                due_on=due,
            )
        return unrecorded(
            "when the person was told of the transfer", "requester_told_of_transfer_on"
        )
    if all(day <= statutory for _, day in done):
        return met(in_time, "received_on", *_TRANSFER_STEPS)
    return met(
        f"The {noun} was transferred, and the person told, within a validly extended time limit.",
        "received_on",
        *_TRANSFER_STEPS,
        "extension",
    )


def _late_transfer(
    late: list[tuple[str, date]], *, pending: bool, would_be: date | None, valid: bool | None
) -> Outcome:
    """Judge transfer steps taken after the limit: within a pending extension, or late."""
    paths = [path for path, _ in late]
    if pending and would_be is not None and all(day <= would_be for _, day in late):
        return needs_review(
            "The transfer came within the extension, but whether the extension notice is "
            "valid is not fully recorded.",
            *paths,
            "extension",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=EXTENSION_SETTLE,
        )
    if valid is False:
        return not_met(
            "The transfer, or telling the person, came after the time limit, and the "
            "extension notice is not valid.",
            *paths,
            "extension",
        )
    return not_met("The transfer, or telling the person, came after the time limit.", *paths)


def handled_outcome(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """Judge whether a request was dealt with in time: transferred, or decided.

    A transferred request is held to the transfer limit (`transfer_outcome`); any other to
    the decision limit (`deadline_outcome`).
    """
    if request.decision is AccessDecision.TRANSFER:
        return transfer_outcome(request, ctx)
    return deadline_outcome(request, ctx, decided=request.decision is not None)


def extension_outcome(request: Request, ctx: EvaluationContext) -> Outcome:
    """Judge whether a recorded extension notice is valid (s 48, or s 65 for corrections).

    The same rules hold whether the notice extends the decision limit or the transfer limit:
    notice within 20 working days of receipt, stating the period, the reasons and the right
    to complain, on a statutory ground. An extension recorded with no notice date yet, and no
    recorded defect, is NOT_YET_DUE while the time to give the notice runs (its due date is
    the last day for the notice); after that the missing date is asked for, as before.
    """
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
    elif ext.notice_on is None and ctx.as_at <= notice_due:
        return not_yet_due(
            "An extension is recorded with no notice date yet; the notice can still be given "
            "in time.",
            "received_on",
            "extension.notice_on",
            due_on=notice_due,
        )
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


_ON_WHICH = {False: "an access request", True: "a correction request"}

_NEEDS_RELEASE = frozenset(
    {ChargeItem.MAKING_AVAILABLE, ChargeItem.MATERIALS, ChargeItem.URGENCY, ChargeItem.ASSISTANCE}
)
"""Access-request items chargeable only when some information is made available (s 66(1)(b)):
making it available with its materials and urgency costs, and assistance (s 66(1)(b)(i))."""

_COSTS_OF_RELEASE = frozenset({ChargeItem.MATERIALS, ChargeItem.URGENCY})
"""Costs of making information available (s 66(4)): on a correction request they may only be
part of attaching a statement of correction, which a person confirms."""


def _at(items: tuple[ChargeItem, ...], wanted: frozenset[ChargeItem]) -> list[str]:
    return [f"charge.items[{i}]" for i, item in enumerate(items) if item in wanted]


def charge_outcome(
    charge: Charge | None,
    ctx: EvaluationContext,
    *,
    correction: bool,
    gives_access: bool | None = None,
) -> Outcome:
    """Judge a charge against the Privacy Act's charging rules (ss 66 and 67).

    Each request type has its own chargeable items (`ChargeItem.for_access`,
    `ChargeItem.for_correction`), and anything else may not be charged for by anyone
    (s 66(3)). No agency may charge for making a request, deciding it or correcting. On an
    access request, making information available (with its materials and urgency costs) and
    assistance may be charged for only when some information is made available. A
    public-sector agency may charge only for making information available (access) or
    attaching a statement of correction (correction), and only with the Privacy
    Commissioner's authorisation (s 67). A private-sector or NGO agency may also charge for
    assistance; on a correction request that does not depend on any release. Whether an
    amount is reasonable (s 66(4)) needs a person.

    Args:
        charge: the charge recorded on the request.
        ctx: the evaluation context (the agency's sector comes from its activity).
        correction: whether the request is a correction request (else an access request).
        gives_access: for an access request, whether some information was made available
            (``None`` if not decided or not recorded).
    """
    if charge is None:
        return unrecorded("whether a charge was made", "charge")
    if charge.amount == 0:
        return met("No charge was made.", "charge.amount")
    items = charge.items
    allowed_somewhere = (
        ChargeItem.for_correction(public=False)
        if correction
        else ChargeItem.for_access(public=False)
    )
    if items is not None:
        barred = [f"charge.items[{i}]" for i, item in enumerate(items) if not item.chargeable]
        if barred:
            return not_met("A charge was made for something no agency may charge for.", *barred)
        costs: frozenset[ChargeItem] = _COSTS_OF_RELEASE if correction else frozenset()
        wrong = _at(items, frozenset(set(items) - allowed_somewhere - costs))
        if wrong:
            return not_met(
                f"A charge was made for something the Act does not let an agency charge for on "
                f"{_ON_WHICH[correction]}.",
                *wrong,
            )
        if not correction and gives_access is False:
            unreleased = _at(items, _NEEDS_RELEASE)
            if unreleased:
                return not_met(
                    "A charge was made for making information available, or for assistance, "
                    "although no information was made available.",
                    "decision",
                    *unreleased,
                )
    agency = ctx.activity.agency if ctx.activity is not None else None
    sector = agency.sector if agency is not None else None
    if sector is None:
        return unrecorded("the agency's sector, which decides whether it may charge at all", SECTOR)
    if sector.is_public:
        return _public_charge(charge, correction=correction)
    if items is None:
        return unrecorded("what the charge was for", "charge.items")
    if correction and _at(items, _COSTS_OF_RELEASE):
        return needs_review(
            "A correction request was charged for materials or urgency, which the Act lists "
            "only as costs of making information available on an access request.",
            *_at(items, _COSTS_OF_RELEASE),
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm these costs are part of attaching the statement of correction or of "
                "assistance, or refund them",
            ),
        )
    return needs_review(
        "The charge is for items a private-sector agency may charge for on this request; its "
        "amount must be reasonable.",
        "charge.amount",
        "charge.items",
        reviewer=Reviewer.PRIVACY_OFFICER,
        settle_with=("confirm the amount covers only reasonable costs for the permitted items",),
    )


def _public_charge(charge: Charge, *, correction: bool) -> Outcome:
    """Judge a public-sector agency's charge: permitted items only, and only if authorised."""
    items = charge.items
    if items is not None:
        permitted = (
            ChargeItem.for_correction(public=True) | _COSTS_OF_RELEASE
            if correction
            else ChargeItem.for_access(public=True)
        )
        outside = _at(items, frozenset(set(items) - permitted))
        if outside:
            return not_met(
                "A public-sector agency charged for something it may not charge for even with "
                "the Privacy Commissioner's authorisation.",
                *outside,
                SECTOR,
            )
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
        settle_with=(
            "confirm what the charge was for, and that the Commissioner's authorisation covers "
            "this charge and amount",
        ),
    )
