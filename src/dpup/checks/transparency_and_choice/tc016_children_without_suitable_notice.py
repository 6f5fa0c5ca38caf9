"""TC016 children-without-suitable-notice: a Transparency and Choice check.

Where children are served, they get an explanation made for them.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc016_children_without_suitable_notice.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MN,
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
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection, NoticeAddressee

__all__ = ["children_without_suitable_notice"]


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
def children_without_suitable_notice(
    collection: Collection, ctx: EvaluationContext
) -> Outcome | None:
    """Where children are served, they get an explanation made for them.

    What it checks:
        When the activity's audience includes children or young people
        (``audience.children``), the notice has a version written for them
        (``notice.child_version``) and explains the role of parents, guardians and whānau
        (``notice.guardian_role_addressed``). No child version is not met; a child version
        that leaves the guardians' role out needs review, because for some young people
        (for example those seeking confidential help) involving guardians is not right.
        Where the notice records who was told (``notice.told``) and the children or young
        people themselves are not among them (only a parent, whānau or a representative),
        it needs review: a version written for children helps only if they get it, though
        the very young may rightly be told through a parent.
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
    if notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    if notice.child_version is None:
        return unrecorded("whether there is a version for children", "notice.child_version")
    if not notice.child_version:
        return not_met(
            "Children are served, but there is no explanation written for them.",
            "notice.child_version",
            "$.audience.children",
        )
    if notice.told is not None and NoticeAddressee.INDIVIDUAL not in notice.told:
        return needs_review(
            "There is a version for children, but the notice records that it was given only "
            "to others on their behalf, not to the children or young people themselves.",
            "notice.told",
            "notice.child_version",
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                "give the children's version to the children or young people themselves and "
                "record it (notice.told), or confirm they are too young for that",
            ),
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
