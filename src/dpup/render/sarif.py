"""SARIF 2.1.0 output, for code-scanning dashboards and review tools.

Tool rules come from the check catalogue. Each NOT_MET finding is a result of kind ``fail``
(level by severity); each NEEDS_REVIEW finding is a result of kind ``review``; each NOT_YET_DUE
finding is a result of kind ``open`` (its time limit is still running, so no verdict can be
reached yet), with its due date and working days left in its properties. SARIF allows a level
other than ``none`` only on a result of kind ``fail``, so review and open results have level
``none``. Results locate
themselves logically, by the input paths of their subject and evidence, and physically by the
input file (`artifact_uri`: the path as given, written as a relative URI reference). Waived
findings carry a ``suppressions`` entry with the waiver's justification.

Each result carries its finding's fingerprint in ``partialFingerprints`` under
``dpupFinding/v1`` (see `dpup.fingerprints`), so a code-scanning service matches a result with
the same matter in an earlier run, whatever order the input lists things in. Given a baseline
(`dpup.baseline.Baseline`), each result also carries its ``baselineState``: ``new``,
``unchanged`` or ``updated`` (same matter, different status), and the failing and reviewable
findings of the baseline no longer reported are written as results with state ``absent``:
the baseline file is input, so such a result's text is the check's own summary, never the
baseline's message, and its location and fingerprint are written only in the form dpup writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from dpup.engine import Check, default_registry
from dpup.findings import Finding, Report, Status
from dpup.fingerprints import FINGERPRINT_VERSION
from dpup.policy import DPUP_URL
from dpup.render._baseline_view import absent_message, known_fingerprint, known_subject
from dpup.render._common import SEVERITY_LEVEL, due_label

if TYPE_CHECKING:
    from dpup.baseline import Baseline, BaselineEntry

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "artifact_uri", "to_sarif", "to_sarif_dict"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_INFO_URI = "https://github.com/dpup-nz/dpup"
_URI_SAFE = "/-._~!$&'()*+,;=@"
"""Characters a URI path keeps as they are; everything else (spaces, ``%``, ``:``, ``#``,
``?``, non-ASCII) is percent-encoded, so a relative path never reads as a scheme or query."""


def artifact_uri(path: str | PurePath) -> str:
    """Return the file at ``path`` as a SARIF artifact URI: its path as given, URI-encoded.

    A relative path stays relative (``data/kids first.toml`` becomes
    ``data/kids%20first.toml``), so two files of one name in different folders stay distinct
    and a code-scanning service resolves it against the checkout. Separators are written as
    ``/`` (a Windows path's backslashes too). An absolute path becomes a ``file://`` URI.
    """
    given = PurePath(path)
    if given.is_absolute():
        return given.as_uri()
    return quote(given.as_posix(), safe=_URI_SAFE)


def _rule(c: Check[Any]) -> dict[str, Any]:
    sections = c.sections
    help_text = (
        f"{sections['What it checks']}\n\nWhy it matters: {sections['Why it matters']}\n\n"
        f"How to meet it: {sections['How to meet it']}\n\nReferences: {sections['References']}"
    )
    return {
        "id": c.id,
        "name": c.name,
        "shortDescription": {"text": c.summary},
        "fullDescription": {"text": " ".join(sections["What it checks"].split())},
        "help": {"text": help_text},
        "helpUri": c.guideline.url,
        "defaultConfiguration": {"level": SEVERITY_LEVEL[c.severity]},
        "properties": {
            "tags": [c.guideline.value, c.basis.value, *(p.value for p in c.principles), *c.tags],
            "guideline": c.guideline.label,
            "principles": [p.label for p in c.principles],
            "basis": c.basis.value,
            "legalRefs": [r.citation for r in c.legal_refs],
            "severity": c.severity.value,
            "remediation": c.remediation,
        },
    }


_REPORTED = frozenset({Status.NOT_MET, Status.NEEDS_REVIEW, Status.NOT_YET_DUE})
"""The statuses that become SARIF results: met and not-applicable findings do not."""


def _result(
    f: Finding, index: int, artifact_uri: str | None, state: str | None = None
) -> dict[str, Any]:
    failed = f.status is Status.NOT_MET
    logical = [{"fullyQualifiedName": f.subject, "kind": "object"}]
    logical += [{"fullyQualifiedName": e, "kind": "property"} for e in f.evidence if e != f.subject]
    location: dict[str, Any] = {"logicalLocations": logical}
    if artifact_uri is not None:
        location["physicalLocation"] = {"artifactLocation": {"uri": artifact_uri}}
    text = f.message
    if f.status is Status.NEEDS_REVIEW and f.settle_with:
        text += " To settle: " + "; ".join(f.settle_with) + "."
    due = f.status is Status.NOT_YET_DUE
    if due:
        text += f" Not yet due: {due_label(f)}."
    result: dict[str, Any] = {
        "ruleId": f.check_id,
        "ruleIndex": index,
        "kind": "fail" if failed else "open" if due else "review",
        "level": SEVERITY_LEVEL[f.severity] if failed else "none",
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_VERSION: f.fingerprint},
        "properties": {
            "status": f.status.value,
            "severity": f.severity.value,
            "basis": f.basis.value,
            "evidence": list(f.evidence),
            "reviewer": None if f.reviewer is None else f.reviewer.value,
            "settleWith": list(f.settle_with),
            "remediation": f.remediation,
            "dueOn": None if f.due_on is None else f.due_on.isoformat(),
            "workingDaysLeft": f.working_days_left,
        },
    }
    if state is not None:
        result["baselineState"] = state
    if f.waiver is not None:
        justification = f.waiver.reason
        if f.waiver.approver:
            justification += f" (approved by {f.waiver.approver})"
        result["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": justification}
        ]
    return result


def _results(
    report: Report,
    catalogue: Sequence[Check[Any]],
    index: Mapping[str, int],
    uri: str | None,
    baseline: Baseline | None,
) -> list[dict[str, Any]]:
    """Return the results of ``report``, marked against ``baseline`` when there is one."""
    if baseline is None:
        return [
            _result(f, index[f.check_id], uri)
            for f in report.findings
            if f.status in _REPORTED and f.check_id in index
        ]
    states = baseline.states(report)
    results = [
        _result(f, index[f.check_id], uri, states[i].sarif)
        for i, f in enumerate(report.findings)
        if f.status in _REPORTED and f.check_id in index
    ]
    results += [
        _absent(e, catalogue[index[e.check_id]], index[e.check_id], uri)
        for e in baseline.absent(report)
        if e.status in _REPORTED and e.check_id in index
    ]
    return results


def _absent(
    e: BaselineEntry, check: Check[Any], index: int, artifact_uri: str | None
) -> dict[str, Any]:
    """Return the result for a baseline finding this run no longer reports.

    The baseline file is input: its message is not copied (the text is the check's own
    summary), and its subject and fingerprint are written only in the form dpup writes
    (`dpup.render._baseline_view`); otherwise the result has no logical location or
    fingerprint.
    """
    location: dict[str, Any] = {}
    subject = known_subject(e)
    if subject is not None:
        location["logicalLocations"] = [{"fullyQualifiedName": subject, "kind": "object"}]
    if artifact_uri is not None:
        location["physicalLocation"] = {"artifactLocation": {"uri": artifact_uri}}
    result: dict[str, Any] = {
        "ruleId": check.id,
        "ruleIndex": index,
        "kind": "informational",
        "level": "none",
        "message": {"text": absent_message(e, check.summary)},
    }
    if location:
        result["locations"] = [location]
    fingerprint = known_fingerprint(e)
    if fingerprint is not None:
        result["partialFingerprints"] = {FINGERPRINT_VERSION: fingerprint}
    result["baselineState"] = "absent"
    result["properties"] = {"status": e.status.value}
    return result


def to_sarif_dict(
    reports: Report | Iterable[Report],
    *,
    checks: Iterable[Check[Any]] | None = None,
    artifact_uris: Iterable[str | None] | None = None,
    baselines: Iterable[Baseline | None] | None = None,
) -> dict[str, Any]:
    """Return one SARIF log (as data) with one run per report.

    Args:
        reports: a report, or several (e.g. one per file evaluated).
        checks: the catalogue for ``tool.driver.rules``; defaults to the built-in checks.
        artifact_uris: for each report, the URI of the file it came from (see `artifact_uri`),
            or ``None`` for no physical location. By default each report's label, URI-encoded
            (the command labels a report with its file's path as given).
        baselines: for each report, the baseline to mark its results against (adds
            ``baselineState``, and ``absent`` results), or ``None``.
    """
    reports = [reports] if isinstance(reports, Report) else list(reports)
    catalogue = list(checks if checks is not None else default_registry())
    index = {c.id: i for i, c in enumerate(catalogue)}
    if artifact_uris is not None:
        uris = list(artifact_uris)
    else:
        uris = [None if r.label is None else artifact_uri(r.label) for r in reports]
    marks = list(baselines) if baselines is not None else [None] * len(reports)
    runs = []
    for report, uri, baseline in zip(reports, uris, marks, strict=True):
        results = _results(report, catalogue, index, uri, baseline)
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "dpup",
                    "version": report.engine_version,
                    "semanticVersion": report.engine_version,
                    "informationUri": _INFO_URI,
                    "rules": [_rule(c) for c in catalogue],
                    "properties": {
                        "catalogueVersion": report.catalogue_version,
                        "policy": DPUP_URL,
                    },
                }
            },
            "results": results,
            "invocations": [
                {
                    "executionSuccessful": not report.errors,
                    "toolExecutionNotifications": [
                        {
                            "level": "error",
                            "message": {"text": f"Check crashed: {e.error_type}"},
                            "descriptor": {"id": e.check_id},
                            "locations": [
                                {"logicalLocations": [{"fullyQualifiedName": e.subject}]}
                            ],
                        }
                        for e in report.errors
                    ],
                }
            ],
            "properties": {
                "label": report.label,
                "asAt": report.as_at.isoformat(),
                "asAtSource": report.as_at_source.value,
                "subjectType": report.subject_type,
                "overall": report.overall.to_dict(),
                "principleScores": {
                    p.value: s.to_dict() for p, s in report.principle_scores.items()
                },
                "guidelineScores": {
                    g.value: s.to_dict() for g, s in report.guideline_scores.items()
                },
            },
        }
        if uri is not None:
            run["artifacts"] = [{"location": {"uri": uri}}]
        runs.append(run)
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": runs}


def to_sarif(
    reports: Report | Iterable[Report],
    *,
    checks: Iterable[Check[Any]] | None = None,
    artifact_uris: Iterable[str | None] | None = None,
    baselines: Iterable[Baseline | None] | None = None,
) -> str:
    """Return SARIF 2.1.0 JSON text for one or more reports (see `to_sarif_dict`)."""
    data = to_sarif_dict(reports, checks=checks, artifact_uris=artifact_uris, baselines=baselines)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
