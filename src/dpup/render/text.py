"""Plain-text output for terminals and logs: scores, findings by status, open obligations.

Failures and reviews are grouped by guideline; obligations not yet due follow, by due date.

Every string a report carries is written through `dpup._printable.printable`, so a label or
waiver reason holding control characters (an ANSI escape, a carriage return, a newline) shows
them as escapes: the only escape sequences that reach a terminal are dpup's own colours.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dpup._printable import printable as _p
from dpup.findings import Finding, Report, Score, Status
from dpup.policy import Guideline, Principle
from dpup.questions import Question
from dpup.render._common import due_label
from dpup.render.questions import TOP, questions_text

__all__ = ["to_text"]

_RESET = "\033[0m"
_STYLES = {
    "bold": "\033[1m",
    "red": "\033[31m",
    "yellow": "\033[33m",
    "green": "\033[32m",
    "dim": "\033[2m",
}


class _Painter:
    def __init__(self, *, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        if not self.color:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"


def _pct(value: float | None, *, scale: float = 1.0, digits: int = 1) -> str:
    if value is None:
        return "—"
    return f"{value * scale:.{digits}f}"


def _score_row(name: str, s: Score, paint: _Painter) -> str:
    value = _pct(s.value)
    if s.value is not None:
        value = paint(
            value.rjust(6), "green" if s.value >= 80 else "yellow" if s.value >= 50 else "red"
        )
    else:
        value = value.rjust(6)
    coverage = "—" if s.coverage is None else f"{s.coverage * 100:.0f}%"
    return (
        f"  {name:<26}{value}  {coverage:>8}  {s.met:>4}  {s.not_met:>7}  "
        f"{s.needs_review:>6}  {s.not_yet_due:>4}  {s.not_applicable:>4}"
    )


def _header(title: str) -> str:
    return (
        f"  {title:<26}{'score':>6}  {'coverage':>8}  {'met':>4}  {'not met':>7}  "
        f"{'review':>6}  {'due':>4}  {'n/a':>4}"
    )


def _finding_lines(f: Finding, paint: _Painter) -> list[str]:
    basis = "law" if f.basis.is_law else f.basis.value.replace("-", " ")
    refs = ""
    if f.legal_refs and f.basis.is_law:
        refs = f" ({', '.join(r.value for r in f.legal_refs)})"
    tag = f"[{basis}{refs}, {f.severity.value}]"
    head = f"    {paint(_p(f.check_id), 'bold')} {_p(f.name)}  {tag}  {_p(f.subject)}"
    if f.waiver is not None:
        head += paint("  WAIVED", "dim")
    lines = [head, f"        {_p(f.message)}"]
    if f.evidence:
        lines.append(f"        evidence: {_p(', '.join(f.evidence))}")
    if f.status is Status.NOT_YET_DUE:
        lines.append(f"        not yet due: {due_label(f)}")
    elif f.status is Status.NEEDS_REVIEW:
        if f.reviewer is not None:
            lines.append(f"        reviewer: {f.reviewer.label}")
        lines.extend(f"        to settle: {_p(item)}" for item in f.settle_with)
    elif f.remediation:
        lines.append(f"        fix: {_p(f.remediation)}")
    if f.waiver is not None:
        lines.append(f"        waived: {_p(f.waiver.reason)}")
    return lines


def _grouped(findings: Iterable[Finding], paint: _Painter) -> list[str]:
    lines: list[str] = []
    by_guideline: dict[Guideline, list[Finding]] = {}
    for f in findings:
        by_guideline.setdefault(f.guideline, []).append(f)
    for g in Guideline:
        group = by_guideline.get(g)
        if not group:
            continue
        lines.append(f"  {paint(g.label, 'bold')}")
        for f in group:
            lines.extend(_finding_lines(f, paint))
    return lines


def to_text(
    report: Report, *, color: bool = False, questions: Sequence[Question] | None = None
) -> str:
    """Return the report as plain text: scores, NOT_MET, NEEDS_REVIEW, then NOT_YET_DUE.

    Not-yet-due findings are listed by due date (the order of `Report.open_obligations`),
    each with its due date and the working days left, waived ones included and marked.

    Args:
        report: the report to render.
        color: add ANSI colours (for terminals only).
        questions: the facts to record (``report.questions(subject)``); when given, the
            first few open the report under "What to record next", with a count of the rest.
    """
    paint = _Painter(color=color)
    label = f" — {_p(report.label)}" if report.label else ""
    out = [
        paint(f"dpup {report.engine_version}{label}", "bold"),
        f"{report.subject_type} evaluated as at {report.as_at.isoformat()}; "
        f"catalogue {report.catalogue_version}",
        "",
    ]
    if questions is not None:
        out += [paint(f"What to record next ({len(questions)})", "bold")]
        out += [*questions_text(questions, limit=TOP, indent="  "), ""]
    out += [
        paint("Principles", "bold"),
        _header("principle"),
    ]
    out += [_score_row(p.label, report.principle_scores[p], paint) for p in Principle]
    out += ["", paint("Guidelines", "bold"), _header("guideline")]
    out += [_score_row(g.label, report.guideline_scores[g], paint) for g in Guideline]
    out += ["", _score_row("Overall", report.overall, paint).replace("  Overall", "  Overall", 1)]

    failures = report.with_status(Status.NOT_MET)
    reviews = report.with_status(Status.NEEDS_REVIEW)
    out += ["", paint(f"Not met ({len(failures)})", "red" if failures else "green")]
    out += _grouped(failures, paint) or ["  none"]
    out += ["", paint(f"Needs review ({len(reviews)})", "yellow" if reviews else "green")]
    out += _grouped(reviews, paint) or ["  none"]
    due = report.open_obligations(include_waived=True)
    out += ["", paint(f"Not yet due ({len(due)})", "bold" if due else "green")]
    out += [line for f in due for line in _finding_lines(f, paint)] or ["  none"]
    if report.errors:
        out += ["", paint(f"Checks that crashed ({len(report.errors)})", "red")]
        out += [
            f"    {_p(e.check_id)} on {_p(e.subject)}: {_p(e.error_type)}" for e in report.errors
        ]
    legal = len(report.legal_breaches())
    waived = sum(1 for f in report.findings if f.waiver is not None)
    out += [
        "",
        f"{len(report.failures())} not met ({legal} on a legal basis), "
        f"{len(report.needs_review())} need review, "
        f"{len(report.open_obligations())} not yet due, {waived} waived, "
        f"{len(report.errors)} crashed; {len(report.findings)} findings in all.",
    ]
    return "\n".join(out) + "\n"
