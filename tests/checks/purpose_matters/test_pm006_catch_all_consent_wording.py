"""PM006 catch-all-consent-wording: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Collection,
)
from dpup.model import (
    Notice,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import MET, NOT_MET, REVIEW

CASES = [
    # PM006 catch-all-consent-wording
    Case(
        "pm006-specific",
        "PM006",
        Collection("c", notice=Notice(text="We tell MSD, our funder, how many people attend.")),
        MET,
    ),
    Case(
        "pm006-open-ended",
        "PM006",
        Collection(
            "c", notice=Notice(text="I agree my details may go to relevant agencies as required.")
        ),
        NOT_MET,
    ),
    Case(
        "pm006-future-uses",
        "PM006",
        Collection("c", notice=Notice(text="We may use it for FUTURE USES; see our policy.")),
        NOT_MET,
    ),
    Case("pm006-no-text", "PM006", Collection("c", notice=Notice()), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM006 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
