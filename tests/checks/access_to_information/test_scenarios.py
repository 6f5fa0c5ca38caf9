"""Access to Information: scenarios across checks, the bundled examples and settings."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from dpup import (
    AccessRequest,
    Basis,
    CalendarRangeError,
    LegalRef,
    evaluate,
    load,
)
from dpup.model import (
    AccessDecision,
    Extension,
    RequestChannel,
    Sector,
)
from tests.checks.access_to_information._builders import (
    _ALL,
    _COR,
    DECISION_DUE,
    EXAMPLES,
    EXTENDED_DUE,
    IN_TIME,
    LATE,
    MET,
    NOT_MET,
    REVIEW,
    TRANSFER_DUE,
    _cor,
    _ext,
    _family_statuses,
    _guideline_value,
    _req,
    _statuses,
    _three,
)


class TestDeadlinesOnTheModel:
    def test_access_request_deadlines(self) -> None:
        """An access request received 20 Dec 2024 is due 11 Feb, transfer 27 Jan 2025."""
        r = _req()
        expected = (DECISION_DUE, DECISION_DUE, TRANSFER_DUE, DECISION_DUE)
        actual = (r.statutory_decision_due, r.decision_due, r.transfer_due, r.extension_notice_due)
        assert expected == actual

    def test_correction_request_deadlines(self) -> None:
        """A correction request carries the same time limits."""
        c = _cor()
        expected = (DECISION_DUE, TRANSFER_DUE, DECISION_DUE)
        assert expected == (c.decision_due, c.transfer_due, c.extension_notice_due)

    def test_unrecorded_receipt_gives_none(self) -> None:
        """Without a receipt date every deadline is None."""
        r = AccessRequest("r", extension=_ext())
        actual = (r.decision_due, r.transfer_due, r.extension_notice_due, r.extension_valid)
        assert (None, None, None, None) == actual

    def test_valid_extension_moves_the_due_date(self) -> None:
        """A valid ten-day extension moves the decision date ten working days on."""
        r = _req(extension=_ext())
        assert (True, DECISION_DUE, EXTENDED_DUE) == (
            r.extension_valid,
            r.statutory_decision_due,
            r.decision_due,
        )

    @pytest.mark.parametrize(
        ("extension", "valid"),
        [
            (_ext(notice_on=LATE), False),
            (_ext(reasons_given=False), False),
            (_ext(period_days=0), False),
            (_ext(ground=None), None),
            (_ext(complaint_right_stated=None), None),
        ],
        ids=["late", "no-reasons", "no-period", "no-ground", "complaint-unrecorded"],
    )
    def test_invalid_or_unclear_extension_moves_nothing(
        self, extension: Extension, valid: bool | None
    ) -> None:
        """Only a valid extension changes decision_due."""
        r = _cor(extension=extension)
        assert (valid, DECISION_DUE) == (r.extension_valid, r.decision_due)

    def test_out_of_range_raises(self) -> None:
        """A date the calendar does not cover raises CalendarRangeError."""
        with pytest.raises(CalendarRangeError):
            _ = AccessRequest("r", received_on=date(1999, 12, 1)).decision_due

    def test_model_import_does_not_load_the_calendar(self) -> None:
        """Importing the model, and building a request, loads neither dpup.calendar nor holidays."""
        code = (
            "import sys, datetime; from dpup.model import AccessRequest; "
            "AccessRequest('r', received_on=datetime.date(2025, 1, 1)); "
            "print(sorted(m for m in ('dpup.calendar', 'holidays') if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]" == out.stdout.strip()

    def test_calendar_gap_is_reviewed_not_crashed(self) -> None:
        """An out-of-range date becomes NEEDS_REVIEW naming the calendar, not a check error."""
        report = evaluate(AccessRequest("r", received_on=date(1999, 12, 1)), select=["AI005"])
        (finding,) = report.findings
        assert ((), REVIEW) == (report.errors, finding.status)
        assert "calendar does not cover" in finding.message


class TestJamesDateVariant:
    """Domain reference section 10.1: an oral request on Friday 20 December 2024."""

    def test_decided_30_january_is_met(self) -> None:
        """Deciding on 30 Jan 2025 (working day 13) meets AI005, and the oral request AI008."""
        request = _req(
            channel=RequestChannel.ORAL, decision=AccessDecision.RELEASE, decided_on=IN_TIME
        )
        report = evaluate(request, select=["AI005", "AI008"])
        assert [MET, MET] == [f.status for f in report.findings]

    def test_decided_12_february_without_extension_is_not_met(self) -> None:
        """Deciding on 12 Feb 2025, one working day late, with no extension fails AI005."""
        request = _req(
            channel=RequestChannel.ORAL, decision=AccessDecision.RELEASE, decided_on=LATE
        )
        (finding,) = evaluate(request, select=["AI005"]).findings
        assert (NOT_MET, Basis.LAW) == (finding.status, finding.basis)


class TestCorrectionRecipients:
    def test_one_of_three_told_is_a_legal_failure(self) -> None:
        """Telling one of three recipients is NOT_MET on IPP7, pointing at the other two."""
        report = evaluate(_three(("to-court",)), select=["AI004"])
        (finding,) = report.findings
        expected = (
            NOT_MET,
            Basis.LAW,
            (LegalRef.IPP7,),
            ("$.disclosures[1]", "$.disclosures[2]"),
        )
        assert expected == (finding.status, finding.basis, finding.legal_refs, finding.evidence)

    def test_all_three_told_is_met(self) -> None:
        """Telling all three recipients meets AI004."""
        assert [MET] == _statuses(_three(_ALL), "AI004", _COR)

    def test_findings_echo_no_ids(self) -> None:
        """Neither message nor evidence repeats a disclosure id."""
        (finding,) = evaluate(_three(("to-court",)), select=["AI004"]).findings
        text = finding.message + " ".join(finding.evidence)
        assert [] == [i for i in _ALL if i in text]


class TestScenarios:
    def test_best_foot_forward_after_scores_higher(self) -> None:
        """Best foot forward scores higher on Access to Information after DPUP than before."""
        before = _guideline_value("best-foot-forward-before.toml")
        after = _guideline_value("best-foot-forward-after.toml")
        assert before is not None
        assert after is not None
        assert after > before

    def test_best_foot_forward_front_door(self) -> None:
        """No front door before, but the map does not say whether the data identifies anyone.

        Were the quarterly data aggregate, no protocol would be needed, so before DPUP it
        needs review (NEEDS_REVIEW); after, the agreement has a protocol (MET).
        """
        found = [
            _statuses(load(EXAMPLES / f"best-foot-forward-{when}.toml"), "AI022", "$.agreements[0]")
            for when in ("before", "after")
        ]
        assert [[REVIEW], [MET]] == found

    def test_best_foot_forward_files_state_their_source(self) -> None:
        """Each file opens by naming the journey map (seed 001); its dates are illustrative."""
        for when in ("before", "after"):
            head = (EXAMPLES / f"best-foot-forward-{when}.toml").read_text().split("\nname")[0]
            assert "journey map" in head
            assert "seed 001" in head
            assert "illustrative" in head

    def test_best_foot_forward_records_both_parties(self) -> None:
        """The provider is an NGO and its partner, the agency, is in the public sector."""
        for when in ("before", "after"):
            activity = load(EXAMPLES / f"best-foot-forward-{when}.toml")
            assert activity.agency is not None
            assert activity.partners is not None
            sectors = (activity.agency.sector, tuple(p.sector for p in activity.partners))
            assert (Sector.NGO, (Sector.PUBLIC,)) == sectors
            assert activity.audience is not None
            assert activity.audience.children is True

    def test_kids_first_after_has_no_failures(self) -> None:
        """Kids First after DPUP has no NOT_MET finding in this family."""
        assert NOT_MET not in _family_statuses("kids-first-after.toml")

    def test_kids_first_before_has_several_failures(self) -> None:
        """Kids First before DPUP fails several Access to Information checks."""
        assert _family_statuses("kids-first-before.toml").count(NOT_MET) >= 3
