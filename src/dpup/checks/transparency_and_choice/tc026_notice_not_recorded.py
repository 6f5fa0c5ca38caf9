"""TC026 notice-not-recorded: a Transparency and Choice check.

The collection records what people were told when their information was collected.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc026_notice_not_recorded.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection, Identifiability

__all__ = ["notice_not_recorded"]


def _about_people(collection: Collection, _ctx: EvaluationContext) -> Outcome | None:
    """The ``applies=`` gate: not a collection recorded as holding only aggregate counts."""
    items = collection.items
    if items and all(i.identifiability is Identifiability.AGGREGATE for i in items):
        return not_applicable(
            "Only aggregate information is collected: no one is told about it.", "items"
        )
    return None


@check(
    id="TC026",
    name="notice-not-recorded",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3, LegalRef.IPP3A),
    severity=Severity.LOW,
    subject=Collection,
    remediation=(
        "Record what people were told about the collection (notice): what they were told, "
        "when, how, and in what words, or the exception relied on for not telling them."
    ),
    tags=("notice", "not-recorded"),
    applies=_about_people,
)
def notice_not_recorded(collection: Collection, _ctx: EvaluationContext) -> Outcome:
    """The collection records what people were told when their information was collected.

    What it checks:
        A collection of information about people records its notice (``notice``): what
        people were told, when and how. The good-practice checks of a notice (TC002, TC003,
        TC006 to TC012, TC014, TC016, TC017 and PM006) judge a notice that is recorded and
        stay silent when none is; this check asks for the notice once instead of each of
        them asking. The checks of what the law requires people to be told, TC001 (IPP3),
        TC005 (IPP3's timing) and PM014 (IPP3A), still ask for themselves, since a legal
        question is not left to a good-practice finding. A collection recorded as holding
        only aggregate counts is not applicable. Left out, the notice needs review; it is
        never "not met", since an absent record does not show that nobody was told.
    Why it matters:
        DPUP's Transparency and Choice guideline asks that people are never surprised by what
        happens to their information. Whether that holds can be judged only from what they
        were actually told, and one request for the notice is easier to act on than a dozen
        findings each asking for one part of it.
    How to meet it:
        Record the notice: the form, brochure or script used, when people were told, through
        which channels, and which matters it covered; or the exception relied on.
    References:
        DPUP Transparency and Choice: no surprises. Privacy Act 2020, IPP3 and IPP3A, which
        TC001, TC005 and PM014 test. Good practice: the Act requires telling people, not
        keeping a record of it.
    """
    if collection.notice is None:
        return unrecorded(
            "what people were told about the collection (the notice)",
            "notice",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record what people were told about the collection (notice), so the checks "
                "of each part of the notice can run",
            ),
        )
    return met("What people were told about the collection is recorded.", "notice")
