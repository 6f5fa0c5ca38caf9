"""The fast evaluation path agrees with the plain reference evaluator, report for report.

`dpup.engine.evaluate` interns outcomes, remembers findings and packs score tallies for speed;
`dpup._engine.reference.reference_evaluate` is the obvious loop with none of that. Every
example (as a whole and each of its parts in context), every golden case of the check tests,
generated activities and waived runs must give equal reports from both.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import dpup
from dpup import Report, Waiver
from dpup._engine.reference import reference_evaluate
from dpup.engine import Registry, default_registry
from dpup.testing.strategies import activities
from tests.checks.test_golden import ALL_CASES

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
AS_AT = dt.date(2026, 6, 1)


def _parts(activity: dpup.Activity) -> list[object]:
    parts: list[object] = [
        *activity.purposes,
        *activity.collections,
        *activity.choices,
        *activity.agreements,
        *activity.disclosures,
        *activity.access_requests,
        *activity.correction_requests,
        *activity.sharing_requests,
        *activity.insights,
    ]
    if activity.access_practice is not None:
        parts.append(activity.access_practice)
    return parts


def _assert_same(fast: Report, registry: Registry, subject: object, **options: Any) -> None:
    slow = reference_evaluate(
        subject,
        registry,
        catalogue_version=fast.catalogue_version,
        engine_version=fast.engine_version,
        **options,
    )
    assert slow.findings == fast.findings
    assert slow.errors == fast.errors
    assert slow.overall == fast.overall
    assert dict(slow.principle_scores) == dict(fast.principle_scores)
    assert dict(slow.guideline_scores) == dict(fast.guideline_scores)
    assert (slow.as_at, slow.subject_type, slow.label) == (
        fast.as_at,
        fast.subject_type,
        fast.label,
    )
    assert slow.to_dict() == fast.to_dict()


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_agree(path: Path) -> None:
    """Each example, and each of its parts in its context, twice (cold, then remembered)."""
    activity = dpup.load(path)
    registry = default_registry()
    for _ in range(2):
        fast = dpup.evaluate(activity, as_at=AS_AT, label=path.name)
        _assert_same(fast, registry, activity, as_at=AS_AT, label=path.name)
        for part in _parts(activity):
            fast = dpup.evaluate(part, context=activity, as_at=AS_AT)
            _assert_same(fast, registry, part, context=activity, as_at=AS_AT)
            alone = dpup.evaluate(part, as_at=AS_AT)
            _assert_same(alone, registry, part, as_at=AS_AT)


@pytest.mark.parametrize("path", EXAMPLES[:2], ids=[p.name for p in EXAMPLES[:2]])
def test_waived_and_selected_runs_agree(path: Path) -> None:
    """Waivers (by check, by subject, expired) and a narrowed catalogue agree too."""
    activity = dpup.load(path)
    waivers = (
        Waiver("AI001", "accepted for this review"),
        Waiver("PM002", "a later purpose review", subject="$.purposes[0]"),
        Waiver("TC001", "expired", expires=dt.date(2020, 1, 1)),
        Waiver("PM002", "a second waiver for the same check"),
    )
    registry = default_registry().select(["PM", "AI", "TC001"], ["PM003"])
    fast = dpup.evaluate(
        activity, as_at=AS_AT, waivers=waivers, select=["PM", "AI", "TC001"], ignore=["PM003"]
    )
    _assert_same(fast, registry, activity, as_at=AS_AT, waivers=waivers)
    for part in _parts(activity):
        fast = dpup.evaluate(part, context=activity, as_at=AS_AT, waivers=waivers)
        _assert_same(fast, default_registry(), part, context=activity, as_at=AS_AT, waivers=waivers)


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_golden_cases_agree(case: Any) -> None:
    """Every golden case of the check tests, with the whole catalogue."""
    options: dict[str, Any] = {"as_at": case.as_at, "context": case.context}
    chosen = dpup.settings.DEFAULT_SETTINGS if case.settings is None else case.settings
    fast = dpup.evaluate(case.subject, settings=case.settings, **options)
    _assert_same(fast, default_registry(), case.subject, settings=chosen, **options)


@settings(max_examples=40)
@given(activities())
def test_generated_activities_agree(activity: dpup.Activity) -> None:
    """Generated activities, whole and part by part."""
    registry = default_registry()
    fast = dpup.evaluate(activity, as_at=AS_AT)
    _assert_same(fast, registry, activity, as_at=AS_AT)
    for part in _parts(activity)[:6]:
        fast = dpup.evaluate(part, context=activity, as_at=AS_AT)
        _assert_same(fast, registry, part, context=activity, as_at=AS_AT)


def test_crashing_and_wrong_checks_agree() -> None:
    """A check that raises gives the same error entry on both paths."""
    from dpup.engine import Outcome, check  # noqa: PLC0415 - a custom catalogue for this test

    @check(
        id="PM901",
        name="always-crashes",
        principles=(dpup.Principle.HE_TANGATA,),
        basis=dpup.Basis.GOOD_PRACTICE,
        severity=dpup.Severity.LOW,
        subject=dpup.Purpose,
        remediation="none",
    )
    def crashes(purpose: dpup.Purpose, ctx: Any) -> Outcome:
        """Crash.

        What it checks:
            Nothing.
        Why it matters:
            It tests the engine.
        How to meet it:
            It cannot be met.
        References:
            None.
        """
        raise RuntimeError

    registry = Registry([*default_registry().checks, crashes])
    activity = dpup.load(EXAMPLES[0])
    fast = dpup.evaluate(activity, as_at=AS_AT, registry=registry)
    assert fast.errors
    _assert_same(fast, registry, activity, as_at=AS_AT)


def test_findings_are_built_in_field_order() -> None:
    """The fast path builds findings by position: its order is Finding's, field by field."""
    import attrs  # noqa: PLC0415 - only this test reads the fields

    from dpup._engine.run import FINDING_FIELDS  # noqa: PLC0415
    from dpup.findings import Finding  # noqa: PLC0415

    assert tuple(f.name for f in attrs.fields(Finding)) == FINDING_FIELDS
    # And each value lands in its field: a finding with every field distinct reads back right.
    report = dpup.evaluate(
        dpup.load(EXAMPLES[0]), as_at=AS_AT, waivers=[Waiver("PM002", "accepted")]
    )
    waived = next(f for f in report.findings if f.waiver is not None)
    assert ("PM002", "catch-all-purpose") == (waived.check_id, waived.name)
    assert waived.subject.startswith("$.purposes[")
    assert all(e.startswith(waived.subject) for e in waived.evidence)
