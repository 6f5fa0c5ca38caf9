"""A record evaluated on its own, in the context of an activity: its references, date and paths.

`dpup.engine.evaluate` takes one record (a disclosure, a request ...) with ``context=activity``.
Where the record is one the activity lists, it is placed there and everything is as if the
whole activity had been evaluated. Where it is not (a proposed record), three things follow,
and this module holds them:

* its references are checked against the context by the rules an activity's own records
  are checked by (`dpup.model.references`): a dangling id is an `InputError` naming its path,
  never a finding. The context's ids are gathered once per activity (`dpup.facts.indexed`),
  so each request costs a few set lookups (`proposed`);
* the law is applied as at the caller's date, else today, never the context's ``as_at``,
  which records when the activity was assessed, not when the new event happens (`dated`);
* its findings' evidence paths into the context start at `CONTEXT_ROOT` (``$context``),
  while ``$`` is the record itself (`lone_evidence`).
"""

from __future__ import annotations

import functools
import time
import weakref
from collections.abc import Callable
from datetime import date, datetime, timedelta

from dpup.errors import InputError
from dpup.facts import indexed
from dpup.model import Activity
from dpup.model.references import KnownIds, dangles, known_ids, part_reference_problems
from dpup.vocabulary import CONTEXT_ROOT, AsAtSource

__all__ = ["clear", "dated", "join_evidence", "lone_evidence", "proposed", "today"]

_ARGUMENT = AsAtSource.ARGUMENT
_ACTIVITY = AsAtSource.ACTIVITY
_TODAY = AsAtSource.TODAY


def proposed(context: Activity, part: object) -> str:
    """Return ``$``, the path of a record not found in ``context``, once its references hold.

    Raises:
        InputError: the record refers to ids ``context`` does not define; every such
            reference is listed by its path in the record (``$.items[1]``).
    """
    held, known = _last[0]
    if known is None or held() is not context:
        known = _known_in(context)
    if dangles(part, known):
        raise InputError(part_reference_problems(part, context, CONTEXT_ROOT))
    return "$"


def _dead() -> None:
    return None


_last: list[tuple[Callable[[], object], KnownIds | None]] = [(_dead, None)]
"""The context last checked against and its ids: a server checks event after event against
the same activity, so the ids are found without looking the activity up."""


def clear() -> None:
    """Forget the context last checked against, and the evidence lists made absolute."""
    _last[0] = (_dead, None)
    lone_evidence.cache_clear()


def _known_in(context: Activity) -> KnownIds:
    known: KnownIds = indexed(context, known_ids)
    try:
        _last[0] = (weakref.ref(context), known)
    except TypeError:  # a context that cannot be weakly referenced is looked up each time
        _last[0] = (_dead, None)
    return known


def dated(as_at: date | None, activity: Activity | None, own: bool) -> tuple[date, AsAtSource]:
    """Return the date to apply the law as at, and where it came from.

    Args:
        as_at: the caller's date, if given; it always wins.
        activity: the activity evaluated, or the context of a record evaluated on its own.
        own: whether ``activity``'s ``as_at`` speaks for the subject: it is the activity
            itself, or a record found in it. A proposed record is dated today instead.
    """
    if as_at is not None:
        return as_at, _ARGUMENT
    if own and activity is not None and activity.as_at is not None:
        return activity.as_at, _ACTIVITY
    return today(), _TODAY


_day: list[tuple[float, float, date]] = [(0.0, 0.0, date.min)]
"""The local day last asked for: when it starts and ends (as timestamps), and its date."""


def today() -> date:
    """Return today's local date, as `date.today` does, asking the clock's zone once a day.

    A server evaluating proposed events asks on every request; reading the clock is cheap,
    working out the local date from it is not.
    """
    now = time.time()
    start, end, day = _day[0]
    if start <= now < end:
        return day
    day = date.today()  # noqa: DTZ011 - a civil date
    midnight = datetime.combine(day, datetime.min.time())
    _day[0] = (midnight.timestamp(), (midnight + timedelta(days=1)).timestamp(), day)
    return day


def join_evidence(path: str, evidence: tuple[str, ...], kind: type) -> tuple[str, ...]:
    """Return the evidence of a finding about a ``kind`` record at ``path``, made absolute.

    ``$`` paths stay and ``[i]`` and names join ``path``; for a record evaluated on its own
    (at ``$``, and not an activity) see `lone_evidence`.
    """
    if path == "$" and kind is not Activity:
        return lone_evidence(evidence)
    return tuple(
        [
            path if not e else e if e[0] == "$" else path + e if e[0] == "[" else f"{path}.{e}"
            for e in evidence
        ]
    )


@functools.lru_cache(maxsize=4096)
def lone_evidence(evidence: tuple[str, ...]) -> tuple[str, ...]:
    """Return the evidence of a record evaluated on its own, at ``$``, made absolute.

    Checks write paths into the activity from its root (``$.purposes[0]``) and paths into
    their subject relative to it (``items``). For a record on its own, ``$`` is the record,
    so paths into the activity start at `CONTEXT_ROOT` instead (``$context.purposes[0]``),
    whether or not a context was given. Outcomes are interned, so this is worked out once
    per evidence list.
    """
    return tuple(
        [
            "$"
            if not e
            else CONTEXT_ROOT + e[1:]
            if e[0] == "$"
            else "$" + e
            if e[0] == "["
            else f"$.{e}"
            for e in evidence
        ]
    )
