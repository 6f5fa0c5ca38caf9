"""PM022 retention-undefined: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import dpup
from dpup import (
    Activity,
    Collection,
    Purpose,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.model import (
    Agency,
    Retention,
    RetentionGround,
    RetentionStart,
    Sector,
)
from tests.checks.cases import Case, run_case
from tests.checks.purpose_matters._builders import _AGG, _ITEM, MET, NA, NOT_MET, REVIEW, _retained

PURPOSES = RetentionGround.PURPOSES
PRA = RetentionGround.PUBLIC_RECORDS_ACT
POLICY = RetentionGround.AGENCY_POLICY
FROM_COLLECTION = RetentionStart.COLLECTION


def _kept(ground: RetentionGround | None, oldest: int | None, **kw: object) -> Collection:
    """A seven-year period counted from collection (unless ``starts`` says otherwise)."""
    kw.setdefault("starts", FROM_COLLECTION)
    return _retained(period_months=84, oldest_record_months=oldest, ground=ground, **kw)


def _run_by(sector: Sector | None) -> Activity:
    """The activity a collection is judged in: only its agency's sector matters here."""
    return Activity("a", agency=Agency(sector=sector), purposes=(Purpose("p"),))


_PRA_OVERDUE = _kept(PRA, 120)

CASES = [
    # PM022 retention-undefined
    Case(
        "pm022-kept-to",
        "PM022",
        Collection(
            "c",
            items=(_ITEM,),
            retention=Retention(
                84, "how long the service needs it", oldest_record_months=12, ground=PURPOSES
            ),
        ),
        MET,
    ),
    Case(
        "pm022-not-started",
        "PM022",
        Collection(
            "c",
            items=(_ITEM,),
            collected_on=date(2026, 7, 1),
            retention=Retention(12, "until linking is done", ground=PURPOSES),
        ),
        MET,
    ),
    # Past the period the lawful purposes need, no reason: IPP9 is not met.
    Case("pm022-overdue", "PM022", _kept(PURPOSES, 120), NOT_MET),
    Case(
        "pm022-overdue-with-reason",
        "PM022",
        _kept(PURPOSES, 120, overdue_reason="litigation hold"),
        REVIEW,
    ),
    Case("pm022-oldest-at-the-period", "PM022", _kept(PURPOSES, 84), MET),
    Case("pm022-age-unknown", "PM022", _kept(PURPOSES, None), REVIEW),
    Case("pm022-unrecorded", "PM022", Collection("c", items=(_ITEM,)), REVIEW),
    Case("pm022-period-unrecorded", "PM022", _retained(ground=PURPOSES), REVIEW),
    Case("pm022-counts", "PM022", Collection("c", items=(_AGG,)), NA),
    # What the period rests on is not recorded: it may be only the agency's own choice.
    Case("pm022-ground-unrecorded", "PM022", _kept(None, 12), REVIEW),
    Case("pm022-ground-unrecorded-overdue", "PM022", _kept(None, 120), REVIEW),
    # The agency's own period is evidence, not the IPP9 test: never met, never a breach.
    Case("pm022-own-period-kept", "PM022", _kept(POLICY, 12), REVIEW),
    Case("pm022-own-period-overdue", "PM022", _kept(POLICY, 120), REVIEW),
    # A legal duty to keep the records is a lawful purpose; past it, IPP9 bites again.
    Case("pm022-other-law-kept", "PM022", _kept(RetentionGround.OTHER_LAW, 12), MET),
    Case("pm022-other-law-overdue", "PM022", _kept(RetentionGround.OTHER_LAW, 120), NOT_MET),
    Case(
        "pm022-public-records-act-public-office",
        "PM022",
        _kept(PRA, 12),
        MET,
        context=_run_by(Sector.PUBLIC),
    ),
    Case(
        "pm022-public-records-act-overdue",
        "PM022",
        _PRA_OVERDUE,
        NOT_MET,
        context=_run_by(Sector.PUBLIC),
    ),
    Case("pm022-public-records-act-no-context", "PM022", _kept(PRA, 12), MET),
    Case(
        "pm022-public-records-act-sector-unrecorded",
        "PM022",
        _kept(PRA, 12),
        MET,
        context=_run_by(None),
    ),
    Case(
        "pm022-public-records-act-ngo",
        "PM022",
        _PRA_OVERDUE,
        REVIEW,
        context=_run_by(Sector.NGO),
    ),
    # The oldest record's age runs from collection; a period counted from a later event may
    # not have ended yet, so only a period counted from collection can be exceeded on the record.
    Case("pm022-overdue-start-unrecorded", "PM022", _kept(PURPOSES, 120, starts=None), REVIEW),
    Case(
        "pm022-older-than-period-after-exit",
        "PM022",
        _kept(PURPOSES, 120, starts=RetentionStart.SERVICE_EXIT),
        REVIEW,
    ),
    Case(
        "pm022-older-than-period-after-last-contact",
        "PM022",
        _kept(PURPOSES, 120, starts=RetentionStart.LAST_CONTACT),
        REVIEW,
    ),
    Case(
        "pm022-within-period-after-exit",
        "PM022",
        _kept(PURPOSES, 12, starts=RetentionStart.SERVICE_EXIT),
        MET,
    ),
    Case("pm022-within-period-start-unrecorded", "PM022", _kept(PURPOSES, 12, starts=None), MET),
    Case(
        "pm022-starts-today",
        "PM022",
        attrs.evolve(_kept(PURPOSES, None), collected_on=date(2026, 6, 1)),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM022 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_not_met_rests_on_the_recorded_ground() -> None:
    """The breach cites the record's age, the period and its ground, all recorded."""
    [finding] = dpup.evaluate(_kept(PURPOSES, 120), select=["PM022"]).legal_breaches()
    expected = (
        "$.retention.oldest_record_months",
        "$.retention.period_months",
        "$.retention.starts",
        "$.retention.ground",
    )
    assert expected == finding.evidence


def test_start_unrecorded_asks_for_it() -> None:
    """Records older than the period, start not recorded: the review asks when it starts."""
    [finding] = dpup.evaluate(_kept(PURPOSES, 120, starts=None), select=["PM022"]).findings
    assert "$.retention.starts" == finding.evidence[0]
    assert () == dpup.evaluate(_kept(PURPOSES, 120, starts=None), select=["PM022"]).failures()


def test_later_start_asks_to_check_each_record() -> None:
    """A period counted from leaving: the review asks for each record's own start."""
    collection = _kept(PURPOSES, 120, starts=RetentionStart.SERVICE_EXIT)
    [finding] = dpup.evaluate(collection, select=["PM022"]).findings
    assert "$.retention.starts" in finding.evidence
    assert any("starting event" in step for step in finding.settle_with)


def test_own_period_asks_for_the_purposes_period() -> None:
    """An agency-policy period sends for how long the purposes need the information."""
    [finding] = dpup.evaluate(_kept(POLICY, 120), select=["PM022"]).findings
    assert "$.retention.ground" in finding.evidence
    assert any("purposes need" in step for step in finding.settle_with)


def test_ground_round_trips() -> None:
    """The new ground survives serialisation."""
    retention = Retention(84, "disposal authority", ground=PRA, starts=RetentionStart.SERVICE_EXIT)
    assert retention == dpup.structure(dpup.unstructure(retention), Retention)


def test_names_its_provision() -> None:
    """PM022 tests IPP9, stated as the lawful purposes' limit."""
    [check] = [c for c in BUILTIN_CHECKS if c.id == "PM022"]
    assert "IPP9" == check.provision
    assert "lawfully" in check.condition
