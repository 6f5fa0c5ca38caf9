"""AI015 correction-refusal-incomplete: a Access to Information check.

A refused correction comes with reasons, a statement of correction and the complaint right.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai015_correction_refusal_incomplete.py``.
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
    split_facts,
    unrecorded,
)
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import CorrectionRequest

__all__ = ["correction_refusal_incomplete"]


@check(
    id="AI015",
    name="correction-refusal-incomplete",
    principles=(MW, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP7,),
    severity=Severity.HIGH,
    subject=CorrectionRequest,
    remediation=(
        "When you will not correct, give reasons, offer to attach the person's statement of "
        "correction (and attach any they give), and tell them they may complain."
    ),
    tags=("correction", "refusal"),
    provision="IPP7(4)",
    condition=(
        "An agency that will not correct information as asked attaches the person's statement "
        "of correction so it is read with the information, and tells them why and that they "
        "may complain."
    ),
)
def correction_refusal_incomplete(correction: CorrectionRequest, ctx: EvaluationContext) -> Outcome:
    """A refused correction comes with reasons, a statement of correction and the complaint right.

    What it checks:
        When the agency will not correct (``corrected`` is false): reasons were given
        (``reasons_given``), the person was told they may have a statement of correction
        attached (``statement_offered``), any statement they provided
        (``statement_provided``) was attached (``statement_attached``), and they were told
        they may complain (``complaint_right_stated``).
    Why it matters:
        IPP7 lets people who disagree with a record put their side beside it, so the
        statement is read whenever the information is. Without reasons and the complaint
        route, a refusal cannot be tested.
    How to meet it:
        Use a refusal letter that covers each element; attach statements so they travel with
        the record.
    References:
        Privacy Act 2020, IPP7 (statement of correction; we read it as IPP7(4), a subclause
        number unverified in our stored sources). Office of the Privacy Commissioner guidance
        on correction requests.
    """
    corrected = correction.corrected
    if corrected is None:
        if correction.decided_on is None:
            return not_applicable("The correction request is not yet decided.", "decided_on")
        return unrecorded("whether the information was corrected", "corrected")
    if corrected:
        return not_applicable("The information was corrected.", "corrected")
    facts = {
        "reasons_given": correction.reasons_given,
        "statement_offered": correction.statement_offered,
        "complaint_right_stated": correction.complaint_right_stated,
    }
    failing, unknown = split_facts(facts)
    provided = correction.statement_provided
    attached = correction.statement_attached
    if provided and attached is False:
        failing.append("statement_attached")
    elif provided and attached is None:
        unknown.append("statement_attached")
    elif provided is None and attached is not True:
        unknown.append("statement_provided")
    if failing:
        return not_met("The refusal to correct leaves out something the person is owed.", *failing)
    if unknown:
        return unrecorded("what the person was told when correction was refused", *unknown)
    return met(
        "The refusal gave reasons, the statement of correction and the complaint right.",
        *facts,
    )
