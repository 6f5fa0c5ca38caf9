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
    claimed_exception,
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
from dpup.model import Collection, Ipp3Exception

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
        "who will receive it, who holds it, and how to see and correct it; and, where a law "
        "authorises or requires the collection, which law and whether giving the "
        "information is voluntary or mandatory."
    ),
    tags=("notice",),
    provision="IPP3(1)",
    condition=(
        "An agency collecting personal information from the person takes reasonable steps to "
        "make them aware of the IPP3(1) matters; the authorising law and whether supply is "
        "voluntary or mandatory only where a law authorises or requires the collection."
    ),
)
def notice_missing_ipp3_matters(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """The collection notice covers the matters IPP3 requires.

    What it checks:
        For information collected from the person, the notice records that it explained the
        fact of collection, the purpose, the intended recipients, the agency's name and
        address, and the rights to access and correction. Recipients described only in
        generic words ("relevant agencies") do not identify anyone, so they count as
        missing.

        Where a law authorises or requires the collection (``authorised_by_law``, or
        ``required_by_law``), the notice must also name that law (``notice.law``) and say
        whether supply is voluntary or mandatory (``notice.voluntary_or_mandatory``): either
        recorded as not told is not met, and not recorded needs review. Where no law does
        (``authorised_by_law`` false), those two are not IPP3 matters; where that is not
        recorded and the notice does not already state both, it needs review. Whether the
        consequences of not providing the information were stated is also looked at, but a
        gap there only needs review, since there may be none.

        A claimed IPP3 exception (``notice.exception``) needs review; a ground IPP3 does not
        provide (one of IPP3A's, for information collected from someone else) is sent for
        review as such.
    Why it matters:
        IPP3 requires reasonable steps so people know these things when their information
        is collected from them. Without them people cannot make sense of what follows.
        Saying whether giving information is optional is always good practice (TC010), but
        IPP3 requires it only when a law authorises or requires the collection.
    How to meet it:
        Add the missing matters to the notice (form, brochure, script), record whether a law
        authorises or requires the collection, and where one does name it and say whether
        supply is voluntary or mandatory; or record the IPP3 exception relied on.
    References:
        Privacy Act 2020, IPP3(1)(a) to (g); IPP3(1)(e) for the authorising law and
        voluntary or mandatory supply (https://privacy.org.nz/privacy-act-2020/privacy-principles/3).
        DPUP Transparency and Choice: help people to understand. Generic recipient wording
        is `Settings.generic_recipient_phrases`.
    """
    if collection.source is not None and not collection.source.direct:
        return not_applicable("Information is not collected from the person (see IPP3A).")
    notice = collection.notice
    if notice is None:
        return unrecorded("what people were told at collection", "notice")
    exception = notice.exception
    if exception is not None and exception is not Ipp3Exception.NONE:
        if not exception.under_ipp3:
            return needs_review(
                "The exception recorded is one IPP3A provides for information collected from "
                "someone else, not one IPP3 provides for collection from the person.",
                "notice.exception",
                reviewer=Reviewer.LEGAL_ADVISER,
                settle_with=(
                    "record the IPP3 exception relied on, if any (notice.exception), or tell "
                    "people the IPP3 matters",
                ),
            )
        return claimed_exception(
            "An IPP3 exception is claimed instead of telling people.",
            "notice.exception",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("confirm the recorded exception applies and why (notice.exception)",),
        )
    core: dict[str, bool | None] = {
        "notice.fact_of_collection": notice.fact_of_collection,
        "notice.purpose": notice.purpose,
        "notice.agency_name_address": notice.agency_name_address,
        "notice.access_correction_rights": notice.access_correction_rights,
    }
    phrases = ctx.settings.generic_recipient_phrases
    if notice.recipients is None:
        core["notice.recipients"] = None
    elif not notice.recipients:
        core["notice.recipients"] = not identifiable_disclosures(ctx.activity)
    else:
        core["notice.recipients"] = not all(phrases.search(r) for r in notice.recipients)
    law_applies = collection.law_applies
    law_matters = {
        "notice.law": notice.law,
        "notice.voluntary_or_mandatory": notice.voluntary_or_mandatory,
    }
    if law_applies:
        core.update(law_matters)
    missing, unknown = split_facts(core)
    if missing:
        basis = "required_by_law" if collection.required_by_law else "authorised_by_law"
        return not_met(
            "The notice leaves out matters IPP3 requires.",
            *missing,
            *((basis,) if set(missing) & law_matters.keys() else ()),
        )
    if unknown:
        return unrecorded("whether the notice covers every IPP3 matter", *unknown)
    messages: list[str] = []
    paths: list[str] = []
    settle: list[str] = []
    if law_applies is None and not all(law_matters.values()):
        messages.append(
            "Not recorded whether a law authorises or requires the collection; if one does, "
            "the notice must name it and say whether supply is voluntary or mandatory."
        )
        paths += ["authorised_by_law", *(p for p, told in law_matters.items() if not told)]
        settle.append(
            "record whether a law authorises or requires the collection (authorised_by_law); "
            "if one does, name it (notice.law) and say whether supply is voluntary or "
            "mandatory (notice.voluntary_or_mandatory)"
        )
    if not notice.consequences:
        messages.append(
            "The notice may need to state the consequences of not providing information."
        )
        paths.append("notice.consequences")
        settle.append(
            "confirm whether not providing information has consequences (notice.consequences)"
        )
    if messages:
        return needs_review(
            " ".join(messages), *paths, reviewer=Reviewer.PRIVACY_OFFICER, settle_with=settle
        )
    return met("The notice covers every IPP3 matter.", "notice")
