"""Input and output: THE configured cattrs converter, and JSON/TOML loading.

Input is strict. A number where text is expected, text where a list is expected, an unknown
key or an unknown enum value is an error, never silently coerced. Every problem in a
document is gathered and raised together as one `InputError`, each as ``message @ $.path``.
Messages name the expected type or the allowed values, never the value that was given.

Input is also bounded. Documents larger than `MAX_INPUT_BYTES`, nested deeper than
`MAX_DEPTH`, with a list or table longer than `MAX_LIST_LENGTH` or a string longer than
`MAX_STRING_LENGTH`, TOML with more than `MAX_TOML_SEPARATORS` separators or YAML with more
than `MAX_YAML_NODES` nodes, are refused with
`InputError` before anything is built from them, so hostile or broken input cannot exhaust
memory, time or the interpreter's stack. The limits are module constants; assign new values to
change them (they are read on every call).

And input can't hurt what comes after it: text holding a lone surrogate (which no UTF-8 output
could write), dates in any form but YYYY-MM-DD, and a key given twice in one table are refused
at their paths; keys, column names and parsers' complaints reach messages only in a safe form.
"""

from __future__ import annotations

import enum
import io
import json
import math
import re
import tomllib
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args, get_origin, overload

import cattrs
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from dpup._collector import collector_paused
from dpup._printable import printable
from dpup._quick_structure import is_model_class, quick_hook
from dpup.disclosure_control import Table
from dpup.errors import DpupTypeError, InputError, Problem
from dpup.findings import Waiver
from dpup.model import Activity, Collection, InformationItem, Purpose
from dpup.model._validators import InvalidValue

__all__ = [
    "CONVERTER",
    "Format",
    "MAX_DEPTH",
    "MAX_INPUT_BYTES",
    "MAX_LIST_LENGTH",
    "MAX_STRING_LENGTH",
    "MAX_TOML_SEPARATORS",
    "MAX_YAML_NODES",
    "WITHHELD",
    "load",
    "load_waivers",
    "loads",
    "parse_date",
    "structure",
    "unstructure",
]

T = TypeVar("T")
Format = Literal["json", "toml", "yaml"]

MAX_INPUT_BYTES = 16 * 1024 * 1024
"""The largest document accepted, in bytes of UTF-8 text (16 MiB)."""
MAX_DEPTH = 32
"""The deepest nesting of tables and lists accepted; the top-level table is level 1.

dpup's own documents nest at most eight levels deep (an insight's table's rows)."""
MAX_LIST_LENGTH = 10_000
"""The most entries accepted in any one list, or keys in any one table."""
MAX_STRING_LENGTH = 100_000
"""The longest string accepted (values and keys), in characters."""
MAX_YAML_NODES = 500_000
"""The most nodes (values, lists and tables, keys included) accepted in one YAML document.

YAML costs far more to read than JSON per value, so it is bounded by what it holds as well as
by its size. Without libyaml, PyYAML's pure-Python reader is used, about ten times slower:
then YAML is also held to an eighth of this and of `MAX_INPUT_BYTES`."""

MAX_TOML_SEPARATORS = 500_000
"""The most separators (``=``, ``,``, ``[`` and line breaks) accepted in one TOML document.

Python's TOML reader costs a few microseconds per value, list and table, so a document at
`MAX_INPUT_BYTES` made of millions of one-character values would take tens of seconds. Every
value, list and table needs at least one of these separators, so counting them (a fast scan
of the text, before parsing) bounds the work; the limit is far above what any activity needs."""

_SLOW_YAML_SHARE = 8
"""How much tighter the YAML limits are when PyYAML has no libyaml (see `MAX_YAML_NODES`)."""

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_EXPECTED = "expected a date (YYYY-MM-DD)"
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NOT_UTF8 = "text holds a lone surrogate, which cannot be written as UTF-8"
_KEY_NOT_UTF8 = "a key holds a lone surrogate, which cannot be written as UTF-8"


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
    # The model's classes are built plainly, falling back to cattrs' detailed hook (which
    # lists every problem) only when something is wrong: see dpup._quick_structure.
    conv.register_structure_hook_factory(is_model_class, lambda t: quick_hook(conv, t))
    # Registered last, so the generated Table hook it wraps uses the hooks above.
    conv.register_structure_hook(Table, _make_table_hook(conv))
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


CONVERTER = _make_converter()
"""The one converter used for every load, dump and renderer."""


def _describe(exc: BaseException) -> str:
    if isinstance(exc, _WrongTypeError | InvalidValue):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown field(s): {_names_shown(exc.extra_fields)}"
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


_NAMES_SHOWN = 10
"""The most unknown field or column names one message lists."""


def _field_like(key: object) -> bool:
    """Whether a key from the input may be shown: a short identifier, like a field name.

    Anything else (free text with spaces, a name, a number, control characters) is shown as
    ``[?]``, so neither paths nor messages echo the input's own text.
    """
    return isinstance(key, str) and key.isidentifier() and len(key) <= 64


def _names_shown(names: Iterable[object]) -> str:
    """List names from the input for a message: field-like ones as they are, others as [?]."""
    shown = sorted(str(n) if _field_like(n) else "[?]" for n in names)
    if len(shown) > _NAMES_SHOWN:
        return ", ".join(shown[:_NAMES_SHOWN]) + f" and {len(shown) - _NAMES_SHOWN} more"
    return ", ".join(shown)


class _Trail:
    """A path into a document, turned into text only when a problem needs it."""

    __slots__ = ("index", "key", "parent")

    def __init__(self, parent: _Trail | None, key: object, *, index: bool) -> None:
        self.parent = parent
        self.key = key
        self.index = index

    def path(self, root: str) -> str:
        parts: list[str] = []
        trail: _Trail | None = self
        while trail is not None:
            key = trail.key
            if trail.index:
                parts.append(f"[{key}]")
            elif _field_like(key):
                parts.append(f".{key}")
            else:
                # Keys come from the input: quote only field-like ones, never free text.
                parts.append("[?]")
            trail = trail.parent
        return root + "".join(reversed(parts))


def _where(trail: _Trail | None, root: str) -> str:
    return root if trail is None else trail.path(root)


def _writable(text: str) -> bool:
    r"""Whether ``text`` can be written as UTF-8: it holds no lone surrogate.

    A JSON or YAML escape such as ``\ud800`` (or a Python string) can put half of a
    surrogate pair into a string; no UTF-8 output could hold it, so it is refused at load.
    """
    return text.isascii() or _SURROGATE.search(text) is None


def _within_limits(data: object, max_depth: int, max_length: int, max_string: int) -> bool:
    """Whether ``data`` keeps to every size limit: the quick pass, with no paths kept."""
    if isinstance(data, str):
        return len(data) <= max_string and _writable(data)
    if not isinstance(data, dict | list | tuple):
        return True
    stack: list[tuple[dict[Any, Any] | list[Any] | tuple[Any, ...], int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > max_depth or len(value) > max_length:
            return False
        if isinstance(value, dict):
            for key in value:
                if isinstance(key, str) and (
                    len(key) > max_string or not (key.isascii() or _writable(key))
                ):
                    return False
            items: Iterable[object] = value.values()
        else:
            items = value
        for item in items:
            if isinstance(item, str):
                # isascii() first: most text is ASCII, and the inline test saves a call.
                if len(item) > max_string or not (item.isascii() or _writable(item)):
                    return False
            elif isinstance(item, dict | list | tuple):
                stack.append((item, depth + 1))
    return True


def _limit_problems(data: object, root: str = "$") -> list[Problem]:
    """Return a problem for every place ``data`` exceeds the documented size limits.

    The walk is iterative (no recursion, so any depth is safe) and stops descending at the
    first limit a branch breaks, so its cost is bounded by the limits themselves.

    Args:
        data: parsed plain data (dicts, lists, strings, numbers ...).
        root: the path of ``data`` itself, for problem paths.
    """
    max_depth, max_length, max_string = MAX_DEPTH, MAX_LIST_LENGTH, MAX_STRING_LENGTH
    if _within_limits(data, max_depth, max_length, max_string):
        return []
    # Something is too big: walk again, this time keeping track of where each value sits.
    return _located_limit_problems(data, root, max_depth, max_length, max_string)


def _located_limit_problems(
    data: object, root: str, max_depth: int, max_length: int, max_string: int
) -> list[Problem]:
    problems: list[Problem] = []
    stack: list[tuple[object, int, _Trail | None]] = [(data, 1, None)]
    while stack:
        value, depth, trail = stack.pop()
        if isinstance(value, str):
            if len(value) > max_string:
                where = _where(trail, root)
                problems.append(Problem(f"text longer than {max_string} characters", where))
            elif not _writable(value):
                problems.append(Problem(_NOT_UTF8, _where(trail, root)))
            continue
        if not isinstance(value, dict | list | tuple):
            continue
        if depth > max_depth:
            where = _where(trail, root)
            problems.append(Problem(f"nested more than {max_depth} levels deep", where))
            continue
        if len(value) > max_length:
            where = _where(trail, root)
            problems.append(Problem(f"more than {max_length} entries", where))
            continue
        if isinstance(value, dict):
            children: list[tuple[object, int, _Trail | None]] = []
            for key, item in value.items():
                if isinstance(key, str) and len(key) > max_string:
                    where = _where(trail, root)
                    problems.append(Problem(f"a key longer than {max_string} characters", where))
                    continue
                if isinstance(key, str) and not _writable(key):
                    where = _where(trail, root)
                    problems.append(Problem(_KEY_NOT_UTF8, where))
                    continue
                children.append((item, depth + 1, _Trail(trail, key, index=False)))
            stack.extend(reversed(children))
        else:
            stack.extend(
                (item, depth + 1, _Trail(trail, i, index=True))
                for i, item in reversed(list(enumerate(value)))
            )
    return problems


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


def _too_large(size: int, source: str | None) -> InputError:
    return InputError(
        [Problem(f"the document is {size} bytes; the limit is {MAX_INPUT_BYTES} bytes")], source
    )


def _check_size(text: str, source: str | None) -> None:
    # A character is at most 4 bytes of UTF-8, so most texts need no encoding to measure.
    if len(text) * 4 <= MAX_INPUT_BYTES:
        return
    size = len(text) if len(text) > MAX_INPUT_BYTES else len(text.encode("utf-8", "replace"))
    if size > MAX_INPUT_BYTES:
        raise _too_large(size, source)


def _parse(text: str, fmt: Format, source: str | None) -> object:
    """Parse ``text``, refusing it unparsed when it is over `MAX_INPUT_BYTES`.

    The parsers recurse once per level of nesting; a document nested deeply enough to exhaust
    the stack (far past `MAX_DEPTH`) becomes an InputError, not a RecursionError.
    """
    _check_size(text, source)
    try:
        return _parse_text(text, fmt, source)
    except RecursionError:
        msg = f"nested more than {MAX_DEPTH} levels deep"
        raise InputError([Problem(msg)], source) from None


def _parse_text(text: str, fmt: Format, source: str | None) -> object:
    if fmt == "toml":
        separators = text.count("=") + text.count(",") + text.count("[") + text.count("\n")
        if separators > MAX_TOML_SEPARATORS:
            msg = (
                f"the document holds more than {MAX_TOML_SEPARATORS} values, lists and tables "
                "(counted by their separators)"
            )
            raise InputError([Problem(msg)], source)
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError([Problem(_toml_message(exc))], source) from None
        except ValueError:  # e.g. an integer past Python's digit limit
            raise InputError([Problem("not valid TOML: a value is out of range")], source) from None
    if fmt == "json":
        return _parse_json(text, source)
    if fmt == "yaml":
        return _parse_yaml(text, source)
    raise InputError([Problem("format must be 'json', 'toml' or 'yaml'")], source)


_OPENING = re.compile(r"['\"(\[{]")
_GRAMMAR = re.compile(r"'[!-/:-@\[-`{-~]{1,3}'")
"""A quoted token of one to three punctuation marks, such as ``'='`` or ``']]'``."""
_TRUNCATED_READS = {
    # tomllib ends these with the keys they name; cut there, they read better reworded.
    "Cannot declare": "Cannot declare a table twice",
    "Cannot mutate immutable namespace": "Cannot add to an inline table or array",
    "Cannot redefine namespace": "Cannot redefine a table",
}
_TOML_WHERE = re.compile(r"(.*) \(at (line \d+, column \d+|end of document)\)", re.DOTALL)


def _parser_detail(message: str) -> str:
    r"""Return a parser's description of a syntax error, cut before any text it quotes.

    Parsers quote the input in some messages (tomllib: ``Cannot declare ('a', 'b') twice``,
    ``Illegal character '\x1b'``). Only quoted grammar tokens (``'='``, ``']]'``) are
    kept; the message is cut at anything else quoted or bracketed, then made printable.
    """
    pos = 0
    while (opening := _OPENING.search(message, pos)) is not None:
        token = _GRAMMAR.match(message, opening.start())
        if token is None:
            message = message[: opening.start()]
            break
        pos = token.end()
    message = message.rstrip(" :")
    return printable(_TRUNCATED_READS.get(message, message), limit=80)


def _toml_message(exc: tomllib.TOMLDecodeError) -> str:
    found = _TOML_WHERE.fullmatch(str(exc))
    if found is None:  # pragma: no cover - another Python's tomllib words its errors otherwise
        return f"not valid TOML: {_parser_detail(str(exc))}"
    detail, where = found.groups()
    return f"not valid TOML: {_parser_detail(detail)} ({where})"


_DUPLICATES_SHOWN = 100
"""The most duplicate keys one error lists; a last problem counts the rest."""


def _duplicate_problems(paths: Iterable[str], count: int) -> list[Problem]:
    shown = sorted(paths)[:_DUPLICATES_SHOWN]
    problems = [Problem("duplicate key", path) for path in shown]
    if count > len(shown):
        problems.append(Problem(f"{count - len(shown)} more duplicate keys"))
    return problems


class _Duplicates:
    """The tables a parser found with a key given twice, and which keys, by table identity.

    The tables themselves are held too, so their ids stay theirs until the paths are found.
    """

    __slots__ = ("count", "keys", "tables")

    def __init__(self) -> None:
        self.count = 0
        self.keys: dict[int, set[object]] = {}
        self.tables: list[object] = []

    def add(self, table: object, key: object) -> None:
        found = self.keys.get(id(table))
        if found is None:
            self.tables.append(table)
            self.keys[id(table)] = found = set()
        if key not in found:
            found.add(key)
            self.count += 1

    def problems(self, data: object) -> list[Problem]:
        """Return a "duplicate key" problem at the path of each repeated key in ``data``."""
        paths: list[str] = []
        stack: list[tuple[object, _Trail | None]] = [(data, None)]
        while stack and len(paths) < _DUPLICATES_SHOWN:
            value, trail = stack.pop()
            if isinstance(value, dict):
                paths.extend(
                    _Trail(trail, key, index=False).path("$")
                    for key in self.keys.get(id(value), ())
                )
                stack.extend((v, _Trail(trail, k, index=False)) for k, v in value.items())
            elif isinstance(value, list):
                stack.extend((v, _Trail(trail, i, index=True)) for i, v in enumerate(value))
        return _duplicate_problems(paths, self.count)


class _DuplicateKey(Exception):  # noqa: N818 - a signal inside the reader, never raised out
    """A key appeared twice in one JSON table: read the document again, noting each one."""


def _first_pass_table(pairs: list[tuple[str, object]]) -> dict[str, object]:
    made = dict(pairs)
    if len(made) != len(pairs):
        raise _DuplicateKey
    return made


_FIRST_PASS = json.JSONDecoder(object_pairs_hook=_first_pass_table)
"""One reader, made once, for the common case: a document with no key given twice. Making a
reader per call (as the second pass below does, to note every duplicate) costs more than
reading a small event."""


def _parse_json(text: str, source: str | None) -> object:
    # `json.loads` refuses a leading byte-order mark, and the bare decoder does not: such a
    # text takes the second pass, which reports it.
    if not text.startswith("\ufeff"):
        try:
            return _FIRST_PASS.decode(text)
        except (_DuplicateKey, ValueError):
            pass  # read again below, to report every problem with its path
    duplicates = _Duplicates()

    def table(pairs: list[tuple[str, object]]) -> dict[str, object]:
        made = dict(pairs)
        if len(made) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    duplicates.add(made, key)
                seen.add(key)
        return made

    try:
        data = json.loads(text, object_pairs_hook=table)
    except json.JSONDecodeError as exc:
        detail = _parser_detail(exc.msg)
        problem = Problem(f"not valid JSON: {detail} (line {exc.lineno}, column {exc.colno})")
        raise InputError([problem], source) from None
    except ValueError:  # e.g. an integer past Python's digit limit
        raise InputError([Problem("not valid JSON: a value is out of range")], source) from None
    if duplicates.count:
        raise InputError(duplicates.problems(data), source)
    return data


def _parse_yaml(text: str, source: str | None) -> object:
    """Read YAML text into plain data, bounded by `MAX_YAML_NODES` and `MAX_DEPTH`.

    The events of PyYAML's safe parser (libyaml's when PyYAML has it) are built into data
    here, one at a time, with no recursion: so a document is refused at the first node past
    a limit, having cost no more than the limit allows. Only plain data is built: tables,
    lists, strings, numbers, booleans, null and dates. Aliases (``*name``), merge keys
    (``<<``), tags that build anything else, keys that are lists or tables, and a key given
    twice in one table are refused.
    """
    try:
        import yaml  # noqa: PLC0415 - optional: the dpup[yaml] extra
    except ImportError:
        msg = "reading YAML needs the dpup[yaml] extra (pip install 'dpup[yaml]')"
        raise InputError([Problem(msg)], source) from None
    max_nodes = MAX_YAML_NODES
    if getattr(yaml, "__with_libyaml__", False):
        loader_class = yaml.CSafeLoader
    else:
        loader_class = yaml.SafeLoader
        max_nodes //= _SLOW_YAML_SHARE
        max_bytes = MAX_INPUT_BYTES // _SLOW_YAML_SHARE
        if len(text) * 4 > max_bytes:
            size = len(text.encode("utf-8", "replace"))
            if size > max_bytes:
                msg = (
                    f"the document is {size} bytes; YAML read without libyaml is limited to "
                    f"{max_bytes} bytes"
                )
                raise InputError([Problem(msg)], source)
    try:
        loader = loader_class(text)
        try:
            data, duplicates = _YamlBuilder(loader, yaml, max_nodes, MAX_DEPTH).document()
        finally:
            loader.dispose()
    except _YamlRefusedError as exc:
        raise InputError([Problem(exc.message, exc.path)], source) from None
    except yaml.YAMLError as exc:
        if "nesting depth" in str(getattr(exc, "problem", "")):  # libyaml's own limit (1000)
            raise InputError(
                [Problem(f"nested more than {MAX_DEPTH} levels deep")], source
            ) from None
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 1}, column {where.column + 1})" if where else ""
        raise InputError([Problem(f"not valid YAML{line}")], source) from None
    except UnicodeError:  # libyaml is handed UTF-8: a lone surrogate cannot be
        raise InputError([Problem(f"not valid YAML: {_NOT_UTF8}")], source) from None
    except ValueError:  # e.g. an integer past Python's digit limit
        raise InputError([Problem("not valid YAML: a value is out of range")], source) from None
    if duplicates:
        raise InputError(duplicates, source)
    return data


class _YamlRefusedError(Exception):
    """YAML that parses but that dpup refuses: a message, and the path where it was met."""

    def __init__(self, message: str, path: str) -> None:
        self.message = message
        self.path = path
        super().__init__(message)


_YAML = "tag:yaml.org,2002:"
_YAML_SCALARS = frozenset(_YAML + t for t in ("int", "float", "bool", "null", "timestamp"))
_YAML_TAG_REFUSED = "not valid YAML: tags (!name) other than plain data are not supported"
_NO_KEY = object()


class _EveryCharacter:
    def __contains__(self, _: object) -> bool:  # pragma: no cover - PyYAML 6 has no wildcard
        return True


_EVERY_CHARACTER = _EveryCharacter()
_YAML_REMEMBERED = 1024
"""Plain scalars' built values remembered at once while one YAML document is read."""
_YAML_REMEMBERED_LENGTH = 32
"""Longer plain scalars are not remembered."""


class _YamlBuilder:
    """Builds plain data from a PyYAML loader's events, counting every node it makes.

    Each open list or table is a frame ``[container, trail, pending key]``; a table's pending
    key is `_NO_KEY` while it waits for a key. Scalars are resolved exactly as PyYAML's
    ``SafeLoader`` resolves them (``yes`` is a string, ``2026-01-01`` a date ...).
    """

    def __init__(self, loader: Any, yaml: Any, max_nodes: int, max_depth: int) -> None:
        self.loader = loader
        self.yaml = yaml
        self.max_nodes = max_nodes
        self.max_depth = max_depth
        self.duplicates: set[str] = set()
        # Plain scalars whose first character no implicit resolver starts with are strings:
        # PyYAML's resolver looks its patterns up by first character, and so does this.
        # (SafeLoader has no resolver for every first character, keyed None; were one added,
        # the set would hold None and nothing would skip it.)
        firsts = frozenset(loader.yaml_implicit_resolvers)
        self.resolved_firsts = firsts if None not in firsts else _EVERY_CHARACTER
        self.resolved: dict[str, object] = {}

    def document(self) -> tuple[object, list[Problem]]:
        """Return the stream's one document (None when there is none) and its duplicate keys."""
        yaml = self.yaml
        get = self.loader.get_event
        get()  # the stream's start
        event = get()
        if isinstance(event, yaml.StreamEndEvent):
            return None, []
        data = self._node()
        get()  # the document's end
        event = get()
        if not isinstance(event, yaml.StreamEndEvent):
            raise _YamlRefusedError("not valid here: more than one YAML document", "$")
        duplicates = self.duplicates
        return data, _duplicate_problems(duplicates, len(duplicates)) if duplicates else []

    def _scalar(self, event: Any, frame: list[Any] | None) -> object:
        tag = event.tag
        value: str = event.value
        if tag is None or tag == "!":
            if not event.implicit[0]:  # quoted, or the non-specific "!" tag: a string
                return value
            if value and value[0] not in self.resolved_firsts:
                return value
            # Short plain scalars repeat (true, 0, null ...); what they build is immutable.
            found = self.resolved.get(value, _NO_KEY)
            if found is not _NO_KEY:
                return found
            tag = self.loader.resolve(self.yaml.ScalarNode, value, event.implicit)
            built = self._tagged(tag, event, frame)
            if len(value) <= _YAML_REMEMBERED_LENGTH:
                if len(self.resolved) >= _YAML_REMEMBERED:
                    self.resolved.clear()
                self.resolved[value] = built
            return built
        return self._tagged(tag, event, frame)

    def _tagged(self, tag: str, event: Any, frame: list[Any] | None) -> object:
        if tag == _YAML + "str":
            return event.value
        if tag in _YAML_SCALARS:
            node = self.yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
            return self.loader.yaml_constructors[tag](self.loader, node)
        if tag == _YAML + "merge":
            msg = "not valid here: YAML merge keys (<<) are not supported"
            raise _YamlRefusedError(msg, _yaml_path(frame))
        # Binary, sets, Python objects, local tags ...
        raise _YamlRefusedError(_YAML_TAG_REFUSED, _yaml_path(frame))

    def _key(self, frame: list[Any], key: object) -> None:
        if key in frame[0]:
            self.duplicates.add(_Trail(frame[1], key, index=False).path("$"))
        frame[2] = key

    def _node(self) -> object:
        """Build one node (the document's root) from the events, with no recursion."""
        yaml = self.yaml
        get = self.loader.get_event
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        sequence_start, mapping_start = yaml.SequenceStartEvent, yaml.MappingStartEvent
        collection_tags = {sequence_start: _YAML + "seq", mapping_start: _YAML + "map"}
        ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
        nodes_left, max_depth = self.max_nodes, self.max_depth
        frames: list[list[Any]] = []
        frame: list[Any] | None = None
        while True:
            event = get()
            kind = type(event)
            if kind in ends:
                done = frames.pop()
                if not frames:
                    return done[0]
                frame = frames[-1]
                continue
            nodes_left -= 1
            if nodes_left < 0:
                msg = f"more than {self.max_nodes} YAML nodes (values, lists and tables)"
                raise _YamlRefusedError(msg, _yaml_path(frame))
            if kind is scalar_event:
                value = self._scalar(event, frame)
                if frame is None:
                    return value
                if type(frame[0]) is list:
                    frame[0].append(value)
                elif frame[2] is _NO_KEY:
                    self._key(frame, value)
                else:
                    frame[0][frame[2]] = value
                    frame[2] = _NO_KEY
                continue
            if kind is alias_event:
                msg = "not valid here: YAML aliases (*name) are not supported"
                raise _YamlRefusedError(msg, _yaml_path(frame))
            if kind is not sequence_start and kind is not mapping_start:  # pragma: no cover
                raise _YamlRefusedError("not valid YAML", _yaml_path(frame))
            if event.tag not in (None, "!", collection_tags[kind]):
                raise _YamlRefusedError(_YAML_TAG_REFUSED, _yaml_path(frame))
            if len(frames) >= max_depth:
                msg = f"nested more than {max_depth} levels deep"
                raise _YamlRefusedError(msg, _yaml_path(frame))
            frame = _open([] if kind is sequence_start else {}, frame)
            frames.append(frame)


def _open(opened: list[Any] | dict[Any, Any], frame: list[Any] | None) -> list[Any]:
    """Put a new list or table where ``frame`` takes its next node; return the new frame."""
    if frame is None:
        return [opened, None, _NO_KEY]
    container, trail, key = frame
    if type(container) is list:
        trail = _Trail(trail, len(container), index=True)
        container.append(opened)
    elif key is _NO_KEY:
        msg = "not valid here: a YAML key must be a single value, not a list or table"
        raise _YamlRefusedError(msg, _yaml_path(frame))
    else:
        trail = _Trail(trail, key, index=False)
        container[key] = opened
        frame[2] = _NO_KEY
    return [opened, trail, _NO_KEY]


def _yaml_path(frame: list[Any] | None) -> str:
    """The path of the next node a YAML frame would take in."""
    if frame is None:
        return "$"
    container, trail, key = frame
    if type(container) is list:
        return _Trail(trail, len(container), index=True).path("$")
    if key is _NO_KEY:
        return _where(trail, "$")
    return _Trail(trail, key, index=False).path("$")


def _read(path: Path, encoding: str = "utf-8") -> str:
    """Read a text file of at most `MAX_INPUT_BYTES`, without touching its line endings.

    The file is read in binary up to one byte past the limit, so an oversized (or endless)
    file is refused without being read whole.

    Raises:
        InputError: the file is too large or is not UTF-8 text.
        OSError: the file cannot be read.
    """
    with path.open("rb") as handle:
        data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(path.stat().st_size if path.is_file() else len(data), str(path))
    return _decoded(data, encoding, str(path))


def _read_document(path: Path) -> str:
    # Universal newlines, as Path.read_text gives: "\r\n" and "\r" become "\n".
    return io.StringIO(_read(path), newline=None).read()


@overload
def loads(
    text: str | bytes, format: Format = ..., cls: None = None, *, source: str | None = None
) -> Activity: ...
@overload
def loads(text: str | bytes, format: Format, cls: type[T], *, source: str | None = None) -> T: ...
@overload
def loads(
    text: str | bytes, format: Format = ..., *, cls: type[T], source: str | None = None
) -> T: ...
def loads(
    text: str | bytes,
    format: Format = "toml",  # noqa: A002 - the word users expect, as in json.loads
    cls: type[Any] | None = None,
    *,
    source: str | None = None,
) -> Any:
    """Parse TOML, JSON or YAML text into a domain object (an `Activity` unless ``cls`` says).

    ``text`` may be bytes, which must be UTF-8 (as a file's would be); they are measured
    against `MAX_INPUT_BYTES` before they are decoded.

    Raises:
        InputError: the text does not parse, or does not describe a valid object; or the
            bytes are not UTF-8.
        DpupTypeError: ``text`` is neither text nor bytes (``None``, say). It is a
            `TypeError` too.
    """
    return structure(_parse(_text_of(text, source), format, source), cls, source=source)


def _text_of(text: object, source: str | None) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray | memoryview):
        data = bytes(text)
        if len(data) > MAX_INPUT_BYTES:
            raise _too_large(len(data), source)
        return _decoded(data, "utf-8", source)
    msg = f"text must be a str or UTF-8 bytes, not {type(text).__name__}"
    raise DpupTypeError(msg)


def _decoded(data: bytes, encoding: str, source: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        problem = Problem(f"not valid UTF-8 text (at byte {exc.start})")
        raise InputError([problem], source) from None


def _format_for(path: Path) -> Format:
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return "toml"
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    raise InputError([Problem("file name must end in .toml, .json, .yaml or .yml")], str(path))


@overload
def load(path: str | Path, cls: None = None) -> Activity: ...
@overload
def load(path: str | Path, cls: type[T]) -> T: ...
def load(path: str | Path, cls: type[Any] | None = None) -> Any:
    """Read a ``.toml`` or ``.json`` file into a domain object (an `Activity` by default).

    Raises:
        InputError: the file does not parse or does not describe a valid object.
        OSError: the file cannot be read.
    """
    p = Path(path)
    fmt = _format_for(p)
    return loads(_read_document(p), fmt, cls, source=str(p))


def load_waivers(path: str | Path) -> tuple[Waiver, ...]:
    """Read waivers from a file holding a ``waivers`` list of tables.

    Raises:
        InputError: the file does not parse or a waiver is invalid (e.g. has no reason).
    """
    p = Path(path)
    fmt = _format_for(p)
    data = _parse(_read_document(p), fmt, str(p))
    if not isinstance(data, dict) or set(data) != {"waivers"}:
        raise InputError([Problem("expected a single 'waivers' list")], str(p))
    too_big = _limit_problems(data["waivers"], "$.waivers")
    if too_big:
        raise InputError(too_big, str(p))
    try:
        return CONVERTER.structure(data["waivers"], tuple[Waiver, ...])
    except (BaseValidationError, _WrongTypeError, InvalidValue) as exc:
        raise InputError(_problems(exc, "$.waivers"), str(p)) from None


ITEM_COLUMNS = (
    "name",
    "category",
    "identifiability",
    "sensitivity",
    "purposes",
    "justification",
    "required",
)
"""Columns a data-dictionary CSV may have. Only ``name`` is required; an empty cell means
"not recorded". List cells (purposes, sensitivity) separate values with semicolons."""

_LIST_COLUMNS = frozenset({"purposes", "sensitivity"})
_TRUE = frozenset({"yes", "y", "true", "required", "1"})
_FALSE = frozenset({"no", "n", "false", "optional", "0"})


def load_items(path: str | Path) -> tuple[InformationItem, ...]:
    """Read a data dictionary (CSV, one information item per row) into `InformationItem`s.

    Columns are those in `ITEM_COLUMNS` (a header row is required; unknown columns are an
    error). ``required`` takes yes/no (or true/false); list cells separate values with ``;``.

    Raises:
        InputError: listing every problem, with paths like ``$[3].identifiability`` (the
            fourth data row).
    """
    import csv  # noqa: PLC0415 - only data dictionaries need it

    p = Path(path)
    reader = csv.DictReader(io.StringIO(_read(p, "utf-8-sig"), newline=""))
    problems: list[Problem] = []
    rows: list[dict[str, object]] = []
    try:
        header = [h.strip() for h in reader.fieldnames or ()]
        if "name" not in header:
            problems.append(Problem("the header must include a 'name' column"))
        unknown = set(header) - set(ITEM_COLUMNS)
        if unknown:
            # A header is input too: a file with no header row has a person's details here.
            problems.append(Problem(f"unknown column(s): {_names_shown(unknown)}"))
        if problems:
            raise InputError(problems, str(p))
        for i, raw in enumerate(reader):
            if i == MAX_LIST_LENGTH:
                raise InputError([Problem(f"more than {MAX_LIST_LENGTH} rows")], str(p))
            rows.append(_item_row(raw, i, problems))
    except csv.Error:
        # csv's messages are about structure (quotes, field size), but name the row only.
        problem = Problem(f"not valid CSV (line {reader.line_num})")
        raise InputError([problem], str(p)) from None
    too_big = _limit_problems(rows)
    if too_big:
        raise InputError(too_big, str(p))
    # Items are told apart by name (disclosures and corrections refer to them by it).
    seen: set[object] = set()
    for i, row in enumerate(rows):
        name = row.get("name")
        if isinstance(name, str) and name in seen:
            problems.append(Problem("duplicate item name", f"$[{i}].name"))
        seen.add(name)
    try:
        items = CONVERTER.structure(rows, tuple[InformationItem, ...])
    except (BaseValidationError, _WrongTypeError, InvalidValue) as exc:
        problems += _problems(exc)
    if problems:
        raise InputError(sorted(problems, key=lambda pr: pr.path), str(p))
    return items


def _item_row(raw: dict[str | None, Any], i: int, problems: list[Problem]) -> dict[str, object]:
    row: dict[str, object] = {}
    for key, value in raw.items():
        if key is None:
            problems.append(Problem("more cells than header columns", f"$[{i}]"))
            continue
        cell = (value or "").strip()
        if not cell:
            continue
        column = key.strip()
        if column in _LIST_COLUMNS:
            row[column] = [v.strip() for v in cell.split(";") if v.strip()]
        elif column == "required":
            lowered = cell.casefold()
            if lowered in _TRUE | _FALSE:
                row[column] = lowered in _TRUE
            else:
                problems.append(Problem("expected yes or no", f"$[{i}].required"))
        else:
            row[column] = cell
    return row


def activity_from_items(name: str, items: tuple[InformationItem, ...]) -> Activity:
    """Wrap a data dictionary's items in an activity with one collection.

    Every purpose id the items name becomes a purpose with nothing else recorded, so the
    purpose checks ask for the missing statements instead of failing on dangling ids.
    """
    purpose_ids = sorted({pid for item in items for pid in item.purposes or ()})
    return Activity(
        name=name,
        purposes=tuple(Purpose(pid) for pid in purpose_ids),
        collections=(Collection(id="data-dictionary", items=items),),
    )
