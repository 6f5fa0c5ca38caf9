"""Input and output: the configured cattrs converter, loading and the input limits.

Input is strict. A number where text is expected, text where a list is expected, an unknown
key or an unknown enum value is an error, never silently coerced. Every problem in a
document is gathered and raised together as one `InputError`, each as ``message @ $.path``.
Messages name the expected type or the allowed values, never the value that was given.

Input is also bounded. Documents larger than `MAX_INPUT_BYTES`, nested deeper than
`MAX_DEPTH`, with a list or table longer than `MAX_LIST_LENGTH` (`MAX_COUNT_LIST_LENGTH` for a
flat list of counts under ``raw`` or ``published``) or a string longer than
`MAX_STRING_LENGTH`, TOML with more than `MAX_TOML_SEPARATORS` separators or YAML with more
than `MAX_YAML_NODES` nodes, are refused with `InputError` before anything is built from them,
so hostile or broken input cannot exhaust memory, time or the interpreter's stack. The limits
are read on every call; assign a new value here to change one
(``dpup.serde.MAX_LIST_LENGTH = 50_000``).

And input can't hurt what comes after it: text holding a lone surrogate (which no UTF-8 output
could write), dates in any form but YYYY-MM-DD, and a key given twice in one table are refused
at their paths; keys, column names and parsers' complaints reach messages only in a safe form.

This module is the front of `dpup.io`, where each concern has its own module.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from dpup.io import limits as _limits
from dpup.io.converter import CONVERTER, WITHHELD, Format, parse_date, structure, unstructure
from dpup.io.files import (
    ITEM_COLUMNS,
    activity_from_items,
    load,
    load_items,
    load_waivers,
    loads,
)

__all__ = [
    "CONVERTER",
    "Format",
    "ITEM_COLUMNS",
    "MAX_COUNT_LIST_LENGTH",
    "MAX_DEPTH",
    "MAX_INPUT_BYTES",
    "MAX_LIST_LENGTH",
    "MAX_STRING_LENGTH",
    "MAX_TOML_SEPARATORS",
    "MAX_YAML_NODES",
    "WITHHELD",
    "activity_from_items",
    "load",
    "load_items",
    "load_waivers",
    "loads",
    "parse_date",
    "structure",
    "unstructure",
]

_LIMITS = frozenset(_limits.__all__)
"""The names forwarded to `dpup.io.limits`: every limit it exports."""


def _forwarded(name: str) -> property:
    """A property that reads and writes ``name`` in `dpup.io.limits`."""

    def read(_: types.ModuleType) -> Any:
        return getattr(_limits, name)

    def write(_: types.ModuleType, value: Any) -> None:
        setattr(_limits, name, value)

    return property(read, write, doc=f"`dpup.io.limits.{name}`, read and written there.")


class _Serde(types.ModuleType):
    """This module's type: its ``MAX_*`` names read and write `dpup.io.limits`.

    The limits are used where they are checked, in `dpup.io.limits` and the parsers; a value
    assigned here (or patched in a test) must reach them, as it did when they lived here.
    """


for _name in _LIMITS:
    setattr(_Serde, _name, _forwarded(_name))

sys.modules[__name__].__class__ = _Serde

if TYPE_CHECKING:  # the names forwarded above, as the type checker and readers see them
    MAX_COUNT_LIST_LENGTH = _limits.MAX_COUNT_LIST_LENGTH
    MAX_DEPTH = _limits.MAX_DEPTH
    MAX_INPUT_BYTES = _limits.MAX_INPUT_BYTES
    MAX_LIST_LENGTH = _limits.MAX_LIST_LENGTH
    MAX_STRING_LENGTH = _limits.MAX_STRING_LENGTH
    MAX_TOML_SEPARATORS = _limits.MAX_TOML_SEPARATORS
    MAX_YAML_NODES = _limits.MAX_YAML_NODES
