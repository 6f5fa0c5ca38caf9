"""PM014 ipp3a-notice-missing: a Purpose Matters check.

People are told about information collected about them from someone else (IPP3A).

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm014_ipp3a_notice_missing.py``.
"""

from __future__ import annotations

from datetime import date

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
from dpup.checks.purpose_matters._helpers import identifying_state
from dpup.facts import identifiable_disclosures
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection, Ipp3Exception, NoticeTiming

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
        "any law that authorises or requires the collection, and their rights to see and "
        "correct it."
    ),
    tags=("source", "notice"),
    provision="IPP3A(1)",
    condition=(
        "An agency that collects personal information from someone other than the person, "
        "on or after IPP3A's commencement, takes reasonable steps to make the person aware "
        "of the IPP3A(1) matters, unless an IPP3A exception applies."
    ),
)
def ipp3a_notice_missing(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """People are told about information collected about them from someone else (IPP3A).

    What it checks:
        For identifying information collected from someone other than the person, whether
        any of it is collected on or after IPP3A's commencement
        (`Settings.ipp3a_commencement`, 1 May 2026), judged from the period of collection:
        its start (``collected_on``), its end (``collected_until``) and whether it is still
        running (``ongoing``). A collection that ended before that date is not applicable;
        one that started on or after it, ended on or after it or is still running is covered,
        whenever it began. Where the record cannot tell (it started earlier, and neither an
        end nor whether it continues is recorded) it needs review.

        For a covered collection, the notice to the person (``notice``) tells them of the
        fact of collection, the purpose, the recipients, the agency's name and address, and
        access and correction rights. Naming the law is required only where a law
        authorises or requires the collection (``authorised_by_law``, or
        ``required_by_law``); where that is not recorded and the notice names no law, it
        needs review. A notice leaving out a required matter is not met. A person never
        told is not met only when the record says no exception applies
        (``notice.exception`` is ``none``); with the exception not recorded it needs review.
        A claimed IPP3A exception needs review; a ground IPP3A does not provide (the
        person's authorisation, an IPP3 ground) is sent for review as such.
    Why it matters:
        Until IPP3A, people often never learned that an agency had obtained their
        information from another source. IPP3A requires agencies to tell them, for
        information collected from its commencement on, unless an exception applies; a
        referral feed that started earlier and keeps running is covered for what it
        collects from that date.
    How to meet it:
        Record the period of collection. Send or give people a notice covering each matter
        as soon as reasonably practicable after collection, naming any law that authorises
        or requires the collection, or record the IPP3A exception relied on and why.
    References:
        Privacy Act 2020, IPP3A (inserted by the Privacy Amendment Act 2025; in force 1 May
        2026, for information collected on or after that date). Exceptions as listed by the
        Privacy Commissioner (https://www.privacy.org.nz/privacy-principles/3a/). DPUP
        Transparency and Choice.
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
    outside = _outside_ipp3a(collection, ctx.settings.ipp3a_commencement)
    if outside is not None:
        return outside
    notice = collection.notice
    if notice is None:
        return unrecorded("what the person was told about the collection", "notice")
    exception = notice.exception
    if exception is not None and exception is not Ipp3Exception.NONE:
        if not exception.under_ipp3a:
            return needs_review(
                "The exception recorded is one IPP3 provides for collection from the person, "
                "not one IPP3A provides for information collected from someone else.",
                "notice.exception",
                reviewer=Reviewer.LEGAL_ADVISER,
                settle_with=(
                    "record the IPP3A exception relied on, if any (notice.exception), or "
                    "tell the person",
                ),
            )
        return claimed_exception(
            "An IPP3A exception is claimed instead of telling the person.",
            "notice.exception",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm the recorded IPP3A exception applies and why (notice.exception)",
            ),
        )
    if notice.timing is NoticeTiming.NEVER:
        if exception is None:
            return unrecorded(
                "whether an IPP3A exception applies, since the person is never told",
                "notice.exception",
            )
        return not_met(
            "The person is never told about the indirect collection, and no exception applies.",
            "notice.timing",
            "notice.exception",
        )
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
    law = collection.law_applies
    if law:
        core["notice.law"] = notice.law
    missing, unknown = split_facts(core)
    if missing:
        basis = ("required_by_law" if collection.required_by_law else "authorised_by_law",)
        return not_met(
            "The notice leaves out matters IPP3A requires.",
            *missing,
            *(basis if "notice.law" in missing else ()),
        )
    if unknown:
        return unrecorded("whether the notice covers every IPP3A matter", *unknown)
    if law is None and not notice.law:
        return needs_review(
            "Not recorded whether a law authorises or requires the collection; if one does, "
            "the notice must name it.",
            "authorised_by_law",
            "notice.law",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record whether a law authorises or requires the collection "
                "(authorised_by_law), and if so name it in the notice (notice.law)",
            ),
        )
    return met("The person is told what IPP3A requires.", "notice")


def _outside_ipp3a(collection: Collection, commencement: date) -> Outcome | None:
    """The outcome for a collection IPP3A does not reach, or may not; ``None`` if it does.

    IPP3A covers what is collected on or after its commencement, whenever collection began:
    the question is whether any day of the period falls on or after that date.
    """
    start, end, ongoing = collection.collected_on, collection.collected_until, collection.ongoing
    if end is not None:
        if end < commencement:
            return not_applicable(
                "The collection ended before IPP3A's commencement.", "collected_until"
            )
        return None
    if (start is not None and start >= commencement) or ongoing:
        return None
    if start is None:
        paths = ("collected_on", "collected_until") + (() if ongoing is False else ("ongoing",))
        return unrecorded(
            "when collection started, and when it ended or whether it is ongoing, which "
            "decides whether IPP3A applies",
            *paths,
        )
    if ongoing is False:
        return unrecorded(
            "when the collection ended, which decides whether anything was collected once "
            "IPP3A applied",
            "collected_until",
        )
    return unrecorded(
        "whether collection that started before IPP3A's commencement continued on or after "
        "it (an end date, or whether it is ongoing)",
        "collected_until",
        "ongoing",
    )
