"""SV020 dominant-contributor-published: its cases, on both sides of the line."""

from __future__ import annotations

import attrs
import pytest

import dpup
from dpup import Insight
from dpup.disclosure_control import ACRO_DEFAULTS, CellMagnitude, MagnitudeTable
from dpup.settings import Settings
from tests.checks.cases import Case, run_case
from tests.checks.sharing_value._builders import EXAMPLES, MET, NA, NOT_MET, REVIEW, _by_check

ACRO = attrs.evolve(Settings(), confidentiality=ACRO_DEFAULTS)

# The case: 24 clients share $51,450 of grants and one of them received $48,000.
DOMINATED = CellMagnitude(total=51_450, contributors=24, largest=(48_000, 1_000))
# The same total spread out: the two largest hold $30,000, the other 22 hold $21,450.
BALANCED = CellMagnitude(total=51_450, contributors=24, largest=(20_000, 10_000))
# Dominance passes (two largest are 80%), but the rest (1,000) is under 10% of 12,000.
P_ONLY = CellMagnitude(total=15_000, contributors=12, largest=(12_000, 2_000))
# Balanced amounts, but only 8 contributors: too few under both presets' thresholds.
FEW = CellMagnitude(total=8_000, contributors=8, largest=(1_000, 1_000))
# Contributors recorded, largest contributions not.
UNKNOWN_SHARES = CellMagnitude(total=51_450, contributors=24)
# Largest contributions not recorded, but the recorded 3 contributors are already too few.
FEW_UNKNOWN_SHARES = CellMagnitude(total=8_000, contributors=3)


def _grants(*cells: CellMagnitude, published: tuple[bool, ...] | None = None) -> Insight:
    """An insight publishing one row of grant dollars by region, one cell per region."""
    regions = [f"Region {i}" for i in range(len(cells))]
    flags = (True,) * len(cells) if published is None else published
    table = MagnitudeTable(
        row_labels=["Grant dollars"], column_labels=regions, cells=[cells], published=[flags]
    )
    return Insight("grants", magnitude_tables=(table,))


CASES = [
    # SV020 dominant-contributor-published
    Case("sv020-issue-case-acro", "SV020", _grants(BALANCED, DOMINATED), NOT_MET, settings=ACRO),
    Case("sv020-balanced-acro", "SV020", _grants(BALANCED, BALANCED), MET, settings=ACRO),
    Case("sv020-p-percent-only-acro", "SV020", _grants(BALANCED, P_ONLY), NOT_MET, settings=ACRO),
    Case("sv020-few-contributors", "SV020", _grants(FEW, BALANCED), NOT_MET),
    Case("sv020-few-contributors-acro", "SV020", _grants(FEW), NOT_MET, settings=ACRO),
    # The New Zealand presets carry ACRO's dominance values flagged unverified: a statistician.
    Case("sv020-issue-case-unverified", "SV020", _grants(DOMINATED), REVIEW),
    Case("sv020-balanced-default", "SV020", _grants(BALANCED), MET),
    Case("sv020-shares-unrecorded", "SV020", _grants(UNKNOWN_SHARES), REVIEW, settings=ACRO),
    Case("sv020-few-shares-unrecorded", "SV020", _grants(FEW_UNKNOWN_SHARES), NOT_MET),
    Case(
        "sv020-few-shares-unrecorded-acro",
        "SV020",
        _grants(FEW_UNKNOWN_SHARES, UNKNOWN_SHARES),
        NOT_MET,
        settings=ACRO,
    ),
    Case(
        "sv020-withheld-dominated-cell",
        "SV020",
        _grants(BALANCED, DOMINATED, published=(True, False)),
        MET,
        settings=ACRO,
    ),
    Case(
        "sv020-withheld-unrecorded-cell",
        "SV020",
        _grants(BALANCED, UNKNOWN_SHARES, published=(True, False)),
        MET,
        settings=ACRO,
    ),
    # A recorded breach is not held back by a cell whose shares are missing.
    Case(
        "sv020-breach-beside-unrecorded",
        "SV020",
        _grants(UNKNOWN_SHARES, DOMINATED),
        NOT_MET,
        settings=ACRO,
    ),
    Case("sv020-no-magnitude-tables", "SV020", Insight("i"), NA),
    Case("sv020-empty-magnitude-tables", "SV020", Insight("i", magnitude_tables=()), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """Each case gives the expected status."""
    run_case(case)


def test_findings_point_at_cells_and_carry_no_amounts() -> None:
    """A NOT_MET names the dominated cell by path, never its amounts or labels."""
    finding = _by_check(_grants(BALANCED, DOMINATED, P_ONLY), "SV020", settings=ACRO)["SV020"]
    assert finding.evidence == (
        "$.magnitude_tables[0].cells[0][1]",
        "$.magnitude_tables[0].cells[0][2]",
    )
    text = " ".join((finding.message, *finding.evidence, *finding.settle_with))
    for leaked in ("48", "51", "450", "Region", "Grant dollars"):
        assert leaked not in text


def test_unrecorded_shares_name_the_evidence() -> None:
    """A cell without its largest contributions is asked for at its path."""
    finding = _by_check(_grants(BALANCED, UNKNOWN_SHARES), "SV020", settings=ACRO)["SV020"]
    assert finding.status is REVIEW
    assert finding.evidence == ("$.magnitude_tables[0].cells[0][1].largest",)
    assert finding.settle_with


def test_rule_needing_more_shares_asks_for_them() -> None:
    """A rule set reading the three largest asks for them where only two are recorded."""
    settings = attrs.evolve(
        Settings(), confidentiality=attrs.evolve(ACRO_DEFAULTS, dominance_n=3, dominance_k=0.95)
    )
    finding = _by_check(_grants(BALANCED), "SV020", settings=settings)["SV020"]
    assert finding.status is REVIEW
    assert finding.evidence == ("$.magnitude_tables[0].cells[0][0].largest",)


def test_rules_switched_off_let_dominance_through() -> None:
    """With n-k and p% off, only the contributor count is checked."""
    rules = attrs.evolve(ACRO_DEFAULTS, dominance_n=0, p_ratio=0)
    settings = attrs.evolve(Settings(), confidentiality=rules)
    assert _by_check(_grants(DOMINATED), "SV020", settings=settings)["SV020"].status is MET
    assert _by_check(_grants(FEW), "SV020", settings=settings)["SV020"].status is NOT_MET
    no_rules = attrs.evolve(rules, suppression_threshold=0)
    settings = attrs.evolve(Settings(), confidentiality=no_rules)
    assert _by_check(_grants(FEW, DOMINATED), "SV020", settings=settings)["SV020"].status is NA


def test_example_withholds_the_dominated_cell() -> None:
    """The bundled example is met; publishing its withheld cell breaks the rule again."""
    activity = dpup.load(EXAMPLES / "grant-dollars-to-funder.toml")
    insight = activity.insights[0]
    assert _by_check(insight, "SV020", settings=ACRO)["SV020"].status is MET
    tables = insight.magnitude_tables
    assert tables is not None
    published = attrs.evolve(tables[0], published=((True, True), (True, True)))
    exposed = attrs.evolve(insight, magnitude_tables=(published,))
    assert _by_check(exposed, "SV020", settings=ACRO)["SV020"].status is NOT_MET
    assert _by_check(exposed, "SV020")["SV020"].status is REVIEW
