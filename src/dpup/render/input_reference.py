"""The input reference (docs/reference/input.md), written from the model itself.

The page walks the same classes and enumerations as the JSON Schemas (`dpup.io.schema`): each
type gets a table of its fields (type, whether it is required, what leaving it out means and
the field's own description) and a short example that loads; each enumeration gets its values
with the line documenting each. Nothing is listed by hand, so a field added to the model is in
the page the next time it is written, and a test fails until it is.

Regenerate with ``python -m dpup.render.input_reference > docs/reference/input.md``.
"""

from __future__ import annotations

import enum
import inspect
import re
import sys
import typing
from collections import defaultdict
from datetime import date
from typing import Any

import attrs
from cattrs.errors import BaseValidationError

from dpup.engine import evaluate
from dpup.errors import InputError
from dpup.io.converter import CONVERTER, WITHHELD, structure
from dpup.io.files import ITEM_COLUMNS
from dpup.io.schema import enum_members, field_docs, field_type, model_classes
from dpup.model import Activity, InformationItem, PersonRecord
from dpup.waivers import Waiver

__all__ = ["input_reference_markdown"]

_NONE = type(None)

_SCALARS: dict[Any, tuple[str, object]] = {
    str: ("text", "…"),
    bool: ("true or false", True),
    int: ("whole number", 12),
    float: ("number", 1.5),
    date: ("date (YYYY-MM-DD)", date(2026, 5, 1)),
}


def _anchor(tp: type) -> str:
    return tp.__name__.lower()


def _args(tp: Any) -> tuple[Any, ...]:
    return typing.get_args(tp)


def _is_list(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


def _optional_inner(tp: Any) -> tuple[Any, bool]:
    """Return the type without ``None``, and whether ``None`` was allowed."""
    args = _args(tp)
    if typing.get_origin(tp) in (typing.Union, type(int | None)) and _NONE in args:
        rest = [a for a in args if a is not _NONE]
        return (rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]), True  # noqa: UP007
    return tp, False


def _type_text(tp: Any) -> str:
    inner, _ = _optional_inner(tp)
    if _is_list(inner):
        return "list of " + _type_text(_args(inner)[0])
    if typing.get_origin(inner) is not None:  # another union
        return " or ".join(_type_text(a) for a in _args(inner) if a is not _NONE)
    if inner in _SCALARS:
        return _SCALARS[inner][0]
    if isinstance(inner, type) and (attrs.has(inner) or issubclass(inner, enum.Enum)):
        return f"[{inner.__name__}](#{_anchor(inner)})"
    return f"`{inner!r}`"  # pragma: no cover - every model type is handled above


def _left_out(field: attrs.Attribute[Any], tp: Any) -> str:
    default = field.default
    if default is attrs.NOTHING:
        return "**required**"
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return "worked out from the other fields"
    if default is None:
        return "not recorded"
    if default == ():
        return "none"
    if isinstance(default, enum.Enum):
        return f"`{default.value}`"
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    return f"`{default!r}`"  # pragma: no cover - no other defaults in the model yet


def _markdown(text: str) -> str:
    """Docstrings mark code with double backquotes; Markdown with one."""
    return text.replace("``", "`")


def _cell(text: str) -> str:
    return _markdown(text).replace("|", "\\|").replace("\n", " ")


def _example_value(tp: Any) -> object:
    inner, _ = _optional_inner(tp)
    if _is_list(inner):
        one = _example_value(_args(inner)[0])
        return None if one is None else [one]
    if inner in _SCALARS:
        return _SCALARS[inner][1]
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return next(iter(inner)).value
    return None  # a nested record: its own section shows it


def _loads(cls: type, example: dict[str, object]) -> bool:
    data = CONVERTER.unstructure(example)
    try:
        CONVERTER.structure(data, cls)
    except (InputError, ValueError, TypeError, BaseValidationError):
        # A class that checks its fields together (a magnitude cell's shares against its
        # total) refuses a made-up example inside cattrs, which wraps the refusal.
        return False
    return True


def _example(cls: type) -> dict[str, object] | None:
    """A short example of ``cls`` that loads: its required fields and a few others."""
    required: dict[str, object] = {}
    optional: dict[str, object] = {}
    for field in attrs.fields(cls):
        value = _example_value(field_type(cls, field.name))
        if value is None:
            if field.default is attrs.NOTHING:
                return None  # a required nested record: not shown alone
            continue
        if field.default is attrs.NOTHING:
            required[field.name] = value
        elif len(optional) < 3:
            optional[field.name] = value
    for candidate in ({**required, **optional}, required):
        if candidate and _loads(cls, candidate):
            return candidate
    return None


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)


def _paths(root: type) -> dict[type, str]:
    """Where each class is first met, as a path from ``root`` (``collections[].notice``)."""
    found: dict[type, str] = {root: ""}
    queue = [root]
    while queue:
        cls = queue.pop(0)
        for field in attrs.fields(cls):
            inner, _ = _optional_inner(field_type(cls, field.name))
            step = field.name
            if _is_list(inner):
                inner, step = _args(inner)[0], step + "[]"
            inner, _ = _optional_inner(inner)
            if isinstance(inner, type) and attrs.has(inner) and inner not in found:
                prefix = found[cls]
                found[inner] = f"{prefix}.{step}" if prefix else step
                queue.append(inner)
    return found


_AS_AT = date(2026, 7, 1)
"""The date the minimal activities are evaluated as at, so the page does not change daily."""


def _required_only(cls: type) -> dict[str, object]:
    example = _example(cls) or {}
    required = {f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING}
    return {k: v for k, v in example.items() if k in required}


def _minimal(path: str, at: dict[str, type]) -> dict[str, object]:
    """An activity holding one record, with nothing but its required fields, at ``path``."""
    document: dict[str, object] = {"name": "example"}
    node = document
    reached = ""
    for step in path.split("."):
        reached = f"{reached}.{step}" if reached else step
        record = _required_only(at[reached])
        node[step.removesuffix("[]")] = [record] if step.endswith("[]") else record
        node = record
    return document


def _field_at(evidence: str) -> tuple[type, str] | None:
    """The class and field an evidence path such as ``$.collections[0].notice.timing`` names."""
    cls: type = Activity
    steps = re.sub(r"\[\d+\]", "", evidence).removeprefix("$.").split(".")
    for step in steps[:-1]:
        if not attrs.has(cls) or step not in attrs.fields_dict(cls):
            return None
        inner, _ = _optional_inner(field_type(cls, step))
        if _is_list(inner):
            inner, _ = _optional_inner(_args(inner)[0])
        cls = inner
    if attrs.has(cls) and steps[-1] in attrs.fields_dict(cls):
        return cls, steps[-1]
    return None


def _asked_for(paths: dict[type, str]) -> dict[tuple[type, str], set[str]]:
    """Which checks ask for each field: those that report it as evidence still to collect.

    Each record type is put, with only its required fields, into an otherwise empty activity,
    which is evaluated; a NEEDS_REVIEW finding's evidence paths name the facts it needs.
    """
    at = {path: cls for cls, path in paths.items()}
    asked: dict[tuple[type, str], set[str]] = defaultdict(set)
    for path in ["", *sorted(p for p in at if p)]:
        try:
            activity = structure(_minimal(path, at) if path else {"name": "x"})
        except (InputError, ValueError, TypeError):
            continue  # a record that cannot stand alone (it must refer to another)
        for finding in evaluate(activity, as_at=_AS_AT).findings:
            if finding.status.value != "needs_review":
                continue
            for evidence in finding.evidence:
                where = _field_at(evidence)
                if where is not None:
                    asked[where].add(finding.check_id)
    return asked


def _description(cls: type) -> str:
    doc = inspect.cleandoc(cls.__doc__ or "")
    text = doc.split("\nAttributes:\n")[0].split("\nRaises:\n")[0].strip()
    return _markdown("\n".join(line.rstrip() for line in text.splitlines()))


def _class_section(
    cls: type, path: str | None, asked: dict[tuple[type, str], set[str]]
) -> list[str]:
    lines = [f"### {cls.__name__}", "", _description(cls), ""]
    if path:
        lines += [f"Written at `{path}`.", ""]
    docs = field_docs(cls)
    lines += [
        "| Field | Type | If left out | Asked for by | Meaning |",
        "| --- | --- | --- | --- | --- |",
    ]
    for field in attrs.fields(cls):
        tp = field_type(cls, field.name)
        checks = ", ".join(sorted(asked.get((cls, field.name), ())))
        lines.append(
            f"| `{field.name}` | {_type_text(tp)} | {_left_out(field, tp)} | {checks} "
            f"| {_cell(docs.get(field.name, ''))} |"
        )
    example = _example(cls)
    if example is not None:
        lines += ["", "```toml"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in example.items()]
        lines += ["```"]
    return [*lines, ""]


def _enum_section(cls: type[enum.Enum]) -> list[str]:
    lines = [f"### {cls.__name__}", "", _description(cls), ""]
    lines += ["| Value | Meaning |", "| --- | --- |"]
    for value, note in enum_members(cls).items():
        lines.append(f"| `{value}` | {_cell(note)} |")
    return [*lines, ""]


def _data_dictionary() -> list[str]:
    docs = field_docs(InformationItem)
    lines = [
        "## Data dictionaries (CSV)",
        "",
        "One information item per row, under a header row. Only `name` is required; an empty",
        "cell means not recorded; list cells separate values with `;`; `required` takes yes or",
        "no. The values are those of the [InformationItem](#informationitem) field of the same",
        "name. JSON Schema: `dpup schema data-dictionary`.",
        "",
        "| Column | Type | Meaning |",
        "| --- | --- | --- |",
    ]
    for column in ITEM_COLUMNS:
        tp = field_type(InformationItem, column)
        lines.append(f"| `{column}` | {_type_text(tp)} | {_cell(docs.get(column, ''))} |")
    return [*lines, ""]


def input_reference_markdown() -> str:
    """Return the input reference page: every input type, field and allowed value."""
    classes = model_classes(Activity)
    paths = _paths(Activity)
    records = [c for c in classes if attrs.has(c)]
    enums = [c for c in classes if issubclass(c, enum.Enum)]
    lines = [
        "# Input reference",
        "",
        "<!-- Generated from the model by dpup.render.input_reference; do not edit. -->",
        "<!-- Regenerate: python -m dpup.render.input_reference > docs/reference/input.md -->",
        "",
        "Every type and field an activity file may hold, and every allowed value. Files may be",
        "TOML, YAML or JSON; dates are written YYYY-MM-DD. Only the activity's `name` is",
        "required: a field left out is *not recorded*, and the checks that need it report",
        "NEEDS_REVIEW naming the evidence to collect rather than failing. *Asked for by* lists",
        "the checks that do so when the field is left out of a record that has only its",
        "required fields (other checks may ask for it once more is recorded). A list field",
        "left out is an empty list. In a table's published cells and totals, a withheld value is",
        f'written `"{WITHHELD}"` (or `null` in JSON).',
        "",
        "The same model gives the JSON Schemas: `dpup schema activity`, `dpup schema waivers`",
        "and `dpup schema data-dictionary` (committed in `docs/schema/`).",
        "",
        "## Records",
        "",
    ]
    asked = _asked_for(paths)
    for cls in records:
        lines += _class_section(cls, paths.get(cls), asked)
    lines += ["## Values", ""]
    for enum_cls in enums:
        lines += _enum_section(enum_cls)
    lines += [
        "## A person's own record",
        "",
        "One person's choices, requests and disclosures, kept apart from the programme they",
        "belong to and evaluated in its context (`dpup.evaluate(record, context=programme)`).",
        "Its records are the types above, written at the same field names; they refer to the",
        "programme's purposes, items and agreements by id. JSON Schema: `dpup schema person`.",
        "",
    ]
    lines += _class_section(PersonRecord, None, {})
    lines += [
        "## Waiver files",
        "",
        "A single `waivers` list of tables (`[[waivers]]` in TOML). JSON Schema:",
        "`dpup schema waivers`.",
        "",
    ]
    lines += _class_section(Waiver, "waivers[]", {})
    lines += _data_dictionary()
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":  # pragma: no cover - the regeneration command
    sys.stdout.write(input_reference_markdown())
