"""TC025 no-guidance-for-extra-support: its cases, on both sides of the line."""

from __future__ import annotations

import pytest

from dpup import Activity, evaluate
from dpup.model import Audience, FrontlineSupport, SupportNeed
from dpup.serde import structure, unstructure
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import MET, NA, NOT_MET, REVIEW

_NONE_SERVED = Audience(children=False, impaired_capacity=False, crisis_context=False)
_CHILDREN_ONLY = Audience(children=True, impaired_capacity=False, crisis_context=False)
_CHILDREN_IN_CRISIS = Audience(children=True, impaired_capacity=False, crisis_context=True)
_ALL = tuple(SupportNeed)


def _activity(audience: Audience | None, *needs: SupportNeed | None) -> Activity:
    """An activity serving ``audience`` whose staff have guidance for ``needs``.

    With no ``needs`` the guidance is not recorded; ``None`` alone records that there is none.
    """
    if not needs:
        return Activity("a", audience=audience, frontline=FrontlineSupport(script_or_faq=True))
    guidance = tuple(n for n in needs if n is not None)
    return Activity("a", audience=audience, frontline=FrontlineSupport(guidance_for=guidance))


CASES = [
    # TC025 no-guidance-for-extra-support
    Case(
        "tc025-children-guided",
        "TC025",
        _activity(_CHILDREN_ONLY, SupportNeed.CHILDREN),
        MET,
    ),
    Case(
        "tc025-unknown-groups-already-guided",
        "TC025",
        _activity(Audience(children=True), *_ALL),
        MET,
    ),
    Case(
        "tc025-dementia-guided",
        "TC025",
        _activity(
            Audience(children=False, impaired_capacity=True, crisis_context=False),
            SupportNeed.IMPAIRED_CAPACITY,
        ),
        MET,
    ),
    Case(
        "tc025-crisis-without-guidance",
        "TC025",
        _activity(Audience(children=False, impaired_capacity=False, crisis_context=True), None),
        NOT_MET,
    ),
    Case(
        "tc025-crisis-left-out",
        "TC025",
        _activity(_CHILDREN_IN_CRISIS, SupportNeed.CHILDREN),
        NOT_MET,
    ),
    Case(
        "tc025-dementia-left-out-unknown-others",
        "TC025",
        _activity(Audience(impaired_capacity=True), SupportNeed.CHILDREN),
        NOT_MET,
    ),
    Case(
        "tc025-served-guidance-unrecorded",
        "TC025",
        _activity(_CHILDREN_ONLY),
        REVIEW,
    ),
    Case(
        "tc025-no-frontline-record",
        "TC025",
        Activity("a", audience=_CHILDREN_ONLY),
        REVIEW,
    ),
    Case(
        "tc025-some-groups-unknown",
        "TC025",
        _activity(Audience(children=True), SupportNeed.CHILDREN),
        REVIEW,
    ),
    Case("tc025-nothing-recorded", "TC025", Activity("a"), REVIEW),
    Case("tc025-audience-unknown-no-guidance", "TC025", _activity(None, None), REVIEW),
    Case("tc025-none-served", "TC025", _activity(_NONE_SERVED), NA),
    Case("tc025-none-served-no-guidance", "TC025", _activity(_NONE_SERVED, None), NA),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC025 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_not_met_names_the_group_left_out() -> None:
    """A group served without guidance is cited with the guidance list, and nothing else."""
    (finding,) = evaluate(
        _activity(_CHILDREN_IN_CRISIS, SupportNeed.CHILDREN), select=["TC025"]
    ).findings
    assert ("$.frontline.guidance_for", "$.audience.crisis_context") == finding.evidence


def test_unrecorded_asks_for_what_would_settle_it() -> None:
    """Served groups with no guidance recorded ask the service manager for the guidance."""
    (finding,) = evaluate(_activity(_CHILDREN_ONLY), select=["TC025"]).findings
    assert ("$.frontline.guidance_for",) == finding.evidence
    assert finding.reviewer is not None
    assert "service-manager" == finding.reviewer.value


def test_the_facts_survive_a_round_trip() -> None:
    """The audience's new fact and the guidance list are written and read back unchanged."""
    activity = _activity(Audience(impaired_capacity=True), *_ALL)
    assert activity == structure(unstructure(activity), Activity)
    assert ["children", "impaired-capacity", "crisis"] == unstructure(activity)["frontline"][
        "guidance_for"
    ]
