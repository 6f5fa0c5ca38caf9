"""PM002 catch-all-purpose: a Purpose Matters check.

A purpose does not use catch-all or "future-proofing" wording.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm002_catch_all_purpose.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

from dpup.checkdef import (
    HT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import vague
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Purpose

__all__ = ["catch_all_purpose"]


@check(
    id="PM002",
    name="catch-all-purpose",
    principles=(MW, HT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1, LegalRef.IPP10),
    severity=Severity.HIGH,
    subject=Purpose,
    remediation=(
        "Replace open-ended wording with the specific purposes genuinely intended now; add a "
        "new purpose (and tell people) when a new use really arises."
    ),
    tags=("purpose-statement", "wording"),
)
def catch_all_purpose(purpose: Purpose, ctx: EvaluationContext) -> Iterator[Outcome]:
    """A purpose does not use catch-all or "future-proofing" wording.

    What it checks:
        The purpose (``why``) and the choices described (``choices``) contain none of the
        configured catch-all phrases, such as "any other purpose", "from time to time" or
        "relevant agencies". Phrases match as whole words, ignoring case and punctuation.
        A purpose that is broad rather than open-ended (a word such as "monitoring" or
        "research" with nothing recorded in ``feeds``) needs review.
    Why it matters:
        DPUP says vague purposes added to hedge bets about future use are not acceptable, and
        that relying on broad or future-proofing purposes or consents is not appropriate.
        Such wording also weakens the IPP1 purpose and the IPP10 limit on use that hangs off it.
    How to meet it:
        State each purpose genuinely intended at collection. Drop open-ended phrases; if a new
        use comes up later, assess it against IPP10 and tell people.
    References:
        DPUP Purpose Matters: be clear about purpose and use; Mana Whakahaere principle.
        Privacy Act 2020, IPP1 and IPP10. The phrase lists are `Settings.catch_all_phrases`
        and `Settings.vague_purpose_phrases`.
    """
    phrases = ctx.settings.catch_all_phrases
    texts = [("why", purpose.why), ("choices", purpose.choices)]
    recorded = [(path, text) for path, text in texts if text is not None]
    if not recorded:
        yield unrecorded("the purpose wording", "why")
        return
    flagged = [path for path, text in recorded if phrases.search(text)]
    if flagged:
        yield not_met("The purpose uses catch-all or future-proofing wording.", *flagged)
    elif vague(purpose, ctx.settings):
        yield needs_review(
            "The purpose is broad and names no process or decision it feeds.",
            "why",
            "feeds",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record the processes, activities or decisions the purpose feeds (feeds)",
                "or narrow the wording to what is genuinely intended (why)",
            ),
        )
    else:
        yield met("The purpose wording is specific.", *(p for p, _ in recorded))
