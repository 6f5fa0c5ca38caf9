"""People seeing and correcting their information: requests and an agency's everyday habits."""

from __future__ import annotations

from datetime import date

import attrs

from dpup._enum import Enum
from dpup.model._validators import non_blank, non_negative, reference

__all__ = [
    "AccessDecision",
    "AccessPractice",
    "AccessRequest",
    "Barrier",
    "Charge",
    "ChargeItem",
    "CorrectionRequest",
    "Extension",
    "ExtensionGround",
    "InformalRoute",
    "RequestChannel",
]


class RequestChannel(Enum):
    """How a request arrived. Every channel, oral included, starts the statutory clock."""

    ORAL = "oral"
    """Asked in person: a spoken request, which AI008 checks was not refused or held up for want
    of writing."""
    PHONE = "phone"
    """Asked by phone: a spoken request, as oral is (AI008)."""
    EMAIL = "email"
    """Asked by email."""
    LETTER = "letter"
    """Asked by letter."""
    FORM = "form"
    """Asked on the agency's request form."""
    PORTAL = "portal"
    """Asked through an online portal or app."""
    VIA_AGENT = "via-agent"
    """Asked by someone acting for the person, such as an advocate, lawyer or whānau member."""


class AccessDecision(Enum):
    """The decision on an access request."""

    RELEASE = "release"
    """Everything asked for is made available."""
    PARTIAL = "partial"
    """Some is made available and some withheld; the withholding needs a reason the Act allows."""
    REFUSE = "refuse"
    """Nothing is made available; the refusal needs a reason the Act allows."""
    TRANSFER = "transfer"
    """The request was passed to another agency that holds the information or is closer to it;
    AI007 times the transfer instead of AI005 the decision."""

    @property
    def gives_access(self) -> bool:
        """Whether some information is released."""
        return self in (AccessDecision.RELEASE, AccessDecision.PARTIAL)

    @property
    def withholds(self) -> bool:
        """Whether some information is withheld."""
        return self in (AccessDecision.PARTIAL, AccessDecision.REFUSE)


class ExtensionGround(Enum):
    """A ground for extending a time limit (Privacy Act 2020, s 48)."""

    VOLUME = "volume"
    """A large quantity of information is asked for or must be searched, and meeting the limit
    would unreasonably interfere with the agency's work."""
    CONSULTATION = "consultation"
    """Consultations needed before deciding cannot reasonably be finished within the limit."""
    COMPLEXITY = "complexity"
    """The request raises issues so complex that a proper answer cannot reasonably be given
    within the limit."""


class ChargeItem(Enum):
    """What a charge is for (Privacy Act 2020, ss 66 and 67).

    Access and correction requests have different chargeable items, and a public-sector
    agency may charge for fewer of them (and then only under the Commissioner's authorisation,
    s 67): see `for_access` and `for_correction`. Anything outside the set for the request and
    the agency's sector may not be charged for at all (s 66(3)).
    """

    MAKING_REQUEST = "making-request"
    """Making the request: never chargeable."""

    ASSESSING = "assessing"
    """Deciding the request, such as weighing withholding grounds: never chargeable."""

    CORRECTING = "correcting"
    """Correcting the information: never chargeable."""

    MAKING_AVAILABLE = "making-available"
    """Making information available on an access request (s 66(1)(a) and (b)(ii))."""

    MATERIALS = "materials"
    """Materials used in making information available: part of that cost (s 66(4)(a))."""

    ASSISTANCE = "assistance"
    """Helping the person make the request (s 42 for access, s 61 for correction)."""

    URGENCY = "urgency"
    """Making information available urgently on an urgent access request (s 66(4)(b))."""

    STATEMENT_OF_CORRECTION = "statement-of-correction"
    """Attaching a statement of correction on a correction request (s 66(2))."""

    @property
    def chargeable(self) -> bool:
        """Whether any agency may charge for it on some request.

        Never for making the request, deciding it or correcting; `for_access` and
        `for_correction` say on which request, and for which sector, it may be charged.
        """
        return self not in _NEVER_CHARGEABLE

    @classmethod
    def for_access(cls, *, public: bool) -> frozenset[ChargeItem]:
        """The items an agency may charge for on an access (IPP6) request (s 66(1)).

        A private-sector agency (an NGO included) may charge for making information available,
        with its materials and urgency costs, and for assistance; assistance only when it
        makes some information available (s 66(1)(b)(i)). A public-sector agency may charge
        only for making information available, and only under an authorisation (s 66(1)(a),
        s 67).
        """
        return _PUBLIC_ACCESS if public else _PRIVATE_ACCESS

    @classmethod
    def for_correction(cls, *, public: bool) -> frozenset[ChargeItem]:
        """The items an agency may charge for on a correction request (s 66(2)).

        A private-sector agency may charge for assistance (s 61) and for attaching a
        statement of correction; a public-sector agency only for attaching a statement, and
        only under an authorisation (s 66(2)(a), s 67). Making information available is an
        access-request item only.
        """
        return _PUBLIC_CORRECTION if public else _PRIVATE_CORRECTION


_NEVER_CHARGEABLE = frozenset(
    {ChargeItem.MAKING_REQUEST, ChargeItem.ASSESSING, ChargeItem.CORRECTING}
)
_PUBLIC_ACCESS = frozenset({ChargeItem.MAKING_AVAILABLE, ChargeItem.MATERIALS, ChargeItem.URGENCY})
_PRIVATE_ACCESS = _PUBLIC_ACCESS | {ChargeItem.ASSISTANCE}
_PUBLIC_CORRECTION = frozenset({ChargeItem.STATEMENT_OF_CORRECTION})
_PRIVATE_CORRECTION = _PUBLIC_CORRECTION | {ChargeItem.ASSISTANCE}


class Barrier(Enum):
    """Something that makes asking harder, calling for reasonable assistance."""

    DISABILITY = "disability"
    """A disability makes asking, or reading the answer, harder."""
    LANGUAGE = "language"
    """The person needs another language, an interpreter or New Zealand Sign Language."""
    LITERACY = "literacy"
    """Reading or writing is hard for the person."""
    AGE = "age"
    """The person's age (a child, or an older person) makes asking harder."""
    DISTRESS = "distress"
    """The person is distressed or in crisis."""


class InformalRoute(Enum):
    """A way to see records without a formal request."""

    SCREEN = "screen"
    """The person looks at the record with a worker, on screen."""
    PRINTOUT = "printout"
    """The person is given a printed copy."""
    PHOTO_OF_SCREEN = "photo-of-screen"
    """The person may take a photo of the screen."""
    EMAIL_COPY = "email-copy"
    """The person is sent a copy by email."""
    COPY_ON_REFERRAL = "copy-on-referral"
    """The person gets a copy of what is sent when they are referred to another service."""
    TALK_THROUGH = "talk-through"
    """A worker talks the person through what is recorded."""


@attrs.frozen
class Extension:
    """A notice extending a time limit: to decide, or to transfer (s 48, or s 65 for corrections).

    On a transferred request it is read as extending the transfer limit (s 43), otherwise the
    decision limit (s 44); the notice rules are the same for both.

    Attributes:
        notice_on: when the extension notice was given.
        period_days: how many working days the extension adds.
        reasons_given: whether the notice gave reasons.
        complaint_right_stated: whether it said the person may complain to the Commissioner.
        ground: the statutory ground relied on.
    """

    notice_on: date | None = None
    period_days: int | None = attrs.field(default=None, validator=non_negative)
    reasons_given: bool | None = None
    complaint_right_stated: bool | None = None
    ground: ExtensionGround | None = None

    def defects(self, notice_due: date | None = None) -> tuple[str, ...]:
        """Return the fields recorded in a way that makes the notice invalid.

        A notice given after ``notice_due`` is late; a period of zero days states no
        period; reasons or the complaint right recorded as not given are missing. Unrecorded
        fields are not defects (see `unrecorded`).

        Args:
            notice_due: the last day the notice could be given, if known.
        """
        out = []
        if notice_due is not None and self.notice_on is not None and self.notice_on > notice_due:
            out.append("notice_on")
        if self.period_days == 0:
            out.append("period_days")
        if self.reasons_given is False:
            out.append("reasons_given")
        if self.complaint_right_stated is False:
            out.append("complaint_right_stated")
        return tuple(out)

    def unrecorded(self) -> tuple[str, ...]:
        """Return the fields needed to judge the notice that are not recorded."""
        return tuple(name for name in _EXTENSION_FACTS if getattr(self, name) is None)

    def valid_by(self, notice_due: date | None) -> bool | None:
        """Return whether the notice validly extends the time limit.

        Valid means given by ``notice_due``, stating a period, the reasons, the right to
        complain to the Commissioner and a statutory ground. ``False`` when a recorded fact
        makes it invalid; ``None`` when a needed fact (or ``notice_due``) is unknown.
        """
        if self.defects(notice_due):
            return False
        if notice_due is None or self.unrecorded():
            return None
        return True


_EXTENSION_FACTS = ("notice_on", "period_days", "reasons_given", "complaint_right_stated", "ground")


def _due(received: date | None, limit: str) -> date | None:
    """Return the last day of a statutory time limit counted from ``received``."""
    if received is None:
        return None
    # Imported here so importing the model never loads the calendar or the holidays package.
    from dpup import calendar  # noqa: PLC0415 - the model must stay light to import

    if limit == "decision":
        return calendar.decision_due(received)
    if limit == "transfer":
        return calendar.transfer_due(received)
    return calendar.extension_notice_due(received)


def _extend(due: date, days: int) -> date:
    """Return ``due`` pushed back by ``days`` working days."""
    from dpup.calendar import add_working_days  # noqa: PLC0415 - the model stays light

    return add_working_days(due, days)


class _Deadlines:
    """Privacy Act time limits for a request, derived from ``received_on`` and ``extension``.

    Dates are counted in Privacy Act working days (s 7) by `dpup.calendar`, which is
    imported on first use. Each property is ``None`` when ``received_on`` is not recorded
    and raises `dpup.errors.CalendarRangeError` for a date the calendar does not cover.
    """

    __slots__ = ()

    received_on: date | None
    extension: Extension | None

    @property
    def statutory_decision_due(self) -> date | None:
        """The last day to decide without an extension: 20 working days after receipt."""
        return _due(self.received_on, "decision")

    @property
    def transfer_due(self) -> date | None:
        """The last day to transfer the request to another agency: 10 working days."""
        return _due(self.received_on, "transfer")

    @property
    def extension_notice_due(self) -> date | None:
        """The last day to give notice extending the time limit: 20 working days."""
        return _due(self.received_on, "extension-notice")

    @property
    def extension_valid(self) -> bool | None:
        """Whether the recorded extension is valid (see `Extension.valid_by`).

        ``None`` when no extension is recorded, or validity cannot be judged.
        """
        if self.extension is None:
            return None
        return self.extension.valid_by(self.extension_notice_due)

    @property
    def decision_due(self) -> date | None:
        """The last day to decide: the statutory limit, moved by a valid extension's period.

        An extension that is invalid, or whose validity is not fully recorded, moves
        nothing: the agency must be able to show its notice.
        """
        return self._moved(self.statutory_decision_due)

    @property
    def extended_transfer_due(self) -> date | None:
        """The last day to transfer: `transfer_due`, moved by a valid extension's period.

        The extension provision reaches the transfer limit as well as the decision limit
        (s 48(1) names both s 43 and s 44; s 65(1) names s 62 and s 63 for corrections). On a
        transferred request the recorded extension is read as extending the transfer limit.
        As for `decision_due`, only a valid extension moves the date.
        """
        return self._moved(self.transfer_due)

    def _moved(self, due: date | None) -> date | None:
        ext = self.extension
        if due is None or ext is None or ext.period_days is None or not self.extension_valid:
            return due
        return _extend(due, ext.period_days)


@attrs.frozen
class Charge:
    """A charge made for a request.

    Attributes:
        amount: the amount in New Zealand dollars.
        items: what it was charged for.
        commissioner_authorised: for a public-sector agency, whether the Privacy Commissioner
            authorised charging (s 67).
    """

    amount: float | None = attrs.field(default=None, validator=non_negative)
    items: tuple[ChargeItem, ...] | None = None
    commissioner_authorised: bool | None = None


@attrs.frozen
class AccessRequest(_Deadlines):
    """A request by a person to see their information (IPP6).

    Deadlines are properties counted in Privacy Act working days: `statutory_decision_due`
    (s 44), `decision_due` (moved by a valid s 48 extension), `transfer_due` (s 43),
    `extended_transfer_due` (moved by a valid s 48 extension), `extension_notice_due` (s 48)
    and `extension_valid`. Each is ``None`` when
    ``received_on`` is not recorded, and raises `dpup.errors.CalendarRangeError` outside
    the calendar's years.

    Attributes:
        id: identifier.
        received_on: the day the request was received, in any form.
        channel: how it arrived.
        urgent: whether urgency was asked for (s 41).
        decision: the decision.
        decided_on: when the decision was made and communicated.
        transferred_on: when the request was transferred to another agency.
        requester_told_of_transfer_on: when the requester was told of the transfer.
        extension: an extension of the time limit.
        withholding_grounds: the Part 4 grounds relied on to withhold.
        complaint_right_stated: whether the response said the person may complain.
        correction_right_stated: whether releasing it said the person may ask for correction.
        charge: any charge made.
        barriers: barriers the requester faces.
        assistance_offered: whether reasonable assistance was offered.
        preference_followed: whether the person's recorded access preference was followed.
        required_writing: whether the person was asked to put the request, or confirm it, in
            writing. Not a breach in itself: AI008 asks whether the request was still
            accepted as made and decided in time.
        required_lawyer: whether the agency told the person to go through a lawyer.
        grounds_confirmed: whether a privacy officer or legal adviser confirmed that the
            withholding grounds apply.
    """

    id: str = attrs.field(validator=non_blank)
    received_on: date | None = None
    channel: RequestChannel | None = None
    urgent: bool | None = None
    decision: AccessDecision | None = None
    decided_on: date | None = None
    transferred_on: date | None = None
    requester_told_of_transfer_on: date | None = None
    extension: Extension | None = None
    withholding_grounds: tuple[str, ...] | None = None
    complaint_right_stated: bool | None = None
    correction_right_stated: bool | None = None
    charge: Charge | None = None
    barriers: tuple[Barrier, ...] | None = None
    assistance_offered: bool | None = None
    preference_followed: bool | None = None
    required_writing: bool | None = None
    required_lawyer: bool | None = None
    grounds_confirmed: bool | None = None


@attrs.frozen
class CorrectionRequest(_Deadlines):
    """A request to correct information (IPP7).

    Deadlines are properties, as on `AccessRequest`: `statutory_decision_due`,
    `decision_due` (moved by a valid s 65 extension), `transfer_due`,
    `extended_transfer_due`, `extension_notice_due` and `extension_valid`.

    Attributes:
        id: identifier.
        received_on: when the request was received.
        decided_on: when the person was told whether it would be corrected.
        extension: an extension of the time limit (s 65).
        corrected: whether the information was corrected.
        reasons_given: for a refusal, whether reasons were given.
        statement_offered: for a refusal, whether the person was told they may have a
            statement of correction attached.
        statement_provided: whether the person provided a statement of correction.
        statement_attached: whether that statement was attached to the information.
        complaint_right_stated: whether the person was told they may complain.
        disclosures: ids of the disclosures that carried the information being corrected.
        notified: ids of those disclosures whose recipients were told of the correction.
        not_notified_reason: why the remaining recipients were not told, if any were not.
        charge: any charge made.
        items: names of the information items the correction concerns.
        transfer_decided: whether the agency decided the request should go to another agency
            that holds the information or whose work it is more closely connected with
            (s 62).
        transferred_on: when the request was transferred to that agency.
        requester_told_of_transfer_on: when the requester was told of the transfer.
    """

    id: str = attrs.field(validator=non_blank)
    received_on: date | None = None
    decided_on: date | None = None
    extension: Extension | None = None
    corrected: bool | None = None
    reasons_given: bool | None = None
    statement_offered: bool | None = None
    statement_provided: bool | None = None
    statement_attached: bool | None = None
    complaint_right_stated: bool | None = None
    disclosures: tuple[str, ...] | None = reference("disclosure")
    notified: tuple[str, ...] | None = reference("disclosure")
    not_notified_reason: str | None = None
    charge: Charge | None = None
    items: tuple[str, ...] | None = reference("item")
    transfer_decided: bool | None = None
    transferred_on: date | None = None
    requester_told_of_transfer_on: date | None = None


@attrs.frozen
class AccessPractice:
    """How an agency helps people see and correct their information day to day.

    Attributes:
        rights_explained_at_enrolment: whether rights are explained when people start.
        how_to_ask_explained: whether people are told how simple asking is ("just ask").
        proactive_copies: whether people get copies without asking.
        proactive_copies_when: when they get them (e.g. "programme end").
        informal_routes: ways to see records without a formal request.
        formats: formats copies come in (e.g. "adult", "child", "easy-read").
        self_correction: whether people can update some of their information themselves.
        check_in_interval_days: how often staff check in about updates.
        preferences_recorded: whether people's access preferences are recorded.
        front_door_with: partner agencies whose holdings people can ask for through this one.
        requires_writing: whether policy asks for requests to be made, or confirmed, in writing.
        requires_lawyer: whether policy sends people to a lawyer or formal process.
        records_co_completed: whether records are completed with the person.
        own_perspective_recorded: whether people can add their own view beside the record.
        oral_requests_accepted: whether a spoken request is treated as a request from the day
            it is made (logged, and its time limit running), even where the person is also
            asked to confirm it in writing.
        response_working_days: the working days within which the agency commits to deciding
            a request to see or correct information (its published or standing practice, not
            one request's deadline). The Privacy Act 2020 allows at most 20 unless a request's
            limit is extended (AI025).
    """

    rights_explained_at_enrolment: bool | None = None
    how_to_ask_explained: bool | None = None
    proactive_copies: bool | None = None
    proactive_copies_when: str | None = None
    informal_routes: tuple[InformalRoute, ...] | None = None
    formats: tuple[str, ...] | None = None
    self_correction: bool | None = None
    check_in_interval_days: int | None = attrs.field(default=None, validator=non_negative)
    preferences_recorded: bool | None = None
    front_door_with: tuple[str, ...] | None = None
    requires_writing: bool | None = None
    requires_lawyer: bool | None = None
    records_co_completed: bool | None = None
    own_perspective_recorded: bool | None = None
    oral_requests_accepted: bool | None = None
    response_working_days: int | None = attrs.field(default=None, validator=non_negative)
