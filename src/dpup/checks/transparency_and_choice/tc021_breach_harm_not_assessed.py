"""TC021 breach-harm-not-assessed: a Transparency and Choice check.

A privacy breach is assessed for likely serious harm against every matter the Act lists.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc021_breach_harm_not_assessed.py``.
"""

from __future__ import annotations

from dpup.checkdef import KT, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Breach
from dpup.model.breach import HARM_FACTORS

__all__ = ["breach_harm_not_assessed"]

_FACTOR_PATHS = tuple(f"harm_assessment.{name}" for name in HARM_FACTORS)
_CONCLUSION = "harm_assessment.serious_harm_likely"


@check(
    id="TC021",
    name="breach-harm-not-assessed",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.PA_S113,),
    severity=Severity.HIGH,
    subject=Breach,
    remediation=(
        "Assess every privacy breach for likely serious harm as soon as you know of it, "
        "weighing each matter in s 113 of the Privacy Act, and record what you found, your "
        "conclusion, who assessed it and when."
    ),
    tags=("breach", "part-6"),
    provision="s 113",
    condition=(
        "Whether a privacy breach is notifiable is decided by an assessment of likely serious "
        "harm that considers each of the matters s 113 lists."
    ),
)
def breach_harm_not_assessed(breach: Breach, ctx: EvaluationContext) -> Outcome:
    """A privacy breach is assessed for likely serious harm against every matter the Act lists.

    What it checks:
        That the breach was assessed (``harm_assessed``) and that the assessment
        (``harm_assessment``) records a finding on each of the six matters s 113 lists:
        the steps taken to reduce the risk of harm (``steps_taken``), whether the
        information is sensitive (``information_sensitive``), the kinds of harm that may
        follow (``harms``), who has or may get the information (``obtained_by``), whether a
        security measure protects it (``security_protected``) and anything else weighed
        (``other_matters``), with a conclusion on whether serious harm is likely
        (``serious_harm_likely``). All recorded is met. A breach recorded as not assessed
        is not met. A partial record, or none, needs review naming what is missing. Who
        assessed it and when (``assessed_by``, ``assessed_on``) are kept for the record but
        not required here.
    Why it matters:
        Whether the Privacy Commissioner and the people affected must be told turns on this
        assessment, and the Act says what it must weigh. A case file about a child sent to
        the wrong agency can look minor and still put a family at risk; only a deliberate
        look at each matter shows that. An agency that decides a breach is not notifiable
        without assessing it cannot later show its decision was reasonable.
    How to meet it:
        Use the Commissioner's NotifyUs tool, or your own form with the six matters, as soon
        as you learn of a breach; record a finding on each, the conclusion, who made it and
        when, and revisit it as you learn more.
    References:
        Privacy Act 2020, s 113 (assessment of likely serious harm), s 112 (meaning of
        privacy breach and notifiable privacy breach). Privacy Commissioner, "What is
        serious harm?" (knowledge base 649).
    """
    del ctx
    assessment = breach.harm_assessment
    if breach.harm_assessed is False:
        return not_met(
            "The breach is recorded as not assessed for likely serious harm.", "harm_assessed"
        )
    if assessment is None:
        return unrecorded(
            "the assessment of likely serious harm against the s 113 matters",
            "harm_assessment",
            reviewer=Reviewer.PRIVACY_OFFICER,
        )
    missing = [f"harm_assessment.{name}" for name in assessment.unrecorded_factors()]
    if assessment.serious_harm_likely is None:
        missing.append(_CONCLUSION)
    if missing:
        return unrecorded(
            "the assessment's finding on each s 113 matter and its conclusion", *missing
        )
    return met(
        "The breach was assessed against every s 113 matter and a conclusion recorded.",
        *_FACTOR_PATHS,
        _CONCLUSION,
    )
