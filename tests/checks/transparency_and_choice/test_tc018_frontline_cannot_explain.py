"""TC018 frontline-cannot-explain: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Activity,
)
from dpup.model import (
    FrontlineSupport,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import MET, NOT_MET, REVIEW

CASES = [
    # TC018 frontline-cannot-explain
    Case(
        "tc018-ready",
        "TC018",
        Activity(
            "a", frontline=FrontlineSupport(script_or_faq=True, trained=True, named_contact=True)
        ),
        MET,
    ),
    Case(
        "tc018-nothing",
        "TC018",
        Activity(
            "a", frontline=FrontlineSupport(script_or_faq=False, trained=False, named_contact=False)
        ),
        NOT_MET,
    ),
    Case(
        "tc018-script-but-no-contact",
        "TC018",
        Activity(
            "a", frontline=FrontlineSupport(script_or_faq=True, trained=True, named_contact=False)
        ),
        REVIEW,
    ),
    Case(
        "tc018-partly-recorded",
        "TC018",
        Activity("a", frontline=FrontlineSupport(script_or_faq=True)),
        REVIEW,
    ),
    Case("tc018-unrecorded", "TC018", Activity("a"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC018 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
