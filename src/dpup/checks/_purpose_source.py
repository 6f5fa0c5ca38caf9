"""Purpose Matters checks on where information comes from (subject: `Collection`).

IPP2 (collect from the person), DPUP's advice on telling a supplying agency, and IPP3A
(telling the person about indirect collection, from 1 May 2026). Part of the Purpose
Matters family; ``dpup.checks.purpose`` lists them in ``CHECKS``.
"""

from __future__ import annotations

from dpup.checks._purpose_helpers import KT, MH, MW, identifiable_disclosures, identifying_state
from dpup.checks._util import unrecorded
from dpup.engine import (
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection, NoticeTiming, Source

__all__ = ["indirect_collection_without_exception", "ipp3a_notice_missing", "supplier_not_told"]


@check(
    id="PM012",
    name="indirect-collection-without-exception",
    principles=(MW, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP2,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Collect the information from the person it is about, or record the IPP2 exception "
        "relied on (for example that the person authorised another source) and why it applies."
    ),
    tags=("source",),
)
def indirect_collection_without_exception(
    collection: Collection, ctx: EvaluationContext
) -> Outcome:
    """Personal information comes from the person, unless an IPP2 exception is recorded.

    What it checks:
        For a collection with identifying items, the source (``source``) is the person
        themselves. Another source with an IPP2 exception recorded (``ipp2_exception``)
        needs review, since someone must confirm the exception applies; another source with
        none recorded is not met.
    Why it matters:
        IPP2 makes the person the default source of their own information, so they know it
        is being collected and can shape what is said. Collecting it from others (another
        agency, whānau, a public source) is lawful only where an exception applies.
    How to meet it:
        Ask the person directly, or record the exception and the reasons the agency believes
        it applies.
    References:
        Privacy Act 2020, IPP2. DPUP Mana Whakahaere principle.
    """
    if identifying_state(collection.items) is False:
        return not_applicable("Nothing identifying is collected.", "items")
    source = collection.source
    if source is None:
        return unrecorded("who the information is collected from", "source")
    if source.direct:
        return met("The information is collected from the person it is about.", "source")
    if collection.ipp2_exception is not None:
        return needs_review(
            "The information comes from someone other than the person, under a claimed IPP2 "
            "exception.",
            "source",
            "ipp2_exception",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm the recorded IPP2 exception applies and record why (ipp2_exception)",
            ),
        )
    return not_met(
        "The information comes from someone other than the person, and no IPP2 exception is "
        "recorded.",
        "source",
        "ipp2_exception",
    )


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
    missing = [path for path, told in core.items() if told is False]
    if missing:
        return not_met("The notice leaves out matters IPP3A requires.", *missing)
    unknown = [path for path, told in core.items() if told is None]
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
