"""AI009 unlawful-access-charge: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Activity,
)
from dpup.model import (
    AccessDecision,
    Charge,
    ChargeItem,
)
from tests.checks.access_to_information._builders import (
    IN_TIME,
    MET,
    NGO,
    NOT_MET,
    PUBLIC,
    REVIEW,
    _charge,
    _released,
    _req,
    _sector,
)
from tests.checks.cases import Case, run_case

CASES = [
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
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI009 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
