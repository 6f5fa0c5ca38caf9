"""The benchmark suite runs: every workload once, on tiny inputs. No timing is asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks import run
from benchmarks import workloads as w

import dpup

NON_PEER = [
    "single-event",
    "single-event-cold",
    "floor-single",
    "full-activity",
    "full-activity-cold",
    "floor-full",
    "load-evaluate",
    "request-json",
    "deadlines",
    "scale-10",
    "scale-20",
    "scale-40",
    "disclosures-choices-10",
    "disclosures-choices-20",
    "waivers-findings-10",
    "waivers-findings-20",
    "collections-disclosures-10",
    "collections-disclosures-20",
    "purposes-collections-10",
    "purposes-collections-20",
    "people-10",
    "people-20",
    "suppress-audit-table",
    "release-10-tables",
    "suppress-audit-cross-table",
]


class TestSuite:
    def test_smoke_run_reports_every_workload_and_budget(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A smoke run writes results for every workload and prints every budget."""
        output = tmp_path / "results.json"
        assert 0 == run.main(["--smoke", "--no-peers", "--output", str(output)])
        results = json.loads(output.read_text(encoding="utf-8"))
        assert NON_PEER == list(results["workloads"])
        for figures in results["workloads"].values():
            assert {"median", "min", "max"} <= set(figures)
        assert 16 == len(results["budgets"])
        printed = capsys.readouterr().out
        assert [] == [b["name"] for b in results["budgets"] if b["name"] not in printed]

    def test_check_calls_are_counted_by_the_engine(self) -> None:
        """The floor's sizes come from counting the checks evaluate() really calls."""
        activity = w.kids_first()
        disclosure = activity.disclosures[0]
        expected = len(dpup.evaluate(disclosure, context=activity).findings)
        assert expected <= w.count_check_calls(disclosure, activity)
        assert w.count_check_calls(disclosure, activity) < w.count_check_calls(activity)

    def test_floor_makes_one_result_per_check(self) -> None:
        """The floor calls as many trivial functions as it is asked to."""
        results = w.floor(5)()
        assert isinstance(results, list)
        assert 5 == len(results)


class TestPeers:
    def test_cedar_decision_runs(self) -> None:
        """The cedarpy peer makes its decision (skipped without the bench extra)."""
        pytest.importorskip("cedarpy")
        assert w.cedar_decision()() is not None

    def test_numpy_deadlines_agree_with_dpup(self) -> None:
        """numpy.busday_offset, given the same holidays, gives dpup's due dates."""
        pytest.importorskip("numpy")
        received = w.received_dates(500)
        # numpy_deadlines raises if its answers differ from decision_due_many's.
        assert w.numpy_deadlines(received)() is not None


class TestPeople:
    def test_each_request_is_for_the_next_person_held(self) -> None:
        """The caseload workload checks each person's disclosure against their own choice."""
        from benchmarks import people  # noqa: PLC0415 - only this test needs it

        run = people.caseload(w.kids_first(), 4)
        verdicts = [
            next(f.status for f in run().findings if f.check_id == "TC004") for _ in range(4)
        ]
        # Even-numbered people refused the court report, odd-numbered ones agreed to it.
        assert verdicts[0] == verdicts[2]
        assert verdicts[1] == verdicts[3]
        assert verdicts[0] != verdicts[1]


def test_cross_workload_alternates_tables_of_one_size() -> None:
    """The three-way workload takes two tables of the same size in turn, each suppressed."""
    from benchmarks import cross  # noqa: PLC0415 - only this test needs it

    calls, labels, units = cross.workloads(smoke=True)
    assert units == {cross.CROSS: 6 * 5 * 6}
    assert "5 x 4 x 5" in labels[cross.CROSS]
    first, second = calls[cross.CROSS](), calls[cross.CROSS]()
    assert first == ()
    assert second == ()
