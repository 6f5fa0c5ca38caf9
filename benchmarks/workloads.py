"""The workloads, peers and floor: each is built once, then timed as a zero-argument call.

Nothing here times anything: `benchmarks.harness` does, so the smoke test can build and run
every workload once on tiny inputs without measuring.
"""

from __future__ import annotations

import compileall
import contextlib
import datetime as dt
import gc
import json
import random
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

import dpup
from dpup.calendar import DECISION_WORKING_DAYS, decision_due_many, is_working_day
from dpup.checkdef import Check, CheckFunction, EvaluationContext
from dpup.engine import Registry, default_registry

__all__ = [
    "EXAMPLE_TOML",
    "FIRST_RECEIVED",
    "HEAVY_MODULES",
    "LAST_RECEIVED",
    "Call",
    "FloorResult",
    "ImportTiming",
    "MemoryUse",
    "cedar_decision",
    "count_check_calls",
    "deadlines",
    "floor",
    "fresh_copies",
    "full_activity",
    "full_activity_cold",
    "import_time",
    "kids_first",
    "load_evaluate",
    "memory_use",
    "numpy_deadlines",
    "received_dates",
    "scale",
    "scale_document",
    "single_event",
    "single_event_cold",
]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_TOML = ROOT / "examples" / "kids-first-before.toml"
"""The example every single-event, full-activity and load workload uses."""

FIRST_RECEIVED = dt.date(2000, 1, 1)
"""The earliest received date in the caseload."""

LAST_RECEIVED = dt.date(2052, 11, 20)
"""The latest received date: its 20-working-day deadline still falls inside the calendar."""

HEAVY_MODULES = ("hypothesis", "pandas", "numpy", "yaml")
"""Modules ``import dpup`` must not import."""

Call = Callable[[], object]
"""A zero-argument callable: one timed unit of work."""


def kids_first() -> dpup.Activity:
    """Return the "Kids First" example, before DPUP was applied."""
    return dpup.load(EXAMPLE_TOML)


def single_event(activity: dpup.Activity) -> Call:
    """Return the request-path call: one disclosure evaluated in its activity."""
    disclosure = activity.disclosures[0]

    def run() -> dpup.Report:
        return dpup.evaluate(disclosure, context=activity)

    return run


def full_activity(activity: dpup.Activity) -> Call:
    """Return a whole-activity evaluation."""

    def run() -> dpup.Report:
        return dpup.evaluate(activity)

    return run


def fresh_copies(count: int, path: Path = EXAMPLE_TOML) -> list[dpup.Activity]:
    """Return ``count`` equal activities, each parsed anew from ``path`` (no shared objects)."""
    text = path.read_text(encoding="utf-8")
    return [dpup.loads(text) for _ in range(count)]


def single_event_cold(copies: list[dpup.Activity]) -> Call:
    """Return the single event, each call on the next of ``copies`` (equal, not the same).

    dpup keeps indexes of the activities it has seen (at most
    ``dpup.facts.ACTIVITY_CACHE_LIMIT``); cycling through more copies than that
    makes every call build them afresh, as for a case seen for the first time.
    """
    pairs = [(a.disclosures[0], a) for a in copies]
    state = {"next": 0}

    def run() -> dpup.Report:
        i = state["next"]
        state["next"] = (i + 1) % len(pairs)
        disclosure, activity = pairs[i]
        return dpup.evaluate(disclosure, context=activity)

    return run


def full_activity_cold(copies: list[dpup.Activity]) -> Call:
    """Return a whole-activity evaluation, each call on the next of ``copies``."""
    state = {"next": 0}

    def run() -> dpup.Report:
        i = state["next"]
        state["next"] = (i + 1) % len(copies)
        return dpup.evaluate(copies[i])

    return run


def load_evaluate(path: Path = EXAMPLE_TOML) -> Call:
    """Return loading the TOML example from disk and evaluating it."""

    def run() -> dpup.Report:
        return dpup.evaluate(dpup.load(path))

    return run


def count_check_calls(subject: object, context: dpup.Activity | None = None) -> int:
    """Return how many check functions ``evaluate(subject, context=context)`` calls.

    Every built-in check is wrapped in a counter and the evaluation is run once, so the
    count comes from the engine itself rather than from a copy of its walk.
    """
    calls = 0

    def counting(func: CheckFunction) -> CheckFunction:
        def wrapped(obj: Any, ctx: EvaluationContext) -> Any:
            nonlocal calls
            calls += 1
            return func(obj, ctx)

        return wrapped

    checks: list[Check[Any]] = [attrs.evolve(c, func=counting(c.func)) for c in default_registry()]
    dpup.evaluate(subject, context=context, registry=Registry(checks))
    return calls


@attrs.frozen
class FloorResult:
    """The floor's small frozen result object (attrs defaults, as the house style has)."""

    status: str
    message: str


def _trivial(subject: object, context: object) -> FloorResult:
    return FloorResult("met", "ok")


def floor(n: int) -> Call:
    """Return a loop calling ``n`` trivial functions, each making a small frozen result.

    This is the least any engine must do to run ``n`` checks in Python: a call and an
    allocation per check, nothing else.
    """
    funcs = [_trivial] * n
    subject, context = object(), object()

    def run() -> list[FloorResult]:
        return [f(subject, context) for f in funcs]

    return run


def cedar_decision() -> Call:
    """Return one Cedar authorization: a pre-parsed trivial policy and one entity.

    The policy set and the entities are parsed once, outside the timed call, which is the
    fastest way cedarpy offers to make a decision.
    """
    import cedarpy  # noqa: PLC0415 - a peer, installed only by the bench extra

    policies = cedarpy.PolicySet.from_str("permit(principal, action, resource);")
    entities = cedarpy.Entities.from_json_str(
        json.dumps([{"uid": {"type": "User", "id": "alice"}, "attrs": {}, "parents": []}])
    )
    request = {
        "principal": 'User::"alice"',
        "action": 'Action::"view"',
        "resource": 'Record::"r1"',
    }
    if not cedarpy.is_authorized(request, policies, entities).allowed:  # pragma: no cover
        msg = "the trivial Cedar policy should allow the request"
        raise AssertionError(msg)

    def run() -> object:
        return cedarpy.is_authorized(request, policies, entities)

    return run


def received_dates(n: int, seed: int = 2020) -> list[dt.date]:
    """Return ``n`` received dates spread uniformly over 2000 to 2052, repeatably."""
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    first, last = FIRST_RECEIVED.toordinal(), LAST_RECEIVED.toordinal()
    return [dt.date.fromordinal(rng.randint(first, last)) for _ in range(n)]


def deadlines(received: list[dt.date]) -> Call:
    """Return dpup's decision due dates for a caseload."""

    def run() -> list[dt.date]:
        return decision_due_many(received)

    return run


def _non_working_weekdays() -> list[dt.date]:
    # The same list dpup works from: every weekday its calendar does not count, plus the
    # days of the Christmas closed period in late 1999 that dates early in 2000 roll back to.
    days = [dt.date(1999, 12, d) for d in range(25, 32) if dt.date(1999, 12, d).weekday() < 5]
    day = FIRST_RECEIVED
    last = dt.date(2052, 12, 31)
    while day <= last:
        if day.weekday() < 5 and not is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def numpy_deadlines(received: list[dt.date]) -> Call:
    """Return numpy.busday_offset over the same caseload, with the same holiday list.

    The received dates are converted to ``datetime64[D]`` outside the timed call. Rolling
    backward makes a non-working received day count from the working day before it, which
    is the Privacy Act's "working days after the day received"; the results are checked
    equal to dpup's.
    """
    import numpy as np  # noqa: PLC0415 - a peer, installed only by the bench extra

    arr = np.array(received, dtype="datetime64[D]")
    calendar = np.busdaycalendar(
        weekmask="1111100", holidays=np.array(_non_working_weekdays(), dtype="datetime64[D]")
    )

    def run() -> object:
        return np.busday_offset(arr, DECISION_WORKING_DAYS, roll="backward", busdaycal=calendar)

    expected = decision_due_many(received)
    got = run().astype(object).tolist()  # type: ignore[attr-defined] # numpy array
    if got != expected:  # pragma: no cover - would mean the peer computes something else
        msg = "numpy.busday_offset disagrees with dpup's decision due dates"
        raise AssertionError(msg)
    return run


def scale_document(n: int) -> dict[str, Any]:
    """Return plain data for an activity with one collection of ``n`` items.

    Each item serves all three purposes, so every item carries cross-references.
    """
    purpose_ids = ["deliver-service", "plan-services", "report-outcomes"]
    purposes = [
        {"id": pid, "why": f"To {pid.replace('-', ' ')} for the people who enrol"}
        for pid in purpose_ids
    ]
    items = [
        {
            "name": f"field-{i:06d}",
            "identifiability": "identifying",
            "purposes": list(purpose_ids),
            "justification": "Needed to deliver the service.",
            "required": i % 2 == 0,
        }
        for i in range(n)
    ]
    collection = {
        "id": "intake",
        "source": "individual",
        "purposes": list(purpose_ids),
        "items": items,
    }
    return {
        "name": "Scale test",
        "as_at": "2026-06-01",
        "purposes": purposes,
        "collections": [collection],
    }


@contextlib.contextmanager
def _room_for(n: int) -> Iterator[None]:
    # Input is bounded (dpup.serde.MAX_LIST_LENGTH) against hostile documents; an analyst
    # loading a large collection raises the bound as the serde docs say, and so do we.
    from dpup import serde  # noqa: PLC0415 - loaded on first use, as dpup does

    old: int | None = getattr(serde, "MAX_LIST_LENGTH", None)
    if old is not None and old < n:
        serde.MAX_LIST_LENGTH = n
    try:
        yield
    finally:
        if old is not None:
            serde.MAX_LIST_LENGTH = old


def scale(n: int) -> Call:
    """Return structuring and evaluating an activity with a collection of ``n`` items."""
    document = scale_document(n)

    def run() -> dpup.Report:
        with _room_for(n):
            return dpup.evaluate(dpup.structure(document))

    return run


@attrs.frozen
class MemoryUse:
    """Traced memory of a scale workload.

    Attributes:
        input_bytes: the plain input data (dicts, lists, strings).
        peak_bytes: the peak while structuring and evaluating it, input included.
    """

    input_bytes: int
    peak_bytes: int

    @property
    def ratio(self) -> float:
        """Peak over input."""
        return self.peak_bytes / self.input_bytes


def memory_use(n: int) -> MemoryUse:
    """Measure the memory of loading and evaluating a collection of ``n`` items."""
    run = scale(1)
    run()  # warm caches (registry, calendar) so they are not charged to the collection
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        document = scale_document(n)
        input_bytes = tracemalloc.get_traced_memory()[0] - base
        tracemalloc.reset_peak()
        with _room_for(n):
            report = dpup.evaluate(dpup.structure(document))
        peak_bytes = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    del report, document
    return MemoryUse(input_bytes, peak_bytes)


@attrs.frozen
class ImportTiming:
    """One ``python -X importtime -c "import dpup"`` run.

    Attributes:
        microseconds: the cumulative import time of ``dpup`` (everything it imports).
        heavy: the modules in `HEAVY_MODULES` that ended up imported.
    """

    microseconds: int
    heavy: tuple[str, ...]


def import_time(python: str = sys.executable, *, compile_first: bool = True) -> ImportTiming:
    """Time ``import dpup`` in a fresh interpreter, with bytecode already compiled.

    dpup's bytecode is compiled first, as ``pip install`` does, so the figure is what a
    user's process pays and not the one-off cost of compiling the source (the smoke test
    passes ``compile_first=False`` to leave the source tree alone).
    """
    if compile_first:
        compileall.compile_dir(Path(dpup.__file__).parent, quiet=1)
    code = f"import sys, dpup; print(','.join(m for m in {HEAVY_MODULES!r} if m in sys.modules))"
    out = subprocess.run(
        [python, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
    )
    for line in reversed(out.stderr.splitlines()):
        fields = [f.strip() for f in line.split("|")]
        if len(fields) == 3 and fields[2] == "dpup":
            heavy = tuple(m for m in out.stdout.strip().split(",") if m)
            return ImportTiming(int(fields[1]), heavy)
    msg = "no import time reported for dpup"  # pragma: no cover
    raise RuntimeError(msg)  # pragma: no cover
