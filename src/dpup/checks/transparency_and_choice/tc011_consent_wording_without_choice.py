"""TC011 consent-wording-without-choice: a Transparency and Choice check.

The notice does not ask for "consent" where there is no real choice.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc011_consent_wording_without_choice.py``.
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
from dpup.law import Basis, LegalRef
from dpup.model import ChoiceLevel, Collection

__all__ = ["consent_wording_without_choice"]


@check(
    id="TC011",
    name="consent-wording-without-choice",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Drop 'consent' wording where people have no real choice; explain what is needed, "
        "why, and the choices they do have."
    ),
    tags=("notice", "choice", "wording"),
)
def consent_wording_without_choice(
    collection: Collection, ctx: EvaluationContext
) -> Outcome | None:
    """The notice does not ask for "consent" where there is no real choice.

    What it checks:
        Whether the notice uses consent wording (``notice.uses_consent_wording``; when that
        is not recorded but the text is supplied, the text is searched for
        `Settings.consent_phrases` without being echoed), against the choice people really
        have (``notice.choice_level``, or none where ``required_by_law``). Consent wording
        with no choice is not met; with limited choice (use the service or not) it needs
        review; with some choice, or without consent wording, it is met.
    Why it matters:
        DPUP prefers "choice" to "consent": consent has technical meanings, and asking for
        it where the only alternative is going without a needed service is not a real
        choice. The Privacy Act rests on people being informed, not on consent.
    How to meet it:
        Replace "I consent" with a plain explanation and, where people do have a say, a
        clear statement of the choices on offer.
    References:
        DPUP "How to approach consent" and "Design a consent form" tools; Transparency and
        Choice key concepts. Privacy Act 2020, IPP3.
    """
    notice = collection.notice
    if notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    wording = notice.uses_consent_wording
    wording_path = "notice.uses_consent_wording"
    if wording is None and notice.text is not None:
        wording = ctx.settings.consent_phrases.search(notice.text)
        wording_path = "notice.text"
    if wording is None:
        return unrecorded("whether the notice asks for consent", "notice.uses_consent_wording")
    if not wording:
        return met("The notice does not frame itself as a consent.", wording_path)
    level = notice.choice_level
    level_path = "notice.choice_level"
    if level is None and collection.required_by_law:
        level, level_path = ChoiceLevel.NONE, "required_by_law"
    if level is None:
        return unrecorded("the level of choice people have", "notice.choice_level")
    if level is ChoiceLevel.NONE:
        return not_met(
            "The notice asks for consent although people have no choice.",
            wording_path,
            level_path,
        )
    if level is ChoiceLevel.LIMITED:
        return needs_review(
            "The notice asks for consent where the only choice is whether to use the service.",
            wording_path,
            level_path,
            reviewer=Reviewer.PRACTICE_LEAD,
            settle_with=(
                "confirm people can decline without losing a service they need, or reword "
                "the notice as an explanation of choices (notice.uses_consent_wording)",
            ),
        )
    return met("Consent wording is used where people have real choices.", wording_path, level_path)
