"""SV018 sharing-decisions-unsupported: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import Activity, evaluate
from dpup.model import FrontlineSupport
from dpup.serde import structure, unstructure
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NOT_MET, REVIEW


def _frontline(**facts: bool | None) -> Activity:
    return Activity("a", frontline=FrontlineSupport(**facts))  # type: ignore[arg-type]


CASES = [
    # SV018 sharing-decisions-unsupported
    Case(
        "sv018-trained-and-supported",
        "SV018",
        _frontline(sharing_training=True, sharing_procedure=True),
        MET,
    ),
    Case(
        "sv018-procedure-only",
        "SV018",
        _frontline(sharing_training=False, sharing_procedure=True),
        NOT_MET,
    ),
    Case(
        "sv018-training-only",
        "SV018",
        _frontline(sharing_training=True, sharing_procedure=False),
        NOT_MET,
    ),
    Case(
        "sv018-a-script-is-not-enough",
        "SV018",
        _frontline(script_or_faq=True, trained=True, named_contact=True, sharing_training=False),
        NOT_MET,
    ),
    Case(
        "sv018-procedure-unrecorded",
        "SV018",
        _frontline(sharing_training=True),
        REVIEW,
    ),
    Case(
        "sv018-script-but-sharing-unrecorded",
        "SV018",
        _frontline(script_or_faq=True, trained=True, named_contact=True),
        REVIEW,
    ),
    Case("sv018-unrecorded", "SV018", Activity("a"), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV018 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_not_met_cites_only_what_is_recorded_false() -> None:
    """A missing procedure is cited; the unrecorded training is not."""
    (finding,) = evaluate(_frontline(sharing_procedure=False), select=["SV018"]).findings
    assert ("$.frontline.sharing_procedure",) == finding.evidence


def test_the_facts_survive_a_round_trip() -> None:
    """The two sharing-support facts are written and read back unchanged."""
    activity = _frontline(sharing_training=True, sharing_procedure=False)
    assert activity == structure(unstructure(activity), Activity)
