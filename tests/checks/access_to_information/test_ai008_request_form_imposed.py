"""AI008 request-form-imposed: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import pytest

from dpup.checks import BUILTIN_CHECKS
from dpup.law import Basis
from dpup.model import (
    AccessDecision,
    RequestChannel,
)
from tests.checks.access_to_information._builders import (
    BEFORE_DUE,
    LATE,
    MET,
    NOT_MET,
    REVIEW,
    WITHIN_EXTENSION,
    _ext,
    _released,
    _req,
)
from tests.checks.cases import Case, run_case

_ORAL = RequestChannel.ORAL

CASES = [
    # AI008 request-form-imposed
    Case("ai008-as-made", "AI008", _req(required_writing=False, required_lawyer=False), MET),
    # Asked to confirm in writing, but accepted as made and decided in time: not a breach.
    Case(
        "ai008-oral-but-writing",
        "AI008",
        _released(channel=_ORAL, required_writing=True),
        MET,
    ),
    Case(
        "ai008-writing-decided-in-time",
        "AI008",
        _released(channel=RequestChannel.EMAIL, required_writing=True, required_lawyer=False),
        MET,
    ),
    Case(
        "ai008-writing-within-extension",
        "AI008",
        _req(
            channel=_ORAL,
            required_writing=True,
            decision=AccessDecision.RELEASE,
            decided_on=WITHIN_EXTENSION,
            extension=_ext(),
        ),
        MET,
    ),
    Case(
        "ai008-writing-transferred-in-time",
        "AI008",
        _req(
            channel=_ORAL,
            required_writing=True,
            decision=AccessDecision.TRANSFER,
            transferred_on=date(2025, 1, 24),
            requester_told_of_transfer_on=date(2025, 1, 24),
        ),
        MET,
    ),
    # The breach: a request held up, or never decided, while writing was asked for.
    Case("ai008-writing-never-decided", "AI008", _req(required_writing=True), NOT_MET),
    Case(
        "ai008-writing-decided-late",
        "AI008",
        _req(
            channel=_ORAL, required_writing=True, decision=AccessDecision.RELEASE, decided_on=LATE
        ),
        NOT_MET,
    ),
    Case(
        "ai008-writing-transferred-late",
        "AI008",
        _req(
            channel=_ORAL,
            required_writing=True,
            decision=AccessDecision.TRANSFER,
            transferred_on=date(2025, 1, 28),
            requester_told_of_transfer_on=date(2025, 1, 28),
        ),
        NOT_MET,
    ),
    Case(
        "ai008-writing-still-in-time",
        "AI008",
        _req(channel=_ORAL, required_writing=True),
        REVIEW,
        as_at=BEFORE_DUE,
    ),
    Case(
        "ai008-writing-decision-undated",
        "AI008",
        _req(channel=_ORAL, required_writing=True, decision=AccessDecision.RELEASE),
        REVIEW,
    ),
    Case(
        "ai008-writing-in-time-lawyer-unrecorded",
        "AI008",
        _released(channel=RequestChannel.EMAIL, required_writing=True),
        REVIEW,
    ),
    # A lawyer stays a barrier, even when the request was decided in time.
    Case("ai008-lawyer", "AI008", _req(required_lawyer=True), NOT_MET),
    Case(
        "ai008-lawyer-decided-in-time",
        "AI008",
        _released(channel=_ORAL, required_writing=False, required_lawyer=True),
        NOT_MET,
    ),
    Case("ai008-oral-decided", "AI008", _released(channel=_ORAL), MET),
    Case(
        "ai008-oral-decided-late-unrecorded",
        "AI008",
        _req(channel=_ORAL, decision=AccessDecision.RELEASE, decided_on=LATE),
        REVIEW,
    ),
    Case("ai008-unrecorded", "AI008", _req(channel=RequestChannel.EMAIL), REVIEW),
    Case("ai008-written-decided", "AI008", _released(channel=RequestChannel.EMAIL), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI008 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _case(ident: str) -> Case:
    return next(c for c in CASES if c.id == ident)


def test_delay_cites_recorded_facts_only() -> None:
    """A request never decided cites the writing asked for and its receipt, not the gap."""
    (finding,) = run_case(_case("ai008-writing-never-decided"))
    assert ("required_writing", "received_on") == tuple(
        e.rsplit(".", 1)[-1] for e in finding.evidence
    )


def test_in_time_decision_is_cited() -> None:
    """A request accepted despite the ask for writing cites when it was decided."""
    (finding,) = run_case(_case("ai008-oral-but-writing"))
    assert any(e.endswith("decided_on") for e in finding.evidence)


def test_names_its_provision_and_condition() -> None:
    """AI008 is a LAW check naming IPP6(1) and its condition."""
    check = next(c for c in BUILTIN_CHECKS if c.id == "AI008")
    assert (Basis.LAW, "IPP6(1)") == (check.basis, check.provision)
    assert "lawyer" in check.condition
