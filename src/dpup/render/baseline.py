"""Baseline marks in JSON, text and Markdown: what ``dpup evaluate --baseline`` adds to them.

JSON gains a ``baseline`` object per report (`baseline_dict`): each finding's state, in the
order of findings, and the baseline's findings no longer reported. Text and Markdown end with
a few lines (`baseline_summary`): the counts, and the new and updated findings that still ask
for something. The baseline file is input, so what these show of it follows the one rule of
`dpup.render._baseline_view`: an absent finding's check id, subject and fingerprint only in
the form dpup writes (``null`` in JSON otherwise), never its message, never the baseline's
own label.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dpup._printable import printable
from dpup.baseline import Baseline, BaselineState
from dpup.findings import Report, Status
from dpup.render._baseline_view import (
    LABEL_LIMIT,
    BaselineMarks,
    known_check,
    known_fingerprint,
    known_subject,
    matched_label,
)
from dpup.render.markdown import _cell, _code

__all__ = ["baseline_dict", "baseline_summary"]


def baseline_dict(report: Report, baseline: Baseline) -> dict[str, Any]:
    """Return the ``baseline`` object of ``report``'s JSON form against ``baseline``.

    ``label`` is the report's own label when the baseline was matched to it by that label,
    else ``null``. Each absent finding gives its fingerprint, check id and subject when they
    have the form dpup writes, ``null`` for any that does not, and its status then.
    """
    return {
        "label": matched_label(report, baseline),
        "states": [s.value for s in baseline.states(report)],
        "absent": [
            {
                "fingerprint": known_fingerprint(e),
                "check_id": known_check(e),
                "status": e.status.value,
                "subject": known_subject(e),
            }
            for e in baseline.absent(report)
        ],
    }


def _name(report: Report, markdown: bool) -> str:
    if not report.label:
        return report.subject_type
    return _cell(report.label) if markdown else printable(report.label, limit=LABEL_LIMIT)


def baseline_summary(
    reports: Sequence[Report], baselines: Sequence[Baseline | None], *, markdown: bool = False
) -> str:
    """Return the lines a text or Markdown report ends with: each finding's state, briefly.

    New and updated findings that still ask for something are listed by check and path; the
    rest are counted. A report is named by its own label (printable and cut short in text,
    inert in Markdown), never by the baseline's.

    Args:
        reports: the reports, one per file evaluated.
        baselines: each report's baseline, or None where none matched.
        markdown: write Markdown (a list, paths as code) rather than plain text.
    """
    lines = []
    item = "- " if markdown else "  "
    for report, baseline in zip(reports, baselines, strict=True):
        name = _name(report, markdown)
        if baseline is None:
            lines.append(f"Baseline for {name}: none matched.")
            continue
        marks = BaselineMarks(report, baseline)
        lines.append(f"Against the baseline ({name}): {marks.summary()}.")
        if markdown:
            lines.append("")
        for f in report.findings:
            state = marks.state(f)
            asks = f.status in (Status.NOT_MET, Status.NEEDS_REVIEW)
            if state is not BaselineState.UNCHANGED and asks:
                where = _code(f.subject) if markdown else printable(f.subject)
                status = f"({f.status.label})" if markdown else f"[{f.status.label}]"
                lines.append(f"{item}{state.value}: {f.check_id} {f.name} {status} at {where}")
        if markdown and lines[-1] == "":
            lines.pop()
    return "\n".join(lines) + "\n"
