"""The short-JSON shortcut: a text too short to break a size limit is not walked again.

`dpup.io.limits._json_text_within_limits` lets `dpup.loads` skip the walk over parsed JSON. It
must never let through what the walk would refuse: held here by a property over generated
documents, and by the documents each limit exists for.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dpup
from dpup.errors import InputError
from dpup.io import limits
from dpup.io.limits import _json_text_within_limits, _within_limits
from dpup.model import Disclosure

_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=40,
)


def _walk(data: object) -> bool:
    return _within_limits(data, limits.MAX_DEPTH, limits.MAX_LIST_LENGTH, limits.MAX_STRING_LENGTH)


@given(_DOCUMENTS, st.booleans())
def test_the_shortcut_never_passes_what_the_walk_refuses(data: object, ascii_only: bool) -> None:
    """Whenever the text test passes, the walk over the parsed data passes too."""
    text = json.dumps(data, ensure_ascii=ascii_only)
    if _json_text_within_limits(text):
        assert _walk(json.loads(text))


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ('{"id": "event-1"}', True),
        (_nested(limits.MAX_DEPTH), True),
        (_nested(limits.MAX_DEPTH + 1), False),  # deep enough to break the depth limit
        ('{"id": "\\ud800"}', False),  # an escape that can make a lone surrogate
        ('{"id": "t\u0101ngata"}', False),  # not ASCII: walked
        ("[" + ",".join(["1"] * limits.MAX_LIST_LENGTH) + "]", False),  # long enough
    ],
)
def test_which_texts_take_the_shortcut(text: str, short: bool) -> None:
    """Short, plain texts do; texts that could break a limit (or might) are walked."""
    assert _json_text_within_limits(text) is short


def test_a_deep_event_is_still_refused() -> None:
    """An event nested past the depth limit is refused by `loads`, shortcut or not."""
    deep = '{"id": "e", "recipient": ' + '{"x": ' * limits.MAX_DEPTH + "1" + "}" * 33
    with pytest.raises(InputError, match="deep"):
        dpup.loads(deep, "json", Disclosure)


def test_a_lone_surrogate_is_still_refused() -> None:
    """A lone surrogate in a short event is refused by `loads`: no output could hold it."""
    with pytest.raises(InputError):
        dpup.loads('{"id": "\\ud800"}', "json", Disclosure)


def test_a_short_event_reads_as_before() -> None:
    """The shortcut changes nothing about the object read."""
    text = '{"id": "event-1", "purposes": ["p"], "items": ["i"]}'
    assert _json_text_within_limits(text)
    read = dpup.loads(text, "json", Disclosure)
    assert read == dpup.structure(json.loads(text), Disclosure)
