"""TC026 notice-not-recorded: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import Activity, Collection, InformationItem, Purpose, evaluate
from dpup.findings import Status
from dpup.model import Audience, Identifiability, Source
from tests.checks.cases import AS_AT, Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _FULL_NOTICE,
    MET,
    NA,
    REVIEW,
    _col,
)

_COUNTS = Collection(
    "tally", items=(InformationItem("attendance", identifiability=Identifiability.AGGREGATE),)
)

CASES = [
    # TC026 notice-not-recorded
    Case("tc026-recorded", "TC026", _col(_FULL_NOTICE), MET),
    Case("tc026-missing", "TC026", _col(), REVIEW),
    Case("tc026-missing-indirect", "TC026", _col(source=Source.OTHER_AGENCY), REVIEW),
    Case("tc026-counts-only", "TC026", _COUNTS, NA),
    Case("tc026-nothing-listed", "TC026", Collection("c"), REVIEW),
]

SILENCED = (
    "PM006",
    "TC002",
    "TC003",
    "TC006",
    "TC007",
    "TC008",
    "TC009",
    "TC010",
    "TC011",
    "TC012",
    "TC014",
    "TC016",
    "TC017",
)
"""The good-practice checks of a notice, which leave a missing notice to TC026."""

LEGAL = ("TC001", "TC005")
"""The checks of what IPP3 requires, which still ask for a missing notice themselves."""

# An activity where every notice check has something to judge: children and languages in the
# audience, a choice, other laws, an override ground, downstream uses.
_PROGRAMME = Activity(
    "programme",
    purposes=(Purpose("p"),),
    audience=Audience(children=True, languages=("mi",)),
    other_laws=("Oranga Tamariki Act 1989",),
)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC026 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _findings(collection: Collection) -> dict[str, Status]:
    activity = Activity(
        "programme",
        purposes=_PROGRAMME.purposes,
        audience=_PROGRAMME.audience,
        other_laws=_PROGRAMME.other_laws,
        collections=(collection,),
    )
    report = evaluate(activity, as_at=AS_AT, select=["TC", "PM014"])
    return {f.check_id: f.status for f in report.findings if f.subject == "$.collections[0]"}


def test_a_missing_notice_is_asked_for_once() -> None:
    """Without a notice, TC026 asks; no good-practice notice check asks as well.

    A notice check that does not apply to the collection at all still says so.
    """
    found = _findings(_col())
    assert Status.NEEDS_REVIEW is found["TC026"]
    assert {} == {
        c: found[c]
        for c in SILENCED
        if found.get(c, Status.NOT_APPLICABLE) is not Status.NOT_APPLICABLE
    }


def test_the_law_still_asks_for_itself() -> None:
    """IPP3's checks (and IPP3A's, for indirect collection) still ask for the notice."""
    direct = _findings(_col())
    assert dict.fromkeys(LEGAL, Status.NEEDS_REVIEW) == {c: direct[c] for c in LEGAL}
    indirect = _findings(_col(source=Source.OTHER_AGENCY))
    assert Status.NEEDS_REVIEW is indirect["PM014"]


def test_a_recorded_notice_is_judged_by_every_check() -> None:
    """With a notice recorded, TC026 is met and the notice checks judge it."""
    found = _findings(_col(_FULL_NOTICE))
    assert Status.MET is found["TC026"]
    assert {"TC002", "TC006", "TC008", "TC010", "TC011"} <= found.keys()


def test_never_a_breach() -> None:
    """Good practice: a missing notice is never a legal breach by TC026, nor a failure."""
    report = evaluate(_col(), as_at=AS_AT, select=["TC026"])
    assert () == report.failures()
    assert () == report.legal_breaches()
