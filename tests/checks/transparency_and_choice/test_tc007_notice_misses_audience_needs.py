"""TC007 notice-misses-audience-needs: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import (
    Audience,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    MET,
    NOT_MET,
    REVIEW,
    _col,
    _notice,
    _on_collection,
)

CASES = [
    # TC007 notice-misses-audience-needs
    _on_collection(
        "tc007-matched",
        "TC007",
        _col(_notice(languages=("en", "mi"), formats=("Easy-Read",))),
        MET,
        audience=Audience(languages=("EN", "mi"), accessibility_needs=("easy-read",)),
    ),
    _on_collection(
        "tc007-language-missing",
        "TC007",
        _col(_notice(languages=("en",), formats=())),
        NOT_MET,
        audience=Audience(languages=("en", "sm"), accessibility_needs=()),
    ),
    _on_collection(
        "tc007-format-missing",
        "TC007",
        _col(_notice(languages=("en",), formats=())),
        NOT_MET,
        audience=Audience(languages=("en",), accessibility_needs=("large-print",)),
    ),
    _on_collection(
        "tc007-no-profile",
        "TC007",
        _col(_notice(languages=("en",))),
        REVIEW,
        audience=Audience(children=False),
    ),
    _on_collection(
        "tc007-notice-languages-unrecorded",
        "TC007",
        _col(_notice()),
        REVIEW,
        audience=Audience(languages=("mi",), accessibility_needs=()),
    ),
    Case("tc007-no-context", "TC007", _col(_notice(languages=("en",))), REVIEW),
    _on_collection(
        "tc007-formats-need-unrecorded",
        "TC007",
        _col(_notice(languages=("en", "mi"))),
        REVIEW,
        audience=Audience(languages=("mi",)),
    ),
    _on_collection(
        "tc007-both-missing",
        "TC007",
        _col(_notice(languages=("en",), formats=("large-print",))),
        NOT_MET,
        audience=Audience(languages=("mi",), accessibility_needs=("easy-read",)),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC007 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
