"""TC008 single-channel-notice: a Transparency and Choice check.

The explanation is given in more than one way, one of them a conversation.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc008_single_channel_notice.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MW,
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
from dpup.model import Collection

__all__ = ["single_channel_notice"]


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
def single_channel_notice(collection: Collection, ctx: EvaluationContext) -> Outcome | None:
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
    if notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    if notice.channels is None:
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
