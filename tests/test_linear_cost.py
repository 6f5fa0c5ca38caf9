"""Evaluating an activity costs the same per record however many records it has: no timing.

Speed is measured by ``make bench``. Here the work is counted instead: every list of records
in the generated activities of ``benchmarks.relations`` is replaced by a tuple that counts
each record the checks visit (iterated over, indexed, or searched with ``in``), and every
call of `Waiver.covers` is counted too. A check that scanned a whole list for every record
linked to it would visit about a hundred times as much at 1,000 records as at 100; linear
work visits about ten times as much (eleven is allowed: the mix of states, grounds and notices
in the generated records shifts a little between the two sizes).

The indexes that keep the work linear must give the answers the plain scans give: the same
reports whichever way every lookup is made, and the first covering waiver in the order given.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any, SupportsIndex

import attrs
import pytest
from benchmarks import relations

import dpup
from dpup import _collector, facts
from dpup._engine import run as _run
from dpup.checkdef import CheckFunction, EvaluationContext
from dpup.checks.purpose_matters._helpers import purposes_of
from dpup.checks.transparency_and_choice.tc004_choice_not_honoured import relevant_choices
from dpup.engine import Registry, default_registry
from dpup.model import Activity, Choice, ChoiceScope, Disclosure, Purpose

SMALL, LARGE = 100, 1_000
EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.toml"))
DAY = relations.AS_AT


class Work:
    """The records visited and waivers asked since the count was last reset."""

    count = 0


class Counted(tuple[Any, ...]):
    """A tuple of records that counts every record a check visits."""

    __slots__ = ()

    def __iter__(self) -> Iterator[Any]:
        for record in tuple.__iter__(self):
            Work.count += 1
            yield record

    def __getitem__(self, index: SupportsIndex | slice) -> Any:
        Work.count += 1
        return tuple.__getitem__(self, index)

    def __contains__(self, value: object) -> bool:
        Work.count += len(self)
        return tuple.__contains__(self, value)


def _counted(activity: Activity) -> Activity:
    """Return ``activity`` with every list of records (collection items too) counted."""
    collections = Counted(attrs.evolve(c, items=Counted(c.items)) for c in activity.collections)
    return attrs.evolve(
        activity,
        purposes=Counted(activity.purposes),
        collections=collections,
        choices=Counted(activity.choices),
        agreements=Counted(activity.agreements),
        disclosures=Counted(activity.disclosures),
        access_requests=Counted(activity.access_requests),
        correction_requests=Counted(activity.correction_requests),
        insights=Counted(activity.insights),
    )


BUILDERS = relations.SHAPES | {"every-relation": relations.every_relation}


def _work(name: str, n: int) -> int:
    """Return the records visited and waivers asked evaluating shape ``name`` with ``n``."""
    shape = BUILDERS[name](n)
    activity = _counted(shape.activity)
    dpup.evaluate(attrs.evolve(activity), waivers=shape.waivers)  # text and outcome memos warm
    fresh = attrs.evolve(activity)  # a new activity: its indexes are built again
    Work.count = 0
    dpup.evaluate(fresh, waivers=shape.waivers)
    return Work.count


@pytest.fixture
def counting_covers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count every call of `Waiver.covers` as work."""
    covers = dpup.Waiver.covers

    def counted(self: dpup.Waiver, check_id: str, subject: str) -> bool:
        Work.count += 1
        return covers(self, check_id, subject)

    monkeypatch.setattr(dpup.Waiver, "covers", counted)


class TestLinearWork:
    @pytest.mark.usefixtures("counting_covers")
    @pytest.mark.parametrize("name", sorted(BUILDERS))
    def test_work_per_record_is_flat(self, name: str) -> None:
        """Ten times the records is about ten times the work (not a hundred), for every relation."""
        small, large = _work(name, SMALL), _work(name, LARGE)
        assert small > 0
        assert large <= 11 * small, f"{name}: {small:,} units at {SMALL}, {large:,} at {LARGE}"

    def test_counting_sees_a_scan(self) -> None:
        """The count notices a check that scans a whole list for every record."""
        shape = relations.disclosures_choices(SMALL)
        activity = _counted(shape.activity)
        Work.count = 0
        for disclosure in activity.disclosures:
            activity.choice(disclosure.choices[0] if disclosure.choices else "")
        assert Work.count >= SMALL * SMALL // 2


def _report(shape: relations.Shape, limit: int, monkeypatch: pytest.MonkeyPatch) -> dpup.Report:
    # A fresh copy each time: nothing one way of looking up leaves behind serves the other.
    monkeypatch.setattr(facts, "SCAN_LIMIT", limit)
    return dpup.evaluate(attrs.evolve(shape.activity), waivers=shape.waivers)


class TestIndexesAgreeWithScans:
    @pytest.mark.parametrize("name", sorted(BUILDERS))
    def test_shapes(self, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
        """Every lookup indexed, or every one scanned: the same report, finding for finding."""
        shape = BUILDERS[name](40)
        indexed = _report(shape, 0, monkeypatch)
        scanned = _report(shape, 10**9, monkeypatch)
        assert scanned.to_dict() == indexed.to_dict()
        assert scanned == indexed

    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
    def test_examples(self, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """The bundled examples, whole and one object at a time, either way."""
        shape = relations.Shape(dpup.load(path))
        assert _report(shape, 10**9, monkeypatch) == _report(shape, 0, monkeypatch)
        activity = shape.activity
        for obj in (*activity.collections, *activity.disclosures, *activity.agreements):
            monkeypatch.setattr(facts, "SCAN_LIMIT", 0)
            indexed = dpup.evaluate(obj, context=attrs.evolve(activity))
            monkeypatch.setattr(facts, "SCAN_LIMIT", 10**9)
            assert dpup.evaluate(obj, context=attrs.evolve(activity)) == indexed

    def test_choices_found_every_way(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Choices are touched by id, recipient (any case) or purpose; capture ones by id only."""
        shape = relations.disclosures_choices(30)
        base = shape.activity
        choices = (
            *base.choices,
            Choice("by-purpose", scope=ChoiceScope.USE, purposes=("research",)),
            Choice("capture", scope=ChoiceScope.CAPTURE, purposes=("research",)),
            Choice("loud", recipients=("RECIPIENT 3", "recipient 3")),
        )
        disclosures = (*base.disclosures, Disclosure("no-recipient", purposes=()))
        varied = relations.Shape(attrs.evolve(base, choices=choices, disclosures=disclosures))
        assert _report(varied, 10**9, monkeypatch) == _report(varied, 0, monkeypatch)
        third = varied.activity.disclosures[3]
        for limit in (0, 10**9):
            monkeypatch.setattr(facts, "SCAN_LIMIT", limit)
            assert [3, 30, 32] == relevant_choices(attrs.evolve(varied.activity), third)


class TestLookups:
    def test_positions_listed_once(self) -> None:
        """A record listing a key twice is indexed once under it; ids not there are skipped."""
        index = facts.positions([("a", "a"), ("b",), ("a",)])
        assert {"a": [0, 2], "b": [1]} == index
        assert [0, 1, 2] == facts.positions_of(index, ["b", "a", "missing"])

    def test_no_activity_no_purposes(self) -> None:
        """Without an activity there are no purposes to find."""
        assert [] == purposes_of(None, ["purpose-0"])

    @pytest.mark.parametrize("limit", [-1, 10**9])
    def test_correction_of_a_disclosure_from_elsewhere(
        self, limit: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A correction naming a disclosure its context does not hold points at its own list.

        The dangling reference is bad input (issue 20, section 2), refused at its path.
        """
        monkeypatch.setattr(facts, "SCAN_LIMIT", limit)
        activity = relations.every_relation(3).activity
        correction = activity.correction_requests[1]
        elsewhere = attrs.evolve(activity, disclosures=(), correction_requests=())
        with pytest.raises(dpup.InputError, match=r"unknown disclosure @ \$\.disclosures\[0\]"):
            dpup.evaluate(correction, context=elsewhere, select=["AI004"])


class _Sometimes(dpup.Waiver):
    """A waiver with a rule of its own: it covers only the subjects it names, and not $."""

    def covers(self, check_id: str, subject: str) -> bool:
        return check_id == self.check_id and subject != "$" and subject == (self.subject or "")


def _first_covering(waivers: list[dpup.Waiver], check_id: str, path: str) -> dpup.Waiver | None:
    return next((w for w in waivers if w.covers(check_id, path)), None)


class TestWaiverLookup:
    PATHS = ("$", "$.disclosures[0]", "$.disclosures[1]", "$.disclosures[2]")

    def _orders(self) -> list[list[dpup.Waiver]]:
        everywhere = dpup.Waiver("TC004", "everywhere")
        again = dpup.Waiver("TC004", "everywhere again")
        one = dpup.Waiver("TC004", "one", subject="$.disclosures[1]")
        one_again = dpup.Waiver("TC004", "one again", subject="$.disclosures[1]")
        two = dpup.Waiver("TC004", "two", subject="$.disclosures[2]")
        own = _Sometimes("TC004", "own rule", subject="$.disclosures[0]")
        own_root = _Sometimes("TC004", "own rule at the root", subject="$")
        return [
            [one, everywhere, two, again],
            [everywhere, one, two],
            [one, one_again, two],
            [own_root, own, one, everywhere, one_again],
            [two, own, again, one],
            [own_root],
            [],
        ]

    def test_first_covering_waiver_wins(self) -> None:
        """The index finds what a scan of the waivers in order finds, for every path."""
        for waivers in self._orders():
            found = _run._active_waivers(tuple(waivers), DAY)
            for path in self.PATHS:
                expected = _first_covering(waivers, "TC004", path)
                actual = found["TC004"].find("TC004", path) if "TC004" in found else None
                assert expected is actual, (waivers, path)

    def test_in_an_evaluation(self) -> None:
        """Each finding carries the first active waiver, in the order given, that covers it."""
        shape = relations.waivers_findings(30)
        report = dpup.evaluate(shape.activity, waivers=shape.waivers)
        active = [w for w in shape.waivers if w.active_on(DAY)]
        assert any(f.waived for f in report.findings)
        for finding in report.findings:
            assert _first_covering(active, finding.check_id, finding.subject) is finding.waiver


class _Stop(BaseException):
    """Not an `Exception`, so the engine does not record it as a crashed check."""


def _watching(seen: list[bool], *, stop: bool = False) -> Registry:
    """Return the Purpose checks, each noting whether the collector is on when it runs."""

    def watch(func: CheckFunction) -> CheckFunction:
        def watched(obj: Any, ctx: EvaluationContext) -> Any:
            seen.append(gc.isenabled())
            if stop:
                raise _Stop
            return func(obj, ctx)

        return watched

    checks = [attrs.evolve(c, func=watch(c.func)) for c in default_registry()]
    return Registry([c for c in checks if c.subject is Purpose])


class TestCollectorPause:
    def test_large_activities_pause_it(self) -> None:
        """While a large activity is evaluated the collector is off; afterwards it is on."""
        seen: list[bool] = []
        activity = relations.purposes_collections(_run.LARGE_FROM).activity
        assert gc.isenabled()
        dpup.evaluate(activity, registry=_watching(seen))
        assert seen
        assert not any(seen)
        assert gc.isenabled()

    def test_small_activities_leave_it_alone(self) -> None:
        """An activity of a few records is evaluated with the collector as it was."""
        seen: list[bool] = []
        dpup.evaluate(relations.purposes_collections(3).activity, registry=_watching(seen))
        assert seen
        assert all(seen)

    def test_never_turned_on_if_it_was_off(self) -> None:
        """A caller who turned the collector off finds it off afterwards."""
        seen: list[bool] = []
        activity = relations.purposes_collections(_run.LARGE_FROM).activity
        gc.disable()
        try:
            report = dpup.evaluate(activity, registry=_watching(seen))
            assert not gc.isenabled()
        finally:
            gc.enable()
        assert seen
        assert not any(seen)
        assert report == dpup.evaluate(activity, registry=_watching([]))

    def test_an_evaluation_stopped_early_resumes_it(self) -> None:
        """An evaluation interrupted part-way through ends the pause."""
        seen: list[bool] = []
        activity = relations.purposes_collections(_run.LARGE_FROM).activity
        with pytest.raises(_Stop):
            dpup.evaluate(activity, registry=_watching(seen, stop=True))
        assert [False] == seen
        assert gc.isenabled()

    def test_pauses_are_shared(self) -> None:
        """Overlapping pauses resume the collector only when the last one ends."""
        with _collector.collector_paused():
            with _collector.collector_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled()


class TestLimitWalk:
    """The size-limit walk that every load makes first allocates nothing per value it visits.

    A tracked object per container (a pair of container and depth on a stack, say) set off
    about 130 young collections and a full one on a collection of 100,000 items, and the full
    walks over everything alive made up most of the walk's cost at that size (``make bench``'s
    scale linearity).
    """

    def test_no_collections_while_walking(self) -> None:
        """Walking 5,000 items (each a table holding a list) starts no garbage collection at all."""
        from dpup.io import limits  # noqa: PLC0415 - the walk under test

        document = {"items": [{"name": f"item-{i}", "tags": ["a", "b"]} for i in range(5_000)]}
        started: list[int] = []

        def watch(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                started.append(info["generation"])

        gc.collect()
        gc.callbacks.append(watch)
        try:
            problems = limits._limit_problems(document)
        finally:
            gc.callbacks.remove(watch)
        assert problems == []
        assert started == []
