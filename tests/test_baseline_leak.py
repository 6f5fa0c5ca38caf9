"""A baseline file is input: none of its own text reaches any output format.

An earlier report given to ``dpup evaluate --baseline`` may have been edited, or written by
someone else. Every field of it that dpup shows again (an absent finding's check id, subject
and fingerprint) is shown only in the form dpup writes; its messages, its label and anything
else in it never. Each test plants a canary in every text field of a JSON report and of a
SARIF log, and looks for it in every format; the well-formed entry beside them shows that
what has dpup's form is still shown.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import dpup
from dpup.baseline import Baseline, BaselineEntry, load_baselines
from dpup.cli import main
from dpup.engine import default_registry
from dpup.findings import Report, Status
from dpup.render._baseline_view import (
    HIDDEN,
    absent_message,
    known_check,
    known_fingerprint,
    known_subject,
    matched_label,
)
from dpup.render.baseline import baseline_dict, baseline_summary
from dpup.render.sarif import to_sarif_dict
from tests.sarif import sarif_errors

ROOT = Path(__file__).parent.parent
AFTER = ROOT / "examples" / "kids-first-after.toml"
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
FORMATS = ("json", "sarif", "text", "markdown", "html", "junit", "xlsx")
CANARY = "canary"
GOOD_PRINT = "TC001-0123456789abcdef"
"""A fingerprint of dpup's form that matches no finding of the example: shown as absent."""


def _json_baseline() -> dict[str, Any]:
    return {
        "label": "CANARY-label\x1b[31m<b>Jane</b>",
        "note": "CANARY-top",
        "findings": [
            {
                "fingerprint": "PM001-CANARY-fp",
                "check_id": "PM001",
                "status": "not_met",
                "subject": "$.purposes[0] CANARY-subject\n",
                "message": "CANARY-message <script>",
                "extra": "CANARY-extra",
            },
            {
                "fingerprint": "CANARYRULE-0123456789abcdef",
                "check_id": "CANARYRULE",
                "status": "needs_review",
                "subject": "CANARY-subject-2",
                "message": "CANARY-message-2",
            },
            {
                "fingerprint": GOOD_PRINT,
                "check_id": "TC001",
                "status": "not_met",
                "subject": "$.purposes[0]",
                "message": "CANARY-message-3",
            },
        ],
    }


def _sarif_result(print_: str, rule: str, status: str, subject: str, n: int) -> dict[str, Any]:
    return {
        "ruleId": rule,
        "message": {"text": f"CANARY-message-{n}"},
        "partialFingerprints": {"dpupFinding/v1": print_},
        "properties": {"status": status, "note": f"CANARY-property-{n}"},
        "locations": [{"logicalLocations": [{"fullyQualifiedName": subject, "kind": "CANARY"}]}],
    }


def _sarif_baseline() -> dict[str, Any]:
    results = [
        _sarif_result("PM001-CANARY-fp", "PM001", "not_met", "CANARY-subject", 1),
        _sarif_result("CANARYRULE-0", "CANARYRULE", "needs_review", "$.x CANARY", 2),
        _sarif_result(GOOD_PRINT, "TC001", "not_met", "$.purposes[0]", 3),
    ]
    run = {
        "tool": {"driver": {"name": "CANARY-tool"}},
        "properties": {"label": "CANARY-label", "note": "CANARY-run-property"},
        "results": results,
    }
    return {"version": "2.1.0", "runs": [run]}


BASELINES = {"json": _json_baseline, "sarif": _sarif_baseline}


def _output(path: Path, fmt: str) -> str:
    if fmt != "xlsx":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as book:
        return "\n".join(book.read(n).decode("utf-8") for n in book.namelist())


@pytest.fixture(params=sorted(BASELINES))
def tampered(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A baseline file, JSON report or SARIF log, with a canary in every text field."""
    path = tmp_path / f"base.{request.param}"
    path.write_text(json.dumps(BASELINES[request.param]()), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_canary_in_any_format(tampered: Path, tmp_path: Path, fmt: str) -> None:
    """Evaluated against the tampered baseline, no format holds any of its text."""
    out = tmp_path / f"out.{fmt}"
    args = ["evaluate", str(AFTER), "--baseline", str(tampered), "--format", fmt]
    assert 0 == main([*args, "--output", str(out), "--fail-on", "never"])
    text = _output(out, fmt)
    assert CANARY not in text.lower()
    assert "Jane" not in text


def test_json_shows_only_what_has_dpups_form(tampered: Path, tmp_path: Path) -> None:
    """JSON: the well-formed absent entry is whole; the others are null where not in form."""
    out = tmp_path / "out.json"
    args = ["evaluate", str(AFTER), "--baseline", str(tampered), "--format", "json"]
    main([*args, "--output", str(out), "--fail-on", "never"])
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["baseline"]["label"] is None  # matched as the only one, not by its label
    assert [
        {"fingerprint": None, "check_id": "PM001", "status": "not_met", "subject": None},
        {"fingerprint": None, "check_id": None, "status": "needs_review", "subject": None},
        {
            "fingerprint": GOOD_PRINT,
            "check_id": "TC001",
            "status": "not_met",
            "subject": "$.purposes[0]",
        },
    ] == data["baseline"]["absent"]


def test_sarif_absent_results_are_dpups_own_and_valid(tampered: Path, tmp_path: Path) -> None:
    """SARIF: absent results say the check's summary, keep only dpup-form locations; valid."""
    out = tmp_path / "out.sarif"
    args = ["evaluate", str(AFTER), "--baseline", str(tampered), "--format", "sarif"]
    main([*args, "--output", str(out), "--fail-on", "never"])
    log = json.loads(out.read_text(encoding="utf-8"))
    assert [] == sarif_errors(log)
    absent = {r["ruleId"]: r for r in log["runs"][0]["results"] if r["baselineState"] == "absent"}
    assert {"PM001", "TC001"} == set(absent)  # a rule the catalogue lacks gives no result
    summaries = {c.id: c.summary for c in default_registry()}
    for rule, result in absent.items():
        said = summaries[rule].rstrip(".")
        assert f"No longer reported (was not met): {said}." == result["message"]["text"]
    assert "partialFingerprints" not in absent["PM001"]
    assert "logicalLocations" not in absent["PM001"]["locations"][0]
    assert {"dpupFinding/v1": GOOD_PRINT} == absent["TC001"]["partialFingerprints"]
    where = absent["TC001"]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
    assert "$.purposes[0]" == where


def _after() -> Report:
    return dpup.evaluate(dpup.load(AFTER), label="kids-first-after.toml")


class TestForms:
    def test_check_ids(self) -> None:
        """Only an id of a guideline's prefix and three digits is a check id."""
        good = BaselineEntry(GOOD_PRINT, "TC001", Status.NOT_MET, "$", "")
        assert "TC001" == known_check(good)
        for odd in ("Jane", "TC0001", "tc001", "TC001 ", "XX001", "PM01"):
            assert known_check(BaselineEntry(GOOD_PRINT, odd, Status.NOT_MET, "$", "")) is None

    def test_subjects(self) -> None:
        """A subject is shown only as a path of fields and indexes from ``$``."""
        for good in ("$", "$.purposes[0]", "$.access_requests[12].received_on"):
            assert good == known_subject(BaselineEntry("", "PM001", Status.MET, good, ""))
        for odd in ("Jane Doe", "$.purposes[0] x", "$.a\n", "$['a']", "$.purposes[-1]"):
            assert known_subject(BaselineEntry("", "PM001", Status.MET, odd, "")) is None

    def test_fingerprints(self) -> None:
        """A fingerprint is its own check id, a dash and 16 lower-case hex digits."""
        assert GOOD_PRINT == known_fingerprint(
            BaselineEntry(GOOD_PRINT, "TC001", Status.MET, "$", "")
        )
        for odd in ("TC001-0123456789ABCDEF", "TC001-0123", "PM001-0123456789abcdef", "TC001-x"):
            assert known_fingerprint(BaselineEntry(odd, "TC001", Status.MET, "$", "")) is None

    def test_absent_message_is_our_own(self) -> None:
        """The message is the check's title, or its id alone, never the baseline's text."""
        e = BaselineEntry(GOOD_PRINT, "TC001", Status.NEEDS_REVIEW, "$", "Jane Doe")
        assert "No longer reported (was needs review): Title." == absent_message(e, "Title.")
        assert "No longer reported (was needs review): TC001." == absent_message(e, None)
        odd = BaselineEntry("x", "Jane", Status.NOT_MET, "$", "Jane Doe")
        assert f"No longer reported (was not met): {HIDDEN.rstrip('.')}." == absent_message(
            odd, None
        )


class TestLabel:
    def test_a_label_is_shown_only_when_it_is_the_reports_own(self) -> None:
        """Matched by label: the report's label; any other label of the baseline: nothing."""
        report = _after()
        same = Baseline((), "kids-first-after.toml")
        other = Baseline((), "CANARY <b>")
        assert "kids-first-after.toml" == matched_label(report, same)
        assert "kids-first-after.toml" == baseline_dict(report, same)["label"]
        assert matched_label(report, other) is None
        assert baseline_dict(report, other)["label"] is None
        assert matched_label(report, Baseline(())) is None

    def test_a_label_is_printable_and_bounded(self) -> None:
        """The report's label in the text summary is escaped and cut short."""
        report = dpup.evaluate(dpup.load(AFTER), label="a\x1b[2Jb" + "x" * 500)
        text = baseline_summary([report], [Baseline.from_report(report)])
        assert "\x1b" not in text
        assert "a\\x1b[2Jb" in text
        assert len(text.splitlines()[0]) < 300

    def test_markdown_label_is_inert(self) -> None:
        """In Markdown the label can make no markup; paths are code spans."""
        report = dpup.evaluate(dpup.load(AFTER), label="<img src=x>[a](b).toml")
        md = baseline_summary([report], [Baseline(())], markdown=True)
        assert "<img" not in md
        assert "&lt;img src=x&gt;\\[a\\](b).toml" in md
        assert "- new: " in md
        assert "at `$." in md

    def test_the_command_names_the_file_it_evaluated(self, tmp_path: Path) -> None:
        """Text output says which report it marks: the file evaluated, not the baseline's."""
        base = tmp_path / "base.json"
        base.write_text(json.dumps(_json_baseline()), encoding="utf-8")
        out = tmp_path / "out.txt"
        args = ["evaluate", str(AFTER), "--baseline", str(base), "--output", str(out)]
        main([*args, "--fail-on", "never"])
        assert "Against the baseline (kids-first-after.toml): " in out.read_text(encoding="utf-8")


def test_load_keeps_the_tampered_entries(tampered: Path) -> None:
    """The tampered files load (they are only shown with care), and match nothing."""
    (baseline,) = load_baselines(tampered)
    report = _after()
    assert 3 == len(baseline.absent(report))
    results = to_sarif_dict(report, baselines=[baseline])["runs"][0]["results"]
    assert 2 == sum(r["baselineState"] == "absent" for r in results)
