"""Access to Information checks on an agency's everyday practice and on its agreements.

The family's table (``CHECKS``) and rule coverage (``RULES``) live in `dpup.checks.access`.
"""

from __future__ import annotations

from dpup._text import PhraseList, normalise
from dpup.checks._access_helpers import KT, MH, MN, MW
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
from dpup.model import AccessPractice, Identifiability, SharingAgreement

__all__ = [
    "access_preferences_not_recorded",
    "formal_request_required",
    "formats_miss_audience",
    "no_front_door",
    "no_informal_route",
    "no_proactive_copies",
    "no_regular_check_ins",
    "records_not_co_completed",
    "rights_not_explained",
]


@check(
    id="AI001",
    name="formal-request-required",
    principles=(MW,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP6, LegalRef.PA_PART4),
    severity=Severity.HIGH,
    subject=AccessPractice,
    remediation=(
        "Accept requests in any form, spoken ones included, and tell people they can simply "
        "ask; never send them to a lawyer or a 'formal Privacy Act request'."
    ),
    tags=("requests",),
)
def formal_request_required(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """Requests to see information are accepted in any form, without a lawyer.

    What it checks:
        The agency's practice does not insist that requests be written
        (``requires_writing``) or go through a lawyer or formal process (``requires_lawyer``).
    Why it matters:
        The Privacy Act sets no form for an access request: a spoken request starts the same
        duties as a letter. Sending people to a lawyer or a formal process puts a barrier in
        front of a right, and DPUP says people should not have to rely on formal requests.
    How to meet it:
        Treat any request, however made, as a request; record oral ones; tell people they can
        just ask their worker.
    References:
        Privacy Act 2020, IPP6 and Part 4. DPUP Access to Information; Mana Whakahaere
        principle; the DPUP quiz's answer on written requests.
    """
    flags = {
        "requires_writing": practice.requires_writing,
        "requires_lawyer": practice.requires_lawyer,
    }
    barriers = [path for path, value in flags.items() if value]
    if barriers:
        return not_met("The agency insists on a written, formal or lawyer-made request.", *barriers)
    unknown = [path for path, value in flags.items() if value is None]
    if unknown:
        return unrecorded("whether the agency insists on written or formal requests", *unknown)
    return met("Requests are accepted in any form.", *flags)


@check(
    id="AI002",
    name="rights-not-explained-at-enrolment",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.MEDIUM,
    subject=AccessPractice,
    remediation=(
        "When people start, tell them unprompted that they can see their notes and ask for "
        "corrections, and how simple that is."
    ),
    tags=("rights",),
)
def rights_not_explained(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """People are told their access and correction rights when they start, and how to use them.

    What it checks:
        Rights are explained at enrolment (``rights_explained_at_enrolment``), including how
        to use them (``how_to_ask_explained``, e.g. "just ask the facilitator").
    Why it matters:
        People often do not know they can see or correct what is held about them, and
        uncertainty stops them using services. DPUP asks agencies to offer this information
        unprompted, beyond the bare IPP3 statement of rights.
    How to meet it:
        Make explaining rights, and how easy they are to use, part of every enrolment.
    References:
        DPUP Access to Information: help people understand their rights. Privacy Act 2020,
        IPP3(1) (rights stated at collection).
    """
    explained = practice.rights_explained_at_enrolment
    how = practice.how_to_ask_explained
    if explained is False:
        return not_met(
            "Rights are not explained when people start.", "rights_explained_at_enrolment"
        )
    if explained is None:
        return unrecorded(
            "whether rights are explained at enrolment", "rights_explained_at_enrolment"
        )
    if how is False:
        return not_met(
            "Rights are stated, but people are not told how to use them.", "how_to_ask_explained"
        )
    if how is None:
        return unrecorded("whether people are told how to ask", "how_to_ask_explained")
    return met(
        "Rights, and how to use them, are explained at enrolment.", "rights_explained_at_enrolment"
    )


@check(
    id="AI003",
    name="no-proactive-copies",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=AccessPractice,
    remediation=(
        "Give people copies of their information at a set point (e.g. at the end of a "
        "programme or after each assessment) without waiting to be asked."
    ),
    tags=("proactive",),
)
def no_proactive_copies(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """People get copies of their information without having to ask.

    What it checks:
        The agency gives copies proactively (``proactive_copies``) at a defined point
        (``proactive_copies_when``).
    Why it matters:
        DPUP's Mana Whakahaere principle says people should not have to rely on Privacy Act
        requests to see what is held about them. A copy at the end of a programme is proof of
        their own story and costs the agency little.
    How to meet it:
        Choose a trigger (programme end, after each assessment) and give copies then.
    References:
        DPUP Mana Whakahaere principle; Access to Information guideline; frontline and
        manager behaviours. Good practice beyond the law.
    """
    if practice.proactive_copies is None:
        return unrecorded("whether copies are given without a request", "proactive_copies")
    if not practice.proactive_copies:
        return not_met("Copies are given only on request.", "proactive_copies")
    if not (practice.proactive_copies_when and practice.proactive_copies_when.strip()):
        return needs_review(
            "Copies are given proactively, but no point at which they are given is recorded.",
            "proactive_copies_when",
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=("record when copies are given (proactive_copies_when)",),
        )
    return met("Copies are given without a request.", "proactive_copies", "proactive_copies_when")


@check(
    id="AI017",
    name="no-informal-route",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=AccessPractice,
    remediation=(
        "Offer everyday ways to see records without a formal request: share the screen, give "
        "a printout, talk it through, copy people in on referrals."
    ),
    tags=("informal",),
)
def no_informal_route(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """People can see their records informally, without a formal request.

    What it checks:
        At least one informal route (``informal_routes``: screen sharing, printouts, a photo
        of the screen, an emailed copy, copies of referrals, talking it through) is offered.
        An empty list means a formal request is the only way.
    Why it matters:
        DPUP's Mana Whakahaere principle says people should not have to rely on Privacy Act
        requests. Showing someone their record on the screen takes a minute and lets them
        point out mistakes on the spot.
    How to meet it:
        Make informal access part of ordinary sessions, and tell staff it is allowed.
    References:
        DPUP Access to Information: make it easy to access and request corrections. Good
        practice beyond the law.
    """
    routes = practice.informal_routes
    if routes is None:
        return unrecorded("how people can see their records informally", "informal_routes")
    if not routes:
        return not_met("A formal request is the only way to see records.", "informal_routes")
    return met("People can see their records without a formal request.", "informal_routes")


def _covers(formats: tuple[str, ...], phrases: PhraseList) -> bool:
    """Whether any of ``formats`` contains one of ``phrases``."""
    return any(phrases.search(f) for f in formats)


@check(
    id="AI018",
    name="formats-miss-audience",
    principles=(MN,),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=AccessPractice,
    remediation=(
        "Offer copies in formats that fit the people served: a children's version beside the "
        "adult one, easy-read, large print, other languages or NZSL as needed."
    ),
    tags=("formats", "cross-object"),
)
def formats_miss_audience(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """Copies of information come in formats that fit the people served.

    What it checks:
        The formats copies come in (``formats``) against the activity's audience: where
        children are among those served (``audience.children``) there must be a children's
        version (not met without one) and an adult one (review without one, since a service
        may serve only children). Each accessibility need (``audience.accessibility_needs``)
        and, for an audience with low literacy (``audience.literacy_barriers``), an easy-read
        format should be covered; a gap there is sent for review, since a worker may meet it
        another way. Format words come from ``Settings.child_format_phrases``,
        ``adult_format_phrases`` and ``easy_read_format_phrases``.
    Why it matters:
        A record people cannot read is not access. DPUP asks for accessible formats for
        children, for low literacy, for sight impairment and for people with English as a
        second language, and the Best foot forward journey gives families copies in adult and
        child versions.
    How to meet it:
        Write a child version of anything about a child; keep easy-read and large-print
        templates; record which formats you offer.
    References:
        DPUP Access to Information: make it easy to access and request corrections. Good
        practice beyond the law.
    """
    formats = practice.formats
    if formats is None:
        return unrecorded(
            "the formats copies come in", "formats", reviewer=Reviewer.SERVICE_MANAGER
        )
    audience = ctx.activity.audience if ctx.activity is not None else None
    if audience is None:
        return unrecorded(
            "who the activity serves", "$.audience", reviewer=Reviewer.SERVICE_MANAGER
        )
    settings = ctx.settings
    if audience.children is None:
        return unrecorded(
            "whether children are among those served",
            "$.audience.children",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    if audience.children and not _covers(formats, settings.child_format_phrases):
        return not_met(
            "Children are among those served, but there is no children's version.",
            "formats",
            "$.audience.children",
        )
    gaps: list[str] = []
    if audience.children and not _covers(formats, settings.adult_format_phrases):
        gaps.append("$.audience.children")
    if audience.literacy_barriers and not _covers(formats, settings.easy_read_format_phrases):
        gaps.append("$.audience.literacy_barriers")
    wanted = [normalise(f) for f in formats]
    for i, need in enumerate(audience.accessibility_needs or ()):
        key = normalise(need)
        if not any(key in f for f in wanted):
            gaps.append(f"$.audience.accessibility_needs[{i}]")
    if gaps:
        return needs_review(
            "Some of the audience's needs have no matching format.",
            "formats",
            *gaps,
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=(
                "add the missing formats (formats), or record how those needs are met instead",
            ),
        )
    return met("The formats fit the people served.", "formats", "$.audience")


@check(
    id="AI019",
    name="no-regular-check-ins",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=AccessPractice,
    remediation=(
        "Check in with people regularly about whether their information is still right, or "
        "let them update it themselves."
    ),
    tags=("accuracy",),
)
def no_regular_check_ins(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """Staff check in regularly about people's information, or people can update it themselves.

    What it checks:
        Check-ins happen at least as often as ``Settings.check_in_interval_days``
        (``check_in_interval_days``). Without that, people being able to update some of their
        information themselves (``self_correction``) is sent for review; with neither, it is
        not met.
    Why it matters:
        Circumstances change and records age. DPUP asks agencies to check in about updates,
        and where possible let people change their own details, so decisions rest on current
        information.
    How to meet it:
        Set a check-in rhythm (for example at each review) or offer self-service updates.
    References:
        DPUP Access to Information: help people to ask for their information. Good practice
        beyond the law; supports IPP8 (accuracy).
    """
    interval = practice.check_in_interval_days
    limit = ctx.settings.check_in_interval_days
    if interval is not None and interval <= limit:
        return met("Staff check in about people's information regularly.", "check_in_interval_days")
    self_update = practice.self_correction
    if self_update:
        return needs_review(
            "People can update their information themselves, but regular check-ins are not "
            "recorded.",
            "check_in_interval_days",
            "self_correction",
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=(
                "confirm self-updating covers what check-ins would, or record the "
                "check-in interval (check_in_interval_days)",
            ),
        )
    if interval is None:
        return unrecorded(
            "how often staff check in about people's information",
            "check_in_interval_days",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    if self_update is None:
        return unrecorded(
            "whether people can update their information themselves",
            "self_correction",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    return not_met(
        "Check-ins are less frequent than expected and people cannot update their information.",
        "check_in_interval_days",
        "self_correction",
    )


@check(
    id="AI020",
    name="access-preferences-not-recorded",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=AccessPractice,
    remediation=(
        "Ask people how they would like to see their information (in person, by email, a "
        "printout, with a support person) and follow what they say."
    ),
    tags=("preferences", "cross-object"),
)
def access_preferences_not_recorded(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """People's preferences for how they see their information are recorded and followed.

    What it checks:
        Access preferences are recorded (``preferences_recorded``) and, across the activity's
        access requests, followed (``access_requests[].preference_followed``). A request
        where the preference was not followed is sent for review, since there can be good
        reason (for example safety).
    Why it matters:
        DPUP notes that people may not know they can say how they want to access their
        information. Asking, and honouring the answer, is part of giving them control.
    How to meet it:
        Add an access-preference field to intake and check it before responding.
    References:
        DPUP Access to Information: why the guideline matters. Good practice beyond the law.
    """
    recorded = practice.preferences_recorded
    if recorded is None:
        return unrecorded(
            "whether access preferences are recorded",
            "preferences_recorded",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    if not recorded:
        return not_met("People's access preferences are not recorded.", "preferences_recorded")
    requests = ctx.activity.access_requests if ctx.activity is not None else ()
    ignored = [
        f"$.access_requests[{i}].preference_followed"
        for i, r in enumerate(requests)
        if r.preference_followed is False
    ]
    if ignored:
        return needs_review(
            "Preferences are recorded, but some responses did not follow them.",
            "preferences_recorded",
            *ignored,
            reviewer=Reviewer.SERVICE_MANAGER,
            settle_with=("record why the preference could not be followed",),
        )
    return met("Access preferences are recorded and followed.", "preferences_recorded")


@check(
    id="AI021",
    name="records-not-co-completed",
    principles=(MN, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP8,),
    severity=Severity.LOW,
    subject=AccessPractice,
    remediation=(
        "Complete records with the person where you can, keep them factual, and let people "
        "add their own view beside what is written about them."
    ),
    tags=("records",),
)
def records_not_co_completed(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """Records are completed with the person and carry their own perspective.

    What it checks:
        Records are completed with the person (``records_co_completed``) and people can add
        their own view beside the record (``own_perspective_recorded``). Whether the wording
        is factual and free of judgement needs someone to read the records; dpup does not
        judge that.
    Why it matters:
        People may read their records later, and a recorded story can carry judgement or
        stigma. DPUP asks for accurate, clear recording; writing with the person, and letting
        them add their side, keeps records fair and supports accuracy under IPP8.
    How to meet it:
        Write notes with people in the session where you can; add a field for their own
        words; audit a sample for judgemental language.
    References:
        DPUP Access to Information: help people understand their rights (record accurately
        and well); Manaakitanga frontline behaviours. Good practice; supports IPP8.
    """
    facts = {
        "records_co_completed": practice.records_co_completed,
        "own_perspective_recorded": practice.own_perspective_recorded,
    }
    missing = [path for path, value in facts.items() if value is False]
    if missing:
        return not_met(
            "Records are not written with the person, or leave no room for their view.", *missing
        )
    unknown = [path for path, value in facts.items() if value is None]
    if unknown:
        return unrecorded("how records are completed", *unknown, reviewer=Reviewer.SERVICE_MANAGER)
    return met("Records are completed with the person and carry their view.", *facts)


def _front_door(agreement: SharingAgreement, ctx: EvaluationContext) -> bool:
    """Whether the activity's access practice lets people ask here for a party's holdings."""
    practice = ctx.activity.access_practice if ctx.activity is not None else None
    if practice is None or not practice.front_door_with or not agreement.parties:
        return False
    partners = {normalise(p) for p in practice.front_door_with}
    return any(normalise(p) in partners for p in agreement.parties)


@check(
    id="AI022",
    name="no-front-door",
    principles=(MH, MW),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.PA_S43,),
    severity=Severity.MEDIUM,
    subject=SharingAgreement,
    remediation=(
        "Agree a protocol so people ask one organisation, usually the provider they know, "
        "which retrieves what the partner holds about them, and explain it to them together."
    ),
    tags=("front-door", "cross-object"),
)
def no_front_door(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """People can ask one organisation for what all parties to an agreement hold.

    What it checks:
        The agreement has an access-request protocol (``access_protocol``), or the activity's
        access practice names one of the agreement's parties as a partner people can ask
        through (``$.access_practice.front_door_with``). An agreement under which only
        aggregate information flows (every field in ``fields`` aggregate) is not applicable.
        An agreement recorded as having no protocol is not met unless its information is
        shown to be aggregate.
    Why it matters:
        When a provider reports to a funder, people do not know who holds what, and sending
        them from one organisation to the other wears them down. DPUP's provider journey
        shows a protocol where families ask only the provider, which retrieves what the
        agency holds; this also meets the spirit of the Privacy Act's transfer rule.
    How to meet it:
        Write the access protocol into the agreement, name a contact at each party, and
        explain the one front door to people together.
    References:
        DPUP Access to Information (act as the person's agent); the DPUP provider journey
        "Best foot forward". Good practice beyond the law; supports Privacy Act 2020, s 43.
    """
    if agreement.access_protocol:
        return met("The agreement has an access-request protocol.", "access_protocol")
    if _front_door(agreement, ctx):
        return met(
            "People can ask one party for what its partner holds.",
            "parties",
            "$.access_practice.front_door_with",
        )
    fields = agreement.fields
    if fields and all(f.identifiability is Identifiability.AGGREGATE for f in fields):
        return not_applicable("Only aggregate information flows under the agreement.", "fields")
    if agreement.access_protocol is None:
        return unrecorded(
            "whether people can ask one party for what all parties hold",
            "access_protocol",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    return not_met(
        "Information about people flows under the agreement with no access-request protocol.",
        "access_protocol",
        "fields",
    )
