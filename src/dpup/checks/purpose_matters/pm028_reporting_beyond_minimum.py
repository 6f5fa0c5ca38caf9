"""PM028 reporting-beyond-minimum: a Purpose Matters check.

Reporting under an agreement carries only what its agreed purposes need.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm028_reporting_beyond_minimum.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import purposes_of, vague
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Purpose, SharingAgreement
from dpup.settings import Settings

__all__ = ["reporting_beyond_minimum"]


def open_ended(purpose: Purpose, settings: Settings) -> bool:
    """Whether the purpose's wording contains a catch-all phrase."""
    return purpose.why is not None and settings.catch_all_phrases.search(purpose.why)


@check(
    id="PM028",
    name="reporting-beyond-minimum",
    principles=(MW, HT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.MEDIUM,
    subject=SharingAgreement,
    remediation=(
        "Map every reported field to a specific purpose in the agreement and drop fields "
        "that no agreed purpose needs; make vague purposes such as 'monitoring' say what "
        "decisions they feed."
    ),
    tags=("agreement", "minimisation", "icld"),
)
def reporting_beyond_minimum(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """Reporting under an agreement carries only what its agreed purposes need.

    What it checks:
        Each reported field (``fields``) maps to at least one of the agreement's purposes
        (``fields[].purposes`` against ``purposes``). A field with no agreed purpose, or
        mapped only to purposes worded as catch-alls, is not met. A field mapped only to
        broad purposes (such as "monitoring" with nothing recorded in ``feeds``) needs
        review.
    Why it matters:
        DPUP's guidance for funders asks for the minimum needed. A field no agreed purpose
        needs is over-collection; a field justified only by "monitoring" leaves providers
        unable to tell what it is for, as happened with ICLD.
    How to meet it:
        Give every field a specific agreed purpose that names the decisions it feeds, and
        remove the rest.
    References:
        DPUP funding role guidance and funding checklist; Purpose Matters. Good practice
        beyond the law, backed by IPP1's necessity test. The broad-word list is
        `Settings.vague_purpose_phrases`.
    """
    fields = agreement.fields
    if fields is None:
        return unrecorded("the fields reported under the agreement", "fields")
    if not fields:
        return not_applicable("Nothing is reported under the agreement.", "fields")
    agreed = agreement.purposes
    unmapped: list[str] = []
    unknown: list[str] = []
    for i, field in enumerate(fields):
        if field.purposes is None:
            unknown.append(f"fields[{i}].purposes")
        elif not field.purposes or (agreed is not None and not set(field.purposes) & set(agreed)):
            unmapped.append(f"fields[{i}].purposes")
    if unmapped:
        return not_met("Some reported fields serve no agreed purpose.", *unmapped)
    if agreed is None:
        unknown.append("purposes")
    if unknown:
        return unrecorded("the agreed purposes each field serves", *unknown)
    activity = ctx.activity
    if activity is None:
        return needs_review(
            "No activity was given to read the purposes fields are mapped to.",
            "fields",
            reviewer=Reviewer.CONTRACT_MANAGER,
            settle_with=("evaluate the agreement with its activity as context",),
        )
    settings = ctx.settings
    catch_all: list[str] = []
    broad: list[str] = []
    for i, field in enumerate(fields):
        mapped = [p for _, p in purposes_of(activity, field.purposes or ())]
        if mapped and all(open_ended(p, settings) for p in mapped):
            catch_all.append(f"fields[{i}].purposes")
        elif mapped and all(open_ended(p, settings) or vague(p, settings) for p in mapped):
            broad.append(f"fields[{i}].purposes")
    if catch_all:
        return not_met(
            "Some reported fields are mapped only to open-ended purposes, which set no limit.",
            *catch_all,
        )
    if broad:
        return needs_review(
            "Some reported fields are mapped only to broad purposes such as monitoring.",
            *broad,
            reviewer=Reviewer.CONTRACT_MANAGER,
            settle_with=(
                "record the decisions or processes each such purpose feeds (feeds), or drop "
                "the field",
            ),
        )
    return met("Every reported field serves a specific agreed purpose.", "fields")
