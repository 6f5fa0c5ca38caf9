"""SV016 maori-data-without-partners: a Sharing Value check.

Māori data is used with iwi or Māori partners, and their interests are recorded.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv016_maori_data_without_partners.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MH,
    MN,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import GroupDimension, Insight

__all__ = ["maori_data_without_partners"]


_IWI = GroupDimension.IWI


@check(
    id="SV016",
    name="maori-data-without-partners",
    principles=(MN, MH, KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.HIGH,
    subject=Insight,
    remediation=(
        "Involve iwi or Māori partners in decisions about Māori data; agree with them where it "
        "is stored and state the collective benefit to Māori."
    ),
    tags=("maori-data",),
)
def maori_data_without_partners(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """Māori data is used with iwi or Māori partners, and their interests are recorded.

    What it checks:
        When the insight is Māori data (``maori_data``, or a breakdown by iwi in
        ``dimensions``), iwi or Māori partners were involved (``maori_partners_involved``).
        Storage outside New Zealand (``stored_offshore``), or no statement of the collective
        benefit to Māori (``collective_benefit_stated``), goes to a Māori adviser.
    Why it matters:
        DPUP asks agencies to work with iwi and Māori as Treaty partners and involve them in
        data decisions that affect them. Te Mana Raraunga's Māori data sovereignty principles
        add that Māori data should serve Māori collectively and be stored where Māori can keep
        authority over it.
    How to meet it:
        Bring iwi or Māori partners into the design, analysis and release decisions; record
        where the data is stored and the collective benefit agreed with them.
    References:
        DPUP Mahitahitanga principle (iwi and Māori as Treaty partners); Te Mana Raraunga
        principles (rangatiratanga, kotahitanga) as external guidance. Good practice beyond
        the law.
    """
    maori = insight.maori_data
    evidence = ["maori_data"]
    if maori is None:
        iwi = [f"dimensions[{i}]" for i, d in enumerate(insight.dimensions or ()) if d is _IWI]
        if iwi:
            # A breakdown by iwi is data about Māori by definition, whatever else is recorded.
            maori, evidence = True, iwi
    if maori is None:
        return unrecorded(
            "whether the insight is Māori data (by or about Māori)",
            "maori_data",
            reviewer=Reviewer.MAORI_ADVISER,
        )
    if not maori:
        return not_applicable("The insight is not Māori data.", "maori_data")
    partners = insight.maori_partners_involved
    if partners is None:
        return unrecorded(
            "whether iwi or Māori partners were involved",
            *evidence,
            "maori_partners_involved",
            reviewer=Reviewer.MAORI_ADVISER,
        )
    if not partners:
        return not_met(
            "Māori data is used without iwi or Māori partners involved.",
            *evidence,
            "maori_partners_involved",
        )
    settle: list[str] = []
    if insight.stored_offshore is None:
        settle.append("record where the underlying data is stored (stored_offshore)")
    elif insight.stored_offshore:
        settle.append("agree with iwi or Māori partners whether storage offshore is acceptable")
    if not insight.collective_benefit_stated:
        settle.append(
            "state the collective benefit to Māori, agreed with partners "
            "(collective_benefit_stated)"
        )
    if settle:
        return needs_review(
            "Iwi or Māori partners are involved; storage or the collective benefit to Māori "
            "still needs their decision.",
            "maori_partners_involved",
            "stored_offshore",
            "collective_benefit_stated",
            reviewer=Reviewer.MAORI_ADVISER,
            settle_with=settle,
        )
    return met(
        "Iwi or Māori partners are involved, the data stays in New Zealand and the collective "
        "benefit is stated.",
        "maori_partners_involved",
        "stored_offshore",
        "collective_benefit_stated",
    )
