"""Reading TOML, JSON and YAML text into plain data, bounded and without echoing input.

Duplicate keys are refused with their paths, parsers' own messages are cut before they quote
input, and YAML is built from the parser's events one at a time under a node limit.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from typing import Any

from dpup._printable import printable
from dpup.errors import InputError, Problem
from dpup.io import limits
from dpup.io.converter import Format
from dpup.io.limits import _NOT_UTF8, _check_size, _Trail, _where

__all__: list[str] = []


def _parse(text: str, fmt: Format, source: str | None) -> object:
    """Parse ``text``, refusing it unparsed when it is over `MAX_INPUT_BYTES`.

    The parsers recurse once per level of nesting; a document nested deeply enough to exhaust
    the stack (far past `MAX_DEPTH`) becomes an InputError, not a RecursionError.
    """
    _check_size(text, source)
    try:
        return _parse_text(text, fmt, source)
    except RecursionError:
        msg = f"nested more than {limits.MAX_DEPTH} levels deep"
        raise InputError([Problem(msg)], source) from None


def _parse_text(text: str, fmt: Format, source: str | None) -> object:
    if fmt == "toml":
        separators = text.count("=") + text.count(",") + text.count("[") + text.count("\n")
        if separators > limits.MAX_TOML_SEPARATORS:
            msg = (
                f"the document holds more than {limits.MAX_TOML_SEPARATORS} values, lists and "
                "tables (counted by their separators)"
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
    max_nodes = limits.MAX_YAML_NODES
    if getattr(yaml, "__with_libyaml__", False):
        loader_class = yaml.CSafeLoader
    else:
        loader_class = yaml.SafeLoader
        max_nodes //= limits._SLOW_YAML_SHARE
        max_bytes = limits.MAX_INPUT_BYTES // limits._SLOW_YAML_SHARE
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
            data, duplicates = _YamlBuilder(loader, yaml, max_nodes, limits.MAX_DEPTH).document()
        finally:
            loader.dispose()
    except _YamlRefusedError as exc:
        raise InputError([Problem(exc.message, exc.path)], source) from None
    except yaml.YAMLError as exc:
        if "nesting depth" in str(getattr(exc, "problem", "")):  # libyaml's own limit (1000)
            raise InputError(
                [Problem(f"nested more than {limits.MAX_DEPTH} levels deep")], source
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
