"""Cases for the Access to Information checks (AI001 to AI022), and focused tests."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import attrs
import pytest

from dpup import (
    AccessPractice,
    AccessRequest,
    Activity,
    Basis,
    CalendarRangeError,
    CorrectionRequest,
    Disclosure,
    Guideline,
    InformationItem,
    LegalRef,
    SharingAgreement,
    Status,
    evaluate,
    load,
)
from dpup.model import (
    AccessDecision,
    Agency,
    Audience,
    Barrier,
    Charge,
    ChargeItem,
    Extension,
    ExtensionGround,
    FlowKind,
    Identifiability,
    InformalRoute,
    Recipient,
    RequestChannel,
    Sector,
    SharingGround,
)
from tests.checks.cases import Case, run_case

MET, NOT_MET, REVIEW, NA = (
    Status.MET,
    Status.NOT_MET,
    Status.NEEDS_REVIEW,
    Status.NOT_APPLICABLE,
)
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

# A request received on Friday 20 December 2024 (domain reference section 10.1): working days
# 1 and 2 are 23 and 24 December, day 3 is 16 January 2025 after the summer closedown, the
# transfer limit is Monday 27 January and the decision limit Tuesday 11 February 2025.
RECEIVED = date(2024, 12, 20)
TRANSFER_DUE = date(2025, 1, 27)
DECISION_DUE = date(2025, 2, 11)
EXTENDED_DUE = date(2025, 2, 25)  # ten working days after DECISION_DUE
IN_TIME = date(2025, 1, 30)
LATE = date(2025, 2, 12)
WITHIN_EXTENSION = date(2025, 2, 20)
BEFORE_DUE = date(2025, 1, 20)


def _ext(**kw: object) -> Extension:
    """Return a valid ten-day extension notice, with ``kw`` changed."""
    base = Extension(
        notice_on=date(2025, 2, 3),
        period_days=10,
        reasons_given=True,
        complaint_right_stated=True,
        ground=ExtensionGround.VOLUME,
    )
    return attrs.evolve(base, **kw)  # type: ignore[arg-type]  # test builder with loose kwargs


def _req(**kw: object) -> AccessRequest:
    """Return an access request received on ``RECEIVED``, with ``kw`` set."""
    base: dict[str, object] = {"received_on": RECEIVED}
    base.update(kw)
    return AccessRequest("r", **base)  # type: ignore[arg-type]  # test builder


def _released(**kw: object) -> AccessRequest:
    """Return a request released in time, with ``kw`` set."""
    return _req(decision=AccessDecision.RELEASE, decided_on=IN_TIME, **kw)


def _cor(**kw: object) -> CorrectionRequest:
    """Return a correction request received on ``RECEIVED``, with ``kw`` set."""
    base: dict[str, object] = {"received_on": RECEIVED}
    base.update(kw)
    return CorrectionRequest("c", **base)  # type: ignore[arg-type]  # test builder


def _refused(**kw: object) -> CorrectionRequest:
    """Return a refused correction that did everything right, with ``kw`` changed."""
    base: dict[str, object] = {
        "corrected": False,
        "decided_on": IN_TIME,
        "reasons_given": True,
        "statement_offered": True,
        "statement_provided": True,
        "statement_attached": True,
        "complaint_right_stated": True,
    }
    base.update(kw)
    return _cor(**base)


def _sector(sector: Sector | None) -> Activity:
    """Return an activity whose agency is in ``sector``."""
    return Activity("a", agency=Agency("x", sector=sector))


NGO, PUBLIC = _sector(Sector.NGO), _sector(Sector.PUBLIC)


def _charge(*items: ChargeItem, amount: float = 20.0, **kw: object) -> Charge:
    return Charge(amount=amount, items=items, **kw)  # type: ignore[arg-type]  # test builder


def _recipient(name: str, part: str | None = None) -> Recipient:
    return Recipient(name, part=part)


def _sent(ident: str, name: str, **kw: object) -> Disclosure:
    """Return a disclosure of the court report to ``name``."""
    base: dict[str, object] = {
        "recipient": _recipient(name),
        "items": ("report",),
        "on": date(2026, 3, 20),
    }
    base.update(kw)
    return Disclosure(ident, **base)  # type: ignore[arg-type]  # test builder


_REPORT = InformationItem("report", identifiability=Identifiability.IDENTIFYING)
_COURT, _LAWYER, _SOCIAL = "Family Court", "Parent's lawyer", "Court social worker"


def _three(notified: tuple[str, ...], *extra: Disclosure, **kw: object) -> Activity:
    """Return an activity where a report went to three recipients and was then corrected."""
    disclosures = (
        _sent("to-court", _COURT),
        _sent("to-lawyer", _LAWYER),
        _sent("to-social-worker", _SOCIAL),
        *extra,
    )
    base: dict[str, object] = {
        "corrected": True,
        "decided_on": date(2026, 3, 27),
        "disclosures": ("to-court", "to-lawyer", "to-social-worker"),
        "notified": notified,
    }
    base.update(kw)
    correction = CorrectionRequest("c", **base)  # type: ignore[arg-type]  # test builder
    return Activity(
        "a",
        agreements=(SharingAgreement("g", fields=(_REPORT,)),),
        disclosures=disclosures,
        correction_requests=(correction,),
    )


_ALL = ("to-court", "to-lawyer", "to-social-worker")
_COR = "$.correction_requests[0]"


def _audience(**kw: object) -> Activity:
    return Activity("a", audience=Audience(**kw))  # type: ignore[arg-type]  # test builder


def _with_practice(practice: AccessPractice, *requests: AccessRequest) -> Activity:
    return Activity("a", access_practice=practice, access_requests=requests)


def _agreement(**kw: object) -> SharingAgreement:
    base: dict[str, object] = {"parties": ("the agency", "City Centre Social Services")}
    base.update(kw)
    return SharingAgreement("g", **base)  # type: ignore[arg-type]  # test builder


_AGGREGATE = InformationItem("count", identifiability=Identifiability.AGGREGATE)
_IDENTIFYING = InformationItem("name", identifiability=Identifiability.IDENTIFYING)


CASES: list[Case] = [
    # AI001 formal-request-required
    Case(
        "ai001-any-form",
        "AI001",
        AccessPractice(requires_writing=False, requires_lawyer=False),
        MET,
    ),
    Case("ai001-writing", "AI001", AccessPractice(requires_writing=True), NOT_MET),
    Case("ai001-lawyer", "AI001", AccessPractice(requires_lawyer=True), NOT_MET),
    Case("ai001-unrecorded", "AI001", AccessPractice(), REVIEW),
    # AI002 rights-not-explained-at-enrolment
    Case(
        "ai002-explained",
        "AI002",
        AccessPractice(rights_explained_at_enrolment=True, how_to_ask_explained=True),
        MET,
    ),
    Case("ai002-not", "AI002", AccessPractice(rights_explained_at_enrolment=False), NOT_MET),
    Case(
        "ai002-not-how",
        "AI002",
        AccessPractice(rights_explained_at_enrolment=True, how_to_ask_explained=False),
        NOT_MET,
    ),
    Case("ai002-unrecorded", "AI002", AccessPractice(), REVIEW),
    # AI003 no-proactive-copies
    Case(
        "ai003-copies",
        "AI003",
        AccessPractice(proactive_copies=True, proactive_copies_when="programme end"),
        MET,
    ),
    Case("ai003-on-request", "AI003", AccessPractice(proactive_copies=False), NOT_MET),
    Case("ai003-no-trigger", "AI003", AccessPractice(proactive_copies=True), REVIEW),
    # AI004 correction-recipients-not-told (alone, by ids)
    Case(
        "ai004-all-told",
        "AI004",
        CorrectionRequest(
            "r", corrected=True, disclosures=("a", "b", "c"), notified=("a", "b", "c")
        ),
        MET,
    ),
    Case(
        "ai004-one-of-three",
        "AI004",
        CorrectionRequest("r", corrected=True, disclosures=("a", "b", "c"), notified=("a",)),
        NOT_MET,
    ),
    Case(
        "ai004-reason",
        "AI004",
        CorrectionRequest(
            "r",
            corrected=True,
            disclosures=("a", "b"),
            notified=("a",),
            not_notified_reason="recipient closed",
        ),
        REVIEW,
    ),
    Case("ai004-not-corrected", "AI004", CorrectionRequest("r", corrected=False), NA),
    Case("ai004-undecided", "AI004", CorrectionRequest("r"), NA),
    Case(
        "ai004-decided-outcome-unrecorded",
        "AI004",
        CorrectionRequest("r", decided_on=IN_TIME),
        REVIEW,
    ),
    Case(
        "ai004-never-disclosed", "AI004", CorrectionRequest("r", corrected=True, disclosures=()), NA
    ),
    Case(
        "ai004-statement-attached",
        "AI004",
        CorrectionRequest(
            "r", corrected=False, statement_attached=True, disclosures=("a",), notified=("a",)
        ),
        MET,
    ),
    # AI004 through an activity's disclosures
    Case("ai004-activity-all-told", "AI004", _three(_ALL), MET, path=_COR),
    Case("ai004-activity-one-told", "AI004", _three(("to-court",)), NOT_MET, path=_COR),
    Case(
        "ai004-activity-none-told",
        "AI004",
        _three(()),
        NOT_MET,
        path=_COR,
    ),
    Case(
        "ai004-same-recipient-twice",
        "AI004",
        _three(
            _ALL,
            _sent("to-court-again", _COURT),
            disclosures=(*_ALL, "to-court-again"),
        ),
        MET,
        path=_COR,
    ),
    Case(
        "ai004-internal-use-needs-no-notice",
        "AI004",
        _three(
            _ALL,
            _sent("team-use", "CCSS team", kind=FlowKind.USE),
            disclosures=(*_ALL, "team-use"),
        ),
        MET,
        path=_COR,
    ),
    Case(
        "ai004-to-person-needs-no-notice",
        "AI004",
        _three(
            _ALL,
            _sent("to-james", "the parent", ground=SharingGround.TO_PERSON),
            disclosures=(*_ALL, "to-james"),
        ),
        MET,
        path=_COR,
    ),
    Case(
        "ai004-only-internal",
        "AI004",
        _three((), _sent("team-use", "CCSS team", kind=FlowKind.USE), disclosures=("team-use",)),
        NA,
        path=_COR,
    ),
    Case(
        "ai004-unlisted-disclosure",
        "AI004",
        _three(_ALL, _sent("to-police", "NZ Police"), items=("report",)),
        REVIEW,
        path=_COR,
    ),
    Case(
        "ai004-unlisted-after-decision",
        "AI004",
        _three(_ALL, _sent("later", "NZ Police", on=date(2026, 5, 1)), items=("report",)),
        MET,
        path=_COR,
    ),
    Case(
        "ai004-unlisted-on-the-decision-day",
        "AI004",
        _three(_ALL, _sent("same-day", "NZ Police", on=date(2026, 3, 27)), items=("report",)),
        REVIEW,
        path=_COR,
    ),
    Case(
        "ai004-items-named-without-activity",
        "AI004",
        CorrectionRequest(
            "r", corrected=True, items=("report",), disclosures=("a",), notified=("a",)
        ),
        MET,
    ),
    # AI005 access-decision-late
    Case("ai005-in-time", "AI005", _released(), MET),
    Case(
        "ai005-on-the-last-day",
        "AI005",
        _req(decision=AccessDecision.RELEASE, decided_on=DECISION_DUE),
        MET,
    ),
    Case("ai005-late", "AI005", _req(decision=AccessDecision.RELEASE, decided_on=LATE), NOT_MET),
    Case(
        "ai005-within-valid-extension",
        "AI005",
        _req(decision=AccessDecision.PARTIAL, decided_on=WITHIN_EXTENSION, extension=_ext()),
        MET,
    ),
    Case(
        "ai005-after-extension",
        "AI005",
        _req(
            decision=AccessDecision.RELEASE,
            decided_on=date(2025, 2, 26),
            extension=_ext(),
        ),
        NOT_MET,
    ),
    Case(
        "ai005-invalid-extension",
        "AI005",
        _req(
            decision=AccessDecision.RELEASE,
            decided_on=WITHIN_EXTENSION,
            extension=_ext(reasons_given=False),
        ),
        NOT_MET,
    ),
    Case(
        "ai005-extension-unclear",
        "AI005",
        _req(
            decision=AccessDecision.RELEASE,
            decided_on=WITHIN_EXTENSION,
            extension=_ext(ground=None),
        ),
        REVIEW,
    ),
    Case("ai005-undecided-overdue", "AI005", _req(), NOT_MET),
    Case("ai005-undecided-in-time", "AI005", _req(), NA, as_at=BEFORE_DUE),
    Case(
        "ai005-undecided-extension-unclear",
        "AI005",
        _req(extension=_ext(ground=None)),
        REVIEW,
        as_at=WITHIN_EXTENSION,
    ),
    Case("ai005-decided-no-date", "AI005", _req(decision=AccessDecision.REFUSE), REVIEW),
    Case("ai005-no-receipt", "AI005", AccessRequest("r", decided_on=IN_TIME), REVIEW),
    Case(
        "ai005-before-calendar",
        "AI005",
        AccessRequest("r", received_on=date(1999, 12, 1), decided_on=date(1999, 12, 2)),
        REVIEW,
    ),
    Case(
        "ai005-dated-before-receipt",
        "AI005",
        _req(decision=AccessDecision.RELEASE, decided_on=date(2024, 12, 1)),
        REVIEW,
    ),
    Case("ai005-transferred", "AI005", _req(decision=AccessDecision.TRANSFER), NA),
    # AI006 access-extension-invalid
    Case("ai006-none", "AI006", _req(), NA),
    Case("ai006-valid", "AI006", _req(extension=_ext()), MET),
    Case("ai006-on-last-day", "AI006", _req(extension=_ext(notice_on=DECISION_DUE)), MET),
    Case("ai006-late-notice", "AI006", _req(extension=_ext(notice_on=LATE)), NOT_MET),
    Case("ai006-no-reasons", "AI006", _req(extension=_ext(reasons_given=False)), NOT_MET),
    Case(
        "ai006-no-complaint-right",
        "AI006",
        _req(extension=_ext(complaint_right_stated=False)),
        NOT_MET,
    ),
    Case("ai006-no-period", "AI006", _req(extension=_ext(period_days=0)), NOT_MET),
    Case("ai006-ground-unrecorded", "AI006", _req(extension=_ext(ground=None)), REVIEW),
    Case("ai006-long", "AI006", _req(extension=_ext(period_days=30)), REVIEW),
    Case("ai006-no-receipt", "AI006", AccessRequest("r", extension=_ext()), REVIEW),
    Case(
        "ai006-before-calendar",
        "AI006",
        AccessRequest("r", received_on=date(1999, 1, 4), extension=_ext()),
        REVIEW,
    ),
    # AI007 transfer-late-or-untold
    Case("ai007-no-transfer", "AI007", _released(), NA),
    Case(
        "ai007-in-time",
        "AI007",
        _req(
            decision=AccessDecision.TRANSFER,
            transferred_on=date(2025, 1, 24),
            requester_told_of_transfer_on=TRANSFER_DUE,
        ),
        MET,
    ),
    Case(
        "ai007-late",
        "AI007",
        _req(
            decision=AccessDecision.TRANSFER,
            transferred_on=date(2025, 1, 28),
            requester_told_of_transfer_on=date(2025, 1, 28),
        ),
        NOT_MET,
    ),
    Case("ai007-not-done-overdue", "AI007", _req(decision=AccessDecision.TRANSFER), NOT_MET),
    Case(
        "ai007-not-done-in-time",
        "AI007",
        _req(decision=AccessDecision.TRANSFER),
        NA,
        as_at=BEFORE_DUE,
    ),
    Case(
        "ai007-person-not-told",
        "AI007",
        _req(transferred_on=date(2025, 1, 24)),
        NOT_MET,
    ),
    Case(
        "ai007-no-receipt",
        "AI007",
        AccessRequest("r", decision=AccessDecision.TRANSFER),
        REVIEW,
    ),
    Case(
        "ai007-before-calendar",
        "AI007",
        AccessRequest("r", received_on=date(1999, 1, 4), decision=AccessDecision.TRANSFER),
        REVIEW,
    ),
    # AI008 request-form-imposed
    Case("ai008-as-made", "AI008", _req(required_writing=False, required_lawyer=False), MET),
    Case("ai008-writing", "AI008", _req(required_writing=True), NOT_MET),
    Case("ai008-lawyer", "AI008", _req(required_lawyer=True), NOT_MET),
    Case("ai008-oral-decided", "AI008", _released(channel=RequestChannel.ORAL), MET),
    Case(
        "ai008-oral-but-writing",
        "AI008",
        _released(channel=RequestChannel.ORAL, required_writing=True),
        NOT_MET,
    ),
    Case("ai008-unrecorded", "AI008", _req(channel=RequestChannel.EMAIL), REVIEW),
    # AI009 unlawful-access-charge
    Case("ai009-unrecorded", "AI009", _released(), REVIEW, context=NGO),
    Case("ai009-free", "AI009", _released(charge=Charge(amount=0)), MET, context=PUBLIC),
    Case(
        "ai009-for-the-request",
        "AI009",
        _released(charge=_charge(ChargeItem.MAKING_REQUEST)),
        NOT_MET,
        context=NGO,
    ),
    Case(
        "ai009-for-assessing",
        "AI009",
        _released(charge=_charge(ChargeItem.MATERIALS, ChargeItem.ASSESSING)),
        NOT_MET,
        context=PUBLIC,
    ),
    Case(
        "ai009-public-unauthorised",
        "AI009",
        _released(charge=_charge(ChargeItem.MATERIALS, commissioner_authorised=False)),
        NOT_MET,
        context=PUBLIC,
    ),
    Case(
        "ai009-public-authorisation-unrecorded",
        "AI009",
        _released(charge=_charge(ChargeItem.MATERIALS)),
        REVIEW,
        context=PUBLIC,
    ),
    Case(
        "ai009-public-authorised",
        "AI009",
        _released(charge=_charge(ChargeItem.MATERIALS, commissioner_authorised=True)),
        REVIEW,
        context=PUBLIC,
    ),
    Case(
        "ai009-ngo-reasonable",
        "AI009",
        _released(charge=_charge(ChargeItem.MATERIALS, ChargeItem.URGENCY)),
        REVIEW,
        context=NGO,
    ),
    Case(
        "ai009-assistance-on-refusal",
        "AI009",
        _req(
            decision=AccessDecision.REFUSE,
            decided_on=IN_TIME,
            charge=_charge(ChargeItem.ASSISTANCE),
        ),
        NOT_MET,
        context=NGO,
    ),
    Case(
        "ai009-sector-unrecorded",
        "AI009",
        _released(charge=_charge(ChargeItem.MATERIALS)),
        REVIEW,
        context=_sector(None),
    ),
    Case(
        "ai009-ngo-items-unrecorded",
        "AI009",
        _released(charge=Charge(amount=10)),
        REVIEW,
        context=NGO,
    ),
    # AI010 assistance-not-offered
    Case("ai010-offered", "AI010", _req(assistance_offered=True), MET),
    Case(
        "ai010-barrier-no-help",
        "AI010",
        _req(barriers=(Barrier.LANGUAGE,), assistance_offered=False),
        NOT_MET,
    ),
    Case("ai010-no-barrier", "AI010", _req(barriers=(), assistance_offered=False), NA),
    Case("ai010-barriers-unrecorded", "AI010", _req(assistance_offered=False), REVIEW),
    Case("ai010-help-unrecorded", "AI010", _req(barriers=(Barrier.LITERACY,)), REVIEW),
    # AI011 refusal-without-grounds
    Case("ai011-released", "AI011", _released(), NA),
    Case(
        "ai011-confirmed",
        "AI011",
        _req(
            decision=AccessDecision.REFUSE,
            withholding_grounds=("s 53(b)",),
            complaint_right_stated=True,
            grounds_confirmed=True,
        ),
        MET,
    ),
    Case(
        "ai011-no-grounds",
        "AI011",
        _req(decision=AccessDecision.REFUSE, withholding_grounds=(), complaint_right_stated=True),
        NOT_MET,
    ),
    Case(
        "ai011-no-complaint-right",
        "AI011",
        _req(
            decision=AccessDecision.PARTIAL,
            withholding_grounds=("s 53(b)",),
            complaint_right_stated=False,
        ),
        NOT_MET,
    ),
    Case(
        "ai011-unconfirmed",
        "AI011",
        _req(
            decision=AccessDecision.REFUSE,
            withholding_grounds=("s 53(b)",),
            complaint_right_stated=True,
        ),
        REVIEW,
    ),
    Case("ai011-unrecorded", "AI011", _req(decision=AccessDecision.PARTIAL), REVIEW),
    # AI012 correction-right-not-stated
    Case("ai012-stated", "AI012", _released(correction_right_stated=True), MET),
    Case(
        "ai012-not-stated",
        "AI012",
        _req(decision=AccessDecision.PARTIAL, correction_right_stated=False),
        NOT_MET,
    ),
    Case("ai012-unrecorded", "AI012", _released(), REVIEW),
    Case("ai012-refused", "AI012", _req(decision=AccessDecision.REFUSE), NA),
    # AI013 correction-decision-late
    Case("ai013-in-time", "AI013", _cor(corrected=True, decided_on=IN_TIME), MET),
    Case("ai013-late", "AI013", _cor(corrected=False, decided_on=LATE), NOT_MET),
    Case(
        "ai013-within-extension",
        "AI013",
        _cor(corrected=True, decided_on=WITHIN_EXTENSION, extension=_ext()),
        MET,
    ),
    Case("ai013-undecided-overdue", "AI013", _cor(), NOT_MET),
    Case("ai013-undecided-in-time", "AI013", _cor(), NA, as_at=BEFORE_DUE),
    Case("ai013-no-date", "AI013", _cor(corrected=True), REVIEW),
    Case("ai013-no-receipt", "AI013", CorrectionRequest("c", corrected=True), REVIEW),
    # AI014 correction-extension-invalid
    Case("ai014-none", "AI014", _cor(), NA),
    Case("ai014-valid", "AI014", _cor(extension=_ext()), MET),
    Case("ai014-late", "AI014", _cor(extension=_ext(notice_on=LATE)), NOT_MET),
    Case(
        "ai014-complaint-unrecorded",
        "AI014",
        _cor(extension=_ext(complaint_right_stated=None)),
        REVIEW,
    ),
    # AI015 correction-refusal-incomplete
    Case("ai015-corrected", "AI015", _cor(corrected=True, decided_on=IN_TIME), NA),
    Case("ai015-undecided", "AI015", _cor(), NA),
    Case("ai015-outcome-unrecorded", "AI015", _cor(decided_on=IN_TIME), REVIEW),
    Case("ai015-complete", "AI015", _refused(), MET),
    Case(
        "ai015-no-statement-given",
        "AI015",
        _refused(statement_provided=False, statement_attached=None),
        MET,
    ),
    Case("ai015-no-reasons", "AI015", _refused(reasons_given=False), NOT_MET),
    Case("ai015-not-attached", "AI015", _refused(statement_attached=False), NOT_MET),
    Case("ai015-offer-unrecorded", "AI015", _refused(statement_offered=None), REVIEW),
    Case(
        "ai015-statement-unrecorded",
        "AI015",
        _refused(statement_provided=None, statement_attached=None),
        REVIEW,
    ),
    # AI016 unlawful-correction-charge
    Case("ai016-free", "AI016", _cor(charge=Charge(amount=0.0)), MET, context=NGO),
    Case(
        "ai016-for-correcting",
        "AI016",
        _cor(charge=_charge(ChargeItem.CORRECTING)),
        NOT_MET,
        context=NGO,
    ),
    Case(
        "ai016-public-statement",
        "AI016",
        _cor(charge=_charge(ChargeItem.STATEMENT_OF_CORRECTION, commissioner_authorised=False)),
        NOT_MET,
        context=PUBLIC,
    ),
    Case(
        "ai016-ngo-statement",
        "AI016",
        _cor(charge=_charge(ChargeItem.STATEMENT_OF_CORRECTION)),
        REVIEW,
        context=NGO,
    ),
    # AI017 no-informal-route
    Case(
        "ai017-screen",
        "AI017",
        AccessPractice(informal_routes=(InformalRoute.SCREEN,)),
        MET,
    ),
    Case("ai017-formal-only", "AI017", AccessPractice(informal_routes=()), NOT_MET),
    Case("ai017-unrecorded", "AI017", AccessPractice(), REVIEW),
    # AI018 formats-miss-audience
    Case(
        "ai018-adult-and-child",
        "AI018",
        AccessPractice(formats=("adult", "child")),
        MET,
        context=_audience(children=True),
    ),
    Case(
        "ai018-no-child-version",
        "AI018",
        AccessPractice(formats=("adult",)),
        NOT_MET,
        context=_audience(children=True),
    ),
    Case(
        "ai018-child-only",
        "AI018",
        AccessPractice(formats=("Child version",)),
        REVIEW,
        context=_audience(children=True),
    ),
    Case(
        "ai018-adults-only",
        "AI018",
        AccessPractice(formats=("adult",)),
        MET,
        context=_audience(children=False),
    ),
    Case(
        "ai018-need-unmet",
        "AI018",
        AccessPractice(formats=("adult",)),
        REVIEW,
        context=_audience(children=False, accessibility_needs=("large-print",)),
    ),
    Case(
        "ai018-needs-met",
        "AI018",
        AccessPractice(formats=("adult", "Large print", "Easy Read")),
        MET,
        context=_audience(
            children=False, accessibility_needs=("large-print",), literacy_barriers=True
        ),
    ),
    Case(
        "ai018-literacy-unmet",
        "AI018",
        AccessPractice(formats=("adult",)),
        REVIEW,
        context=_audience(children=False, literacy_barriers=True),
    ),
    Case("ai018-formats-unrecorded", "AI018", AccessPractice(), REVIEW, context=_audience()),
    Case("ai018-no-audience", "AI018", AccessPractice(formats=("adult",)), REVIEW),
    Case(
        "ai018-children-unrecorded",
        "AI018",
        AccessPractice(formats=("adult",)),
        REVIEW,
        context=_audience(),
    ),
    # AI019 no-regular-check-ins
    Case("ai019-regular", "AI019", AccessPractice(check_in_interval_days=30), MET),
    Case("ai019-at-limit", "AI019", AccessPractice(check_in_interval_days=90), MET),
    Case(
        "ai019-neither",
        "AI019",
        AccessPractice(check_in_interval_days=180, self_correction=False),
        NOT_MET,
    ),
    Case("ai019-self-update", "AI019", AccessPractice(self_correction=True), REVIEW),
    Case("ai019-unrecorded", "AI019", AccessPractice(), REVIEW),
    Case(
        "ai019-self-update-unrecorded",
        "AI019",
        AccessPractice(check_in_interval_days=180),
        REVIEW,
    ),
    # AI020 access-preferences-not-recorded
    Case("ai020-recorded", "AI020", AccessPractice(preferences_recorded=True), MET),
    Case("ai020-not-recorded", "AI020", AccessPractice(preferences_recorded=False), NOT_MET),
    Case("ai020-unrecorded", "AI020", AccessPractice(), REVIEW),
    Case(
        "ai020-followed",
        "AI020",
        _with_practice(
            AccessPractice(preferences_recorded=True), _released(preference_followed=True)
        ),
        MET,
        path="$.access_practice",
    ),
    Case(
        "ai020-not-followed",
        "AI020",
        _with_practice(
            AccessPractice(preferences_recorded=True), _released(preference_followed=False)
        ),
        REVIEW,
        path="$.access_practice",
    ),
    # AI021 records-not-co-completed
    Case(
        "ai021-co-completed",
        "AI021",
        AccessPractice(records_co_completed=True, own_perspective_recorded=True),
        MET,
    ),
    Case(
        "ai021-not",
        "AI021",
        AccessPractice(records_co_completed=False, own_perspective_recorded=True),
        NOT_MET,
    ),
    Case("ai021-unrecorded", "AI021", AccessPractice(records_co_completed=True), REVIEW),
    # AI022 no-front-door
    Case("ai022-protocol", "AI022", _agreement(access_protocol=True), MET),
    Case(
        "ai022-no-protocol-identifying",
        "AI022",
        _agreement(access_protocol=False, fields=(_IDENTIFYING,)),
        NOT_MET,
    ),
    Case("ai022-no-protocol-unknown-fields", "AI022", _agreement(access_protocol=False), NOT_MET),
    Case(
        "ai022-aggregate-only",
        "AI022",
        _agreement(access_protocol=False, fields=(_AGGREGATE,)),
        NA,
    ),
    Case(
        "ai022-front-door-practice",
        "AI022",
        Activity(
            "a",
            agreements=(_agreement(),),
            access_practice=AccessPractice(front_door_with=("The Agency",)),
        ),
        MET,
        path="$.agreements[0]",
    ),
    Case("ai022-unrecorded", "AI022", _agreement(fields=(_IDENTIFYING,)), REVIEW),
]

# ---------------------------------------------------------------------------------------------
# Branches the table above did not reach, found by mutation testing (``make mutation``). The
# golden snapshot (test_golden.py) pins their messages and evidence paths too.
# ---------------------------------------------------------------------------------------------


def _front_door(parties: tuple[str, ...] | None) -> Activity:
    """Return an activity whose agency is a front door for MSD, with one agreement."""
    return Activity(
        "a",
        agreements=(_agreement(parties=parties, fields=(_IDENTIFYING,)),),
        access_practice=AccessPractice(front_door_with=("MSD",)),
    )


def _late_unlisted(**kw: object) -> Activity:
    """Return the three-recipient activity with an unlisted disclosure carrying the report."""
    return _three(_ALL, _sent("to-police", "NZ Police", **kw), items=("report",))


CASES += [
    Case(
        "ai002-how-unrecorded", "AI002", AccessPractice(rights_explained_at_enrolment=True), REVIEW
    ),
    Case("ai003-unrecorded", "AI003", AccessPractice(), REVIEW),
    Case("ai004-disclosures-unrecorded", "AI004", _cor(corrected=True), REVIEW),
    Case("ai004-no-context", "AI004", _cor(corrected=True, disclosures=("d",)), REVIEW),
    Case(
        "ai004-notified-unrecorded",
        "AI004",
        Activity(
            "a",
            agreements=(SharingAgreement("g", fields=(_REPORT,)),),
            disclosures=(_sent("to-court", _COURT),),
            correction_requests=(_cor(corrected=True, disclosures=("to-court",)),),
        ),
        REVIEW,
        path=_COR,
    ),
    Case(
        "ai004-unlisted-internal-use",
        "AI004",
        _three(_ALL, _sent("team", "CCSS team", kind=FlowKind.USE), items=("report",)),
        MET,
        path=_COR,
    ),
    Case("ai004-unlisted-undated", "AI004", _late_unlisted(on=None), REVIEW, path=_COR),
    Case(
        "ai004-unlisted-undecided",
        "AI004",
        _three(_ALL, _sent("to-police", "NZ Police"), items=("report",), decided_on=None),
        REVIEW,
        path=_COR,
    ),
    Case(
        "ai005-receipt-unrecorded",
        "AI005",
        AccessRequest("r", decision=AccessDecision.RELEASE),
        REVIEW,
    ),
    Case("ai005-undecided-on-the-last-day", "AI005", _req(), NA, as_at=DECISION_DUE),
    Case(
        "ai005-undecided-on-a-pending-extension-last-day",
        "AI005",
        _req(extension=_ext(ground=None)),
        REVIEW,
        as_at=EXTENDED_DUE,
    ),
    Case(
        "ai005-undecided-invalid-extension",
        "AI005",
        _req(extension=_ext(reasons_given=False)),
        NOT_MET,
        as_at=WITHIN_EXTENSION,
    ),
    Case(
        "ai005-decided-on-receipt",
        "AI005",
        _req(decision=AccessDecision.RELEASE, decided_on=RECEIVED),
        MET,
    ),
    Case(
        "ai005-decided-on-extended-last-day",
        "AI005",
        _req(decision=AccessDecision.RELEASE, decided_on=EXTENDED_DUE, extension=_ext()),
        MET,
    ),
    Case(
        "ai005-decided-on-pending-extension-last-day",
        "AI005",
        _req(decision=AccessDecision.RELEASE, decided_on=EXTENDED_DUE, extension=_ext(ground=None)),
        REVIEW,
    ),
    Case(
        "ai006-receipt-unrecorded",
        "AI006",
        AccessRequest("r", extension=Extension(period_days=10)),
        REVIEW,
    ),
    Case("ai006-longest-reasonable", "AI006", _req(extension=_ext(period_days=20)), MET),
    Case(
        "ai007-receipt-unrecorded",
        "AI007",
        AccessRequest("r", decision=AccessDecision.TRANSFER),
        REVIEW,
    ),
    Case(
        "ai007-not-done-on-the-last-day",
        "AI007",
        _req(decision=AccessDecision.TRANSFER),
        NA,
        as_at=TRANSFER_DUE,
    ),
    Case("ai008-written-decided", "AI008", _released(channel=RequestChannel.EMAIL), REVIEW),
    Case(
        "ai009-undecided-charge",
        "AI009",
        _req(charge=_charge(ChargeItem.MATERIALS)),
        REVIEW,
        context=NGO,
    ),
    Case(
        "ai009-assistance-released",
        "AI009",
        _released(charge=_charge(ChargeItem.ASSISTANCE)),
        REVIEW,
        context=NGO,
    ),
    Case("ai009-no-context", "AI009", _released(charge=_charge(ChargeItem.MATERIALS)), REVIEW),
    Case(
        "ai009-no-agency",
        "AI009",
        _released(charge=_charge(ChargeItem.MATERIALS)),
        REVIEW,
        context=Activity("a"),
    ),
    Case(
        "ai015-attached-unrecorded",
        "AI015",
        _refused(statement_attached=None),
        REVIEW,
    ),
    Case(
        "ai015-provided-unrecorded-not-attached",
        "AI015",
        _refused(statement_provided=None, statement_attached=False),
        REVIEW,
    ),
    Case("ai022-parties-unrecorded", "AI022", _front_door(None), REVIEW, path="$.agreements[0]"),
    Case(
        "ai022-front-door-elsewhere",
        "AI022",
        _front_door(("Oranga Tamariki",)),
        REVIEW,
        path="$.agreements[0]",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """Each Access to Information check reports the expected status for its case."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _statuses(activity: Activity, check_id: str, subject: str) -> list[Status]:
    report = evaluate(activity, select=[check_id])
    return [f.status for f in report.findings if f.subject == subject]


class TestDeadlinesOnTheModel:
    def test_access_request_deadlines(self) -> None:
        """An access request received 20 Dec 2024 is due 11 Feb, transfer 27 Jan 2025."""
        r = _req()
        expected = (DECISION_DUE, DECISION_DUE, TRANSFER_DUE, DECISION_DUE)
        actual = (r.statutory_decision_due, r.decision_due, r.transfer_due, r.extension_notice_due)
        assert expected == actual

    def test_correction_request_deadlines(self) -> None:
        """A correction request carries the same time limits."""
        c = _cor()
        expected = (DECISION_DUE, TRANSFER_DUE, DECISION_DUE)
        assert expected == (c.decision_due, c.transfer_due, c.extension_notice_due)

    def test_unrecorded_receipt_gives_none(self) -> None:
        """Without a receipt date every deadline is None."""
        r = AccessRequest("r", extension=_ext())
        actual = (r.decision_due, r.transfer_due, r.extension_notice_due, r.extension_valid)
        assert (None, None, None, None) == actual

    def test_valid_extension_moves_the_due_date(self) -> None:
        """A valid ten-day extension moves the decision date ten working days on."""
        r = _req(extension=_ext())
        assert (True, DECISION_DUE, EXTENDED_DUE) == (
            r.extension_valid,
            r.statutory_decision_due,
            r.decision_due,
        )

    @pytest.mark.parametrize(
        ("extension", "valid"),
        [
            (_ext(notice_on=LATE), False),
            (_ext(reasons_given=False), False),
            (_ext(period_days=0), False),
            (_ext(ground=None), None),
            (_ext(complaint_right_stated=None), None),
        ],
        ids=["late", "no-reasons", "no-period", "no-ground", "complaint-unrecorded"],
    )
    def test_invalid_or_unclear_extension_moves_nothing(
        self, extension: Extension, valid: bool | None
    ) -> None:
        """Only a valid extension changes decision_due."""
        r = _cor(extension=extension)
        assert (valid, DECISION_DUE) == (r.extension_valid, r.decision_due)

    def test_out_of_range_raises(self) -> None:
        """A date the calendar does not cover raises CalendarRangeError."""
        with pytest.raises(CalendarRangeError):
            _ = AccessRequest("r", received_on=date(1999, 12, 1)).decision_due

    def test_model_import_does_not_load_the_calendar(self) -> None:
        """Importing the model, and building a request, loads neither dpup.calendar nor holidays."""
        code = (
            "import sys, datetime; from dpup.model import AccessRequest; "
            "AccessRequest('r', received_on=datetime.date(2025, 1, 1)); "
            "print(sorted(m for m in ('dpup.calendar', 'holidays') if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]" == out.stdout.strip()

    def test_calendar_gap_is_reviewed_not_crashed(self) -> None:
        """An out-of-range date becomes NEEDS_REVIEW naming the calendar, not a check error."""
        report = evaluate(AccessRequest("r", received_on=date(1999, 12, 1)), select=["AI005"])
        (finding,) = report.findings
        assert ((), REVIEW) == (report.errors, finding.status)
        assert "calendar does not cover" in finding.message


class TestJamesDateVariant:
    """Domain reference section 10.1: an oral request on Friday 20 December 2024."""

    def test_decided_30_january_is_met(self) -> None:
        """Deciding on 30 Jan 2025 (working day 13) meets AI005, and the oral request AI008."""
        request = _req(
            channel=RequestChannel.ORAL, decision=AccessDecision.RELEASE, decided_on=IN_TIME
        )
        report = evaluate(request, select=["AI005", "AI008"])
        assert [MET, MET] == [f.status for f in report.findings]

    def test_decided_12_february_without_extension_is_not_met(self) -> None:
        """Deciding on 12 Feb 2025, one working day late, with no extension fails AI005."""
        request = _req(
            channel=RequestChannel.ORAL, decision=AccessDecision.RELEASE, decided_on=LATE
        )
        (finding,) = evaluate(request, select=["AI005"]).findings
        assert (NOT_MET, Basis.LAW) == (finding.status, finding.basis)


class TestCorrectionRecipients:
    def test_one_of_three_told_is_a_legal_failure(self) -> None:
        """Telling one of three recipients is NOT_MET on IPP7, pointing at the other two."""
        report = evaluate(_three(("to-court",)), select=["AI004"])
        (finding,) = report.findings
        expected = (
            NOT_MET,
            Basis.LAW,
            (LegalRef.IPP7,),
            ("$.disclosures[1]", "$.disclosures[2]"),
        )
        assert expected == (finding.status, finding.basis, finding.legal_refs, finding.evidence)

    def test_all_three_told_is_met(self) -> None:
        """Telling all three recipients meets AI004."""
        assert [MET] == _statuses(_three(_ALL), "AI004", _COR)

    def test_findings_echo_no_ids(self) -> None:
        """Neither message nor evidence repeats a disclosure id."""
        (finding,) = evaluate(_three(("to-court",)), select=["AI004"]).findings
        text = finding.message + " ".join(finding.evidence)
        assert [] == [i for i in _ALL if i in text]


def _guideline_value(name: str) -> float | None:
    report = evaluate(load(EXAMPLES / name))
    return report.guideline_scores[Guideline.ACCESS_TO_INFORMATION].value


def _family_statuses(name: str) -> list[Status]:
    report = evaluate(load(EXAMPLES / name), select=["AI"])
    return [f.status for f in report.findings]


class TestScenarios:
    def test_best_foot_forward_after_scores_higher(self) -> None:
        """Best foot forward scores higher on Access to Information after DPUP than before."""
        before = _guideline_value("best-foot-forward-before.toml")
        after = _guideline_value("best-foot-forward-after.toml")
        assert before is not None
        assert after is not None
        assert after > before

    def test_best_foot_forward_front_door(self) -> None:
        """The agreement has no front door before (NOT_MET) and one after (MET)."""
        found = [
            _statuses(load(EXAMPLES / f"best-foot-forward-{when}.toml"), "AI022", "$.agreements[0]")
            for when in ("before", "after")
        ]
        assert [[NOT_MET], [MET]] == found

    def test_best_foot_forward_files_state_their_source(self) -> None:
        """Each file opens by naming the journey map (seed 001); its dates are illustrative."""
        for when in ("before", "after"):
            head = (EXAMPLES / f"best-foot-forward-{when}.toml").read_text().split("\nname")[0]
            assert "journey map" in head
            assert "seed 001" in head
            assert "illustrative" in head

    def test_best_foot_forward_records_both_parties(self) -> None:
        """The provider is an NGO and its partner, the agency, is in the public sector."""
        for when in ("before", "after"):
            activity = load(EXAMPLES / f"best-foot-forward-{when}.toml")
            assert activity.agency is not None
            assert activity.partners is not None
            sectors = (activity.agency.sector, tuple(p.sector for p in activity.partners))
            assert (Sector.NGO, (Sector.PUBLIC,)) == sectors
            assert activity.audience is not None
            assert activity.audience.children is True

    def test_kids_first_after_has_no_failures(self) -> None:
        """Kids First after DPUP has no NOT_MET finding in this family."""
        assert NOT_MET not in _family_statuses("kids-first-after.toml")

    def test_kids_first_before_has_several_failures(self) -> None:
        """Kids First before DPUP fails several Access to Information checks."""
        assert _family_statuses("kids-first-before.toml").count(NOT_MET) >= 3
