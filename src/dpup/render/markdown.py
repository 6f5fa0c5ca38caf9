"""Markdown output: score tables and findings, for pull requests, wikis and notebooks."""

from __future__ import annotations

from dpup.findings import Finding, Report, Score, Status
from dpup.policy import Guideline, Principle
from dpup.render._common import basis_label, refs_label

__all__ = ["to_markdown"]


def _cell(text: str) -> str:
    # Pipes and newlines would break the table; backslash-escape the one, fold the other.
    return " ".join(text.replace("|", "\\|").split())


def _value(s: Score) -> str:
    return "—" if s.value is None else f"{s.value:.1f}"


def _coverage(s: Score) -> str:
    return "—" if s.coverage is None else f"{s.coverage * 100:.0f}%"


def _score_table(title: str, rows: list[tuple[str, Score]]) -> list[str]:
    out = [
        f"| {title} | score | coverage | met | not met | needs review | n/a |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    out += [
        f"| {name} | {_value(s)} | {_coverage(s)} | {s.met} | {s.not_met} | {s.needs_review} "
        f"| {s.not_applicable} |"
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
            step = who + "; ".join(f.settle_with)
        else:
            step = f.remediation or ""
        if f.waiver is not None:
            step = f"**waived**: {f.waiver.reason}. " + step
        evidence = "<br>".join(f"`{e}`" for e in f.evidence)
        out.append(
            f"| {f.check_id} {f.name} | `{f.subject}` | {basis} | {f.severity.value} | "
            f"{_cell(f.message)} | {evidence} | {_cell(step)} |"
        )
    return out


def to_markdown(report: Report) -> str:
    """Return the report as Markdown: scores, then NOT_MET and NEEDS_REVIEW by guideline."""
    title = f"dpup report: {_cell(report.label)}" if report.label else "dpup report"
    out = [
        f"# {title}",
        "",
        f"{report.subject_type} evaluated as at {report.as_at.isoformat()} with dpup "
        f"{report.engine_version} (catalogue {report.catalogue_version}).",
        "",
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
    if report.errors:
        out += [f"## Checks that crashed ({len(report.errors)})", ""]
        out += [f"- {e.check_id} on `{e.subject}`: {e.error_type}" for e in report.errors]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
