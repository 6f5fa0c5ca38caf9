"""Purpose Matters checks on what is collected and how it is looked after (subject: `Collection`).

Part of the Purpose Matters family; ``dpup.checks.purpose`` lists them in ``CHECKS``.
"""

from __future__ import annotations

from dpup._text import normalise
from dpup.checks._purpose_helpers import (
    HT,
    KT,
    MH,
    MN,
    MW,
    identifying_state,
    present,
    purposes_of,
    sensitive_identifying_paths,
)
from dpup.checks._util import collection_purposes, unrecorded
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
from dpup.model import Alternative, CheckAndBalance, Collection, Safeguard, Sensitivity

__all__ = [
    "catch_all_consent_wording",
    "checks_and_balances_skipped",
    "harms_not_weighed",
    "linking_undisclosed",
    "no_less_intrusive_alternative",
    "retention_undefined",
    "sensitive_data_unguarded",
]

_AFFECTED_GROUP_CHECKS = frozenset(
    {
        CheckAndBalance.SERVICE_USER_CONSULTATION,
        CheckAndBalance.PROVIDER_CONSULTATION,
        CheckAndBalance.MAORI_INVOLVEMENT,
    }
)
_MAORI_DATA = frozenset({Sensitivity.IWI, Sensitivity.ETHNICITY})


@check(
    id="PM006",
    name="catch-all-consent-wording",
    principles=(MW, HT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1, LegalRef.IPP10),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Rewrite the notice or consent form so it names the specific uses and recipients "
        "intended now; drop open-ended phrases such as 'any other purpose' or 'relevant "
        "agencies'."
    ),
    tags=("notice", "wording", "consent"),
)
def catch_all_consent_wording(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """The wording people are shown does not ask for catch-all or open-ended agreement.

    What it checks:
        The notice or consent wording supplied with the collection (``notice.text``)
        contains none of the configured catch-all phrases ("any other purpose", "from time
        to time", "relevant agencies", future uses ...). Phrases match as whole words,
        ignoring case and punctuation.
    Why it matters:
        DPUP's Mana Whakahaere principle says it is not appropriate to rely on broad or
        future-proofing consents for loosely defined later uses. People cannot agree in any
        real sense to something nobody has described, and such wording undermines the
        purpose limits of IPP1 and IPP10.
    How to meet it:
        Describe each use and recipient genuinely intended at collection. When a new use
        arises later, assess it and tell people then.
    References:
        DPUP Mana Whakahaere principle; Purpose Matters: be clear about purpose and use.
        Privacy Act 2020, IPP1 and IPP10. The phrase list is `Settings.catch_all_phrases`.
    """
    text = collection.notice.text if collection.notice is not None else None
    if text is None or not text.strip():
        return unrecorded(
            "the wording of the notice or consent form people are shown", "notice.text"
        )
    if ctx.settings.catch_all_phrases.search(text):
        return not_met("The notice or consent wording is open-ended.", "notice.text")
    return met("The notice or consent wording is specific.", "notice.text")


@check(
    id="PM007",
    name="no-less-intrusive-alternative",
    principles=(HT,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Before collecting identifying information, record which less intrusive options "
        "were weighed (non-identifying or aggregate data, a different analysis, sampling, "
        "linkage by a trusted third party) and whether some people could opt out."
    ),
    tags=("minimisation", "identifiability"),
)
def no_less_intrusive_alternative(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Less intrusive alternatives and opt-outs were considered for identifying collections.

    What it checks:
        For a collection with identifying items, at least one less intrusive alternative is
        recorded (``alternatives_considered``) and letting some people opt out was
        considered (``opt_out_considered``, or ``opt-out`` among the alternatives). An
        explicit "none considered" for either is not met.
    Why it matters:
        DPUP's Purpose Matters guideline asks whether a different analysis could need less
        personal information, and whether it must really come from every person every time.
        The Privacy Commissioner's 2017 inquiry found MSD had not adequately considered
        de-identified alternatives before demanding client-level data.
    How to meet it:
        Record the alternatives weighed and why each was or was not used, including an
        opt-out for people using sensitive services.
    References:
        DPUP Purpose Matters: assess purpose and only collect what is needed; where DPUP goes
        beyond the Privacy Act. Good practice beyond the law; nearest hook is IPP1's
        necessity test.
    """
    identifying = identifying_state(collection.items)
    if identifying is False:
        return not_applicable("No identifying information is collected.", "items")
    if identifying is None:
        return unrecorded("whether the items identify people", "items")
    alternatives = collection.alternatives_considered
    others = None if alternatives is None else set(alternatives) - {Alternative.OPT_OUT}
    if alternatives is not None and Alternative.OPT_OUT in alternatives:
        opt_out: bool | None = True
    else:
        opt_out = collection.opt_out_considered
    missing = []
    if others is not None and not others:
        missing.append("alternatives_considered")
    if opt_out is False:
        missing.append("opt_out_considered")
    if missing:
        return not_met(
            "Identifying information is collected without weighing less intrusive options.",
            *missing,
        )
    if others and opt_out:
        return met(
            "Less intrusive alternatives and an opt-out were considered.",
            "alternatives_considered",
            "opt_out_considered",
        )
    unknown = [
        path
        for path, state in (("alternatives_considered", others), ("opt_out_considered", opt_out))
        if state is None
    ]
    return unrecorded("which less intrusive options were considered", *unknown)


@check(
    id="PM009",
    name="harms-not-weighed",
    principles=(HT, KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Assess the risks and possible harms (for example people avoiding services, giving "
        "false details, or being exposed) and weigh them against the benefits before going "
        "ahead; a privacy impact assessment is one way."
    ),
    tags=("risk",),
)
def harms_not_weighed(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Risks and possible harms of an identifying or sensitive collection were assessed.

    What it checks:
        For a collection with identifying or sensitive items, a risk assessment was done
        (``risk_assessment.done``) and it names the harms considered
        (``risk_assessment.harms``). An assessment with no harms listed needs review.
    Why it matters:
        He Tāngata asks agencies to weigh risks and harms against the positives. The ICLD
        inquiry named harms nobody had weighed: people staying away from help, giving false
        information, or becoming invisible when providers served them off the books.
    How to meet it:
        Do a privacy impact assessment or equivalent, list the harms considered and how they
        are reduced, and revisit it when the collection changes.
    References:
        DPUP He Tāngata principle (weigh risks and harms); Purpose Matters: work through
        checks and balances. Good practice: the Privacy Act does not generally require a
        privacy impact assessment.
    """
    identifying = identifying_state(collection.items)
    sensitive = any(item.sensitivity for item in collection.items)
    if not (identifying or sensitive):
        unknown_sensitivity = any(item.sensitivity is None for item in collection.items)
        if identifying is None or unknown_sensitivity:
            return unrecorded("whether the items are identifying or sensitive", "items")
        return not_applicable("Nothing identifying or sensitive is collected.", "items")
    assessment = collection.risk_assessment
    if assessment is None:
        return unrecorded("whether risks and harms were assessed", "risk_assessment")
    if not assessment.done:
        return not_met(
            "Identifying or sensitive information is collected without assessing the risks.",
            "risk_assessment.done",
        )
    if not assessment.harms:
        return needs_review(
            "A risk assessment was done, but it records no harms.",
            "risk_assessment.harms",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("list the harms the assessment considered (risk_assessment.harms)",),
        )
    return met("Risks and harms were assessed.", "risk_assessment")


def _triggers(collection: Collection, ctx: EvaluationContext) -> tuple[list[str], list[str], bool]:
    """Return trigger paths, unknown-trigger paths, and whether Māori involvement is called for."""
    triggers: list[str] = []
    unknown: list[str] = []
    maori = any(s in _MAORI_DATA for item in collection.items for s in item.sensitivity or ())
    for i, item in enumerate(collection.items):
        if item.sensitivity is None:
            unknown.append(f"items[{i}].sensitivity")
        elif item.sensitivity:
            triggers.append(f"items[{i}].sensitivity")
        if item.purposes is not None and not item.purposes:
            triggers.append(f"items[{i}].purposes")
    activity = ctx.activity
    if activity is None:
        unknown.append("$.purposes")
        return triggers, unknown, maori
    for i, purpose in purposes_of(activity, collection_purposes(collection)):
        for name, state in (
            ("uncertain", purpose.uncertain),
            ("stakeholder_concern", purpose.stakeholder_concern),
        ):
            if state:
                triggers.append(f"$.purposes[{i}].{name}")
            elif state is None:
                unknown.append(f"$.purposes[{i}].{name}")
    complex_law = activity.agency.complex_legislation if activity.agency else None
    if complex_law:
        triggers.append("$.agency.complex_legislation")
    elif complex_law is None:
        unknown.append("$.agency.complex_legislation")
    if activity.audience is not None and activity.audience.maori_focus:
        maori = True
    return triggers, unknown, maori


@check(
    id="PM010",
    name="checks-and-balances-skipped",
    principles=(HT, MN, MH),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Where the information is sensitive, the purpose is uncertain, the law is complex or "
        "people have raised concerns, use checks and balances (management or legal review, "
        "an ethics committee, a privacy impact assessment) and involve the people affected."
    ),
    tags=("checks-and-balances",),
)
def checks_and_balances_skipped(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Checks and balances are used, with the people affected, when a trigger applies.

    What it checks:
        Triggers are: sensitive items (``items[].sensitivity``), an item serving no purpose,
        a purpose marked uncertain or the subject of concern from providers or service users
        (``uncertain``, ``stakeholder_concern``), and an agency working under complex
        legislation (``agency.complex_legislation``). When one applies, at least one check
        must be recorded (``checks_done``). If none of those checks involved service users,
        providers or Māori, or Māori were not involved although iwi or ethnicity data is
        collected or Māori are a focus, it needs review.
    Why it matters:
        DPUP's Purpose Matters guideline recommends checks and balances exactly when
        purposes, law or sensitivity make mistakes likely, and asks agencies to seek the
        views of those affected. The ICLD demand went ahead despite all of these triggers.
    How to meet it:
        Record the checks used, and include the affected groups (service users, providers,
        Māori and others with a specific interest).
    References:
        DPUP Purpose Matters: work through checks and balances; Manaakitanga (include service
        users); Mahitahitanga. Good practice beyond the law.
    """
    triggers, unknown, maori = _triggers(collection, ctx)
    checks = collection.checks_done
    if triggers:
        if checks is None:
            return needs_review(
                "Checks and balances are called for, but none are recorded.",
                "checks_done",
                *triggers,
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=("record the checks and balances used (checks_done)",),
            )
        if not checks:
            return not_met(
                "Triggers for checks and balances apply, but no check was used.",
                "checks_done",
                *triggers,
            )
        done = set(checks)
        if not done & _AFFECTED_GROUP_CHECKS:
            return needs_review(
                "Checks were used, but none involved the people affected.",
                "checks_done",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=(
                    "record whether service users, providers or Māori were consulted (checks_done)",
                ),
            )
        if maori and CheckAndBalance.MAORI_INVOLVEMENT not in done:
            return needs_review(
                "Data about Māori or a Māori focus is involved, but Māori were not involved "
                "in the checks.",
                "checks_done",
                reviewer=Reviewer.MAORI_ADVISER,
                settle_with=("record how Māori were involved in the checks (checks_done)",),
            )
        return met("Checks and balances were used, with the people affected.", "checks_done")
    if checks:
        return met("Checks and balances were used.", "checks_done")
    if unknown:
        return unrecorded("whether any trigger for checks and balances applies", *unknown)
    return met("No trigger for extra checks and balances applies.", "items")


@check(
    id="PM021",
    name="linking-undisclosed",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "List every dataset the information is matched or linked with in the purpose "
        "statement, and explain that purpose in the notice."
    ),
    tags=("purpose-statement", "linking", "no-surprises"),
)
def linking_undisclosed(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Every actual matching or linking is stated in the purpose and explained to people.

    What it checks:
        Each dataset the collection is matched or linked with (``linking``) appears in the
        ``linking`` list of one of the collection's purposes; and when the notice records
        which purposes it explains (``notice.uses_explained``), one such purpose is among
        them. Names are compared ignoring case and punctuation.
    Why it matters:
        Linking information with other data changes what can be learned about a person.
        DPUP's purpose-statement template, checklist and frontline guidance all ask agencies
        to say whether information will be matched or linked, and with what; finding out
        later is the kind of surprise that breaks trust.
    How to meet it:
        Name each linked dataset in the purpose statement, and make sure the notice explains
        that purpose.
    References:
        DPUP toolkit: purpose-statement template ("What": matched or linked with what) and
        checklist; frontline role summary. Good practice; it supports IPP3's purpose notice.
    """
    linking = collection.linking
    if linking is None:
        return unrecorded("whether the information is matched or linked with other data", "linking")
    if not linking:
        return not_applicable("The information is not matched or linked.", "linking")
    activity = ctx.activity
    if activity is None:
        return needs_review(
            "Linking is recorded, but no activity was given to find the purpose statements.",
            "linking",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("evaluate the collection with its activity as context",),
        )
    purposes = purposes_of(activity, collection_purposes(collection))
    stated: dict[str, set[str]] = {}
    for _, purpose in purposes:
        for dataset in purpose.linking or ():
            stated.setdefault(normalise(dataset), set()).add(purpose.id)
    missing = [f"linking[{j}]" for j, d in enumerate(linking) if normalise(d) not in stated]
    if missing:
        unknown = [f"$.purposes[{i}].linking" for i, p in purposes if p.linking is None]
        if unknown:
            return unrecorded("which linking the purposes state", *unknown, *missing)
        return not_met("Some linking is not stated in any purpose.", *missing)
    explained = collection.notice.uses_explained if collection.notice is not None else None
    if explained is not None:
        told = set(explained)
        untold = [f"linking[{j}]" for j, d in enumerate(linking) if not stated[normalise(d)] & told]
        if untold:
            return not_met(
                "Some linking is stated in a purpose that the notice does not explain.",
                *untold,
                "notice.uses_explained",
            )
    return met("Every linking is stated in the purpose.", "linking")


@check(
    id="PM022",
    name="retention-undefined",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP9,),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Set a retention period tied to the purpose (or a records schedule), and dispose of "
        "records older than it or record why they are still needed."
    ),
    tags=("retention",),
)
def retention_undefined(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """A retention period tied to the purpose is set, and records are not kept past it.

    What it checks:
        A retention period (``retention.period_months``) and its reason
        (``retention.basis``) are recorded; records older than the period
        (``retention.oldest_record_months``) are not met unless a reason is recorded
        (``retention.overdue_reason``), which then needs review. For a collection already
        under way, the age of the oldest record is needed. Collections with nothing
        identifying are not applicable.
    Why it matters:
        IPP9 forbids keeping personal information longer than the lawful purposes need.
        Without a period nobody can tell when that point is reached, and old records become
        a standing risk.
    How to meet it:
        Record the period and what it rests on (the purpose, a law, a records schedule),
        and check the oldest records against it.
    References:
        Privacy Act 2020, IPP9. DPUP Kaitiakitanga principle (keep data only while it is
        useful, relevant and necessary).
    """
    if identifying_state(collection.items) is False:
        return not_applicable("Nothing identifying is collected.", "items")
    retention = collection.retention
    if retention is None or retention.period_months is None:
        return unrecorded("how long the information is kept", "retention.period_months")
    oldest = retention.oldest_record_months
    if oldest is not None and oldest > retention.period_months:
        if present(retention.overdue_reason):
            return needs_review(
                "Records are kept past the retention period, for a recorded reason.",
                "retention.oldest_record_months",
                "retention.overdue_reason",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=("confirm the reason still justifies keeping the old records",),
            )
        return not_met(
            "Records are kept past the retention period with no reason recorded.",
            "retention.oldest_record_months",
            "retention.period_months",
        )
    if not present(retention.basis):
        return unrecorded("why the retention period suits the purpose", "retention.basis")
    started = collection.collected_on is None or collection.collected_on <= ctx.as_at
    if oldest is None and started:
        return unrecorded("the age of the oldest record held", "retention.oldest_record_months")
    return met("A retention period tied to the purpose is set and kept to.", "retention")


@check(
    id="PM023",
    name="sensitive-data-unguarded",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP5,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Limit who can see sensitive information to the roles that need it, and to the "
        "purposes it was collected for; record the safeguards."
    ),
    tags=("security", "sensitive"),
)
def sensitive_data_unguarded(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Sensitive identifying information is protected, with access limited by purpose.

    What it checks:
        For a collection with sensitive identifying items, the safeguards (``safeguards``)
        include an access limit (role-based or purpose-based). No access limit is not met;
        role-based access without purpose-based access needs review.
    Why it matters:
        IPP5 requires safeguards that are reasonable for the information, and sensitive
        information needs more. DPUP adds that access should be limited to the people
        working on the defined purposes, so information gathered for one reason is not
        browsed for another.
    How to meet it:
        Restrict access by role and by purpose (separate the data or the permissions per
        purpose), and record it.
    References:
        Privacy Act 2020, IPP5. DPUP Kaitiakitanga principle (security suited to the data);
        funding role guidance (restrict access to the defined purposes).
    """
    found, unknown = sensitive_identifying_paths(collection)
    if not found:
        if unknown:
            return unrecorded("whether sensitive identifying information is held", *unknown)
        return not_applicable("No sensitive identifying information is collected.", "items")
    safeguards = collection.safeguards
    if safeguards is None:
        return unrecorded("the safeguards protecting the information", "safeguards")
    if not any(s.limits_access for s in safeguards):
        return not_met(
            "Sensitive information is held with no limit on who can see it.",
            "safeguards",
            *found,
        )
    if Safeguard.PURPOSE_BASED_ACCESS not in safeguards:
        return needs_review(
            "Access is limited by role, but not to the purposes the information serves.",
            "safeguards",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record whether access is limited to people working on the collection's "
                "purposes (safeguards)",
            ),
        )
    return met("Access to sensitive information is limited by role and purpose.", "safeguards")
