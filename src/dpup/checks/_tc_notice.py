"""Transparency and Choice: what the collection notice says, and when it is given.

TC001, TC002, TC003, TC005, TC014, TC016 and TC017. Listed in id order in
``dpup.checks.transparency.CHECKS``.
"""

from __future__ import annotations

from dpup.checks._tc_shared import (
    KT,
    MN,
    MW,
    collection_flows,
    identifiable_disclosures,
    override_grounds_in_play,
)
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
from dpup.model import Collection, NoticeTiming

__all__ = [
    "children_without_suitable_notice",
    "confidentiality_exceptions_unexplained",
    "downstream_uses_unexplained",
    "notice_missing_ipp3_matters",
    "notice_too_late",
    "other_law_duties_unexplained",
    "vague_recipients",
]


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
    missing = [path for path, told in core.items() if told is False]
    if missing:
        return not_met("The notice leaves out matters IPP3 requires.", *missing)
    unknown = [path for path, told in core.items() if told is None]
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


@check(
    id="TC002",
    name="vague-recipients",
    principles=(KT, MW),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Name each organisation, and the role within it, that will see the information "
        "(e.g. 'the Ministry of Social Development, attendance numbers only')."
    ),
    tags=("notice", "wording"),
)
def vague_recipients(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """The notice names recipients specifically, not as "relevant agencies".

    What it checks:
        None of the recipients listed in the notice (``notice.recipients``) uses generic
        wording such as "relevant agencies", "partners" or "third parties".
    Why it matters:
        IPP3 asks that people know the intended recipients. DPUP's purpose-statement template
        goes further and asks for named organisations and roles: "relevant agencies" tells
        a person nothing and breeds fear of where their words will end up.
    How to meet it:
        List each organisation or role by name, and what each receives.
    References:
        DPUP purpose-statement template (How: who will have access). Privacy Act 2020,
        IPP3(1)(c). The phrase list is `Settings.generic_recipient_phrases`.
    """
    notice = collection.notice
    if notice is None or notice.recipients is None:
        return unrecorded("the recipients named in the notice", "notice.recipients")
    if not notice.recipients:
        if identifiable_disclosures(ctx.activity):
            return not_met(
                "The notice names no recipients, but information is disclosed.",
                "notice.recipients",
            )
        return not_applicable("No recipients are named and none receive the information.")
    phrases = ctx.settings.generic_recipient_phrases
    vague = [
        f"notice.recipients[{i}]" for i, r in enumerate(notice.recipients) if phrases.search(r)
    ]
    if vague:
        return not_met("The notice describes recipients in generic terms.", *vague)
    return met("Every recipient in the notice is named.", "notice.recipients")


@check(
    id="TC003",
    name="confidentiality-exceptions-unexplained",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.OT_S66, LegalRef.FV_S20, LegalRef.IPP11),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Explain up front, in plain words, when information may be shared without agreement: "
        "for example when Oranga Tamariki, Police or a court asks, or a child is at risk."
    ),
    tags=("notice", "no-surprises"),
)
def confidentiality_exceptions_unexplained(
    collection: Collection, ctx: EvaluationContext
) -> Outcome:
    """The limits of confidentiality are explained up front wherever they can apply.

    What it checks:
        Every ground on which the activity shares, or may share, without the person's
        agreement (Oranga Tamariki or Police requests, court requests, serious threat, family
        violence sharing) is listed in the notice (``notice.sharing_exceptions``). The
        grounds in play are those of the activity's disclosures and those recorded on its
        choices as possible overrides.
    Why it matters:
        Sharing under these grounds can be lawful without consent, but finding out afterwards
        destroys trust. DPUP and the family violence guidance encourage telling people when
        sharing can happen; the Oranga Tamariki provisions expect it.
    How to meet it:
        Add each ground to the notice in plain words, and have staff explain it when people
        start.
    References:
        DPUP Transparency and Choice; DPUP's information-sharing one-pager. Oranga Tamariki
        Act 1989, s 66; Family Violence Act 2018, s 20; Privacy Act 2020, IPP11.
    """
    grounds = override_grounds_in_play(ctx.activity)
    if not grounds:
        return not_applicable("No sharing without agreement is recorded for this activity.")
    notice = collection.notice
    if notice is None or notice.sharing_exceptions is None:
        return unrecorded(
            "which sharing exceptions the notice explains", "notice.sharing_exceptions"
        )
    missing = grounds - set(notice.sharing_exceptions)
    if missing:
        return not_met(
            "The notice does not explain every ground on which information may be shared "
            "without agreement.",
            "notice.sharing_exceptions",
        )
    return met(
        "Every ground for sharing without agreement is explained.", "notice.sharing_exceptions"
    )


@check(
    id="TC005",
    name="notice-too-late",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Tell people before or while their information is collected. Where that truly is not "
        "practicable, tell them as soon as practicable afterwards and record why it was late."
    ),
    tags=("notice", "timing"),
)
def notice_too_late(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """People are told before or at collection, or as soon as practicable after with a reason.

    What it checks:
        For information collected from the person, when the notice was given
        (``notice.timing``). Before or at collection is met. Afterwards needs review when a
        reason is recorded (``notice.late_reason``) and is not met without one. Never telling
        is not met unless an IPP3 exception is recorded, which needs review.
    Why it matters:
        IPP3 asks for the steps to be taken before collection or, if that is not
        practicable, as soon as practicable after it. People deciding what to share need to
        know the terms first; a notice that arrives later cannot shape that decision.
    How to meet it:
        Give the explanation at enrolment or intake, before the questions start. When it
        cannot be done then (for example in a crisis), record why and follow up promptly.
    References:
        Privacy Act 2020, IPP3(2) and IPP3(4). DPUP Transparency and Choice: help people to
        understand (tell people beforehand if practicable).
    """
    if collection.source is not None and not collection.source.direct:
        return not_applicable("Information is not collected from the person (see IPP3A).")
    notice = collection.notice
    if notice is None or notice.timing is None:
        return unrecorded("when people were told", "notice.timing")
    if notice.timing in (NoticeTiming.BEFORE, NoticeTiming.AT):
        return met("People are told before or at collection.", "notice.timing")
    if notice.exception is not None:
        return needs_review(
            "People are not told before collection, and an IPP3 exception is claimed.",
            "notice.timing",
            "notice.exception",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("confirm the recorded exception applies and why (notice.exception)",),
        )
    if notice.timing is NoticeTiming.NEVER:
        return not_met("People are never told about the collection.", "notice.timing")
    if notice.late_reason is not None and notice.late_reason.strip():
        return needs_review(
            "People are told only after collection; a reason is recorded.",
            "notice.timing",
            "notice.late_reason",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm telling people beforehand was not practicable (notice.late_reason)",
                "confirm they were told as soon as practicable afterwards (notice.timing)",
            ),
        )
    return not_met(
        "People are told only after collection, and no reason is recorded.",
        "notice.timing",
        "notice.late_reason",
    )


@check(
    id="TC014",
    name="downstream-uses-unexplained",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3, LegalRef.IPP10),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Explain what happens to the information beyond the service itself: what the funder "
        "receives and in what form, and any evaluation or research use, even when nobody "
        "can be identified."
    ),
    tags=("notice", "no-surprises"),
)
def downstream_uses_unexplained(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Non-identifying and downstream uses of the information are explained too.

    What it checks:
        Where the collection's information feeds non-identifying flows (disclosures recorded
        as not identifying anyone, aggregate or de-identified reporting under an agreement)
        the notice explains them (``notice.non_identifying_uses_explained``); where it feeds
        reporting, evaluation or research (agreements serving the collection's purposes,
        disclosures under an agreement or for statistics or research) the notice explains
        those uses (``notice.downstream_uses_explained``).
    Why it matters:
        DPUP asks agencies to explain what happens beyond frontline delivery, and to do so
        even when the use or sharing does not identify anyone. The law may not require it,
        but people's trust depends on it, and they often want to know how their information
        helps others.
    How to meet it:
        Add a plain sentence for each such use: who receives what, in what form, and why.
    References:
        DPUP Mana Whakahaere principle (explain even non-identifying uses); Transparency and
        Choice key concepts. Privacy Act 2020, IPP3 and IPP10.
    """
    flows = collection_flows(ctx.activity, collection)
    if not flows.non_identifying and not flows.downstream:
        return not_applicable(
            "No non-identifying or downstream use of this information is recorded."
        )
    notice = collection.notice
    if notice is None:
        return unrecorded("what people were told at collection", "notice")
    needed: dict[str, bool | None] = {}
    if flows.non_identifying:
        needed["notice.non_identifying_uses_explained"] = notice.non_identifying_uses_explained
    if flows.downstream:
        needed["notice.downstream_uses_explained"] = notice.downstream_uses_explained
    missing = [path for path, told in needed.items() if told is False]
    if missing:
        return not_met(
            "The information flows beyond the service, but the notice does not explain those uses.",
            *missing,
            *flows.non_identifying,
            *flows.downstream,
        )
    unknown = [path for path, told in needed.items() if told is None]
    if unknown:
        return unrecorded("whether the notice explains uses beyond the service", *unknown)
    return met("The notice explains the uses beyond the service.", *needed)


@check(
    id="TC016",
    name="children-without-suitable-notice",
    principles=(MN, MW),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP4,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Give children and young people an explanation written for them, and explain the "
        "part their parents, guardians or whānau play."
    ),
    tags=("notice", "children"),
)
def children_without_suitable_notice(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Where children are served, they get an explanation made for them.

    What it checks:
        When the activity's audience includes children or young people
        (``audience.children``), the notice has a version written for them
        (``notice.child_version``) and explains the role of parents, guardians and whānau
        (``notice.guardian_role_addressed``). No child version is not met; a child version
        that leaves the guardians' role out needs review, because for some young people
        (for example those seeking confidential help) involving guardians is not right.
    Why it matters:
        DPUP asks agencies to consider children's vulnerability and the part of parents,
        guardians and whānau. The Privacy Act asks for particular care when collecting from
        children and young people.
    How to meet it:
        Write and test a child-friendly explanation; say who else will be told and why.
    References:
        DPUP Mana Whakahaere principle (children and young people). Privacy Act 2020, IPP4
        (particular care with children and young people).
    """
    audience = ctx.activity.audience if ctx.activity is not None else None
    children = audience.children if audience is not None else None
    if children is None:
        return unrecorded("whether children or young people are served", "$.audience.children")
    if not children:
        return not_applicable("The activity does not serve children or young people.")
    notice = collection.notice
    if notice is None or notice.child_version is None:
        return unrecorded("whether there is a version for children", "notice.child_version")
    if not notice.child_version:
        return not_met(
            "Children are served, but there is no explanation written for them.",
            "notice.child_version",
            "$.audience.children",
        )
    if notice.guardian_role_addressed is None:
        return unrecorded(
            "whether the guardians' role is explained", "notice.guardian_role_addressed"
        )
    if not notice.guardian_role_addressed:
        return needs_review(
            "The child version does not explain the role of parents, guardians or whānau.",
            "notice.guardian_role_addressed",
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                "decide whether guardians' role should be explained for these young people, "
                "and record it (notice.guardian_role_addressed)",
            ),
        )
    return met(
        "Children get their own explanation, including the guardians' role.",
        "notice.child_version",
        "notice.guardian_role_addressed",
    )


@check(
    id="TC017",
    name="other-law-duties-unexplained",
    principles=(KT,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.OT_S66, LegalRef.FV_S20),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Explain the duties other laws place on the agency to share or report information "
        "(for example under the Oranga Tamariki Act or the Family Violence Act)."
    ),
    tags=("notice", "other-laws"),
)
def other_law_duties_unexplained(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Disclosure duties under other laws are explained.

    What it checks:
        When the activity records other laws that require sharing or telling people
        things (``other_laws``), the notice explains those duties
        (``notice.other_law_disclosures_explained``).
    Why it matters:
        DPUP's Transparency and Choice checklist asks agencies to consider other laws, such
        as the Oranga Tamariki Act, the Education and Training Act and the Health and
        Disability Code, that shape what people must be told or what must be shared.
        People should not learn of such duties only when they are used.
    How to meet it:
        For each law listed, say in plain words when it requires information to be shared
        and with whom.
    References:
        DPUP Transparency and Choice checklist (other laws). Oranga Tamariki Act 1989,
        s 66; Family Violence Act 2018, s 20.
    """
    activity = ctx.activity
    if activity is None or activity.other_laws is None:
        return unrecorded(
            "which other laws require sharing or telling people things", "$.other_laws"
        )
    if not activity.other_laws:
        return not_applicable("No other law that requires sharing is recorded.", "$.other_laws")
    notice = collection.notice
    if notice is None or notice.other_law_disclosures_explained is None:
        return unrecorded(
            "whether the notice explains duties under other laws",
            "notice.other_law_disclosures_explained",
        )
    if not notice.other_law_disclosures_explained:
        return not_met(
            "Other laws require sharing, but the notice does not explain those duties.",
            "notice.other_law_disclosures_explained",
            "$.other_laws",
        )
    return met(
        "The notice explains duties to share under other laws.",
        "notice.other_law_disclosures_explained",
    )
