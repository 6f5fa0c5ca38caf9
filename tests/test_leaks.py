"""Nothing personal leaks: text from the input never reaches a report, a rendering or an error.

Every string in an activity (names, free text, ids, references, labels) is replaced by the
same string wrapped in a canary token, consistently, so references still resolve and word
lists still fire. No token may then appear in any output (text, Markdown, JSON, SARIF, JUnit,
HTML) or in any InputError message, which quote paths and expected types, never values.
Unknown *keys* are named in errors: keys are the document's structure, not its values.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dpup
from dpup import Activity, InputError, Report, evaluate, loads, structure, unstructure
from dpup.cli import EXIT_USAGE, main
from dpup.render import to_html, to_json, to_junit, to_markdown, to_sarif, to_text
from dpup.testing.strategies import activities

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
AS_AT = date(2026, 6, 1)
TOKEN = re.compile(r"QZX\d+XZQ")
RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": to_text,
    "markdown": to_markdown,
    "json": to_json,
    "sarif": to_sarif,
    "junit": to_junit,
    "html": to_html,
}


class Canaries:
    """Wraps every distinct string in a unique token, the same way wherever it occurs."""

    def __init__(self) -> None:
        self.by_text: dict[str, str] = {}
        self._numbers = itertools.count()

    def wrap(self, text: str) -> str:
        """Return ``text`` between two copies of its token (so a truncated echo still shows)."""
        if text not in self.by_text:
            token = f"QZX{next(self._numbers)}XZQ"
            self.by_text[text] = f"{token} {text} {token}"
        return self.by_text[text]

    def plant(self, obj: Any) -> Any:
        """Return ``obj`` rebuilt with every string in it wrapped."""
        if isinstance(obj, str):
            return self.wrap(obj)
        if isinstance(obj, tuple):
            return tuple(self.plant(item) for item in obj)
        if attrs.has(type(obj)):
            changes = {
                f.name: self.plant(getattr(obj, f.name)) for f in attrs.fields(type(obj)) if f.init
            }
            return attrs.evolve(obj, **changes)
        return obj


def planted(activity: Activity) -> Activity:
    """Return ``activity`` with a canary in every string."""
    result: Activity = Canaries().plant(activity)
    return result


def assert_no_token(text: str) -> None:
    """No canary token appears in ``text``."""
    leaked = TOKEN.search(text)
    assert leaked is None, f"input text leaked: ...{text[max(0, leaked.start() - 60) :]}"[:300]


def assert_outputs_clean(report: Report) -> None:
    """No canary reaches the report's data or any rendering of it."""
    assert_no_token(json.dumps(report.to_dict(), ensure_ascii=False))
    for render in RENDERERS.values():
        assert_no_token(render(report))


def _strings(doc: object) -> Iterator[tuple[Any, str | int]]:
    """Yield (container, key) for every string value inside a plain document."""
    stack = [doc]
    while stack:
        value = stack.pop()
        if not isinstance(value, dict | list):
            continue
        pairs: Any = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in pairs:
            if isinstance(item, str):
                yield value, key
            else:
                stack.append(item)


class TestReports:
    @pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
    def test_examples_leak_nothing(self, path: Path) -> None:
        """A canaried example's report and all six renderings carry none of its text."""
        report = evaluate(planted(dpup.load(path)), as_at=AS_AT)
        assert report.findings
        assert_outputs_clean(report)

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(activities())
    def test_generated_activities_leak_nothing(self, activity: Activity) -> None:
        """Any generated activity, canaried, leaks nothing into its report or renderings."""
        canaried = planted(activity)
        assert_outputs_clean(evaluate(canaried, as_at=AS_AT))

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(activities(), st.data())
    def test_single_objects_leak_nothing(self, activity: Activity, data: st.DataObject) -> None:
        """One object evaluated in its activity's context leaks nothing either."""
        canaried = planted(activity)
        parts = [
            *canaried.disclosures,
            *canaried.collections,
            *canaried.correction_requests,
            *canaried.access_requests,
            *canaried.insights,
        ]
        if not parts:
            return
        subject = data.draw(st.sampled_from(parts))
        assert_outputs_clean(evaluate(subject, context=canaried, as_at=AS_AT))


BAD_VALUES: tuple[Callable[[str], object], ...] = (
    lambda token: token,  # a string where something else is expected, or an unknown enum
    lambda token: [token],  # a list where a string is expected, or a dangling reference
    lambda token: {token[:3]: token},  # a table where a scalar is expected
    lambda token: token * 4_000,  # over the string-length limit
)


class TestErrors:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(EXAMPLES), st.data())
    def test_input_errors_leak_nothing(self, path: Path, data: st.DataObject) -> None:
        """Canaried values put where they do not belong are refused without being quoted."""
        doc = unstructure(planted(dpup.load(path)))
        places = list(_strings(doc))
        for _ in range(data.draw(st.integers(1, 5))):
            container, key = data.draw(st.sampled_from(places))
            bad = data.draw(st.sampled_from(BAD_VALUES))
            container[key] = bad(f"QZX{data.draw(st.integers(0, 99))}XZQ")
        try:
            structure(doc)
        except InputError as err:
            assert_no_token(str(err))
            assert_no_token(repr(err.problems))

    def test_duplicates_and_dangling_references_are_not_quoted(self) -> None:
        """Duplicate ids and references to missing ids are reported by path alone."""
        doc = {
            "name": "QZX1XZQ",
            "purposes": [{"id": "QZX2XZQ"}, {"id": "QZX2XZQ"}],
            "collections": [{"id": "c", "items": [{"name": "n", "purposes": ["QZX3XZQ"]}]}],
            "disclosures": [{"id": "d", "items": ["QZX4XZQ"], "agreement": "QZX5XZQ"}],
        }
        with pytest.raises(InputError) as info:
            structure(doc)
        assert 4 == len(info.value.problems)
        assert_no_token(str(info.value))

    @pytest.mark.parametrize(
        "text",
        [
            '{"name": "QZX1XZQ", "stage": "QZX2XZQ"',
            '{"name": "QZX1XZQ", "as_at": "QZX2XZQ"}',
            '{"name": "QZX1XZQ", "purposes": [{"id": "QZX2XZQ", "why": ["QZX3XZQ"]}]}',
        ],
        ids=["truncated", "bad-date", "list-for-text"],
    )
    def test_json_text_errors_leak_nothing(self, text: str) -> None:
        """Errors from JSON text, broken or merely invalid, quote none of it."""
        with pytest.raises(InputError) as info:
            loads(text, "json")
        assert_no_token(str(info.value))

    def test_toml_and_csv_errors_leak_nothing(self, tmp_path: Path) -> None:
        """Errors from TOML text and CSV cells quote none of the values."""
        with pytest.raises(InputError) as info:
            loads('name = "QZX1XZQ"\nstage = "QZX2XZQ"\nas_at = "QZX3XZQ"\n')
        assert_no_token(str(info.value))
        csv = tmp_path / "items.csv"
        csv.write_text(
            "name,identifiability,required\nQZX1XZQ,QZX2XZQ,QZX3XZQ\n,QZX4XZQ,no\n",
            encoding="utf-8",
        )
        with pytest.raises(InputError) as info:
            dpup.load_items(csv)
        assert 4 == len(info.value.problems)
        assert_no_token(str(info.value))

    def test_cli_errors_leak_nothing(self, tmp_path: Path) -> None:
        """The CLI's exit-2 message for a bad file quotes none of its values."""
        bad = tmp_path / "bad.json"
        bad.write_text(
            json.dumps({"name": "QZX1XZQ", "stage": "QZX2XZQ", "purposes": "QZX3XZQ"}),
            encoding="utf-8",
        )
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            assert EXIT_USAGE == main(["evaluate", str(bad)])
        assert "@ $.stage" in err.getvalue()
        assert_no_token(err.getvalue())
