"""TC021 breach-harm-not-assessed: its cases, on both sides of the line.

TC021 applies to every breach, so it has no not-applicable case.
"""

from __future__ import annotations

import pytest

from dpup import Reviewer, evaluate
from dpup.findings import Finding
from dpup.model import HarmAssessment, ObtainedBy
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    MET,
    NOT_MET,
    REVIEW,
    breach,
    full_assessment,
)

CASES = [
    Case("tc021-assessed-in-full", "TC021", breach(), MET),
    Case(
        # Findings recorded as "no" or "none" still show each matter was weighed.
        "tc021-assessed-with-negative-findings",
        "TC021",
        breach(
            harm_assessment=full_assessment(
                steps_taken=(),
                information_sensitive=False,
                harms=(),
                obtained_by=ObtainedBy.UNKNOWN,
                security_protected=True,
                serious_harm_likely=False,
            ),
            notifiable=False,
        ),
        MET,
    ),
    Case(
        # The assessment's own date and author are kept for the record, not required here.
        "tc021-assessed-without-who-or-when",
        "TC021",
        breach(harm_assessment=full_assessment(assessed_by=None, assessed_on=None)),
        MET,
    ),
    Case("tc021-recorded-as-not-assessed", "TC021", breach(harm_assessed=False), NOT_MET),
    Case(
        "tc021-not-assessed-without-record",
        "TC021",
        breach(harm_assessed=False, harm_assessment=None),
        NOT_MET,
    ),
    Case(
        "tc021-nothing-recorded",
        "TC021",
        breach(harm_assessed=None, harm_assessment=None),
        REVIEW,
    ),
    Case(
        "tc021-assessed-but-unrecorded",
        "TC021",
        breach(harm_assessed=True, harm_assessment=None),
        REVIEW,
    ),
    Case(
        "tc021-partial-factors",
        "TC021",
        breach(harm_assessment=full_assessment(obtained_by=None, other_matters=None)),
        REVIEW,
    ),
    Case(
        "tc021-no-conclusion",
        "TC021",
        breach(harm_assessment=full_assessment(serious_harm_likely=None)),
        REVIEW,
    ),
    Case(
        "tc021-factors-without-flag",
        "TC021",
        breach(harm_assessed=None),
        MET,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC021 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(subject: object) -> Finding:
    (finding,) = evaluate(subject, select=["TC021"]).findings
    return finding


def test_partial_assessment_names_the_missing_matters() -> None:
    """A partial record asks for exactly the matters and conclusion not recorded."""
    partial = breach(
        harm_assessment=HarmAssessment(information_sensitive=True, security_protected=False)
    )
    finding = _finding(partial)
    assert finding.evidence == (
        "$.harm_assessment.steps_taken",
        "$.harm_assessment.harms",
        "$.harm_assessment.obtained_by",
        "$.harm_assessment.other_matters",
        "$.harm_assessment.serious_harm_likely",
    )
    assert finding.reviewer is Reviewer.PRIVACY_OFFICER


def test_not_assessed_cites_the_recorded_fact_and_is_a_legal_breach() -> None:
    """A breach recorded as not assessed fails on that fact, as a matter of law."""
    report = evaluate(breach(harm_assessed=False), select=["TC021"])
    (finding,) = report.legal_breaches()
    assert finding.evidence == ("$.harm_assessed",)


def test_met_cites_every_matter_and_the_conclusion() -> None:
    """A complete assessment is met on the six matters and the conclusion."""
    finding = _finding(breach())
    assert len(finding.evidence) == 7
    assert finding.evidence[-1] == "$.harm_assessment.serious_harm_likely"
