"""Input and output: THE configured cattrs converter, and JSON/TOML loading.

Input is strict. A number where text is expected, text where a list is expected, an unknown
key or an unknown enum value is an error, never silently coerced. Every problem in a
document is gathered and raised together as one `InputError`, each as ``message @ $.path``.
Messages name the expected type or the allowed values, never the value that was given.

Input is also bounded. Documents larger than `MAX_INPUT_BYTES`, nested deeper than
`MAX_DEPTH`, with a list or table longer than `MAX_LIST_LENGTH` or a string longer than
`MAX_STRING_LENGTH` are refused with `InputError` before anything is built from them, so
hostile or broken input cannot exhaust memory or the interpreter's stack. The limits are
module constants; assign new values to change them (they are read on every call).
"""

from __future__ import annotations

import contextlib
import enum
import gc
import io
import json
import math
import threading
import tomllib
from collections.abc import Callable, Iterable, Iterator
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

from dpup.disclosure_control import Table
from dpup.errors import InputError, Problem
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
    "WITHHELD",
    "load",
    "load_waivers",
    "loads",
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
        # YAML keys need not be strings (``0:`` is an integer key): show them as text.
        return f"unknown field(s): {', '.join(sorted(str(k) for k in exc.extra_fields))}"
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
            elif isinstance(key, str) and key.isidentifier() and len(key) <= 64:
                parts.append(f".{key}")
            else:
                # Keys come from the input: quote only field-like ones, never free text.
                parts.append("[?]")
            trail = trail.parent
        return root + "".join(reversed(parts))


def _where(trail: _Trail | None, root: str) -> str:
    return root if trail is None else trail.path(root)


def _within_limits(data: object, max_depth: int, max_length: int, max_string: int) -> bool:
    """Whether ``data`` keeps to every size limit: the quick pass, with no paths kept."""
    if isinstance(data, str):
        return len(data) <= max_string
    if not isinstance(data, dict | list | tuple):
        return True
    stack: list[tuple[dict[Any, Any] | list[Any] | tuple[Any, ...], int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > max_depth or len(value) > max_length:
            return False
        if isinstance(value, dict):
            for key in value:
                if isinstance(key, str) and len(key) > max_string:
                    return False
            items: Iterable[object] = value.values()
        else:
            items = value
        for item in items:
            if isinstance(item, str):
                if len(item) > max_string:
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
    try:
        with _collector_paused():
            return CONVERTER.structure(data, Activity if cls is None else cls)
    except (BaseValidationError, InputError, _WrongTypeError, InvalidValue) as exc:
        raise InputError(_problems(exc), source) from None


_pause_lock = threading.Lock()
_pauses = 0
_resume = False


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold off Python's cyclic garbage collector while a document is structured.

    Structuring builds one object per entry of the document and keeps them all, creating
    no reference cycles. CPython (to 3.12) starts a full collection each time the objects
    kept grow by a quarter, and each one walks every object alive, the document included:
    on a 100,000-item collection that was a sixth of the time spent, and the share grows
    with the document. Reference counting still frees everything as usual. The pause is
    shared by concurrent calls (the collector resumes when the last one ends) and never
    turns the collector on if it was off when the first began.
    """
    global _pauses, _resume  # noqa: PLW0603 - one pause shared by every thread
    with _pause_lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


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
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError([Problem(f"not valid TOML: {exc}")], source) from None
        except ValueError:  # e.g. an integer past Python's digit limit
            raise InputError([Problem("not valid TOML: a value is out of range")], source) from None
    if fmt == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                [Problem(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")],
                source,
            ) from None
        except ValueError:  # e.g. an integer past Python's digit limit
            raise InputError([Problem("not valid JSON: a value is out of range")], source) from None
    if fmt == "yaml":
        return _parse_yaml(text, source)
    raise InputError([Problem("format must be 'json', 'toml' or 'yaml'")], source)


def _parse_yaml(text: str, source: str | None) -> object:
    try:
        import yaml  # noqa: PLC0415 - optional: the dpup[yaml] extra
    except ImportError:
        msg = "reading YAML needs the dpup[yaml] extra (pip install 'dpup[yaml]')"
        raise InputError([Problem(msg)], source) from None

    class NoAliasLoader(yaml.SafeLoader):  # type: ignore[misc]  # yaml ships no types
        """A safe loader that refuses anchors' aliases.

        An alias shares one value between places; a few nested aliases stand for an
        exponentially large document ("billion laughs"), which no size limit on the text
        would catch.
        """

        def compose_node(self, parent: object, index: object) -> object:
            if self.check_event(yaml.AliasEvent):
                raise _YamlAliasError
            return super().compose_node(parent, index)

    try:
        # A SafeLoader builds only plain data: no arbitrary Python objects from input.
        return yaml.load(text, Loader=NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except _YamlAliasError:
        msg = "not valid here: YAML aliases (*name) are not supported"
        raise InputError([Problem(msg)], source) from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 1}, column {where.column + 1})" if where else ""
        raise InputError([Problem(f"not valid YAML{line}")], source) from None
    except ValueError:  # e.g. an integer past Python's digit limit
        raise InputError([Problem("not valid YAML: a value is out of range")], source) from None


class _YamlAliasError(Exception):
    """A YAML alias, which dpup refuses (see `_parse_yaml`)."""


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
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        problem = Problem(f"not valid UTF-8 text (at byte {exc.start})")
        raise InputError([problem], str(path)) from None


def _read_document(path: Path) -> str:
    # Universal newlines, as Path.read_text gives: "\r\n" and "\r" become "\n".
    return io.StringIO(_read(path), newline=None).read()


@overload
def loads(
    text: str, format: Format = ..., cls: None = None, *, source: str | None = None
) -> Activity: ...
@overload
def loads(text: str, format: Format, cls: type[T], *, source: str | None = None) -> T: ...
@overload
def loads(text: str, format: Format = ..., *, cls: type[T], source: str | None = None) -> T: ...
def loads(
    text: str,
    format: Format = "toml",  # noqa: A002 - the word users expect, as in json.loads
    cls: type[Any] | None = None,
    *,
    source: str | None = None,
) -> Any:
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
        unknown = sorted(set(header) - set(ITEM_COLUMNS))
        if unknown:
            problems.append(Problem(f"unknown column(s): {', '.join(unknown)}"))
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
