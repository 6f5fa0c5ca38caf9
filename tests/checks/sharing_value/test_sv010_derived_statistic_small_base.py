"""SV010 derived-statistic-small-base: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Insight,
)
from dpup.model import (
    StatisticKind,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import (
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _derived,
    _standard,
    _stat,
)

CASES = [
    # SV010 derived-statistic-small-base
    Case("sv010-large-base", "SV010", _derived(_stat(StatisticKind.PERCENTAGE, 40, 90)), MET),
    Case("sv010-small-share", "SV010", _derived(_stat(StatisticKind.PERCENTAGE, 2, 24)), NOT_MET),
    Case("sv010-mean-tiny", "SV010", _derived(_stat(StatisticKind.MEAN, 4)), NOT_MET),
    Case("sv010-mean-unverified", "SV010", _derived(_stat(StatisticKind.MEAN, 12)), REVIEW),
    Case("sv010-kind-unknown", "SV010", _derived(_stat(None, 12, 40)), REVIEW),
    Case("sv010-kind-unknown-tiny", "SV010", _derived(_stat(None, 3, 40)), NOT_MET),
    Case("sv010-no-counts", "SV010", _derived(_stat(StatisticKind.RATIO)), REVIEW),
    Case("sv010-zero-exempt", "SV010", _derived(_stat(StatisticKind.PERCENTAGE, 0, 40)), MET),
    Case("sv010-none", "SV010", _derived(), NA),
    Case("sv010-unrecorded", "SV010", Insight("i"), REVIEW),
    Case(
        "sv010-mean-at-the-count-minimum", "SV010", _derived(_stat(StatisticKind.MEAN, 6)), REVIEW
    ),
    # A standard whose (verified) magnitude minimum is below its count minimum: a share
    # built on a count under the count minimum still breaks it for certain.
    Case(
        "sv010-share-under-a-higher-count-minimum",
        "SV010",
        _derived(_stat(StatisticKind.PERCENTAGE, 4, 40)),
        NOT_MET,
        settings=_standard(min_underlying_count_magnitude=3, unverified=()),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV010 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
