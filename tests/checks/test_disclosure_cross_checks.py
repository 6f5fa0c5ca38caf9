"""A disclosure judged against what people were told and agreed, all at once (issue 18, part 2).

The Kids First "after" example reports counts to its funder, as its enrolment notice and its
funding agreement say. These tests add one identifying report to the funder and check that
every cross-check sees it: the items' own purposes (PM016, law), the notice's promise of
counts only (TC020), the agreement's fields and form (PM029) and, where the person refused,
their choice (TC004). The example as it stands must gain no failure from these checks.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import dpup
from dpup.findings import Status
from dpup.model import Activity, Choice, ChoiceScope, ChoiceState, Disclosure

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kids-first-after.toml"

CROSS_CHECKS = ("PM015", "PM016", "PM024", "PM028", "PM029", "TC004", "TC013", "TC020")
"""The checks that judge a disclosure against purposes, notices, agreements and choices."""


@pytest.fixture(scope="module")
def kids_first() -> Activity:
    """The example as written."""
    return dpup.load(EXAMPLE)


def _named_funder_report(activity: Activity) -> Disclosure:
    """The example's funder report, but naming people and made under the MSD agreement."""
    funder_report = next(d for d in activity.disclosures if d.id == "funder-report")
    return attrs.evolve(
        funder_report,
        id="funder-report-named",
        items=("full-name", "gender", "children-cared-for"),
        identifiable=True,
        agreement="msd-funding",
    )


def _with(activity: Activity, disclosure: Disclosure, *choices: Choice) -> Activity:
    """The activity with one more disclosure and, if given, more choices."""
    return attrs.evolve(
        activity,
        disclosures=(*activity.disclosures, disclosure),
        choices=(*activity.choices, *choices),
    )


def _statuses(report: dpup.Report, subject: str) -> dict[str, Status]:
    return {f.check_id: f.status for f in report.findings if f.subject == subject}


def test_the_example_gains_no_failure_from_the_cross_checks(kids_first: Activity) -> None:
    """As written, the example's disclosures pass or ask for facts; none fails."""
    report = dpup.evaluate(kids_first, select=list(CROSS_CHECKS))
    assert [] == [(f.check_id, f.subject) for f in report.failures()]
    funder = _statuses(report, "$.disclosures[2]")
    assert funder["TC020"] is Status.NOT_APPLICABLE  # it identifies no one
    assert funder["TC013"] is Status.MET


def test_an_identifying_funder_report_fails_every_cross_check(kids_first: Activity) -> None:
    """Each cross-check fails the named report on its own ground, pointing at paths."""
    activity = _with(kids_first, _named_funder_report(kids_first))
    report = dpup.evaluate(activity)
    subject = "$.disclosures[3]"
    findings = {f.check_id: f for f in report.findings if f.subject == subject}
    for check_id in ("PM016", "TC020", "PM029"):
        assert findings[check_id].status is Status.NOT_MET, check_id
    # The name was collected to run the programme, not for funder reporting.
    assert "$.disclosures[3].items[0]" in findings["PM016"].evidence
    assert "$.collections[0].items[0].purposes" in findings["PM016"].evidence
    # The enrolment notice promised MSD counts only.
    assert "$.collections[0].notice.recipient_forms[0].form" in findings["TC020"].evidence
    # The agreement lists counts, not these items.
    assert "$.agreements[0].fields" in findings["PM029"].evidence
    for finding in findings.values():
        assert "Ministry of Social Development" not in finding.message
        assert all(path.startswith("$.") for path in finding.evidence)


def test_only_the_purpose_breach_is_a_legal_breach(kids_first: Activity) -> None:
    """Outside the items' purposes is IPP11 (law); the notice and agreement are good practice."""
    activity = _with(kids_first, _named_funder_report(kids_first))
    report = dpup.evaluate(activity)
    breaches = [(f.check_id, f.subject) for f in report.legal_breaches()]
    assert ("PM016", "$.disclosures[3]") in breaches
    assert not any(check_id in {"TC020", "PM029"} for check_id, _ in breaches)


def test_no_touched_principle_or_guideline_scores_100(kids_first: Activity) -> None:
    """Every principle and guideline the named report is assessed under falls below 100."""
    activity = _with(kids_first, _named_funder_report(kids_first))
    report = dpup.evaluate(activity)
    assessed = [
        f
        for f in report.findings
        if f.subject == "$.disclosures[3]" and f.status in {Status.MET, Status.NOT_MET}
    ]
    principles = {p for f in assessed for p in f.principles}
    guidelines = {f.guideline for f in assessed}
    assert principles
    for principle in principles:
        value = report.principle_scores[principle].value
        assert value is not None
        assert value < 100, principle
    for guideline in guidelines:
        value = report.guideline_scores[guideline].value
        assert value is not None
        assert value < 100, guideline
    assert report.overall.value is not None
    assert report.overall.value < 100


def test_a_refused_choice_fails_too(kids_first: Activity) -> None:
    """Where James refused sharing with the funder, TC004 fails the named report as well."""
    refused = Choice(
        "no-funder-names",
        scope=ChoiceScope.RECIPIENTS,
        recipients=("Ministry of Social Development",),
        state=ChoiceState.REFUSED,
    )
    activity = _with(kids_first, _named_funder_report(kids_first), refused)
    statuses = _statuses(dpup.evaluate(activity), "$.disclosures[3]")
    assert {statuses[c] for c in ("PM016", "TC020", "PM029", "TC004")} == {Status.NOT_MET}


def test_each_cross_check_stands_alone(kids_first: Activity) -> None:
    """Named counts of items collected for funder reporting: within purpose, still not as told."""
    counts_named = attrs.evolve(
        _named_funder_report(kids_first), items=("gender", "children-cared-for")
    )
    statuses = _statuses(dpup.evaluate(_with(kids_first, counts_named)), "$.disclosures[3]")
    assert statuses["PM016"] is Status.MET
    assert statuses["TC020"] is Status.NOT_MET
    assert statuses["PM029"] is Status.NOT_MET
    # Told and agreed as counts, sent as counts: every cross-check is content.
    as_agreed = attrs.evolve(counts_named, identifiable=False, items=("gender-count",))
    report = dpup.evaluate(_with(kids_first, as_agreed), select=list(CROSS_CHECKS))
    assert [] == [f.check_id for f in report.failures()]
    assert _statuses(report, "$.disclosures[3]")["PM029"] is Status.MET
