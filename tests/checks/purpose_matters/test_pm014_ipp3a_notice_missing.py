"""PM014 ipp3a-notice-missing: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dpup import (
    Activity,
    Collection,
    Disclosure,
    evaluate,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.findings import Finding, Status
from dpup.model import (
    Ipp3Exception,
    Notice,
    NoticeTiming,
    Purpose,
    Source,
)
from dpup.settings import Settings
from tests.checks.cases import AS_AT, Case, run_case
from tests.checks.purpose_matters._builders import (
    _AFTER,
    _AGG,
    _BEFORE,
    _IPP3A_NOTICE,
    _ITEM,
    _UNKNOWN_ITEM,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _indirect,
)

_COMMENCEMENT = date(2026, 5, 1)
_LONG_BEFORE = date(2024, 3, 1)
_NEVER = Notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.NONE)

CASES = [
    # PM014 ipp3a-notice-missing
    Case(
        "pm014-told",
        "PM014",
        _indirect(collected_on=_AFTER, notice=_IPP3A_NOTICE),
        MET,
    ),
    Case(
        "pm014-told-with-identifying-sharing",
        "PM014",
        _indirect(collected_on=_AFTER, notice=_IPP3A_NOTICE),
        MET,
        context=Activity("a", purposes=(Purpose("p"),), disclosures=(Disclosure("d"),)),
    ),
    Case(
        "pm014-never-told-no-exception",
        "PM014",
        _indirect(
            collected_on=_AFTER,
            notice=Notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.NONE),
        ),
        NOT_MET,
    ),
    Case(
        "pm014-never-told-exception-unrecorded",
        "PM014",
        _indirect(collected_on=_AFTER, notice=Notice(timing=NoticeTiming.NEVER)),
        REVIEW,
    ),
    Case(
        "pm014-none-recorded-and-told",
        "PM014",
        _indirect(
            collected_on=_AFTER, notice=attrs.evolve(_IPP3A_NOTICE, exception=Ipp3Exception.NONE)
        ),
        MET,
    ),
    Case(
        "pm014-none-recorded-matter-missing",
        "PM014",
        _indirect(
            collected_on=_AFTER,
            notice=attrs.evolve(_IPP3A_NOTICE, exception=Ipp3Exception.NONE, purpose=False),
        ),
        NOT_MET,
    ),
    Case(
        "pm014-no-purpose",
        "PM014",
        _indirect(collected_on=_AFTER, notice=Notice(purpose=False)),
        NOT_MET,
    ),
    Case("pm014-notice-unrecorded", "PM014", _indirect(collected_on=_AFTER), REVIEW),
    Case(
        "pm014-exception",
        "PM014",
        _indirect(collected_on=_AFTER, notice=Notice(exception=Ipp3Exception.NOT_PRACTICABLE)),
        REVIEW,
    ),
    *(
        Case(
            f"pm014-ipp3a-exception-{ground.value}",
            "PM014",
            _indirect(
                collected_on=_AFTER,
                notice=Notice(timing=NoticeTiming.NEVER, exception=ground),
            ),
            REVIEW,
        )
        for ground in (
            Ipp3Exception.PUBLICLY_AVAILABLE,
            Ipp3Exception.ARCHIVING,
            Ipp3Exception.SECURITY_OR_DEFENCE,
            Ipp3Exception.TRADE_SECRET,
            Ipp3Exception.SERIOUS_THREAT,
            Ipp3Exception.NOT_IDENTIFIED,
            Ipp3Exception.STATISTICAL_RESEARCH,
        )
    ),
    Case(
        "pm014-ipp3-only-exception",
        "PM014",
        _indirect(
            collected_on=_AFTER,
            notice=Notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.AUTHORISED),
        ),
        REVIEW,
    ),
    Case("pm014-date-unrecorded", "PM014", _indirect(notice=_IPP3A_NOTICE), REVIEW),
    # IPP3A(1)(e): the law is a matter only where a law authorises or requires the collection.
    Case(
        "pm014-law-unnamed-law-unknown",
        "PM014",
        _indirect(collected_on=_AFTER, notice=attrs.evolve(_IPP3A_NOTICE, law=False)),
        REVIEW,
    ),
    Case(
        "pm014-law-unnamed-but-authorised",
        "PM014",
        _indirect(
            collected_on=_AFTER,
            authorised_by_law=True,
            notice=attrs.evolve(_IPP3A_NOTICE, law=False),
        ),
        NOT_MET,
    ),
    Case(
        "pm014-law-unnamed-but-required",
        "PM014",
        _indirect(
            collected_on=_AFTER,
            required_by_law=True,
            notice=attrs.evolve(_IPP3A_NOTICE, law=False),
        ),
        NOT_MET,
    ),
    Case(
        "pm014-law-named-and-authorised",
        "PM014",
        _indirect(collected_on=_AFTER, authorised_by_law=True, notice=_IPP3A_NOTICE),
        MET,
    ),
    Case(
        "pm014-law-naming-unrecorded-but-authorised",
        "PM014",
        _indirect(
            collected_on=_AFTER,
            authorised_by_law=True,
            notice=attrs.evolve(_IPP3A_NOTICE, law=None),
        ),
        REVIEW,
    ),
    Case(
        "pm014-no-law-none-named",
        "PM014",
        _indirect(
            collected_on=_AFTER,
            authorised_by_law=False,
            notice=attrs.evolve(_IPP3A_NOTICE, law=False),
        ),
        MET,
    ),
    # The period of collection: IPP3A reaches what is collected from its commencement on.
    Case(
        "pm014-started-day-before-continuation-unrecorded",
        "PM014",
        _indirect(collected_on=_BEFORE),
        REVIEW,
    ),
    Case(
        "pm014-started-before-ended-before",
        "PM014",
        _indirect(collected_on=_LONG_BEFORE, collected_until=_BEFORE, notice=_NEVER),
        NA,
    ),
    Case(
        "pm014-started-before-ended-on-commencement",
        "PM014",
        _indirect(collected_on=_LONG_BEFORE, collected_until=_COMMENCEMENT, notice=_NEVER),
        NOT_MET,
    ),
    Case(
        "pm014-started-before-ended-after",
        "PM014",
        _indirect(collected_on=_LONG_BEFORE, collected_until=_AFTER, notice=_NEVER),
        NOT_MET,
    ),
    Case(
        "pm014-started-before-still-running",
        "PM014",
        _indirect(collected_on=_LONG_BEFORE, ongoing=True, notice=_NEVER),
        NOT_MET,
    ),
    Case(
        "pm014-started-before-still-running-told",
        "PM014",
        _indirect(collected_on=_LONG_BEFORE, ongoing=True, notice=_IPP3A_NOTICE),
        MET,
    ),
    Case(
        "pm014-started-before-end-unrecorded",
        "PM014",
        _indirect(collected_on=_LONG_BEFORE, notice=_NEVER),
        REVIEW,
    ),
    Case(
        "pm014-started-before-ended-date-unrecorded",
        "PM014",
        _indirect(collected_on=_LONG_BEFORE, ongoing=False, notice=_NEVER),
        REVIEW,
    ),
    Case(
        "pm014-started-after-ended",
        "PM014",
        _indirect(collected_on=_AFTER, collected_until=_AFTER, ongoing=False, notice=_NEVER),
        NOT_MET,
    ),
    Case(
        "pm014-start-unrecorded-ended-before",
        "PM014",
        _indirect(collected_until=_BEFORE, notice=_NEVER),
        NA,
    ),
    Case(
        "pm014-start-unrecorded-ended-after",
        "PM014",
        _indirect(collected_until=_AFTER, notice=_NEVER),
        NOT_MET,
    ),
    Case(
        "pm014-start-unrecorded-ongoing",
        "PM014",
        _indirect(ongoing=True, notice=_NEVER),
        NOT_MET,
    ),
    Case(
        "pm014-start-unrecorded-ended-when-unknown",
        "PM014",
        _indirect(ongoing=False, notice=_NEVER),
        REVIEW,
    ),
    Case(
        "pm014-commencement-setting",
        "PM014",
        _indirect(collected_on=_LONG_BEFORE, collected_until=_BEFORE, notice=_NEVER),
        NOT_MET,
        settings=Settings(ipp3a_commencement=_LONG_BEFORE),
    ),
    Case("pm014-direct", "PM014", Collection("c", items=(_ITEM,), source=Source.INDIVIDUAL), NA),
    Case("pm014-counts", "PM014", _indirect(items=(_AGG,), collected_on=_AFTER), NA),
    Case("pm014-source-unrecorded", "PM014", Collection("c", items=(_ITEM,)), REVIEW),
    Case(
        "pm014-identifying-unrecorded",
        "PM014",
        _indirect(items=(_UNKNOWN_ITEM,), collected_on=_AFTER),
        REVIEW,
    ),
    Case(
        "pm014-recipients-unrecorded",
        "PM014",
        _indirect(collected_on=_AFTER, notice=attrs.evolve(_IPP3A_NOTICE, recipients=None)),
        REVIEW,
    ),
    Case(
        "pm014-matters-unrecorded",
        "PM014",
        _indirect(
            collected_on=_AFTER,
            notice=attrs.evolve(
                _IPP3A_NOTICE,
                fact_of_collection=None,
                agency_name_address=None,
                access_correction_rights=None,
            ),
        ),
        REVIEW,
    ),
    Case(
        "pm014-no-recipients-nothing-shared",
        "PM014",
        _indirect(collected_on=_AFTER, notice=attrs.evolve(_IPP3A_NOTICE, recipients=())),
        MET,
        context=Activity(
            "a", purposes=(Purpose("p"),), disclosures=(Disclosure("d", identifiable=False),)
        ),
    ),
    Case(
        "pm014-no-recipients-but-shared",
        "PM014",
        _indirect(collected_on=_AFTER, notice=attrs.evolve(_IPP3A_NOTICE, recipients=())),
        NOT_MET,
        context=Activity("a", purposes=(Purpose("p"),), disclosures=(Disclosure("d"),)),
    ),
    Case(
        "pm014-no-recipients-no-context",
        "PM014",
        _indirect(collected_on=_AFTER, notice=attrs.evolve(_IPP3A_NOTICE, recipients=())),
        MET,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """PM014 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def _finding(collection: Collection) -> Finding:
    [finding] = evaluate(collection, select=["PM014"], as_at=AS_AT).findings
    return finding


class TestPeriodOfCollection:
    def test_feed_started_earlier_and_still_running_is_covered(self) -> None:
        """A referral feed from 2024 that is still running is judged, citing the notice."""
        finding = _finding(_indirect(collected_on=_LONG_BEFORE, ongoing=True, notice=_NEVER))
        assert Status.NOT_MET == finding.status
        assert ("$.notice.timing", "$.notice.exception") == finding.evidence

    def test_ended_before_commencement_points_at_the_end(self) -> None:
        """Not applicable because of the recorded end date, which the finding cites."""
        finding = _finding(
            _indirect(collected_on=_LONG_BEFORE, collected_until=_BEFORE, notice=_NEVER)
        )
        assert Status.NOT_APPLICABLE == finding.status
        assert ("$.collected_until",) == finding.evidence

    def test_undecidable_period_names_what_would_settle_it(self) -> None:
        """Started earlier, end and continuation not recorded: both are asked for."""
        finding = _finding(_indirect(collected_on=_LONG_BEFORE, notice=_NEVER))
        assert Status.NEEDS_REVIEW == finding.status
        assert ("$.collected_until", "$.ongoing") == finding.evidence
        assert "Not recorded" in finding.message

    def test_ended_on_unknown_day_asks_for_the_end(self) -> None:
        """Started earlier and recorded as ended, without the date: the end is asked for."""
        finding = _finding(_indirect(collected_on=_LONG_BEFORE, ongoing=False, notice=_NEVER))
        assert ("$.collected_until",) == finding.evidence


class TestExceptions:
    def test_never_told_without_recorded_exception_asks_for_it(self) -> None:
        """An exception not recorded is not "no exception": the field is asked for."""
        finding = _finding(_indirect(collected_on=_AFTER, notice=Notice(timing=NoticeTiming.NEVER)))
        assert Status.NEEDS_REVIEW == finding.status
        assert ("$.notice.exception",) == finding.evidence

    def test_ipp3_ground_is_named_as_not_ipp3a(self) -> None:
        """The person's authorisation is an IPP3 ground: the message says IPP3A lacks it."""
        notice = Notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.AUTHORISED)
        finding = _finding(_indirect(collected_on=_AFTER, notice=notice))
        assert "not one IPP3A provides" in finding.message

    def test_ipp3a_ground_is_sent_to_be_confirmed(self) -> None:
        """An IPP3A-only ground (publicly available) is a claim for a person to confirm."""
        notice = Notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.PUBLICLY_AVAILABLE)
        finding = _finding(_indirect(collected_on=_AFTER, notice=notice))
        assert "IPP3A exception is claimed" in finding.message

    def test_law_missing_cites_the_recorded_authority(self) -> None:
        """A notice that omits an authorising law cites the law fact it rests on."""
        notice = attrs.evolve(_IPP3A_NOTICE, law=False)
        finding = _finding(_indirect(collected_on=_AFTER, required_by_law=True, notice=notice))
        assert ("$.notice.law", "$.required_by_law") == finding.evidence


class TestMetadata:
    def test_names_its_provision_and_condition(self) -> None:
        """PM014 tests IPP3A(1) and states the condition in one line."""
        [check] = [c for c in BUILTIN_CHECKS if c.id == "PM014"]
        assert "IPP3A(1)" == check.provision
        assert check.condition
        assert "\n" not in check.condition
