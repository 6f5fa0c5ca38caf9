"""PM010 checks-and-balances-skipped: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
import pytest

from dpup import (
    Activity,
    Collection,
    InformationItem,
    Purpose,
)
from dpup.model import (
    Agency,
    Audience,
    CheckAndBalance,
    Sensitivity,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import (
    _AGG,
    _C0,
    _CHECKED,
    _PLAIN,
    _SENSITIVE,
    IDENT,
    MET,
    NOT_MET,
    REVIEW,
    _triggers,
)

CASES = [
    # PM010 checks-and-balances-skipped
    Case(
        "pm010-no-trigger",
        "PM010",
        _triggers(
            Collection("c", items=(_AGG,), purposes=("p",)),
            uncertain=False,
            stakeholder_concern=False,
        ),
        MET,
        path=_C0,
    ),
    Case(
        "pm010-concern-unchecked",
        "PM010",
        _triggers(
            Collection("c", items=(_AGG,), purposes=("p",), checks_done=()),
            uncertain=False,
            stakeholder_concern=True,
        ),
        NOT_MET,
        path=_C0,
    ),
    Case(
        "pm010-sensitive-unchecked",
        "PM010",
        Collection("c", items=(_SENSITIVE,), checks_done=()),
        NOT_MET,
    ),
    Case(
        "pm010-consulted",
        "PM010",
        Collection(
            "c", items=(_SENSITIVE,), checks_done=(CheckAndBalance.SERVICE_USER_CONSULTATION,)
        ),
        MET,
    ),
    Case(
        "pm010-internal-only",
        "PM010",
        Collection("c", items=(_SENSITIVE,), checks_done=(CheckAndBalance.MANAGEMENT_REVIEW,)),
        REVIEW,
    ),
    Case(
        "pm010-iwi-without-maori",
        "PM010",
        Collection(
            "c",
            items=(InformationItem("iwi", identifiability=IDENT, sensitivity=(Sensitivity.IWI,)),),
            checks_done=(CheckAndBalance.PROVIDER_CONSULTATION,),
        ),
        REVIEW,
    ),
    Case("pm010-unrecorded", "PM010", Collection("c", items=(_SENSITIVE,)), REVIEW),
    Case("pm010-no-context", "PM010", Collection("c", items=(_PLAIN,)), REVIEW),
    Case(
        "pm010-checked-without-trigger",
        "PM010",
        Collection("c", items=(_PLAIN,), checks_done=(CheckAndBalance.LEGAL_REVIEW,)),
        MET,
    ),
    Case(
        "pm010-item-without-purpose",
        "PM010",
        _triggers(
            Collection("c", items=(attrs.evolve(_PLAIN, purposes=()),), purposes=("p",)),
            uncertain=False,
            stakeholder_concern=False,
        ),
        REVIEW,
        path=_C0,
    ),
    Case(
        "pm010-purpose-link-unrecorded-is-no-trigger",
        "PM010",
        _triggers(
            Collection("c", items=(attrs.evolve(_PLAIN, purposes=None),), purposes=("p",)),
            uncertain=False,
            stakeholder_concern=False,
        ),
        MET,
        path=_C0,
    ),
    Case(
        "pm010-purpose-flags-unrecorded",
        "PM010",
        _triggers(
            Collection("c", items=(_AGG,), purposes=("p",)),
            uncertain=None,
            stakeholder_concern=False,
        ),
        REVIEW,
        path=_C0,
    ),
    Case(
        "pm010-uncertain-purpose",
        "PM010",
        _triggers(
            Collection("c", items=(_PLAIN,), purposes=("p",), checks_done=()),
            uncertain=True,
            stakeholder_concern=False,
        ),
        NOT_MET,
        path=_C0,
    ),
    Case(
        "pm010-sensitivity-unrecorded",
        "PM010",
        _triggers(
            Collection("c", items=(attrs.evolve(_PLAIN, sensitivity=None),), purposes=("p",)),
            uncertain=False,
            stakeholder_concern=False,
        ),
        REVIEW,
        path=_C0,
    ),
    Case(
        "pm010-complex-law",
        "PM010",
        Activity(
            "a",
            agency=Agency(complex_legislation=True),
            purposes=(Purpose("p", uncertain=False, stakeholder_concern=False),),
            collections=(Collection("c", items=(_PLAIN,), purposes=("p",), checks_done=()),),
        ),
        NOT_MET,
        path=_C0,
    ),
    Case(
        "pm010-no-agency",
        "PM010",
        Activity(
            "a",
            purposes=(Purpose("p", uncertain=False, stakeholder_concern=False),),
            collections=(Collection("c", items=(_PLAIN,), purposes=("p",)),),
        ),
        REVIEW,
        path=_C0,
    ),
    Case(
        "pm010-maori-focus-without-maori",
        "PM010",
        Activity(
            "a",
            agency=Agency(complex_legislation=False),
            audience=Audience(maori_focus=True),
            purposes=(Purpose("p", uncertain=True, stakeholder_concern=False),),
            collections=(Collection("c", items=(_PLAIN,), purposes=("p",), checks_done=_CHECKED),),
        ),
        REVIEW,
        path=_C0,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM010 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
