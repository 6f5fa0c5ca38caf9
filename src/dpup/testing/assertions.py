"""Assertions for test suites: `assert_complies`.

A failure message says, for each failing finding, which matter is missing: the check, its
status and basis, the path of the subject and the message; then the evidence paths the
verdict rests on (or that are not recorded), and what to do (the check's remediation; for a
finding needing review, the evidence that would settle it). Input values never appear: only
paths, ids and dpup's own words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from dpup.baseline import Baseline, load_baselines
from dpup.engine import Selector, default_registry, evaluate
from dpup.errors import DpupError, DpupValueError
from dpup.findings import Finding, Report, Status
from dpup.model import Activity
from dpup.policy import Guideline, Principle

__all__ = ["ComplianceError", "assert_complies"]


class ComplianceError(AssertionError, DpupError):
    """An `assert_complies` failure. The message lists what failed, readably.

    Attributes:
        report: the report that did not comply.
        failed: the findings that caused the failure.
    """

    def __init__(self, message: str, report: Report, failed: tuple[Finding, ...]) -> None:
        super().__init__(message)
        self.report = report
        self.failed = failed


def _line(f: Finding) -> str:
    basis = "law" if f.basis.is_law else f.basis.value.replace("-", " ")
    line = f"  {f.check_id} {f.name} [{f.status.label}, {basis}] at {f.subject}: {f.message}"
    if f.status is Status.NEEDS_REVIEW and f.settle_with:
        line += " To settle: " + "; ".join(f.settle_with)
    if f.evidence:
        line += "\n    evidence: " + ", ".join(f.evidence)
    if f.remediation:
        line += "\n    fix: " + f.remediation
    return line


def _baseline(given: Baseline | Report | str | Path) -> Baseline:
    """Return the baseline ``given`` names: itself, a report's, or the one in a JSON file."""
    if isinstance(given, Baseline):
        return given
    if isinstance(given, Report):
        return Baseline.from_report(given)
    found = load_baselines(given)
    if len(found) != 1:
        msg = f"a baseline file for assert_complies holds one report, not {len(found)}"
        raise DpupValueError(msg)
    return found[0]


def assert_complies(
    subject_or_report: object,
    *,
    allow: Iterable[Selector] = (),
    ignore: Iterable[Selector] | None = None,
    select: Iterable[Selector] | None = None,
    min_score: float | Mapping[Principle | Guideline, float] | None = None,
    fail_on: Status = Status.NOT_MET,
    context: Activity | None = None,
    as_at: date | None = None,
    baseline: Baseline | Report | str | Path | None = None,
) -> Report:
    """Assert that a subject (or an existing report) complies, and return the report.

    Args:
        subject_or_report: a domain object to evaluate, or a `Report` already made.
        allow: selectors whose failures are tolerated (they still run and are reported).
        ignore: selectors to skip entirely when evaluating.
        select: selectors to run when evaluating (default: every check).
        min_score: the least acceptable overall score value, or a minimum per principle or
            guideline. A score with nothing assessed fails a minimum.
        fail_on: `Status.NOT_MET` (default) or `Status.NEEDS_REVIEW` to also fail on reviews.
        context: the activity a single object belongs to.
        as_at: the date to apply the law as at.
        baseline: only fail on what is new against it: a `dpup.baseline.Baseline`, an
            earlier `Report`, or the path of a JSON report written by
            ``dpup evaluate --format json``. A finding unchanged since the baseline does not
            fail (score minimums still apply).

    Raises:
        ComplianceError: an `AssertionError` whose message lists every failing check id,
            status, path and message, with the evidence paths and the fix, and any score
            below its minimum.
        InputError: the baseline file is not a dpup JSON report; every problem listed.
    """
    __tracebackhide__ = True  # pytest shows the caller's line, not this helper's locals
    if isinstance(subject_or_report, Report):
        report = subject_or_report
    else:
        report = evaluate(
            subject_or_report, select=select, ignore=ignore, context=context, as_at=as_at
        )
    allowed = {c.id for c in default_registry().select(tuple(allow))} if allow else set()
    statuses = {Status.NOT_MET} | (
        {Status.NEEDS_REVIEW} if fail_on is Status.NEEDS_REVIEW else set()
    )
    candidates = report.findings
    if baseline is not None:
        candidates = _baseline(baseline).new_findings(report)
    failed = tuple(
        f
        for f in candidates
        if f.status in statuses and f.waiver is None and f.check_id not in allowed
    )
    lines: list[str] = []
    if failed:
        lines.append(f"{len(failed)} finding(s) failed:")
        lines += [_line(f) for f in failed]
    if report.errors:
        lines.append(f"{len(report.errors)} check(s) crashed:")
        lines += [f"  {e.check_id} at {e.subject}: {e.error_type}" for e in report.errors]
    minimums: dict[str, tuple[float | None, float]] = {}
    if isinstance(min_score, int | float):
        minimums["overall"] = (report.overall.value, float(min_score))
    elif min_score is not None:
        for area, least in min_score.items():
            score = (
                report.principle_scores[area]
                if isinstance(area, Principle)
                else report.guideline_scores[area]
            )
            minimums[area.label] = (score.value, least)
    for name, (value, least) in minimums.items():
        if value is None or value < least:
            shown = "nothing assessed" if value is None else f"{value:.1f}"
            lines.append(f"score for {name} is {shown}, below the minimum {least:.1f}")
    if lines:
        raise ComplianceError("\n".join(lines), report, failed)
    return report
