"""The limits every document is held to, and the walk that checks them with paths.

Documents larger than `MAX_INPUT_BYTES`, nested deeper than `MAX_DEPTH`, with a list or table
longer than `MAX_LIST_LENGTH` or a string longer than `MAX_STRING_LENGTH`, TOML with more than
`MAX_TOML_SEPARATORS` separators or YAML with more than `MAX_YAML_NODES` nodes are refused
with `InputError` before anything is built from them. A flat list of counts under a ``raw`` or
``published`` key (a cross table's cells) may be as long as `MAX_COUNT_LIST_LENGTH` instead.
The limits are module constants read on every call; `dpup.serde` forwards reads and
assignments of its own ``MAX_*`` names here, so ``dpup.serde.MAX_LIST_LENGTH = 50_000`` still
raises the limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from dpup.errors import InputError, Problem

__all__ = [
    "MAX_COUNT_LIST_LENGTH",
    "MAX_DEPTH",
    "MAX_INPUT_BYTES",
    "MAX_LIST_LENGTH",
    "MAX_STRING_LENGTH",
    "MAX_TOML_SEPARATORS",
    "MAX_YAML_NODES",
]

_NOT_UTF8 = "text holds a lone surrogate, which cannot be written as UTF-8"
_KEY_NOT_UTF8 = "a key holds a lone surrogate, which cannot be written as UTF-8"

MAX_INPUT_BYTES = 16 * 1024 * 1024
"""The largest document accepted, in bytes of UTF-8 text (16 MiB)."""


MAX_DEPTH = 32
"""The deepest nesting of tables and lists accepted; the top-level table is level 1.

dpup's own documents nest at most eight levels deep (an insight's table's rows)."""


MAX_LIST_LENGTH = 10_000
"""The most entries accepted in any one list, or keys in any one table."""


MAX_COUNT_LIST_LENGTH = 4_000_000
"""The most entries accepted in a flat list of counts, in place of `MAX_LIST_LENGTH`.

A list under a ``raw`` or ``published`` key whose entries are all whole numbers, nulls or the
``"suppressed"`` marker (a cross table's cells and published values, flat) may be this long:
a 100 x 100 x 10 table has 100,000 cells. Such a list is still held to the document's size,
TOML separator and YAML node limits, which bound the work of reading it; 4,000,000 is the
most positions a cross table may have (`dpup.disclosure_control.MAX_CROSS_POSITIONS`)."""

_COUNT_KEYS = frozenset({"raw", "published"})
_WITHHELD = "suppressed"  # dpup.serde.WITHHELD; the converter reads it, after these limits


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


_SURROGATE = re.compile(r"[\ud800-\udfff]")


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


_CONTAINERS = (dict, list, tuple)
_PLAIN_SCALARS = frozenset({int, float, bool, type(None)})
"""Types the quick pass can pass over at once: they hold no text and no other values."""


def _within_limits(data: object, max_depth: int, max_length: int, max_string: int) -> bool:
    """Whether ``data`` keeps to every size limit: the quick pass, with no paths kept.

    Parsers make plain `str`, `dict` and `list` values, so those are recognised by their exact
    type first (the cheapest test); anything else, such as a subclass in data a caller built,
    is then tested with `isinstance`, so nothing is passed over unchecked.
    """
    if isinstance(data, str):
        return len(data) <= max_string and _writable(data)
    if not isinstance(data, _CONTAINERS):
        return True
    # Level by level rather than a stack of (value, depth) pairs: appending a container to
    # the next level allocates nothing, where a pair per container would be a tracked object
    # each, and on a collection of 100,000 items would set off the garbage collector's full
    # walks over everything alive (most of this walk's cost at that size).
    level: list[dict[Any, Any] | list[Any] | tuple[Any, ...]] = [data]
    above: list[dict[Any, Any] | list[Any] | tuple[Any, ...]] = []
    depth = 1
    while level:
        if depth > max_depth:
            return False
        below: list[dict[Any, Any] | list[Any] | tuple[Any, ...]] = []
        for value in level:
            if len(value) > max_length and not _counts_below(value, above):
                return False
            items: Iterable[Any]
            if isinstance(value, dict):
                for key in value:
                    if (type(key) is str or isinstance(key, str)) and (
                        len(key) > max_string or not (key.isascii() or _writable(key))
                    ):
                        return False
                items = value.values()
            else:
                items = value
            for item in items:
                kind = type(item)
                if kind is str:
                    # isascii() first: most text is ASCII, and the inline test saves a call.
                    if len(item) > max_string or not (item.isascii() or _writable(item)):
                        return False
                elif kind is dict or kind is list or kind is tuple:
                    below.append(item)
                elif kind in _PLAIN_SCALARS:
                    continue
                elif isinstance(item, str):
                    if len(item) > max_string or not _writable(item):
                        return False
                elif isinstance(item, _CONTAINERS):
                    below.append(item)
        above, level = level, below
        depth += 1
    return True


def _json_text_within_limits(text: str) -> bool:
    r"""Whether JSON ``text`` is too short to break any size limit, seen without a walk.

    Parsed JSON holds nothing the text does not spell out: a string is never longer than the
    text, a list of more than `MAX_LIST_LENGTH` values needs a comma between each two, every
    level of nesting opens with a ``{`` or ``[``, and a lone surrogate can only come from a
    ``\u`` escape or from text that is not ASCII. So a short ASCII text with few brackets and
    no such escape keeps to every limit, and the walk over its parsed data (`_within_limits`)
    is skipped: on the request path, where one small event is read per call, that walk is a
    good part of the reading. Anything else is walked as before. Brackets inside strings are
    counted too, which only makes the test stricter.
    """
    return (
        len(text) < min(MAX_STRING_LENGTH, 2 * MAX_LIST_LENGTH)
        and text.isascii()
        and "\\u" not in text
        and text.count("{") + text.count("[") <= MAX_DEPTH
    )


def _counts_below(
    value: dict[Any, Any] | list[Any] | tuple[Any, ...], parents: Iterable[object]
) -> bool:
    """Whether a long list is a flat list of counts under a ``raw`` or ``published`` key.

    The quick pass keeps no keys, so the key is looked up in the level above; this runs only
    for a list past `MAX_LIST_LENGTH`, and agrees with `_counts` in the locating walk.
    """
    if isinstance(value, dict) or len(value) > MAX_COUNT_LIST_LENGTH:
        return False
    under = any(
        isinstance(parent, dict) and any(parent.get(key) is value for key in _COUNT_KEYS)
        for parent in parents
    )
    return under and all(type(item) is int or item is None or item == _WITHHELD for item in value)


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
            counts = _counts(value, trail)
            if counts and len(value) <= MAX_COUNT_LIST_LENGTH:
                # Whole numbers, nulls and the marker: nothing below it to check.
                continue
            where = _where(trail, root)
            limit = MAX_COUNT_LIST_LENGTH if counts else max_length
            problems.append(Problem(f"more than {limit} entries", where))
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


def _counts(value: object, trail: _Trail | None) -> bool:
    """Whether a list is a flat list of counts, held to `MAX_COUNT_LIST_LENGTH`."""
    return (
        trail is not None
        and not trail.index
        and trail.key in _COUNT_KEYS
        and isinstance(value, list | tuple)
        and all(type(item) is int or item is None or item == _WITHHELD for item in value)
    )


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
