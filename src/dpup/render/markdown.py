"""Markdown output: score tables and findings, for pull requests, wikis and notebooks.

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
from dpup.render._common import basis_label, due_label, refs_label
from dpup.render.questions import TOP, questions_markdown

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


def _value(s: Score) -> str:
    return "—" if s.value is None else f"{s.value:.1f}"


def _coverage(s: Score) -> str:
    return "—" if s.coverage is None else f"{s.coverage * 100:.0f}%"


def _score_table(title: str, rows: list[tuple[str, Score]]) -> list[str]:
    out = [
        f"| {title} | score | coverage | met | not met | needs review | not yet due | n/a |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    out += [
        f"| {name} | {_value(s)} | {_coverage(s)} | {s.met} | {s.not_met} | {s.needs_review} "
        f"| {s.not_yet_due} | {s.not_applicable} |"
        for name, s in rows
    ]
    return out


def _finding_rows(findings: list[Finding]) -> list[str]:
    out = [
        "| check | subject | basis | severity | finding | evidence | next step |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in findings:
        basis = basis_label(f.basis)
        if f.basis.is_law and f.legal_refs:
            basis += f" ({refs_label(f)})"
        if f.status is Status.NEEDS_REVIEW:
            who = f"{f.reviewer.label}: " if f.reviewer else ""
            step = _cell(who + "; ".join(f.settle_with))
        else:
            step = _cell(f.remediation or "")
        if f.waiver is not None:
            step = f"**waived**: {_cell(f.waiver.reason)}. " + step
        evidence = "<br>".join(_code(e) for e in f.evidence)
        out.append(
            f"| {_cell(f.check_id)} {_cell(f.name)} | {_code(f.subject)} | {basis} | "
            f"{f.severity.value} | {_cell(f.message)} | {evidence} | {step} |"
        )
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


def to_markdown(report: Report, *, questions: Sequence[Question] | None = None) -> str:
    """Return the report as Markdown: scores, findings by status, then open obligations.

    NOT_MET and NEEDS_REVIEW findings are grouped by guideline; the obligations not yet due
    follow in one table by due date, with the working days left. Given ``questions``
    (``report.questions(subject)``), a "What to record next" section comes first, with the
    first few facts to record and a count of the rest.
    """
    title = f"dpup report: {_cell(report.label)}" if report.label else "dpup report"
    out = [
        f"# {title}",
        "",
        f"{report.subject_type} evaluated as at {report.as_at.isoformat()} with dpup "
        f"{report.engine_version} (catalogue {report.catalogue_version}).",
        "",
    ]
    if questions is not None:
        out += [f"## What to record next ({len(questions)})", ""]
        out += questions_markdown(questions, limit=TOP)
    out += [
        "## Scores",
        "",
        *_score_table("principle", [(p.label, report.principle_scores[p]) for p in Principle]),
        "",
        *_score_table("guideline", [(g.label, report.guideline_scores[g]) for g in Guideline]),
        "",
        *_score_table("overall", [("all checks", report.overall)]),
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
                out += [f"### {g.label}", "", *_finding_rows(group), ""]
    due = report.open_obligations(include_waived=True)
    out += [f"## Not yet due ({len(due)})", ""]
    out += [*_due_rows(due), ""] if due else ["None.", ""]
    if report.errors:
        out += [f"## Checks that crashed ({len(report.errors)})", ""]
        out += [
            f"- {_cell(e.check_id)} on {_code(e.subject)}: {_cell(e.error_type)}"
            for e in report.errors
        ]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
