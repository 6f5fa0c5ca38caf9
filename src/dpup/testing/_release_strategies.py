"""Hypothesis strategies for band definitions and release exceptions, valid by construction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from hypothesis import strategies as st

from dpup.disclosure_control import Band, ReleaseException

__all__ = ["RELEASE_STRATEGIES", "bands", "release_exceptions"]

_TEXT = st.text(alphabet="abcdefghij ", min_size=1, max_size=12).filter(lambda s: s.strip())


def bands() -> st.SearchStrategy[Band]:
    """Return a strategy for a `Band`: a range (either end may be open) or a set of values."""
    ranges = st.tuples(st.none() | st.integers(0, 50), st.none() | st.integers(50, 120)).filter(
        lambda ends: ends != (None, None)
    )
    return st.one_of(
        ranges.map(lambda ends: Band(low=ends[0], high=ends[1])),
        st.lists(_TEXT, min_size=1, max_size=3, unique=True).map(lambda v: Band(values=v)),
    )


def release_exceptions() -> st.SearchStrategy[ReleaseException]:
    """Return a strategy for a `ReleaseException` with a reason and, maybe, an approver."""
    return st.builds(
        ReleaseException,
        table=st.integers(0, 3),
        row=st.none() | _TEXT,
        column=st.none() | _TEXT,
        reason=_TEXT,
        approved_by=st.none() | _TEXT,
    )


RELEASE_STRATEGIES: Final[dict[type, Callable[[], st.SearchStrategy[Any]]]] = {
    Band: bands,
    ReleaseException: release_exceptions,
}
"""The strategy makers `dpup.testing.strategies.for_type` uses for these two types."""
