r"""JUnit XML output, for CI systems that show test results.

One test suite per report; one test case per check and subject. NOT_MET is a failure,
NEEDS_REVIEW is skipped with the evidence needed, NOT_APPLICABLE is skipped as not applicable,
NOT_YET_DUE is skipped with its due date and working days left (no verdict can be reached
while the time limit runs, so it neither passes nor fails), MET passes, and a crashed check is
an error. A waived NOT_MET finding is skipped, with the
waiver's reason, because the risk was accepted. Each test case carries its finding's
fingerprint (`dpup.fingerprints`) as the property ``dpupFinding/v1``. Against a baseline
(``dpup evaluate --baseline``), each test case also carries ``baselineState`` (``new``,
``unchanged`` or ``updated``, as in SARIF), and each suite the properties ``baselineAbsent``
(how many of the baseline's findings this run no longer has) and ``baselineCounts``. Absent
findings are not written as test cases: there is nothing left to run.

XML 1.0 cannot hold most control characters at all, even escaped, and a waiver reason or a
label is input that may contain them: every string is written through `_x`, which shows each
as an escape (``\x1b``), so the document always parses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from xml.etree import ElementTree as ET

from dpup._printable import printable
from dpup.baseline import Baseline
from dpup.findings import Finding, Report, Status
from dpup.render._baseline_view import BaselineMarks, marks_for
from dpup.render._common import due_label

__all__ = ["to_junit"]


def _x(text: str) -> str:
    """Return ``text`` with only characters XML 1.0 allows (tabs and newlines kept)."""
    return printable(text, keep="\t\n")


def _case(suite: ET.Element, f: Finding, name: str, marks: BaselineMarks | None = None) -> str:
    classname = _x(f"dpup.{f.guideline.value}.{f.check_id}")
    case = ET.SubElement(suite, "testcase", {"classname": classname, "name": _x(name)})
    properties = ET.SubElement(case, "properties")
    ET.SubElement(properties, "property", {"name": "dpupFinding/v1", "value": f.fingerprint})
    if marks is not None:
        state = marks.state(f).value
        ET.SubElement(properties, "property", {"name": "baselineState", "value": state})
    detail = _x(
        "\n".join(
            [
                f.message,
                *(f"evidence: {e}" for e in f.evidence),
                *(f"to settle: {s}" for s in f.settle_with),
                *([f"reviewer: {f.reviewer.label}"] if f.reviewer else []),
                *(
                    [f"fix: {f.remediation}"]
                    if f.remediation and f.status is Status.NOT_MET
                    else []
                ),
            ]
        )
    )
    message = _x(f.message)
    if f.status is Status.NOT_MET and f.waiver is None:
        kind = f"{f.basis.value}:{f.severity.value}"
        node = ET.SubElement(case, "failure", {"message": message, "type": kind})
        node.text = detail
        return "failure"
    if f.status is Status.NOT_MET:
        reason = _x(f.waiver.reason)  # type: ignore[union-attr]  # waiver is set on this branch
        node = ET.SubElement(case, "skipped", {"message": f"waived: {reason}"})
        node.text = detail
        return "skipped"
    if f.status is Status.NEEDS_REVIEW:
        node = ET.SubElement(case, "skipped", {"message": f"needs review: {message}"})
        node.text = detail
        return "skipped"
    if f.status is Status.NOT_APPLICABLE:
        ET.SubElement(case, "skipped", {"message": f"not applicable: {message}"})
        return "skipped"
    if f.status is Status.NOT_YET_DUE:
        node = ET.SubElement(
            case, "skipped", {"message": f"not yet due ({due_label(f)}): {message}"}
        )
        node.text = detail
        return "skipped"
    return "passed"


def to_junit(
    reports: Report | Iterable[Report], *, baselines: Sequence[Baseline | None] | None = None
) -> str:
    """Return JUnit XML text with one ``<testsuite>`` per report.

    Args:
        reports: a report, or several.
        baselines: for each report, the earlier run to mark its findings against, or
            ``None``; each test case then carries its ``baselineState`` property.

    Raises:
        ValueError: ``baselines`` is not one per report.
    """
    reports = [reports] if isinstance(reports, Report) else list(reports)
    all_marks = marks_for(reports, baselines)
    root = ET.Element("testsuites", {"name": "dpup"})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for i, (report, marks) in enumerate(zip(reports, all_marks, strict=True)):
        name = report.label or f"{report.subject_type} {i + 1}"
        suite = ET.SubElement(root, "testsuite", {"name": _x(name)})
        if marks is not None:
            props = ET.SubElement(suite, "properties")
            absent = str(len(marks.absent))
            ET.SubElement(props, "property", {"name": "baselineAbsent", "value": absent})
            ET.SubElement(props, "property", {"name": "baselineCounts", "value": marks.summary()})
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        seen: dict[tuple[str, str], int] = {}
        for f in report.findings:
            key = (f.check_id, f.subject)
            seen[key] = seen.get(key, 0) + 1
            case_name = f"{f.check_id} {f.name} @ {f.subject}"
            if seen[key] > 1:
                case_name += f" #{seen[key]}"
            outcome = _case(suite, f, case_name, marks)
            counts["tests"] += 1
            if outcome == "failure":
                counts["failures"] += 1
            elif outcome == "skipped":
                counts["skipped"] += 1
        for e in report.errors:
            case = ET.SubElement(
                suite,
                "testcase",
                {"classname": _x(f"dpup.{e.check_id}"), "name": _x(f"{e.check_id} @ {e.subject}")},
            )
            ET.SubElement(case, "error", {"message": "check crashed", "type": _x(e.error_type)})
            counts["tests"] += 1
            counts["errors"] += 1
        for kind, value in counts.items():
            suite.set(kind, str(value))
            totals[kind] += value
    for kind, value in totals.items():
        root.set(kind, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
