"""TC016 children-without-suitable-notice: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup.model import NoticeAddressee
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _CALM,
    _KIDS,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _col,
    _notice,
    _on_collection,
)

CASES = [
    # TC016 children-without-suitable-notice
    _on_collection(
        "tc016-child-version",
        "TC016",
        _col(_notice(child_version=True, guardian_role_addressed=True)),
        MET,
        audience=_KIDS,
    ),
    _on_collection(
        "tc016-no-child-version",
        "TC016",
        _col(_notice(child_version=False)),
        NOT_MET,
        audience=_KIDS,
    ),
    _on_collection(
        "tc016-guardians-left-out",
        "TC016",
        _col(_notice(child_version=True, guardian_role_addressed=False)),
        REVIEW,
        audience=_KIDS,
    ),
    # Who was told: the version for children is given to them, not only to their parents.
    _on_collection(
        "tc016-child-and-parent-told",
        "TC016",
        _col(
            _notice(
                child_version=True,
                guardian_role_addressed=True,
                told=(NoticeAddressee.INDIVIDUAL, NoticeAddressee.PARENT_OR_GUARDIAN),
            )
        ),
        MET,
        audience=_KIDS,
    ),
    _on_collection(
        "tc016-only-parent-told",
        "TC016",
        _col(
            _notice(
                child_version=True,
                guardian_role_addressed=True,
                told=(NoticeAddressee.PARENT_OR_GUARDIAN,),
            )
        ),
        REVIEW,
        audience=_KIDS,
    ),
    _on_collection(
        "tc016-only-parent-told-no-child-version",
        "TC016",
        _col(_notice(child_version=False, told=(NoticeAddressee.PARENT_OR_GUARDIAN,))),
        NOT_MET,
        audience=_KIDS,
    ),
    _on_collection("tc016-adults", "TC016", _col(_notice()), NA, audience=_CALM),
    _on_collection("tc016-audience-unknown", "TC016", _col(_notice()), REVIEW),
    Case("tc016-no-context", "TC016", _col(_notice(child_version=True)), REVIEW),
    _on_collection(
        "tc016-guardians-unrecorded",
        "TC016",
        _col(_notice(child_version=True)),
        REVIEW,
        audience=_KIDS,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC016 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_only_parent_told_names_who_was_told() -> None:
    """A version for children given only to a parent is a review naming ``notice.told``."""
    (finding,) = run_case(next(c for c in CASES if c.id == "tc016-only-parent-told"))
    assert finding.evidence[0].endswith("notice.told")
