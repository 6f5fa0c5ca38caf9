"""Before and after, shown: a `Comparison` as text, Markdown, JSON or a side-by-side HTML page.

Every view opens with the counts (fixed, new, still open, changed), then the score and
coverage of each principle, guideline and overall, before and after, with coverage beside
every score: a score that rose on thin evidence must not read as a real improvement. Then the
matters themselves, grouped: fixed first (what the work achieved), then new, changed and still
open. A matter whose record is no longer in the later activity is marked so, rather than
shown as met. Findings are named by check and subject path (the path before and after, when
the record moved in its list). Given the two activities (``before_subject`` and
``after_subject``; ``dpup compare`` passes them), each path is followed by the id of the record
it points into, as in the reports (`dpup.render._view.evidence_label`): ids are structure.
Other input text never appears.

The HTML view is one self-contained page, without JavaScript, in the report's own look (its
style sheet is the report's, imported from `dpup.render.html`), with the two reports side by
side in each table.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from dpup.comparison import Change, Comparison, FindingChange, ScoreChange
from dpup.render._common import basis_label
from dpup.render._view import evidence_label, labelled, percent
from dpup.render.html import CSS as REPORT_CSS
from dpup.render.html import escape
from dpup.report import Score
from dpup.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "ADVICE",
    "CATALOGUE_NOTE",
    "RENDERERS",
    "comparison_html",
    "comparison_json",
    "comparison_markdown",
    "comparison_text",
]

ADVICE = (
    "dpup checks recorded facts against DPUP (good practice, not law) and the Privacy Act "
    "2020. It is not legal advice: a privacy officer decides what a change means."
)
"""The note every comparison view carries."""

CATALOGUE_NOTE = (
    "The two reports ran different check catalogues (another dpup version): some matters "
    "may be new or gone because a check changed, not because the activity did."
)
"""Said in every human view when the two reports' catalogue versions differ."""

_GROUPS = (Change.FIXED, Change.NEW, Change.CHANGED, Change.STILL_OPEN)
"""The groups listed, in the order shown."""

_CSS = """
.dpup .cmp-cards .fixed,.dpup .cmp-cards .legal-fixed{border-color:#1a7f37;border-width:2px}
.dpup .cmp-cards .new{border-color:#cf222e;border-width:2px}
.dpup td.up{color:#1a7f37;font-weight:600}.dpup td.down{color:#cf222e;font-weight:600}
.dpup .finding.fixed{border-color:#1a7f37}.dpup .finding.new{border-color:#cf222e}
.dpup .finding.changed{border-color:#9a6700}.dpup .finding.still_open{border-color:#6e7781}
.dpup .cmp-scores th,.dpup .cmp-scores td.text{text-align:left}
@media print{.dpup .cmp-scores{font-size:8.5pt}.dpup .cmp-scores td,.dpup .cmp-scores th{
 padding:.15rem .3rem}}
"""


def _number(score: Score, floor: float) -> str:
    """Return a score's value, or why it is not shown: below the coverage floor, no number.

    A score without a value says why: no check applied, or checks applied and none is
    settled yet (each still needs review or is not yet due).
    """
    if score.coverage is None:
        return "not assessed: no check applied"
    if score.value is None:
        waiting = [f"{score.needs_review} need review"] if score.needs_review else []
        waiting += [f"{score.not_yet_due} not yet due"] if score.not_yet_due else []
        return "not assessed: none settled" + "".join(f", {w}" for w in waiting)
    if score.coverage < floor:
        return "not enough evidence"
    return f"{score.value:.1f}"


def _value_change(s: ScoreChange, floor: float) -> float | None:
    """The change in value, only when both scores rest on enough evidence to be shown."""
    shown = all(x.coverage is not None and x.coverage >= floor for x in (s.before, s.after))
    return s.value_change if shown else None


def _coverage(value: float | None) -> str:
    """A coverage as a whole percentage, rounded down as in the reports (49.6% reads 49%)."""
    return "nothing applied" if value is None else percent(value)


def _signed(value: float | None, *, percent: bool = False) -> str:
    """A change with its sign; "not shown" where a side's score is withheld or missing."""
    if value is None:
        return "not shown"
    if percent:
        return f"{value * 100:+.0f} pts"
    return f"{value:+.1f}"


def _status(change: FindingChange, *, after: bool) -> str:
    f = change.after if after else change.before
    if f is None:
        return "not in the activity" if after else "not found"
    return f.status.label + (" (waived)" if f.waiver is not None else "")


def _where(change: FindingChange, before: object | None, after: object | None) -> str:
    """The matter's subject path, labelled with its record's id when the activity is given.

    A record that moved in its list shows both paths, each labelled from its own activity,
    or labelled once after both when the two labels are the same (the usual case: the
    fingerprint matched on the record's id).
    """
    b, a = change.before, change.after
    if b is not None and a is not None and b.subject != a.subject:
        was, now = evidence_label(b.subject, before), evidence_label(a.subject, after)
        if was is not None and was == now:
            return f"{b.subject} -> {a.subject} ({now})"
        return f"{labelled(b.subject, before)} -> {labelled(a.subject, after)}"
    if a is not None:
        return labelled(a.subject, after)
    assert b is not None  # noqa: S101 - a change always holds one finding
    return labelled(b.subject, before)


def _legal_class(before: int, after: int) -> str:
    """The legal-basis card's look: green once they are all gone, red while any is left."""
    if after > 0:
        return "legal"
    return "legal-fixed" if before > 0 else "legal-none"


def _areas(c: Comparison) -> list[ScoreChange]:
    return [*c.principles, *c.guidelines, c.overall]


def _heading(c: Comparison) -> tuple[str, str]:
    before = c.before.label or "before"
    after = c.after.label or "after"
    return before, after


def _score_line(s: ScoreChange, width: int, floor: float) -> str:
    before = f"{_number(s.before, floor)} ({_coverage(s.before.coverage)})"
    after = f"{_number(s.after, floor)} ({_coverage(s.after.coverage)})"
    value, coverage = _value_change(s, floor), s.coverage_change
    change = f"change {_signed(value)}, coverage {_signed(coverage, percent=True)}"
    return f"  {s.label:<{width}}  {before} -> {after}  {change}"


def comparison_text(
    c: Comparison,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    before_subject: object | None = None,
    after_subject: object | None = None,
) -> str:
    """Return the comparison as plain text.

    Args:
        c: the comparison.
        settings: where the coverage floor comes from (`Settings.score_coverage_floor`): a
            score on less coverage is shown as "not enough evidence".
        before_subject: the activity the earlier report evaluated; when given, each earlier
            path is followed by the id of the record it points into.
        after_subject: the same for the later report.
    """
    floor = settings.score_coverage_floor
    before, after = _heading(c)
    counts = c.counts()
    lines = [
        f"dpup comparison: {before} -> {after}",
        f"as at {c.before.as_at.isoformat()} -> {c.after.as_at.isoformat()}",
        "",
        "  ".join(f"{k.label}: {counts[k]}" for k in (*_GROUPS, Change.UNCHANGED)),
        f"legal-basis failures: {len(c.before.legal_breaches())} -> "
        f"{len(c.after.legal_breaches())}",
        "",
        ADVICE,
        *([] if c.same_catalogue else ["", CATALOGUE_NOTE]),
        "",
        f"Scores, coverage beside each (below {floor:.0%} coverage: not enough evidence):",
    ]
    width = max(len(s.label) for s in _areas(c))
    lines += [_score_line(s, width, floor) for s in _areas(c)]
    for group in _GROUPS:
        found = c.of(group)
        lines += ["", f"{group.label.capitalize()} ({len(found)}):"]
        lines += [
            f"  {ch.check_id} {ch.finding.name} [{basis_label(ch.finding.basis)}] at "
            f"{_where(ch, before_subject, after_subject)}: "
            f"{_status(ch, after=False)} -> {_status(ch, after=True)}"
            for ch in found
        ]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def comparison_markdown(
    c: Comparison,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    before_subject: object | None = None,
    after_subject: object | None = None,
) -> str:
    """Return the comparison as GitHub-flavoured Markdown (arguments as `comparison_text`)."""
    floor = settings.score_coverage_floor
    before, after = _heading(c)
    counts = c.counts()
    out = [
        f"# dpup comparison: {_md(before)} → {_md(after)}",
        "",
        f"As at {c.before.as_at.isoformat()} → {c.after.as_at.isoformat()}. "
        + ", ".join(f"**{counts[k]}** {k.label}" for k in _GROUPS)
        + f", {counts[Change.UNCHANGED]} unchanged. Legal-basis failures: "
        f"{len(c.before.legal_breaches())} → {len(c.after.legal_breaches())}.",
        "",
        f"> {ADVICE}",
        *([] if c.same_catalogue else ["", f"**{CATALOGUE_NOTE}**"]),
        "",
        f"Below {floor:.0%} coverage a score is not shown: not enough evidence.",
        "",
        "| area | before | coverage before | after | coverage after | change |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    out += [
        f"| {s.label} | {_number(s.before, floor)} | {_coverage(s.before.coverage)} | "
        f"{_number(s.after, floor)} | {_coverage(s.after.coverage)} | "
        f"{_signed(_value_change(s, floor))} "
        f"(coverage {_signed(s.coverage_change, percent=True)}) |"
        for s in _areas(c)
    ]
    for group in _GROUPS:
        found = c.of(group)
        out += ["", f"## {group.label.capitalize()} ({len(found)})", ""]
        if not found:
            out.append("None.")
            continue
        out += ["| check | basis | where | before | after |", "|---|---|---|---|---|"]
        out += [
            f"| {ch.check_id} `{ch.finding.name}` | {basis_label(ch.finding.basis)} | "
            f"`{_md(_where(ch, before_subject, after_subject))}` | "
            f"{_status(ch, after=False)} | {_status(ch, after=True)} |"
            for ch in found
        ]
    out.append("")
    return "\n".join(out)


def comparison_json(
    c: Comparison,
    *,
    indent: int | None = 2,
    settings: Settings = DEFAULT_SETTINGS,
    before_subject: object | None = None,
    after_subject: object | None = None,
) -> str:
    """Return the comparison as JSON text (`Comparison.to_dict`): every value, as data.

    ``settings`` and the subjects are accepted as by the other views and unused: JSON carries
    each score with its coverage (the reader applies any floor) and bare paths (data, with no
    input ids).
    """
    del settings, before_subject, after_subject
    return json.dumps(c.to_dict(), indent=indent, ensure_ascii=False) + "\n"


def _cell_class(value: float | None) -> str:
    if value is None or value == 0:
        return "num"
    return "num up" if value > 0 else "num down"


def _score_cell(score: Score, floor: float) -> str:
    """A score's cell: a number right-aligned, words (why there is none) left-aligned."""
    shown = _number(score, floor)
    kind = "num" if shown[:1].isdigit() else "text"
    return f"<td class='{kind}'>{escape(shown)}</td>"


def _score_rows(c: Comparison, floor: float) -> str:
    rows = [
        (
            f"<tr><th scope='row'>{escape(s.label)}</th>"
            + _score_cell(s.before, floor)
            + f"<td class='num'>{_coverage(s.before.coverage)}</td>"
            + _score_cell(s.after, floor)
            + f"<td class='num'>{_coverage(s.after.coverage)}</td>"
            f"<td class='{_cell_class(_value_change(s, floor))}'>"
            f"{_signed(_value_change(s, floor))}</td>"
            f"<td class='{_cell_class(s.coverage_change)}'>"
            f"{_signed(s.coverage_change, percent=True)}</td></tr>"
        )
        for s in _areas(c)
    ]
    return (
        "<table class='cmp-scores'><caption>Score and coverage, before and after</caption>"
        "<thead><tr>"
        "<th scope='col'>area</th><th scope='col'>score before</th>"
        "<th scope='col'>coverage before</th><th scope='col'>score after</th>"
        "<th scope='col'>coverage after</th><th scope='col'>score change</th>"
        "<th scope='col'>coverage change</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _group_table(
    group: Change, found: tuple[FindingChange, ...], before: object | None, after: object | None
) -> str:
    title = f"{group.label.capitalize()} ({len(found)})"
    if not found:
        return f"<h2>{escape(title)}</h2><p>None.</p>"
    rows = "".join(
        f"<tr class='finding {group.value}'><td><strong>{escape(ch.check_id)}</strong> "
        f"<code>{escape(ch.finding.name)}</code></td>"
        f"<td><span class='tag{' law' if ch.finding.basis.is_law else ''}'>"
        f"{escape(basis_label(ch.finding.basis))}</span></td>"
        f"<td><code>{escape(_where(ch, before, after))}</code></td>"
        f"<td>{escape(_status(ch, after=False))}</td>"
        f"<td>{escape(_status(ch, after=True))}</td></tr>"
        for ch in found
    )
    table = (
        "<table><thead><tr><th scope='col'>check</th><th scope='col'>basis</th>"
        "<th scope='col'>where</th><th scope='col'>before</th><th scope='col'>after</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )
    if group is Change.STILL_OPEN:
        return f"<details><summary>{escape(title)}</summary>{table}</details>"
    return f"<h2>{escape(title)}</h2>{table}"


def comparison_html(
    c: Comparison,
    *,
    fragment: bool = False,
    settings: Settings = DEFAULT_SETTINGS,
    before_subject: object | None = None,
    after_subject: object | None = None,
) -> str:
    """Return the comparison as one self-contained HTML page (or a ``<div>`` fragment).

    No JavaScript: still-open matters sit in a ``<details>`` block, one click away. The
    legal-basis card is red while any failure on a legal basis is left after, green when
    the change brought them down to none. Other arguments as `comparison_text`.
    """
    floor = settings.score_coverage_floor
    before, after = _heading(c)
    counts = c.counts()
    cards = "".join(
        f"<li class='{k.value}'><span class='n'>{counts[k]}</span>{escape(k.label)}</li>"
        for k in _GROUPS
    )
    was, now = len(c.before.legal_breaches()), len(c.after.legal_breaches())
    legal = (
        f"<li class='{_legal_class(was, now)}'><span class='n'>{was} → {now}</span>"
        "legal-basis failures</li>"
    )
    body = (
        "<div class='dpup'>"
        f"<h1>Before and after: {escape(before)} → {escape(after)}</h1>"
        f"<p class='meta'>As at {c.before.as_at.isoformat()} → {c.after.as_at.isoformat()}; "
        f"{counts[Change.UNCHANGED]} matters unchanged (met or not applicable both times).</p>"
        f"<p class='advice'>{escape(ADVICE)}</p>"
        f"<ul class='cards cmp-cards'>{cards}{legal}</ul>"
        + ("" if c.same_catalogue else f"<p class='advice'>{escape(CATALOGUE_NOTE)}</p>")
        + f"<p class='meta'>Below {floor:.0%} coverage a score is not shown: not enough "
        "evidence.</p>"
        + _score_rows(c, floor)
        + "".join(_group_table(g, c.of(g), before_subject, after_subject) for g in _GROUPS)
        + "</div>"
    )
    style = f"<style>{REPORT_CSS}{_CSS}</style>"
    if fragment:
        return style + body
    title = f"dpup comparison: {before} → {after}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>{style}</head><body><main>{body}</main></body></html>\n"
    )


RENDERERS: dict[str, Callable[..., str]] = {
    "text": comparison_text,
    "markdown": comparison_markdown,
    "json": comparison_json,
    "html": comparison_html,
}
"""The views by ``--format`` name."""
