"""Findings and the words they use, in one place to import from.

The parts live in their own modules: `dpup.vocabulary` (`Status`, `Severity`, `Reviewer`,
`AsAtSource`, `CONTEXT_ROOT`), `dpup.waivers` (`Waiver`, an input) and `dpup.report`
(`Finding`, `CheckError`, `Score`, `Report`). This module gathers them, as it always has.
"""

from __future__ import annotations

from dpup.report import REPORT_SCHEMA_VERSION, CheckError, Finding, Report, Score
from dpup.vocabulary import CONTEXT_ROOT, AsAtSource, Reviewer, Severity, Status
from dpup.waivers import Waiver

__all__ = [
    "AsAtSource",
    "CONTEXT_ROOT",
    "CheckError",
    "Finding",
    "REPORT_SCHEMA_VERSION",
    "Report",
    "Reviewer",
    "Score",
    "Severity",
    "Status",
    "Waiver",
]
