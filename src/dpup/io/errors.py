"""Turning cattrs' and the model's validation errors into `Problem` lines with paths.

Messages name the expected type or the allowed values, never the value that was given.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from datetime import date, datetime

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from dpup.errors import InputError, Problem
from dpup.io.limits import _field_like, _names_shown
from dpup.model import InvalidValue

__all__: list[str] = []


class _WrongTypeError(TypeError):
    """A value of the wrong JSON/TOML type. The message names types, never the value."""


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return "a date"
    if value is None:
        return "null"
    return "a " + type(value).__name__


def _wrong(expected: str, value: object) -> _WrongTypeError:
    return _WrongTypeError(f"expected {expected}, got {_type_name(value)}")


def _did_you_mean(given: Iterable[object], choices: Sequence[str]) -> str:
    """Return `` (did you mean `x`?)`` naming the choices closest to ``given``, or ``""``.

    Only choices are named, never what was given, and only for given names that look like
    field names or values (`_field_like`): anything else is never compared.
    """
    found: list[str] = []
    names = (n for n in given if isinstance(n, str) and _field_like(n.replace("-", "_")))
    for name in sorted(names):
        folded = name.lower().replace("_", "-")
        by_fold = {c.lower().replace("_", "-"): c for c in choices}
        matches = difflib.get_close_matches(folded, list(by_fold), n=1)
        if matches and by_fold[matches[0]] not in found:
            found.append(by_fold[matches[0]])
    if not found:
        return ""
    return " (did you mean " + " or ".join(f"`{c}`" for c in found) + "?)"


def _describe(exc: BaseException) -> str:
    if isinstance(exc, _WrongTypeError | InvalidValue):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [f.name for f in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        hint = _did_you_mean(exc.extra_fields, known)
        return f"unknown field(s): {_names_shown(exc.extra_fields)}{hint}"
    if isinstance(exc, AttributeError):
        return "expected a table"
    # Anything else: name the kind of failure only; its message could quote the input.
    return "invalid value"


def _problems(exc: BaseException, path: str = "$") -> list[Problem]:
    """Flatten a cattrs validation error tree into problems with JSON paths."""
    if isinstance(exc, InputError):
        return [Problem(p.message, path + p.path[1:]) for p in exc.problems]
    if isinstance(exc, InvalidValue) and exc.field is not None:
        return [Problem(str(exc), f"{path}.{exc.field}")]
    if isinstance(exc, IterableValidationError | ClassValidationError):
        problems: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, IterableValidationNote):
                problems += _problems(sub, f"{path}[{note.index!r}]")
            else:
                problems += _problems(sub, f"{path}.{note.name}")
        for sub in without:
            problems += _problems(sub, path)
        return problems
    return [Problem(_describe(exc), path)]
