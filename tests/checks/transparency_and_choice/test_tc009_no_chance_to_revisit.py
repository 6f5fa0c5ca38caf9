"""TC009 no-chance-to-revisit: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import (
    Audience,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _CALM,
    _CRISIS,
    _KIDS,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _col,
    _notice,
    _on_collection,
)

CASES = [
    # TC009 no-chance-to-revisit
    _on_collection(
        "tc009-crisis-revisit",
        "TC009",
        _col(_notice(revisit_offered=True)),
        MET,
        audience=_CRISIS,
    ),
    _on_collection(
        "tc009-crisis-no-revisit",
        "TC009",
        _col(_notice(revisit_offered=False)),
        NOT_MET,
        audience=_CRISIS,
    ),
    _on_collection(
        "tc009-children-no-revisit",
        "TC009",
        _col(_notice(revisit_offered=False)),
        NOT_MET,
        audience=_KIDS,
    ),
    _on_collection(
        "tc009-calm",
        "TC009",
        _col(_notice(revisit_offered=False)),
        NA,
        audience=_CALM,
    ),
    _on_collection(
        "tc009-crisis-unrecorded",
        "TC009",
        _col(_notice()),
        REVIEW,
        audience=_CRISIS,
    ),
    _on_collection(
        "tc009-audience-unknown",
        "TC009",
        _col(_notice(revisit_offered=False)),
        REVIEW,
    ),
    Case("tc009-no-context", "TC009", _col(_notice(revisit_offered=False)), REVIEW),
    _on_collection(
        "tc009-calm-children-unknown",
        "TC009",
        _col(_notice(revisit_offered=False)),
        REVIEW,
        audience=Audience(crisis_context=False),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC009 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
