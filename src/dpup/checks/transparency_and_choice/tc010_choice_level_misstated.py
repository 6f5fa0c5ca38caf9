"""TC010 choice-level-misstated: a Transparency and Choice check.

The notice states honestly how much choice people have.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc010_choice_level_misstated.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
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

__all__ = ["choice_level_misstated"]


@check(
    id="TC010",
    name="choice-level-misstated",
    principles=(MW,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP3,),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Say plainly how much choice people have, including whether providing the information "
        "is optional. If the law requires the information, say there is no choice about "
        "providing it, and explain the choices that remain."
    ),
    tags=("notice", "choice"),
)
def choice_level_misstated(collection: Collection, ctx: EvaluationContext) -> Outcome | None:
    """The notice states honestly how much choice people have.

    What it checks:
        The notice states a level of choice (``notice.choice_level``: none, limited or
        some), so people can tell whether providing the information is optional. A notice
        recorded as silent about choice (``notice.choice_stated`` false), or as not saying
        whether providing the information is optional (``notice.voluntary_or_mandatory``
        false), is not met. The level is compared with whether a law requires the
        information (``required_by_law``): information the law requires presented as
        optional is not met; "no choice" claimed where no law requires it needs review,
        since the honest level may be "limited".
    Why it matters:
        DPUP's purpose-statement template asks agencies to say so when people will not have
        a choice, and to be honest about the choices they do have. Presenting compulsory
        information as optional misleads people, and overstating compulsion pressures them;
        both damage trust. This is good practice for every collection: the Privacy Act asks
        for it only where a law authorises or requires the collection, which TC001 checks.
    How to meet it:
        State the level that matches the facts: no choice where a law requires the
        information, limited where it is intrinsic to the service, some where people can
        choose what to share, with whom, or how it is used.
    References:
        DPUP purpose-statement template (choice); Transparency and Choice: offer choices
        when you can. Privacy Act 2020, IPP3(1)(e)(ii) (voluntary or mandatory, where a law
        authorises or requires the collection; see TC001).
    """
    notice = collection.notice
    if notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    level = notice.choice_level
    if level is None:
        silent = [
            path
            for path, told in (
                ("notice.choice_stated", notice.choice_stated),
                ("notice.voluntary_or_mandatory", notice.voluntary_or_mandatory),
            )
            if told is False
        ]
        if silent:
            return not_met(
                "The notice does not tell people how much choice they have, or whether "
                "providing the information is optional.",
                *silent,
            )
        return unrecorded("the level of choice the notice states", "notice.choice_level")
    compulsory = collection.required_by_law
    if compulsory is None:
        return unrecorded("whether a law requires the information", "required_by_law")
    if compulsory and level is not ChoiceLevel.NONE:
        return not_met(
            "The notice presents information the law requires as if it were optional.",
            "notice.choice_level",
            "required_by_law",
        )
    if not compulsory and level is ChoiceLevel.NONE:
        return needs_review(
            "The notice says there is no choice, but no law is recorded as requiring the "
            "information.",
            "notice.choice_level",
            "required_by_law",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm whether a law requires the information (required_by_law)",
                "or state the honest level, e.g. limited (notice.choice_level)",
            ),
        )
    return met(
        "The notice states a level of choice that matches the facts.",
        "notice.choice_level",
        "required_by_law",
    )
