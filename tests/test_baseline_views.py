"""Baseline marks in the HTML report, JUnit and XLSX, and the fingerprint in tables of findings.

`tests/test_baseline.py` holds the states themselves (and JSON, SARIF, text and Markdown);
this file holds how the other formats show them: a badge per block of findings and a "Since
the baseline" section in HTML, a ``baselineState`` property per JUnit test case, a column and
a sheet in XLSX, and the ``fingerprint`` column of `Report.to_records` and the XLSX findings
sheet.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import attrs
import pytest

import dpup
from dpup.baseline import Baseline, BaselineEntry, BaselineState
from dpup.cli import main
from dpup.findings import Report, Status
from dpup.policy import Guideline
from dpup.render._baseline_view import BaselineMarks
from dpup.render._view import group_findings
from dpup.render.html import to_html
from dpup.render.junit import to_junit
from dpup.render.sarif import to_sarif_dict
from tests.sarif import sarif_errors

EXAMPLES = Path(__file__).parent.parent / "examples"
BEFORE = EXAMPLES / "kids-first-before.toml"
AFTER = EXAMPLES / "kids-first-after.toml"
QUIET = ("--fail-on", "never")


def _report(path: Path) -> Report:
    return dpup.evaluate(dpup.load(path), label=path.name)


def _pair() -> tuple[Report, Report, Baseline]:
    before, after = _report(BEFORE), _report(AFTER)
    return before, after, Baseline.from_report(before)


def _tally(baseline: Baseline, report: Report) -> dict[BaselineState, int]:
    states = baseline.states(report)
    found = {s: states.count(s) for s in BaselineState}
    found[BaselineState.ABSENT] = len(baseline.absent(report))
    return found


class TestHtml:
    def test_each_block_carries_its_state(self) -> None:
        """One badge per block, saying the states of exactly the findings in that block."""
        _, after, baseline = _pair()
        page = to_html(after, baseline=baseline)
        badges = re.findall(r'<span class="tag since ([a-z]+)">([^<]*) since the baseline<', page)
        assert page.count('<div class="finding ') == len(badges)
        marks = BaselineMarks(after, baseline)
        blocks = [
            b
            for g in Guideline
            for b in group_findings(f for f in after.findings if f.guideline is g)
        ]
        assert sorted(marks.phrase(b.findings) for b in blocks) == sorted(p for _, p in badges)
        counted = dict.fromkeys(BaselineState, 0)
        for b in blocks:
            for f in b.findings:
                counted[marks.state(f)] += 1
        tally = _tally(baseline, after)
        for state in (BaselineState.NEW, BaselineState.UNCHANGED, BaselineState.UPDATED):
            assert counted[state] == tally[state] > 0
        for kind, phrase in badges:
            assert kind == (phrase if not phrase[0].isdigit() else "mixed")

    def test_a_mixed_block_marks_each_subject(self) -> None:
        """Where a block mixes states, each subject line says its own; elsewhere none does."""
        _, after, baseline = _pair()
        page = to_html(after, baseline=baseline)
        blocks = re.findall(r'<div class="finding [a-z_]+"><h4>.*?</div>', page, flags=re.S)
        mixed = [b for b in blocks if 'class="tag since mixed"' in b]
        assert mixed
        for b in blocks:
            lines = re.findall(r'<li><span class="tag since ([a-z]+)">\1</span> <code>', b)
            if b in mixed:
                counts = re.search(r'class="tag since mixed">([^<]*) since', b)
                assert counts is not None
                for part in counts.group(1).split(", "):
                    n, state = part.split(" ")
                    assert int(n) == lines.count(state)
            else:
                assert not lines

    def test_the_section_counts_and_lists_what_is_absent(self) -> None:
        """A "Since the baseline" section gives every count and a row per absent finding."""
        _, after, baseline = _pair()
        page = to_html(after, baseline=baseline)
        tally = _tally(baseline, after)
        section = page[page.index('id="dpup-baseline"') : page.index('id="dpup-findings"')]
        for state, n in tally.items():
            assert f"{n} {state.value}" in section
        absent = baseline.absent(after)
        assert f"Absent since the baseline ({len(absent)})" in section
        assert section.count("<tr><td>") == len(absent)
        for e in absent:
            assert f"<code>{e.subject}</code>" in section.replace("&quot;", '"')
        assert page.index('id="dpup-summary"') < page.index('id="dpup-baseline"')

    def test_no_baseline_no_marks(self) -> None:
        """Without a baseline nothing is marked."""
        _, after, _ = _pair()
        page = to_html(after)
        assert "since the baseline" not in page
        assert 'id="dpup-baseline"' not in page

    def test_against_itself_all_unchanged_and_nothing_absent(self) -> None:
        """A report against its own baseline: every badge unchanged, the absent list empty."""
        before, _, baseline = _pair()
        page = to_html(before, baseline=baseline)
        kinds = set(re.findall(r'<span class="tag since ([a-z]+)">', page))
        assert {"unchanged"} == kinds
        assert "Absent since the baseline (0)</h3><p>None.</p>" in page

    def test_a_tampered_baseline_shows_no_text_of_its_own(self) -> None:
        """An absent entry whose check or path is not in dpup's form is not copied."""
        _, after, _ = _pair()
        odd = BaselineEntry("X-0", "<b>secret name</b>", Status.NOT_MET, "Jane Doe", "note")
        page = to_html(after, baseline=Baseline((odd,)))
        assert "secret" not in page
        assert "Jane Doe" not in page
        assert "note" not in page.split('id="dpup-baseline"')[1].split("</section>")[0]
        assert "not in the form dpup writes" in page


class TestJunit:
    def test_each_case_carries_its_state(self) -> None:
        """Each test case has a baselineState property, in report order; suites count absent."""
        _, after, baseline = _pair()
        root = ET.fromstring(to_junit(after, baselines=[baseline]))  # noqa: S314 - our own output
        cases = root.findall("./testsuite/testcase")
        states = [
            c.find("./properties/property[@name='baselineState']").get("value")  # type: ignore[union-attr]
            for c in cases
        ]
        assert [s.value for s in baseline.states(after)] == states
        suite = root.find("./testsuite/properties")
        assert suite is not None
        absent = suite.find("./property[@name='baselineAbsent']")
        assert absent is not None
        assert str(len(baseline.absent(after))) == absent.get("value")
        assert len(cases) == len(after.findings)  # absent findings are not test cases

    def test_without_a_baseline_no_state(self) -> None:
        """No baseline (or None for a report): no baselineState, no suite properties."""
        _, after, _ = _pair()
        for xml in (to_junit(after), to_junit(after, baselines=[None])):
            assert "baselineState" not in xml
            assert "baselineAbsent" not in xml

    def test_one_baseline_per_report(self) -> None:
        """Baselines must pair with reports."""
        _, after, baseline = _pair()
        with pytest.raises(ValueError, match="one baseline"):
            to_junit([after, after], baselines=[baseline])


class TestCommand:
    def _baseline_file(self, tmp_path: Path) -> Path:
        base = tmp_path / "base.json"
        assert 0 == main(
            ["evaluate", str(BEFORE), "--format", "json", "--output", str(base), *QUIET]
        )
        return base

    def test_html_and_junit_are_marked(self, tmp_path: Path) -> None:
        """`dpup evaluate --baseline` marks HTML and JUnit as it does SARIF."""
        base = self._baseline_file(tmp_path)
        for fmt in ("html", "junit"):
            out = tmp_path / f"r.{fmt}"
            args = ["evaluate", str(AFTER), "--baseline", str(base), "--format", fmt]
            assert 0 == main([*args, "--output", str(out), *QUIET])
            text = out.read_text(encoding="utf-8")
            assert ("since the baseline" if fmt == "html" else "baselineState") in text


def test_records_carry_the_fingerprint() -> None:
    """`Report.to_records` ends each row with the finding's fingerprint, unique per matter."""
    report = _report(BEFORE)
    records = report.to_records()
    assert [f.fingerprint for f in report.findings] == [r["fingerprint"] for r in records]
    assert list(records[0])[-1] == "fingerprint"
    moved = attrs.evolve(dpup.load(BEFORE), purposes=tuple(reversed(dpup.load(BEFORE).purposes)))
    again = {r["fingerprint"] for r in dpup.evaluate(moved).to_records()}
    assert {r["fingerprint"] for r in records} == again


openpyxl = pytest.importorskip("openpyxl", reason="the xlsx extra (openpyxl) is not installed")
from dpup.render.xlsx import to_xlsx  # noqa: E402 - needs openpyxl


def _sheets(data: bytes) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in book}


class TestXlsx:
    def test_fingerprint_column(self) -> None:
        """The findings sheet ends with each finding's fingerprint; no baseline column."""
        report = _report(BEFORE)
        sheets = _sheets(to_xlsx(report))
        header, *rows = sheets["Findings"]
        assert header[-1] == "fingerprint"
        assert [f.fingerprint for f in report.findings] == [r[-1] for r in rows]
        assert "Absent since baseline" not in sheets

    def test_baseline_column_and_absent_sheet(self) -> None:
        """Against a baseline: a state per finding row, and a row per absent finding."""
        _, after, baseline = _pair()
        sheets = _sheets(to_xlsx([after, after], baselines=[baseline, None]))
        header, *rows = sheets["Findings"]
        assert header[-2:] == ("fingerprint", "since baseline")
        n = len(after.findings)
        assert [s.value for s in baseline.states(after)] == [r[-1] for r in rows[:n]]
        assert all(r[-1] is None for r in rows[n:])
        absent_header, *absent = sheets["Absent since baseline"]
        assert absent_header == ("report", "check", "status then", "subject then", "fingerprint")
        assert [e.fingerprint for e in baseline.absent(after)] == [r[-1] for r in absent]

    def test_the_command_writes_the_marks(self, tmp_path: Path) -> None:
        """`dpup evaluate --baseline --format xlsx` writes the column and the sheet."""
        base = tmp_path / "base.json"
        assert 0 == main(
            ["evaluate", str(BEFORE), "--format", "json", "--output", str(base), *QUIET]
        )
        out = tmp_path / "r.xlsx"
        args = ["evaluate", str(AFTER), "--baseline", str(base), "--format", "xlsx"]
        assert 0 == main([*args, "--output", str(out), *QUIET])
        sheets = _sheets(out.read_bytes())
        assert sheets["Findings"][0][-1] == "since baseline"
        assert len(sheets["Absent since baseline"]) > 1


def test_the_sarif_check_rejects_a_location_that_is_no_uri() -> None:
    """The schema check is live for locations: a raw path with a space fails `uri-reference`."""
    data = to_sarif_dict(_report(BEFORE), artifact_uris=["team%20a/kf.toml"])
    assert [] == sarif_errors(data)
    data["runs"][0]["artifacts"][0]["location"]["uri"] = "team a/kf[1].toml"
    errors = sarif_errors(data)
    assert any("uri-reference" in e and "artifacts[0].location.uri" in e for e in errors)
