"""HTML output: one self-contained page (or a notebook fragment) a privacy officer can sign.

The page opens with a "not legal advice" note and a summary: failures on a legal basis (with
the provisions cited, linked), other failures, the reviews by reviewer, the facts to record
and the obligations not yet due by due date. Scores follow, each beside its coverage; below
the coverage floor a score is "not enough evidence", never a bar or a number. Findings come
last, one block per check and outcome listing its subjects, not-met first; not-applicable
findings are one click away in a closed ``<details>``.

No external assets and no scripts: styles are inline, the chart is inline SVG, and findings are
filtered by status with radio buttons and CSS alone. Print rules lay the page out on A4 with
every ``<details>`` open. Given a baseline (``dpup evaluate --baseline``), each block of findings
carries a badge saying whether it is new, unchanged or updated since, and a section lists the
counts and the findings the baseline had that this run no longer has. Every string is escaped,
control characters included (they are shown as escapes, as `dpup._printable.printable` writes
them).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from dpup._printable import printable
from dpup.baseline import Baseline
from dpup.findings import Finding, Report, Score, Status
from dpup.policy import Guideline, Principle
from dpup.questions import Question
from dpup.render._baseline_view import BaselineMarks, absent_check, absent_subject
from dpup.render._common import basis_label, due_label
from dpup.render._view import (
    NOT_LEGAL_ADVICE,
    UNVERIFIED_NOTE,
    Citation,
    FindingGroup,
    Summary,
    cited,
    count,
    coverage_floor,
    evidence_label,
    group_findings,
    law_refs,
    reviewers_phrase,
    score_view,
    summarise,
)
from dpup.render.questions import TOP, questions_html
from dpup.settings import Settings

__all__ = ["CSS", "score_chart_svg", "to_html"]


def escape(text: str) -> str:
    """Return ``text`` escaped for HTML text or a quoted attribute, and printable."""
    return html.escape(printable(text, keep="\n\t"))


_CSS = """
.dpup{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;
 line-height:1.45;max-width:72rem}
.dpup h1{font-size:1.5rem;margin:.2rem 0}.dpup h2{font-size:1.2rem;margin-top:1.6rem}
.dpup h3{font-size:1.05rem;margin:1rem 0 .4rem}.dpup h4{font-size:1rem;margin:0 0 .2rem}
.dpup .meta{color:#57606a;font-size:.9rem}
.dpup .advice{border:1px solid #d0d7de;background:#f6f8fa;padding:.5rem .8rem;font-size:.9rem}
.dpup .cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:.4rem 0;padding:0;list-style:none}
.dpup .cards li{border:1px solid #d0d7de;border-radius:.4rem;padding:.4rem .8rem;min-width:9rem}
.dpup .cards .n{display:block;font-size:1.6rem;font-weight:700}
.dpup .cards .legal{border-color:#cf222e;border-width:2px}
.dpup table{border-collapse:collapse;margin:.4rem 0;font-size:.9rem}
.dpup th,.dpup td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
.dpup td.num{text-align:right}
.dpup .finding{border-left:4px solid #d0d7de;padding:.4rem .7rem;margin:.5rem 0;background:#f6f8fa}
.dpup .finding p{margin:.2rem 0}.dpup .finding ul{margin:.2rem 0;padding-left:1.4rem}
.dpup .finding.not_met{border-color:#cf222e}.dpup .finding.needs_review{border-color:#9a6700}
.dpup .finding.met{border-color:#1a7f37}.dpup .finding.not_applicable{border-color:#6e7781}
.dpup .finding.not_yet_due{border-color:#0969da}
.dpup .tag{display:inline-block;font-size:.8rem;padding:0 .35rem;border-radius:.6rem;
 background:#eaeef2;margin-right:.25rem;font-weight:400}
.dpup .tag.law{background:#ffebe9}.dpup .tag.since{background:#ddf4ff}
.dpup .tag.since.new,.dpup .tag.since.updated{background:#fff8c5;font-weight:600}
.dpup .waived{font-style:italic;color:#57606a}
.dpup .unverified{font-size:.8rem;border:1px solid #9a6700;color:#6b4a00;padding:0 .3rem;
 border-radius:.3rem;margin-left:.2rem}
.dpup code{font-size:.9em;background:#eaeef2;padding:0 .2rem;border-radius:.2rem;
 overflow-wrap:anywhere}
.dpup a{color:#0550ae}.dpup .url{overflow-wrap:anywhere;color:#57606a;font-size:.85rem}
.dpup .filters label{margin-right:.8rem;cursor:pointer}
.dpup .filters input{margin-right:.25rem}
.dpup details{margin:.8rem 0}.dpup summary{cursor:pointer;font-weight:600}
.dpup svg{max-width:100%;height:auto}
.dpup #dpup-f-not_met:checked~.findings .finding:not(.not_met),
.dpup #dpup-f-needs_review:checked~.findings .finding:not(.needs_review),
.dpup #dpup-f-met:checked~.findings .finding:not(.met),
.dpup #dpup-f-not_yet_due:checked~.findings .finding:not(.not_yet_due){display:none}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
 .dpup{max-width:none;font-size:10pt;color:#000}
 .dpup .filters>input,.dpup .filters>label{display:none}
 .dpup .finding,.dpup tr,.dpup li,.dpup .cards li,.dpup svg{break-inside:avoid}
 .dpup h2,.dpup h3,.dpup h4{break-after:avoid}
 .dpup thead{display:table-header-group}
 .dpup .finding{background:none}
 .dpup .cards li{min-width:0;flex:1 1 0}
 .dpup details::details-content{content-visibility:visible;display:block}
 .dpup details>summary{list-style:none}
 .dpup a{color:inherit}
}
"""

CSS = _CSS
"""The report's style sheet, for other pages that share its look (the comparison view)."""

_STATUS_ORDER = (
    Status.NOT_MET,
    Status.NEEDS_REVIEW,
    Status.NOT_YET_DUE,
    Status.MET,
)
"""The statuses shown open and offered as filters; not-applicable ones sit in ``<details>``."""


def _colour(value: float | None) -> str:
    if value is None:
        return "#8c959f"
    if value >= 80:
        return "#1a7f37"
    return "#9a6700" if value >= 50 else "#cf222e"


def score_chart_svg(report: Report, *, settings: Settings | None = None) -> str:
    """Return an inline SVG bar chart of the five principle and four guideline scores.

    Each row shows the score as a bar (0 to 100) and coverage as a thin bar beneath it, with
    the score and its coverage written beside them in the same type. A score whose coverage
    is below the floor (`Settings.score_coverage_floor`) gets no bar: the row reads "not
    enough evidence" with its coverage.
    """
    floor = coverage_floor(settings)
    rows: list[tuple[str, Score]] = [(p.label, report.principle_scores[p]) for p in Principle]
    rows += [(g.label, report.guideline_scores[g]) for g in Guideline]
    rows.append(("Overall", report.overall))
    label_w, bar_w, row_h, top = 190, 300, 34, 28
    width = label_w + bar_w + 280
    gap = 12  # space between groups of rows
    height = top + row_h * len(rows) + 2 * gap + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="dpup-chart-title" '
        'font-family="system-ui,sans-serif" font-size="13">',
        '<title id="dpup-chart-title">Scores by principle and guideline, each with its '
        "coverage</title>",
        f'<text x="{label_w}" y="16" fill="#57606a">score (bar) and coverage (thin bar); '
        f"no bar below {floor * 100:.0f}% coverage</text>",
    ]
    y = top
    for i, (name, s) in enumerate(rows):
        if i in {len(Principle), len(Principle) + len(Guideline)}:
            parts.append(f'<line x1="0" x2="{width}" y1="{y + 2}" y2="{y + 2}" stroke="#d0d7de"/>')
            y += gap
        view = score_view(s, floor)
        coverage = s.coverage or 0.0
        parts += [
            f'<text x="0" y="{y + 14}">{escape(name)}</text>',
            f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="16" fill="#eaeef2"/>',
        ]
        if view.enough and s.value is not None:
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{bar_w * s.value / 100:.1f}" height="16" '
                f'fill="{_colour(s.value)}"/>'
            )
        parts += [
            f'<rect x="{label_w}" y="{y + 19}" width="{bar_w * coverage:.1f}" height="4" '
            'fill="#0969da"/>',
            f'<text x="{label_w + bar_w + 8}" y="{y + 14}">{escape(view.text)}</text>',
        ]
        y += row_h
    parts.append("</svg>")
    return "".join(parts)


def _score_table(title: str, rows: list[tuple[str, Score]], floor: float) -> str:
    head = (
        f'<thead><tr><th scope="col">{escape(title)}</th><th scope="col">score</th>'
        '<th scope="col">coverage</th><th scope="col">met</th><th scope="col">not met</th>'
        '<th scope="col">needs review</th><th scope="col">not yet due</th>'
        '<th scope="col">n/a</th></tr></thead>'
    )
    body = []
    for name, s in rows:
        view = score_view(s, floor)
        shown = view.value or view.text.split(" (", 1)[0]
        body.append(
            f'<tr><th scope="row">{escape(name)}</th>'
            f'<td class="num">{escape(shown)}</td><td class="num">{escape(view.coverage)}</td>'
            f'<td class="num">{s.met}</td><td class="num">{s.not_met}</td>'
            f'<td class="num">{s.needs_review}</td><td class="num">{s.not_yet_due}</td>'
            f'<td class="num">{s.not_applicable}</td></tr>'
        )
    return f"<table>{head}<tbody>{''.join(body)}</tbody></table>"


def _cite(c: Citation) -> str:
    mark = "" if c.verified else ' <span class="unverified">unverified</span>'
    return f'<a href="{escape(c.url)}">{escape(c.text)}</a>{mark}'


def _path(path: str, subject: object | None, known: str | None = None) -> str:
    label = evidence_label(path, subject)
    shown = f"<code>{escape(path)}</code>"
    return shown if label is None or label == known else f"{shown} ({escape(label)})"


def _subject_lines(
    g: FindingGroup, subject: object | None, marks: BaselineMarks | None = None
) -> list[str]:
    def evidence(f: Finding) -> str:
        known = evidence_label(f.subject, subject)
        return ", ".join(_path(e, subject, known) for e in f.evidence)

    if len(g.findings) == 1:
        f = g.first
        out = [f"<p>Subject: {_path(f.subject, subject)}</p>"]
        if f.evidence:
            out.append(f"<p>Evidence: {evidence(f)}</p>")
        return out
    mixed = marks is not None and len({marks.state(f) for f in g.findings}) > 1

    def state(f: Finding) -> str:  # in a block of mixed states, each subject says its own
        if not mixed or marks is None:
            return ""
        value = marks.state(f).value
        return f'<span class="tag since {value}">{value}</span> '

    items = "".join(
        f"<li>{state(f)}{_path(f.subject, subject)}"
        + (f"; evidence: {evidence(f)}" if f.evidence else "")
        + "</li>"
        for f in g.findings
    )
    return [f"<p>{count(len(g.findings), 'subject')}:</p><ul>{items}</ul>"]


def _since(g: FindingGroup, marks: BaselineMarks | None) -> str:
    """The block's badge against the baseline: ``new since the baseline``, or the mix."""
    if marks is None:
        return ""
    states = {marks.state(f).value for f in g.findings}
    kind = states.pop() if len(states) == 1 else "mixed"
    phrase = escape(marks.phrase(g.findings))
    return f'<span class="tag since {kind}">{phrase} since the baseline</span>'


def _block(g: FindingGroup, subject: object | None, marks: BaselineMarks | None = None) -> str:
    f = g.first
    basis = basis_label(f.basis)
    parts = [
        f'<div class="finding {f.status.value}">',
        f"<h4>{escape(f.check_id)} {escape(f.name)} "
        f'<span class="tag">{escape(f.status.label)}</span>'
        f'<span class="tag{" law" if f.basis.is_law else ""}">{escape(basis)}</span>'
        f'<span class="tag">{escape(f.severity.value)}</span>{_since(g, marks)}</h4>',
        f"<p>{escape(f.message)}</p>",
    ]
    cites = law_refs(f)
    if cites:
        parts.append(f"<p>Under: {'; '.join(_cite(c) for c in cites)}</p>")
    parts += _subject_lines(g, subject, marks)
    if f.status is Status.NOT_YET_DUE:
        parts.append(f'<p class="due">Not yet due: {escape(due_label(f))}</p>')
    elif f.status is Status.NEEDS_REVIEW:
        if f.reviewer is not None:
            parts.append(f"<p>Reviewer: {escape(f.reviewer.label)}</p>")
        if f.settle_with:
            items = "".join(f"<li>{escape(s)}</li>" for s in f.settle_with)
            parts.append(f"<p>To settle:</p><ul>{items}</ul>")
    elif f.remediation:
        parts.append(f"<p>How to fix: {escape(f.remediation)}</p>")
    if f.waiver is not None:
        parts.append(f'<p class="waived">Waived: {escape(f.waiver.reason)}</p>')
    parts.append("</div>")
    return "".join(parts)


def _obligations(report: Report, subject: object | None) -> str:
    """Return the table of obligations not yet due, by due date."""
    due = report.open_obligations(include_waived=True)
    if not due:
        return "<section><h2>Not yet due (0)</h2><p>No obligation is running.</p></section>"
    rows = "".join(
        f"<tr><td>{escape('' if f.due_on is None else f.due_on.isoformat())}</td>"
        f'<td class="num">{"—" if f.working_days_left is None else f.working_days_left}</td>'
        f"<td><strong>{escape(f.check_id)}</strong> {escape(f.name)}"
        f"{' (waived)' if f.waiver is not None else ''}</td>"
        f"<td>{_path(f.subject, subject)}</td><td>{escape(f.message)}</td></tr>"
        for f in due
    )
    return (
        f"<section><h2>Not yet due ({len(due)})</h2><table><thead><tr>"
        '<th scope="col">due on</th><th scope="col">working days left</th>'
        '<th scope="col">check</th><th scope="col">subject</th><th scope="col">finding</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _waived(summary: Summary) -> str:
    """Return the waived failures, listed apart from the counts (empty when there are none)."""
    if not summary.waived:
        return ""
    n = sum(len(g.findings) for g in summary.waived)
    items = "".join(
        f"<li><strong>{escape(g.first.check_id)}</strong> {escape(g.first.name)} "
        f"({count(len(g.findings), 'subject')})</li>"
        for g in summary.waived
    )
    return f"<h3>Waived, so not counted above ({count(n, 'failure')})</h3><ul>{items}</ul>"


def _summary(report: Report) -> str:
    summary = summarise(report)
    total_review = sum(n for _, n in summary.review_by_reviewer)
    cards = (
        '<ul class="cards">'
        + ('<li class="legal">' if summary.legal_count else "<li>")
        + f'<span class="n">{summary.legal_count}</span>'
        "not met on a legal basis</li>"
        f'<li><span class="n">{summary.other_count}</span>'
        "not met on good practice or a standard</li>"
        f'<li><span class="n">{total_review}</span>need review</li>'
        f'<li><span class="n">{len(summary.obligations)}</span>not yet due</li></ul>'
    )
    legal = "".join(
        f"<li><strong>{escape(g.first.check_id)}</strong> {escape(g.first.name)} "
        f"({count(len(g.findings), 'subject')}): "
        f"{'; '.join(_cite(c) for c in law_refs(g.first))}</li>"
        for g in summary.legal
    )
    other = "".join(
        f"<li><strong>{escape(g.first.check_id)}</strong> {escape(g.first.name)} "
        f"({count(len(g.findings), 'subject')})</li>"
        for g in summary.other
    )
    who = reviewers_phrase(summary)
    return (
        '<section aria-labelledby="dpup-summary"><h2 id="dpup-summary">Summary</h2>'
        + cards
        + f"<h3>Not met on a legal basis ({summary.legal_count})</h3>"
        + (f"<ul>{legal}</ul>" if legal else "<p>None.</p>")
        + f"<h3>Not met on good practice or a standard ({summary.other_count})</h3>"
        + (f"<ul>{other}</ul>" if other else "<p>None.</p>")
        + (f"<p>Reviews by who should decide: {escape(who)}.</p>" if who else "")
        + _waived(summary)
        + "</section>"
    )


def _baseline_section(marks: BaselineMarks | None) -> str:
    """The counts against the baseline, and the findings it had that this run no longer has."""
    if marks is None:
        return ""
    against = f" ({escape(marks.label)})" if marks.label else ""
    rows = "".join(
        f"<tr><td>{escape(absent_check(e))}</td><td>{escape(e.status.label)}</td>"
        f"<td><code>{escape(absent_subject(e))}</code></td></tr>"
        for e in marks.absent
    )
    absent = (
        '<table><thead><tr><th scope="col">check</th><th scope="col">status then</th>'
        f'<th scope="col">subject then</th></tr></thead><tbody>{rows}</tbody></table>'
        if rows
        else "<p>None.</p>"
    )
    return (
        '<section aria-labelledby="dpup-baseline"><h2 id="dpup-baseline">Since the baseline</h2>'
        f"<p>Against the baseline{against}: {escape(marks.summary())}. Each block of findings "
        "below says whether it is new, unchanged or updated (another status) since.</p>"
        f"<h3>Absent since the baseline ({len(marks.absent)})</h3>{absent}</section>"
    )


def _findings(report: Report, subject: object | None, marks: BaselineMarks | None = None) -> str:
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
    shown, hidden = [], []
    for g in Guideline:
        found = [f for f in report.findings if f.guideline is g]
        blocks = group_findings(found)
        open_ = [b for b in blocks if b.first.status is not Status.NOT_APPLICABLE]
        closed = [b for b in blocks if b.first.status is Status.NOT_APPLICABLE]
        if open_:
            shown.append(
                f"<h3>{escape(g.label)}</h3>" + "".join(_block(b, subject, marks) for b in open_)
            )
        if closed:
            hidden.append(
                f"<h3>{escape(g.label)}</h3>" + "".join(_block(b, subject, marks) for b in closed)
            )
    n_a = len(report.with_status(Status.NOT_APPLICABLE))
    details = (
        f"<details><summary>Not applicable ({n_a}): checks that did not apply</summary>"
        f"{''.join(hidden)}</details>"
        if hidden
        else ""
    )
    return (
        '<section aria-labelledby="dpup-findings"><h2 id="dpup-findings">Findings</h2>'
        f'<div class="filters"><span>Show: </span>{"".join(filters)}'
        f'<div class="findings">{"".join(shown)}{details}</div></div></section>'
    )


def _advice() -> str:
    """Return the "not legal advice" note with its first sentence in bold."""
    first, _, rest = NOT_LEGAL_ADVICE.partition(". ")
    return f"<strong>{escape(first)}.</strong> {escape(rest)}"


def _body(
    report: Report,
    questions: Sequence[Question] | None,
    subject: object | None,
    settings: Settings | None,
    marks: BaselineMarks | None = None,
) -> str:
    floor = coverage_floor(settings)
    title = f"dpup report: {report.label}" if report.label else "dpup report"
    errors = ""
    if report.errors:
        items = "".join(
            f"<li>{escape(e.check_id)} on <code>{escape(e.subject)}</code>: "
            f"{escape(e.error_type)}</li>"
            for e in report.errors
        )
        errors = f"<section><h2>Checks that crashed</h2><ul>{items}</ul></section>"
    sources = cited(report)
    unverified = any(not c.verified for c in sources)
    listed = "".join(
        f'<li>{_cite(c)}: <span class="url">{escape(c.url)}</span></li>' for c in sources
    )
    if listed:
        errors += (
            '<section aria-labelledby="dpup-cited"><h2 id="dpup-cited">Provisions cited</h2>'
            f"<ul>{listed}</ul></section>"
        )
    return (
        f'<div class="dpup"><h1>{escape(title)}</h1>'
        f'<p class="meta">{escape(report.subject_type)} evaluated as at '
        f"{escape(report.as_at.isoformat())} ({escape(report.as_at_source.phrase)}) "
        f"with dpup {escape(report.engine_version)} "
        f"(catalogue {escape(report.catalogue_version)}). "
        f"{len(report.failures())} not met, {len(report.needs_review())} need review, "
        f"{len(report.open_obligations())} not yet due.</p>"
        f'<p class="advice">{_advice()}</p>'
        + _summary(report)
        + _baseline_section(marks)
        + ("" if questions is None else questions_html(questions, limit=TOP))
        + _obligations(report, subject)
        + '<section aria-labelledby="dpup-scores"><h2 id="dpup-scores">Scores</h2>'
        + f"<p>A score is shown only where at least {floor * 100:.0f}% of the applicable "
        "findings were assessed; below that it reads <em>not enough evidence</em>, with "
        "the coverage.</p>"
        + score_chart_svg(report, settings=settings)
        + _score_table(
            "principle", [(p.label, report.principle_scores[p]) for p in Principle], floor
        )
        + _score_table(
            "guideline", [(g.label, report.guideline_scores[g]) for g in Guideline], floor
        )
        + _score_table("overall", [("all checks", report.overall)], floor)
        + "</section>"
        + _findings(report, subject, marks)
        + errors
        + (f"<p>{escape(UNVERIFIED_NOTE)}</p>" if unverified else "")
        + "</div>"
    )


def to_html(
    report: Report,
    *,
    fragment: bool = False,
    questions: Sequence[Question] | None = None,
    subject: object | None = None,
    settings: Settings | None = None,
    baseline: Baseline | None = None,
) -> str:
    """Return the report as HTML.

    Args:
        report: the report to render.
        fragment: return a ``<div>`` with its own ``<style>`` (for notebooks) instead of a
            whole page.
        questions: the facts to record (``report.questions(subject)``); when given, the
            first few follow the summary under "What to record next".
        subject: the activity evaluated; when given, each path is followed by the id of the
            record it points into (``$.disclosures[2] (disclosure "funder-report")``).
        settings: where the coverage floor comes from (`Settings.score_coverage_floor`).
        baseline: an earlier run (``dpup evaluate --baseline``); when given, each block of
            findings is marked new, unchanged or updated since, and a "Since the baseline"
            section gives the counts and lists the findings it had that this run has not.
    """
    marks = None if baseline is None else BaselineMarks(report, baseline)
    body = _body(report, questions, subject, settings, marks)
    style = f"<style>{_CSS}</style>"
    if fragment:
        return style + body
    title = f"dpup report: {report.label}" if report.label else "dpup report"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>{style}</head><body><main>{body}</main></body></html>\n"
    )
