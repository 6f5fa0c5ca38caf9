"""AI016 unlawful-correction-charge: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from dpup.model import (
    Charge,
    ChargeItem,
)
from tests.checks.access_to_information._builders import (
    MET,
    NGO,
    NOT_MET,
    PUBLIC,
    REVIEW,
    _charge,
    _cor,
    _sector,
)
from tests.checks.cases import Case, run_case

CASES = [
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
    Case("ai016-unrecorded", "AI016", _cor(), REVIEW, context=NGO),
    Case(
        "ai016-for-assessing",
        "AI016",
        _cor(charge=_charge(ChargeItem.ASSESSING)),
        NOT_MET,
        context=NGO,
    ),
    # Making information available is an access-request item only (s 66(1)).
    Case(
        "ai016-making-available",
        "AI016",
        _cor(charge=_charge(ChargeItem.MAKING_AVAILABLE)),
        NOT_MET,
        context=NGO,
    ),
    # A private-sector agency may charge for assistance on a correction request, whatever the
    # outcome: the access-request condition (some information released) does not apply.
    Case(
        "ai016-ngo-assistance-refused",
        "AI016",
        _cor(corrected=False, charge=_charge(ChargeItem.ASSISTANCE)),
        REVIEW,
        context=NGO,
    ),
    Case(
        "ai016-ngo-assistance-corrected",
        "AI016",
        _cor(corrected=True, charge=_charge(ChargeItem.ASSISTANCE)),
        REVIEW,
        context=NGO,
    ),
    # Materials and urgency are costs of making information available: a person confirms.
    Case(
        "ai016-ngo-materials",
        "AI016",
        _cor(charge=_charge(ChargeItem.MATERIALS, ChargeItem.STATEMENT_OF_CORRECTION)),
        REVIEW,
        context=NGO,
    ),
    # A public-sector agency may charge, under authorisation, only for attaching a statement.
    Case(
        "ai016-public-statement-authorised",
        "AI016",
        _cor(charge=_charge(ChargeItem.STATEMENT_OF_CORRECTION, commissioner_authorised=True)),
        REVIEW,
        context=PUBLIC,
    ),
    Case(
        "ai016-public-authorisation-unrecorded",
        "AI016",
        _cor(charge=_charge(ChargeItem.STATEMENT_OF_CORRECTION)),
        REVIEW,
        context=PUBLIC,
    ),
    Case(
        "ai016-public-assistance-authorised",
        "AI016",
        _cor(charge=_charge(ChargeItem.ASSISTANCE, commissioner_authorised=True)),
        NOT_MET,
        context=PUBLIC,
    ),
    Case(
        "ai016-public-materials-authorised",
        "AI016",
        _cor(charge=_charge(ChargeItem.MATERIALS, commissioner_authorised=True)),
        REVIEW,
        context=PUBLIC,
    ),
    Case(
        "ai016-sector-unrecorded",
        "AI016",
        _cor(charge=_charge(ChargeItem.STATEMENT_OF_CORRECTION)),
        REVIEW,
        context=_sector(None),
    ),
    Case(
        "ai016-ngo-items-unrecorded",
        "AI016",
        _cor(charge=Charge(amount=10.0)),
        REVIEW,
        context=NGO,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI016 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _case(ident: str) -> Case:
    return next(c for c in CASES if c.id == ident)


def test_correction_items_by_sector() -> None:
    """Correction requests have their own chargeable items, fewer for a public-sector agency."""
    private = ChargeItem.for_correction(public=False)
    public = ChargeItem.for_correction(public=True)
    assert {ChargeItem.ASSISTANCE, ChargeItem.STATEMENT_OF_CORRECTION} == private
    assert {ChargeItem.STATEMENT_OF_CORRECTION} == public
    assert ChargeItem.MAKING_AVAILABLE not in private


def test_materials_review_names_the_items() -> None:
    """Materials on a correction request go to review, pointing at that item."""
    (finding,) = run_case(_case("ai016-ngo-materials"))
    assert ("$.charge.items[0]",) == finding.evidence


def test_names_its_provision_and_condition() -> None:
    """AI016 is a LAW check naming s 66(2) and its condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI016")
    assert (Basis.LAW, "s 66(2)") == (check.basis, check.provision)
    assert "statement of correction" in check.condition
