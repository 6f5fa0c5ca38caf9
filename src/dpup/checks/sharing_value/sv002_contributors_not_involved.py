"""SV002 contributors-not-involved: a Sharing Value check.

The agreement was designed with those who supply the data, including what success means.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv002_contributors_not_involved.py``.
"""

from __future__ import annotations

from dpup.checkdef import HT, MH, MN, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import SharingAgreement

__all__ = ["contributors_not_involved"]


@check(
    id="SV002",
    name="contributors-not-involved",
    principles=(MH, MN, HT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=SharingAgreement,
    remediation=(
        "Design the agreement, its data requirements and its measures of success with the "
        "providers and service users whose information it covers."
    ),
    tags=("co-design",),
)
def contributors_not_involved(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """The agreement was designed with those who supply the data, including what success means.

    What it checks:
        The agreement records who it was co-designed with (``co_designed_with``) and who
        helped define success (``success_defined_with``).
    Why it matters:
        DPUP's Value Loop asks agencies to involve people who know the circumstances of those
        the data is from, from the start. When one party defines success alone, providers
        fear misread data will cost them their contracts.
    How to meet it:
        Bring providers and service users in before data requirements are fixed, and agree
        with them how success will be judged.
    References:
        DPUP Sharing Value: be inclusive from the start; the funding, contracting and
        partnering checklist (uphold Mahitahitanga). Good practice beyond the law.
    """
    if agreement.co_designed_with is None:
        return unrecorded("who the agreement was designed with", "co_designed_with")
    if not agreement.co_designed_with:
        return not_met(
            "The agreement was designed without those who supply the data.", "co_designed_with"
        )
    if agreement.success_defined_with is None:
        return unrecorded("who helped define success", "success_defined_with")
    if not agreement.success_defined_with:
        return not_met(
            "The agreement was co-designed, but success was defined by one party alone.",
            "success_defined_with",
        )
    return met(
        "The agreement and its measures of success were designed together.", "co_designed_with"
    )
