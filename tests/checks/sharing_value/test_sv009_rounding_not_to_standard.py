"""SV009 rounding-not-to-standard: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Insight,
)
from dpup.disclosure_control import (
    MSD_PUBLISHED,
    RoundingMethod,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import (
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _ethnicity_table,
    _protected,
    _standard,
    _tables,
)
from tests.checks.sharing_value._cross_builders import (
    cross,
    protected_cross,
    unrounded,
)

CASES = [
    # SV009 rounding-not-to-standard
    Case(
        "sv009-unrounded",
        "SV009",
        _tables(_ethnicity_table(), rounding=RoundingMethod.RR3),
        NOT_MET,
    ),
    Case("sv009-protected", "SV009", _tables(_protected(), rounding=RoundingMethod.RR3), MET),
    Case(
        "sv009-cross-protected",
        "SV009",
        cross(protected_cross(), rounding=RoundingMethod.RR3),
        MET,
    ),
    Case(
        "sv009-cross-unrounded",
        "SV009",
        cross(unrounded(), rounding=RoundingMethod.RR3),
        NOT_MET,
    ),
    Case(
        "sv009-msd-variant-passes-rr3",
        "SV009",
        _tables(_protected(MSD_PUBLISHED), rounding=RoundingMethod.RR3_NO_ZERO),
        MET,
    ),
    Case("sv009-method-unrecorded", "SV009", _tables(_protected()), REVIEW),
    Case(
        "sv009-declared-none",
        "SV009",
        _tables(_protected(), rounding=RoundingMethod.NONE),
        NOT_MET,
    ),
    Case("sv009-no-tables", "SV009", _tables(rounding=RoundingMethod.RR3), NA),
    Case("sv009-declared-rr3", "SV009", Insight("i", rounding=RoundingMethod.RR3), MET),
    Case("sv009-declared-unrounded", "SV009", Insight("i", rounding=RoundingMethod.NONE), NOT_MET),
    Case(
        "sv009-declared-no-zero-meets-rr3",
        "SV009",
        Insight("i", rounding=RoundingMethod.RR3_NO_ZERO),
        MET,
    ),
    Case("sv009-unrecorded", "SV009", Insight("i"), REVIEW),
    Case(
        "sv009-no-rounding-standard",
        "SV009",
        _tables(_ethnicity_table()),
        NA,
        settings=_standard(rounding=RoundingMethod.NONE),
    ),
    Case(
        "sv009-rr3-short-of-msd",
        "SV009",
        Insight("i", rounding=RoundingMethod.RR3),
        NOT_MET,
        settings=_standard(rounding=RoundingMethod.RR3_NO_ZERO),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV009 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
