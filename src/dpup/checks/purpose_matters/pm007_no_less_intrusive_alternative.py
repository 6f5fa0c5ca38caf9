"""PM007 no-less-intrusive-alternative: a Purpose Matters check.

Less intrusive alternatives and opt-outs were considered for identifying collections.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm007_no_less_intrusive_alternative.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import identifying_state
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Alternative, Collection

__all__ = ["no_less_intrusive_alternative"]


@check(
    id="PM007",
    name="no-less-intrusive-alternative",
    principles=(HT,),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1,),
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Before collecting identifying information, record which less intrusive options "
        "were weighed (non-identifying or aggregate data, a different analysis, sampling, "
        "linkage by a trusted third party) and whether some people could opt out."
    ),
    tags=("minimisation", "identifiability"),
)
def no_less_intrusive_alternative(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Less intrusive alternatives and opt-outs were considered for identifying collections.

    What it checks:
        For a collection with identifying items, at least one less intrusive alternative is
        recorded (``alternatives_considered``) and letting some people opt out was
        considered (``opt_out_considered``, or ``opt-out`` among the alternatives). An
        explicit "none considered" for either is not met.
    Why it matters:
        DPUP's Purpose Matters guideline asks whether a different analysis could need less
        personal information, and whether it must really come from every person every time.
        The Privacy Commissioner's 2017 inquiry found MSD had not adequately considered
        de-identified alternatives before demanding client-level data.
    How to meet it:
        Record the alternatives weighed and why each was or was not used, including an
        opt-out for people using sensitive services.
    References:
        DPUP Purpose Matters: assess purpose and only collect what is needed; where DPUP goes
        beyond the Privacy Act. Good practice beyond the law; nearest hook is IPP1's
        necessity test.
    """
    identifying = identifying_state(collection.items)
    if identifying is False:
        return not_applicable("No identifying information is collected.", "items")
    if identifying is None:
        return unrecorded("whether the items identify people", "items")
    alternatives = collection.alternatives_considered
    others = None if alternatives is None else set(alternatives) - {Alternative.OPT_OUT}
    if alternatives is not None and Alternative.OPT_OUT in alternatives:
        opt_out: bool | None = True
    else:
        opt_out = collection.opt_out_considered
    missing = []
    if others is not None and not others:
        missing.append("alternatives_considered")
    if opt_out is False:
        missing.append("opt_out_considered")
    if missing:
        return not_met(
            "Identifying information is collected without weighing less intrusive options.",
            *missing,
        )
    if others and opt_out:
        return met(
            "Less intrusive alternatives and an opt-out were considered.",
            "alternatives_considered",
            "opt_out_considered",
        )
    unknown = [
        path
        for path, state in (("alternatives_considered", others), ("opt_out_considered", opt_out))
        if state is None
    ]
    return unrecorded("which less intrusive options were considered", *unknown)
