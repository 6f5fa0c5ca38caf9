"""Golden outcomes: every case's findings, in full, match the committed snapshot.

The family tables (``CASES`` in each ``test_<family>.py``) pin each case's *status*. This
module pins everything else a user sees for the same cases: the message, the evidence paths,
the severity, the reviewer, the evidence that would settle a review, and any remediation
that differs from the check's default. A change to any of them is a change to dpup's output,
so it must be deliberate: regenerate the snapshot with ``DPUP_REGENERATE_GOLDEN=1`` and
review the diff of ``tests/checks/golden/outcomes.json``.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tests.checks
from dpup.checks import BUILTIN_CHECKS
from dpup.findings import Finding
from tests.checks.cases import Case, run_case

GOLDEN = Path(__file__).parent / "golden" / "outcomes.json"
REGENERATE = os.environ.get("DPUP_REGENERATE_GOLDEN") == "1"
DEFAULT_REMEDIATION = {c.id: c.remediation for c in BUILTIN_CHECKS}


def _family_cases() -> list[Case]:
    """Every case of every check, from the per-check modules of the guideline packages."""
    cases: list[Case] = []
    for info in pkgutil.walk_packages(tests.checks.__path__, prefix="tests.checks."):
        if info.name.rpartition(".")[2].startswith("test_"):
            cases += getattr(importlib.import_module(info.name), "CASES", [])
    return cases


ALL_CASES = _family_cases()


def outcome(f: Finding) -> dict[str, Any]:
    """Return what the snapshot records of one finding."""
    record: dict[str, Any] = {
        "check": f.check_id,
        "subject": f.subject,
        "status": f.status.value,
        "severity": f.severity.value,
        "message": f.message,
        "evidence": list(f.evidence),
    }
    if f.reviewer is not None:
        record["reviewer"] = f.reviewer.value
    if f.settle_with:
        record["settle_with"] = list(f.settle_with)
    if f.remediation is not None and f.remediation != DEFAULT_REMEDIATION[f.check_id]:
        record["remediation"] = f.remediation
    if f.due_on is not None:
        record["due_on"] = f.due_on.isoformat()
        record["working_days_left"] = f.working_days_left
    return record


@pytest.fixture(scope="module")
def golden() -> Iterator[dict[str, Any]]:
    """The committed snapshot; when regenerating, an empty one written back at the end."""
    if not REGENERATE:
        yield json.loads(GOLDEN.read_text(encoding="utf-8"))
        return
    fresh: dict[str, Any] = {}
    yield fresh
    GOLDEN.parent.mkdir(exist_ok=True)
    ordered = {case.id: fresh[case.id] for case in ALL_CASES if case.id in fresh}
    GOLDEN.write_text(json.dumps(ordered, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_outcomes_match_golden(case: Case, golden: dict[str, Any]) -> None:
    """Each case's findings match the snapshot in every detail a user sees."""
    actual = [outcome(f) for f in run_case(case)]
    if REGENERATE:
        golden[case.id] = actual
        return
    assert golden.get(case.id) == actual


def test_snapshot_has_no_stale_cases(golden: dict[str, Any]) -> None:
    """Every case in the snapshot still exists, and case ids are unique across families."""
    ids = [c.id for c in ALL_CASES]
    assert len(set(ids)) == len(ids)
    if not REGENERATE:
        assert set(ids) == set(golden)
