"""JSON Schemas for dpup's inputs, built from the model's own classes and enums.

Nothing here lists fields by hand: the attrs classes reachable from `Activity` (and `Waiver`,
and `InformationItem` for a data dictionary) are walked, each field's type becomes a schema,
each field's line in its class docstring's ``Attributes:`` section becomes its description, and
each enumeration's members, with the string documenting each member in the source, become its
allowed values. A new field or value added to the model appears in the schemas, and in the
input reference built from the same walk (`dpup.render.input_reference`), without an edit here.

The schemas describe the JSON form of a document: dates are ``YYYY-MM-DD`` strings (TOML's own
dates are the same thing once parsed), and a withheld table cell may be ``null`` or the word
`dpup.io.converter.WITHHELD`. What a schema cannot say (ids that must refer to records that
exist, a table's shape) `dpup.load` still checks.
"""

from __future__ import annotations

import ast
import enum
import inspect
import itertools
import json
import re
import textwrap
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from typing import Any

import attrs

from dpup.io.converter import _TABLE_PUBLISHED_FIELDS, WITHHELD
from dpup.io.files import ITEM_COLUMNS
from dpup.model import Activity, InformationItem, PersonRecord
from dpup.waivers import Waiver

__all__ = [
    "SCHEMA_KINDS",
    "enum_members",
    "field_docs",
    "field_type",
    "model_classes",
    "schema",
    "schema_json",
]

SCHEMA_KINDS = ("activity", "waivers", "data-dictionary", "person")
"""The documents a schema is generated for, as `dpup schema` names them."""

_DRAFT = "https://json-schema.org/draft/2020-12/schema"

_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

_NONE = type(None)


def field_type(cls: type, name: str) -> Any:
    """Return the resolved annotation of the field ``name`` of the attrs class ``cls``."""
    return _hints(cls)[name]


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _union_args(tp: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return None


def _inner_types(tp: Any) -> Iterator[Any]:
    """Yield the classes and enums a type annotation is built from."""
    args = _union_args(tp)
    if args is None and typing.get_origin(tp) is tuple:
        args = tuple(a for a in typing.get_args(tp) if a is not Ellipsis)
    if args is None:
        yield tp
        return
    for arg in args:
        yield from _inner_types(arg)


def model_classes(root: type) -> list[type]:
    """Return ``root`` and every attrs class and enum reachable from its fields, in reading order.

    The order is breadth first, fields in their declared order, each type once: the order the
    input reference documents them in.
    """
    found: list[type] = [root]
    queue = [root]
    while queue:
        cls = queue.pop(0)
        for field in attrs.fields(cls):
            for tp in _inner_types(field_type(cls, field.name)):
                is_new = isinstance(tp, type) and tp not in found
                if is_new and (attrs.has(tp) or issubclass(tp, enum.Enum)):
                    found.append(tp)
                    if attrs.has(tp):
                        queue.append(tp)
    return found


def _one_line(text: str) -> str:
    return " ".join(text.split())


@cache
def field_docs(cls: type) -> dict[str, str]:
    """Return each field's description from the ``Attributes:`` section of ``cls``'s docstring.

    A field the docstring does not describe is left out of the result.
    """
    doc = inspect.cleandoc(cls.__doc__ or "")
    _, found, rest = doc.partition("\nAttributes:\n")
    if not found:
        return {}
    section = textwrap.dedent(re.split(r"\n\S", rest, maxsplit=1)[0])
    docs: dict[str, str] = {}
    current: str | None = None
    for line in section.splitlines():
        entry = re.match(r"(\w+)(?: \([^)]*\))?: ?(.*)", line)
        if entry and not line.startswith(" "):
            current = entry.group(1)
            docs[current] = entry.group(2)
        elif current is not None and line.strip():
            docs[current] += " " + line.strip()
    return {name: _one_line(text) for name, text in docs.items()}


@cache
def enum_members(cls: type[enum.Enum]) -> dict[str, str]:
    """Return each member's value with the first paragraph of the string documenting it.

    The string is the one written under the member in the source; a member without one has
    ``""``.
    """
    notes: dict[str, str] = {}
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):  # pragma: no cover - no source to read
        tree = None
    if tree is not None and isinstance(tree.body[0], ast.ClassDef):
        body = tree.body[0].body
        for node, after in itertools.pairwise(body):
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                paragraph = inspect.cleandoc(after.value.value).split("\n\n")[0]
                notes[node.targets[0].id] = _one_line(paragraph)
    return {str(m.value): notes.get(m.name, "") for m in cls}


def _summary(cls: type) -> str:
    return _one_line(inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0])


class _Builder:
    """Builds one schema, collecting a definition per class and enum it meets."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, tp: type) -> dict[str, Any]:
        name = tp.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserved first: classes may refer to themselves
            self.defs[name] = self._enum(tp) if issubclass(tp, enum.Enum) else self._class(tp)
        return {"$ref": f"#/$defs/{name}"}

    def _enum(self, tp: type[enum.Enum]) -> dict[str, Any]:
        members = enum_members(tp)
        return {
            "title": tp.__name__,
            "description": _summary(tp),
            "type": "string",
            "enum": list(members),
            # Not JSON Schema itself: the VS Code family of editors show these with each value.
            "markdownEnumDescriptions": list(members.values()),
        }

    def _class(self, cls: type) -> dict[str, Any]:
        docs = field_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:  # pragma: no cover - the model has none
                continue
            prop = self.type_schema(field_type(cls, field.name))
            if cls.__name__ == "Table" and (
                field.name in _TABLE_PUBLISHED_FIELDS or field.name == "grand_total"
            ):
                prop = _withheld_allowed(prop)
            if cls.__name__ == "CrossTable" and field.name == "published":
                # The word may stand for a value in the list, never for the list itself.
                prop = {
                    "anyOf": [
                        _withheld_allowed(o) if o.get("type") == "array" else o
                        for o in prop["anyOf"]
                    ]
                }
            prop.update(_validator_keywords(field.validator))
            if field.name in docs:
                prop["description"] = docs[field.name]
            properties[field.name] = prop
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            out["required"] = required
        return out

    def type_schema(self, tp: Any) -> dict[str, Any]:
        args = _union_args(tp)
        if args is not None:
            options = [self.type_schema(a) for a in args if a is not _NONE]
            if _NONE in args:
                options.append({"type": "null"})
            return options[0] if len(options) == 1 else {"anyOf": options}
        if typing.get_origin(tp) is tuple:
            return {"type": "array", "items": self.type_schema(typing.get_args(tp)[0])}
        simple = _SIMPLE.get(tp)
        if simple is not None:
            return dict(simple)
        if isinstance(tp, type) and (attrs.has(tp) or issubclass(tp, enum.Enum)):
            return self.ref(tp)
        msg = f"no JSON Schema for the type {tp!r}: teach dpup.io.schema about it"
        raise TypeError(msg)


_SIMPLE: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    date: {"type": "string", "format": "date", "pattern": _DATE_PATTERN},
}


def _withheld_allowed(prop: dict[str, Any]) -> dict[str, Any]:
    """Let every integer-or-null cell in ``prop`` also be the word that marks it withheld."""
    if "anyOf" in prop:
        options = prop["anyOf"]
        if {"type": "null"} in options:
            return {"anyOf": [*(_withheld_allowed(o) for o in options), {"const": WITHHELD}]}
        return {"anyOf": [_withheld_allowed(o) for o in options]}
    if prop.get("type") == "array":
        return {**prop, "items": _withheld_allowed(prop["items"])}
    return prop


def _validators(validator: Any) -> Iterator[Any]:
    if validator is None:
        return
    inner = getattr(validator, "_validators", None)  # attrs' and_()
    if inner is not None:
        for v in inner:
            yield from _validators(v)
    else:
        yield validator


def _validator_keywords(validator: Any) -> dict[str, Any]:
    keywords: dict[str, Any] = {}
    for v in _validators(validator):
        # The model's shared validators (dpup.model._validators), known by name.
        name = getattr(v, "__name__", None)
        if name == "non_blank":
            keywords["pattern"] = r"\S"
        elif name == "non_negative":
            keywords["minimum"] = 0
    return keywords


def _document(title: str, description: str, body: dict[str, Any], b: _Builder) -> dict[str, Any]:
    out = {
        "$schema": _DRAFT,
        "$id": f"https://dpup.invalid/schema/{title}.schema.json",
        "title": title,
        "description": description,
        **body,
    }
    if b.defs:
        out["$defs"] = dict(sorted(b.defs.items()))
    return out


def _activity() -> dict[str, Any]:
    b = _Builder()
    body = {"$ref": b.ref(Activity)["$ref"]}
    return _document(
        "activity", "An activity file for dpup (TOML, YAML or JSON): one activity.", body, b
    )


def _person() -> dict[str, Any]:
    b = _Builder()
    body = {"$ref": b.ref(PersonRecord)["$ref"]}
    return _document(
        "person",
        "A person's own record for dpup (TOML, YAML or JSON), evaluated in its programme.",
        body,
        b,
    )


def _waivers() -> dict[str, Any]:
    b = _Builder()
    body = {
        "type": "object",
        "properties": {"waivers": {"type": "array", "items": b.ref(Waiver)}},
        "required": ["waivers"],
        "additionalProperties": False,
    }
    return _document("waivers", "A waiver file for dpup: a single `waivers` list.", body, b)


def _data_dictionary() -> dict[str, Any]:
    b = _Builder()
    docs = field_docs(InformationItem)
    columns: dict[str, Any] = {}
    for column in ITEM_COLUMNS:
        tp = field_type(InformationItem, column)
        cell: dict[str, Any] = {"type": "string"}
        values = [list(enum_members(t)) for t in _inner_types(tp) if isinstance(t, enum.EnumMeta)]
        if values:
            listed = typing.get_origin(next(iter(_union_args(tp) or (tp,)))) is tuple
            choices = "; ".join(values[0]) if listed else ", ".join(values[0])
            sep = " (several separated by ';')" if listed else ""
            cell["description"] = f"{docs.get(column, '')} One of: {choices}{sep}.".strip()
        else:
            cell["description"] = docs.get(column, "")
        columns[column] = cell
    body = {
        "type": "array",
        "description": "One object per data row, keyed by the header's column names; every "
        "cell is text, and an empty cell means not recorded.",
        "items": {
            "type": "object",
            "properties": columns,
            "required": ["name"],
            "additionalProperties": False,
        },
    }
    return _document(
        "data-dictionary",
        "A data dictionary for dpup (CSV): one information item per row.",
        body,
        b,
    )


_BUILDERS: dict[str, Callable[[], dict[str, Any]]] = {
    "activity": _activity,
    "waivers": _waivers,
    "data-dictionary": _data_dictionary,
    "person": _person,
}


def schema(kind: str = "activity") -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) for the input ``kind``, one of `SCHEMA_KINDS`.

    Raises:
        ValueError: ``kind`` is not one of `SCHEMA_KINDS`.
    """
    if kind not in _BUILDERS:
        msg = "expected one of: " + ", ".join(SCHEMA_KINDS)
        raise ValueError(msg)
    return _BUILDERS[kind]()


def schema_json(kind: str = "activity") -> str:
    """Return `schema` for ``kind`` as the JSON text committed under ``docs/schema/``."""
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"
