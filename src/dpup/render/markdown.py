"""Markdown output: a summary, score tables and findings, for pull requests, wikis and notebooks.

The report opens with failures on a legal basis, other failures, the facts to record and the
obligations not yet due; scores follow, each beside its coverage ("not enough evidence" below
the coverage floor), then findings, one row per check and outcome listing its subjects.

Text from a report is made inert before it is written: a label or a waiver reason is input,
and Markdown renderers also render HTML and follow links. `_cell` folds it onto one line,
escapes control characters, writes ``<``, ``>`` and ``&`` as entities, and backslash-escapes
the marks that make links, images, emphasis, code, strikethrough, maths and table cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dpup._printable import printable
from dpup.findings import Finding, Report, Score, Status
from dpup.policy import Guideline, Principle
from dpup.questions import Question
from dpup.render._common import basis_label, due_label
from dpup.render._view import (
    NOT_LEGAL_ADVICE,
    UNVERIFIED_NOTE,
    Citation,
    FindingGroup,
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
from dpup.render.questions import TOP, questions_markdown
from dpup.settings import Settings

__all__ = ["to_markdown"]

_INERT = str.maketrans(
    {"<": "&lt;", ">": "&gt;", "&": "&amp;"} | {c: "\\" + c for c in "\\`*_[]~|$"}
)
_TICKS = re.compile("`+")


def _cell(text: str) -> str:
    """Return ``text`` as inert Markdown on one line (fit for a table cell or a heading)."""
    return " ".join(printable(text, keep="\t\n\r").translate(_INERT).split())


def _code(text: str) -> str:
    """Return ``text`` as a code span on one line, fenced by more backticks than it holds."""
    shown = printable(text).replace("|", "\\|")  # GitHub splits table cells at any bare |
    fence = "`" * (max((len(run) for run in _TICKS.findall(shown)), default=0) + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def _score_table(title: str, rows: list[tuple[str, Score]], floor: float) -> list[str]:
    out = [
        f"| {title} | score | coverage | met | not met | needs review | not yet due | n/a |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in rows:
        view = score_view(s, floor)
        shown = view.value or view.text.split(" (", 1)[0]
        out.append(
            f"| {name} | {shown} | {view.coverage} | {s.met} | {s.not_met} | {s.needs_review} "
            f"| {s.not_yet_due} | {s.not_applicable} |"
        )
    return out


def _cite(c: Citation) -> str:
    mark = " *(unverified)*" if not c.verified else ""
    return f"[{_cell(c.text)}](<{c.url}>){mark}"


def _finding_rows(groups: tuple[FindingGroup, ...], subject: object | None) -> list[str]:
    out = [
        "| check | subjects | basis | severity | finding | evidence | next step |",
        "|---|---|---|---|---|---|---|",
    ]
    for g in groups:
        f = g.first
        basis = basis_label(f.basis)
        cites = law_refs(f)
        if cites:
            basis += ": " + "; ".join(_cite(c) for c in cites)
        if f.status is Status.NEEDS_REVIEW:
            who = f"{f.reviewer.label}: " if f.reviewer else ""
            step = _cell(who + "; ".join(f.settle_with))
        else:
            step = _cell(f.remediation or "")
        if f.waiver is not None:
            step = f"**waived**: {_cell(f.waiver.reason)}. " + step
        subjects = "<br>".join(_code(labelled(one.subject, subject)) for one in g.findings)
        evidence = "<br>".join(
            _code(labelled(e, subject, known=evidence_label(one.subject, subject)))
            for one in g.findings
            for e in one.evidence
        )
        out.append(
            f"| {_cell(f.check_id)} {_cell(f.name)} | {subjects} | {basis} | "
            f"{f.severity.value} | {_cell(f.message)} | {evidence} | {step} |"
        )
    return out


def _summary(report: Report) -> list[str]:
    summary = summarise(report)
    out = ["## Summary", ""]
    out.append(f"- **Not met on a legal basis: {count(summary.legal_count, 'finding')}**")
    for g in summary.legal:
        cites = "; ".join(_cite(c) for c in law_refs(g.first))
        out.append(
            f"  - {_cell(g.first.check_id)} {_cell(g.first.name)} "
            f"({count(len(g.findings), 'subject')}): {cites}"
        )
    out.append(
        f"- **Not met on good practice or a standard: {count(summary.other_count, 'finding')}**"
    )
    out += [
        f"  - {_cell(g.first.check_id)} {_cell(g.first.name)} ({count(len(g.findings), 'subject')})"
        for g in summary.other
    ]
    total = sum(n for _, n in summary.review_by_reviewer)
    who = reviewers_phrase(summary)
    out.append(f"- Need review: {count(total, 'finding')}" + (f" ({who})" if who else ""))
    out.append(f"- Not yet due: {count(len(summary.obligations), 'obligation')}")
    if summary.waived:
        n = sum(len(g.findings) for g in summary.waived)
        out.append(f"- Waived, so not counted above: {count(n, 'failure')}")
        out += [
            f"  - {_cell(g.first.check_id)} {_cell(g.first.name)} "
            f"({count(len(g.findings), 'subject')})"
            for g in summary.waived
        ]
    out.append("")
    return out


def _due_rows(findings: tuple[Finding, ...]) -> list[str]:
    out = [
        "| due on | working days left | check | subject | finding |",
        "|---|---:|---|---|---|",
    ]
    for f in findings:
        day = "" if f.due_on is None else f.due_on.isoformat()
        left = "—" if f.working_days_left is None else str(f.working_days_left)
        waived = f" **waived**: {_cell(f.waiver.reason)}" if f.waiver is not None else ""
        out.append(
            f"| {day} | {left} | {_cell(f.check_id)} {_cell(f.name)}{waived} | {_code(f.subject)} "
            f"| {_cell(f.message)} ({_cell(due_label(f))}) |"
        )
    return out


def to_markdown(
    report: Report,
    *,
    questions: Sequence[Question] | None = None,
    subject: object | None = None,
    settings: Settings | None = None,
) -> str:
    """Return the report as Markdown: a summary, scores, findings, then crashed checks.

    The summary counts failures on a legal basis and the others, with their checks and the
    provisions cited (linked), and the reviews by reviewer. Given ``questions``
    (``report.questions(subject)``), "What to record next" follows, with the first few facts
    and a count of the rest; then the obligations not yet due, by due date, and the scores,
    each beside its coverage. NOT_MET and NEEDS_REVIEW findings are grouped by guideline,
    one row per check and outcome listing its subjects.

    Args:
        report: the report to render.
        questions: the facts to record, as ``report.questions(subject)`` gives them.
        subject: the activity evaluated; when given, each path is followed by the id of the
            record it points into.
        settings: where the coverage floor comes from (`Settings.score_coverage_floor`).
    """
    floor = coverage_floor(settings)
    title = f"dpup report: {_cell(report.label)}" if report.label else "dpup report"
    out = [
        f"# {title}",
        "",
        f"{report.subject_type} evaluated as at {report.as_at.isoformat()} "
        f"({report.as_at_source.phrase}) with dpup "
        f"{report.engine_version} (catalogue {report.catalogue_version}).",
        "",
        f"> {NOT_LEGAL_ADVICE}",
        "",
        *_summary(report),
    ]
    if questions is not None:
        out += [f"## What to record next ({len(questions)})", ""]
        out += questions_markdown(questions, limit=TOP)
    due = report.open_obligations(include_waived=True)
    out += [f"## Not yet due ({len(due)})", ""]
    out += [*_due_rows(due), ""] if due else ["None.", ""]
    out += [
        "## Scores",
        "",
        f"A score is shown only where at least {floor * 100:.0f}% of the applicable findings "
        "were assessed; below that it reads *not enough evidence*.",
        "",
        *_score_table(
            "principle", [(p.label, report.principle_scores[p]) for p in Principle], floor
        ),
        "",
        *_score_table(
            "guideline", [(g.label, report.guideline_scores[g]) for g in Guideline], floor
        ),
        "",
        *_score_table("overall", [("all checks", report.overall)], floor),
        "",
    ]
    for status, heading in ((Status.NOT_MET, "Not met"), (Status.NEEDS_REVIEW, "Needs review")):
        found = report.with_status(status)
        out += [f"## {heading} ({len(found)})", ""]
        if not found:
            out += ["None.", ""]
            continue
        for g in Guideline:
            group = [f for f in found if f.guideline is g]
            if group:
                out += [f"### {g.label}", "", *_finding_rows(group_findings(group), subject), ""]
    if report.errors:
        out += [f"## Checks that crashed ({len(report.errors)})", ""]
        out += [
            f"- {_cell(e.check_id)} on {_code(e.subject)}: {_cell(e.error_type)}"
            for e in report.errors
        ]
        out.append("")
    if any(not c.verified for f in report.findings for c in law_refs(f)):
        out += [UNVERIFIED_NOTE, ""]
    return "\n".join(out).rstrip("\n") + "\n"
