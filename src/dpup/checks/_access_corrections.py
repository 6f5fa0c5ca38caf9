"""Access to Information checks on correction requests (IPP7; Privacy Act ss 62 to 65).

The family's table (``CHECKS``) and rule coverage (``RULES``) live in `dpup.checks.access`.
"""

from __future__ import annotations

from dpup.checks._access_helpers import (
    KT,
    MH,
    MW,
    charge_outcome,
    deadline_outcome,
    extension_outcome,
)
from dpup.checks._util import (
    indexed,
    item_disclosures,
    many,
    positions,
    positions_of,
    unrecorded,
)
from dpup.engine import (
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Activity, CorrectionRequest, Disclosure, FlowKind, SharingGround

__all__ = [
    "correction_decision_late",
    "correction_extension_invalid",
    "correction_recipients_not_told",
    "correction_refusal_incomplete",
    "unlawful_correction_charge",
]


def _recipient_key(index: int, disclosure: Disclosure | None) -> tuple[str | int, ...]:
    """Return who received a disclosure, so two disclosures to one body count once.

    A disclosure whose recipient is unknown counts on its own, keyed by its position.
    """
    if disclosure is None or disclosure.recipient is None:
        return (index,)
    r = disclosure.recipient
    return (r.name.casefold().strip(), (r.part or "").casefold().strip())


def _outside(disclosure: Disclosure | None) -> bool:
    """Whether a disclosure went to someone other than the agency itself and the person."""
    if disclosure is None:
        return True
    return (
        disclosure.kind is FlowKind.DISCLOSURE and disclosure.ground is not SharingGround.TO_PERSON
    )


def _unlisted(
    activity: Activity, correction: CorrectionRequest, listed: set[str]
) -> list[tuple[str, str]]:
    """Return the disclosures of the corrected items that the correction does not list.

    Each comes back as its id and its path in the activity. Only disclosures made outside
    the agency on or before the decision (or undated) count. Among many disclosures, those
    carrying the items are looked up in an index kept with the activity.
    """
    wanted = set(correction.items or ())
    if not wanted:
        return []
    last = correction.decided_on
    disclosures = activity.disclosures
    if many(disclosures):
        carrying = positions_of(indexed(activity, item_disclosures), wanted)
    else:
        carrying = [i for i, d in enumerate(disclosures) if wanted.intersection(d.items or ())]
    unlisted = []
    for i in carrying:
        d = disclosures[i]
        if d.id not in listed and _outside(d) and (last is None or d.on is None or d.on <= last):
            unlisted.append((d.id, f"$.disclosures[{i}]"))
    return unlisted


def _listed_at(activity: Activity, ident: str) -> int | None:
    """Return where the first disclosure with id ``ident`` sits, looked up by id when many."""
    if many(activity.disclosures):
        found = indexed(activity, _disclosure_ids).get(ident)
        return found[0] if found else None
    for i, d in enumerate(activity.disclosures):
        if d.id == ident:
            return i
    return None


def _disclosure_ids(activity: Activity) -> dict[str, list[int]]:
    return positions((d.id,) for d in activity.disclosures)


@check(
    id="AI004",
    name="correction-recipients-not-told",
    principles=(KT, MH),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP7,),
    severity=Severity.HIGH,
    subject=CorrectionRequest,
    remediation=(
        "Tell everyone who received the information about the correction (or the attached "
        "statement), or record why that was not reasonably practicable."
    ),
    tags=("correction", "cross-object"),
)
def correction_recipients_not_told(
    correction: CorrectionRequest, ctx: EvaluationContext
) -> Outcome:
    """Everyone who received corrected information is told of the correction.

    What it checks:
        After information is corrected, or a statement of correction attached, every
        recipient of the disclosures that carried it (``disclosures``) is told
        (``notified``). With the activity at hand, the disclosures are read from it: uses
        inside the agency and disclosures to the person themselves need no notice, and a
        recipient who got several of the disclosures counts as told once any of them is in
        ``notified``. Recipients not told need a recorded reason (``not_notified_reason``),
        which a privacy officer weighs. Other disclosures in the activity that carried the
        corrected items (``items``) but are not listed are sent for review.
    Why it matters:
        IPP7 requires an agency that corrects information, or attaches a statement, to
        inform those it disclosed the information to, so far as reasonably practicable. A
        court left holding a wrong report can decide a person's future on it.
    How to meet it:
        Send the corrected version, or the statement, to every recipient, and record it.
    References:
        Privacy Act 2020, IPP7 (the duty to inform recipients is unverified in its exact
        subclause). DPUP Access to Information.
    """
    corrected = correction.corrected
    if corrected is False and correction.statement_attached is not True:
        return not_applicable("Nothing was corrected and no statement was attached.", "corrected")
    if corrected is None and correction.statement_attached is None:
        if correction.decided_on is None:
            return not_applicable("The correction request is not yet decided.", "decided_on")
        return unrecorded(
            "whether the information was corrected", "corrected", "statement_attached"
        )
    if correction.disclosures is None:
        return unrecorded("which disclosures carried the corrected information", "disclosures")
    activity = ctx.activity
    listed = set(correction.disclosures)
    unlisted = _unlisted(activity, correction, listed) if activity is not None else []
    # Group the listed disclosures by recipient, keeping each one's evidence path.
    groups: dict[tuple[str | int, ...], list[tuple[str, str]]] = {}
    for k, ident in enumerate(correction.disclosures):
        found = None
        path = f"disclosures[{k}]"
        at = _listed_at(activity, ident) if activity is not None else None
        if activity is not None and at is not None:
            found, path = activity.disclosures[at], f"$.disclosures[{at}]"
        if _outside(found):
            groups.setdefault(_recipient_key(k, found), []).append((ident, path))
    if not groups and not unlisted:
        return not_applicable("The information went to no one outside the agency.", "disclosures")
    if groups and correction.notified is None:
        return unrecorded("which recipients were told of the correction", "notified")
    told = set(correction.notified or ())
    missing = [
        members[0][1]
        for members in groups.values()
        if not any(ident in told for ident, _ in members)
    ]
    if missing:
        if correction.not_notified_reason and correction.not_notified_reason.strip():
            return needs_review(
                "Some recipients were not told, for a recorded reason.",
                *missing,
                "not_notified_reason",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=(
                    "confirm telling the remaining recipients was not reasonably practicable",
                ),
            )
        return not_met(
            "Some recipients of the information were not told of the correction.", *missing
        )
    untold = [path for ident, path in unlisted if ident not in told]
    if untold:
        return needs_review(
            "Other disclosures of the corrected information are recorded but not listed on "
            "the correction.",
            *untold,
            "items",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm whether these disclosures carried the corrected information, and list "
                "them (disclosures, notified)",
            ),
        )
    return met("Every recipient was told of the correction.", "disclosures", "notified")


@check(
    id="AI013",
    name="correction-decision-late",
    principles=(MW, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP7, LegalRef.PA_PART4, LegalRef.PA_S65, LegalRef.PA_S7),
    severity=Severity.HIGH,
    subject=CorrectionRequest,
    remediation=(
        "Tell the person whether you will correct their information as soon as you can and "
        "within 20 working days, or give a valid extension notice within that time."
    ),
    tags=("correction", "deadline"),
)
def correction_decision_late(correction: CorrectionRequest, ctx: EvaluationContext) -> Outcome:
    """A correction request is decided within 20 working days, or a validly extended limit.

    What it checks:
        The decision date (``decided_on``) is no later than the 20th working day after
        receipt (``received_on``), or the later date a valid extension set (``extension``).
        A request with no decision (no ``corrected`` and no ``decided_on``) is not met once
        the limit has passed as at the evaluation date, and not applicable while it is still
        in time.
    Why it matters:
        Wrong information keeps doing harm while it sits uncorrected: in a court report, an
        assessment or a referral. The Privacy Act sets the same 20-working-day ceiling for
        correction decisions as for access.
    How to meet it:
        Treat a spoken "that's wrong" as a correction request; decide quickly, the same day
        where you can; if you need longer, send a valid extension notice in time.
    References:
        Privacy Act 2020, IPP7, Part 4 (correction requests), s 65 (extensions), s 7 (working
        day). The provision setting the 20-day limit for corrections is unverified in our
        notes.
    """
    decided = correction.corrected is not None or correction.statement_attached is not None
    return deadline_outcome(correction, ctx, decided=decided)


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
)
def correction_extension_invalid(correction: CorrectionRequest, ctx: EvaluationContext) -> Outcome:
    """An extension of the time to decide a correction is notified in time and complete.

    What it checks:
        As AI006 does for access requests: a recorded extension (``extension``) was notified
        within 20 working days of receipt and states its period, reasons, ground and the right
        to complain; a period longer than ``Settings.max_extension_working_days`` is sent for
        review.
    Why it matters:
        Only a valid notice lets an agency take longer than 20 working days, and it tells the
        person why and how to challenge the delay.
    How to meet it:
        Use the same extension template as for access requests, and send it in time.
    References:
        Privacy Act 2020, s 65 (extensions for correction requests, applying the access
        rules).
    """
    return extension_outcome(correction, ctx)


@check(
    id="AI015",
    name="correction-refusal-incomplete",
    principles=(MW, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP7,),
    severity=Severity.HIGH,
    subject=CorrectionRequest,
    remediation=(
        "When you will not correct, give reasons, offer to attach the person's statement of "
        "correction (and attach any they give), and tell them they may complain."
    ),
    tags=("correction", "refusal"),
)
def correction_refusal_incomplete(correction: CorrectionRequest, ctx: EvaluationContext) -> Outcome:
    """A refused correction comes with reasons, a statement of correction and the complaint right.

    What it checks:
        When the agency will not correct (``corrected`` is false): reasons were given
        (``reasons_given``), the person was told they may have a statement of correction
        attached (``statement_offered``), any statement they provided
        (``statement_provided``) was attached (``statement_attached``), and they were told
        they may complain (``complaint_right_stated``).
    Why it matters:
        IPP7 lets people who disagree with a record put their side beside it, so the
        statement is read whenever the information is. Without reasons and the complaint
        route, a refusal cannot be tested.
    How to meet it:
        Use a refusal letter that covers each element; attach statements so they travel with
        the record.
    References:
        Privacy Act 2020, IPP7 (statement of correction). Office of the Privacy Commissioner
        guidance on correction requests.
    """
    corrected = correction.corrected
    if corrected is None:
        if correction.decided_on is None:
            return not_applicable("The correction request is not yet decided.", "decided_on")
        return unrecorded("whether the information was corrected", "corrected")
    if corrected:
        return not_applicable("The information was corrected.", "corrected")
    facts = {
        "reasons_given": correction.reasons_given,
        "statement_offered": correction.statement_offered,
        "complaint_right_stated": correction.complaint_right_stated,
    }
    failing = [path for path, value in facts.items() if value is False]
    unknown = [path for path, value in facts.items() if value is None]
    provided = correction.statement_provided
    attached = correction.statement_attached
    if provided and attached is False:
        failing.append("statement_attached")
    elif provided and attached is None:
        unknown.append("statement_attached")
    elif provided is None and attached is not True:
        unknown.append("statement_provided")
    if failing:
        return not_met("The refusal to correct leaves out something the person is owed.", *failing)
    if unknown:
        return unrecorded("what the person was told when correction was refused", *unknown)
    return met(
        "The refusal gave reasons, the statement of correction and the complaint right.",
        *facts,
    )


@check(
    id="AI016",
    name="unlawful-correction-charge",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S66, LegalRef.PA_S67),
    severity=Severity.HIGH,
    subject=CorrectionRequest,
    remediation=(
        "Never charge for correcting. A public-sector agency charges nothing for attaching a "
        "statement of correction without the Commissioner's authorisation; others charge only "
        "a reasonable amount."
    ),
    tags=("correction", "charges"),
)
def unlawful_correction_charge(correction: CorrectionRequest, ctx: EvaluationContext) -> Outcome:
    """No unlawful charge is made for a correction request.

    What it checks:
        The request's ``charge``, under the same rules as AI009: nothing for making the
        request, assessing it or correcting, from anyone; a public-sector agency charges
        (for attaching a statement of correction) only with the Commissioner's
        authorisation; a private-sector or NGO agency's amount must be reasonable, which a
        person confirms.
    Why it matters:
        People should not pay to have mistakes about them fixed. The Privacy Act bars charges
        for correcting and limits charges for attaching a statement.
    How to meet it:
        Do not charge for corrections; record any charge for a statement with what it covers.
    References:
        Privacy Act 2020, ss 66 and 67.
    """
    return charge_outcome(correction.charge, ctx, gives_access=None)
