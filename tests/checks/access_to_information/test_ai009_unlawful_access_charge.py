"""AI009 unlawful-access-charge: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Activity,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
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
    # Each request type has its own chargeable items (s 66(1) for access requests).
    Case(
        "ai009-statement-on-access",
        "AI009",
        _released(charge=_charge(ChargeItem.STATEMENT_OF_CORRECTION)),
        NOT_MET,
        context=NGO,
    ),
    Case(
        "ai009-correcting-on-access",
        "AI009",
        _released(charge=_charge(ChargeItem.CORRECTING)),
        NOT_MET,
        context=NGO,
    ),
    Case(
        "ai009-ngo-making-available",
        "AI009",
        _released(charge=_charge(ChargeItem.MAKING_AVAILABLE)),
        REVIEW,
        context=NGO,
    ),
    # Making information available is chargeable only when some is made available.
    Case(
        "ai009-making-available-on-refusal",
        "AI009",
        _req(
            decision=AccessDecision.REFUSE,
            decided_on=IN_TIME,
            charge=_charge(ChargeItem.MAKING_AVAILABLE),
        ),
        NOT_MET,
        context=NGO,
    ),
    Case(
        "ai009-materials-on-transfer",
        "AI009",
        _req(decision=AccessDecision.TRANSFER, charge=_charge(ChargeItem.MATERIALS)),
        NOT_MET,
        context=NGO,
    ),
    Case(
        "ai009-partial-release-making-available",
        "AI009",
        _req(
            decision=AccessDecision.PARTIAL,
            decided_on=IN_TIME,
            charge=_charge(ChargeItem.MAKING_AVAILABLE, ChargeItem.ASSISTANCE),
        ),
        REVIEW,
        context=NGO,
    ),
    # A public-sector agency may charge, under authorisation, only for making it available.
    Case(
        "ai009-public-assistance-authorised",
        "AI009",
        _released(charge=_charge(ChargeItem.ASSISTANCE, commissioner_authorised=True)),
        NOT_MET,
        context=PUBLIC,
    ),
    Case(
        "ai009-public-making-available-authorised",
        "AI009",
        _released(
            charge=_charge(
                ChargeItem.MAKING_AVAILABLE, ChargeItem.URGENCY, commissioner_authorised=True
            )
        ),
        REVIEW,
        context=PUBLIC,
    ),
    Case(
        "ai009-public-items-unrecorded-authorised",
        "AI009",
        _released(charge=Charge(amount=10, commissioner_authorised=True)),
        REVIEW,
        context=PUBLIC,
    ),
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


def _case(ident: str) -> Case:
    return next(c for c in CASES if c.id == ident)


def test_access_items_by_sector() -> None:
    """Access requests have their own chargeable items, fewer for a public-sector agency."""
    private = ChargeItem.for_access(public=False)
    public = ChargeItem.for_access(public=True)
    assert {ChargeItem.MAKING_AVAILABLE, ChargeItem.ASSISTANCE} <= private
    assert ChargeItem.MAKING_AVAILABLE in public
    assert ChargeItem.ASSISTANCE not in public
    assert ChargeItem.STATEMENT_OF_CORRECTION not in private | public
    assert not {ChargeItem.MAKING_REQUEST, ChargeItem.ASSESSING, ChargeItem.CORRECTING} & private


def test_public_assistance_cites_the_item_and_sector() -> None:
    """A public-sector charge for assistance points at the item and the agency's sector."""
    (finding,) = run_case(_case("ai009-public-assistance-authorised"))
    # The item is the request's own; the sector is its context's.
    assert ("$.charge.items[0]", "$context.agency.sector") == finding.evidence


def test_charge_without_release_cites_the_decision() -> None:
    """A charge for making information available on a refusal cites the refusal and the item."""
    (finding,) = run_case(_case("ai009-making-available-on-refusal"))
    assert ("decision", "items[0]") == tuple(e.rsplit(".", 1)[-1] for e in finding.evidence)


def test_names_its_provision_and_condition() -> None:
    """AI009 is a LAW check naming s 66(1) and its condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI009")
    assert (Basis.LAW, "s 66(1)") == (check.basis, check.provision)
    assert "s 67" in check.condition
