"""Fuzzed input: every document either loads or is refused with InputError, and nothing crashes.

Documents come from two sources: arbitrary JSON-like values (with the model's own field
names and enum values mixed in, so they reach deep into structuring), and valid documents
(the bundled examples and generated activities) broken by one to four mutations: dropped
keys, wrong types, huge strings, deep nesting, unknown enum values, dangling references,
dates out of range, duplicated entries, over-long lists and unknown keys.

``make test`` runs a bounded number of examples; ``make fuzz`` sets ``DPUP_FUZZ_EXAMPLES``
(20,000) for the document fuzzer, and a share of it for the text, CSV and CLI fuzzers.
"""

from __future__ import annotations

import contextlib
import enum
import io
import json
import math
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dpup
from dpup import InputError, Report, evaluate, loads, serde, structure, unstructure
from dpup import model as dpup_model
from dpup.cli import EXIT_OK, EXIT_USAGE, main
from dpup.model import reference_fields
from dpup.render import to_html, to_json, to_junit, to_markdown, to_sarif, to_text
from dpup.testing.strategies import activities

ROOT = Path(__file__).parent.parent
EXAMPLE_FILES = sorted((ROOT / "examples").glob("*.toml"))
AS_AT = date(2026, 6, 1)
RENDERERS: tuple[Callable[[Report], str], ...] = (
    to_text,
    to_markdown,
    to_json,
    to_sarif,
    to_junit,
    to_html,
)
PROBLEM_LINE = re.compile(r".+ @ \$\S*", re.DOTALL)


def _examples(default: int, share: float = 1.0) -> int:
    """Return how many examples a fuzzer runs: ``default``, or a share of DPUP_FUZZ_EXAMPLES."""
    wanted = int(os.environ.get("DPUP_FUZZ_EXAMPLES", "0"))
    return max(default, int(wanted * share))


def fuzz(examples: int) -> settings:
    """Hypothesis settings for a fuzzer running ``examples`` examples."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


BATCH = 1_000
"""The most examples one Hypothesis run of a fuzzer makes.

Hypothesis remembers every example a run has tried, so a run's memory grows with its length:
one 20,000-example run of the document fuzzer grew past 24 GB and was killed. A long fuzz is
therefore a series of runs of at most this many examples, each a separate test (``[batch-N]``),
whose memory is freed when it ends. Each run starts from its own random seed.
"""

_T = TypeVar("_T", bound=Callable[..., Any])


def fuzz_batches(default: int, share: float = 1.0) -> Callable[[_T], _T]:
    """Run a fuzzer for ``_examples(default, share)`` examples, in runs of at most `BATCH`.

    The decorated test takes a ``batch`` argument (its run's number) before the arguments
    `given` fills.
    """
    total = _examples(default, share)
    runs = math.ceil(total / BATCH)
    size = math.ceil(total / runs)

    def apply(test: _T) -> _T:
        batched: _T = pytest.mark.parametrize("batch", range(runs))(fuzz(size)(test))
        return batched

    return apply


# ---------------------------------------------------------------------------------------------
# Vocabulary: the model's field names and enum values, so random documents look plausible.
# ---------------------------------------------------------------------------------------------


def _model_vocabulary() -> tuple[list[str], list[str]]:
    fields: set[str] = set()
    values: set[str] = set()
    for name in dpup_model.__all__:
        obj = getattr(dpup_model, name)
        if isinstance(obj, type) and attrs.has(obj):
            fields.update(f.name for f in attrs.fields(obj))
        elif isinstance(obj, type) and issubclass(obj, enum.Enum):
            values.update(str(m.value) for m in obj)
    return sorted(fields), sorted(values)


FIELD_NAMES, ENUM_VALUES = _model_vocabulary()


def _reference_names() -> tuple[frozenset[str], frozenset[str]]:
    """Return the names of list and of single reference fields, from the model's marks.

    A single reference whose name some other field also uses for something else (``purpose``
    is also a yes/no on a notice) is left out, so that a "dangling" mutation stays one.
    """
    lists: set[str] = set()
    singles: set[str] = set()
    plain: set[str] = set()
    for name in dpup_model.__all__:
        cls = getattr(dpup_model, name)
        if not (isinstance(cls, type) and attrs.has(cls)):
            continue
        marked = reference_fields(cls)
        for field in attrs.fields(cls):
            if field.name not in marked:
                plain.add(field.name)
            elif "tuple" in str(field.type):
                lists.add(field.name)
            else:
                singles.add(field.name)
    return frozenset(lists), frozenset(singles - plain)


REFERENCE_FIELDS, SINGLE_REFERENCE_FIELDS = _reference_names()
ODD_DATES = (
    "0001-01-01",
    "9999-12-31",
    "1969-12-31",
    "1999-12-01",
    "2053-01-01",
    "2026-02-29",
    "2026-13-01",
    "20260101",
    "2026-06-01T00:00:00",
)

keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=12)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(ENUM_VALUES)
    | st.sampled_from(ODD_DATES)
    | st.dates().map(date.isoformat)
    | st.just(serde.WITHHELD)
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=6),
    max_leaves=40,
)
loose_documents = st.builds(
    lambda name, extra: {**extra, "name": name} if name is not None else extra,
    st.none() | st.text(max_size=20),
    st.dictionaries(keys, json_values, max_size=8),
)


def _example_documents() -> list[dict[str, Any]]:
    docs = []
    for path in EXAMPLE_FILES:
        data: dict[str, Any] = json.loads(json.dumps(unstructure(dpup.load(path))))
        docs.append(data)
    return docs


EXAMPLE_DOCUMENTS = _example_documents()
valid_documents = st.sampled_from(EXAMPLE_DOCUMENTS) | activities().map(
    lambda a: json.loads(json.dumps(unstructure(a)))
)

# ---------------------------------------------------------------------------------------------
# Mutations of valid documents
# ---------------------------------------------------------------------------------------------

_Path = tuple[str | int, ...]


def _paths(doc: object) -> list[_Path]:
    """Every path to a value inside ``doc`` (not the root), in document order.

    A container that appears more than once (a mutation may repeat one) is entered only the
    first time: its values are reached by that path, and a repeated list of repeated tables
    would otherwise have as many paths as the product of their lengths.
    """
    out: list[_Path] = []
    entered: set[int] = set()
    stack: list[tuple[object, _Path]] = [(doc, ())]
    while stack:
        value, path = stack.pop()
        if path:
            out.append(path)
        if isinstance(value, dict | list):
            if id(value) in entered:
                continue
            entered.add(id(value))
        if isinstance(value, dict):
            stack.extend((v, (*path, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(value))
    return out


def _parent(doc: Any, path: _Path) -> Any:
    for key in path[:-1]:
        doc = doc[key]
    return doc


def _nest(value: object, levels: int) -> object:
    for _ in range(levels):
        value = [value]
    return value


MUTATIONS = (
    "drop",
    "wrong-type",
    "huge-string",
    "long-string",
    "deep",
    "unknown-enum",
    "dangling",
    "odd-date",
    "duplicate",
    "long-list",
    "unknown-key",
    "arbitrary",
)


def _mutate(draw: Callable[..., Any], doc: dict[str, Any], kind: str) -> None:
    """Apply the mutation ``kind`` to ``doc`` in place, drawing where and with what."""
    paths = _paths(doc)
    if kind == "dangling":
        refs = [p for p in paths if p[-1] in REFERENCE_FIELDS | SINGLE_REFERENCE_FIELDS]
        if refs:
            path = draw(st.sampled_from(refs))
            parent = _parent(doc, path)
            parent[path[-1]] = "ghost" if path[-1] in SINGLE_REFERENCE_FIELDS else ["ghost"]
            return
    if kind == "unknown-key":
        tables = [p for p in paths if isinstance(_parent(doc, (*p, "")), dict)]
        target = _parent(doc, (*draw(st.sampled_from(tables)), "")) if tables else doc
        target[draw(st.text(min_size=1, max_size=8))] = draw(scalars)
        return
    if not paths:
        doc["name"] = draw(json_values)
        return
    path = draw(st.sampled_from(paths), label="path")
    parent = _parent(doc, path)
    key = path[-1]
    old = parent[key]
    new: object
    if kind == "drop":
        del parent[key]
        return
    if kind == "wrong-type":
        new = draw(scalars | st.just([]) | st.just({}))
    elif kind == "huge-string":
        new = "x" * (serde.MAX_STRING_LENGTH + 1)
    elif kind == "long-string":
        new = "ā" * draw(st.integers(1_000, serde.MAX_STRING_LENGTH))
    elif kind == "deep":
        # 500 is far past MAX_DEPTH yet within what json.dumps itself can encode when the
        # test turns the document into text; deeper text is tested directly below.
        new = _nest(old, draw(st.sampled_from([1, 5, serde.MAX_DEPTH, 200, 500])))
    elif kind == "unknown-enum":
        new = "no-such-value"
    elif kind == "odd-date":
        new = draw(st.sampled_from(ODD_DATES))
    elif kind == "duplicate" and isinstance(old, list) and old:
        new = [*old, old[0]]
    elif kind == "long-list":
        # A repeated scalar, never a repeated table or list: repeating a container shares
        # it, and a second long list over the first (or json.dumps of it) multiplies their
        # lengths: 10,001 x 10,001 copies of a table took one fuzzing worker past 10 GB.
        item = draw(scalars) if isinstance(old, dict | list) else old
        new = [item] * draw(st.sampled_from([2, 50, serde.MAX_LIST_LENGTH + 1]))
    else:
        new = draw(json_values)
    parent[key] = new


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Draw a valid document broken by one to four mutations."""
    doc: dict[str, Any] = json.loads(json.dumps(draw(valid_documents)))
    for _ in range(draw(st.integers(1, 4))):
        _mutate(draw, doc, draw(st.sampled_from(MUTATIONS), label="mutation"))
    return doc


documents = loose_documents | mutated_documents() | valid_documents

# ---------------------------------------------------------------------------------------------
# The property
# ---------------------------------------------------------------------------------------------


def assert_refused_well(err: InputError) -> None:
    """An InputError names at least one problem, each on a ``message @ $.path`` line."""
    assert err.problems
    for line in err.lines:
        assert PROBLEM_LINE.fullmatch(line), line


def assert_loads_or_refuses(doc: object) -> None:
    """``structure`` gives an Activity that evaluates and renders, or a well-formed InputError."""
    try:
        activity = structure(doc)
    except InputError as err:
        assert_refused_well(err)
        return
    report = evaluate(activity, as_at=activity.as_at or AS_AT)
    assert () == report.errors
    for render in RENDERERS:
        assert render(report)


class TestDocuments:
    @fuzz_batches(150)
    @given(documents)
    def test_any_document_loads_or_is_refused(self, batch: int, doc: dict[str, Any]) -> None:
        """Any JSON-like document evaluates cleanly, or raises an InputError naming paths."""
        assert_loads_or_refuses(doc)

    @fuzz_batches(40, 0.05)
    @given(json_values)
    def test_any_value_loads_or_is_refused(self, batch: int, value: object) -> None:
        """Any JSON-like value, table or not, is handled the same way."""
        assert_loads_or_refuses(value)

    @pytest.mark.parametrize("kind", MUTATIONS)
    def test_each_mutation_is_exercised(self, kind: str) -> None:
        """Every mutation kind, applied to every example, loads or is refused cleanly."""

        @settings(fuzz(5), derandomize=True, database=None)
        @given(st.data())
        def run(data: st.DataObject) -> None:
            for original in EXAMPLE_DOCUMENTS:
                doc = json.loads(json.dumps(original))
                _mutate(data.draw, doc, kind)
                assert_loads_or_refuses(doc)

        run()


class TestText:
    @fuzz_batches(60, 0.25)
    @given(st.data())
    def test_any_json_text_loads_or_is_refused(self, batch: int, data: st.DataObject) -> None:
        """JSON text of a document, whole, cut short or spliced with junk, loads or is refused."""
        text = json.dumps(data.draw(documents, label="doc"), allow_nan=True)
        cut = data.draw(st.integers(0, len(text)), label="cut")
        junk = data.draw(st.sampled_from(["", "{", "]", "\x00", "NaN", "1e999", "9" * 5000]))
        text = data.draw(st.sampled_from([text, text[:cut], text[:cut] + junk + text[cut:]]))
        _assert_text(text, "json")

    @fuzz_batches(60, 0.25)
    @given(st.data())
    def test_any_toml_text_loads_or_is_refused(self, batch: int, data: st.DataObject) -> None:
        """An example's TOML with a line dropped, changed or duplicated loads or is refused."""
        path = data.draw(st.sampled_from(EXAMPLE_FILES), label="example")
        lines = path.read_text(encoding="utf-8").splitlines()
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        edit = data.draw(st.sampled_from(["drop", "duplicate", "replace", "truncate"]))
        if edit == "drop":
            del lines[i]
        elif edit == "duplicate":
            lines.insert(i, lines[i])
        elif edit == "replace":
            lines[i] = data.draw(st.text(max_size=40), label="new line")
        else:
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
        _assert_text("\n".join(lines), "toml")

    @fuzz_batches(30, 0.05)
    @given(st.text(max_size=200), st.sampled_from(["json", "toml", "yaml"]))
    def test_any_text_loads_or_is_refused(self, batch: int, text: str, fmt: Any) -> None:
        """Arbitrary text in any format loads or is refused with InputError."""
        _assert_text(text, fmt)


def _assert_text(text: str, fmt: Any) -> None:
    try:
        activity = loads(text, fmt)
    except InputError as err:
        assert_refused_well(err)
        return
    report = evaluate(activity, as_at=activity.as_at or AS_AT)
    assert () == report.errors


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory for files the fuzzers write (one per module, so Hypothesis may reuse it)."""
    return tmp_path_factory.mktemp("fuzz")


csv_cells = (
    st.text(max_size=20)
    | st.sampled_from(["yes", "no", "maybe", "identifying", "aggregate", "health;iwi", '"'])
    | st.sampled_from(ENUM_VALUES)
)
csv_columns = st.lists(
    st.sampled_from([*serde.ITEM_COLUMNS, "colour", " name ", ""]), min_size=1, max_size=8
)


class TestCsv:
    @fuzz_batches(40, 0.05)
    @given(st.data())
    def test_any_data_dictionary_loads_or_is_refused(
        self, batch: int, scratch: Path, data: st.DataObject
    ) -> None:
        """A CSV data dictionary with odd headers, cells and bytes loads or is refused."""
        header = data.draw(csv_columns, label="header")
        rows = data.draw(st.lists(st.lists(csv_cells, max_size=9), max_size=6), label="rows")
        lines = [",".join(header), *(",".join(row) for row in rows)]
        raw = "\r\n".join(lines).encode("utf-8")
        raw = data.draw(
            st.sampled_from([raw, b"\xef\xbb\xbf" + raw, raw + b"\xff", raw.replace(b",", b"\x00")])
        )
        path = scratch / "items.csv"
        path.write_bytes(raw)
        try:
            items = dpup.load_items(path)
        except InputError as err:
            assert_refused_well(err)
            return
        evaluate(serde.activity_from_items("items", items), as_at=AS_AT)


class TestCli:
    @fuzz_batches(15, 0.01)
    @given(
        st.one_of(
            mutated_documents().map(lambda d: json.dumps(d).encode()),
            st.binary(max_size=64),
        ),
        st.sampled_from(["text", "markdown", "json", "sarif", "junit", "html"]),
    )
    def test_cli_exits_ok_or_usage(
        self, batch: int, scratch: Path, content: bytes, fmt: str
    ) -> None:
        """The CLI exits 0 for a valid file and 2, naming each problem, for anything else."""
        path = scratch / "activity.json"
        path.write_bytes(content)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["evaluate", str(path), "--format", fmt, "--fail-on", "never"])
        assert code in (EXIT_OK, EXIT_USAGE)
        if code == EXIT_USAGE:
            assert " @ $" in err.getvalue()
        else:
            assert out.getvalue()


class TestDeepText:
    @pytest.mark.parametrize("fmt", ["json", "yaml"])
    def test_text_nested_past_the_parser_stack_is_refused(self, fmt: serde.Format) -> None:
        """Text nested thousands of levels deep is an InputError, never a RecursionError."""
        text = '{"name": ' + "[" * 20_000 + "]" * 20_000 + "}"
        with pytest.raises(InputError) as info:
            dpup.loads(text, format=fmt)
        assert info.value.problems
