"""TC024 breach-sensitivity-not-weighed: a Transparency and Choice check.

An incident involving children's or family-violence information is weighed as sensitive.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc024_breach_sensitivity_not_weighed.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MN,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import AffectedGroup, Breach, Sensitivity

__all__ = ["breach_sensitivity_not_weighed"]

_GROUPS = frozenset({AffectedGroup.CHILDREN, AffectedGroup.FAMILY_VIOLENCE})
_ITEM_KINDS = frozenset({Sensitivity.CHILD_PROTECTION, Sensitivity.FAMILY_VIOLENCE})
_WEIGHED = "harm_assessment.information_sensitive"


def _triggers(breach: Breach, ctx: EvaluationContext) -> list[str]:
    """Paths of the recorded facts showing children's or family-violence information."""
    paths = [
        f"affected_groups[{i}]"
        for i, group in enumerate(breach.affected_groups or ())
        if group in _GROUPS
    ]
    activity = ctx.activity
    if activity is None or not breach.items:
        return paths
    names = set(breach.items)
    for ci, col in enumerate(activity.collections):
        for ii, item in enumerate(col.items):
            if item.name not in names:
                continue
            paths += [
                f"$.collections[{ci}].items[{ii}].sensitivity[{si}]"
                for si, kind in enumerate(item.sensitivity or ())
                if kind in _ITEM_KINDS
            ]
    return paths


@check(
    id="TC024",
    name="breach-sensitivity-not-weighed",
    principles=(MN, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.PA_S113,),
    severity=Severity.MEDIUM,
    subject=Breach,
    remediation=(
        "Where an incident involves information about children or young people, or about "
        "family violence, weigh the information as sensitive when assessing likely harm, "
        "and record that you did."
    ),
    tags=("breach", "part-6", "children", "family-violence"),
)
def breach_sensitivity_not_weighed(breach: Breach, ctx: EvaluationContext) -> Outcome:
    """An incident involving children's or family-violence information is weighed as sensitive.

    What it checks:
        Where a breach is about children or young people, or people affected by family
        violence (``affected_groups``), or involves an information item marked
        ``child-protection`` or ``family-violence`` (``items``, looked up in the activity's
        collections), whether the harm assessment weighed the information as sensitive
        (``harm_assessment.information_sensitive``). Weighed as sensitive is met; recorded
        as not sensitive is not met (good practice, not a breach of the Act). With the
        assessment's finding not recorded it needs review. A breach whose groups are
        recorded and include neither, and whose items carry neither mark, is not
        applicable; with the groups not recorded, and no marked item, it needs review.
    Why it matters:
        The Act asks whether the information is sensitive but does not say which
        information is. The Privacy Commissioner's guidance asks agencies to think about
        who the people affected are, since some, such as victims of family violence, are
        at greater risk of harm, and asks for particular care with children's information.
        An address or a school sent to the wrong person can lead an abuser to a family.
    How to meet it:
        Record who the information is about when you log a breach, and treat children's
        and family-violence information as sensitive in the assessment; if you judge it is
        not, record why under the other matters weighed.
    References:
        Privacy Act 2020, s 113(b) (whether the information is sensitive in nature).
        Privacy Commissioner, "What is serious harm?" (knowledge base 649); the
        Commissioner's guidance on children and young people's privacy. Good practice
        beyond the Act's words.
    """
    triggers = _triggers(breach, ctx)
    if not triggers:
        if breach.affected_groups is None:
            return unrecorded(
                "who the information is about (children, family violence)", "affected_groups"
            )
        return not_applicable(
            "The incident is not recorded as involving children's or family-violence information.",
            "affected_groups",
        )
    assessment = breach.harm_assessment
    weighed = assessment.information_sensitive if assessment is not None else None
    if weighed is None:
        return unrecorded("whether the assessment weighed the information as sensitive", _WEIGHED)
    if weighed:
        return met(
            "Children's or family-violence information was weighed as sensitive.",
            _WEIGHED,
            *triggers,
        )
    return not_met(
        "Children's or family-violence information was weighed as not sensitive.",
        _WEIGHED,
        *triggers,
    )
