"""Small pieces shared by the renderers."""

from __future__ import annotations

from dpup.findings import Finding, Severity, Status
from dpup.law import Basis

__all__ = ["SEVERITY_LEVEL", "basis_label", "due_label", "refs_label", "status_label"]

SEVERITY_LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
}
"""SARIF result levels for NOT_MET findings, by severity."""


def basis_label(basis: Basis) -> str:
    """Return a short basis label: ``law``, ``good practice`` or ``standard``."""
    return basis.value.replace("-", " ")


def refs_label(finding: Finding) -> str:
    """Return the cited provisions as ``IPP1, IPP10`` (empty when none)."""
    return ", ".join(r.value for r in finding.legal_refs)


def status_label(status: Status) -> str:
    """Return the status as people read it: ``not met``, ``needs review`` ..."""
    return status.label


def due_label(finding: Finding) -> str:
    """Return when a not-yet-due finding falls due: ``due 2026-06-12, 8 working days left``.

    Working days are the Privacy Act's (s 7), counted after the report's date up to and
    including the due date; ``0 working days left`` means it falls due today, or before the
    next working day.
    """
    if finding.due_on is None:
        return "due date not recorded"
    left = finding.working_days_left
    if left is None:
        return f"due {finding.due_on.isoformat()}"
    days = "1 working day" if left == 1 else f"{left} working days"
    return f"due {finding.due_on.isoformat()}, {days} left"
