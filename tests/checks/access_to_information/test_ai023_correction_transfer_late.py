"""AI023 correction-transfer-late: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import pytest

import dpup
from dpup import CorrectionRequest, loads, structure, unstructure
from dpup.checks.access_to_information.ai023_correction_transfer_late import (
    correction_transfer_late as ai023,
)
from dpup.findings import Finding, Reviewer, Status
from dpup.law import Basis, LegalRef
from dpup.settings import Settings
from tests.checks.access_to_information._builders import (
    BEFORE_DUE,
    DUE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    TRANSFER_DUE,
    _cor,
    _ext,
)
from tests.checks.cases import AS_AT, Case, run_case

# Received Friday 20 December 2024: the tenth working day is Monday 27 January 2025.
_AFTER_TRANSFER_DUE = date(2025, 2, 4)  # past the 10 working days, inside a 10-day extension
_EARLY_NOTICE = _ext(notice_on=date(2025, 1, 23))  # a valid extension, given before day 10
_IN_TIME = date(2025, 1, 24)
_LATE = date(2025, 1, 28)
_FIVE_DAYS = Settings(correction_transfer_working_days=5)  # day 5 is 20 January 2025


def _transfer(**kw: object) -> CorrectionRequest:
    """A correction request the agency decided to transfer, with ``kw`` set."""
    return _cor(transfer_decided=True, **kw)


def _done(on: date = _IN_TIME, told: date | None = TRANSFER_DUE, **kw: object) -> CorrectionRequest:
    return _transfer(transferred_on=on, requester_told_of_transfer_on=told, **kw)


CASES = [
    # AI023 correction-transfer-late
    Case("ai023-no-transfer", "AI023", _cor(), NA),
    Case("ai023-not-to-transfer", "AI023", _cor(transfer_decided=False), NA),
    Case("ai023-in-time", "AI023", _done(), MET),
    Case("ai023-on-the-last-day", "AI023", _done(TRANSFER_DUE), MET),
    Case("ai023-transferred-without-decision", "AI023", _cor(transferred_on=_IN_TIME), REVIEW),
    Case("ai023-late", "AI023", _done(_LATE, _LATE), NOT_MET),
    Case("ai023-told-late", "AI023", _done(_IN_TIME, _LATE), NOT_MET),
    Case("ai023-not-done-overdue", "AI023", _transfer(), NOT_MET),
    Case("ai023-not-done-in-time", "AI023", _transfer(), DUE, as_at=BEFORE_DUE),
    Case("ai023-not-done-on-the-last-day", "AI023", _transfer(), DUE, as_at=TRANSFER_DUE),
    Case("ai023-person-not-told", "AI023", _done(told=None), REVIEW),
    Case("ai023-person-not-yet-told", "AI023", _done(told=None), DUE, as_at=BEFORE_DUE),
    # s 65 lets an extension reach the s 62 transfer limit.
    Case(
        "ai023-within-extension",
        "AI023",
        _done(_AFTER_TRANSFER_DUE, _AFTER_TRANSFER_DUE, extension=_EARLY_NOTICE),
        MET,
    ),
    Case(
        "ai023-beyond-extension",
        "AI023",
        _done(date(2025, 2, 12), date(2025, 2, 12), extension=_EARLY_NOTICE),
        NOT_MET,
    ),
    Case(
        "ai023-invalid-extension",
        "AI023",
        _done(
            _AFTER_TRANSFER_DUE,
            _AFTER_TRANSFER_DUE,
            extension=_ext(notice_on=date(2025, 1, 23), reasons_given=False),
        ),
        NOT_MET,
    ),
    Case(
        "ai023-extension-unsettled",
        "AI023",
        _done(
            _AFTER_TRANSFER_DUE,
            _AFTER_TRANSFER_DUE,
            extension=_ext(notice_on=date(2025, 1, 23), ground=None),
        ),
        REVIEW,
    ),
    Case(
        "ai023-not-done-within-extension",
        "AI023",
        _transfer(extension=_EARLY_NOTICE),
        DUE,
        as_at=_AFTER_TRANSFER_DUE,
    ),
    Case(
        "ai023-not-done-extension-unsettled",
        "AI023",
        _transfer(extension=_ext(ground=None)),
        REVIEW,
        as_at=_AFTER_TRANSFER_DUE,
    ),
    Case(
        "ai023-not-done-after-extension",
        "AI023",
        _transfer(extension=_EARLY_NOTICE),
        NOT_MET,
        as_at=date(2025, 2, 12),
    ),
    Case(
        "ai023-receipt-unrecorded",
        "AI023",
        CorrectionRequest("c", transfer_decided=True),
        REVIEW,
    ),
    Case(
        "ai023-before-calendar",
        "AI023",
        CorrectionRequest("c", received_on=date(1999, 1, 4), transfer_decided=True),
        REVIEW,
    ),
    # The limit is a setting (unverified): a shorter one moves the line.
    Case("ai023-setting-late", "AI023", _done(), NOT_MET, settings=_FIVE_DAYS),
    Case(
        "ai023-setting-in-time",
        "AI023",
        _done(date(2025, 1, 20), date(2025, 1, 20)),
        MET,
        settings=_FIVE_DAYS,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """AI023 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(request: CorrectionRequest, **options: object) -> Finding:
    (finding,) = dpup.evaluate(request, select=["AI023"], **options).findings  # type: ignore[arg-type]
    return finding


def test_the_check_names_its_provision() -> None:
    """AI023 is a LAW check of s 62, citing s 65 for extensions, stated in one line."""
    assert ai023.basis is Basis.LAW
    assert (LegalRef.PA_S62, LegalRef.PA_S65) == ai023.legal_refs
    assert "s 62" == ai023.provision
    assert "\n" not in ai023.condition


def test_the_default_limit_is_ten_working_days() -> None:
    """The unverified limit defaults to the 10 working days of an access transfer."""
    assert 10 == Settings().correction_transfer_working_days
    with pytest.raises(ValueError, match="correction_transfer_working_days"):
        Settings(correction_transfer_working_days=-1)


def test_an_open_transfer_carries_its_due_date() -> None:
    """A transfer not yet made is not yet due, carrying the limit (moved by a valid extension)."""
    assert TRANSFER_DUE == _finding(_transfer(), as_at=BEFORE_DUE).due_on
    extended = _finding(_transfer(extension=_EARLY_NOTICE), as_at=_AFTER_TRANSFER_DUE)
    assert date(2025, 2, 11) == extended.due_on  # ten more working days; 6 February is a holiday


def test_late_steps_are_cited() -> None:
    """Only the step that came late is cited, never an unrecorded one."""
    finding = _finding(_done(_IN_TIME, _LATE))
    assert ("$.requester_told_of_transfer_on",) == finding.evidence


def test_an_overdue_transfer_rests_on_recorded_facts() -> None:
    """An unmade transfer past its limit cites receipt and the recorded decision to transfer."""
    finding = _finding(_transfer())
    assert ("$.received_on", "$.transfer_decided") == finding.evidence


def test_an_unsettled_extension_goes_to_the_privacy_officer() -> None:
    """Whether an extension notice is valid is settled by recording it, with the officer."""
    finding = _finding(
        _done(
            _AFTER_TRANSFER_DUE,
            _AFTER_TRANSFER_DUE,
            extension=_ext(notice_on=date(2025, 1, 23), ground=None),
        )
    )
    assert finding.reviewer is Reviewer.PRIVACY_OFFICER
    assert finding.settle_with


def test_the_transfer_fields_load_and_round_trip() -> None:
    """The new fields load from TOML and survive a round trip."""
    activity = loads(
        'name = "x"\n[[correction_requests]]\nid = "c"\nreceived_on = 2024-12-20\n'
        "transfer_decided = true\ntransferred_on = 2025-01-24\n"
        "requester_told_of_transfer_on = 2025-01-24\n"
    )
    (request,) = activity.correction_requests
    assert request.transfer_decided is True
    assert request == structure(unstructure(request), CorrectionRequest)
    assert Status.MET is _finding(request, as_at=AS_AT).status
