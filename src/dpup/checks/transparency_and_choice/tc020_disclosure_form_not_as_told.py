"""TC020 disclosure-form-not-as-told: a Transparency and Choice check.

A recipient gets information in the form people were told it would (counts, de-identified, named).

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc020_disclosure_form_not_as_told.py``.
"""

from __future__ import annotations

import attrs

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
    unrecorded,
)
from dpup.checks.transparency_and_choice._helpers import NO_CONTEXT
from dpup.facts import activity_cache, choice_named, disclosure_sources
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Activity, Disclosure, FlowKind, NoticeRecipient, Recipient, SharingGround

__all__ = ["disclosure_form_not_as_told"]


@attrs.frozen
class FormsTold:
    """What the notices of a disclosure's source collections said about its recipient's form.

    Attributes:
        not_identifying: paths of entries saying the recipient gets counts or de-identified
            information only.
        identifying: paths of entries saying the recipient gets identifying information.
        unknown: paths of notices, entry lists or forms that are not recorded.
    """

    not_identifying: tuple[str, ...] = ()
    identifying: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()


def names_recipient(entry: NoticeRecipient, recipient: Recipient) -> bool:
    """Whether a notice entry is about ``recipient``.

    Names are compared ignoring case and surrounding space; where both record a kind, the
    kinds must agree too.
    """
    if entry.name.strip().casefold() != recipient.name.strip().casefold():
        return False
    return entry.kind is None or recipient.kind is None or entry.kind is recipient.kind


def forms_told(activity: Activity, recipient: Recipient, sources: list[int]) -> FormsTold:
    """Read, in each source collection's notice, the form promised to ``recipient``."""
    not_identifying: list[str] = []
    identifying: list[str] = []
    unknown: list[str] = []
    for i in sources:
        base = f"$.collections[{i}].notice"
        notice = activity.collections[i].notice
        if notice is None:
            unknown.append(base)
            continue
        if notice.recipient_forms is None:
            unknown.append(f"{base}.recipient_forms")
            continue
        for j, entry in enumerate(notice.recipient_forms):
            if not names_recipient(entry, recipient):
                continue
            path = f"{base}.recipient_forms[{j}].form"
            if entry.form is None:
                unknown.append(path)
            elif entry.form.is_identifying:
                identifying.append(path)
            else:
                not_identifying.append(path)
    return FormsTold(tuple(not_identifying), tuple(identifying), tuple(unknown))


_TOLD_LIMIT = 256
"""Recipient and item combinations whose promised forms are kept per activity."""


def _told(
    activity: Activity,
    disclosure: Disclosure,
    recipient: Recipient,
    items: tuple[str, ...],
    ctx: EvaluationContext,
) -> FormsTold | None:
    """Return what the source notices promised ``recipient``, or None if no source is found.

    It depends only on the activity, the recipient and the items, so it is kept in the
    activity's cache under those (at most `_TOLD_LIMIT` combinations, then started afresh):
    a server evaluating one event after another against the same case reads the notices
    once, for a disclosure already in the activity or a new one alike.
    """
    memo: dict[tuple[Recipient, tuple[str, ...]], FormsTold | None] = activity_cache(
        activity
    ).setdefault(_told, {})
    key = (recipient, items)
    try:
        return memo[key]
    except KeyError:
        pass
    sources = disclosure_sources(activity, disclosure, ctx)
    told = forms_told(activity, recipient, sources) if sources else None
    if len(memo) >= _TOLD_LIMIT:
        memo.clear()
    memo[key] = told
    return told


def authorised_by_person(
    activity: Activity, disclosure: Disclosure, ctx: EvaluationContext
) -> bool:
    """Whether the disclosure rests on the person's authorisation, shown by a given choice."""
    if disclosure.ground is not SharingGround.AUTHORISED:
        return False
    day = disclosure.on or ctx.as_at
    for choice_id in disclosure.choices or ():
        choice = choice_named(activity, choice_id)
        state = choice.state_on(day) if choice is not None else None
        if state is not None and state.authorises:
            return True
    return False


def _contrary(
    activity: Activity, disclosure: Disclosure, ctx: EvaluationContext, promised: tuple[str, ...]
) -> Outcome:
    """Judge a disclosure to a recipient people were told would not get identifying data."""
    if disclosure.identifiable is None:
        return unrecorded(
            "whether the disclosure identifies people, where people were told this recipient "
            "would get counts or de-identified information only",
            "identifiable",
            *promised,
        )
    ground = disclosure.ground
    if ground is not None and ground.overrides_choice:
        return needs_review(
            "The disclosure identifies people to a recipient they were told would not get "
            "identifying information, on a lawful override ground.",
            "identifiable",
            "ground",
            *promised,
            reviewer=Reviewer.LEGAL_ADVISER,
            settle_with=(
                "confirm the override ground applies and needs people identified (ground)",
                "tell the person about the disclosure when it is safe to (person_told)",
            ),
        )
    if authorised_by_person(activity, disclosure, ctx):
        return met(
            "The disclosure identifies people beyond what the notice promised, with the "
            "person's recorded authorisation.",
            "ground",
            "choices",
        )
    if ground is None:
        # A lawful override, had one been recorded, would send this to a legal adviser
        # rather than fail it: the ground is the fact that settles it.
        return unrecorded(
            "the ground relied on to identify people to a recipient they were told would get "
            "counts or de-identified information only",
            "ground",
            "identifiable",
            *promised,
        )
    return not_met(
        "People were told this recipient would get their information without names, but the "
        "disclosure identifies them.",
        "ground",
        "identifiable",
        "recipient",
        *promised,
    )


@check(
    id="TC020",
    name="disclosure-form-not-as-told",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3, LegalRef.IPP11),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Send the recipient only what people were told it would get, in that form (counts or "
        "de-identified data, not names); if more is truly needed, tell people and change the "
        "notice first."
    ),
    tags=("no-surprises", "identifiability", "cross-object"),
)
def disclosure_form_not_as_told(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A recipient gets information in the form people were told it would (counts, names ...).

    What it checks:
        The disclosure's recipient is looked up in the notices of the collections its items
        came from (``notice.recipient_forms``: an entry per recipient, with the form people
        were told it receives). Where a notice says the recipient gets counts only
        (``aggregate``) or ``de-identified`` information and the disclosure identifies people
        (``identifiable``), it is not met, unless a lawful override ground is recorded
        (review by a legal adviser) or the person's given choice authorises it (met). A
        notice saying the recipient gets identifying information is met. Forms not recorded,
        an unrecorded ``identifiable`` against a counts-only promise, or no ``ground``
        recorded (an override would change the answer) need review.
        Recipient names are compared ignoring case, and kinds where both are recorded. Uses
        inside the agency, disclosures recorded as not identifying anyone, and recipients no
        notice entry speaks of (TC013 asks whether they were named at all) are not
        applicable.
    Why it matters:
        "No surprises" is about what a recipient gets as much as who the recipient is. A
        parent told that the funder sees attendance numbers without names, and whose name
        then goes to the funder, has been misled, even though the funder was named. DPUP's
        funding guidance says reporting to funders should generally not identify people.
    How to meet it:
        Record, for each recipient the notice names, the form people were told it receives;
        build reports to that form; and where identifying information must go, change the
        notice and tell people before it does.
    References:
        DPUP Transparency and Choice guideline ("no surprises"); DPUP funding, contracting
        and partnering checklist. Good practice beyond the law, building on Privacy Act 2020
        IPP3 (intended recipients) and IPP11; where the items also go beyond the purposes
        they were collected for, PM016 reports the legal side.
    """
    if disclosure.kind is not FlowKind.DISCLOSURE:
        return not_applicable("This is not a disclosure.", "kind")
    if disclosure.identifiable is False:
        return not_applicable("The disclosure does not identify anyone.", "identifiable")
    activity = ctx.activity
    if activity is None:
        return needs_review(
            "The disclosure cannot be compared with what people were told without its activity.",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(NO_CONTEXT,),
        )
    recipient = disclosure.recipient
    if recipient is None:
        return unrecorded("who receives the disclosure", "recipient")
    if disclosure.items is None:
        return unrecorded("which items the disclosure carries", "items")
    told = _told(activity, disclosure, recipient, disclosure.items, ctx)
    if told is None:
        return needs_review(
            "The collections the disclosure's items came from cannot be traced, so what "
            "people were told cannot be read.",
            "items",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("record the collection each item came from ($.collections[].items)",),
        )
    if told.not_identifying:
        return _contrary(activity, disclosure, ctx, told.not_identifying)
    if told.unknown:
        return unrecorded(
            "the form in which people were told this recipient would get their information",
            *told.unknown,
        )
    if told.identifying:
        return met(
            "People were told this recipient would get identifying information.",
            "recipient",
            *told.identifying,
        )
    return not_applicable("No notice entry speaks of the form this recipient gets.", "recipient")
