"""Check how people's information is handled against DPUP and the Privacy Act 2020.

dpup checks activities against New Zealand's Data Protection and Use Policy (DPUP) and the
Privacy Act 2020 beneath it.

>>> import dpup
>>> activity = dpup.loads('name = "Intake form"')
>>> report = dpup.evaluate(activity)
>>> report.subject_type
'Activity'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dpup import report as _report
from dpup.comparison import Comparison, compare
from dpup.engine import Check, EvaluationContext, Registry, evaluate, evaluate_many
from dpup.errors import CalendarRangeError, DpupError, InputError, Problem, UnknownCheckError
from dpup.findings import (
    AsAtSource,
    CheckError,
    Finding,
    Report,
    Reviewer,
    Score,
    Severity,
    Status,
    Waiver,
)
from dpup.law import Basis, LegalRef
from dpup.model import (
    AccessPractice,
    AccessRequest,
    Activity,
    Breach,
    Choice,
    Collection,
    CorrectionRequest,
    Disclosure,
    InformationItem,
    Insight,
    PersonRecord,
    Purpose,
    SharingAgreement,
    SharingRequest,
)
from dpup.policy import Guideline, Principle
from dpup.settings import Settings

if TYPE_CHECKING:
    from dpup.serde import load, load_items, load_waivers, loads, structure, unstructure


def _display_html(report: Report) -> str:
    from dpup.render.html import to_html  # noqa: PLC0415 - on the first display only

    return to_html(report, fragment=True)


def _display_markdown(report: Report) -> str:
    from dpup.render.markdown import to_markdown  # noqa: PLC0415 - on the first display only

    return to_markdown(report)


# Notebook display of a report (`Report._repr_html_`): the renderers import `dpup.report`, so
# the hooks are registered here, at the top, rather than imported from below.
_report.DISPLAY.update(html=_display_html, markdown=_display_markdown)

# Reading and writing input pulls in cattrs, tomllib and json; code that only evaluates
# objects it built itself (a request path) need not pay for them at import.
_SERDE = frozenset({"load", "load_items", "load_waivers", "loads", "structure", "unstructure"})

__all__ = [
    "AccessPractice",
    "AccessRequest",
    "Activity",
    "AsAtSource",
    "Basis",
    "Breach",
    "CalendarRangeError",
    "Check",
    "CheckError",
    "Choice",
    "Collection",
    "Comparison",
    "CorrectionRequest",
    "Disclosure",
    "DpupError",
    "EvaluationContext",
    "Finding",
    "Guideline",
    "InformationItem",
    "InputError",
    "Insight",
    "LegalRef",
    "PersonRecord",
    "Principle",
    "Problem",
    "Purpose",
    "Registry",
    "Report",
    "Reviewer",
    "Score",
    "Settings",
    "Severity",
    "SharingAgreement",
    "SharingRequest",
    "Status",
    "UnknownCheckError",
    "Waiver",
    "__version__",
    "compare",
    "evaluate",
    "evaluate_many",
    "load",
    "load_items",
    "load_waivers",
    "loads",
    "structure",
    "unstructure",
]


def __getattr__(name: str) -> Any:
    if name in _SERDE:
        from dpup import serde  # noqa: PLC0415 - on first use, see _SERDE

        value = getattr(serde, name)
        globals()[name] = value
        return value
    # The version is read from package metadata on first use only, so importing dpup stays fast.
    if name == "__version__":
        from dpup._version import version  # noqa: PLC0415 - on first use, see _version

        return version()
    msg = f"module 'dpup' has no attribute {name!r}"
    raise AttributeError(msg)
