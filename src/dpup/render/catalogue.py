"""The check catalogue as text, Markdown (``docs/checks.md``) and JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from dpup.checks.rules import Rule
from dpup.engine import DOC_HEADINGS, Check
from dpup.law import Basis, LegalRef
from dpup.policy import Guideline

__all__ = [
    "catalogue_json",
    "catalogue_markdown",
    "catalogue_text",
    "check_to_dict",
    "explain",
    "legal_basis_markdown",
    "traceability_markdown",
]


def _basis(c: Check[Any]) -> str:
    if c.basis is Basis.LAW:
        return "law"
    return "good practice" if c.basis is Basis.GOOD_PRACTICE else "standard"


def check_to_dict(c: Check[Any]) -> dict[str, Any]:
    """Return a check's metadata as JSON-ready data."""
    return {
        "id": c.id,
        "name": c.name,
        "guideline": c.guideline.value,
        "principles": [p.value for p in c.principles],
        "basis": c.basis.value,
        "legal_refs": [r.value for r in c.legal_refs],
        "provision": c.provision or None,
        "condition": c.condition or None,
        "severity": c.severity.value,
        "subject": c.subject.__name__,
        "summary": c.summary,
        "tags": list(c.tags),
        "sections": c.sections,
        "remediation": c.remediation,
    }


def catalogue_json(checks: Iterable[Check[Any]]) -> str:
    """Return the catalogue as JSON."""
    return json.dumps([check_to_dict(c) for c in checks], indent=2, ensure_ascii=False) + "\n"


def catalogue_text(checks: Iterable[Check[Any]]) -> str:
    """Return the catalogue as one line per check."""
    lines = [
        f"{c.id}  {c.name:<42} {_basis(c):<13} {c.severity.value:<8} {c.subject.__name__:<18} "
        f"{c.summary}"
        for c in checks
    ]
    return "\n".join(lines) + "\n"


def explain(c: Check[Any]) -> str:
    """Return the full explanation of one check, for ``dpup explain``."""
    refs = "; ".join(r.citation for r in c.legal_refs) or "none"
    lines = [
        f"{c.id} {c.name}",
        c.summary,
        "",
        f"Guideline:   {c.guideline.label}",
        f"Principles:  {', '.join(p.label for p in c.principles)}",
        f"Basis:       {c.basis.label}",
        f"Provisions:  {refs}",
        *([f"Tests:       {c.provision}: {c.condition}"] if c.provision else []),
        f"Severity:    {c.severity.value}",
        f"Applies to:  {c.subject.__name__}",
    ]
    for heading in DOC_HEADINGS:
        lines += ["", f"{heading}:", *("  " + ln for ln in c.sections[heading].splitlines())]
    lines += ["", "Remediation:", f"  {c.remediation}"]
    return "\n".join(lines) + "\n"


def catalogue_markdown(checks: Iterable[Check[Any]]) -> str:
    """Return ``docs/checks.md``: a table per guideline, then every check in full."""
    checks = list(checks)
    out = [
        "# Checks",
        "",
        "<!-- Generated from dpup.checks.BUILTIN_CHECKS by `dpup checks --format markdown`. "
        "Do not edit by hand: a test fails when this file is stale. -->",
        "",
        f"{len(checks)} checks. **Basis** says whether a failure may be a breach of law "
        "(*law*), is DPUP good practice beyond the law (*good practice*: never a legal "
        "breach), or departs from a published standard (*standard*).",
        "",
    ]
    for g in Guideline:
        group = [c for c in checks if c.guideline is g]
        if not group:
            continue
        out += [
            f"## {g.label}",
            "",
            f"[{g.label}]({g.url}): {g.summary}",
            "",
            "| id | name | basis | severity | principles | applies to |",
            "|---|---|---|---|---|---|",
        ]
        out += [
            f"| [{c.id}](#{c.id.lower()}) | {c.name} | {_basis(c)} | {c.severity.value} | "
            f"{', '.join(p.label for p in c.principles)} | {c.subject.__name__} |"
            for c in group
        ]
        out.append("")
        for c in group:
            refs = ", ".join(
                r.citation + ("" if r.verified else " [unverified]") for r in c.legal_refs
            )
            out += [
                f"### {c.id}",
                "",
                f"**{c.name}**: {c.summary}",
                "",
                f"- Basis: {c.basis.label}" + (f" — {refs}" if refs else ""),
                *([f"- Legal condition ({c.provision}): {c.condition}"] if c.provision else []),
                f"- Principles: {', '.join(p.label for p in c.principles)}",
                f"- Severity: {c.severity.value}; applies to `{c.subject.__name__}`"
                + (f"; tags: {', '.join(c.tags)}" if c.tags else ""),
                "",
            ]
            for heading in DOC_HEADINGS:
                out += [f"*{heading}.* " + " ".join(c.sections[heading].split()), ""]
            out += [f"*Remediation.* {c.remediation}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def legal_basis_markdown(checks: Iterable[Check[Any]]) -> str:
    """Return ``docs/legal-basis.md``: every LAW check, the provision and condition it tests."""
    law = [c for c in checks if c.basis is Basis.LAW]
    out = [
        "# Legal basis",
        "",
        "<!-- Generated from dpup.checks.BUILTIN_CHECKS by `dpup checks --format legal-basis`. "
        "Do not edit by hand: a test fails when this file is stale. -->",
        "",
        f"{len(law)} checks have the basis *law*: only their findings can appear in "
        "`Report.legal_breaches()`. Each names the provision it tests, to the subsection, and "
        "states the legal condition in dpup's own words; the statute is the authority, and "
        "this table is not legal advice. *Verified* says whether the provisions a check cites "
        "were confirmed against a stored copy of the legislation or the Privacy "
        "Commissioner's guidance; an unverified provision is kept configurable where dpup "
        "relies on a detail of it (see [Concepts](concepts.md) and each check's page). Every "
        "other check is DPUP good practice or a published standard, never a legal breach.",
        "",
        "| check | provision | legal condition tested | sources | verified |",
        "|---|---|---|---|---|",
    ]
    for c in law:
        sources = ", ".join(f"[{r.citation}]({r.url})" for r in dict.fromkeys(c.legal_refs))
        verified = "yes" if all(r.verified for r in c.legal_refs) else "no"
        out.append(
            f"| [{c.id}](checks.md#{c.id.lower()}) {c.name} | {c.provision} | {c.condition} | "
            f"{sources} | {verified} |"
        )
    cited = sorted({r for c in law for r in c.legal_refs}, key=lambda r: list(LegalRef).index(r))
    out += [
        "",
        "## Provisions cited",
        "",
        "Each provision the checks above cite, where it can be read, and whether a stored copy "
        "of its text confirmed the number and the detail dpup relies on.",
        "",
        "| provision | subject | read it at | verified |",
        "|---|---|---|---|",
        *(
            f"| {r.citation} | {r.title} | <{r.url}> | {'yes' if r.verified else 'no'} |"
            for r in cited
        ),
    ]
    return "\n".join(out) + "\n"


def traceability_markdown(rules: Iterable[Rule], checks: Iterable[Check[Any]]) -> str:
    """Return ``docs/traceability.md``: each candidate rule and the checks that cover it."""
    by_id = {c.id: c for c in checks}
    out = [
        "# Traceability",
        "",
        "<!-- Generated from dpup.checks.RULES by `dpup checks --format traceability`. "
        "Do not edit by hand: a test fails when this file is stale. -->",
        "",
        "Each candidate rule in the domain reference (section 9 of `dpup-domain.md`) either "
        "becomes one or more checks, or is listed here with the reason a machine cannot "
        "decide it and what dpup offers instead, or with the work planned to cover it. Rule "
        "wording is ours.",
        "",
    ]
    rules = list(rules)
    for g in Guideline:
        group = [r for r in rules if r.id.startswith(g.prefix + "-")]
        if not group:
            continue
        out += [
            f"## {g.label}",
            "",
            "| rule | what it asks | covered by | notes |",
            "|---|---|---|---|",
        ]
        out += [_rule_row(r, by_id) for r in group]
        out.append("")
    legal = [r for r in rules if r.id.startswith("X-")]
    if legal:
        out += [
            "## Cross-cutting legal rules",
            "",
            "Obligations of the Privacy Act 2020 and related law that sit outside the four "
            "guidelines. A rule no check covers yet is listed as planned, with where the work "
            "is tracked.",
            "",
            "| rule | what it asks | covered by | notes |",
            "|---|---|---|---|",
            *(_rule_row(r, by_id) for r in legal),
            "",
        ]
    return "\n".join(out).rstrip("\n") + "\n"


def _rule_row(r: Rule, by_id: dict[str, Check[Any]]) -> str:
    covered = ", ".join(f"[{cid}](checks.md#{cid.lower()}) {by_id[cid].name}" for cid in r.checks)
    notes = ""
    if r.reason:
        notes = f"Not decidable by a machine: {r.reason} Instead: {r.instead}"
    elif r.planned:
        notes = f"Not yet covered. {r.planned}"
    return f"| {r.id} | {r.title} | {covered or '—'} | {notes} |"
