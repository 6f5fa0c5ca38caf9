"""TC006 notice-not-plain-language: a Transparency and Choice check.

The notice is in plain language and was tested with the people it is for.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc006_notice_not_plain_language.py``.
"""

from __future__ import annotations

from dpup._readability import reading_grade
from dpup.checkdef import (
    KT,
    MN,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import Collection, Notice
from dpup.settings import Settings

__all__ = ["notice_not_plain_language"]


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


def _measured_from(notice: Notice, measured_here: bool) -> tuple[str, ...]:
    """The recorded facts the reading grade and the jargon search rest on.

    The text, where it is recorded (jargon is searched in it, and a grade measured from it);
    the recorded grade, where the grade was not measured from the text.
    """
    paths: tuple[str, ...] = ()
    if notice.text is not None:
        paths += ("notice.text",)
    if not measured_here and notice.readability_grade is not None:
        paths += ("notice.readability_grade",)
    return paths


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
def notice_not_plain_language(collection: Collection, ctx: EvaluationContext) -> Outcome | None:
    """The notice is in plain language and was tested with the people it is for.

    What it checks:
        Whether the wording was tested with service users (``notice.plain_language_tested``)
        and whether its reading grade is within `Settings.adult_reading_grade` (or
        `Settings.child_reading_grade` where children are served and there is no separate
        child version). When the notice's text is supplied (``notice.text``) the grade is
        measured from it with `Settings.reading_grade_formula` and the text is searched for
        jargon (`Settings.jargon_phrases`); otherwise a recorded grade
        (``notice.readability_grade``) is used. Messages give a measured grade, never the
        text, and the evidence names only what was recorded and used: the text, the
        recorded grade, or both. Hard to read and untested is not met; tested, or easy but
        untested, needs review; tested and not known to be hard is met.
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
        return None  # TC026 asks for a missing notice, once for every notice check
    jargon = None if notice.text is None else ctx.settings.jargon_phrases.search(notice.text)
    audience = ctx.activity.audience if ctx.activity is not None else None
    for_children = audience is not None and audience.children and not notice.child_version
    limit = ctx.settings.child_reading_grade if for_children else ctx.settings.adult_reading_grade
    grade, measured_here = _grade(notice, ctx.settings)
    hard = _hard_to_read(grade, limit, jargon)
    measured = _measured_from(notice, measured_here)
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
