"""TC024 breach-sensitivity-not-weighed: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import Activity, Basis, Collection, InformationItem, evaluate
from dpup.model import AffectedGroup, Breach, Sensitivity
from tests.checks.cases import AS_AT, Case, run_case
from tests.checks.transparency_and_choice._builders import (
    MET,
    NA,
    NOT_MET,
    REVIEW,
    breach,
    full_assessment,
)

CHILDREN = (AffectedGroup.CHILDREN,)
FAMILY_VIOLENCE = (AffectedGroup.FAMILY_VIOLENCE,)


def _in_activity(
    sensitivity: tuple[Sensitivity, ...], **breach_kw: object
) -> tuple[Breach, Activity]:
    """A breach of the item ``case-notes``, marked with ``sensitivity``, inside its activity."""
    item = InformationItem("case-notes", sensitivity=sensitivity)
    subject = breach(items=("case-notes",), **breach_kw)
    activity = Activity("a", collections=(Collection("c", items=(item,)),), breaches=(subject,))
    return subject, activity


_FV_ITEM_SENSITIVE, _FV_ITEM_ACTIVITY = _in_activity(
    (Sensitivity.HEALTH, Sensitivity.FAMILY_VIOLENCE), affected_groups=None
)
_CP_ITEM_NOT, _CP_ITEM_ACTIVITY = _in_activity(
    (Sensitivity.CHILD_PROTECTION,),
    affected_groups=None,
    harm_assessment=full_assessment(information_sensitive=False),
)
_PLAIN_ITEM, _PLAIN_ACTIVITY = _in_activity((Sensitivity.FINANCIAL,), affected_groups=())

CASES = [
    Case("tc024-children-weighed-sensitive", "TC024", breach(affected_groups=CHILDREN), MET),
    Case(
        "tc024-family-violence-weighed-not-sensitive",
        "TC024",
        breach(
            affected_groups=FAMILY_VIOLENCE,
            harm_assessment=full_assessment(information_sensitive=False),
        ),
        NOT_MET,
    ),
    Case(
        "tc024-children-no-assessment",
        "TC024",
        breach(affected_groups=CHILDREN, harm_assessment=None),
        REVIEW,
    ),
    Case(
        "tc024-children-sensitivity-unrecorded",
        "TC024",
        breach(
            affected_groups=CHILDREN,
            harm_assessment=full_assessment(information_sensitive=None),
        ),
        REVIEW,
    ),
    Case(
        "tc024-family-violence-item-weighed-sensitive",
        "TC024",
        _FV_ITEM_SENSITIVE,
        MET,
        context=_FV_ITEM_ACTIVITY,
    ),
    Case(
        "tc024-child-protection-item-weighed-not-sensitive",
        "TC024",
        _CP_ITEM_NOT,
        NOT_MET,
        context=_CP_ITEM_ACTIVITY,
    ),
    Case("tc024-no-such-people", "TC024", breach(affected_groups=()), NA),
    Case("tc024-other-sensitive-item-only", "TC024", _PLAIN_ITEM, NA, context=_PLAIN_ACTIVITY),
    Case("tc024-who-unrecorded", "TC024", breach(), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC024 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_not_met_is_good_practice_not_a_legal_breach() -> None:
    """Weighing children's information as not sensitive is a good-practice finding only."""
    subject = breach(
        affected_groups=CHILDREN, harm_assessment=full_assessment(information_sensitive=False)
    )
    report = evaluate(subject, select=["TC024"], as_at=AS_AT)
    (finding,) = report.findings
    assert finding.basis is Basis.GOOD_PRACTICE
    assert report.legal_breaches() == ()
    assert finding.evidence == ("$.harm_assessment.information_sensitive", "$.affected_groups[0]")


def test_an_item_mark_is_cited_where_it_sits() -> None:
    """A marked item is cited at its place in the activity's collections."""
    report = evaluate(_CP_ITEM_NOT, select=["TC024"], context=_CP_ITEM_ACTIVITY, as_at=AS_AT)
    (finding,) = report.findings
    assert finding.subject == "$.breaches[0]"
    assert "$.collections[0].items[0].sensitivity[0]" in finding.evidence
