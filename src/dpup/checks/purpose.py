"""Purpose Matters: be clear why information is needed, and take only what that needs.

Source: DPUP's Purpose Matters guideline, purpose-statement toolkit and funding checklist;
Privacy Act 2020 IPP1, IPP2, IPP3A, IPP5 and IPP8 to IPP12. See
``docs/guidelines/purpose-matters.md``.

The family's checks live in this module (PM001 to PM005) and in private modules grouped by
subject: ``_purpose_statement`` (purpose statements), ``_purpose_collection`` and
``_purpose_source`` (collections), ``_purpose_flows`` (uses and disclosures) and
``_purpose_reporting`` (agreements). `CHECKS` lists them all in id order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dpup.checks._purpose_collection import (
    catch_all_consent_wording,
    checks_and_balances_skipped,
    harms_not_weighed,
    linking_undisclosed,
    no_less_intrusive_alternative,
    retention_undefined,
    sensitive_data_unguarded,
)
from dpup.checks._purpose_flows import (
    accuracy_unchecked,
    disclosure_beyond_purpose,
    overseas_disclosure_without_basis,
    use_beyond_purpose,
)
from dpup.checks._purpose_helpers import HT as _HT
from dpup.checks._purpose_helpers import KT as _KT
from dpup.checks._purpose_helpers import MW as _MW
from dpup.checks._purpose_helpers import generic, vague
from dpup.checks._purpose_reporting import (
    identifying_accountability_reporting,
    overseas_recipient_without_basis,
    recipient_access_not_purpose_bound,
    reporting_beyond_minimum,
    secondary_use_not_agreed,
)
from dpup.checks._purpose_source import (
    indirect_collection_without_exception,
    ipp3a_notice_missing,
    supplier_not_told,
)
from dpup.checks._purpose_statement import (
    no_tangible_benefit,
    purpose_limits_unstated,
    purpose_statement_incomplete,
    statutory_power_unconfirmed,
)
from dpup.checks._rules import Rule
from dpup.checks._util import unrecorded
from dpup.engine import Check, EvaluationContext, Outcome, check, met, needs_review, not_met
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Activity, Collection, Purpose

__all__ = ["CHECKS", "RULES"]


@check(
    id="PM001",
    name="purpose-without-authority",
    principles=(_HT, _KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.HIGH,
    subject=Purpose,
    remediation=(
        "Write down what the information is for, and which of the agency's functions or "
        "which law, contract or agreement that purpose rests on."
    ),
    tags=("purpose-statement",),
)
def purpose_without_authority(purpose: Purpose, ctx: EvaluationContext) -> Outcome:
    """A purpose is stated and tied to an agency function or a legal authority.

    What it checks:
        The purpose says what the information is for (``why``) and names at least one agency
        function (``functions``) or instrument it relies on (``law``).
    Why it matters:
        IPP1 lets an agency collect personal information only for a lawful purpose connected
        with its functions. Without a stated purpose nobody can judge what is necessary, and
        later uses cannot be tested against it.
    How to meet it:
        Record the purpose in plain words and link it to a function of the agency or to the
        statute, contract or agreement that authorises it.
    References:
        Privacy Act 2020, IPP1. DPUP Purpose Matters: be clear about purpose and collection.
    """
    if purpose.why is None:
        return unrecorded("the purpose itself", "why")
    if not purpose.why.strip():
        return not_met("The purpose statement is empty.", "why")
    if purpose.functions or purpose.law:
        return met("The purpose is tied to a function or authority.", "functions", "law")
    if purpose.functions is None or purpose.law is None:
        # Neither links anything, and one is not recorded: "not recorded" is never "none".
        return needs_review(
            "The purpose is stated, but no function or authority is linked to it.",
            "functions",
            "law",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "name the agency function the purpose connects to (functions)",
                "or the law, contract or agreement it relies on (law)",
            ),
        )
    return not_met(
        "The purpose is recorded as resting on no function and no authority.",
        "functions",
        "law",
    )


@check(
    id="PM002",
    name="catch-all-purpose",
    principles=(_MW, _HT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1, LegalRef.IPP10),
    severity=Severity.HIGH,
    subject=Purpose,
    remediation=(
        "Replace open-ended wording with the specific purposes genuinely intended now; add a "
        "new purpose (and tell people) when a new use really arises."
    ),
    tags=("purpose-statement", "wording"),
)
def catch_all_purpose(purpose: Purpose, ctx: EvaluationContext) -> Iterator[Outcome]:
    """A purpose does not use catch-all or "future-proofing" wording.

    What it checks:
        The purpose (``why``) and the choices described (``choices``) contain none of the
        configured catch-all phrases, such as "any other purpose", "from time to time" or
        "relevant agencies". Phrases match as whole words, ignoring case and punctuation.
        A purpose that is broad rather than open-ended (a word such as "monitoring" or
        "research" with nothing recorded in ``feeds``) needs review.
    Why it matters:
        DPUP says vague purposes added to hedge bets about future use are not acceptable, and
        that relying on broad or future-proofing purposes or consents is not appropriate.
        Such wording also weakens the IPP1 purpose and the IPP10 limit on use that hangs off it.
    How to meet it:
        State each purpose genuinely intended at collection. Drop open-ended phrases; if a new
        use comes up later, assess it against IPP10 and tell people.
    References:
        DPUP Purpose Matters: be clear about purpose and use; Mana Whakahaere principle.
        Privacy Act 2020, IPP1 and IPP10. The phrase lists are `Settings.catch_all_phrases`
        and `Settings.vague_purpose_phrases`.
    """
    phrases = ctx.settings.catch_all_phrases
    texts = [("why", purpose.why), ("choices", purpose.choices)]
    recorded = [(path, text) for path, text in texts if text is not None]
    if not recorded:
        yield unrecorded("the purpose wording", "why")
        return
    flagged = [path for path, text in recorded if phrases.search(text)]
    if flagged:
        yield not_met("The purpose uses catch-all or future-proofing wording.", *flagged)
    elif vague(purpose, ctx.settings):
        yield needs_review(
            "The purpose is broad and names no process or decision it feeds.",
            "why",
            "feeds",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record the processes, activities or decisions the purpose feeds (feeds)",
                "or narrow the wording to what is genuinely intended (why)",
            ),
        )
    else:
        yield met("The purpose wording is specific.", *(p for p, _ in recorded))


@check(
    id="PM003",
    name="item-without-purpose",
    principles=(_HT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Link every item to the purpose that needs it and say why; stop collecting items "
        "that no purpose needs."
    ),
    tags=("minimisation",),
)
def item_without_purpose(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Every collected item serves a stated purpose, with a justification.

    What it checks:
        Each item in the collection lists at least one purpose id (``items[].purposes``) and
        a justification (``items[].justification``). An item with no purpose is not met; a
        missing purpose link, or a justification that is missing or generic on its own
        ("for reporting", "required"), needs review.
    Why it matters:
        IPP1 allows collection only where it is necessary for the purpose. An item that no
        purpose needs is over-collection, which DPUP's Purpose Matters guideline names as
        unlawful.
    How to meet it:
        For each item, name the purpose it serves and why that purpose needs it, or stop
        collecting it.
    References:
        Privacy Act 2020, IPP1(1)(b). DPUP Purpose Matters: assess purpose and only collect
        what is needed. Generic justifications are `Settings.generic_justifications`.
    """
    if not collection.items:
        return unrecorded("the items collected", "items")
    orphans = [
        f"items[{i}].purposes"
        for i, item in enumerate(collection.items)
        if item.purposes is not None and not item.purposes
    ]
    if orphans:
        return not_met("Some items serve no stated purpose.", *orphans)
    unlinked = [
        f"items[{i}].purposes" for i, item in enumerate(collection.items) if item.purposes is None
    ]
    generic_words = ctx.settings.generic_justifications
    unjustified = [
        f"items[{i}].justification"
        for i, item in enumerate(collection.items)
        if not (item.justification and item.justification.strip())
        or generic(item.justification, generic_words)
    ]
    if unlinked or unjustified:
        return needs_review(
            "Some items lack a recorded purpose link or a specific justification.",
            *unlinked,
            *unjustified,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "for each listed item, record the purposes it serves and why they need it",
            ),
        )
    return met("Every item serves a stated purpose with a justification.", "items")


@check(
    id="PM004",
    name="identifying-without-need",
    principles=(_HT, _KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Collect the information in non-identifying form, or record why the purpose cannot "
        "be met without knowing who people are."
    ),
    tags=("minimisation", "identifiability"),
)
def identifying_without_need(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Identifying information is collected only where the purpose needs it.

    What it checks:
        If any item is identifying, the collection records that its purpose requires
        identity (``requires_identity``) and why (``identity_justification``).
    Why it matters:
        IPP1(2) says that where a lawful purpose does not need identifying information, the
        agency must not require it. The ICLD episode showed how demanding names for
        programme reporting destroys trust.
    How to meet it:
        Use de-identified or aggregate data where that does the job; otherwise record why
        identity is needed.
    References:
        Privacy Act 2020, IPP1(2). DPUP Purpose Matters; Office of the Privacy Commissioner's
        2017 inquiry into MSD's client-level data requirements.
    """
    if not collection.items:
        return unrecorded("the items collected", "items")
    identifying = [
        f"items[{i}].identifiability"
        for i, item in enumerate(collection.items)
        if item.identifiability is not None and item.identifiability.is_identifying
    ]
    unknown = [
        f"items[{i}].identifiability"
        for i, item in enumerate(collection.items)
        if item.identifiability is None
    ]
    if not identifying:
        if unknown:
            return unrecorded("whether some items identify people", *unknown)
        return met("No identifying information is collected.", "items")
    if collection.requires_identity is False:
        return not_met(
            "Identifying items are collected although the purpose does not need identity.",
            "requires_identity",
            *identifying,
        )
    if collection.requires_identity is None:
        return unrecorded("whether the purpose needs people to be identified", "requires_identity")
    if not (collection.identity_justification and collection.identity_justification.strip()):
        return needs_review(
            "Identity is said to be needed, but no reason is recorded.",
            "identity_justification",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("record why the purpose needs identity (identity_justification)",),
        )
    return met("Identity is needed for the purpose, with a reason recorded.", "requires_identity")


@check(
    id="PM005",
    name="no-purpose-recorded",
    principles=(_HT, _KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.CRITICAL,
    subject=Activity,
    remediation=(
        "Write a purpose statement before collecting, using or sharing anything, and link "
        "each collection and disclosure to it."
    ),
    tags=("purpose-statement",),
)
def no_purpose_recorded(activity: Activity, ctx: EvaluationContext) -> Outcome:
    """An activity that handles information has at least one stated purpose.

    What it checks:
        If the activity collects, shares or discloses anything (``collections``,
        ``agreements``, ``disclosures``), it records at least one purpose (``purposes``).
    Why it matters:
        "It all starts with why": IPP1 permits collection only for a lawful purpose, and
        without one recorded neither the necessity of each item nor the limits on later use
        and disclosure can be judged.
    How to meet it:
        Record a purpose statement following DPUP's six-element template and refer to it
        from every collection, item and disclosure.
    References:
        Privacy Act 2020, IPP1. DPUP Purpose Matters; how to write a purpose statement.
    """
    handles = bool(activity.collections or activity.agreements or activity.disclosures)
    if activity.purposes:
        return met("The activity records its purposes.", "purposes")
    if handles:
        return not_met(
            "Information is collected or shared, but no purpose is recorded.",
            "purposes",
            "collections",
            "disclosures",
        )
    return unrecorded(
        "the purpose of the activity and what information it handles",
        "purposes",
        "collections",
    )


CHECKS: tuple[Check[Any], ...] = (
    purpose_without_authority,
    catch_all_purpose,
    item_without_purpose,
    identifying_without_need,
    no_purpose_recorded,
    catch_all_consent_wording,
    no_less_intrusive_alternative,
    no_tangible_benefit,
    harms_not_weighed,
    checks_and_balances_skipped,
    statutory_power_unconfirmed,
    indirect_collection_without_exception,
    supplier_not_told,
    ipp3a_notice_missing,
    use_beyond_purpose,
    disclosure_beyond_purpose,
    overseas_disclosure_without_basis,
    overseas_recipient_without_basis,
    purpose_statement_incomplete,
    purpose_limits_unstated,
    linking_undisclosed,
    retention_undefined,
    sensitive_data_unguarded,
    recipient_access_not_purpose_bound,
    accuracy_unchecked,
    identifying_accountability_reporting,
    secondary_use_not_agreed,
    reporting_beyond_minimum,
)
"""The Purpose Matters checks, in id order."""

RULES: tuple[Rule, ...] = (
    Rule("PM-01", "Purpose recorded and tied to a function or legal authority", ("PM001", "PM005")),
    Rule("PM-02", "No catch-all or future-proofing purposes or consents", ("PM002", "PM006")),
    Rule("PM-03", "Every collected item is necessary for a stated purpose", ("PM003",)),
    Rule("PM-04", "Identifying information only where the purpose needs it", ("PM004",)),
    Rule("PM-05", "Less intrusive options and opt-outs weighed first", ("PM007",)),
    Rule("PM-06", "A tangible benefit and who gains from it are stated", ("PM008",)),
    Rule("PM-07", "Risks and harms weighed against the benefits", ("PM009",)),
    Rule("PM-08", "Checks and balances used when a trigger applies", ("PM010",)),
    Rule(
        "PM-09",
        "A statutory power relied on covers both the information and the reason",
        ("PM011",),
        reason=(
            "Whether a statutory power covers this information and this reason is a question "
            "of statutory interpretation."
        ),
        instead=(
            "PM011 fails a claimed statute with no citation and asks a legal adviser to "
            "confirm the scope of a cited one, recorded in law[].coverage_confirmed."
        ),
    ),
    Rule("PM-10", "Collected from the person unless an IPP2 exception applies", ("PM012",)),
    Rule("PM-11", "A supplying agency is told purpose, onward sharing and obligation", ("PM013",)),
    Rule("PM-12", "People told about indirect collection from 1 May 2026 (IPP3A)", ("PM014",)),
    Rule(
        "PM-13",
        "Each use stays within the collection purposes or has an IPP10 ground",
        ("PM015",),
        reason=(
            "Whether a use is directly related to the collection purpose, or another IPP10 "
            "exception applies, is a judgement on the facts."
        ),
        instead=(
            "PM015 decides uses within the recorded purposes and sends every claimed "
            "exception to a legal adviser with the ground and items to confirm."
        ),
    ),
    Rule(
        "PM-14",
        "Each disclosure stays within the collection purposes or has an IPP11 ground",
        ("PM016",),
        reason=(
            "Whether an IPP11 exception or a special statute (Oranga Tamariki Act, Family "
            "Violence Act, a court order) applies to a given disclosure is a judgement."
        ),
        instead=(
            "PM016 decides disclosures within the recorded purposes and sends every claimed "
            "exception to a legal adviser; TC rules check the recipient was named up front."
        ),
    ),
    Rule("PM-15", "Overseas recipients have an IPP12 basis", ("PM017", "PM018")),
    Rule("PM-16", "The purpose statement covers DPUP's six elements", ("PM019",)),
    Rule("PM-17", "The purpose says what won't happen and who won't see it", ("PM020",)),
    Rule("PM-18", "Matching and linking are stated and explained", ("PM021",)),
    Rule("PM-19", "A retention period is set, tied to purpose, and kept to", ("PM022",)),
    Rule(
        "PM-20",
        "Sensitive data protected; access limited by purpose",
        ("PM023", "PM024", "SV013"),
    ),
    Rule(
        "PM-21",
        "Accuracy checked before information feeds a decision",
        ("PM025",),
        reason=(
            "Whether a recorded accuracy check was real and adequate (rather than "
            "self-attested) cannot be seen in the record."
        ),
        instead=(
            "PM025 fails a decision-feeding use or disclosure with no check recorded; the "
            "quality of the check is left to the practice lead."
        ),
    ),
    Rule("PM-22", "Accountability reporting is non-identifying by default", ("PM026",)),
    Rule("PM-23", "Further uses of agreement data are agreed and explained", ("PM027",)),
    Rule("PM-24", "Reporting carries only what agreed purposes need", ("PM028",)),
)
"""Purpose Matters rules (domain reference section 9.1) and their coverage."""
