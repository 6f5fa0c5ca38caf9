"""A commented starter activity file (`dpup init`), written from the model.

Every part of an activity is listed, in the order TOML allows (plain fields, then tables,
then lists of tables), each with its description and, for a record, its own fields with their
types or allowed values. Everything but the activity's name is commented out, so the file
loads as it is and evaluates to findings that ask for the facts not yet recorded, never to an
input error. Nothing is listed by hand: a field added to the model is in the next starter.
"""

from __future__ import annotations

import enum
import textwrap
import typing
from typing import Any

import attrs

from dpup.io.schema import enum_members, field_docs, field_type
from dpup.model import Activity

__all__ = ["starter_toml"]

_NONE = type(None)

_WIDTH = 96

_PLAIN: dict[Any, tuple[str, str]] = {
    str: ('"..."', "text"),
    bool: ("true", "true or false"),
    int: ("0", "a whole number"),
    float: ("0.0", "a number"),
}


def _bare(tp: Any) -> Any:
    """``tp`` without ``| None``."""
    args = typing.get_args(tp)
    if _NONE in args:
        rest = [a for a in args if a is not _NONE]
        return rest[0] if len(rest) == 1 else tp
    return tp


def _kind(tp: Any) -> str:
    """``record``, ``records`` (a list of records) or ``plain`` (written as one key)."""
    bare = _bare(tp)
    if typing.get_origin(bare) is tuple:
        return "records" if attrs.has(_bare(typing.get_args(bare)[0])) else "plain"
    return "record" if isinstance(bare, type) and attrs.has(bare) else "plain"


def _plain(tp: Any) -> tuple[str, str]:
    """An example value for a plain field, in TOML, and what it may hold."""
    bare = _bare(tp)
    if typing.get_origin(bare) is tuple:
        value, what = _plain(typing.get_args(bare)[0])
        return f"[{value}]", f"a list of: {what}"
    if isinstance(bare, type) and issubclass(bare, enum.Enum):
        values = list(enum_members(bare))
        return f'"{values[0]}"', "one of: " + ", ".join(values)
    if bare in _PLAIN:
        return _PLAIN[bare]
    return "2026-01-31", "a date, YYYY-MM-DD"  # the one other plain type: a date


def _comment(text: str, indent: str = "") -> list[str]:
    text = text.replace("``", "`")  # docstrings' code marks, as Markdown and TOML readers expect
    return textwrap.wrap(
        text,
        _WIDTH,
        initial_indent=f"# {indent}",
        subsequent_indent=f"# {indent}  ",
        break_on_hyphens=False,
    )


def _ordered(cls: type) -> list[attrs.Attribute[Any]]:
    rank = {"plain": 0, "record": 1, "records": 2}
    fields = list(attrs.fields(cls))
    return sorted(fields, key=lambda f: rank[_kind(field_type(cls, f.name))])


def _record(cls: type, header: str) -> list[str]:
    """A commented-out record: its header and each of its fields, with what it may hold."""
    lines = [f"# {header}"]
    docs = field_docs(cls)
    for field in _ordered(cls):
        tp = field_type(cls, field.name)
        need = "required; " if field.default is attrs.NOTHING else ""
        kind = _kind(tp)
        if kind == "plain":
            value, what = _plain(tp)
            lines += _comment(f"{need}{what} - {docs.get(field.name, '')}".strip(" -"))
            lines.append(f"# {field.name} = {value}")
        else:
            inner = _bare(tp)
            if kind == "records":
                inner = _bare(typing.get_args(inner)[0])
            shape = "a list of" if kind == "records" else "a"
            lines += _comment(
                f"{field.name}: {need}{shape} {inner.__name__} (see docs/reference/input.md"
                f"#{inner.__name__.lower()}) - {docs.get(field.name, '')}".strip(" -")
            )
    return lines


def starter_toml() -> str:
    """Return a commented starter activity in TOML that loads and evaluates as it is."""
    lines = [
        "# A dpup activity file. Fill in what you know and uncomment it; what you leave out is",
        "# not recorded, and the checks that need it ask for it (NEEDS_REVIEW) instead of",
        "# failing. Plain fields come first, then [tables], then [[lists of tables]], as TOML",
        "# needs. Every field and value: docs/reference/input.md; JSON Schema: dpup schema.",
        "# Records refer to each other by id (a collection's purposes, a disclosure's items).",
        "",
        'name = "Describe the activity here"',
    ]
    docs = field_docs(Activity)
    for field in _ordered(Activity):
        if field.name == "name":
            continue
        tp = field_type(Activity, field.name)
        kind = _kind(tp)
        lines.append("")
        if kind == "plain":
            value, what = _plain(tp)
            lines += _comment(f"{field.name}: {docs.get(field.name, '')} ({what})")
            lines.append(f"# {field.name} = {value}")
            continue
        lines += _comment(f"{field.name}: {docs.get(field.name, '')}")
        bare = _bare(tp)
        if kind == "records":
            lines += _record(_bare(typing.get_args(bare)[0]), f"[[{field.name}]]")
        else:
            lines += _record(bare, f"[{field.name}]")
    return "\n".join(lines) + "\n"
