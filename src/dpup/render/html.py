"""HTML output: one self-contained page (or a notebook fragment) with a score chart.

Obligations not yet due are shown twice: as findings (with their due date and working days
left), and in a table of their own ordered by due date, as a to-do list.

No external assets and no scripts: styles are inline, the chart is inline SVG, and findings are
filtered by status with radio buttons and CSS alone. Every string is escaped, control
characters included (they are shown as escapes, as `dpup._printable.printable` writes them).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from dpup._printable import printable
from dpup.findings import Finding, Report, Score, Status
from dpup.policy import Guideline, Principle
from dpup.questions import Question
from dpup.render._common import basis_label, due_label, refs_label
from dpup.render.questions import TOP, questions_html

__all__ = ["score_chart_svg", "to_html"]


def escape(text: str) -> str:
    """Return ``text`` escaped for HTML text or a quoted attribute, and printable."""
    return html.escape(printable(text, keep="\n\t"))


_CSS = """
.dpup{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;
 line-height:1.45;max-width:72rem}
.dpup h1{font-size:1.5rem;margin:.2rem 0}.dpup h2{font-size:1.2rem;margin-top:1.6rem}
.dpup h3{font-size:1.05rem;margin:1rem 0 .4rem}
.dpup .meta{color:#57606a;font-size:.9rem}
.dpup table{border-collapse:collapse;margin:.4rem 0;font-size:.9rem}
.dpup th,.dpup td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
.dpup td.num{text-align:right}
.dpup .finding{border-left:4px solid #d0d7de;padding:.3rem .7rem;margin:.5rem 0;background:#f6f8fa}
.dpup .finding.not_met{border-color:#cf222e}.dpup .finding.needs_review{border-color:#bf8700}
.dpup .finding.met{border-color:#1a7f37}.dpup .finding.not_applicable{border-color:#8c959f}
.dpup .finding.not_yet_due{border-color:#0969da}
.dpup .tag{display:inline-block;font-size:.75rem;padding:0 .35rem;border-radius:.6rem;
 background:#eaeef2;margin-right:.25rem}
.dpup .tag.law{background:#ffebe9}.dpup .waived{font-style:italic;color:#57606a}
.dpup code{font-size:.85em;background:#eaeef2;padding:0 .2rem;border-radius:.2rem}
.dpup .filters label{margin-right:.8rem;cursor:pointer}
.dpup .filters input{margin-right:.25rem}
.dpup #dpup-f-not_met:checked~.findings .finding:not(.not_met),
.dpup #dpup-f-needs_review:checked~.findings .finding:not(.needs_review),
.dpup #dpup-f-met:checked~.findings .finding:not(.met),
.dpup #dpup-f-not_applicable:checked~.findings .finding:not(.not_applicable),
.dpup #dpup-f-not_yet_due:checked~.findings .finding:not(.not_yet_due){display:none}
"""

_STATUS_ORDER = (
    Status.NOT_MET,
    Status.NEEDS_REVIEW,
    Status.NOT_YET_DUE,
    Status.MET,
    Status.NOT_APPLICABLE,
)


def _colour(value: float | None) -> str:
    if value is None:
        return "#8c959f"
    if value >= 80:
        return "#1a7f37"
    return "#bf8700" if value >= 50 else "#cf222e"


def score_chart_svg(report: Report) -> str:
    """Return an inline SVG bar chart of the five principle and four guideline scores.

    Each row shows the score as a bar (0 to 100) and coverage as a thin bar beneath it.
    """
    rows: list[tuple[str, Score]] = [(p.label, report.principle_scores[p]) for p in Principle]
    rows += [(g.label, report.guideline_scores[g]) for g in Guideline]
    label_w, bar_w, row_h, top = 190, 360, 34, 28
    width = label_w + bar_w + 150
    gap = 12  # space between the principle rows and the guideline rows
    height = top + row_h * len(rows) + gap + 16
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="dpup-chart-title" '
        'font-family="system-ui,sans-serif" font-size="13">',
        '<title id="dpup-chart-title">Scores by principle and guideline, with coverage</title>',
        f'<text x="{label_w}" y="16" fill="#57606a">score (bar) and coverage (thin bar)</text>',
    ]
    for i, (name, s) in enumerate(rows):
        y = top + i * row_h
        if i == len(Principle):
            parts.append(f'<line x1="0" x2="{width}" y1="{y - 5}" y2="{y - 5}" stroke="#d0d7de"/>')
        value = s.value or 0.0
        coverage = s.coverage or 0.0
        text = "not assessed" if s.value is None else f"{s.value:.1f}"
        cov = "—" if s.coverage is None else f"{coverage * 100:.0f}% coverage"
        parts += [
            f'<text x="0" y="{y + 14}">{escape(name)}</text>',
            f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="16" fill="#eaeef2"/>',
            f'<rect x="{label_w}" y="{y}" width="{bar_w * value / 100:.1f}" height="16" '
            f'fill="{_colour(s.value)}"><title>{escape(name)}: {text}</title></rect>',
            f'<rect x="{label_w}" y="{y + 19}" width="{bar_w * coverage:.1f}" height="4" '
            f'fill="#0969da"><title>{escape(name)}: {cov}</title></rect>',
            f'<text x="{label_w + bar_w + 8}" y="{y + 13}">{text}</text>',
            f'<text x="{label_w + bar_w + 8}" y="{y + 27}" fill="#57606a" font-size="11">'
            f"{cov}</text>",
        ]
    parts.append("</svg>")
    return "".join(parts)


def _score_table(title: str, rows: list[tuple[str, Score]]) -> str:
    head = (
        f"<tr><th>{escape(title)}</th><th>score</th><th>coverage</th><th>met</th>"
        "<th>not met</th><th>needs review</th><th>not yet due</th><th>n/a</th></tr>"
    )
    body = "".join(
        f"<tr><td>{escape(name)}</td>"
        f'<td class="num">{"—" if s.value is None else f"{s.value:.1f}"}</td>'
        f'<td class="num">{"—" if s.coverage is None else f"{s.coverage * 100:.0f}%"}</td>'
        f'<td class="num">{s.met}</td><td class="num">{s.not_met}</td>'
        f'<td class="num">{s.needs_review}</td><td class="num">{s.not_yet_due}</td>'
        f'<td class="num">{s.not_applicable}</td></tr>'
        for name, s in rows
    )
    return f"<table>{head}{body}</table>"


def _finding(f: Finding) -> str:
    basis = basis_label(f.basis)
    refs = f" ({escape(refs_label(f))})" if f.basis.is_law and f.legal_refs else ""
    parts = [
        f'<div class="finding {f.status.value}">',
        f"<div><strong>{escape(f.check_id)}</strong> {escape(f.name)} "
        f'<span class="tag">{escape(f.status.label)}</span>'
        f'<span class="tag{" law" if f.basis.is_law else ""}">{escape(basis)}{refs}</span>'
        f'<span class="tag">{escape(f.severity.value)}</span> '
        f"<code>{escape(f.subject)}</code></div>",
        f"<div>{escape(f.message)}</div>",
    ]
    if f.evidence:
        codes = ", ".join(f"<code>{escape(e)}</code>" for e in f.evidence)
        parts.append(f"<div>Evidence: {codes}</div>")
    if f.status is Status.NOT_YET_DUE:
        parts.append(f'<div class="due">Not yet due: {escape(due_label(f))}</div>')
    elif f.status is Status.NEEDS_REVIEW:
        if f.reviewer is not None:
            parts.append(f"<div>Reviewer: {escape(f.reviewer.label)}</div>")
        if f.settle_with:
            items = "".join(f"<li>{escape(s)}</li>" for s in f.settle_with)
            parts.append(f"<div>To settle:<ul>{items}</ul></div>")
    elif f.remediation:
        parts.append(f"<div>How to fix: {escape(f.remediation)}</div>")
    if f.waiver is not None:
        parts.append(f'<div class="waived">Waived: {escape(f.waiver.reason)}</div>')
    parts.append("</div>")
    return "".join(parts)


def _obligations(report: Report) -> str:
    """Return the table of obligations not yet due, by due date (empty when there are none)."""
    due = report.open_obligations(include_waived=True)
    if not due:
        return ""
    rows = "".join(
        f"<tr><td>{escape('' if f.due_on is None else f.due_on.isoformat())}</td>"
        f'<td class="num">{"—" if f.working_days_left is None else f.working_days_left}</td>'
        f"<td><strong>{escape(f.check_id)}</strong> {escape(f.name)}"
        f"{' (waived)' if f.waiver is not None else ''}</td>"
        f"<td><code>{escape(f.subject)}</code></td><td>{escape(f.message)}</td></tr>"
        for f in due
    )
    return (
        f"<h2>Not yet due ({len(due)})</h2><table><tr><th>due on</th><th>working days left</th>"
        f"<th>check</th><th>subject</th><th>finding</th></tr>{rows}</table>"
    )


def _body(report: Report, questions: Sequence[Question] | None) -> str:
    title = f"dpup report: {report.label}" if report.label else "dpup report"
    counts = {s: len(report.with_status(s)) for s in _STATUS_ORDER}
    filters = [
        '<input type="radio" name="dpup-filter" id="dpup-f-all" checked>'
        '<label for="dpup-f-all">all</label>',
        *(
            f'<input type="radio" name="dpup-filter" id="dpup-f-{s.value}">'
            f'<label for="dpup-f-{s.value}">{escape(s.label)} ({counts[s]})</label>'
            for s in _STATUS_ORDER
        ),
    ]
    groups = []
    for g in Guideline:
        found = [f for f in report.findings if f.guideline is g]
        if found:
            found.sort(key=lambda f: _STATUS_ORDER.index(f.status))
            groups.append(f"<h3>{escape(g.label)}</h3>" + "".join(_finding(f) for f in found))
    errors = ""
    if report.errors:
        items = "".join(
            f"<li>{escape(e.check_id)} on <code>{escape(e.subject)}</code>: "
            f"{escape(e.error_type)}</li>"
            for e in report.errors
        )
        errors = f"<h2>Checks that crashed</h2><ul>{items}</ul>"
    return (
        f'<div class="dpup"><h1>{escape(title)}</h1>'
        f'<p class="meta">{escape(report.subject_type)} evaluated as at '
        f"{escape(report.as_at.isoformat())} with dpup {escape(report.engine_version)} "
        f"(catalogue {escape(report.catalogue_version)}). "
        f"{len(report.failures())} not met, {len(report.needs_review())} need review, "
        f"{len(report.open_obligations())} not yet due.</p>"
        + ("" if questions is None else questions_html(questions, limit=TOP))
        + f"<h2>Scores</h2>{score_chart_svg(report)}"
        + _score_table("principle", [(p.label, report.principle_scores[p]) for p in Principle])
        + _score_table("guideline", [(g.label, report.guideline_scores[g]) for g in Guideline])
        + _obligations(report)
        + f'<h2>Findings</h2><div class="filters">{"".join(filters)}'
        f'<div class="findings">{"".join(groups)}</div></div>{errors}</div>'
    )


def to_html(
    report: Report, *, fragment: bool = False, questions: Sequence[Question] | None = None
) -> str:
    """Return the report as HTML.

    Args:
        report: the report to render.
        fragment: return a ``<div>`` with its own ``<style>`` (for notebooks) instead of a
            whole page.
        questions: the facts to record (``report.questions(subject)``); when given, the
            first few come before the scores under "What to record next".
    """
    body = _body(report, questions)
    style = f"<style>{_CSS}</style>"
    if fragment:
        return style + body
    title = f"dpup report: {report.label}" if report.label else "dpup report"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>{style}</head><body>{body}</body></html>\n"
    )
