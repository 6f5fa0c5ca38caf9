"""Transparency and Choice: no surprises, and real choices that are honoured.

Source: DPUP's Transparency and Choice guideline and toolkit (consent, transparency in
action, the T&C checklist); Privacy Act 2020 IPP3 and IPP11. See
``docs/guidelines/transparency-and-choice.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dpup.checks._rules import Rule
from dpup.checks._util import unrecorded
from dpup.engine import (
    Check,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
)
from dpup.findings import Reviewer, Severity, Status
from dpup.law import Basis, LegalRef
from dpup.model import Activity, Choice, ChoiceState, Collection, Disclosure, SharingGround
from dpup.policy import Principle

__all__ = ["CHECKS", "RULES", "override_grounds_in_play", "relevant_choices"]

_HT = Principle.HE_TANGATA
_MN = Principle.MANAAKITANGA
_MW = Principle.MANA_WHAKAHAERE
_KT = Principle.KAITIAKITANGA
_MH = Principle.MAHITAHITANGA


def _identifiable_disclosures(activity: Activity | None) -> bool:
    if activity is None:
        return False
    return any(d.identifiable is not False for d in activity.disclosures)


@check(
    id="TC001",
    name="notice-missing-ipp3-matters",
    principles=(_MW, _KT),
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
        Whether the authorising law and the consequences of not providing it were stated is
        also looked at, but a gap there only needs review, since those may not apply.
    Why it matters:
        IPP3 requires reasonable steps so people know these things when their information
        is collected from them. Without them people cannot make sense of what follows.
    How to meet it:
        Add the missing matters to the notice (form, brochure, script), or record the IPP3
        exception relied on.
    References:
        Privacy Act 2020, IPP3(1). DPUP Transparency and Choice: help people to understand.
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
    if notice.recipients is None:
        core["notice.recipients"] = None
    elif not notice.recipients:
        core["notice.recipients"] = not _identifiable_disclosures(ctx.activity)
    else:
        core["notice.recipients"] = True
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
    principles=(_KT, _MW),
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
        if _identifiable_disclosures(ctx.activity):
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


def override_grounds_in_play(activity: Activity | None) -> set[SharingGround]:
    """Return the grounds on which the activity does or may share without agreement.

    These are the override grounds of its disclosures plus those recorded on its choices.
    """
    if activity is None:
        return set()
    grounds = {
        d.ground for d in activity.disclosures if d.ground is not None and d.ground.overrides_choice
    }
    for c in activity.choices:
        grounds.update(g for g in c.override_grounds or () if g.overrides_choice)
    return grounds


@check(
    id="TC003",
    name="confidentiality-exceptions-unexplained",
    principles=(_MW, _KT),
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
        violence sharing) is listed in the notice (``notice.sharing_exceptions``).
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


def relevant_choices(activity: Activity, disclosure: Disclosure) -> list[int]:
    """Return the indices of the choices a disclosure touches.

    A choice is touched when the disclosure lists it, when it covers the disclosure's
    recipient (names compared without regard to case), or when it covers one of the
    disclosure's purposes.
    """
    listed = set(disclosure.choices or ())
    recipient = disclosure.recipient.name.casefold() if disclosure.recipient else None
    purposes = set(disclosure.purposes or ())
    found = []
    for i, c in enumerate(activity.choices):
        if (
            c.id in listed
            or (recipient is not None and recipient in {r.casefold() for r in c.recipients or ()})
            or (purposes and purposes & set(c.purposes or ()))
        ):
            found.append(i)
    return found


def _judge_choice(
    choice: Choice, path: str, disclosure: Disclosure, state: ChoiceState | None
) -> Outcome:
    ground = disclosure.ground
    if state is not None and state.authorises:
        return met("The person's recorded choice permits this disclosure.", f"{path}.state")
    lawful_override = ground is not None and ground.overrides_choice
    if lawful_override:
        explained = ground in (choice.override_grounds or ())
        return needs_review(
            "The disclosure goes against the person's recorded choice on a lawful override "
            + ("that was explained up front." if explained else "that was not explained up front."),
            f"{path}.state",
            f"{path}.override_grounds",
            "ground",
            reviewer=Reviewer.LEGAL_ADVISER,
            settle_with=(
                "confirm the override ground applies to this disclosure and record why (ground)",
                "confirm only the information the ground needs is disclosed (items)",
            ),
        )
    if state is not None and (
        state.objects or state in (ChoiceState.EXPIRED, ChoiceState.INVALIDATED)
    ):
        reason = {
            ChoiceState.REFUSED: "refused",
            ChoiceState.WITHDRAWN: "withdrawn",
            ChoiceState.EXPIRED: "expired",
            ChoiceState.INVALIDATED: "invalidated",
        }[state]
        return not_met(
            f"The disclosure goes ahead although the person's choice is {reason} and no "
            "lawful override is recorded.",
            f"{path}.state",
            "ground",
            severity=Severity.CRITICAL,
        )
    return needs_review(
        "The disclosure touches a choice whose decision is not recorded.",
        f"{path}.state",
        reviewer=Reviewer.PRACTICE_LEAD,
        settle_with=(f"record the person's decision ({path}.state)",),
    )


_RANK = {Status.MET: 0, Status.NOT_APPLICABLE: 0, Status.NEEDS_REVIEW: 1, Status.NOT_MET: 2}


@check(
    id="TC004",
    name="choice-not-honoured",
    principles=(_MW, _MN),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP11, LegalRef.OT_S66, LegalRef.FV_S20),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Do not disclose against a person's refusal or after they withdraw, unless a lawful "
        "override applies and was explained to them up front; record the ground when it does."
    ),
    tags=("choice", "cross-object"),
)
def choice_not_honoured(disclosure: Disclosure, ctx: EvaluationContext) -> Iterator[Outcome]:
    """A disclosure honours the person's recorded choices at the moment it happens.

    What it checks:
        Each choice the disclosure touches (listed in ``choices``, or covering its recipient
        or purposes) is looked at as it stood on the disclosure's date. A choice given (or
        renewed) permits it. Against a refusal or a withdrawal, or after a choice expired, the
        disclosure is not met unless a lawful override ground is recorded (serious threat,
        Oranga Tamariki s 66 or s 66C, Family Violence Act s 20, a court order or another
        statute); with such a ground it needs a legal adviser's review. A choice with no
        recorded decision needs review.
    Why it matters:
        DPUP asks agencies to offer choices and respect them. A withdrawn or expired choice no
        longer authorises anything. Child-protection and family-violence law can lawfully
        override a refusal, which is why an override is sent for review rather than failed.
    How to meet it:
        Check recorded choices before disclosing. Where an override applies, record the
        ground, share only what it needs, and tell the person when it is safe to.
    References:
        DPUP Mana Whakahaere principle; Transparency and Choice: offer choices when you can.
        Privacy Act 2020, IPP11; Oranga Tamariki Act 1989, ss 66 and 66C; Family Violence
        Act 2018, s 20. Choice states follow the W3C Data Privacy Vocabulary.
    """
    if disclosure.identifiable is False:
        yield not_applicable("The disclosure does not identify anyone.", "identifiable")
        return
    activity = ctx.activity
    if activity is None:
        if disclosure.choices:
            yield needs_review(
                "The disclosure lists choices, but no activity was given to look them up in.",
                "choices",
                reviewer=Reviewer.PRACTICE_LEAD,
                settle_with=("evaluate the disclosure with its activity as context",),
            )
        else:
            yield not_applicable("No recorded choice touches this disclosure.")
        return
    indices = relevant_choices(activity, disclosure)
    if not indices:
        yield not_applicable("No recorded choice touches this disclosure.")
        return
    day = disclosure.on or ctx.as_at
    worst: Outcome | None = None
    for i in indices:
        choice = activity.choices[i]
        outcome = _judge_choice(choice, f"$.choices[{i}]", disclosure, choice.state_on(day))
        if worst is None or _RANK[outcome.status] > _RANK[worst.status]:
            worst = outcome
    assert worst is not None  # noqa: S101 - indices is non-empty
    yield worst


CHECKS: tuple[Check[Any], ...] = (
    notice_missing_ipp3_matters,
    vague_recipients,
    confidentiality_exceptions_unexplained,
    choice_not_honoured,
)

RULES: tuple[Rule, ...] = (
    Rule("TC-01", "Collection notice covers the IPP3 matters", ("TC001",)),
    Rule("TC-03", "Recipients named specifically", ("TC002",)),
    Rule("TC-04", "Exceptions to confidentiality spelled out", ("TC003",)),
    Rule("TC-12", "Recorded choices honoured; overrides justified", ("TC004",)),
)
"""Transparency and Choice rules (domain reference section 9.2) and their coverage."""
