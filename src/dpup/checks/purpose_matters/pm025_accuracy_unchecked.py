"""PM025 accuracy-unchecked: a Purpose Matters check.

Personal information is checked before it is used or disclosed.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm025_accuracy_unchecked.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MN,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import WORD
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Disclosure, FlowKind

__all__ = ["accuracy_unchecked"]

_DONE = {FlowKind.USE: "used", FlowKind.DISCLOSURE: "disclosed"}


@check(
    id="PM025",
    name="accuracy-unchecked",
    principles=(KT, MN),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP8,),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Before personal information is used or sent anywhere, take the steps the purpose "
        "calls for to make sure it is accurate, up to date, complete, relevant and not "
        "misleading (ideally with the person), and record that it was done. Take most care "
        "where it informs a decision about someone, such as a court or agency report."
    ),
    tags=("accuracy",),
    provision="IPP8",
    condition=(
        "Before personal information is used or disclosed, reasonable steps are taken to "
        "ensure it is accurate, up to date, complete, relevant and not misleading."
    ),
)
def accuracy_unchecked(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """Personal information is checked before it is used or disclosed.

    What it checks:
        For every use or disclosure of information that identifies people, a check before it
        went is recorded (``accuracy_checked``): that the information is accurate, up to
        date, complete, relevant to the purpose and not misleading. Not met when the record
        says no check was made for identifying information; a use or disclosure recorded as
        not identifying anyone is not applicable. Whether it feeds a decision about the
        person (``feeds_decision``) does not change whether the check applies, only how much
        care is reasonable.
    Why it matters:
        IPP8 applies before any use or disclosure of personal information, not only before
        a decision: the agency must take the steps that are reasonable, given the purpose,
        to make sure the information is accurate, up to date, complete, relevant and not
        misleading. A wrong statement in a court report (the alcohol error in DPUP's
        service-user journey) can change a family's life, and is hard to undo once sent; an
        out-of-date address or an irrelevant old note sent to a partner agency does harm
        too.
    How to meet it:
        Check the content against the records and, where safe, with the person; leave out
        what is not relevant to the purpose; record that the check was done.
    References:
        Privacy Act 2020, s 22, IPP8
        (https://www.legislation.govt.nz/act/public/2020/0031/latest/whole.html; its
        wording as quoted at
        https://www.raineycollins.co.nz/privacy-and-data-protection/information-privacy-principles/disclosure-of-personal-information/).
        DPUP Kaitiakitanga and Manaakitanga principles; DPUP's service-user journey (Kids
        First).
    """
    word = WORD[disclosure.kind]
    if disclosure.identifiable is False:
        return not_applicable(f"The {word} does not identify anyone.", "identifiable")
    if disclosure.accuracy_checked is None:
        return unrecorded(
            f"whether the information was checked before the {word}", "accuracy_checked"
        )
    if disclosure.accuracy_checked:
        return met(f"The information was checked before the {word}.", "accuracy_checked")
    if disclosure.identifiable is None:
        # No check was made, but whether the information is personal is not recorded.
        return unrecorded(f"whether the {word} identifies anyone", "identifiable")
    return not_met(
        f"Personal information was {_DONE[disclosure.kind]} without a check that it is "
        "accurate, up to date, complete, relevant and not misleading.",
        "accuracy_checked",
        "identifiable",
    )
