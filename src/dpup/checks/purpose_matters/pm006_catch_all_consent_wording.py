"""PM006 catch-all-consent-wording: a Purpose Matters check.

The wording people are shown does not ask for catch-all or open-ended agreement.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm006_catch_all_consent_wording.py``.
"""

from __future__ import annotations

from dpup.checkdef import HT, MW, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["catch_all_consent_wording"]


@check(
    id="PM006",
    name="catch-all-consent-wording",
    principles=(MW, HT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1, LegalRef.IPP10),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Rewrite the notice or consent form so it names the specific uses and recipients "
        "intended now; drop open-ended phrases such as 'any other purpose' or 'relevant "
        "agencies'."
    ),
    tags=("notice", "wording", "consent"),
)
def catch_all_consent_wording(collection: Collection, ctx: EvaluationContext) -> Outcome | None:
    """The wording people are shown does not ask for catch-all or open-ended agreement.

    What it checks:
        The notice or consent wording supplied with the collection (``notice.text``)
        contains none of the configured catch-all phrases ("any other purpose", "from time
        to time", "relevant agencies", future uses ...). Phrases match as whole words,
        ignoring case and punctuation.
    Why it matters:
        DPUP's Mana Whakahaere principle says it is not appropriate to rely on broad or
        future-proofing consents for loosely defined later uses. People cannot agree in any
        real sense to something nobody has described, and such wording undermines the
        purpose limits of IPP1 and IPP10.
    How to meet it:
        Describe each use and recipient genuinely intended at collection. When a new use
        arises later, assess it and tell people then.
    References:
        DPUP Mana Whakahaere principle; Purpose Matters: be clear about purpose and use.
        Privacy Act 2020, IPP1 and IPP10. The phrase list is `Settings.catch_all_phrases`.
    """
    if collection.notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    text = collection.notice.text
    if text is None or not text.strip():
        return unrecorded(
            "the wording of the notice or consent form people are shown", "notice.text"
        )
    if ctx.settings.catch_all_phrases.search(text):
        return not_met("The notice or consent wording is open-ended.", "notice.text")
    return met("The notice or consent wording is specific.", "notice.text")
