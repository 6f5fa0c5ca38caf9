"""PM025 accuracy-unchecked: a Purpose Matters check.

Information that feeds a decision about someone is checked for accuracy first.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm025_accuracy_unchecked.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MN,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Disclosure

__all__ = ["accuracy_unchecked"]


@check(
    id="PM025",
    name="accuracy-unchecked",
    principles=(KT, MN),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP8,),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Before information is used or sent to inform a decision about someone (a court or "
        "agency report), check it is accurate, up to date, complete and not misleading, "
        "ideally with the person."
    ),
    tags=("accuracy",),
)
def accuracy_unchecked(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """Information that feeds a decision about someone is checked for accuracy first.

    What it checks:
        For a use or disclosure of identifying information that feeds a decision about the
        person (``feeds_decision``), an accuracy check before it went is recorded
        (``accuracy_checked``). Whether it feeds a decision must itself be recorded.
    Why it matters:
        IPP8 requires reasonable steps to check accuracy before information is used or
        disclosed. A wrong statement in a court report (the alcohol error in DPUP's
        service-user journey) can change a family's life, and is hard to undo once sent.
    How to meet it:
        Check the content against the records and, where safe, with the person, and record
        that the check was done.
    References:
        Privacy Act 2020, IPP8. DPUP Kaitiakitanga and Manaakitanga principles; DPUP's
        service-user journey (Kids First).
    """
    if disclosure.identifiable is False:
        return not_applicable("The information does not identify anyone.", "identifiable")
    if disclosure.feeds_decision is None:
        return unrecorded("whether it feeds a decision about the person", "feeds_decision")
    if not disclosure.feeds_decision:
        return not_applicable("It feeds no decision about the person.", "feeds_decision")
    if disclosure.accuracy_checked is None:
        return unrecorded("whether accuracy was checked before it went", "accuracy_checked")
    if not disclosure.accuracy_checked:
        return not_met(
            "Information feeding a decision about someone went without an accuracy check.",
            "accuracy_checked",
        )
    return met("Accuracy was checked before the information was used.", "accuracy_checked")
