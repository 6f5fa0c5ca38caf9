"""Every allowed value of every input says, in one line, what recording it means.

The meanings come from the string written under each enum member in the model
(`dpup.io.schema.enum_members`); the input reference, the JSON Schemas and `dpup init` all show
them. A member added without one would leave a blank in all three.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any

import pytest

from dpup.io.schema import SCHEMA_KINDS, enum_members, schema

MAX_WORDS = 60
"""A meaning is one line: well under this many words (the longest today are under 50)."""


class _Shade(enum.Enum):
    """An enum with one member documented and one not, to show what a gap looks like."""

    LIGHT = "light"
    """Pale."""
    DARK = "dark"


def _enums(node: Any, name: str = "") -> Iterator[tuple[str, list[str], list[str]]]:
    """Yield every enumeration in a schema: its title, values and the meaning of each."""
    if isinstance(node, dict):
        if "enum" in node and "markdownEnumDescriptions" in node:
            yield node.get("title", name), node["enum"], node["markdownEnumDescriptions"]
        for key, value in node.items():
            yield from _enums(value, key)
    elif isinstance(node, list):
        for value in node:
            yield from _enums(value, name)


def _meanings(kind: str) -> dict[str, str]:
    return {
        f"{title}.{value}": meaning
        for title, values, meanings in _enums(schema(kind))
        for value, meaning in zip(values, meanings, strict=True)
    }


def test_the_schemas_have_allowed_values() -> None:
    """The walk below finds the activity's enumerations, so an empty result cannot pass."""
    meanings = _meanings("activity")
    assert "SharingGround.ot-s66c" in meanings
    assert len(meanings) > 300


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
def test_every_allowed_value_has_a_meaning(kind: str) -> None:
    """No allowed value is left without the line that says what it means."""
    blank = [value for value, meaning in _meanings(kind).items() if not meaning.strip()]
    assert blank == []


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
def test_meanings_are_one_line(kind: str) -> None:
    """A meaning is a line, not an essay: detail belongs in a later paragraph of the string."""
    long = [value for value, meaning in _meanings(kind).items() if len(meaning.split()) > MAX_WORDS]
    assert long == []


def test_a_member_without_a_string_has_a_blank_meaning() -> None:
    """A member with no string under it has an empty meaning, which the checks above report."""
    assert enum_members(_Shade) == {"light": "Pale.", "dark": ""}


def test_an_unasked_oranga_tamariki_disclosure_is_described() -> None:
    """The s 66C ground covers sharing asked for or not, as the section says."""
    meaning = _meanings("activity")["SharingGround.ot-s66c"]
    assert "s 66C" in meaning
    assert "asked or unasked" in meaning
