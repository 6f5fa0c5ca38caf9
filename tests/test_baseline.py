"""Only what is new: baselines, SARIF baselineState and locations, and failing on new findings."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dpup
from dpup.baseline import Baseline, BaselineState, load_baselines, match
from dpup.cli import main
from dpup.errors import InputError
from dpup.render.junit import to_junit
from dpup.render.sarif import artifact_uri, to_sarif_dict
from dpup.testing import ComplianceError, assert_complies
from dpup.testing.strategies import activities
from tests.sarif import sarif_errors, validate_sarif
from tests.test_comparison import _records_shuffled

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
BEFORE = EXAMPLES / "kids-first-before.toml"
AFTER = EXAMPLES / "kids-first-after.toml"


def _report(path: Path) -> dpup.Report:
    return dpup.evaluate(dpup.load(path), label=path.name)


def _worse_after() -> dpup.Activity:
    """The Kids First "after" activity with its proactive copies dropped again (AI003)."""
    after = dpup.load(AFTER)
    assert after.access_practice is not None
    return attrs.evolve(
        after, access_practice=attrs.evolve(after.access_practice, proactive_copies=False)
    )


class TestStates:
    def test_a_report_against_itself_is_all_unchanged(self) -> None:
        """Every finding is unchanged against its own report; nothing is absent."""
        report = _report(BEFORE)
        baseline = Baseline.from_report(report)
        assert {BaselineState.UNCHANGED} == set(baseline.states(report))
        assert () == baseline.absent(report)
        assert () == baseline.new_findings(report)

    def test_new_unchanged_updated_and_absent(self) -> None:
        """Before as the baseline of after: each state appears and matches the comparison."""
        before, after = _report(BEFORE), _report(AFTER)
        baseline = Baseline.from_report(before)
        states = dict(zip(after.findings, baseline.states(after), strict=True))
        was = {f.fingerprint: f.status for f in before.findings}
        for f, state in states.items():
            if f.fingerprint not in was:
                assert state is BaselineState.NEW
            elif was[f.fingerprint] is f.status:
                assert state is BaselineState.UNCHANGED
            else:
                assert state is BaselineState.UPDATED
        assert set(states.values()) == {
            BaselineState.NEW,
            BaselineState.UNCHANGED,
            BaselineState.UPDATED,
        }
        now = {f.fingerprint for f in after.findings}
        absent = baseline.absent(after)
        assert absent
        assert all(e.fingerprint not in now for e in absent)

    def test_passed_fails_only_on_what_is_new(self) -> None:
        """Known failures pass against their baseline; a regression fails."""
        before = _report(BEFORE)
        assert not before.passed()
        assert Baseline.from_report(before).passed(before)
        after = dpup.evaluate(dpup.load(AFTER))
        worse = dpup.evaluate(_worse_after())
        baseline = Baseline.from_report(after)
        assert not baseline.passed(worse)
        assert ["AI003"] == [
            f.check_id for f in baseline.new_findings(worse) if f.status.value == "not_met"
        ]

    def test_match_by_label_or_the_only_one(self) -> None:
        """One baseline goes with one report whatever its label; several match by label."""
        a, b = Baseline((), "a.toml"), Baseline((), "b.toml")
        assert [a] == match(["other.toml"], (a,))
        assert [b, a, None] == match(["b.toml", "a.toml", "c.toml"], (a, b))


class TestFiles:
    def test_json_output_of_several_files_reads_back(self, tmp_path: Path) -> None:
        """`evaluate --format json` of two files gives two baselines, labelled by file."""
        out = tmp_path / "base.json"
        main(["evaluate", str(BEFORE), str(AFTER), "--format", "json", "--output", str(out)])
        found = load_baselines(out)
        assert ["kids-first-before.toml", "kids-first-after.toml"] == [b.label for b in found]
        assert len(found[0].entries) == len(_report(BEFORE).findings)

    def test_sarif_output_reads_back(self, tmp_path: Path) -> None:
        """A SARIF log dpup wrote is a baseline too: its reported findings, by fingerprint."""
        out = tmp_path / "base.sarif"
        main(["evaluate", str(BEFORE), "--format", "sarif", "--output", str(out)])
        (found,) = load_baselines(out)
        reported = [f for f in _report(BEFORE).findings if f.status.value != "met"]
        reported = [f for f in reported if f.status.value != "not_applicable"]
        assert [f.fingerprint for f in reported] == [e.fingerprint for e in found.entries]

    def test_malformed_baseline_lists_every_problem(self, tmp_path: Path) -> None:
        """A baseline with several faults: one InputError listing each at its path."""
        bad = tmp_path / "bad.json"
        finding = {"check_id": "PM001", "status": "weird", "subject": "$", "message": "m"}
        data = {"findings": [finding, 7, {**finding, "status": "met", "fingerprint": "nope"}]}
        bad.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(InputError) as info:
            load_baselines(bad)
        paths = info.value.paths
        assert "$.findings[0]" in paths
        assert "$.findings[1]" in paths
        assert "$.findings[2].fingerprint" in paths
        assert info.value.source == str(bad)

    def test_malformed_sarif_names_sarif_paths(self, tmp_path: Path) -> None:
        """A SARIF result's problems are named where they are in SARIF, each once."""
        bad = tmp_path / "bad.sarif"
        result = {"ruleId": "PM001", "message": {"text": 3}, "properties": {"status": "odd"}}
        bad.write_text(json.dumps({"runs": [{"results": [result]}]}), encoding="utf-8")
        with pytest.raises(InputError) as info:
            load_baselines(bad)
        at = "$.runs[0].results[0]"
        assert sorted(info.value.paths) == sorted(
            [
                f"{at}.partialFingerprints",
                f"{at}.properties.status",
                f"{at}.locations[0].logicalLocations[0].fullyQualifiedName",
                f"{at}.message.text",
            ]
        )

    def test_a_missing_check_id_is_one_problem(self, tmp_path: Path) -> None:
        """Without a check id the fingerprint is not also called malformed."""
        bad = tmp_path / "bad.json"
        finding = {"fingerprint": "PM001-0123456789abcdef", "status": "met", "subject": "$"}
        bad.write_text(json.dumps({"findings": [{**finding, "message": "m"}]}), encoding="utf-8")
        with pytest.raises(InputError) as info:
            load_baselines(bad)
        assert ("$.findings[0].check_id",) == info.value.paths

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("{not json", "expected JSON"),
            ("", "expected at least one dpup JSON report"),
            ("[1, 2]", "expected a dpup JSON report"),
            ('{"runs": 3}', "expected a SARIF log with one run"),
            ('{"label": "x"}', "expected a list of findings"),
            ("[" * 200_000 + "]" * 200_000, "nested far too deeply"),
        ],
    )
    def test_unreadable_baselines_are_refused(
        self, tmp_path: Path, text: str, expected: str
    ) -> None:
        """Not JSON, empty, or not a report: refused with what was expected."""
        bad = tmp_path / "bad.json"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match=expected):
            load_baselines(bad)


class TestCommand:
    def test_fail_scope_new_passes_known_failures(self, tmp_path: Path) -> None:
        """Known failures: exit 1 as a whole, exit 0 limited to what is new."""
        base = tmp_path / "base.json"
        assert 1 == main(["evaluate", str(BEFORE), "--format", "json", "--output", str(base)])
        args = ["evaluate", str(BEFORE), "--baseline", str(base), "--output", str(tmp_path / "r")]
        assert 1 == main(args)
        assert 0 == main([*args, "--fail-scope", "new"])

    def test_fail_scope_new_fails_on_a_regression(self, tmp_path: Path) -> None:
        """A finding that turned not met since the baseline fails the run (exit 1)."""
        base = tmp_path / "base.json"
        main(["evaluate", str(AFTER), "--format", "json", "--output", str(base)])
        worse = tmp_path / "kids-first-after.toml"
        text = AFTER.read_text(encoding="utf-8").replace(
            "proactive_copies = true", "proactive_copies = false"
        )
        assert "proactive_copies = false" in text
        worse.write_text(text, encoding="utf-8")
        out = tmp_path / "r.txt"
        args = ["evaluate", str(worse), "--baseline", str(base), "--fail-scope", "new"]
        assert 1 == main([*args, "--output", str(out)])
        assert "updated: AI003" in out.read_text(encoding="utf-8")

    def test_json_with_a_baseline_marks_each_finding(self, tmp_path: Path) -> None:
        """JSON output with --baseline: a state per finding, in order, and the absent ones."""
        base = tmp_path / "base.json"
        main(["evaluate", str(BEFORE), "--format", "json", "--output", str(base)])
        out = tmp_path / "r.json"
        main(
            [
                "evaluate",
                str(AFTER),
                "--baseline",
                str(base),
                "--format",
                "json",
                "--output",
                str(out),
            ]
        )
        data = json.loads(out.read_text(encoding="utf-8"))
        schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
        assert len(data["baseline"]["states"]) == len(data["findings"])
        assert {"new", "unchanged", "updated"} == set(data["baseline"]["states"])
        assert data["baseline"]["absent"]

    def test_malformed_baseline_is_exit_2_and_writes_nothing(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bad baseline: exit 2, each problem on its own line, no report written."""
        bad = tmp_path / "bad.json"
        bad.write_text('{"findings": [1, 2]}', encoding="utf-8")
        out = tmp_path / "r.txt"
        assert 2 == main(["evaluate", str(AFTER), "--baseline", str(bad), "--output", str(out)])
        err = capsys.readouterr().err
        assert "@ $.findings[0]" in err
        assert "@ $.findings[1]" in err
        assert not out.exists()

    def test_fail_scope_new_needs_a_baseline(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--fail-scope new without --baseline is a usage error (exit 2)."""
        assert 2 == main(["evaluate", str(AFTER), "--fail-scope", "new"])
        assert "--fail-scope new needs --baseline" in capsys.readouterr().err


class TestSarif:
    def test_results_carry_fingerprints_and_validate(self) -> None:
        """Every result has its fingerprint under dpupFinding/v1; the log is valid SARIF."""
        report = _report(BEFORE)
        data = to_sarif_dict(report)
        validate_sarif(data)
        results = data["runs"][0]["results"]
        assert results
        prints = {f.fingerprint for f in report.findings}
        assert all(r["partialFingerprints"]["dpupFinding/v1"] in prints for r in results)

    def test_baseline_states_validate(self) -> None:
        """Against a baseline each result has a baselineState; absent ones are added."""
        before, after = _report(BEFORE), _report(AFTER)
        data = to_sarif_dict(after, baselines=[Baseline.from_report(before)])
        validate_sarif(data)
        states = {r["baselineState"] for r in data["runs"][0]["results"]}
        assert {"new", "unchanged", "absent"} == states
        worse = dpup.evaluate(_worse_after())
        data = to_sarif_dict(worse, baselines=[Baseline.from_report(after)])
        validate_sarif(data)
        (updated,) = [r for r in data["runs"][0]["results"] if r["baselineState"] == "updated"]
        assert "AI003" == updated["ruleId"]

    @pytest.mark.parametrize(
        ("given", "uri"),
        [
            ("examples/kids-first.toml", "examples/kids-first.toml"),
            ("my files/kids first.toml", "my%20files/kids%20first.toml"),
            ("a:b/c#1?.toml", "a%3Ab/c%231%3F.toml"),
            ("whānau.toml", "wh%C4%81nau.toml"),
            ("/srv/data/x y.toml", "file:///srv/data/x%20y.toml"),
        ],
    )
    def test_artifact_uri(self, given: str, uri: str) -> None:
        """A path as given becomes a URI reference: relative stays relative, all encoded."""
        assert uri == artifact_uri(given)

    def test_command_points_at_each_file_by_its_path(self, tmp_path: Path) -> None:
        """Two files of one name in different folders (one with a space) stay distinct."""
        one = tmp_path / "team a" / "kf.toml"
        two = tmp_path / "team-b" / "kf.toml"
        for target, source in ((one, BEFORE), (two, AFTER)):
            target.parent.mkdir()
            target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        out = tmp_path / "out.sarif"
        main(["evaluate", str(one), str(two), "--format", "sarif", "--output", str(out)])
        data = json.loads(out.read_text(encoding="utf-8"))
        assert [] == sarif_errors(data)
        uris = [run["artifacts"][0]["location"]["uri"] for run in data["runs"]]
        assert uris[0] != uris[1]
        assert uris[0].endswith("team%20a/kf.toml")
        for run, uri in zip(data["runs"], uris, strict=True):
            for result in run["results"]:
                assert uri == result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]

    def test_a_label_that_is_no_uri_is_encoded(self) -> None:
        """A test id as a label (brackets, spaces) is still a valid URI reference."""
        report = dpup.evaluate(dpup.load(BEFORE), label="tests/test_x.py::test[a b]")
        assert [] == sarif_errors(to_sarif_dict(report))


def test_junit_cases_carry_fingerprints() -> None:
    """Each JUnit test case carries its finding's fingerprint as a property."""
    report = _report(AFTER)
    xml = to_junit(report)
    for f in report.findings:
        assert f'<property name="dpupFinding/v1" value="{f.fingerprint}"' in xml


class TestAssertComplies:
    def test_message_carries_evidence_and_fix(self) -> None:
        """A not-met finding's lines name the evidence paths and the remediation."""
        with pytest.raises(ComplianceError) as info:
            assert_complies(dpup.evaluate(_worse_after()))
        text = str(info.value)
        (ai003,) = [f for f in info.value.failed if f.check_id == "AI003"]
        assert ai003.evidence
        assert "evidence: " + ", ".join(ai003.evidence) in text
        assert ai003.remediation
        assert "fix: " + ai003.remediation in text

    def test_baseline_limits_failure_to_what_is_new(self, tmp_path: Path) -> None:
        """With a baseline (report, Baseline or JSON file), only new failures fail."""
        before = dpup.evaluate(dpup.load(BEFORE))
        with pytest.raises(ComplianceError):
            assert_complies(before)
        assert_complies(before, baseline=before)
        assert_complies(before, baseline=Baseline.from_report(before))
        base = tmp_path / "base.json"
        main(["evaluate", str(BEFORE), "--format", "json", "--output", str(base)])
        assert_complies(dpup.load(BEFORE), baseline=base)
        after = dpup.evaluate(dpup.load(AFTER))
        with pytest.raises(ComplianceError, match="AI003"):
            assert_complies(dpup.evaluate(_worse_after()), baseline=after)

    def test_report_selections_are_tuples(self) -> None:
        """Every Report method that picks findings returns a tuple."""
        report = _report(BEFORE)
        picked = (
            report.failures(),
            report.needs_review(),
            report.legal_breaches(),
            report.open_obligations(),
            report.with_status(dpup.Status.MET),
            report.questions(dpup.load(BEFORE)),
        )
        assert all(type(p) is tuple for p in picked)


class TestPlugin:
    def test_baseline_option_and_fixture(self, pytester: pytest.Pytester) -> None:
        """--dpup-baseline: the fixture gives each test its baseline; SARIF marks states."""
        pytester.makepyfile(
            f"""
            import dpup
            from dpup.testing import assert_complies

            def test_before(dpup_evaluate, dpup_baseline):
                report = dpup_evaluate(dpup.load({str(BEFORE)!r}), source="examples/kf.toml")
                assert_complies(report, baseline=dpup_baseline)
            """
        )
        first = pytester.path / "first.sarif"
        result = pytester.runpytest("-p", "no:cacheprovider", f"--dpup-report={first}")
        result.assert_outcomes(failed=1)
        data = json.loads(first.read_text(encoding="utf-8"))
        validate_sarif(data)
        run = data["runs"][0]
        assert run["properties"]["label"].endswith("test_before")
        assert "examples/kf.toml" == run["artifacts"][0]["location"]["uri"]
        second = pytester.path / "second.sarif"
        result = pytester.runpytest(
            "-p", "no:cacheprovider", f"--dpup-report={second}", f"--dpup-baseline={first}"
        )
        result.assert_outcomes(passed=1)
        data = json.loads(second.read_text(encoding="utf-8"))
        validate_sarif(data)
        assert {"unchanged"} == {r["baselineState"] for r in data["runs"][0]["results"]}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(activities(), st.integers(0, 2**16))
def test_reordered_records_are_all_unchanged(activity: dpup.Activity, seed: int) -> None:
    """Against its own baseline, an activity with its records reordered: nothing new or absent."""
    report = dpup.evaluate(activity)
    shuffled = dpup.evaluate(_records_shuffled(activity, seed))
    baseline = Baseline.from_report(report)
    assert {BaselineState.UNCHANGED} >= set(baseline.states(shuffled))
    assert () == baseline.absent(shuffled)
