"""The input schemas: generated from the model, committed current, and agreeing with `load`."""

from __future__ import annotations

import csv
import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dpup
from dpup import Activity, unstructure
from dpup.cli import main
from dpup.io.schema import SCHEMA_KINDS, enum_members, model_classes, schema, schema_json
from dpup.model import Ipp2Exception, Source
from dpup.testing.strategies import activities, for_type
from dpup.waivers import Waiver

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
SCHEMA_DIR = ROOT / "docs" / "schema"


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(kind))


ACTIVITY = _validator("activity")


def _as_json(value: Any) -> Any:
    """A parsed TOML document as JSON would hold it: dates become YYYY-MM-DD text."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
def test_schemas_are_valid_json_schema(kind: str) -> None:
    """Each schema is itself valid draft 2020-12."""
    jsonschema.Draft202012Validator.check_schema(schema(kind))


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
def test_committed_schema_is_current(kind: str) -> None:
    """docs/schema/KIND.schema.json matches the model (regenerate: dpup schema KIND)."""
    committed = SCHEMA_DIR / f"{kind}.schema.json"
    assert schema_json(kind) == committed.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_validates(path: Path) -> None:
    """Every example activity loads and validates against the schema as it is written."""
    dpup.load(path)
    document = _as_json(tomllib.loads(path.read_text(encoding="utf-8")))
    assert [e.message for e in ACTIVITY.iter_errors(document)] == []


def test_example_data_dictionary_validates() -> None:
    """The example data dictionary's rows validate against its schema."""
    path = ROOT / "examples" / "intake-data-dictionary.csv"
    dpup.load_items(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [{k: v for k, v in row.items() if v} for row in csv.DictReader(handle)]
    assert [e.message for e in _validator("data-dictionary").iter_errors(rows)] == []


@settings(max_examples=60, deadline=None)
@given(activities())
def test_generated_activities_validate(activity: Activity) -> None:
    """What dpup builds and dumps, the schema accepts."""
    assert [e.message for e in ACTIVITY.iter_errors(unstructure(activity))] == []


@settings(max_examples=30, deadline=None)
@given(st.lists(for_type(Waiver), max_size=3))
def test_generated_waivers_validate(waivers: list[Waiver]) -> None:
    """Waivers dpup builds and dumps, the waiver schema accepts."""
    document = {"waivers": [unstructure(w) for w in waivers]}
    assert [e.message for e in _validator("waivers").iter_errors(document)] == []


@pytest.mark.parametrize(
    "document",
    [
        {},  # no name
        {"name": "x", "colour": "blue"},  # unknown field
        {"name": "x", "stage": "planning"},  # unknown value
        {"name": "x", "as_at": "1 May 2026"},  # not YYYY-MM-DD
        {"name": " "},  # blank
        {"name": "x", "collections": [{"id": "c", "retention": {"period_months": -1}}]},
        {"name": "x", "purposes": "p"},  # text where a list belongs
    ],
)
def test_schema_and_load_refuse_the_same_mistakes(document: dict[str, Any]) -> None:
    """A mistake the schema flags, `load` refuses too."""
    assert list(ACTIVITY.iter_errors(document))
    with pytest.raises(dpup.InputError):
        dpup.loads(json.dumps(document), format="json")


def test_every_model_type_and_value_is_in_the_schema() -> None:
    """The schema is the model's: no class or enum reachable from Activity is missing."""
    defs = schema("activity")["$defs"]
    assert {c.__name__ for c in model_classes(Activity)} == set(defs)
    assert defs["Source"]["enum"] == [s.value for s in Source]


def test_member_notes_come_from_the_source() -> None:
    """An enum value's note is the string under it in the source."""
    notes = enum_members(Ipp2Exception)
    assert notes["none"].startswith("Recorded: no exception applies")


def test_unknown_kind_is_refused() -> None:
    """Only the documented kinds have a schema."""
    with pytest.raises(ValueError, match="expected one of"):
        schema("report")


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
def test_cli_prints_the_schema(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`dpup schema KIND` prints the committed schema."""
    assert main(["schema", kind]) == 0
    assert capsys.readouterr().out == schema_json(kind)
