"""TC019 group-records-not-agreed: a Transparency and Choice check.

How group sessions are recorded is explained to and agreed with the group.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc019_group_records_not_agreed.py``.
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
    split_facts,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import Activity, Channel

__all__ = ["group_records_not_agreed"]


def _has_group_sessions(activity: Activity) -> bool:
    return any(
        Channel.GROUP_SESSION in (c.notice.channels or ())
        for c in activity.collections
        if c.notice is not None
    )


_UNEXPLAINED = ("group_records.handling_agreed", "group_records.explained")


@check(
    id="TC019",
    name="group-records-not-agreed",
    principles=(MN, MW),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.HIGH,
    subject=Activity,
    remediation=(
        "At the first group session, agree what will be written down, whether names go "
        "next to what people say, who sees the notes, and what happens to wall notes; then "
        "show people the notes about them from time to time."
    ),
    tags=("group-sessions",),
)
def group_records_not_agreed(activity: Activity, ctx: EvaluationContext) -> Outcome:
    """How group sessions are recorded is explained to and agreed with the group.

    What it checks:
        The group-session record practice (``group_records``): handling agreed with the
        group (``handling_agreed``), who sees the notes explained (``explained``), notes
        shown to participants (``shown_to_participants``) and what happens to wall notes
        and posters agreed (``disposal_agreed``). All four is met. Notes that name people
        (``attributed_by_name``) without explanation or agreement, or notes kept with
        neither, are not met, citing only recorded facts (what is recorded as missing, and
        names in the notes where recorded); other gaps need review. Without a record of
        group sessions the check does not apply, unless a notice says information is
        explained in group sessions.
    Why it matters:
        In group work people share hard things in front of others. Not knowing whether
        their name is written next to what they say, or who reads the notes, makes it feel
        unsafe to take part; agreeing the rules together makes it safe.
    How to meet it:
        Start each group by agreeing how information is handled, avoid naming people in
        notes unless they agree, and show people what was written.
    References:
        DPUP Mana Whakahaere and Manaakitanga principles; the frontline behaviours; DPUP's
        service user journey map (group sessions).
    """
    records = activity.group_records
    if records is None:
        if _has_group_sessions(activity):
            return unrecorded(
                "how group-session records are handled",
                "group_records",
                reviewer=Reviewer.PRACTICE_LEAD,
            )
        return not_applicable("No group sessions are recorded for this activity.")
    facts = {
        "group_records.handling_agreed": records.handling_agreed,
        "group_records.explained": records.explained,
        "group_records.shown_to_participants": records.shown_to_participants,
        "group_records.disposal_agreed": records.disposal_agreed,
    }
    unexplained = records.handling_agreed is False or records.explained is False
    neither = records.handling_agreed is False and records.explained is False
    if neither or (records.attributed_by_name and unexplained):
        # Cite only recorded facts: names in the notes where recorded, and whichever of
        # agreement and explanation is recorded as missing.
        return not_met(
            "Group-session notes are kept without being explained to or agreed with the group.",
            *(["group_records.attributed_by_name"] if records.attributed_by_name else []),
            *(path for path in _UNEXPLAINED if facts[path] is False),
        )
    if all(facts.values()):
        return met("Group-session records are explained, agreed and shown back.", *facts)
    gaps, unknown = split_facts(facts)
    if gaps:
        return needs_review(
            "Group-session records are only partly explained, agreed or shown back.",
            *gaps,
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=tuple(f"agree it with the group and record it ({path})" for path in gaps),
        )
    return unrecorded(
        "how group-session records are handled", *unknown, reviewer=Reviewer.PRACTICE_LEAD
    )
