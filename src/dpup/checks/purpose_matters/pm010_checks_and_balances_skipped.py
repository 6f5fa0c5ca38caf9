"""PM010 checks-and-balances-skipped: a Purpose Matters check.

Checks and balances are used, with the people affected, when a trigger applies.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm010_checks_and_balances_skipped.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
    MH,
    MN,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.checks.purpose_matters._helpers import purposes_of
from dpup.facts import collection_purposes
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import CheckAndBalance, Collection, Sensitivity

__all__ = ["checks_and_balances_skipped"]


_AFFECTED_GROUP_CHECKS = frozenset(
    {
        CheckAndBalance.SERVICE_USER_CONSULTATION,
        CheckAndBalance.PROVIDER_CONSULTATION,
        CheckAndBalance.MAORI_INVOLVEMENT,
    }
)


_MAORI_DATA = frozenset({Sensitivity.IWI, Sensitivity.ETHNICITY})


def _triggers(collection: Collection, ctx: EvaluationContext) -> tuple[list[str], list[str], bool]:
    """Return trigger paths, unknown-trigger paths, and whether Māori involvement is called for."""
    triggers: list[str] = []
    unknown: list[str] = []
    maori = any(s in _MAORI_DATA for item in collection.items for s in item.sensitivity or ())
    for i, item in enumerate(collection.items):
        if item.sensitivity is None:
            unknown.append(f"items[{i}].sensitivity")
        elif item.sensitivity:
            triggers.append(f"items[{i}].sensitivity")
        if item.purposes is not None and not item.purposes:
            triggers.append(f"items[{i}].purposes")
    activity = ctx.activity
    if activity is None:
        unknown.append("$.purposes")
        return triggers, unknown, maori
    for i, purpose in purposes_of(activity, collection_purposes(collection)):
        for name, state in (
            ("uncertain", purpose.uncertain),
            ("stakeholder_concern", purpose.stakeholder_concern),
        ):
            if state:
                triggers.append(f"$.purposes[{i}].{name}")
            elif state is None:
                unknown.append(f"$.purposes[{i}].{name}")
    complex_law = activity.agency.complex_legislation if activity.agency else None
    if complex_law:
        triggers.append("$.agency.complex_legislation")
    elif complex_law is None:
        unknown.append("$.agency.complex_legislation")
    if activity.audience is not None and activity.audience.maori_focus:
        maori = True
    return triggers, unknown, maori


@check(
    id="PM010",
    name="checks-and-balances-skipped",
    principles=(HT, MN, MH),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Where the information is sensitive, the purpose is uncertain, the law is complex or "
        "people have raised concerns, use checks and balances (management or legal review, "
        "an ethics committee, a privacy impact assessment) and involve the people affected."
    ),
    tags=("checks-and-balances",),
)
def checks_and_balances_skipped(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Checks and balances are used, with the people affected, when a trigger applies.

    What it checks:
        Triggers are: sensitive items (``items[].sensitivity``), an item serving no purpose,
        a purpose marked uncertain or the subject of concern from providers or service users
        (``uncertain``, ``stakeholder_concern``), and an agency working under complex
        legislation (``agency.complex_legislation``). When one applies, at least one check
        must be recorded (``checks_done``). If none of those checks involved service users,
        providers or Māori, or Māori were not involved although iwi or ethnicity data is
        collected or Māori are a focus, it needs review.
    Why it matters:
        DPUP's Purpose Matters guideline recommends checks and balances exactly when
        purposes, law or sensitivity make mistakes likely, and asks agencies to seek the
        views of those affected. The ICLD demand went ahead despite all of these triggers.
    How to meet it:
        Record the checks used, and include the affected groups (service users, providers,
        Māori and others with a specific interest).
    References:
        DPUP Purpose Matters: work through checks and balances; Manaakitanga (include service
        users); Mahitahitanga. Good practice beyond the law.
    """
    triggers, unknown, maori = _triggers(collection, ctx)
    checks = collection.checks_done
    if triggers:
        if checks is None:
            return needs_review(
                "Checks and balances are called for, but none are recorded.",
                "checks_done",
                *triggers,
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=("record the checks and balances used (checks_done)",),
            )
        if not checks:
            return not_met(
                "Triggers for checks and balances apply, but no check was used.",
                "checks_done",
                *triggers,
            )
        done = set(checks)
        if not done & _AFFECTED_GROUP_CHECKS:
            return needs_review(
                "Checks were used, but none involved the people affected.",
                "checks_done",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=(
                    "record whether service users, providers or Māori were consulted (checks_done)",
                ),
            )
        if maori and CheckAndBalance.MAORI_INVOLVEMENT not in done:
            return needs_review(
                "Data about Māori or a Māori focus is involved, but Māori were not involved "
                "in the checks.",
                "checks_done",
                reviewer=Reviewer.MAORI_ADVISER,
                settle_with=("record how Māori were involved in the checks (checks_done)",),
            )
        return met("Checks and balances were used, with the people affected.", "checks_done")
    if checks:
        return met("Checks and balances were used.", "checks_done")
    if unknown:
        return unrecorded("whether any trigger for checks and balances applies", *unknown)
    return met("No trigger for extra checks and balances applies.", "items")
