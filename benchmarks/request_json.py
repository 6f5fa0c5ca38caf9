"""The request path end to end: JSON in, a decision, JSON out, for dpup and for cedarpy.

A case-management server receives an event as JSON text, decides on it, and stores the
answer as JSON. `request_json` times that for dpup: a disclosure read from JSON text (with a
fresh id on every call, so nothing is reused from the call before), evaluated in the context
of an activity the server already holds (warm), and the report written as compact JSON.
`cedar_json` times the same round trip for one cedarpy decision: its request parsed from JSON
text (a fresh resource id on every call), decided with the pre-parsed policy set and entities
of `benchmarks.workloads.cedar_decision`, and its answer written as compact JSON.

To register them in `benchmarks.run`, add to the ``request`` group in ``measure``::

    labels["request-json"] = "request: JSON in, evaluate, JSON out"
    request["request-json"] = request_json(activity)
    # and, inside the ``if config.peers and _have("cedarpy"):`` block:
    labels["cedarpy-json"] = "peer: cedarpy, JSON in and out"
    request["cedarpy-json"] = cedar_json()

and to ``judge``::

    budget("request JSON end to end / cedarpy JSON end to end",
           _ratio(results, "request-json", "cedarpy-json"), 1.0, "x"),
"""

from __future__ import annotations

import itertools
import json

import dpup
from benchmarks.workloads import Call
from dpup.model import Disclosure
from dpup.render import to_json

__all__ = ["EVENT_ID", "cedar_json", "event_text", "request_json"]

EVENT_ID = "@@event-id@@"
"""Where `event_text` leaves room for the event's id."""


def event_text(activity: dpup.Activity) -> str:
    """Return the activity's first disclosure as JSON text, with `EVENT_ID` for its id.

    This is the event a server receives: a disclosure about to be made, written as the
    disclosure's plain data, with no spaces (as a client library would send it).
    """
    data = dpup.unstructure(activity.disclosures[0])
    data["id"] = EVENT_ID
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def request_json(activity: dpup.Activity) -> Call:
    """Return one request: a disclosure read from JSON, evaluated in ``activity``, as JSON.

    Every call reads a new disclosure (``event-1``, ``event-2`` ...) through `dpup.loads`,
    with all of its validation, and writes the report with `dpup.render.to_json` (compact).
    The activity is the same object every call, as a server holding the case keeps it.
    """
    head, tail = event_text(activity).split(EVENT_ID)
    ids = itertools.count(1)

    def run() -> str:
        disclosure = dpup.loads(f"{head}event-{next(ids)}{tail}", "json", Disclosure)
        return to_json(dpup.evaluate(disclosure, context=activity))

    report = json.loads(run())  # a first run: the answer must be a report on a disclosure
    if report["subject_type"] != "Disclosure" or not report["findings"]:  # pragma: no cover
        msg = "the request workload should evaluate a disclosure"
        raise AssertionError(msg)
    return run


def cedar_json() -> Call:
    """Return one cedarpy decision with its request read from JSON and its answer written as JSON.

    The policy set and entities are parsed once, outside the timed call (as in
    `benchmarks.workloads.cedar_decision`); each call parses a request naming a new
    resource, decides it, and writes the decision and its diagnostics as compact JSON.
    """
    import cedarpy  # noqa: PLC0415 - a peer, installed only by the bench extra

    policies = cedarpy.PolicySet.from_str("permit(principal, action, resource);")
    entities = cedarpy.Entities.from_json_str(
        json.dumps([{"uid": {"type": "User", "id": "alice"}, "attrs": {}, "parents": []}])
    )
    request = {
        "principal": 'User::"alice"',
        "action": 'Action::"view"',
        "resource": f'Record::"{EVENT_ID}"',
    }
    head, tail = json.dumps(request, separators=(",", ":")).split(EVENT_ID)
    ids = itertools.count(1)

    def run() -> str:
        answer = cedarpy.is_authorized(json.loads(f"{head}r{next(ids)}{tail}"), policies, entities)
        diagnostics = answer.diagnostics
        return json.dumps(
            {
                "decision": answer.decision.value,
                "reasons": diagnostics.reasons,
                "errors": diagnostics.errors,
            },
            separators=(",", ":"),
        )

    if json.loads(run())["decision"] != "Allow":  # pragma: no cover
        msg = "the trivial Cedar policy should allow the request"
        raise AssertionError(msg)
    return run
