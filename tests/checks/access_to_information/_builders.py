"""Subjects and activities the Access to Information cases and scenarios are built from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs

from dpup import (
    AccessPractice,
    AccessRequest,
    Activity,
    CorrectionRequest,
    Disclosure,
    Guideline,
    InformationItem,
    SharingAgreement,
    Status,
    evaluate,
    load,
)
from dpup.model import (
    AccessDecision,
    Agency,
    Audience,
    Charge,
    ChargeItem,
    Extension,
    ExtensionGround,
    Identifiability,
    Recipient,
    Sector,
)

MET, NOT_MET, REVIEW, NA = (
    Status.MET,
    Status.NOT_MET,
    Status.NEEDS_REVIEW,
    Status.NOT_APPLICABLE,
)

DUE = Status.NOT_YET_DUE


ROOT = Path(__file__).resolve().parents[3]


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


def _statuses(activity: Activity, check_id: str, subject: str) -> list[Status]:
    report = evaluate(activity, select=[check_id])
    return [f.status for f in report.findings if f.subject == subject]


def _guideline_value(name: str) -> float | None:
    report = evaluate(load(EXAMPLES / name))
    return report.guideline_scores[Guideline.ACCESS_TO_INFORMATION].value


def _family_statuses(name: str) -> list[Status]:
    report = evaluate(load(EXAMPLES / name), select=["AI"])
    return [f.status for f in report.findings]
