"""The JSON form of dpup's results: declared once per class, written as data or as text.

A result class (a finding, a score, a report ...) declares its form once with `define`: its
keys in order, and for each key the attribute it comes from and how that value is written
(`AS_IS`, `MEMBER`, `DAY`, `part` ...). Two writers are made from that one declaration:

* `data` builds plain, JSON-ready data: what each class's ``to_dict`` returns;
* `text` writes compact JSON text, byte for byte
  ``json.dumps(data(x), separators=(",", ":"), ensure_ascii=False)``, without building that
  data first.

So the dictionary form and the JSON text cannot drift apart, and there is one place to change
either. Both writers are generated as straight-line functions, one per class (as attrs
generates ``__init__``), so writing a value costs what a hand-written ``to_dict`` would.

Classes declared with ``remember=True`` are immutable and shared between reports: the engine
hands out the same `Finding` for the same verdict in the same place, and the same `Score` for
the same tally. `text` remembers what it wrote for each of their instances, so a report's JSON
is mostly joined from text written before; the same goes for a short tuple of findings, which
the engine shares between the reports on one kind of event. That memory is keyed by identity
and holds its object, so an identity cannot be reused while its entry lives; it is bounded in
entries and in the length of each text, emptied when full like the engine's own tables, and
holds only what the reports themselves hold.

This module imports nothing from dpup: the result classes declare their forms beside their
definitions, in `dpup.findings`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any, NamedTuple

__all__ = [
    "AS_IS",
    "DAY",
    "Field",
    "ITEMS",
    "MEMBER",
    "MEMBERS",
    "REMEMBERED_LIMIT",
    "REMEMBERED_LONGEST",
    "TUPLES_LIMIT",
    "TUPLE_LONGEST",
    "Way",
    "by_member",
    "constant",
    "data",
    "define",
    "part",
    "parts",
    "text",
]

REMEMBERED_LIMIT = 8192
"""Texts remembered at once for each remembering class; its table is emptied when full."""
REMEMBERED_LONGEST = 2048
"""The longest text remembered for one object, in characters (a finding's is about 600): a
finding resting on thousands of evidence paths is written afresh each time instead."""
TUPLES_LIMIT = 512
"""Tuple texts remembered at once for each `parts` field; the table is emptied when full."""
TUPLE_LONGEST = 8192
"""The longest text remembered for one tuple, in characters: a handful of findings, as one
object's report holds, but not a whole activity's."""

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""Compact JSON text of plain data (``json.dumps`` would make a new encoder on each call)."""
_string: Callable[[str], str] = json.encoder.encode_basestring
"""JSON text of a string, non-ASCII kept (what ``ensure_ascii=False`` writes)."""


def _plain(value: object) -> str:
    # The encoder's own fast path covers strings only; null is the other common value.
    if type(value) is str:
        return _string(value)
    if value is None:
        return "null"
    return _encode(value)


class Way(NamedTuple):
    """How a value is written: two Python expressions, where ``{v}`` stands for the value.

    Attributes:
        data: the expression for the value as plain data.
        text: the expression for the value as JSON text.
        helpers: callables the expressions use, as ``{data}`` and ``{text}``.
    """

    data: str
    text: str
    helpers: tuple[Callable[[Any], Any], ...] = ()


class constant(NamedTuple):  # noqa: N801 - reads as a function in a form's declaration
    """A source giving the same immutable plain value for every object (a schema version)."""

    value: str | int | float | bool | None


_BASICS = {"_encode": _encode, "_string": _string, "_plain": _plain}
"""The helpers every generated writer may use."""


class _Writer:
    """Writes the text of one class's instances, remembering it for a remembering class.

    What is remembered is kept by the identity of the object written, with the object itself,
    so an identity cannot be reused while its entry lives.
    """

    __slots__ = ("kept", "write")

    def __init__(self, write: Callable[[Any], str], *, remember: bool) -> None:
        self.write = write
        self.kept: dict[int, tuple[object, str]] | None = None
        if remember:
            self.kept = {}
            _tables.append(self.kept)

    def text(self, obj: object) -> str:
        kept = self.kept
        if kept is None:
            return self.write(obj)
        made = kept.get(id(obj))
        if made is not None:
            return made[1]
        written = self.write(obj)
        if len(written) <= REMEMBERED_LONGEST:
            if len(kept) >= REMEMBERED_LIMIT:
                kept.clear()
            kept[id(obj)] = (obj, written)
        return written

    def texts(self, values: Iterable[object]) -> list[str]:
        """Return the texts of ``values``, in order."""
        kept, write = self.kept, self.write
        if kept is None:
            return [write(v) for v in values]
        # The lookup inlined: a report's findings and scores were nearly always written
        # before, by an earlier report that shares them.
        get = kept.get
        return [self.text(v) if (made := get(id(v))) is None else made[1] for v in values]


_tables: list[dict[Any, tuple[object, str]]] = []
"""Every table of remembered text (of objects, and of tuples), so tests can empty them all."""
_data_writers: dict[type, Callable[[Any], dict[str, Any]]] = {}
_text_writers: dict[type, _Writer] = {}


Field = tuple[str, Way] | tuple[str, Way, str | constant]
"""One key of a form: ``(key, way)`` for the attribute of that name, or ``(key, way, source)``
where ``source`` is another attribute's name or a `constant`."""


def define(cls: type, *fields: Field, remember: bool) -> None:
    """Declare the JSON form of ``cls``, and make its two writers.

    Args:
        cls: the class.
        fields: its keys, in the order they are written.
        remember: whether `text` keeps what it writes for each instance: for immutable
            objects that reports share.

    Raises:
        ValueError: no fields, or a source that is not an attribute name.
    """
    if not fields:
        msg = "a JSON form needs at least one key"
        raise ValueError(msg)
    names: dict[str, object] = dict(_BASICS)
    data_items: list[str] = []
    text_items: list[str] = []
    for i, field in enumerate(fields):
        key, way = field[0], field[1]
        source = field[2] if len(field) == 3 else key
        helper = {}
        for role, func in zip(("data", "text"), way.helpers, strict=False):
            helper[role] = f"_{role}{i}"
            names[f"_{role}{i}"] = func
        if isinstance(source, constant):
            names[f"_value{i}"] = source.value
            names[f"_written{i}"] = _encode(source.value)
            data_value, text_value = f"_value{i}", f"_written{i}"
        elif source.isidentifier():
            data_value = way.data.format(v=f"o.{source}", **helper)
            text_value = way.text.format(v=f"o.{source}", **helper)
        else:
            msg = f"not an attribute name: {source!r}"
            raise ValueError(msg)
        data_items.append(f"{key!r}: {data_value}")
        text_items.append(repr(("{" if i == 0 else ",") + _encode(key) + ":"))
        text_items.append(text_value)
    # The text is joined once: chained "+" would copy the growing text at every step.
    source_code = (
        "def data(o):\n    return {" + ", ".join(data_items) + "}\n"
        "def text(o):\n    return ''.join((" + ", ".join(text_items) + ", '}'))\n"
    )
    # Generated only from this module's templates and the keys and attribute names that the
    # result classes declare: no input ever reaches it.
    exec(compile(source_code, f"<JSON form of {cls.__qualname__}>", "exec"), names)  # noqa: S102
    _data_writers[cls] = names["data"]  # type: ignore[assignment]
    _text_writers[cls] = _Writer(names["text"], remember=remember)  # type: ignore[arg-type]


def _writer(table: dict[type, Any], cls: type) -> Any:
    writer = table.get(cls)
    if writer is None:
        # A subclass of a declared class is written as its base is.
        base = next((b for b in cls.__mro__ if b in table), None)
        if base is None:
            msg = f"{cls.__name__} has no JSON form"
            raise TypeError(msg)
        writer = table[cls] = table[base]
    return writer


def data(obj: object) -> dict[str, Any]:
    """Return ``obj`` as plain, JSON-ready data, keys in its form's order."""
    result: dict[str, Any] = _writer(_data_writers, type(obj))(obj)
    return result


def text(obj: object) -> str:
    """Return ``obj`` as compact JSON text: ``json.dumps(data(obj))`` with no spaces.

    Non-ASCII characters are written as they are (``ensure_ascii=False``), as in every dpup
    JSON output.
    """
    result: str = _writer(_text_writers, type(obj)).text(obj)
    return result


AS_IS = Way("{v}", "_plain({v})")
"""Plain data already (text, a number, ``None``)."""
MEMBER = Way(
    "(None if {v} is None else {v}.value)", '("null" if {v} is None else _plain({v}.value))'
)
"""An enumeration member, or ``None``: written as its value."""
MEMBERS = Way("[m.value for m in {v}]", "_encode([m.value for m in {v}])")
"""Enumeration members: a list of their values."""
ITEMS = Way("list({v})", "_encode({v})")
"""A tuple of plain values: a list."""
DAY = Way(
    "(None if {v} is None else {v}.isoformat())",
    """("null" if {v} is None else '"' + {v}.isoformat() + '"')""",
)
"""A date, or ``None``: ISO 8601 text (``YYYY-MM-DD``)."""


def part(cls: type) -> Way:
    """A value of ``cls`` (whose form is declared before this one's), or ``None``."""
    return Way(
        "(None if {v} is None else {data}({v}))",
        '("null" if {v} is None else {text}({v}))',
        (_data_writers[cls], _text_writers[cls].text),
    )


def parts(cls: type) -> Way:
    """A tuple of values of ``cls`` (whose form is declared before this one's): a list.

    For a remembering class, the text of a tuple of up to `TUPLE_LONGEST` characters is
    remembered too, by the tuple's identity: the engine hands the same tuple of findings to
    every report on an event with the same verdicts.
    """
    texts = _text_writers[cls].texts

    def as_text(values: tuple[object, ...]) -> str:
        return "[" + ",".join(texts(values)) + "]"

    if _text_writers[cls].kept is None:
        return Way("[{data}(x) for x in {v}]", "{text}({v})", (_data_writers[cls], as_text))
    kept: dict[int, tuple[object, str]] = {}
    _tables.append(kept)

    def as_remembered_text(values: tuple[object, ...]) -> str:
        made = kept.get(id(values))
        if made is not None:
            return made[1]
        written = as_text(values)
        if len(written) <= TUPLE_LONGEST and type(values) is tuple:
            if len(kept) >= TUPLES_LIMIT:
                kept.clear()
            kept[id(values)] = (values, written)
        return written

    return Way("[{data}(x) for x in {v}]", "{text}({v})", (_data_writers[cls], as_remembered_text))


def by_member(enum: type[Enum], cls: type) -> Way:
    """A mapping from each member of ``enum`` to a value of ``cls`` (declared before).

    Written as an object keyed by the members' values in the enumeration's order (not the
    mapping's), so equal mappings give equal text.
    """
    members = tuple(enum)
    keys = tuple(_encode(m.value) + ":" for m in members)
    build = _data_writers[cls]
    writer = _text_writers[cls]
    text_of = writer.text
    kept: dict[int, tuple[object, str]] = {} if writer.kept is None else writer.kept
    get = kept.get

    def as_data(mapping: Mapping[Any, Any]) -> dict[Any, Any]:
        return {m.value: build(mapping[m]) for m in members}

    # The values are immutable and shared (the engine hands out one Score per tally), so the
    # text of a whole mapping is remembered by the identities of its values, holding them so
    # the identities cannot be reused while the entry lives.
    joined: dict[Any, tuple[object, str]] = {}
    _tables.append(joined)

    def as_text(mapping: Mapping[Any, Any]) -> str:
        values = tuple([mapping[m] for m in members])
        key = tuple(map(id, values))
        hit = joined.get(key)
        if hit is not None:
            return hit[1]
        written = []
        for k, value in zip(
            keys, values, strict=True
        ):  # a plain loop: quicker than a comprehension
            made = get(id(value))
            written.append(k + (text_of(value) if made is None else made[1]))
        text = "{" + ",".join(written) + "}"
        if len(joined) >= TUPLES_LIMIT:
            joined.clear()
        joined[key] = (values, text)
        return text

    return Way("{data}({v})", "{text}({v})", (as_data, as_text))
