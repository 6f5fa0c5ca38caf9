"""The quick structure hooks build what cattrs' detailed hooks build, and refuse what they refuse.

Every document is structured twice: through `dpup.serde.structure` as it is (quick hooks for
the model's classes, falling back to cattrs' detailed hooks), and through the same function
with a converter made without the quick hooks. Both must build equal objects, or both must
refuse with the same problems, paths and messages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional
from unittest import mock

import attrs
import cattrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dpup
from dpup import InputError, serde
from dpup import model as dpup_model
from dpup._quick_structure import _nullable, is_model_class, quick_hook
from dpup.io import converter as io_converter
from dpup.model import SUBJECT_TYPES
from dpup.testing.strategies import for_type
from tests.test_fuzz import documents, json_values

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _detailed_converter() -> cattrs.Converter:
    with mock.patch.object(io_converter, "is_model_class", return_value=False):
        return io_converter._make_converter()


DETAILED = _detailed_converter()
MODEL_CLASSES = sorted(
    (c for c in vars(dpup_model).values() if is_model_class(c)), key=lambda c: c.__name__
)


@contextmanager
def _detailed() -> Iterator[None]:
    with mock.patch.object(io_converter, "CONVERTER", DETAILED):
        yield


def _outcome(data: object, cls: type) -> tuple[str, object]:
    try:
        return ("built", serde.structure(data, cls))
    except InputError as exc:
        return ("refused", exc.lines)


def assert_same(data: object, cls: type) -> None:
    """The quick and the detailed hooks give the same object or the same problems."""
    quick = _outcome(data, cls)
    with _detailed():
        detailed = _outcome(data, cls)
    assert detailed == quick
    if quick[0] == "built":
        assert type(quick[1]) is cls


def test_the_detailed_converter_has_no_quick_hooks() -> None:
    """The oracle really is cattrs' detailed path (its Disclosure hook is generated code)."""
    assert "structure_quickly" not in repr(DETAILED.get_structure_hook(dpup.Disclosure))
    assert "structure_quickly" in repr(serde.CONVERTER.get_structure_hook(dpup.Disclosure))


def test_every_model_class_is_served() -> None:
    """Every attrs class of dpup.model gets a quick hook; other classes do not."""
    assert dpup.Activity in MODEL_CLASSES
    assert dpup.Disclosure in MODEL_CLASSES
    assert not is_model_class(dpup.Waiver)
    assert not is_model_class(int)
    assert not is_model_class("Disclosure")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_and_its_parts(path: Path) -> None:
    """Every example, and every object in it, is built the same both ways."""
    activity = dpup.load(path)
    document = json.loads(json.dumps(dpup.unstructure(activity)))
    assert_same(document, dpup.Activity)
    assert ("built", activity) == _outcome(document, dpup.Activity)
    stack: list[Any] = [activity]
    while stack:
        obj = stack.pop()
        if attrs.has(type(obj)):
            if is_model_class(type(obj)):
                assert_same(json.loads(json.dumps(dpup.unstructure(obj))), type(obj))
            stack.extend(getattr(obj, a.name) for a in attrs.fields(type(obj)))
        elif isinstance(obj, tuple):
            stack.extend(obj)


@pytest.mark.parametrize(
    "data",
    [
        {"id": 3, "extra": 1},
        {"kind": "nope"},
        {"id": "", "on": "2026-02-30"},
        {"id": "x", "recipient": {"name": 5, "kind": "court", "other": 1}},
        {"id": "x", "recipient": "Family Court"},
        {"id": "x", "purposes": "court-reporting", "items": [1, "a", None]},
        {"id": "x", "identifiable": "yes", "on": "20260320", "ground": None},
        {"id": "x", 3: "integer key", "accuracy_checked": 1},
        {"id": "x", "recipient": None, "choices": None},
        {"id": "x", "recipient": {"name": "Court"}, "on": "2026-03-20"},
    ],
)
def test_broken_disclosures(data: dict[Any, Any]) -> None:
    """A disclosure with any of many problems is refused the same way (or built the same)."""
    assert_same(data, dpup.Disclosure)


def test_a_dict_subclass_and_a_non_dict_take_the_detailed_path() -> None:
    """A dict subclass is left to the detailed hook; a non-table is refused by its type."""

    class Table(dict[str, Any]):
        pass

    hook = serde.CONVERTER.get_structure_hook(dpup.Disclosure)
    assert hook(Table(id="x"), dpup.Disclosure) == dpup.Disclosure("x")
    with pytest.raises(TypeError, match="expected a table, got a list"):
        hook(["id", "x"], dpup.Disclosure)
    assert_same({"id": "x", "recipient": ["Family Court"]}, dpup.Disclosure)


def test_a_converter_with_the_hooks_registered_directly() -> None:
    """quick_hook works on any converter that forbids extra keys."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook_factory(is_model_class, lambda t: quick_hook(converter, t))
    data = {"name": "Family Court", "kind": "court"}
    assert dpup_model.Recipient("Family Court", dpup_model.RecipientKind.COURT) == (
        converter.structure(data, dpup_model.Recipient)
    )


@SETTINGS
@given(documents)
def test_fuzzed_activities(document: object) -> None:
    """Fuzzed activity documents (loose, mutated and valid) come out the same both ways."""
    assert_same(document, dpup.Activity)


@st.composite
def _object_documents(draw: st.DrawFn) -> tuple[type, object]:
    cls: type = draw(st.sampled_from(sorted(SUBJECT_TYPES, key=lambda c: c.__name__)))
    data: Any = json.loads(json.dumps(dpup.unstructure(draw(for_type(cls)))))
    change = draw(st.sampled_from(["none", "replace", "add", "drop"]))
    if change != "none" and data:
        key = draw(st.sampled_from(sorted(data)))
        if change == "replace":
            data[key] = draw(json_values)
        elif change == "add":
            data[draw(st.text(max_size=8))] = draw(json_values)
        else:
            del data[key]
    return cls, data


@SETTINGS
@given(_object_documents())
def test_fuzzed_single_objects(case: tuple[type, object]) -> None:
    """Single objects, valid or broken in one field, come out the same both ways."""
    cls, data = case
    assert_same(data, cls)


def test_only_two_way_unions_with_none_are_nullable() -> None:
    """``X | None`` takes None as it is; any other union is left to the converter whole."""
    assert int is _nullable(int | None)
    assert int is _nullable(Optional[int])  # noqa: UP045 - the older spelling, on purpose
    assert _nullable(int | str) is None
    assert _nullable(int | str | None) is None
    assert _nullable(int) is None
