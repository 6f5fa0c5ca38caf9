"""Invariants that keep every verdict defensible, for every check present and future.

- A NOT_MET rests only on recorded facts: each evidence path of a NOT_MET finding resolves,
  in the subject evaluated, to a value that was recorded (not ``None``, not absent). A fact
  nobody recorded can only make a check ask (NEEDS_REVIEW), never fail.
- Only checks whose basis is law put findings into `Report.legal_breaches()`, and every such
  check names the provision it tests, to the subsection, and the legal condition, listed in
  ``docs/legal-basis.md``.

Checked on every bundled example, every golden case of the check tests, and generated
activities.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import dpup
from dpup.checks import BUILTIN_CHECKS
from dpup.findings import Finding, Report, Status
from dpup.law import Basis
from dpup.testing.strategies import activities
from dpup.vocabulary import CONTEXT_ROOT
from tests.checks.test_golden import ALL_CASES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
AS_AT = date(2026, 6, 1)
_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]")
_ABSENT = object()
BASIS = {c.id: c.basis for c in BUILTIN_CHECKS}


def resolve(root: object, path: str) -> object:
    """Return the value ``path`` (``$.a[0].b``) points at in ``root``, or `_ABSENT`.

    Raises:
        ValueError: the path is not of the form dpup's findings use.
    """
    if not path.startswith("$"):
        raise ValueError(path)
    value: Any = root
    at = 1
    for step in _STEP.finditer(path, 1):
        if step.start() != at:
            raise ValueError(path)
        at = step.end()
        if value is None or value is _ABSENT:
            return value
        name, index = step.groups()
        if name is not None:
            value = (
                value.get(name, _ABSENT)
                if isinstance(value, dict)
                else getattr(value, name, _ABSENT)
            )
        else:
            i = int(index)
            value = value[i] if isinstance(value, tuple | list) and i < len(value) else _ABSENT
    if at != len(path):
        raise ValueError(path)
    return value


def unrecorded_evidence(
    subject: object, report: Report, context: object | None = None
) -> list[str]:
    """Describe every NOT_MET finding whose evidence includes a fact not recorded.

    A part found inside the activity given as its context has every path from the
    activity's ``$`` (its findings' subject is then the part's path in the activity). A part
    evaluated on its own has its paths from its own ``$``, and paths into the activity it is
    evaluated against from `CONTEXT_ROOT` (``$context.agency.sector``), read in the context.
    """
    wrong = []
    for f in report.findings:
        if f.status is not Status.NOT_MET:
            continue
        inside = context is not None and f.subject != "$"
        for path in f.evidence:
            if path.startswith(CONTEXT_ROOT):
                into = "$" + path.removeprefix(CONTEXT_ROOT)
                value = _ABSENT if context is None else resolve(context, into)
            else:
                value = resolve(context if inside else subject, path)
            if value is None or value is _ABSENT:
                state = "not recorded" if value is None else "absent"
                wrong.append(f"{f.check_id} on {f.subject}: {path} is {state}")
    return wrong


def only_law_breaches(report: Report) -> list[Finding]:
    """Return legal breaches that come from a check whose basis is not law."""
    return [f for f in report.legal_breaches() if BASIS.get(f.check_id) is not Basis.LAW]


class TestNotMetRestsOnRecordedFacts:
    def test_resolver_reads_paths(self) -> None:
        """The resolver follows fields and indexes, and tells None from absent."""
        activity = dpup.load(EXAMPLES[0])
        assert activity.name == resolve(activity, "$.name")
        assert activity.purposes[0].id == resolve(activity, "$.purposes[0].id")
        assert resolve(activity, "$.purposes[999].id") is _ABSENT
        assert resolve(activity, "$.no_such_field") is _ABSENT
        with pytest.raises(ValueError, match="purposes"):
            resolve(activity, "purposes[0]")

    @pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
    def test_examples(self, path: Path) -> None:
        """Every example's NOT_MET findings point only at recorded facts."""
        activity = dpup.load(path)
        report = dpup.evaluate(activity)
        assert [] == unrecorded_evidence(activity, report)
        assert [] == only_law_breaches(report)

    @pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
    def test_golden_cases(self, case: Any) -> None:
        """Every golden case's NOT_MET findings point only at recorded facts."""
        report = dpup.evaluate(
            case.subject, context=case.context, as_at=case.as_at, settings=case.settings
        )
        assert [] == unrecorded_evidence(case.subject, report, case.context)
        assert [] == only_law_breaches(report)

    @settings(max_examples=60)
    @given(activities())
    def test_generated_activities(self, activity: dpup.Activity) -> None:
        """Generated activities' NOT_MET findings point only at recorded facts."""
        report = dpup.evaluate(activity, as_at=AS_AT)
        assert [] == unrecorded_evidence(activity, report)
        assert [] == only_law_breaches(report)


class TestLawChecks:
    @pytest.mark.parametrize(
        "check", [c for c in BUILTIN_CHECKS if c.basis is Basis.LAW], ids=lambda c: c.id
    )
    def test_names_provision_and_condition(self, check: Any) -> None:
        """A LAW check names its provision to the subsection and states the condition."""
        assert check.legal_refs
        assert re.fullmatch(
            r"(IPP[0-9]+A?|s [0-9]+[A-Z]?)(\([0-9a-z]+\))*([ ,].*)?", check.provision
        )
        assert check.condition
        assert check.condition[0].isupper()
        assert check.condition.endswith(".")

    def test_other_checks_never_breach(self) -> None:
        """Findings of good-practice and standard checks never reach legal_breaches()."""
        for path in EXAMPLES:
            report = dpup.evaluate(dpup.load(path))
            breaches = {f.check_id for f in report.legal_breaches()}
            assert all(BASIS[cid] is Basis.LAW for cid in breaches)
            others = {f.check_id for f in report.failures() if BASIS[f.check_id] is not Basis.LAW}
            assert not others & breaches
