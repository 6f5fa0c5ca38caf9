"""PM019 purpose-statement-incomplete: a Purpose Matters check.

The purpose statement covers DPUP's six elements.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm019_purpose_statement_incomplete.py``.
"""

from __future__ import annotations

from dpup.checkdef import HT, KT, MW, EvaluationContext, Outcome, check, met, needs_review, not_met
from dpup.checks.purpose_matters._helpers import present
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Purpose

__all__ = ["purpose_statement_incomplete"]


@check(
    id="PM019",
    name="purpose-statement-incomplete",
    principles=(HT, MW, KT),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1, LegalRef.IPP3),
    severity=Severity.MEDIUM,
    subject=Purpose,
    remediation=(
        "Complete the purpose statement using DPUP's template: what is collected, why, how it "
        "helps and who sees it, the choices people have, the law relied on, and how people "
        "are told."
    ),
    tags=("purpose-statement",),
)
def purpose_statement_incomplete(purpose: Purpose, ctx: EvaluationContext) -> Outcome:
    """The purpose statement covers DPUP's six elements.

    What it checks:
        The statement records: What (``what``); Why (``why``); How, meaning both the benefit
        (``benefit``) and who will have access (``access``); Choice (``choices``, or a plain
        declaration that there is none, ``no_choice_declared``); Law (``law``); and
        Transparency (``transparency``). A blank What or Why is not met; any other gap, or
        an element not recorded, needs review.
    Why it matters:
        DPUP's purpose-statement checklist says a "No" answer must be resolved before any
        collection or use goes ahead. Each element answers a question people, providers and
        reviewers will ask; a statement without What or Why is not a purpose at all.
    How to meet it:
        Fill in each element of the template, and say so explicitly when people have no
        choice.
    References:
        DPUP toolkit: how to write a purpose statement (template and checklist). Good
        practice beyond the law; it supports IPP1 and IPP3.
    """
    elements: dict[str, bool | None] = {
        "what": present(purpose.what),
        "why": present(purpose.why),
        "benefit": present(purpose.benefit),
        "access": present(purpose.access),
        # Only whether this element is there matters, not why it is missing.
        "choices": bool(present(purpose.choices)) or purpose.no_choice_declared is True,
        "law": present(purpose.law),
        "transparency": present(purpose.transparency),
    }
    core = [path for path in ("what", "why") if elements[path] is False]
    if core:
        return not_met("The purpose statement does not say what is collected or why.", *core)
    gaps = [path for path, state in elements.items() if state is not True]
    if gaps:
        return needs_review(
            "Some elements of the purpose statement are missing or not recorded.",
            *gaps,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("complete each listed element of the purpose statement template",),
        )
    return met("The purpose statement covers all six elements.", *elements)
