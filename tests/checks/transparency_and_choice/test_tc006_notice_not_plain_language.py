"""TC006 notice-not-plain-language: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.findings import Finding, Status
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _EASY_TEXT,
    _HARD_TEXT,
    _KIDS,
    _MIDDLE_TEXT,
    MET,
    NOT_MET,
    REVIEW,
    _col,
    _notice,
    _on_collection,
)

CASES = [
    # TC006 notice-not-plain-language
    Case("tc006-tested", "TC006", _col(_notice(plain_language_tested=True)), MET),
    Case(
        "tc006-tested-easy",
        "TC006",
        _col(_notice(plain_language_tested=True, readability_grade=6.0)),
        MET,
    ),
    Case(
        "tc006-hard-untested",
        "TC006",
        _col(_notice(plain_language_tested=False, readability_grade=12.5)),
        NOT_MET,
    ),
    Case(
        "tc006-jargon-untested",
        "TC006",
        _col(
            _notice(
                plain_language_tested=False,
                text="Pursuant to the Information Privacy Principles we may disclose data.",
            )
        ),
        NOT_MET,
    ),
    Case(
        "tc006-hard-but-tested",
        "TC006",
        _col(_notice(plain_language_tested=True, readability_grade=11.0)),
        REVIEW,
    ),
    Case(
        "tc006-easy-untested",
        "TC006",
        _col(_notice(plain_language_tested=False, readability_grade=6.0)),
        REVIEW,
    ),
    _on_collection(
        "tc006-hard-for-children",
        "TC006",
        _col(_notice(plain_language_tested=False, readability_grade=7.0)),
        NOT_MET,
        audience=_KIDS,
    ),
    _on_collection(
        "tc006-child-version-separate",
        "TC006",
        _col(_notice(plain_language_tested=False, readability_grade=7.0, child_version=True)),
        REVIEW,
        audience=_KIDS,
    ),
    Case("tc006-untested-unmeasured", "TC006", _col(_notice(plain_language_tested=False)), REVIEW),
    Case(
        "tc006-text-measured-hard-untested",
        "TC006",
        _col(_notice(plain_language_tested=False, text=_HARD_TEXT)),
        NOT_MET,
    ),
    Case(
        "tc006-text-measured-easy-tested",
        "TC006",
        _col(_notice(plain_language_tested=True, text=_EASY_TEXT)),
        MET,
    ),
    Case(
        "tc006-text-measured-hard-tested",
        "TC006",
        _col(_notice(plain_language_tested=True, text=_HARD_TEXT)),
        REVIEW,
    ),
    Case(
        "tc006-text-outweighs-recorded-grade",
        "TC006",
        _col(_notice(plain_language_tested=False, readability_grade=12.0, text=_EASY_TEXT)),
        REVIEW,
    ),
    Case(
        "tc006-text-without-words-uses-recorded-grade",
        "TC006",
        _col(_notice(plain_language_tested=False, readability_grade=12.0, text="…")),
        NOT_MET,
    ),
    _on_collection(
        "tc006-text-too-hard-for-children",
        "TC006",
        _col(_notice(plain_language_tested=False, text=_MIDDLE_TEXT)),
        NOT_MET,
        audience=_KIDS,
    ),
    _on_collection(
        "tc006-text-fine-for-adults",
        "TC006",
        _col(_notice(plain_language_tested=False, text=_MIDDLE_TEXT, child_version=True)),
        REVIEW,
        audience=_KIDS,
    ),
    Case("tc006-unrecorded", "TC006", _col(_notice()), REVIEW),
    Case(
        "tc006-jargon-untested-unknown",
        "TC006",
        _col(_notice(text="We hereby keep your name.")),
        REVIEW,
    ),
    Case("tc006-grade-at-the-limit", "TC006", _col(_notice(readability_grade=8.0)), REVIEW),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC006 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(case_id: str) -> Finding:
    (case,) = [c for c in CASES if c.id == case_id]
    (finding,) = run_case(case)
    return finding


@pytest.mark.parametrize(
    ("case_id", "evidence"),
    [
        ("tc006-hard-untested", ("$.notice.readability_grade", "$.notice.plain_language_tested")),
        ("tc006-jargon-untested", ("$.notice.text", "$.notice.plain_language_tested")),
        (
            "tc006-text-measured-hard-untested",
            ("$.notice.text", "$.notice.plain_language_tested"),
        ),
        (
            "tc006-text-without-words-uses-recorded-grade",
            ("$.notice.text", "$.notice.readability_grade", "$.notice.plain_language_tested"),
        ),
    ],
)
def test_not_met_cites_only_what_was_recorded(case_id: str, evidence: tuple[str, ...]) -> None:
    """Not met cites the text or the recorded grade it was judged on, never one left out."""
    finding = _finding(case_id)
    assert Status.NOT_MET is finding.status
    assert evidence == finding.evidence
