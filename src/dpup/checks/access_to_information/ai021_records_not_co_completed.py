"""AI021 records-not-co-completed: a Access to Information check.

Records are completed with the person and carry their own perspective.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai021_records_not_co_completed.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MN,
    EvaluationContext,
    Outcome,
    check,
    verdict_from_facts,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import AccessPractice

__all__ = ["records_not_co_completed"]


@check(
    id="AI021",
    name="records-not-co-completed",
    principles=(MN, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP8,),
    severity=Severity.LOW,
    subject=AccessPractice,
    remediation=(
        "Complete records with the person where you can, keep them factual, and let people "
        "add their own view beside what is written about them."
    ),
    tags=("records",),
)
def records_not_co_completed(practice: AccessPractice, ctx: EvaluationContext) -> Outcome:
    """Records are completed with the person and carry their own perspective.

    What it checks:
        Records are completed with the person (``records_co_completed``) and people can add
        their own view beside the record (``own_perspective_recorded``). Whether the wording
        is factual and free of judgement needs someone to read the records; dpup does not
        judge that.
    Why it matters:
        People may read their records later, and a recorded story can carry judgement or
        stigma. DPUP asks for accurate, clear recording; writing with the person, and letting
        them add their side, keeps records fair and supports accuracy under IPP8.
    How to meet it:
        Write notes with people in the session where you can; add a field for their own
        words; audit a sample for judgemental language.
    References:
        DPUP Access to Information: help people understand their rights (record accurately
        and well); Manaakitanga frontline behaviours. Good practice; supports IPP8.
    """
    facts = {
        "records_co_completed": practice.records_co_completed,
        "own_perspective_recorded": practice.own_perspective_recorded,
    }
    return verdict_from_facts(
        facts,
        met_message="Records are completed with the person and carry their view.",
        not_met_message="Records are not written with the person, or leave no room for their view.",
        unrecorded_what="how records are completed",
        reviewer=Reviewer.SERVICE_MANAGER,
    )
