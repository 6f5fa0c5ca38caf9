"""Obligations not yet due: the status, its builder, the engine, scores, every output and the CLI.

An access request received last week with no decision is neither met nor late. The checks give
it `Status.NOT_YET_DUE` with its due date; the engine adds the working days left as at the
evaluation date; reports list such findings by due date; scores leave them unassessed; and
every renderer shows the state, the due date and the working days left.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import jsonschema
import pytest

import dpup
from dpup import AccessRequest, Activity, CorrectionRequest, Report, Status, Waiver, unstructure
from dpup._engine.outcomes import INTERN_LONGEST
from dpup._engine.reference import reference_evaluate
from dpup.calendar import working_days_between
from dpup.checkdef import Outcome, not_applicable, not_yet_due
from dpup.cli import EXIT_FINDINGS, EXIT_OK, main
from dpup.engine import default_registry
from dpup.model import AccessDecision
from dpup.render import to_html, to_json, to_junit, to_markdown, to_sarif_dict, to_text
from dpup.scoring import score
from tests.sarif import validate_sarif

ROOT = Path(__file__).parent.parent
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))

# Received on Friday 20 December 2024: transfer due Monday 27 January 2025, decision due
# Tuesday 11 February 2025 (25 December to 15 January and Waitangi Day do not count).
RECEIVED = date(2024, 12, 20)
TRANSFER_DUE = date(2025, 1, 27)
DECISION_DUE = date(2025, 2, 11)
AS_AT = date(2025, 1, 20)  # a Monday: 5 working days to the transfer limit, 15 to the decision
LATER = date(2025, 2, 12)  # every limit above has passed
DEADLINE_CHECKS = ["AI005", "AI007", "AI013"]


def _activity() -> Activity:
    """Three open obligations (two decisions, one transfer) and one decided request."""
    return Activity(
        "a",
        access_requests=(
            AccessRequest("open", received_on=RECEIVED),
            AccessRequest("to-transfer", received_on=RECEIVED, decision=AccessDecision.TRANSFER),
            AccessRequest(
                "decided",
                received_on=RECEIVED,
                decision=AccessDecision.RELEASE,
                decided_on=date(2025, 1, 16),
            ),
        ),
        correction_requests=(CorrectionRequest("fix", received_on=RECEIVED),),
    )


def _report(as_at: date = AS_AT, **kw: object) -> Report:
    return dpup.evaluate(_activity(), as_at=as_at, select=DEADLINE_CHECKS, label="a.json", **kw)  # type: ignore[arg-type]


class TestVocabulary:
    def test_status(self) -> None:
        """NOT_YET_DUE applies to its subject but is not a verdict."""
        status = Status.NOT_YET_DUE
        assert ("not_yet_due", "not yet due") == (status.value, status.label)
        assert (False, True) == (status.assessed, status.applicable)
        assert Status("not_yet_due") is status

    def test_builder(self) -> None:
        """The builder carries the due date; equal calls share one outcome."""
        outcome = not_yet_due("Not yet decided.", "received_on", due_on=DECISION_DUE)
        assert (Status.NOT_YET_DUE, DECISION_DUE, ("received_on",)) == (
            outcome.status,
            outcome.due_on,
            outcome.evidence,
        )
        assert outcome is not_yet_due("Not yet decided.", "received_on", due_on=DECISION_DUE)
        other = not_yet_due("Not yet decided.", "received_on", due_on=TRANSFER_DUE)
        assert other is not outcome
        assert TRANSFER_DUE == other.due_on
        many = tuple(f"items[{i}]" for i in range(INTERN_LONGEST + 1))
        assert not_yet_due("x", *many, due_on=DECISION_DUE) is not not_yet_due(
            "x", *many, due_on=DECISION_DUE
        )
        assert None is not_applicable("No.").due_on

    def test_builder_is_exported_where_the_others_are(self) -> None:
        """Check authors import it from dpup.checkdef; dpup.engine re-exports it."""
        assert dpup.checkdef.not_yet_due is dpup.engine.not_yet_due is not_yet_due
        assert "not_yet_due" in dpup.checkdef.__all__
        assert "not_yet_due" in dpup.engine.__all__


class TestEngine:
    def test_findings_carry_due_date_and_working_days_left(self) -> None:
        """Each open obligation carries its due date and the working days left as at as_at."""
        due = {(f.check_id, f.subject): f for f in _report().open_obligations()}
        assert {
            ("AI005", "$.access_requests[0]"): (DECISION_DUE, 15),
            ("AI007", "$.access_requests[1]"): (TRANSFER_DUE, 5),
            ("AI013", "$.correction_requests[0]"): (DECISION_DUE, 15),
        } == {k: (f.due_on, f.working_days_left) for k, f in due.items()}
        for f in due.values():
            assert f.working_days_left == working_days_between(AS_AT, f.due_on)  # type: ignore[arg-type]
            assert (f.remediation, f.reviewer, f.settle_with) == (None, None, ())

    def test_other_statuses_carry_no_due_date(self) -> None:
        """Only not-yet-due findings have a due date or working days left."""
        for f in _report(LATER).findings:
            assert f.status is not Status.NOT_YET_DUE
            assert (None, None) == (f.due_on, f.working_days_left)

    def test_working_days_left_follow_as_at_despite_shared_outcomes(self) -> None:
        """The same interned outcome at the same path gives fresh working days for each date.

        Findings are remembered by (check, outcome, path); a not-yet-due one must not be,
        or a second evaluation would show the first one's count.
        """
        request = AccessRequest("open", received_on=RECEIVED)
        counts = []
        for as_at in (AS_AT, date(2025, 2, 7), DECISION_DUE, AS_AT):
            for _ in range(2):  # the second run would hit any remembered finding or report
                (finding,) = dpup.evaluate(request, as_at=as_at, select=["AI005"]).findings
                counts.append(finding.working_days_left)
        assert [15, 15, 2, 2, 0, 0, 15, 15] == counts
        for as_at, left in ((AS_AT, 15), (date(2025, 2, 7), 2)):
            whole = _report(as_at)
            (finding,) = [f for f in whole.open_obligations() if f.check_id == "AI005"]
            assert left == finding.working_days_left

    def test_waived_finding_keeps_its_due_date(self) -> None:
        """A waiver covers a not-yet-due finding as any other; the due date stays."""
        report = _report(waivers=[Waiver("AI007", "agreed with the other agency")])
        assert ["AI005", "AI013"] == [f.check_id for f in report.open_obligations()]
        waived = [f for f in report.open_obligations(include_waived=True) if f.waived]
        assert [("AI007", TRANSFER_DUE, 5)] == [
            (f.check_id, f.due_on, f.working_days_left) for f in waived
        ]

    def test_selectors_choose_the_checks(self) -> None:
        """Select and ignore narrow the open obligations as they narrow any finding."""
        only = dpup.evaluate(_activity(), as_at=AS_AT, select=["AI007"])
        assert ["AI007"] == [f.check_id for f in only.open_obligations()]
        rest = _report(ignore=["AI005"])
        assert ["AI007", "AI013"] == [f.check_id for f in rest.open_obligations()]

    def test_fast_path_agrees_with_the_reference(self) -> None:
        """The engine's findings and scores equal the plain reference evaluator's."""
        registry = default_registry().select(DEADLINE_CHECKS)
        for as_at in (AS_AT, LATER):
            fast = _report(as_at)
            slow = reference_evaluate(_activity(), registry, as_at=as_at, label="a.json")
            assert slow.findings == fast.findings
            assert (slow.overall, slow.guideline_scores) == (fast.overall, fast.guideline_scores)
            one = dpup.evaluate(_activity().access_requests[0], context=_activity(), as_at=as_at)
            ref = reference_evaluate(
                _activity().access_requests[0], default_registry(), as_at=as_at, context=_activity()
            )
            assert ref.findings == one.findings

    def test_a_later_run_gives_verdicts(self) -> None:
        """As at a later date the same activity's obligations are met or not met."""
        later = {(f.check_id, f.subject): f.status for f in _report(LATER).findings}
        assert Status.NOT_MET is later["AI005", "$.access_requests[0]"]
        assert Status.NOT_MET is later["AI007", "$.access_requests[1]"]
        assert Status.NOT_MET is later["AI013", "$.correction_requests[0]"]
        assert Status.MET is later["AI005", "$.access_requests[2]"]
        assert not _report(LATER).open_obligations()


class TestReport:
    def test_open_obligations_by_due_date_then_id_then_subject(self) -> None:
        """The to-do list is ordered by due date, then check id, then subject position."""
        requests = tuple(AccessRequest(f"r{i}", received_on=RECEIVED) for i in range(11))
        activity = Activity(
            "a",
            access_requests=(
                *requests,
                AccessRequest("t", received_on=RECEIVED, decision=AccessDecision.TRANSFER),
            ),
            correction_requests=(CorrectionRequest("c", received_on=date(2024, 12, 19)),),
        )
        report = dpup.evaluate(activity, as_at=AS_AT, select=DEADLINE_CHECKS)
        order = [(f.due_on or date.max, f.check_id, f.subject) for f in report.open_obligations()]
        assert (TRANSFER_DUE, "AI007", "$.access_requests[11]") == order[0]
        # The correction received a day earlier falls due a working day earlier.
        assert (date(2025, 2, 10), "AI013", "$.correction_requests[0]") == order[1]
        assert [(DECISION_DUE, "AI005", f"$.access_requests[{i}]") for i in range(11)] == order[2:]

    def test_never_a_failure_or_a_review(self) -> None:
        """Open obligations never fail a report, at any threshold."""
        report = _report()
        assert 3 == len(report.open_obligations())
        assert ((), ()) == (report.failures(), report.needs_review())
        assert report.passed()
        assert report.passed(Status.NEEDS_REVIEW)
        assert not report.legal_breaches()

    def test_records(self) -> None:
        """to_records gives the due date as ISO text and the working days left."""
        rows = [r for r in _report().to_records() if r["status"] == "not_yet_due"]
        assert {("2025-01-27", 5), ("2025-02-11", 15)} == {
            (r["due_on"], r["working_days_left"]) for r in rows
        }


class TestScores:
    def test_not_yet_due_is_counted_apart_and_lowers_coverage(self) -> None:
        """Not yet due: out of the value, counted on its own, and against coverage."""
        report = _report()
        overall = report.overall
        assert (1, 0, 0, 3) == (
            overall.met,
            overall.not_met,
            overall.needs_review,
            overall.not_yet_due,
        )
        assert (100.0, 0.25, 4) == (overall.value, overall.coverage, overall.applicable)
        assert overall == score(report.findings)

    def test_only_not_yet_due_has_no_value(self) -> None:
        """With nothing assessed there is no value, and coverage is zero."""
        report = dpup.evaluate(
            AccessRequest("r", received_on=RECEIVED), as_at=AS_AT, select=["AI005"]
        )
        assert (None, 0.0, 1) == (
            report.overall.value,
            report.overall.coverage,
            report.overall.not_yet_due,
        )

    def test_positional_score_keeps_its_fields(self) -> None:
        """Score's first six fields keep their positions; the new count defaults to 0."""
        assert 0 == dpup.Score(1, 0, 0, 0, 100.0, 1.0).not_yet_due


class TestOutputs:
    def test_text(self) -> None:
        """Text lists the obligations by due date, with due date and working days left."""
        text = to_text(_report())
        section = text.split("Not yet due (3)", 1)[1]
        assert section.index("AI007") < section.index("AI005") < section.index("AI013")
        assert "not yet due: due 2025-01-27, 5 working days left" in section
        assert "not yet due: due 2025-02-11, 15 working days left" in section
        assert "3 not yet due" in text
        assert "due" in text.split("Principles", 1)[1].splitlines()[1]
        assert "Not yet due (0)" in to_text(_report(LATER))

    def test_markdown(self) -> None:
        """Markdown has a table of obligations by due date and a column in the scores."""
        md = to_markdown(_report())
        assert "| not yet due |" in md
        section = md.split("## Not yet due (3)", 1)[1]
        assert "| 2025-01-27 | 5 | AI007 transfer-late-or-untold |" in section
        assert "due 2025-02-11, 15 working days left" in section

    def test_html(self) -> None:
        """HTML shows the table, the filter, and the due date on each finding."""
        page = to_html(_report())
        assert "<h2>Not yet due (3)</h2>" in page
        assert 'class="finding not_yet_due"' in page
        assert 'id="dpup-f-not_yet_due"' in page
        assert "not yet due (3)" in page
        assert "Not yet due: due 2025-01-27, 5 working days left" in page
        assert '<td>2025-01-27</td><td class="num">5</td>' in page

    def test_json_validates_and_carries_the_state(self) -> None:
        """JSON validates against the published schema and carries due date and days left."""
        data = json.loads(to_json(_report()))
        jsonschema.Draft202012Validator(
            SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        ).validate(data)
        due = [f for f in data["findings"] if f["status"] == "not_yet_due"]
        assert {("2025-01-27", 5), ("2025-02-11", 15)} == {
            (f["due_on"], f["working_days_left"]) for f in due
        }
        assert 3 == data["overall"]["not_yet_due"]
        assert data == _report().to_dict()

    def test_schema_holds_due_dates_to_their_status(self) -> None:
        """The schema refuses a due date on a finding that is not not-yet-due."""
        data = json.loads(to_json(_report()))
        met = next(f for f in data["findings"] if f["status"] == "met")
        met["due_on"] = "2025-02-11"
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft202012Validator(SCHEMA).validate(data)

    def test_sarif(self) -> None:
        """SARIF: an open result of level none, with the due date in its properties."""
        data = to_sarif_dict(_report())
        validate_sarif(data)
        results = [r for r in data["runs"][0]["results"] if r["kind"] == "open"]
        assert 3 == len(results)
        transfer = next(r for r in results if r["ruleId"] == "AI007")
        assert "none" == transfer["level"]
        assert ("not_yet_due", "2025-01-27", 5) == (
            transfer["properties"]["status"],
            transfer["properties"]["dueOn"],
            transfer["properties"]["workingDaysLeft"],
        )
        assert transfer["message"]["text"].endswith(
            "Not yet due: due 2025-01-27, 5 working days left."
        )
        assert 3 == data["runs"][0]["properties"]["overall"]["not_yet_due"]

    def test_junit(self) -> None:
        """JUnit: each open obligation is a skipped case, not a failure."""
        suite = ET.fromstring(to_junit(_report()))  # noqa: S314 - our own output
        skipped = [
            s for s in suite.iter("skipped") if s.get("message", "").startswith("not yet due")
        ]
        assert 3 == len(skipped)
        assert any(
            s.get("message", "").startswith("not yet due (due 2025-01-27, 5 working days left)")
            for s in skipped
        )
        assert "0" == suite.get("failures")


class TestCli:
    def test_fail_on_never_fails_on_open_obligations(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Open obligations exit 0 at every threshold; the same file later exits 1."""
        path = tmp_path / "open.json"
        path.write_text(json.dumps(unstructure(_activity())), encoding="utf-8")
        base = ["evaluate", str(path), "--select", "AI005", "--select", "AI007"]
        for fail_on in ("not-met", "needs-review"):
            assert EXIT_OK == main([*base, "--as-at", "2025-01-20", "--fail-on", fail_on])
        assert EXIT_FINDINGS == main([*base, "--as-at", "2025-02-12"])
        capsys.readouterr()
        assert EXIT_OK == main([*base, "--as-at", "2025-01-20", "--format", "json"])
        data = json.loads(capsys.readouterr().out)
        assert 2 == sum(f["status"] == "not_yet_due" for f in data["findings"])


def test_a_custom_outcome_without_a_due_date_is_still_not_yet_due() -> None:
    """An outcome built by hand with the status but no date has no working days left."""

    def still_open(_subject: object, _ctx: dpup.EvaluationContext) -> Outcome:
        """Always open, for the test.

        What it checks:
            Nothing.
        Why it matters:
            The engine must cope with a hand-built outcome.
        How to meet it:
            Nothing to do.
        References:
            None.
        """
        return Outcome(Status.NOT_YET_DUE, "Open.")

    custom = dpup.engine.check(
        id="AI901",
        name="always-open",
        principles=(dpup.Principle.MANA_WHAKAHAERE,),
        basis=dpup.Basis.GOOD_PRACTICE,
        severity=dpup.Severity.LOW,
        subject=AccessRequest,
        remediation="None.",
    )(still_open)
    report = dpup.evaluate(AccessRequest("r"), registry=dpup.Registry([custom]), as_at=AS_AT)
    (finding,) = report.open_obligations()
    assert (None, None) == (finding.due_on, finding.working_days_left)
    assert "due date not recorded" in to_text(report)
