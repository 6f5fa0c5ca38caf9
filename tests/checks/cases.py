"""The table format every check family's tests use, and the runner for it.

Each family's test module defines ``CASES``: a list of `Case`. One parametrised test runs
them, and the catalogue meta-test checks that every check has at least one MET case and at
least one NOT_MET or NEEDS_REVIEW case.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from dpup import Activity, Status, evaluate
from dpup.checks import BUILTIN_CHECKS
from dpup.findings import Finding
from dpup.settings import Settings

__all__ = ["Case", "run_case"]

AS_AT = date(2026, 6, 1)


@attrs.frozen
class Case:
    """One expectation: evaluating ``subject`` with check ``check_id`` gives ``expected``.

    Attributes:
        id: a readable test id.
        check_id: the check under test.
        subject: the domain object to evaluate.
        expected: the status the check must report (for every finding it makes on the
            subject, or for the finding at ``path`` when given).
        context: the activity the subject belongs to, for cross-object checks.
        as_at: the evaluation date.
        path: the subject path whose finding is asserted, when the subject is an Activity.
        settings: thresholds and word lists to evaluate with, when not the defaults.
    """

    id: str
    check_id: str
    subject: Any
    expected: Status
    context: Activity | None = None
    as_at: date = AS_AT
    path: str | None = None
    settings: Settings | None = None


def run_case(case: Case) -> list[Finding]:
    """Evaluate the case with only its check selected and return the relevant findings."""
    assert case.check_id in {c.id for c in BUILTIN_CHECKS}, case.check_id
    report = evaluate(
        case.subject,
        select=[case.check_id],
        context=case.context,
        as_at=case.as_at,
        settings=case.settings,
    )
    assert report.errors == (), report.errors
    findings = [f for f in report.findings if case.path is None or f.subject == case.path]
    assert findings, "the check produced no finding for the subject"
    return findings
