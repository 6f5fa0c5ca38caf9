"""Baseline marks for the HTML report, JUnit and XLSX: what is new since an earlier run.

`dpup evaluate --baseline REPORT` marks each finding ``new``, ``unchanged`` or ``updated``
against the earlier run (`dpup.baseline.Baseline`), and lists the earlier findings this run no
longer has (``absent``). JSON and SARIF carry the marks as data; this module decides how the
human and CI formats show them: a badge on each block of findings in HTML (one state, or the
count of each when a block mixes them), a section "Since the baseline" with the counts and the
absent findings, a column in the XLSX findings sheet, and a property on each JUnit test case.

An absent finding is known only from the baseline file, which is input (an earlier report a
person may have edited). This module is the one place that decides what of it every format
shows (HTML, JUnit and XLSX here; JSON, SARIF, text and Markdown through
`dpup.render.baseline` and `dpup.render.sarif`): its check id, subject path and fingerprint
only when they have the form dpup writes (an id such as ``AI005``, a path such as
``$.access_requests[0]``, a fingerprint such as ``AI005-0123456789abcdef``); its message
never, since dpup's own words for it are regenerated from the catalogue (`absent_message`).
The baseline's label is never shown either: `matched_label` gives the report's own label
when the baseline was matched to it by that label.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from dpup._printable import printable
from dpup.baseline import Baseline, BaselineEntry, BaselineState
from dpup.findings import Finding, Report

__all__ = [
    "HIDDEN",
    "LABEL_LIMIT",
    "BaselineMarks",
    "absent_check",
    "absent_message",
    "absent_subject",
    "known_check",
    "known_fingerprint",
    "known_subject",
    "marks_for",
    "matched_label",
]

_CHECK_ID = re.compile(r"(?:PM|TC|AI|SV)[0-9]{3}")
_FINGERPRINT = re.compile(r"(?:PM|TC|AI|SV)[0-9]{3}-[0-9a-f]{16}")
_PATH = re.compile(r"\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d{1,9}\]){0,40}")

HIDDEN = "(not shown: not in the form dpup writes)"
"""What a format that must show something writes for baseline text not in dpup's form."""

LABEL_LIMIT = 200
"""The most characters of a report label shown beside the baseline's counts."""


def known_check(entry: BaselineEntry) -> str | None:
    """Return an absent finding's check id if it has the form of one (``AI005``), else None."""
    return entry.check_id if _CHECK_ID.fullmatch(entry.check_id) else None


def known_subject(entry: BaselineEntry) -> str | None:
    """Return an absent finding's subject if it is a path as dpup writes one, else None."""
    return entry.subject if _PATH.fullmatch(entry.subject) else None


def known_fingerprint(entry: BaselineEntry) -> str | None:
    """Return an absent finding's fingerprint if it has the form dpup writes, else None.

    The form is the check id, a dash and 16 lower-case hexadecimal digits, and the check id
    must be the entry's own.
    """
    fp = entry.fingerprint
    good = _FINGERPRINT.fullmatch(fp) and fp.startswith(entry.check_id + "-")
    return fp if good else None


def absent_check(entry: BaselineEntry) -> str:
    """Return an absent finding's check id, or a placeholder when it is not shaped as one."""
    return known_check(entry) or HIDDEN


def absent_subject(entry: BaselineEntry) -> str:
    """Return an absent finding's subject path, or a placeholder when it is not a path."""
    return known_subject(entry) or HIDDEN


def absent_message(entry: BaselineEntry, title: str | None) -> str:
    """Return dpup's own words for an absent finding; nothing of the baseline's message.

    Args:
        entry: the absent finding.
        title: its check's one-line summary from the catalogue, or None when the check is
            not in the catalogue (the check id alone is then said, if it is in dpup's form).
    """
    what = title if title else absent_check(entry)
    return f"No longer reported (was {entry.status.label}): {what.rstrip('.')}."


def matched_label(report: Report, baseline: Baseline) -> str | None:
    """Return the label ``baseline`` was matched to ``report`` by, fit to show, or None.

    The baseline's own label is text from its file, so it is never shown as such: it is
    shown only when it is the report's own label (how ``dpup evaluate --baseline`` pairs a
    report with its baseline), made printable and cut to `LABEL_LIMIT` characters.
    """
    if baseline.label is None or baseline.label != report.label:
        return None
    return printable(baseline.label, limit=LABEL_LIMIT)


class BaselineMarks:
    """One report's findings marked against its baseline.

    Attributes:
        label: the report's label when the baseline was matched to it by that label
            (`matched_label`), else None; never text of the baseline's own.
        absent: the baseline's findings the report no longer has, in baseline order.
        counts: how many findings are in each state, absent included, in state order.
    """

    def __init__(self, report: Report, baseline: Baseline) -> None:
        """Mark ``report``'s findings against ``baseline``."""
        states = baseline.states(report)
        self._by_finding = {id(f): s for f, s in zip(report.findings, states, strict=True)}
        self.label = matched_label(report, baseline)
        self.absent = baseline.absent(report)
        tally = Counter(states)
        tally[BaselineState.ABSENT] = len(self.absent)
        self.counts = {s: tally[s] for s in BaselineState}

    def state(self, finding: Finding) -> BaselineState:
        """Return the state of one of the report's own findings."""
        return self._by_finding[id(finding)]

    def phrase(self, findings: Sequence[Finding]) -> str:
        """Return the states of ``findings`` in words: ``new`` or ``2 new, 1 unchanged``."""
        tally = Counter(self.state(f) for f in findings)
        if len(tally) == 1:
            return next(iter(tally)).value
        return ", ".join(f"{tally[s]} {s.value}" for s in BaselineState if tally[s])

    def summary(self) -> str:
        """Return the counts in words: ``3 new, 80 unchanged, 1 updated, 2 absent``."""
        return ", ".join(f"{n} {s.value}" for s, n in self.counts.items())


def marks_for(
    reports: Sequence[Report], baselines: Sequence[Baseline | None] | None
) -> list[BaselineMarks | None]:
    """Return the marks of each report against its baseline (``None`` where it has none).

    Raises:
        ValueError: ``baselines`` is given and is not one per report.
    """
    if baselines is None:
        return [None] * len(reports)
    if len(baselines) != len(reports):
        msg = f"give one baseline (or None) for each of the {len(reports)} reports"
        raise ValueError(msg)
    return [
        None if b is None else BaselineMarks(r, b) for r, b in zip(reports, baselines, strict=True)
    ]
