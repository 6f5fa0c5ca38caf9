"""Transparency and Choice: whether the explanation reaches the people it is for.

TC006, TC007, TC008 and TC009. Listed in id order in ``dpup.checks.transparency.CHECKS``.
"""

from __future__ import annotations

from dpup._readability import reading_grade
from dpup.checks._tc_shared import KT, MN, MW
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
from dpup.law import Basis
from dpup.model import Collection, Notice
from dpup.settings import Settings

__all__ = [
    "no_chance_to_revisit",
    "notice_misses_audience_needs",
    "notice_not_plain_language",
    "single_channel_notice",
]


def _hard_to_read(grade: float | None, limit: float, jargon: bool | None) -> bool:
    """Whether a notice is known to be hard to read (an unknown grade or jargon is not).

    Hard when the grade is above the limit or jargon was found.
    """
    return (grade is not None and grade > limit) or jargon is True


def _grade(notice: Notice, settings: Settings) -> tuple[float | None, bool]:
    """The notice's reading grade, and whether dpup measured it from the text.

    Measured from the text when the text has words (so the grade matches the words actually
    used); otherwise the recorded ``readability_grade``.
    """
    if notice.text is not None:
        measured = reading_grade(notice.text, settings.reading_grade_formula)
        if measured is not None:
            return measured, True
    return notice.readability_grade, False


@check(
    id="TC006",
    name="notice-not-plain-language",
    principles=(KT, MN),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Rewrite the notice in everyday words at a reading level most adults manage, and "
        "test it with people who use the service."
    ),
    tags=("notice", "wording"),
)
def notice_not_plain_language(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """The notice is in plain language and was tested with the people it is for.

    What it checks:
        Whether the wording was tested with service users (``notice.plain_language_tested``)
        and whether its reading grade is within `Settings.adult_reading_grade` (or
        `Settings.child_reading_grade` where children are served and there is no separate
        child version). When the notice's text is supplied (``notice.text``) the grade is
        measured from it with `Settings.reading_grade_formula` and the text is searched for
        jargon (`Settings.jargon_phrases`); otherwise a recorded grade
        (``notice.readability_grade``) is used. Messages give a measured grade, never the
        text. Hard to read and untested is not met; tested, or easy but untested, needs
        review; tested and not known to be hard is met.
    Why it matters:
        DPUP says jargon undermines transparency and asks for explanations that make sense
        to the person. Testing wording with the people it is for is the only real proof
        that it does.
    How to meet it:
        Cut legal and technical terms, explain data words in plain terms, and try the
        wording out with a few service users before using it.
    References:
        DPUP Transparency and Choice checklist; DPUP "Transparency in action" tool. The
        reading grade and the jargon list are settings of ours, not DPUP rules.
    """
    notice = collection.notice
    if notice is None:
        return unrecorded("what people were told at collection", "notice")
    jargon = None if notice.text is None else ctx.settings.jargon_phrases.search(notice.text)
    audience = ctx.activity.audience if ctx.activity is not None else None
    for_children = audience is not None and audience.children and not notice.child_version
    limit = ctx.settings.child_reading_grade if for_children else ctx.settings.adult_reading_grade
    grade, measured_here = _grade(notice, ctx.settings)
    hard = _hard_to_read(grade, limit, jargon)
    measured = ("notice.readability_grade", "notice.text")
    # A grade measured here is ours to report; a recorded grade is input and is not echoed.
    said = (
        f" It reads at grade {grade:.1f} against a limit of {limit:g}."
        if grade is not None and measured_here
        else ""
    )
    tested = notice.plain_language_tested
    if hard and tested is False:
        return not_met(
            "The notice is hard to read and was not tested with service users." + said,
            *measured,
            "notice.plain_language_tested",
        )
    if hard:
        return needs_review(
            "The notice reads above the set reading grade or contains jargon." + said,
            *measured,
            "notice.plain_language_tested",
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                "simplify the wording, or confirm service users understood it in testing "
                "(notice.plain_language_tested)",
            ),
        )
    if tested:
        return met("The notice was tested with service users.", "notice.plain_language_tested")
    if tested is False:
        return needs_review(
            "The notice was not tested with service users.",
            "notice.plain_language_tested",
            *measured,
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                "test the wording with a few service users and record it "
                "(notice.plain_language_tested)",
            ),
        )
    return unrecorded(
        "whether the notice was tested with service users", "notice.plain_language_tested"
    )


def _unmatched(needs: tuple[str, ...], offered: tuple[str, ...]) -> bool:
    have = {o.strip().casefold() for o in offered}
    return any(n.strip().casefold() not in have for n in needs)


@check(
    id="TC007",
    name="notice-misses-audience-needs",
    principles=(MN, KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Offer the notice in every language and format the people served need "
        "(e.g. te reo Māori, Samoan, easy-read, large print, NZSL)."
    ),
    tags=("notice", "audience"),
)
def notice_misses_audience_needs(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """The notice comes in the languages and formats the audience needs.

    What it checks:
        Every language in ``audience.languages`` appears in ``notice.languages``, and every
        need in ``audience.accessibility_needs`` appears in ``notice.formats``. Codes are
        compared as written, ignoring case (use the same codes on both sides, e.g. "mi",
        "easy-read").
    Why it matters:
        DPUP says context matters (age, culture, language, literacy) and asks agencies to
        respect cultural and language needs. Disabled people ask for clear explanations in
        formats that work for them. An explanation people cannot read is not an explanation.
    How to meet it:
        Record the audience's needs, then provide a matching version of the notice for each.
    References:
        DPUP Transparency and Choice: match the approach to the context; why DPUP has a
        Transparency and Choice guideline (group expectations).
    """
    activity = ctx.activity
    audience = activity.audience if activity is not None else None
    if audience is None or (audience.languages is None and audience.accessibility_needs is None):
        return unrecorded("the audience's language and format needs", "$.audience")
    notice = collection.notice
    if notice is None:
        return unrecorded("what people were told at collection", "notice")
    pairs = (
        ("notice.languages", "$.audience.languages", audience.languages, notice.languages),
        (
            "notice.formats",
            "$.audience.accessibility_needs",
            audience.accessibility_needs,
            notice.formats,
        ),
    )
    missing: list[str] = []
    unknown: list[str] = []
    for offered_path, need_path, needs, offered in pairs:
        if needs is None:
            unknown.append(need_path)
        elif needs and offered is None:
            unknown.append(offered_path)
        elif needs and offered is not None and _unmatched(needs, offered):
            missing += [offered_path, need_path]
    if missing:
        return not_met(
            "The notice is not available in a language or format the audience needs.",
            *missing,
        )
    if unknown:
        return unrecorded("whether the notice matches every audience need", *unknown)
    return met(
        "The notice matches the audience's languages and formats.",
        "notice.languages",
        "notice.formats",
    )


@check(
    id="TC008",
    name="single-channel-notice",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Explain in more than one way, and always offer a conversation: talk it through at "
        "intake, and give people something they can keep."
    ),
    tags=("notice", "channels"),
)
def single_channel_notice(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """The explanation is given in more than one way, one of them a conversation.

    What it checks:
        The channels used (``notice.channels``). At least `Settings.min_notice_channels`
        distinct channels with one conversational (a conversation or a group session) is
        met. Fewer channels with no conversation (for example the form alone) is not met.
        A conversation alone, or several written channels with no conversation, needs
        review.
    Why it matters:
        DPUP suggests several channels (conversations, brochures, FAQs, posters, layered web
        content, forms with copies to keep, group presentations) and notes that talking it
        through in person is often what works best.
    How to meet it:
        Have staff explain the practice in person and back it up with something written.
    References:
        DPUP Transparency and Choice: match the approach to the context. The channel count
        is a setting of ours.
    """
    notice = collection.notice
    if notice is None or notice.channels is None:
        return unrecorded("how people are told", "notice.channels")
    count = len(set(notice.channels))
    spoken = any(c.conversational for c in notice.channels)
    enough = count >= ctx.settings.min_notice_channels
    if spoken and enough:
        return met("People are told in several ways, including in person.", "notice.channels")
    if not spoken and not enough:
        return not_met(
            "People are told in only one way, with no chance to talk it through.",
            "notice.channels",
        )
    return needs_review(
        "People are told in only one way, or in several ways with no conversation offered.",
        "notice.channels",
        reviewer=Reviewer.PRACTICE_LEAD,
        settle_with=(
            "confirm people can both talk it through and keep something to refer back to "
            "(notice.channels)",
        ),
    )


@check(
    id="TC009",
    name="no-chance-to-revisit",
    principles=(MW, MN),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Plan later chances to go over the explanation again, for example at a later session "
        "or review, especially for people who arrive in crisis and for young people."
    ),
    tags=("notice", "audience"),
)
def no_chance_to_revisit(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """People who arrive in crisis, and young people, get later chances to revisit.

    What it checks:
        Whether the notice offers later chances to go over it again
        (``notice.revisit_offered``). Offered is met. Where the audience arrives in crisis
        or includes children (``audience.crisis_context``, ``audience.children``), not
        offering them is not met; elsewhere the check does not apply.
    Why it matters:
        DPUP notes that people in crisis, such as victims of crime, may not take things in
        at first but often want to know later, and that young people engage more as their
        capacity grows. One explanation at intake is not enough for them.
    How to meet it:
        Build a check-in into later sessions or reviews, and say so at the start.
    References:
        DPUP Transparency and Choice: why DPUP has the guideline; match the approach to the
        context (multiple opportunities).
    """
    audience = ctx.activity.audience if ctx.activity is not None else None
    crisis = audience.crisis_context if audience is not None else None
    children = audience.children if audience is not None else None
    needed = bool(crisis or children)
    not_needed = crisis is False and children is False
    notice = collection.notice
    revisit = notice.revisit_offered if notice is not None else None
    if revisit:
        return met("People get later chances to revisit the explanation.", "notice.revisit_offered")
    if not_needed:
        return not_applicable("The audience is not in crisis and includes no children.")
    if revisit is None:
        return unrecorded("whether people get later chances to revisit", "notice.revisit_offered")
    if needed:
        return not_met(
            "People arrive in crisis or are young, and get no later chance to revisit.",
            "notice.revisit_offered",
            "$.audience",
        )
    return unrecorded(
        "whether people arrive in crisis or include children",
        "$.audience.crisis_context",
        "$.audience.children",
    )
