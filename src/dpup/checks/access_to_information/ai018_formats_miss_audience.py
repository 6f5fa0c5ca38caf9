"""AI018 formats-miss-audience: a Access to Information check.

Copies of information come in formats that fit the people served.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai018_formats_miss_audience.py``.
"""

from __future__ import annotations

from dpup._text import PhraseList, normalise
from dpup.checkdef import (
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
from dpup.model import AccessPractice

__all__ = ["formats_miss_audience"]


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
