"""Reading documents from text and files, and CSV data dictionaries.

`loads`, `load` and `load_waivers` read activities and waivers; `load_items` and
`activity_from_items` read a data dictionary of information items.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Literal, overload

from cattrs.errors import (
    BaseValidationError,
)

from dpup.errors import DpupTypeError, InputError, Problem
from dpup.findings import Waiver
from dpup.io import limits
from dpup.io.converter import CONVERTER, Format, T, _structure_within_limits, structure
from dpup.io.errors import _did_you_mean, _problems, _WrongTypeError
from dpup.io.limits import _json_text_within_limits, _limit_problems, _names_shown, _too_large
from dpup.io.parsers import _parse
from dpup.model import Activity, Collection, InformationItem, InvalidValue, Purpose

__all__ = [
    "ITEM_COLUMNS",
    "activity_from_items",
    "load",
    "load_items",
    "load_waivers",
    "loads",
]


def _read(path: Path, encoding: str = "utf-8") -> str:
    """Read a text file of at most `MAX_INPUT_BYTES`, without touching its line endings.

    The file is read in binary up to one byte past the limit, so an oversized (or endless)
    file is refused without being read whole.

    Raises:
        InputError: the file is too large or is not UTF-8 text.
        OSError: the file cannot be read.
    """
    with path.open("rb") as handle:
        data = handle.read(limits.MAX_INPUT_BYTES + 1)
    if len(data) > limits.MAX_INPUT_BYTES:
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
    plain = _text_of(text, source)
    data = _parse(plain, format, source)
    if format == "json" and type(data) is dict and _json_text_within_limits(plain):
        # Too short to break a size limit (see `_json_text_within_limits`): a request's
        # event is read without walking it again.
        return _structure_within_limits(data, cls, source)
    return structure(data, cls, source=source)


def _text_of(text: object, source: str | None) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray | memoryview):
        data = bytes(text)
        if len(data) > limits.MAX_INPUT_BYTES:
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


def load_items(
    path: str | Path, *, extra_columns: Literal["error", "ignore"] = "error"
) -> tuple[InformationItem, ...]:
    """Read a data dictionary (CSV, one information item per row) into `InformationItem`s.

    Columns are those in `ITEM_COLUMNS`, under a header row that is required; a header is
    read in any case and with spaces around it (`` Name `` is ``name``). A column that is
    not one of them is an error (the message suggests the nearest known column), unless
    ``extra_columns="ignore"``, which skips such columns, as a spreadsheet with notes columns
    needs. ``required`` takes yes/no (or true/false); list cells separate values with ``;``.

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
        header = [h.strip().casefold() for h in reader.fieldnames or ()]
        reader.fieldnames = header
        if "name" not in header:
            problems.append(Problem("the header must include a 'name' column"))
        if len(set(header)) < len(header):
            problems.append(Problem("a column appears twice in the header"))
        unknown = set(header) - set(ITEM_COLUMNS)
        if unknown and extra_columns != "ignore":
            # A header is input too: a file with no header row has a person's details here.
            hint = _did_you_mean(unknown, ITEM_COLUMNS)
            problems.append(Problem(f"unknown column(s): {_names_shown(unknown)}{hint}"))
        if problems:
            raise InputError(problems, str(p))
        for i, raw in enumerate(reader):
            if i == limits.MAX_LIST_LENGTH:
                raise InputError([Problem(f"more than {limits.MAX_LIST_LENGTH} rows")], str(p))
            for column in unknown:
                raw.pop(column, None)
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
