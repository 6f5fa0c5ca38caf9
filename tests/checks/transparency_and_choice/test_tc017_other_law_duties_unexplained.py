"""TC017 other-law-duties-unexplained: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _LAWS,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _col,
    _notice,
    _on_collection,
)

CASES = [
    # TC017 other-law-duties-unexplained
    _on_collection(
        "tc017-explained",
        "TC017",
        _col(_notice(other_law_disclosures_explained=True)),
        MET,
        other_laws=_LAWS,
    ),
    _on_collection(
        "tc017-unexplained",
        "TC017",
        _col(_notice(other_law_disclosures_explained=False)),
        NOT_MET,
        other_laws=_LAWS,
    ),
    _on_collection(
        "tc017-notice-silent-unrecorded", "TC017", _col(_notice()), REVIEW, other_laws=_LAWS
    ),
    _on_collection("tc017-no-other-laws", "TC017", _col(_notice()), NA, other_laws=()),
    _on_collection("tc017-laws-unrecorded", "TC017", _col(_notice()), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC017 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
