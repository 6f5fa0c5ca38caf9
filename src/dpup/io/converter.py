"""The one configured cattrs converter, with `structure` and `unstructure`.

Structuring hooks are strict, dates are YYYY-MM-DD only, and tables mark withheld cells.

A number where text is expected, text where a list is expected, an unknown key or an unknown
enum value is an error, never silently coerced; every problem in a document is gathered and
raised together as one `InputError`.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Literal, TypeVar, get_args, get_origin, overload

import attrs
import cattrs
from cattrs.errors import (
    BaseValidationError,
    IterableValidationError,
    IterableValidationNote,
)

from dpup._collector import collector_paused
from dpup._quick_structure import is_model_class, quick_hook
from dpup.disclosure_control import CrossTable, Table
from dpup.errors import InputError, Problem
from dpup.io.errors import _did_you_mean, _problems, _type_name, _wrong, _WrongTypeError
from dpup.io.limits import _limit_problems
from dpup.model import Activity, InvalidValue

__all__ = [
    "CONVERTER",
    "Format",
    "WITHHELD",
    "parse_date",
    "structure",
    "unstructure",
]

T = TypeVar("T")


Format = Literal["json", "toml", "yaml"]


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


_DATE_EXPECTED = "expected a date (YYYY-MM-DD)"


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
    try:
        number = float(value)
    except OverflowError:  # an integer too large for a float
        number = math.inf
    if not math.isfinite(number):
        # NaN and infinity pass every comparison check silently; refuse them instead.
        raise _WrongTypeError("expected a finite number")
    return number


def _iso_date(text: str) -> date | None:
    # date.fromisoformat takes more than YYYY-MM-DD from Python 3.11 on ("20260101",
    # "2026-W01-1", "20261231T1" ...): only the one form documents use is let through.
    if _DATE.fullmatch(text) is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:  # e.g. 2026-02-30
        return None


def parse_date(text: str) -> date:
    """Read a date written as YYYY-MM-DD, the only form dpup accepts as text.

    Python's `date.fromisoformat` also takes other ISO 8601 forms (``20260101``,
    ``2026-W01-1``) and ignores some trailing text; this does not. Use it wherever a date
    comes in as text, e.g. a command-line option.

    Raises:
        InputError: ``text`` is not a real date in the form YYYY-MM-DD (the message says
            so, without quoting ``text``). It is a `ValueError` too.
    """
    day = _iso_date(text)
    if day is None:
        raise InputError([Problem(_DATE_EXPECTED)])
    return day


def _structure_date(value: object, _: type) -> date:
    if isinstance(value, datetime):
        raise _wrong("a date (YYYY-MM-DD)", value)
    if isinstance(value, date):
        return value
    day = _iso_date(value) if isinstance(value, str) else None
    if day is None:
        raise _WrongTypeError(_DATE_EXPECTED)
    return day


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
        # Close to a value (a typo, another case, "_" for "-")? Name that value, not the input.
        raise _WrongTypeError(expected + _did_you_mean([value], list(by_value)))

    return structure_enum


def _unstructure_date(value: date) -> str:
    return value.isoformat()


def _is_tuple(tp: Any) -> bool:
    origin: object = get_origin(tp)
    return origin is tuple


_RECORD_MODULES = ("dpup.model", "dpup.disclosure_control")


def _is_record_class(tp: object) -> bool:
    """Whether ``tp`` is an attrs class of `dpup.model` or `dpup.disclosure_control`."""
    if not (isinstance(tp, type) and attrs.has(tp)):
        return False
    module = tp.__module__
    return any(module == m or module.startswith(m + ".") for m in _RECORD_MODULES)


def _not_table(value: object) -> Exception:
    """The error for a record given as something other than a table, naming only its type."""
    return _wrong("a table", value)


def _tables_only(hook: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Wrap a class's structure hook so anything but a table is refused by its type.

    A number or string given for a record is then "expected a table, got a number", not the
    bare "invalid value" the hook's own failure gives (the model's classes get the same
    through `quick_hook`'s ``not_table``).
    """

    def structure_table(value: Any, tp: Any) -> Any:
        if not isinstance(value, dict):
            raise _not_table(value)
        return hook(value, tp)

    return structure_table


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
    # The model's classes are built plainly, falling back to cattrs' detailed hook (which
    # lists every problem) only when something is wrong: see dpup._quick_structure.
    conv.register_structure_hook_factory(
        _is_record_class, lambda t: _tables_only(conv.gen_structure_attrs_fromdict(t))
    )
    # Registered after the factory above, so it serves the model's classes before it does.
    conv.register_structure_hook_factory(is_model_class, lambda t: quick_hook(conv, t, _not_table))
    # Registered last, so the generated Table hook it wraps uses the hooks above.
    conv.register_structure_hook(Table, _make_table_hook(conv))
    conv.register_structure_hook(CrossTable, _make_cross_table_hook(conv))
    return conv


WITHHELD = "suppressed"
"""How a withheld value is written in a table's published grid or totals in TOML.

TOML has no null, so a withheld (suppressed) cell or total is written as this string there;
JSON may use ``null`` as well. Either way it loads as ``None``, and dumps as ``None``.
"""


_TABLE_PUBLISHED_FIELDS = ("published", "row_totals", "column_totals")


def _withheld_to_none(value: object) -> object:
    if value == WITHHELD:
        return None
    if isinstance(value, list):
        return [_withheld_to_none(item) for item in value]
    return value


def _make_table_hook(converter: cattrs.Converter) -> Callable[[object, Any], Table]:
    generated = converter.get_structure_hook(Table)

    def structure_table(value: object, _: Any) -> Table:
        if isinstance(value, dict):
            value = {
                key: _withheld_to_none(item)
                if key in _TABLE_PUBLISHED_FIELDS or key == "grand_total"
                else item
                for key, item in value.items()
            }
        result: Table = generated(value, Table)
        return result

    return structure_table


def _make_cross_table_hook(converter: cattrs.Converter) -> Callable[[object, Any], CrossTable]:
    generated = converter.get_structure_hook(CrossTable)

    def structure_cross_table(value: object, _: Any) -> CrossTable:
        # Only the values inside the list may be the word: a bare "suppressed" in place of
        # the list is refused, never read as None (which would publish everything).
        if isinstance(value, dict) and isinstance(value.get("published"), list):
            value = {**value, "published": _withheld_to_none(value["published"])}
        result: CrossTable = generated(value, CrossTable)
        return result

    return structure_cross_table


CONVERTER = _make_converter()
"""The one converter used for every load, dump and renderer."""


@overload
def structure(data: object, cls: None = None, *, source: str | None = None) -> Activity: ...


@overload
def structure(data: object, cls: type[T], *, source: str | None = None) -> T: ...


def structure(data: object, cls: type[Any] | None = None, *, source: str | None = None) -> Any:
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
    too_big = _limit_problems(data)
    if too_big:
        raise InputError(too_big, source)
    return _structure_within_limits(data, cls, source)


def _structure_within_limits(
    data: dict[Any, Any], cls: type[Any] | None, source: str | None
) -> Any:
    """`structure` for a table already known to keep to the size limits."""
    target = Activity if cls is None else cls
    try:
        if target is not Activity:
            # One object, as a request path reads per call: the collector pause is for whole
            # documents, which can be large, and would cost a small object more than it saves.
            return CONVERTER.structure(data, target)
        with collector_paused():
            return CONVERTER.structure(data, target)
    except (BaseValidationError, InputError, _WrongTypeError, InvalidValue) as exc:
        raise InputError(_problems(exc), source) from None


def unstructure(obj: object) -> Any:
    """Turn a domain object into plain, JSON-ready data; facts not recorded are left out.

    ``structure(unstructure(x), type(x)) == x`` for every domain object.
    """
    return CONVERTER.unstructure(obj)
