"""TC017 other-law-duties-unexplained: a Transparency and Choice check.

Disclosure duties under other laws are explained.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc017_other_law_duties_unexplained.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
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
from dpup.model import Collection

__all__ = ["other_law_duties_unexplained"]


@check(
    id="TC017",
    name="other-law-duties-unexplained",
    principles=(KT,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.OT_S66, LegalRef.FV_S20),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Explain the duties other laws place on the agency to share or report information "
        "(for example under the Oranga Tamariki Act or the Family Violence Act)."
    ),
    tags=("notice", "other-laws"),
)
def other_law_duties_unexplained(collection: Collection, ctx: EvaluationContext) -> Outcome | None:
    """Disclosure duties under other laws are explained.

    What it checks:
        When the activity records other laws that require sharing or telling people
        things (``other_laws``), the notice explains those duties
        (``notice.other_law_disclosures_explained``).
    Why it matters:
        DPUP's Transparency and Choice checklist asks agencies to consider other laws, such
        as the Oranga Tamariki Act, the Education and Training Act and the Health and
        Disability Code, that shape what people must be told or what must be shared.
        People should not learn of such duties only when they are used.
    How to meet it:
        For each law listed, say in plain words when it requires information to be shared
        and with whom.
    References:
        DPUP Transparency and Choice checklist (other laws). Oranga Tamariki Act 1989,
        s 66; Family Violence Act 2018, s 20.
    """
    activity = ctx.activity
    if activity is None or activity.other_laws is None:
        return unrecorded(
            "which other laws require sharing or telling people things", "$.other_laws"
        )
    if not activity.other_laws:
        return not_applicable("No other law that requires sharing is recorded.", "$.other_laws")
    notice = collection.notice
    if notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    if notice.other_law_disclosures_explained is None:
        return unrecorded(
            "whether the notice explains duties under other laws",
            "notice.other_law_disclosures_explained",
        )
    if not notice.other_law_disclosures_explained:
        return not_met(
            "Other laws require sharing, but the notice does not explain those duties.",
            "notice.other_law_disclosures_explained",
            "$.other_laws",
        )
    return met(
        "The notice explains duties to share under other laws.",
        "notice.other_law_disclosures_explained",
    )
