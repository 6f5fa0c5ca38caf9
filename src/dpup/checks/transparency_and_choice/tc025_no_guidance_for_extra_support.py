"""TC025 no-guidance-for-extra-support: a Transparency and Choice check.

Staff have guidance for each group served who needs extra support to understand.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc025_no_guidance_for_extra_support.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    MN,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import Activity, SupportNeed

__all__ = ["no_guidance_for_extra_support"]

_Group = tuple[SupportNeed, str]

_GROUPS: tuple[_Group, ...] = (
    (SupportNeed.CHILDREN, "audience.children"),
    (SupportNeed.IMPAIRED_CAPACITY, "audience.impaired_capacity"),
    (SupportNeed.CRISIS, "audience.crisis_context"),
)
"""Each group needing extra support, and the audience fact that says whether it is served."""


def _served(activity: Activity) -> tuple[list[_Group], list[_Group]]:
    """Return the groups recorded as served, then those whose presence is not recorded."""
    audience = activity.audience
    served: list[_Group] = []
    unknown: list[_Group] = []
    for need, path in _GROUPS:
        state = None if audience is None else getattr(audience, path.partition(".")[2])
        if state:
            served.append((need, path))
        elif state is None:
            unknown.append((need, path))
    return served, unknown


@check(
    id="TC025",
    name="no-guidance-for-extra-support",
    principles=(MW, MN),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Activity,
    remediation=(
        "Write guidance for staff on each group the service works with who needs extra "
        "support to understand (children, people with dementia or another impairment, people "
        "in crisis): what staff must do differently and how those people's information rights "
        "are upheld."
    ),
    tags=("frontline", "vulnerable-groups"),
)
def no_guidance_for_extra_support(activity: Activity, ctx: EvaluationContext) -> Outcome:
    """Staff have guidance for each group served who needs extra support to understand.

    What it checks:
        Which groups the activity serves that need extra support to understand what happens
        to their information: children (``audience.children``), people whose ability to
        understand is impaired, for example by dementia (``audience.impaired_capacity``),
        and people in crisis (``audience.crisis_context``); and which groups staff have
        written guidance for (``frontline.guidance_for``). A group served with no guidance
        is not met. A group whose presence is not recorded needs review unless guidance for
        it exists anyway; an activity recorded as serving none of the groups is not
        applicable.
    Why it matters:
        DPUP's role guide for people who manage frontline services asks them to give staff
        guidance on their particular responsibilities to vulnerable groups and on upholding
        those people's rights. A script written for adults who are calm and able to weigh
        choices does not help a child, a person with dementia or someone in crisis to
        understand, and leaves staff to improvise the most delicate conversations.
    How to meet it:
        For each group, set down what staff do differently: who else is involved (guardians,
        whānau, an attorney or advocate), how and when to explain, when to come back to it,
        and how people can still see and correct their information. Record the groups in
        ``frontline.guidance_for``.
    References:
        DPUP "Managing frontline services" role guide, Mana Whakahaere behaviours; DPUP
        Transparency and Choice guideline (match the explanation to the person). Good
        practice beyond the law; related to the Privacy Act 2020's care with children and
        young people in IPP4.
    """
    served, unknown = _served(activity)
    if not served and not unknown:
        return not_applicable(
            "The activity serves none of the groups that need extra support to understand.",
            *(path for _, path in _GROUPS),
        )
    frontline = activity.frontline
    guidance = None if frontline is None else frontline.guidance_for
    if guidance is None:
        if not served:
            return unrecorded(
                "whether children, people with impaired capacity or people in crisis are served",
                *(path for _, path in unknown),
                reviewer=Reviewer.SERVICE_MANAGER,
            )
        return unrecorded(
            "which groups needing extra support staff have guidance for",
            "frontline.guidance_for",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    missing = [path for need, path in served if need not in guidance]
    if missing:
        return not_met(
            "The activity serves people who need extra support to understand, and staff have "
            "no guidance for them.",
            "frontline.guidance_for",
            *missing,
        )
    open_groups = [path for need, path in unknown if need not in guidance]
    if open_groups:
        return unrecorded(
            "whether children, people with impaired capacity or people in crisis are served",
            *open_groups,
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    return met(
        "Staff have guidance for every group served who needs extra support to understand.",
        "frontline.guidance_for",
        *(path for _, path in served),
    )
