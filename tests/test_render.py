"""Renderers: SARIF validates, JUnit parses with counts that match, HTML is self-contained."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import junitparser
import pytest

import dpup
from dpup import Report, Status, Waiver
from dpup.render import to_html, to_json, to_junit, to_markdown, to_sarif, to_sarif_dict, to_text
from tests.sarif import sarif_errors, validate_sarif

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))


def _report(path: Path, *waivers: Waiver) -> Report:
    return dpup.evaluate(dpup.load(path), label=path.name, waivers=waivers)


class TestSarif:
    @pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
    def test_every_example_validates(self, path: Path) -> None:
        """The SARIF for every bundled example validates against the official schema."""
        validate_sarif(json.loads(to_sarif(_report(path))))

    def test_results_match_report(self) -> None:
        """One result per NOT_MET or NEEDS_REVIEW finding, with logical locations."""
        report = _report(ROOT / "examples" / "kids-first-before.toml")
        [run] = to_sarif_dict(report)["runs"]
        wanted = report.with_status(Status.NOT_MET, Status.NEEDS_REVIEW, Status.NOT_YET_DUE)
        assert len(wanted) == len(run["results"])
        first = run["results"][0]
        assert (
            wanted[0].subject == first["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        )
        assert len(run["tool"]["driver"]["rules"]) == len(dpup.engine.default_registry())

    def test_waivers_become_suppressions(self) -> None:
        """A waived finding carries a suppression with the waiver's justification."""
        waiver = Waiver("AI001", "new intake policy from July", approver="service manager")
        data = to_sarif_dict(_report(ROOT / "examples" / "kids-first-before.toml", waiver))
        validate_sarif(data)
        [result] = [r for r in data["runs"][0]["results"] if r["ruleId"] == "AI001"]
        assert [
            {
                "kind": "external",
                "status": "accepted",
                "justification": "new intake policy from July (approved by service manager)",
            }
        ] == result["suppressions"]

    def test_several_reports_are_several_runs(self) -> None:
        """Reports for several files go into one log, one run each."""
        reports = [_report(p) for p in EXAMPLES[:2]]
        data = to_sarif_dict(reports)
        validate_sarif(data)
        assert 2 == len(data["runs"])

    def test_validation_is_strict(self) -> None:
        """The validator rejects what the schema rejects, formats included, listing each."""
        data = to_sarif_dict(_report(ROOT / "examples" / "kids-first-before.toml"))
        assert [] == sarif_errors(data)
        data["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri"
        data["runs"][0]["unexpected"] = True
        del data["version"]
        errors = sarif_errors(data)
        assert 3 == len(errors)
        assert any("'not a uri' is not a 'uri'" in e for e in errors)
        assert any("'version' is a required property" in e for e in errors)
        assert any("unexpected" in e for e in errors)


class TestJunit:
    @pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
    def test_parses_and_counts_match(self, path: Path, tmp_path: Path) -> None:
        """The junitparser library reads the XML and its counts match the report."""
        report = _report(path)
        out = tmp_path / "r.xml"
        out.write_text(to_junit(report), encoding="utf-8")
        [suite] = list(junitparser.JUnitXml.fromfile(str(out)))
        skipped = len(
            report.with_status(Status.NEEDS_REVIEW, Status.NOT_APPLICABLE, Status.NOT_YET_DUE)
        )
        skipped += len(report.failures(include_waived=True)) - len(report.failures())
        assert (len(report.findings), len(report.failures()), skipped, 0) == (
            suite.tests,
            suite.failures,
            suite.skipped,
            suite.errors,
        )

    def test_needs_review_is_skipped_with_evidence(self) -> None:
        """A NEEDS_REVIEW finding is a skipped case whose text says what would settle it."""
        root = ET.fromstring(  # noqa: S314 - parsing our own output, not untrusted data
            to_junit(_report(ROOT / "examples" / "kids-first-before.toml"))
        )
        skipped = [
            s for s in root.iter("skipped") if s.get("message", "").startswith("needs review")
        ]
        assert skipped
        assert all("to settle:" in (s.text or "") for s in skipped)


class TestHtml:
    def test_self_contained_with_chart(self) -> None:
        """The page has an inline SVG chart and no scripts or external assets.

        Links to the legislation cited (``<a href>``) are allowed: they load nothing.
        """
        page = to_html(_report(ROOT / "examples" / "kids-first-before.toml"))
        assert page.startswith("<!DOCTYPE html>")
        assert "<svg" in page
        assert "He Tāngata" in page
        assert "<script" not in page
        assert "<link" not in page
        assert re.search(r"src=\"https?:", page) is None
        hrefs = re.findall(r"<(\w+)[^>]* href=\"https?:", page)
        assert hrefs
        assert {"a"} == set(hrefs)

    def test_escapes_every_string(self) -> None:
        """A label with markup is escaped, never injected."""
        report = dpup.evaluate(dpup.Activity("x"), label="<img src=x onerror=alert(1)>")
        page = to_html(report)
        assert "<img" not in page
        assert "&lt;img" in page

    def test_notebook_reprs(self) -> None:
        """Reports render themselves in notebooks as HTML and Markdown."""
        report = _report(ROOT / "examples" / "kids-first-after.toml")
        assert "<svg" in report._repr_html_()
        assert report._repr_markdown_().startswith("# dpup report")


class TestOthers:
    def test_markdown_sections(self) -> None:
        """Markdown has the score tables and the two finding sections."""
        md = to_markdown(_report(ROOT / "examples" / "kids-first-before.toml"))
        for heading in ("## Scores", "## Not met (", "## Needs review ("):
            assert heading in md
        assert "| Mana Whakahaere |" in md

    @pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
    def test_json_validates_against_published_schema(self, path: Path) -> None:
        """The JSON report of every example validates against docs/report.schema.json."""
        schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
        waiver = Waiver("PM001", "accepted for the pilot", approver="lead", expires=None)
        jsonschema.Draft202012Validator(schema).validate(json.loads(to_json(_report(path, waiver))))

    def test_json_matches_to_dict(self) -> None:
        """JSON output is the report's dictionary form."""
        report = _report(ROOT / "examples" / "kids-first-after.toml")
        assert report.to_dict() == json.loads(to_json(report))

    @pytest.mark.parametrize(
        "render",
        [to_text, to_markdown, to_json, to_html, to_sarif, to_junit],
        ids=lambda f: f.__name__,
    )
    def test_deterministic(self, render: object) -> None:
        """Rendering the same input twice gives the same text."""
        assert callable(render)
        path = ROOT / "examples" / "kids-first-before.toml"
        assert render(_report(path)) == render(_report(path))

    def test_records(self) -> None:
        """to_records gives one flat row per finding."""
        report = _report(ROOT / "examples" / "kids-first-before.toml")
        records = report.to_records()
        assert len(report.findings) == len(records)
        assert all(
            isinstance(v, str | bool | int | type(None)) for r in records for v in r.values()
        )


def _crashing_report() -> Report:
    """A report in which one check crashed and another was met."""

    def boom(_subject: object, _ctx: dpup.EvaluationContext) -> dpup.engine.Outcome:
        """Crash, for the test.

        What it checks:
            Nothing.
        Why it matters:
            Renderers must show crashed checks.
        How to meet it:
            Nothing to do.
        References:
            None.
        """
        raise RuntimeError

    crashing = dpup.engine.check(
        id="PM901",
        name="always-crashes",
        principles=(dpup.Principle.HE_TANGATA,),
        basis=dpup.Basis.GOOD_PRACTICE,
        severity=dpup.Severity.LOW,
        subject=dpup.Purpose,
        remediation="None.",
    )(boom)
    registry = dpup.Registry([crashing, *dpup.engine.default_registry().select(["PM002"])])
    activity = dpup.Activity("a", purposes=(dpup.Purpose("p", why="to plan next year"),))
    return dpup.evaluate(activity, registry=registry, as_at=date(2026, 6, 1))


class TestCrashedChecks:
    def test_every_renderer_shows_a_crashed_check(self) -> None:
        """Text, Markdown, HTML, JSON, SARIF and JUnit all show a check that crashed."""
        report = _crashing_report()
        [error] = report.errors
        assert ("PM901", "$.purposes[0]", "builtins.RuntimeError") == (
            error.check_id,
            error.subject,
            error.error_type,
        )
        assert "Checks that crashed (1)" in to_text(report)
        assert "PM901 on $.purposes[0]: builtins.RuntimeError" in to_text(report, color=True)
        assert "## Checks that crashed (1)" in to_markdown(report)
        assert "PM901" in to_html(report)
        assert "PM901" in to_json(report)
        assert "PM901" in to_sarif(report)
        suite = ET.fromstring(to_junit(report))  # noqa: S314 - our own output
        assert "1" == suite.get("errors")
        [crash] = suite.iter("error")
        assert "builtins.RuntimeError" == crash.get("type")
