"""PM014 ipp3a-notice-missing: a Purpose Matters check.

People are told about information collected about them from someone else (IPP3A).

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm014_ipp3a_notice_missing.py``.
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
from dpup.checks.purpose_matters._helpers import identifying_state
from dpup.facts import identifiable_disclosures
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection, NoticeTiming

__all__ = ["ipp3a_notice_missing"]


@check(
    id="PM014",
    name="ipp3a-notice-missing",
    principles=(MW, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP3A,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Take reasonable steps, as soon as practicable, to tell people whose information you "
        "obtained from someone else: that you hold it, why, who will receive it, who you are, "
        "any law involved, and their rights to see and correct it."
    ),
    tags=("source", "notice"),
)
def ipp3a_notice_missing(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """People are told about information collected about them from someone else (IPP3A).

    What it checks:
        For identifying information collected from someone other than the person on or after
        IPP3A's commencement (``collected_on`` against `Settings.ipp3a_commencement`, 1 May
        2026), the notice to the person (``notice``) covers the fact of collection, the
        purpose, the recipients, the agency's name and address, and access and correction
        rights. A notice never given, or one leaving a matter out, is not met; a claimed
        IPP3A exception needs review; a collection date not recorded needs review. Earlier
        and direct collections are not applicable.
    Why it matters:
        Until IPP3A, people often never learned that an agency had obtained their
        information from another source. From 1 May 2026 the Privacy Act requires agencies
        to tell them, unless an exception applies.
    How to meet it:
        Send or give people a notice covering each matter as soon as reasonably practicable
        after collection, or record the exception relied on and why.
    References:
        Privacy Act 2020, IPP3A (inserted by the Privacy Amendment Act 2025, in force for
        information collected on or after 1 May 2026). DPUP Transparency and Choice.
    """
    source = collection.source
    if source is None:
        return unrecorded("who the information is collected from", "source")
    if source.direct:
        return not_applicable("The information is collected from the person (IPP3 applies).")
    identifying = identifying_state(collection.items)
    if identifying is False:
        return not_applicable("Nothing identifying is collected.", "items")
    if identifying is None:
        return unrecorded("whether the items identify people", "items")
    day = collection.collected_on
    if day is None:
        return unrecorded(
            "when collection starts, which decides whether IPP3A applies", "collected_on"
        )
    if day < ctx.settings.ipp3a_commencement:
        return not_applicable("The collection predates IPP3A.", "collected_on")
    notice = collection.notice
    if notice is None:
        return unrecorded("what the person was told about the collection", "notice")
    if notice.exception is not None:
        return needs_review(
            "An exception is claimed instead of telling the person.",
            "notice.exception",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm the recorded IPP3A exception applies and why (notice.exception)",
            ),
        )
    if notice.timing is NoticeTiming.NEVER:
        return not_met("The person is never told about the indirect collection.", "notice.timing")
    recipients: bool | None
    if notice.recipients is None:
        recipients = None
    else:
        recipients = bool(notice.recipients) or not identifiable_disclosures(ctx.activity)
    core = {
        "notice.fact_of_collection": notice.fact_of_collection,
        "notice.purpose": notice.purpose,
        "notice.recipients": recipients,
        "notice.agency_name_address": notice.agency_name_address,
        "notice.access_correction_rights": notice.access_correction_rights,
    }
    missing, unknown = split_facts(core)
    if missing:
        return not_met("The notice leaves out matters IPP3A requires.", *missing)
    if unknown:
        return unrecorded("whether the notice covers every IPP3A matter", *unknown)
    if not notice.law:
        return needs_review(
            "The notice may need to name a law that authorises or requires the collection.",
            "notice.law",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm whether a law authorises or requires the collection (notice.law)",
            ),
        )
    return met("The person is told what IPP3A requires.", "notice")
