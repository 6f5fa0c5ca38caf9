"""TC001 notice-missing-ipp3-matters: a Transparency and Choice check.

The collection notice covers the matters IPP3 requires.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc001_notice_missing_ipp3_matters.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    split_facts,
    unrecorded,
)
from dpup.facts import identifiable_disclosures
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["notice_missing_ipp3_matters"]


@check(
    id="TC001",
    name="notice-missing-ipp3-matters",
    principles=(MW, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Make sure the notice covers what IPP3 asks for: that information is collected, why, "
        "who will receive it, who holds it, whether giving it is optional, and how to see "
        "and correct it."
    ),
    tags=("notice",),
)
def notice_missing_ipp3_matters(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """The collection notice covers the matters IPP3 requires.

    What it checks:
        For information collected from the person, the notice records that it explained the
        fact of collection, the purpose, the intended recipients, the agency's name and
        address, whether providing it is voluntary, and the rights to access and correction.
        Recipients described only in generic words ("relevant agencies") do not identify
        anyone, so they count as missing. Whether the authorising law and the consequences
        of not providing it were stated is also looked at, but a gap there only needs
        review, since those may not apply.
    Why it matters:
        IPP3 requires reasonable steps so people know these things when their information
        is collected from them. Without them people cannot make sense of what follows.
    How to meet it:
        Add the missing matters to the notice (form, brochure, script), or record the IPP3
        exception relied on.
    References:
        Privacy Act 2020, IPP3(1). DPUP Transparency and Choice: help people to understand.
        Generic recipient wording is `Settings.generic_recipient_phrases`.
    """
    if collection.source is not None and not collection.source.direct:
        return not_applicable("Information is not collected from the person (see IPP3A).")
    notice = collection.notice
    if notice is None:
        return unrecorded("what people were told at collection", "notice")
    if notice.exception is not None:
        return needs_review(
            "An IPP3 exception is claimed instead of telling people.",
            "notice.exception",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("confirm the recorded exception applies and why (notice.exception)",),
        )
    core = {
        "notice.fact_of_collection": notice.fact_of_collection,
        "notice.purpose": notice.purpose,
        "notice.agency_name_address": notice.agency_name_address,
        "notice.voluntary_or_mandatory": notice.voluntary_or_mandatory,
        "notice.access_correction_rights": notice.access_correction_rights,
    }
    phrases = ctx.settings.generic_recipient_phrases
    if notice.recipients is None:
        core["notice.recipients"] = None
    elif not notice.recipients:
        core["notice.recipients"] = not identifiable_disclosures(ctx.activity)
    else:
        core["notice.recipients"] = not all(phrases.search(r) for r in notice.recipients)
    missing, unknown = split_facts(core)
    if missing:
        return not_met("The notice leaves out matters IPP3 requires.", *missing)
    if unknown:
        return unrecorded("whether the notice covers every IPP3 matter", *unknown)
    optional = {"notice.law": notice.law, "notice.consequences": notice.consequences}
    gaps = [path for path, told in optional.items() if not told]
    if gaps:
        return needs_review(
            "The notice may need to name the authorising law or the consequences of not "
            "providing information.",
            *gaps,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm whether a law authorises or requires the collection (notice.law)",
                "confirm whether not providing information has consequences (notice.consequences)",
            ),
        )
    return met("The notice covers every IPP3 matter.", "notice")
