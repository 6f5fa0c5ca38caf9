"""Plain-text output for terminals and logs: a summary first, then scores and findings.

The report opens with what a reader must act on: failures on a legal basis, other failures,
the facts to record, and obligations not yet due by due date. Scores follow, each with its
coverage beside it, and a score on too little evidence is shown as "not enough evidence".
Failures and reviews are then listed by guideline, one block per check and outcome.

Every string a report carries is written through `dpup._printable.printable`, so a label or
waiver reason holding control characters (an ANSI escape, a carriage return, a newline) shows
them as escapes: the only escape sequences that reach a terminal are dpup's own colours.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

from dpup._printable import printable as _p
from dpup.findings import Finding, Report, Score, Status
from dpup.policy import Guideline, Principle
from dpup.questions import Question
from dpup.render._common import due_label
from dpup.render._view import (
    NOT_LEGAL_ADVICE,
    UNVERIFIED_NOTE,
    FindingGroup,
    Summary,
    cited,
    count,
    coverage_floor,
    evidence_label,
    group_findings,
    labelled,
    law_refs,
    reviewers_phrase,
    score_view,
    summarise,
)
from dpup.render.questions import TOP, questions_text
from dpup.settings import Settings

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


_SCORE_W = 38  # wide enough for "not enough evidence (coverage 100%)"


def _score_row(name: str, s: Score, paint: _Painter, floor: float) -> str:
    view = score_view(s, floor)
    text = view.text.ljust(_SCORE_W)
    if view.enough and s.value is not None:
        text = paint(text, "green" if s.value >= 80 else "yellow" if s.value >= 50 else "red")
    return (
        f"  {name:<26}{text}  {s.met:>4}  {s.not_met:>7}  "
        f"{s.needs_review:>6}  {s.not_yet_due:>4}  {s.not_applicable:>4}"
    )


def _header(title: str) -> str:
    return (
        f"  {title:<26}{'score (coverage)':<{_SCORE_W}}  {'met':>4}  {'not met':>7}  "
        f"{'review':>6}  {'due':>4}  {'n/a':>4}"
    )


def _refs(f: Finding) -> tuple[str, bool]:
    cites = law_refs(f)
    shown = "; ".join(c.text + ("" if c.verified else " [unverified]") for c in cites)
    return shown, any(not c.verified for c in cites)


def _group_lines(g: FindingGroup, paint: _Painter, subject: object | None) -> list[str]:
    f = g.first
    basis = "law" if f.basis.is_law else f.basis.value.replace("-", " ")
    head = f"    {paint(_p(f.check_id), 'bold')} {_p(f.name)}  [{basis}, {f.severity.value}]"
    if f.waiver is not None:
        head += paint("  WAIVED", "dim")
    lines = [head]
    refs, _ = _refs(f)
    if refs:
        lines.append(f"        under: {refs}")
    lines.append(f"        {_p(f.message)}")
    many = len(g.findings) > 1
    if many:
        lines.append(f"        {count(len(g.findings), 'subject')}:")
    for one in g.findings:
        pad = "          " if many else "        "
        lines.append(f"{pad}{_p(labelled(one.subject, subject))}")
        if one.evidence:
            known = evidence_label(one.subject, subject)
            shown = ", ".join(labelled(e, subject, known=known) for e in one.evidence)
            lines.append(f"{pad}  evidence: {_p(shown)}")
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


def _finding_lines(f: Finding, paint: _Painter, subject: object | None) -> list[str]:
    return _group_lines(FindingGroup(f, (f,)), paint, subject)


def _grouped(findings: Iterable[Finding], paint: _Painter, subject: object | None) -> list[str]:
    lines: list[str] = []
    by_guideline: dict[Guideline, list[Finding]] = {}
    for f in findings:
        by_guideline.setdefault(f.guideline, []).append(f)
    for g in Guideline:
        found = by_guideline.get(g)
        if not found:
            continue
        lines.append(f"  {paint(g.label, 'bold')}")
        for block in group_findings(found):
            lines.extend(_group_lines(block, paint, subject))
    return lines


def _summary_lines(summary: Summary, paint: _Painter) -> list[str]:
    out = [paint("Summary", "bold")]
    legal = f"Not met on a legal basis: {count(summary.legal_count, 'finding')}"
    out.append("  " + paint(legal, "red" if summary.legal_count else "green"))
    for g in summary.legal:
        refs, _ = _refs(g.first)
        subjects = count(len(g.findings), "subject")
        out.append(f"    {_p(g.first.check_id)} {_p(g.first.name)} ({subjects}): {refs}")
    other = f"Not met on good practice or a standard: {count(summary.other_count, 'finding')}"
    out.append("  " + paint(other, "yellow" if summary.other_count else "green"))
    out.extend(
        f"    {_p(g.first.check_id)} {_p(g.first.name)} ({count(len(g.findings), 'subject')})"
        for g in summary.other
    )
    total = sum(n for _, n in summary.review_by_reviewer)
    who = reviewers_phrase(summary)
    out.append(f"  Need review: {count(total, 'finding')}" + (f" ({who})" if who else ""))
    out.append(f"  Not yet due: {count(len(summary.obligations), 'obligation')}")
    if summary.waived:
        n = sum(len(g.findings) for g in summary.waived)
        out.append(f"  Waived, so not counted above: {count(n, 'failure')}")
        out.extend(
            f"    {_p(g.first.check_id)} {_p(g.first.name)} ({count(len(g.findings), 'subject')})"
            for g in summary.waived
        )
    return out


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, width=94)


def to_text(
    report: Report,
    *,
    color: bool = False,
    questions: Sequence[Question] | None = None,
    subject: object | None = None,
    settings: Settings | None = None,
) -> str:
    """Return the report as plain text: a summary, scores, then NOT_MET, NEEDS_REVIEW.

    The summary counts failures on a legal basis and the others, names their checks, counts
    the reviews by reviewer, and is followed by the facts to record and the obligations not
    yet due (by due date, with the working days left, waived ones included and marked).
    A score is shown beside its coverage, or as "not enough evidence" below the coverage
    floor. Findings of one check that say the same thing form one block listing subjects.

    Args:
        report: the report to render.
        color: add ANSI colours (for terminals only).
        questions: the facts to record (``report.questions(subject)``); when given, the
            first few follow the summary under "What to record next", with a count of the rest.
        subject: the activity the report evaluated; when given, each path is followed by the
            id of the record it points into (``$.disclosures[2] (disclosure "funder")``).
        settings: where the coverage floor comes from (`Settings.score_coverage_floor`);
            `DEFAULT_SETTINGS` when not given.
    """
    paint = _Painter(color=color)
    floor = coverage_floor(settings)
    label = f" — {_p(report.label)}" if report.label else ""
    out = [
        paint(f"dpup {report.engine_version}{label}", "bold"),
        f"{report.subject_type} evaluated as at {report.as_at.isoformat()} "
        f"({report.as_at_source.phrase}); "
        f"catalogue {report.catalogue_version}",
        *_wrapped(NOT_LEGAL_ADVICE),
        "",
        *_summary_lines(summarise(report), paint),
        "",
    ]
    if questions is not None:
        out += [paint(f"What to record next ({len(questions)})", "bold")]
        out += [*questions_text(questions, limit=TOP, indent="  "), ""]
    due = report.open_obligations(include_waived=True)
    out += [paint(f"Not yet due ({len(due)}), by due date", "bold" if due else "green")]
    out += [line for f in due for line in _finding_lines(f, paint, subject)] or ["  none"]
    out += [
        "",
        paint("Scores", "bold"),
        f"  A score is shown only where at least {floor * 100:.0f}% of the applicable findings "
        "were assessed.",
        "",
        paint("Principles", "bold"),
        _header("principle"),
    ]
    out += [_score_row(p.label, report.principle_scores[p], paint, floor) for p in Principle]
    out += ["", paint("Guidelines", "bold"), _header("guideline")]
    out += [_score_row(g.label, report.guideline_scores[g], paint, floor) for g in Guideline]
    out += ["", _score_row("Overall", report.overall, paint, floor)]

    failures = report.with_status(Status.NOT_MET)
    reviews = report.with_status(Status.NEEDS_REVIEW)
    out += ["", paint(f"Not met ({len(failures)})", "red" if failures else "green")]
    out += _grouped(failures, paint, subject) or ["  none"]
    out += ["", paint(f"Needs review ({len(reviews)})", "yellow" if reviews else "green")]
    out += _grouped(reviews, paint, subject) or ["  none"]
    if report.errors:
        out += ["", paint(f"Checks that crashed ({len(report.errors)})", "red")]
        out += [
            f"    {_p(e.check_id)} on {_p(e.subject)}: {_p(e.error_type)}" for e in report.errors
        ]
    sources = cited(report)
    if sources:
        out += ["", paint("Provisions cited", "bold")]
        out += [f"  {c.text}{'' if c.verified else ' [unverified]'}: {c.url}" for c in sources]
    if any(not c.verified for c in sources):
        out += ["", *_wrapped(UNVERIFIED_NOTE)]
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
