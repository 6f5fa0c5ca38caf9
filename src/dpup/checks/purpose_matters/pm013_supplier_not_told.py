"""PM013 supplier-not-told: a Purpose Matters check.

An agency supplying information is told the purpose, onward sharing and its obligation.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm013_supplier_not_told.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MH,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import Collection, Source

__all__ = ["supplier_not_told"]


@check(
    id="PM013",
    name="supplier-not-told",
    principles=(KT, MH),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Tell the supplying agency the purpose, whether the information will be shared "
        "further, and whether supplying it is voluntary or required (naming any statute)."
    ),
    tags=("source", "supplier"),
)
def supplier_not_told(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """An agency supplying information is told the purpose, onward sharing and its obligation.

    What it checks:
        When information is obtained from another agency (``source`` is ``other-agency``),
        the supplier was told the purpose (``supplier_told.purpose``), any onward sharing
        (``supplier_told.onward_sharing``) and whether supply is voluntary or mandatory
        (``supplier_told.voluntary_or_mandatory``). None of them told is not met; some told
        needs review; a statute requiring supply that was not named needs review too.
    Why it matters:
        DPUP goes beyond the Privacy Act here: a supplying agency (often an NGO) can only
        decide whether and how to disclose, and explain it to its own service users, if it
        knows why the information is wanted and where it will go. NGOs asked for ICLD could
        not tell their clients any of this.
    How to meet it:
        Give the supplier a short statement of purpose, onward sharing and the basis of the
        request (voluntary, or required under a named statute), and record it.
    References:
        DPUP Purpose Matters: where the Policy goes beyond the Privacy Act (telling a
        supplying agency). Good practice beyond the law.
    """
    source = collection.source
    if source is None:
        return unrecorded("who the information is collected from", "source")
    if source is not Source.OTHER_AGENCY:
        return not_applicable("The information is not obtained from another agency.", "source")
    told = collection.supplier_told
    if told is None:
        return unrecorded("what the supplying agency was told", "supplier_told")
    core = {
        "supplier_told.purpose": told.purpose,
        "supplier_told.onward_sharing": told.onward_sharing,
        "supplier_told.voluntary_or_mandatory": told.voluntary_or_mandatory,
    }
    if all(state is False for state in core.values()):
        return not_met("The supplying agency was told none of what it needs to know.", *core)
    gaps = [path for path, state in core.items() if state is not True]
    if gaps:
        return needs_review(
            "The supplying agency was told only part of what it needs to know.",
            *gaps,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("tell the supplier each missing matter, and record it (supplier_told)",),
        )
    if told.statute is False:
        return needs_review(
            "The supplier was not given a statute; confirm none requires the supply.",
            "supplier_told.statute",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm supply is not required by a statute, or name it to the supplier "
                "(supplier_told.statute)",
            ),
        )
    return met(
        "The supplying agency was told the purpose, onward sharing and its obligation.",
        "supplier_told",
    )
