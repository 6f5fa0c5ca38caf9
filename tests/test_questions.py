"""What to record next: `Report.questions` and the promise each question makes.

The property: take the first fact on the list that is a leaf field (yes/no, number, text,
date, one choice, or a list, which is recorded as empty), record a drawn value there, evaluate
again, and at least as many findings as the question promised no longer ask for it or for
anything under it. A whole missing part (a notice, say) is not a leaf: recording it leaves its
own fields to record, so a part's promise is "record the part and what it holds", tested
separately by recording the first missing part asked for with every field in it recorded.
Drawn values that break a rule of the model (a date out of order) are rejected.
Each NEEDS_REVIEW finding's questions name only paths its evidence gives or a part above one.
"""

from __future__ import annotations

import enum
import json
import re
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

import dpup
from dpup import Activity
from dpup.cli import EXIT_OK, EXIT_USAGE, main
from dpup.errors import InputError
from dpup.io.files import load
from dpup.questions import by_part, is_unrecorded, questions
from dpup.render.html import to_html
from dpup.render.markdown import to_markdown
from dpup.render.questions import TOP
from dpup.render.text import to_text
from dpup.testing.strategies import activities
from dpup.vocabulary import Status

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
_PATH = re.compile(r"\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+")
_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def _steps(path: str) -> list[str | int]:
    return [m.group(1) if m.group(1) else int(m.group(2)) for m in _STEP.finditer(path, 1)]


def _get(obj: Any, steps: list[str | int]) -> Any:
    for s in steps:
        obj = obj[s] if isinstance(s, int) else getattr(obj, s)
    return obj


def _set(obj: Any, steps: list[str | int], value: Any) -> Any:
    if not steps:
        return value
    head, rest = steps[0], steps[1:]
    if isinstance(head, int):
        items = list(obj)
        items[head] = _set(items[head], rest, value)
        return type(obj)(items)
    return attrs.evolve(obj, **{head: _set(getattr(obj, head), rest, value)})


def _leaf_values(activity: Activity, path: str) -> st.SearchStrategy[Any] | None:
    """Return recorded values for the field at ``path``, or ``None`` when it is not a leaf.

    Leaves are yes/no, number, text, date and choice-list fields, and lists (recorded as
    empty, which is a recorded "none"). A whole part (a notice, say) is not a leaf: recording
    it leaves its own fields to record, so its promise is not tested here.
    """
    steps = _steps(path)
    if not steps or not isinstance(steps[-1], str):
        return None
    parent = _get(activity, steps[:-1])
    if not attrs.has(type(parent)):
        return None
    hint = typing.get_type_hints(type(parent)).get(steps[-1])
    inner = [a for a in typing.get_args(hint) if a is not type(None)]
    if len(inner) != 1:
        return None
    tp = inner[0]
    if typing.get_origin(tp) is tuple:
        return st.just(())
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(1, 24)
    if tp is str:
        return st.text("abcdefgh", min_size=1, max_size=8)
    if tp is date:
        return st.dates(date(2020, 1, 1), date(2026, 1, 1))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    return None


def _still_asking(report: dpup.Report, activity: Activity, path: str) -> set[tuple[str, str]]:
    """The findings of ``report`` that still ask for ``path`` or for a fact under it."""
    return {
        key
        for q in report.questions(activity)
        if q.path == path or q.path.startswith((f"{path}.", f"{path}["))
        for key in q.findings
    }


def _check_promise(activity: Activity, data: st.DataObject) -> None:
    report = dpup.evaluate(activity)
    qs = report.questions(activity)
    evidence = {p for f in report.needs_review() for p in f.evidence}
    for asked in qs:  # a question names only a path some finding gives, or a part above it
        assert _PATH.fullmatch(asked.path)
        assert any(
            p == asked.path or p.startswith((f"{asked.path}.", f"{asked.path}[")) for p in evidence
        )
    found = next(((q, v) for q in qs if (v := _leaf_values(activity, q.path)) is not None), None)
    if found is None:
        return
    q, values = found
    try:
        after = _set(activity, _steps(q.path), data.draw(values))
        report_after = dpup.evaluate(after)
    except (InputError, ValueError, TypeError):
        reject()  # the drawn value breaks a rule of the model (a date out of order, say)
    assert not is_unrecorded(after, q.path)
    still = _still_asking(report_after, after, q.path)
    assert sum(key not in still for key in q.findings) >= q.settles


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(activities(), st.data())
def test_recording_the_first_fact_settles_what_it_promised(
    activity: Activity, data: st.DataObject
) -> None:
    """Over generated activities, the first leaf fact keeps its promise."""
    _check_promise(activity, data)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@settings(max_examples=5, deadline=None, database=None)
@given(data=st.data())
def test_recording_the_first_fact_settles_what_it_promised_in_examples(
    path: Path, data: st.DataObject
) -> None:
    """Over the bundled examples, the first leaf fact keeps its promise."""
    _check_promise(load(path), data)


def _kids_first() -> tuple[Activity, dpup.Report]:
    activity = load(ROOT / "examples" / "kids-first-before.toml")
    return activity, dpup.evaluate(activity)


def test_questions_are_ordered_deduplicated_and_grouped() -> None:
    """One question per path, most settling first, grouped by first field."""
    activity, report = _kids_first()
    qs = report.questions(activity)
    assert qs
    assert len({q.path for q in qs}) == len(qs)
    keys = [(-q.settles, q.path) for q in qs]
    assert keys == sorted(keys)
    for q in qs:
        assert q.settles == len(q.findings) == len(set(q.findings))
        assert q.path.startswith("$.")
        assert q.part == _steps(q.path)[0]
    groups = by_part(qs)
    assert [q for g in groups.values() for q in g] == sorted(
        qs, key=lambda q: list(groups).index(q.part)
    )


def test_a_missing_part_is_asked_once_for_everything_under_it() -> None:
    """Facts under a missing notice are asked as the notice, across subjects."""
    activity, report = _kids_first()
    qs = report.questions(activity)
    notice = next(q for q in qs if q.path == "$.collections[1].notice")
    # TC026 asks for the missing notice itself, and IPP3's check asks for its matters
    assert ("TC026", "$.collections[1]") in notice.findings
    assert ("TC001", "$.collections[1]") in notice.findings
    assert not any(q.path.startswith("$.collections[1].notice.") for q in qs)
    # one fact asked by findings about other subjects counts once per finding
    assert ("TC013", "$.disclosures[0]") in notice.findings


def test_a_recorded_fact_to_judge_is_not_a_question() -> None:
    """A claimed exception to judge (PM016) asks for nothing to record."""
    activity, report = _kids_first()
    asked = {k for q in report.questions(activity) for k in q.findings}
    judged = [f for f in report.needs_review() if f.check_id == "PM016"]
    assert judged
    assert all((f.check_id, f.subject) not in asked for f in judged)


def test_only_open_needs_review_findings_ask() -> None:
    """Findings of other statuses ask nothing."""
    activity, report = _kids_first()
    qs = questions([f for f in report.findings if f.status is not Status.NEEDS_REVIEW], activity)
    assert qs == ()


def test_json_form_holds_no_input_values() -> None:
    """The JSON form holds paths, ids, roles and counts only."""
    activity, report = _kids_first()
    data = [q.to_dict() for q in report.questions(activity)]
    assert set(data[0]) == {"path", "part", "reviewer", "settles", "findings"}
    path_form = re.compile(r"^\$(\.[a-z_]+|\[\d+\])*$")
    for q in data:
        assert path_form.match(str(q["path"]))
        assert re.fullmatch(r"[a-z_$]+", str(q["part"]))
        for f in q["findings"]:  # type: ignore[attr-defined]
            assert re.fullmatch(r"[A-Z]+\d+", f["check_id"])
            assert path_form.match(f["subject"])


def test_todo_prints_the_list_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """``dpup todo`` prints every fact to record, most settling first; exit code 0."""
    activity, report = _kids_first()
    qs = report.questions(activity)
    assert main(["todo", str(ROOT / "examples" / "kids-first-before.toml")]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith(f"What to record next ({len(qs)} facts to record")
    assert out.index(qs[0].path) < out.index(qs[-1].path)
    assert all(q.path in out for q in qs)


def test_todo_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``dpup todo --format json`` prints the questions' JSON form."""
    activity, report = _kids_first()
    path = str(ROOT / "examples" / "kids-first-before.toml")
    assert main(["todo", path, "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data == {"questions": [q.to_dict() for q in report.questions(activity)]}


def test_todo_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    """A file that cannot be read gives exit code 2."""
    assert main(["todo", str(tmp_path / "nope.toml")]) == EXIT_USAGE


def test_text_and_markdown_reports_open_with_what_to_record_next() -> None:
    """Given the questions, text, Markdown and HTML open with the first ten and the rest counted."""
    activity, report = _kids_first()
    qs = report.questions(activity)
    assert len(qs) > TOP
    text = to_text(report, questions=qs)
    assert text.index(f"What to record next ({len(qs)})") < text.index("Principles")
    assert qs[TOP - 1].path in text
    assert f"... and {len(qs) - TOP} more facts to record" in text
    md = to_markdown(report, questions=qs)
    assert md.index(f"## What to record next ({len(qs)})") < md.index("## Scores")
    assert f"`{qs[0].path}`" in md
    assert f"… and {len(qs) - TOP} more facts to record." in md
    page = to_html(report, questions=qs)
    assert page.index("What to record next") < page.index('<h2 id="dpup-scores">Scores</h2>')
    assert f"<code>{qs[0].path}</code>" in page
    for render in (to_text, to_markdown, to_html):
        assert "What to record next" not in render(report)


def test_a_report_with_nothing_to_record_says_so() -> None:
    """An empty list is shown as nothing to record, not left out."""
    _, report = _kids_first()
    assert "Nothing to record" in to_text(report, questions=())
    assert "Nothing to record" in to_markdown(report, questions=())
    assert "Nothing to record" in to_html(report, questions=())


def test_evaluate_shows_the_section(capsys: pytest.CaptureFixture[str]) -> None:
    """``dpup evaluate`` text, Markdown and HTML carry the section; JSON is unchanged."""
    path = str(ROOT / "examples" / "kids-first-before.toml")
    for fmt, heading in (
        ("text", "What to record next ("),
        ("markdown", "## What to record"),
        ("html", '<section class="todo">'),
    ):
        main(["evaluate", path, "--format", fmt, "--fail-on", "never"])
        assert heading in capsys.readouterr().out
    main(["evaluate", path, "--format", "json", "--fail-on", "never"])
    assert "questions" not in json.loads(capsys.readouterr().out)


def _recorded(tp: Any) -> st.SearchStrategy[Any] | None:
    """Return recorded values of type ``tp`` (``None`` never drawn), or ``None`` if unknown.

    A record is drawn with every field recorded, its parts likewise; lists are recorded
    empty, so nothing under the record is left to ask for.
    """
    inner = [a for a in typing.get_args(tp) if a is not type(None)]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        tp = inner[0] if len(inner) == 1 else None
    if tp is None:
        return None
    if typing.get_origin(tp) is tuple:
        return st.just(())
    if tp is bool:
        return st.booleans()
    if tp is int or tp is float:
        return st.integers(1, 24)
    if tp is str:
        return st.text("abcdefgh", min_size=1, max_size=8)
    if tp is date:
        return st.dates(date(2020, 1, 1), date(2026, 1, 1))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    if isinstance(tp, type) and attrs.has(tp):
        hints = typing.get_type_hints(tp)
        fields: dict[str, st.SearchStrategy[Any]] = {}
        for field in attrs.fields(tp):
            if not field.init:
                continue
            values = _recorded(hints[field.name])
            if values is None:
                return None
            fields[field.name] = values
        return st.fixed_dictionaries(fields).map(lambda kw: tp(**kw))
    return None


def _part_values(activity: Activity, path: str) -> st.SearchStrategy[Any] | None:
    """Return fully recorded values for the missing part at ``path``, or ``None`` if a leaf."""
    steps = _steps(path)
    if not steps or not isinstance(steps[-1], str):
        return None
    parent = _get(activity, steps[:-1])
    if not attrs.has(type(parent)):
        return None
    hint = typing.get_type_hints(type(parent)).get(steps[-1])
    inner = [a for a in typing.get_args(hint) if a is not type(None)]
    if len(inner) != 1 or not (isinstance(inner[0], type) and attrs.has(inner[0])):
        return None
    return _recorded(hint)


def _check_part_promise(activity: Activity, data: st.DataObject) -> bool:
    """Record the first missing part asked for, in full, and hold it to its promise.

    Returns whether a part was asked for.
    """
    report = dpup.evaluate(activity)
    qs = report.questions(activity)
    found = next(((q, v) for q in qs if (v := _part_values(activity, q.path)) is not None), None)
    if found is None:
        return False
    q, values = found
    try:
        after = _set(activity, _steps(q.path), data.draw(values))
        report_after = dpup.evaluate(after)
    except (InputError, ValueError, TypeError):
        reject()  # the drawn part breaks a rule of the model (dates out of order, say)
    assert not is_unrecorded(after, q.path)
    still = _still_asking(report_after, after, q.path)
    assert sum(key not in still for key in q.findings) >= q.settles
    return True


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(activities(), st.data())
def test_recording_the_first_missing_part_settles_what_it_promised(
    activity: Activity, data: st.DataObject
) -> None:
    """A whole missing part (a notice, an access practice), recorded in full, keeps its promise."""
    _check_part_promise(activity, data)


@settings(max_examples=10, deadline=None, database=None)
@given(data=st.data())
def test_recording_a_missing_notice_settles_what_it_promised(data: st.DataObject) -> None:
    """Kids First's first missing part (a collection's notice) settles what it promised."""
    activity, _ = _kids_first()
    assert _check_part_promise(activity, data)
