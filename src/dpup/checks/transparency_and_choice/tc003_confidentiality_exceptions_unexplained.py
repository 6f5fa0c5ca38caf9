"""TC003 confidentiality-exceptions-unexplained: a Transparency and Choice check.

The limits of confidentiality are explained up front wherever they can apply.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc003_confidentiality_exceptions_unexplained.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.facts import override_grounds_in_play
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Collection

__all__ = ["confidentiality_exceptions_unexplained"]


@check(
    id="TC003",
    name="confidentiality-exceptions-unexplained",
    principles=(MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.OT_S66, LegalRef.FV_S20, LegalRef.IPP11),
    severity=Severity.HIGH,
    subject=Collection,
    remediation=(
        "Explain up front, in plain words, when information may be shared without agreement: "
        "for example when Oranga Tamariki, Police or a court asks, or a child is at risk."
    ),
    tags=("notice", "no-surprises"),
)
def confidentiality_exceptions_unexplained(
    collection: Collection, ctx: EvaluationContext
) -> Outcome | None:
    """The limits of confidentiality are explained up front wherever they can apply.

    What it checks:
        Every ground on which the activity shares, or may share, without the person's
        agreement (Oranga Tamariki or Police requests, court requests, serious threat, family
        violence sharing) is listed in the notice (``notice.sharing_exceptions``). The
        grounds in play are those of the activity's disclosures and those recorded on its
        choices as possible overrides.
    Why it matters:
        Sharing under these grounds can be lawful without consent, but finding out afterwards
        destroys trust. DPUP and the family violence guidance encourage telling people when
        sharing can happen; the Oranga Tamariki provisions expect it.
    How to meet it:
        Add each ground to the notice in plain words, and have staff explain it when people
        start.
    References:
        DPUP Transparency and Choice; DPUP's information-sharing one-pager. Oranga Tamariki
        Act 1989, s 66; Family Violence Act 2018, s 20; Privacy Act 2020, IPP11.
    """
    grounds = override_grounds_in_play(ctx.activity)
    if not grounds:
        return not_applicable("No sharing without agreement is recorded for this activity.")
    notice = collection.notice
    if notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    if notice.sharing_exceptions is None:
        return unrecorded(
            "which sharing exceptions the notice explains", "notice.sharing_exceptions"
        )
    missing = grounds - set(notice.sharing_exceptions)
    if missing:
        return not_met(
            "The notice does not explain every ground on which information may be shared "
            "without agreement.",
            "notice.sharing_exceptions",
        )
    return met(
        "Every ground for sharing without agreement is explained.", "notice.sharing_exceptions"
    )
