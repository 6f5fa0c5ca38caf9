"""Access to Information checks on single access requests (IPP6; Privacy Act Part 4).

The family's table (``CHECKS``) and rule coverage (``RULES``) live in `dpup.checks.access`.
"""

from __future__ import annotations

from dpup.checks._access_helpers import (
    KT,
    MH,
    MN,
    MW,
    calendar_gap,
    charge_outcome,
    deadline_outcome,
    extension_outcome,
)
from dpup.checks._util import unrecorded
from dpup.engine import (
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.errors import CalendarRangeError
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessDecision, AccessRequest, RequestChannel

__all__ = [
    "access_decision_late",
    "access_extension_invalid",
    "assistance_not_offered",
    "correction_right_not_stated",
    "refusal_without_grounds",
    "request_form_imposed",
    "transfer_late",
    "unlawful_access_charge",
]

_SPOKEN = frozenset({RequestChannel.ORAL, RequestChannel.PHONE})


@check(
    id="AI005",
    name="access-decision-late",
    principles=(MW, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP6, LegalRef.PA_S44, LegalRef.PA_S48, LegalRef.PA_S7),
    severity=Severity.HIGH,
    subject=AccessRequest,
    remediation=(
        "Decide access requests as soon as you reasonably can and no later than 20 working "
        "days after receipt, or give a valid extension notice within that time."
    ),
    tags=("requests", "deadline"),
)
def access_decision_late(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """An access request is decided within 20 working days, or a validly extended limit.

    What it checks:
        The decision date (``decided_on``) is no later than the 20th working day after the
        request was received (``received_on``), or the later date a valid extension notice
        set (``extension``). Working days follow the Privacy Act's definition, counted from
        the day after receipt. A request with no decision is not met once the limit has
        passed as at the evaluation date, and not applicable while it is still in time (it
        is not yet due; dpup does not call an unmade decision met). A transferred request is
        left to AI007.
    Why it matters:
        The Privacy Act gives an agency 20 working days at most to decide whether to release
        information, and asks for a decision as soon as reasonably practicable. People asking
        for their information are often waiting on it to deal with a court, a benefit or
        their children; a late answer can cost them that chance.
    How to meet it:
        Log every request, spoken ones included, on the day it arrives; track the due date;
        decide early; if you truly need longer, send a valid extension notice in time.
    References:
        Privacy Act 2020, s 44 (decision within 20 working days), s 48 (extensions), s 7
        (working day), IPP6. DPUP Access to Information.
    """
    if request.decision is AccessDecision.TRANSFER:
        return not_applicable("The request was transferred; AI007 covers that.", "decision")
    return deadline_outcome(request, ctx, decided=request.decision is not None)


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
)
def access_extension_invalid(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """An extension of the time limit is notified in time and says what it must.

    What it checks:
        A recorded extension (``extension``) was notified within 20 working days of receipt
        (``notice_on``), states a period (``period_days``), the reasons (``reasons_given``)
        and the right to complain to the Privacy Commissioner (``complaint_right_stated``),
        and relies on a statutory ground (``ground``: volume, consultation or complexity). An
        extension longer than ``Settings.max_extension_working_days`` is sent for review,
        because the Act asks only that the period be reasonable.
    Why it matters:
        An extension is the agency's only lawful way to take longer than 20 working days. A
        notice that comes late or leaves out its reasons or the complaint right does not
        extend anything, and leaves the person unable to challenge the delay.
    How to meet it:
        Use a notice template with the period, reasons, ground and complaint right; send it
        before the 20th working day.
    References:
        Privacy Act 2020, s 48. dpup checks that the notice names a ground, not that the
        facts behind the ground hold.
    """
    return extension_outcome(request, ctx)


@check(
    id="AI007",
    name="transfer-late-or-untold",
    principles=(MW, MH),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S43,),
    severity=Severity.MEDIUM,
    subject=AccessRequest,
    remediation=(
        "Transfer a request for information another agency holds within 10 working days, and "
        "tell the person, within the same time, where it went."
    ),
    tags=("requests", "deadline"),
)
def transfer_late(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """A request for another agency's information is transferred, and the person told, in time.

    What it checks:
        For a transferred request (``decision`` is transfer, or ``transferred_on`` is
        recorded), both the transfer (``transferred_on``) and the notice to the requester
        (``requester_told_of_transfer_on``) fall within 10 working days of receipt. A
        transfer decided but not yet made is not applicable while the 10 days run, and not
        met once they have passed with no date recorded. Extensions are not applied to
        transfers.
    Why it matters:
        People cannot be expected to know which agency holds what. The Privacy Act makes the
        agency that receives a request pass it on quickly and tell the person, so the request
        is not lost between organisations.
    How to meet it:
        Know which partner holds what; transfer promptly with a covering note; tell the
        person the same day.
    References:
        Privacy Act 2020, s 43 (the section number is unverified in our notes). DPUP Access
        to Information: if another agency holds the information.
    """
    transferred = request.transferred_on
    told = request.requester_told_of_transfer_on
    if request.decision is not AccessDecision.TRANSFER and transferred is None:
        return not_applicable("No transfer is recorded.", "decision", "transferred_on")
    try:
        due = request.transfer_due
    except CalendarRangeError:
        return calendar_gap("received_on")
    if due is None:  # received_on is not recorded
        return unrecorded("when the request was received", "received_on")
    late = [
        path
        for path, day in (("transferred_on", transferred), ("requester_told_of_transfer_on", told))
        if day is not None and day > due
    ]
    if late:
        return not_met("The transfer, or telling the person, came after 10 working days.", *late)
    missing = [
        path
        for path, day in (("transferred_on", transferred), ("requester_told_of_transfer_on", told))
        if day is None
    ]
    if missing:
        if ctx.as_at <= due:
            return not_applicable("The transfer is still within its time limit.", *missing)
        return not_met(
            "The time to transfer has passed and the transfer, or telling the person, is not "
            "recorded.",
            *missing,
        )
    return met(
        "The request was transferred and the person told within 10 working days.",
        "transferred_on",
        "requester_told_of_transfer_on",
    )


@check(
    id="AI008",
    name="request-form-imposed",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP6, LegalRef.PA_PART4),
    severity=Severity.HIGH,
    subject=AccessRequest,
    remediation=(
        "Accept the request as it was made, spoken or written; never ask for a written "
        "'Privacy Act request' or send the person to a lawyer."
    ),
    tags=("requests",),
)
def request_form_imposed(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """This request was accepted in the form it was made, without a lawyer.

    What it checks:
        The agency did not insist that this request be put in writing
        (``required_writing``) or made through a lawyer (``required_lawyer``). A spoken
        request (``channel`` oral or phone) that was decided shows it was accepted as made.
        AI001 checks the same at the level of the agency's practice.
    Why it matters:
        The Privacy Act sets no form for an access request, so a spoken request starts the
        same duties as a letter. Telling someone to make a "formal Privacy Act request" or to
        get a lawyer shuts out the people least able to push back.
    How to meet it:
        Record a spoken request as a request; help the person say what they want; never make
        writing or a lawyer a condition.
    References:
        Privacy Act 2020, IPP6 and Part 4. DPUP Access to Information; the DPUP quiz's answer
        on written requests.
    """
    flags = {
        "required_writing": request.required_writing,
        "required_lawyer": request.required_lawyer,
    }
    imposed = [path for path, value in flags.items() if value]
    if imposed:
        return not_met(
            "The person was told to write, or to use a lawyer, to make the request.", *imposed
        )
    if all(value is False for value in flags.values()):
        return met("The request was accepted in the form it was made.", *flags)
    if request.channel in _SPOKEN and request.decision is not None:
        return met("The spoken request was accepted and decided.", "channel", "decision")
    unknown = [path for path, value in flags.items() if value is None]
    return unrecorded("whether the person was told to write or use a lawyer", *unknown)


@check(
    id="AI009",
    name="unlawful-access-charge",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S66, LegalRef.PA_S67),
    severity=Severity.HIGH,
    subject=AccessRequest,
    remediation=(
        "Do not charge for making or assessing a request. A public-sector agency charges "
        "nothing without the Commissioner's authorisation; others charge only a reasonable "
        "amount for permitted items."
    ),
    tags=("requests", "charges"),
)
def unlawful_access_charge(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """No unlawful charge is made for an access request.

    What it checks:
        The request's ``charge``: nothing is charged for making the request or assessing it
        (``ChargeItem.chargeable``), whatever the agency. A public-sector agency (the
        activity's ``agency.sector``) charges only with the Privacy Commissioner's
        authorisation (``commissioner_authorised``); even then a person confirms it covers
        the charge. A private-sector or NGO agency charges only for permitted items, for
        assistance only when some information is released, and a person confirms the amount
        is reasonable. No charge (an amount of zero) is met.
    Why it matters:
        A charge is a barrier to a right. The Privacy Act lets public-sector agencies charge
        only in narrow, authorised cases, and keeps everyone from charging for the request
        itself or for deciding it.
    How to meet it:
        Record charges with what they are for; do not charge in the public sector unless
        authorised; keep private-sector charges to real, reasonable costs.
    References:
        Privacy Act 2020, ss 66 and 67. Office of the Privacy Commissioner guidance on
        charging. Health agencies have further rules (not modelled).
    """
    decision = request.decision
    return charge_outcome(
        request.charge, ctx, gives_access=None if decision is None else decision.gives_access
    )


@check(
    id="AI010",
    name="assistance-not-offered",
    principles=(MW, MN),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S42,),
    severity=Severity.MEDIUM,
    subject=AccessRequest,
    remediation=(
        "Offer help to people who face barriers: talk it through, use an interpreter or "
        "support person, or act as their agent with another agency."
    ),
    tags=("requests", "assistance"),
)
def assistance_not_offered(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """People who face barriers get reasonable help to make their request.

    What it checks:
        Assistance was offered (``assistance_offered``). A requester with a recorded barrier
        (``barriers``: disability, language, literacy, age, distress) who was offered no help
        is not met. With no barrier recorded (an empty list) and no help offered there is
        nothing to judge.
    Why it matters:
        The Privacy Act requires reasonable assistance for people making access or correction
        requests. DPUP notes that disability, culture, language and literacy stop people
        asking, and that people first seeking help are often stressed.
    How to meet it:
        Ask what would help; offer an interpreter, support person, accessible formats or to
        act as the person's agent; record what was offered.
    References:
        Privacy Act 2020, s 42 (the section number is unverified in our notes). DPUP Access
        to Information: help people to ask for their information.
    """
    offered = request.assistance_offered
    if offered:
        return met("Assistance was offered.", "assistance_offered")
    barriers = request.barriers
    if barriers is None:
        return unrecorded("whether the requester faces barriers", "barriers", "assistance_offered")
    if not barriers:
        return not_applicable("No barrier calling for assistance is recorded.", "barriers")
    if offered is None:
        return unrecorded("whether assistance was offered", "assistance_offered")
    return not_met(
        "The requester faces a barrier and was offered no assistance.",
        "barriers",
        "assistance_offered",
    )


@check(
    id="AI011",
    name="refusal-without-grounds",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP6, LegalRef.PA_PART4),
    severity=Severity.HIGH,
    subject=AccessRequest,
    remediation=(
        "When withholding anything, tell the person which withholding grounds apply and that "
        "they may complain to the Privacy Commissioner."
    ),
    tags=("requests", "refusal"),
)
def refusal_without_grounds(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """A refusal or partial release states its grounds and the right to complain.

    What it checks:
        When information is withheld (``decision`` partial or refuse), the response names
        the withholding grounds (``withholding_grounds``) and says the person may complain to
        the Privacy Commissioner (``complaint_right_stated``). Because a withholding ground is
        an exception to the right of access, it is met only once a privacy officer or legal
        adviser has confirmed the grounds apply (``grounds_confirmed``); until then it needs
        review.
    Why it matters:
        A refusal without reasons cannot be understood or challenged, and the complaint route
        is how the Privacy Act keeps withholding honest.
    How to meet it:
        Name each Part 4 ground relied on, say how to complain, and have the grounds checked
        by someone who knows the Act.
    References:
        Privacy Act 2020, IPP6 and Part 4 (grounds for refusing access). Office of the Privacy
        Commissioner guidance on responding to requests.
    """
    decision = request.decision
    if decision is None or not decision.withholds:
        return not_applicable("Nothing is recorded as withheld.", "decision")
    grounds = request.withholding_grounds
    stated = request.complaint_right_stated
    missing = []
    if grounds is not None and not any(g.strip() for g in grounds):
        missing.append("withholding_grounds")
    if stated is False:
        missing.append("complaint_right_stated")
    if missing:
        return not_met("The refusal does not state its grounds or the right to complain.", *missing)
    unknown = [
        path
        for path, value in (("withholding_grounds", grounds), ("complaint_right_stated", stated))
        if value is None
    ]
    if unknown:
        return unrecorded("what the refusal told the person", *unknown)
    if request.grounds_confirmed is not True:
        return needs_review(
            "The refusal states its grounds and the complaint right; whether the grounds apply "
            "has not been confirmed.",
            "withholding_grounds",
            "grounds_confirmed",
            reviewer=Reviewer.LEGAL_ADVISER,
            settle_with=("confirm each withholding ground applies (grounds_confirmed)",),
        )
    return met(
        "The refusal states confirmed grounds and the right to complain.",
        "withholding_grounds",
        "complaint_right_stated",
    )


@check(
    id="AI012",
    name="correction-right-not-stated",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP6,),
    severity=Severity.MEDIUM,
    subject=AccessRequest,
    remediation=(
        "Whenever you release information, tell the person they may ask for it to be "
        "corrected, and how simple that is."
    ),
    tags=("requests", "correction"),
)
def correction_right_not_stated(request: AccessRequest, ctx: EvaluationContext) -> Outcome:
    """Releasing information tells the person they may ask for it to be corrected.

    What it checks:
        When some information is released (``decision`` release or partial), the response
        says the person may ask for correction (``correction_right_stated``).
    Why it matters:
        Seeing a record is often the moment people find a mistake, such as a wrong statement
        in a court report. IPP6 requires an agency that gives access to tell the person of
        their right to seek correction, so that moment is not wasted.
    How to meet it:
        Add a plain sentence on correction to every release, and offer to take the request
        there and then.
    References:
        Privacy Act 2020, IPP6(2) (the subclause number is unverified in our notes). DPUP
        Access to Information.
    """
    decision = request.decision
    if decision is None or not decision.gives_access:
        return not_applicable("No information is recorded as released.", "decision")
    stated = request.correction_right_stated
    if stated is None:
        return unrecorded(
            "whether the release mentioned the right to correction", "correction_right_stated"
        )
    if not stated:
        return not_met(
            "The release did not tell the person they may ask for correction.",
            "correction_right_stated",
        )
    return met(
        "The release told the person they may ask for correction.", "correction_right_stated"
    )
