"""Input and output: THE configured cattrs converter, and JSON/TOML loading.

Input is strict. A number where text is expected, text where a list is expected, an unknown
key or an unknown enum value is an error, never silently coerced. Every problem in a
document is gathered and raised together as one `InputError`, each as ``message @ $.path``.
Messages name the expected type or the allowed values, never the value that was given.
"""

from __future__ import annotations

import enum
import json
import tomllib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args, get_origin

import cattrs
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from dpup.errors import InputError, Problem
from dpup.findings import Waiver
from dpup.model import Activity
from dpup.model._validators import InvalidValue

__all__ = [
    "CONVERTER",
    "Format",
    "load",
    "load_waivers",
    "loads",
    "structure",
    "unstructure",
]

T = TypeVar("T")
Format = Literal["json", "toml"]


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


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _wrong("a string", value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _wrong("true or false", value)
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong("a whole number", value)
    return value


def _structure_float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong("a number", value)
    return float(value)


def _structure_date(value: object, _: type) -> date:
    if isinstance(value, datetime):
        raise _wrong("a date (YYYY-MM-DD)", value)
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _WrongTypeError("expected a date (YYYY-MM-DD)")


def _make_tuple_hook(
    converter: cattrs.Converter, tp: Any
) -> Callable[[object, Any], tuple[Any, ...]]:
    args: tuple[Any, ...] = get_args(tp)
    if len(args) != 2 or args[1] != Ellipsis:  # pragma: no cover - the model has none
        msg = "only homogeneous tuples (tuple[X, ...]) are supported"
        raise TypeError(msg)
    elem = args[0]
    structure_elem = converter.get_structure_hook(elem)

    def structure_tuple(value: object, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise _wrong("a list", value)
        out = []
        errors: list[Exception] = []
        for i, item in enumerate(value):
            try:
                out.append(structure_elem(item, elem))
            except Exception as exc:
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"Structuring {tp} @ index {i}", i, elem),
                ]
                errors.append(exc)
        if errors:
            msg = f"While structuring {tp!r}"
            raise IterableValidationError(msg, errors, tp)
        return tuple(out)

    return structure_tuple


def _make_enum_hook(tp: type[enum.Enum]) -> Callable[[object, Any], enum.Enum]:
    by_value = {m.value: m for m in tp}
    expected = "expected one of: " + ", ".join(str(v) for v in by_value)

    def structure_enum(value: object, _: Any) -> enum.Enum:
        # Enum(value) would put the rejected value in its message; name the choices instead.
        if isinstance(value, str) and value in by_value:
            return by_value[value]
        raise _WrongTypeError(expected)

    return structure_enum


def _unstructure_date(value: date) -> str:
    return value.isoformat()


def _is_tuple(tp: Any) -> bool:
    origin: object = get_origin(tp)
    return origin is tuple


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(
        forbid_extra_keys=True,
        omit_if_default=True,
        detailed_validation=True,
        prefer_attrib_converters=False,
    )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, _unstructure_date)
    conv.register_structure_hook_factory(_is_tuple, lambda t: _make_tuple_hook(conv, t))
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _make_enum_hook
    )
    return conv


CONVERTER = _make_converter()
"""The one converter used for every load, dump and renderer."""


def _describe(exc: BaseException) -> str:
    if isinstance(exc, _WrongTypeError | InvalidValue):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown field(s): {', '.join(sorted(exc.extra_fields))}"
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


def structure(data: object, cls: type[T] = Activity, *, source: str | None = None) -> T:  # type: ignore[assignment]  # the default type is Activity
    """Build a domain object of type ``cls`` from plain data (dicts, lists, strings, numbers).

    Args:
        data: the parsed document.
        cls: the type to build; an `Activity` unless said otherwise.
        source: where the data came from, for error messages.

    Raises:
        InputError: listing every problem found, each as ``message @ $.path``.
    """
    if not isinstance(data, dict):
        raise InputError([Problem(f"expected a table, got {_type_name(data)}")], source)
    try:
        return CONVERTER.structure(data, cls)
    except (BaseValidationError, InputError, _WrongTypeError, InvalidValue) as exc:
        raise InputError(_problems(exc), source) from None


def unstructure(obj: object) -> Any:
    """Turn a domain object into plain, JSON-ready data; facts not recorded are left out.

    ``structure(unstructure(x), type(x)) == x`` for every domain object.
    """
    return CONVERTER.unstructure(obj)


def _parse(text: str, fmt: Format, source: str | None) -> object:
    if fmt == "toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError([Problem(f"not valid TOML: {exc}")], source) from None
    if fmt == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                [Problem(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")],
                source,
            ) from None
    raise InputError([Problem("format must be 'json' or 'toml'")], source)


def loads(
    text: str,
    format: Format = "toml",  # noqa: A002 - the word users expect, as in json.loads
    cls: type[T] = Activity,  # type: ignore[assignment]  # the default type is Activity
    *,
    source: str | None = None,
) -> T:
    """Parse JSON or TOML text into a domain object (an `Activity` unless ``cls`` says).

    Raises:
        InputError: the text does not parse, or does not describe a valid object.
    """
    return structure(_parse(text, format, source), cls, source=source)


def _format_for(path: Path) -> Format:
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return "toml"
    if suffix == ".json":
        return "json"
    raise InputError([Problem("file name must end in .toml or .json")], str(path))


def load(path: str | Path, cls: type[T] = Activity) -> T:  # type: ignore[assignment]  # the default type is Activity
    """Read a ``.toml`` or ``.json`` file into a domain object (an `Activity` by default).

    Raises:
        InputError: the file does not parse or does not describe a valid object.
        OSError: the file cannot be read.
    """
    p = Path(path)
    return loads(p.read_text(encoding="utf-8"), _format_for(p), cls, source=str(p))


def load_waivers(path: str | Path) -> tuple[Waiver, ...]:
    """Read waivers from a file holding a ``waivers`` list of tables.

    Raises:
        InputError: the file does not parse or a waiver is invalid (e.g. has no reason).
    """
    p = Path(path)
    data = _parse(p.read_text(encoding="utf-8"), _format_for(p), str(p))
    if not isinstance(data, dict) or set(data) != {"waivers"}:
        raise InputError([Problem("expected a single 'waivers' list")], str(p))
    try:
        return CONVERTER.structure(data["waivers"], tuple[Waiver, ...])
    except (BaseValidationError, _WrongTypeError, InvalidValue) as exc:
        raise InputError(_problems(exc, "$.waivers"), str(p)) from None
