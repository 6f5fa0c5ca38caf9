"""JSON output: compact by default, indented on request, and both exactly ``Report.to_dict()``.

The report's form is declared once (`dpup._jsonform`, declarations in `dpup.findings`); these
tests hold it to the form written out by hand below (the form before the declaration), check
that the remembered text of shared findings and scores never changes a byte, and that every
report validates against the published schema.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import dpup
from dpup import _jsonform
from dpup._printable import printable
from dpup.findings import CheckError, Finding, Report, Score, Waiver
from dpup.policy import Guideline, Principle
from dpup.render import to_json

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
AS_AT = date(2026, 6, 1)
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
WAIVER = Waiver("PM001", "accepted for the pilot — Māori adviser agreed", approver="lead")
_SUBJECT_FIELDS = (
    "purposes",
    "collections",
    "choices",
    "agreements",
    "disclosures",
    "access_requests",
    "correction_requests",
    "sharing_requests",
    "insights",
)


def _subjects(activity: dpup.Activity) -> Iterator[object]:
    yield activity
    for name in _SUBJECT_FIELDS:
        yield from getattr(activity, name)
    if activity.access_practice is not None:
        yield activity.access_practice


def _reports(path: Path, *waivers: Waiver) -> list[Report]:
    """The report on the activity and on each of its subjects in its context."""
    activity = dpup.load(path)
    return [
        dpup.evaluate(s, context=activity, as_at=AS_AT, label=path.name, waivers=waivers)
        for s in _subjects(activity)
    ]


def _compact(data: object) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n"


# The form as it was written by hand before it was declared: key order and content.
def _waiver_form(w: Waiver) -> dict[str, Any]:
    return {
        "check_id": w.check_id,
        "reason": w.reason,
        "subject": w.subject,
        "approver": w.approver,
        "expires": None if w.expires is None else w.expires.isoformat(),
    }


def _finding_form(f: Finding) -> dict[str, Any]:
    return {
        "check_id": f.check_id,
        "name": f.name,
        "status": f.status.value,
        "severity": f.severity.value,
        "guideline": f.guideline.value,
        "principles": [p.value for p in f.principles],
        "basis": f.basis.value,
        "legal_refs": [r.value for r in f.legal_refs],
        "subject": f.subject,
        "message": f.message,
        "evidence": list(f.evidence),
        "remediation": f.remediation,
        "reviewer": None if f.reviewer is None else f.reviewer.value,
        "settle_with": list(f.settle_with),
        "waiver": None if f.waiver is None else _waiver_form(f.waiver),
        "due_on": None if f.due_on is None else f.due_on.isoformat(),
        "working_days_left": f.working_days_left,
        "fingerprint": f.fingerprint,
    }


def _score_form(s: Score) -> dict[str, Any]:
    return {
        "met": s.met,
        "not_met": s.not_met,
        "needs_review": s.needs_review,
        "not_applicable": s.not_applicable,
        "not_yet_due": s.not_yet_due,
        "value": s.value,
        "coverage": s.coverage,
    }


def _report_form(r: Report) -> dict[str, Any]:
    return {
        "schema_version": "1.2",
        "engine_version": r.engine_version,
        "catalogue_version": r.catalogue_version,
        "label": r.label,
        "subject_type": r.subject_type,
        "as_at": r.as_at.isoformat(),
        "as_at_source": r.as_at_source.value,
        "overall": _score_form(r.overall),
        "principle_scores": {p.value: _score_form(r.principle_scores[p]) for p in Principle},
        "guideline_scores": {g.value: _score_form(r.guideline_scores[g]) for g in Guideline},
        "findings": [_finding_form(f) for f in r.findings],
        "errors": [
            {"check_id": e.check_id, "subject": e.subject, "error_type": e.error_type}
            for e in r.errors
        ],
    }


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
class TestEveryExampleAndSubject:
    def test_compact_is_the_form_encoded(self, path: Path) -> None:
        """Compact JSON is the form written by hand, encoded with no spaces: byte for byte."""
        for report in _reports(path) + _reports(path, WAIVER):
            assert _compact(_report_form(report)) == to_json(report)
            assert _report_form(report) == report.to_dict()

    def test_compact_and_indented_hold_the_same_data(self, path: Path) -> None:
        """Compact and indented JSON parse to the same data; indented is as it always was."""
        for report in _reports(path, WAIVER):
            compact, indented = to_json(report), to_json(report, indent=2)
            assert "\n" not in compact[:-1]
            assert json.loads(compact) == json.loads(indented) == report.to_dict()
            expected = json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
            assert expected == indented

    def test_validates_against_the_published_schema(self, path: Path) -> None:
        """Every report, compact or indented, validates against docs/report.schema.json."""
        validator = jsonschema.Draft202012Validator(SCHEMA)
        for report in _reports(path, WAIVER):
            validator.validate(json.loads(to_json(report)))
            validator.validate(json.loads(to_json(report, indent=2)))


class TestRememberedText:
    def test_repeated_calls_give_the_same_bytes(self) -> None:
        """Writing a report again gives the same bytes (from remembered text, the second time)."""
        reports = _reports(EXAMPLES[0], WAIVER)
        first = [to_json(r) for r in reports]
        assert first == [to_json(r) for r in reports]

    def test_equal_reports_give_the_same_bytes(self) -> None:
        """Equal reports give the same bytes, whether they share findings or not."""
        path = ROOT / "examples" / "kids-first-before.toml"
        first, again = _reports(path), _reports(path)  # the same findings, shared
        assert [to_json(r) for r in first] == [to_json(r) for r in again]
        fresh = [pickle.loads(pickle.dumps(r)) for r in first]  # equal, nothing shared  # noqa: S301
        assert fresh == first
        assert all(a is not b for a, b in zip(fresh[0].findings, first[0].findings, strict=True))
        assert [to_json(r) for r in first] == [to_json(r) for r in fresh]

    def test_emptied_memory_changes_nothing(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With tables emptied at every write, or never used, the bytes are the same."""
        reports = _reports(ROOT / "examples" / "icld-2016.toml", WAIVER)
        expected = [_compact(r.to_dict()) for r in reports]
        assert expected == [to_json(r) for r in reports]
        monkeypatch.setattr(_jsonform, "REMEMBERED_LIMIT", 1)
        monkeypatch.setattr(_jsonform, "TUPLES_LIMIT", 1)
        for table in _jsonform._tables:
            table.clear()
        assert expected == [to_json(r) for r in reports]
        assert expected == [to_json(r) for r in reports]
        assert all(len(table) <= 1 for table in _jsonform._tables)

    def test_memory_is_bounded(self) -> None:
        """No table of remembered text grows past its limit."""
        for path in EXAMPLES:
            for report in _reports(path):
                to_json(report)
        for cls in (Finding, Score):
            kept = _jsonform._text_writers[cls].kept
            assert kept is not None
            assert 0 < len(kept) <= _jsonform.REMEMBERED_LIMIT
        assert all(len(table) <= _jsonform.REMEMBERED_LIMIT for table in _jsonform._tables)

    def test_long_text_and_lists_are_not_remembered(self) -> None:
        """Long texts, and lists (which could change), are written each time; the rest kept."""
        report = dpup.evaluate(dpup.load(EXAMPLES[0]), as_at=AS_AT)
        for table in _jsonform._tables:
            table.clear()
        assert len(to_json(report)) > _jsonform.TUPLE_LONGEST
        listed = _report_with(report, findings=list(report.findings[:2]))
        assert to_json(report) == _compact(report.to_dict())
        assert to_json(listed) == _compact(listed.to_dict())
        short = _report_with(report, findings=report.findings[:2])
        assert to_json(short) == to_json(listed)
        kept = [id(v) for table in _jsonform._tables for v, _ in table.values()]
        assert id(short.findings) in kept
        assert id(report.findings) not in kept
        assert id(listed.findings) not in kept

    def test_a_finding_with_long_evidence_is_written_afresh(self) -> None:
        """A finding whose text is longer than REMEMBERED_LONGEST is not kept."""
        report = dpup.evaluate(dpup.load(EXAMPLES[0]), as_at=AS_AT)
        evidence = tuple(f"$.collections[0].items[{i}]" for i in range(200))
        long = _finding_with(report.findings[0], evidence)
        kept = _jsonform._text_writers[Finding].kept
        assert kept is not None
        text = _jsonform.text(long)
        assert len(text) > _jsonform.REMEMBERED_LONGEST
        assert id(long) not in kept
        assert _compact(_finding_form(long))[:-1] == text


def _report_with(report: Report, **changes: Any) -> Report:
    fields = {
        name: getattr(report, name)
        for name in (
            "label",
            "subject_type",
            "as_at",
            "findings",
            "errors",
            "principle_scores",
            "guideline_scores",
            "overall",
            "engine_version",
            "catalogue_version",
        )
    }
    return Report(**(fields | changes))


def _finding_with(finding: Finding, evidence: tuple[str, ...]) -> Finding:
    return attrs.evolve(finding, evidence=evidence)


class TestAwkwardText:
    @pytest.mark.parametrize(
        "label",
        ['quote " and backslash \\', "tab\tnewline\n", "Māori 🥝 \u2028", "\x00\x1f\x7f", None],
        ids=["escapes", "controls", "non-ascii", "low", "none"],
    )
    def test_text_is_encoded_as_json_dumps_does(self, label: str | None) -> None:
        """Labels, reasons and approvers of any text are written as json.dumps writes them."""
        waiver = Waiver("PM002", f"reason: {label}", approver=label, subject=label)
        report = dpup.evaluate(
            dpup.load(EXAMPLES[0]), as_at=AS_AT, label=label, waivers=[waiver, WAIVER]
        )
        assert _compact(_report_form(report)) == to_json(report)
        shown = None if label is None else printable(label)  # evaluate() escapes the label
        assert json.loads(to_json(report))["label"] == shown

    def test_errors_are_written(self) -> None:
        """Crashed checks are written in their own form."""
        report = dpup.evaluate(dpup.load(EXAMPLES[0]), as_at=AS_AT)
        crashed = _report_with(report, errors=(CheckError("PM001", "$", "builtins.KeyError"),))
        assert _compact(_report_form(crashed)) == to_json(crashed)


class TestForms:
    def test_a_subclass_is_written_as_its_base(self) -> None:
        """An instance of a subclass of a declared class is written in the base's form."""

        class Special(Score):
            pass

        score = Special(met=1, not_met=2, value=12.5, coverage=1.0)
        assert _score_form(score) == _jsonform.data(score)
        assert _compact(_score_form(score))[:-1] == _jsonform.text(score)

    def test_an_undeclared_class_has_no_form(self) -> None:
        """Writing an object of a class with no declared form is a TypeError."""
        with pytest.raises(TypeError, match="object has no JSON form"):
            _jsonform.text(object())

    def test_a_form_needs_keys_and_attribute_names(self) -> None:
        """A form with no keys, or a source that is not an attribute name, is refused."""

        class Thing:
            pass

        with pytest.raises(ValueError, match="at least one key"):
            _jsonform.define(Thing, remember=False)
        with pytest.raises(ValueError, match="not an attribute name"):
            _jsonform.define(Thing, ("x", _jsonform.AS_IS, "a.b"), remember=False)

    def test_a_constant_and_every_way(self) -> None:
        """A small form using a constant and each way writes as json.dumps would."""

        class Thing:
            def __init__(self, **values: object) -> None:
                self.__dict__.update(values)

        _jsonform.define(
            Thing,
            ("version", _jsonform.AS_IS, _jsonform.constant("2.0")),
            ("plain", _jsonform.AS_IS),
            ("member", _jsonform.MEMBER),
            ("members", _jsonform.MEMBERS),
            ("items", _jsonform.ITEMS),
            ("day", _jsonform.DAY),
            ("score", _jsonform.part(Score)),
            ("errors", _jsonform.parts(CheckError)),
            ("by_guideline", _jsonform.by_member(Guideline, Score)),
            remember=False,
        )
        score = Score(met=3)
        full = Thing(
            plain=1.5,
            member=Principle.HE_TANGATA,
            members=(Guideline.PURPOSE_MATTERS,),
            items=("a", "ā"),
            day=AS_AT,
            score=score,
            errors=(CheckError("X1", "$", "E"),),
            by_guideline=dict.fromkeys(reversed(Guideline), score),
        )
        empty = Thing(
            plain=None,
            member=None,
            members=(),
            items=(),
            day=None,
            score=None,
            errors=(),
            by_guideline=dict.fromkeys(Guideline, Score()),
        )
        for thing in (full, empty):
            assert _compact(_jsonform.data(thing))[:-1] == _jsonform.text(thing)
        assert list(_jsonform.data(full)["by_guideline"]) == [g.value for g in Guideline]
        assert _jsonform.data(full)["version"] == "2.0"


def test_each_part_has_its_own_to_dict() -> None:
    """Findings, waivers, scores and errors give their own part of the form."""
    report = dpup.evaluate(dpup.load(EXAMPLES[0]), as_at=AS_AT, waivers=[WAIVER])
    waived = next(f for f in report.findings if f.waiver is not None)
    assert _finding_form(waived) == waived.to_dict()
    assert _waiver_form(WAIVER) == WAIVER.to_dict()
    assert _score_form(report.overall) == report.overall.to_dict()
    error = CheckError("PM001", "$", "builtins.KeyError")
    assert {"check_id": "PM001", "subject": "$", "error_type": "builtins.KeyError"} == (
        error.to_dict()
    )
