"""SV016 maori-data-without-partners: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import (
    Insight,
)
from dpup.model import (
    GroupDimension,
)
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import MET, NA, NOT_MET, REVIEW, _maori

CASES = [
    # SV016 maori-data-without-partners
    Case(
        "sv016-partnered",
        "SV016",
        _maori(stored_offshore=False, collective_benefit_stated=True),
        MET,
    ),
    Case("sv016-no-partners", "SV016", _maori(maori_partners_involved=False), NOT_MET),
    Case(
        "sv016-iwi-breakdown",
        "SV016",
        Insight("i", dimensions=(GroupDimension.IWI,), maori_partners_involved=False),
        NOT_MET,
    ),
    Case(
        "sv016-offshore",
        "SV016",
        _maori(stored_offshore=True, collective_benefit_stated=True),
        REVIEW,
    ),
    Case(
        "sv016-no-benefit-statement",
        "SV016",
        _maori(stored_offshore=False, collective_benefit_stated=False),
        REVIEW,
    ),
    Case("sv016-not-maori-data", "SV016", Insight("i", maori_data=False), NA),
    Case("sv016-unrecorded", "SV016", Insight("i"), REVIEW),
    Case("sv016-partners-unrecorded", "SV016", Insight("i", maori_data=True), REVIEW),
    Case(
        "sv016-iwi-partners-unrecorded",
        "SV016",
        Insight("i", dimensions=(GroupDimension.IWI,)),
        REVIEW,
    ),
    Case(
        "sv016-storage-unrecorded",
        "SV016",
        _maori(collective_benefit_stated=True),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """SV016 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses
