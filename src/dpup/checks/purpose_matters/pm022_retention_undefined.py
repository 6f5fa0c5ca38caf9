"""PM022 retention-undefined: a Purpose Matters check.

Information is not kept past the period its lawful purposes need.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm022_retention_undefined.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import identifying_state, present
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection, RetentionGround, RetentionStart, Sector

__all__ = ["retention_undefined"]


def _counted_from_later(starts: RetentionStart | None) -> Outcome:
    """Records older than the period, when the period may run from a later event than collection.

    The age of the oldest record is counted from collection; a period counted from the last
    contact or the person leaving ends later than that, so the record may still be within it.
    """
    if starts is None:
        return unrecorded(
            "when the retention period starts (from collection, or from a later event such "
            "as the person leaving), since records older than the period are held",
            "retention.starts",
            "retention.oldest_record_months",
        )
    return needs_review(
        "Records are older than the retention period, but the period runs from a later event "
        "than collection, so they may still be within it.",
        "retention.starts",
        "retention.oldest_record_months",
        "retention.period_months",
        reviewer=Reviewer.PRIVACY_OFFICER,
        settle_with=(
            "check each old record against the period counted from its own starting event "
            "(retention.starts), and dispose of those past it",
        ),
    )


@check(
    id="PM022",
    name="retention-undefined",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP9,),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Work out how long the purposes the information may lawfully be used for need it "
        "(including any legal duty to keep it, such as a Public Records Act 2005 disposal "
        "authority for a public office), record that period and what it rests on, and "
        "dispose of records older than it or record why they are still needed."
    ),
    tags=("retention",),
    provision="IPP9",
    condition=(
        "Personal information is not kept longer than the purposes for which it may lawfully "
        "be used require."
    ),
)
def retention_undefined(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Information is not kept past the period its lawful purposes need.

    What it checks:
        A retention period (``retention.period_months``) and what it rests on
        (``retention.ground``) are recorded. Only a period worked out from the lawful
        purposes (``purposes``), a Public Records Act 2005 disposal authority
        (``public-records-act``) or another law (``other-law``) is the IPP9 limit; a period
        that is only the agency's own choice (``agency-policy``) is evidence, not the test,
        so it needs review. Records older than an IPP9 limit
        (``retention.oldest_record_months``) are not met unless a reason is recorded
        (``retention.overdue_reason``), which then needs review. That comparison holds only
        for a period counted from collection (``retention.starts`` is ``collection``): a
        period counted from a later event (the last contact, the person leaving) needs
        review, and one whose start is not recorded asks for it. A Public Records Act ground
        for an agency recorded as not in the public sector needs review, since that Act
        binds public offices and local authorities. For a collection already under way, the
        age of the oldest record is needed. Collections with nothing identifying are not
        applicable.
    Why it matters:
        IPP9 bars keeping personal information longer than the purposes for which it may
        lawfully be used require. The test is those purposes, not whatever period the
        agency happens to have set: a blanket seven-year schedule can be too long for a
        one-off linkage and too short for a record a law says must be kept. Public offices
        and local authorities also hold public records under the Public Records Act 2005,
        which forbids disposing of them without the Chief Archivist's authority; a legal
        duty to keep information is itself a lawful purpose. Old records nobody needs are a
        standing risk.
    How to meet it:
        Record how long the purposes need the information and what that rests on (the
        purposes, the disposal authority, the law), and check the oldest records against
        it.
    References:
        Privacy Act 2020, s 22, IPP9
        (https://privacy.org.nz/agency-not-to-keep-personal-information-for-longer-than-necessary-principle-nine);
        Public Records Act 2005, s 18
        (https://www.legislation.govt.nz/act/public/2005/0040/latest/DLM345730.html). DPUP
        Kaitiakitanga principle (keep data only while it is useful, relevant and
        necessary).
    """
    if identifying_state(collection.items) is False:
        return not_applicable("Nothing identifying is collected.", "items")
    retention = collection.retention
    if retention is None or retention.period_months is None:
        return unrecorded(
            "how long the purposes need the information kept", "retention.period_months"
        )
    ground = retention.ground
    if ground is None:
        return unrecorded(
            "what the retention period rests on (the lawful purposes, a law, or only the "
            "agency's own choice)",
            "retention.ground",
        )
    if not ground.ties_to_purposes:
        return needs_review(
            "The retention period is the agency's own choice; IPP9's limit is how long the "
            "lawful purposes need the information, which is not recorded.",
            "retention.ground",
            "retention.period_months",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "work out how long the purposes need the information and record it "
                "(retention.period_months) with what it rests on (retention.ground)",
                "compare the oldest records with that period (retention.oldest_record_months)",
            ),
        )
    if ground is RetentionGround.PUBLIC_RECORDS_ACT:
        agency = ctx.activity.agency if ctx.activity is not None else None
        if agency is not None and agency.sector in (Sector.NGO, Sector.PRIVATE):
            return needs_review(
                "The retention period rests on the Public Records Act 2005, but the agency is "
                "recorded as outside the public sector.",
                "retention.ground",
                "$.agency.sector",
                reviewer=Reviewer.LEGAL_ADVISER,
                settle_with=(
                    "confirm the records are public records of a public office or local "
                    "authority, or record the ground the period really rests on "
                    "(retention.ground)",
                ),
            )
    oldest = retention.oldest_record_months
    if oldest is not None and oldest > retention.period_months:
        if retention.starts is not RetentionStart.COLLECTION:
            return _counted_from_later(retention.starts)
        if present(retention.overdue_reason):
            return needs_review(
                "Records are kept past the period the purposes need, for a recorded reason.",
                "retention.oldest_record_months",
                "retention.overdue_reason",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=(
                    "confirm the reason is a purpose the information may lawfully be used "
                    "for, and that it still needs the old records",
                ),
            )
        return not_met(
            "Records are kept past the period the lawful purposes need, with no reason recorded.",
            "retention.oldest_record_months",
            "retention.period_months",
            "retention.starts",
            "retention.ground",
        )
    started = collection.collected_on is None or collection.collected_on <= ctx.as_at
    if oldest is None and started:
        return unrecorded("the age of the oldest record held", "retention.oldest_record_months")
    return met("A retention period tied to the lawful purposes is set and kept to.", "retention")
