"""The request-path workloads run once and answer with JSON. No timing is asserted."""

from __future__ import annotations

import json

import pytest
from benchmarks import workloads as w
from benchmarks.request_json import EVENT_ID, cedar_json, event_text, request_json


def test_the_event_is_a_disclosure_with_room_for_its_id() -> None:
    """The event text is the first disclosure's data, with a placeholder for its id."""
    data = json.loads(event_text(w.kids_first()))
    assert EVENT_ID == data["id"]
    assert "recipient" in data


def test_each_request_reads_a_new_disclosure_and_answers_compact_json() -> None:
    """Each call evaluates a disclosure and returns the compact JSON of its report."""
    run = request_json(w.kids_first())
    first, second = run(), run()
    assert isinstance(first, str)
    assert first == second  # the id is not in the report, which never echoes input
    report = json.loads(first)
    assert "Disclosure" == report["subject_type"]
    assert first == json.dumps(report, separators=(",", ":"), ensure_ascii=False) + "\n"


def test_cedar_round_trip() -> None:
    """The cedarpy peer reads its request from JSON and answers in JSON (needs the bench extra)."""
    pytest.importorskip("cedarpy")
    answer = cedar_json()()
    assert isinstance(answer, str)
    assert "Allow" == json.loads(answer)["decision"]
