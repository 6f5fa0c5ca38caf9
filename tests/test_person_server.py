"""The server-shaped example runs: one programme loaded once, many people, one check per request."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import dpup
from dpup.model import Choice, ChoiceState, PersonRecord

SERVER = Path(__file__).parent.parent / "examples" / "server"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    """The example's module, loaded from its file."""
    spec = importlib.util.spec_from_file_location("dpup_server_example", SERVER / "server.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _others(template: PersonRecord, count: int) -> list[PersonRecord]:
    """``count`` more people, each refusing what the example person agreed to."""
    refused = attrs.evolve(template.choices[0], state=ChoiceState.REFUSED)
    return [
        attrs.evolve(template, ref=f"person-{i:04d}", choices=(refused,))
        for i in range(2, count + 2)
    ]


def _tc004(text: str) -> str:
    report = json.loads(text)
    (found,) = [f for f in report["findings"] if f["check_id"] == "TC004"]
    return str(found["status"])


def test_a_request_checks_one_disclosure_for_one_person(example: ModuleType) -> None:
    """Each person's disclosure is checked against their own choice only."""
    server = example.CaseServer.from_files(SERVER / "programme.toml", [SERVER / "person.toml"])
    template = server.people["person-0001"]
    server = example.CaseServer(server.programme, [template, *_others(template, 50)])
    status, text = server.handle(
        json.dumps({"person": "person-0001", "disclosure_id": "term-update"})
    )
    assert status == 200
    assert _tc004(text) == "met"
    status, text = server.handle(
        json.dumps({"person": "person-0031", "disclosure_id": "term-update"})
    )
    assert status == 200
    assert _tc004(text) == "not_met" or _tc004(text) == "needs_review"
    # The same person's answer again, after another person's: unchanged.
    again = server.handle(json.dumps({"person": "person-0001", "disclosure_id": "term-update"}))
    assert _tc004(again[1]) == "met"


def test_a_proposed_disclosure_is_checked_with_the_persons_choices(example: ModuleType) -> None:
    """A disclosure sent in the request, not yet in the record, sees the person's choices."""
    server = example.CaseServer.from_files(SERVER / "programme.toml", [SERVER / "person.toml"])
    person = server.people["person-0001"]
    proposal = dpup.unstructure(attrs.evolve(person.disclosures[0], id="next-term"))
    status, text = server.handle(json.dumps({"person": "person-0001", "disclosure": proposal}))
    assert status == 200
    assert _tc004(text) == "met"
    assert json.loads(text)["findings"][0]["subject"] == "$"


def test_bad_requests_name_paths_not_values(example: ModuleType) -> None:
    """Unknown people and dangling references are refused without echoing the request."""
    server = example.CaseServer.from_files(SERVER / "programme.toml", [SERVER / "person.toml"])
    status, text = server.handle(json.dumps({"person": "nobody-secret"}))
    assert status == 404
    assert "nobody-secret" not in text
    proposal = {"id": "x", "items": ["secret-item"], "purposes": ["mentoring"]}
    status, text = server.handle(json.dumps({"person": "person-0001", "disclosure": proposal}))
    assert status == 422
    assert json.loads(text)["problems"] == [
        {"message": "refers to an unknown information item", "path": "$.items[0]"}
    ]
    assert "secret-item" not in text


@pytest.mark.parametrize(
    "body",
    ["[" * 100_000, '{"person": ' + "[" * 100_000, "not json", '"person"', '{"person": ["x"]}'],
    ids=["nested-too-deep", "person-nested-too-deep", "not-json", "a-string", "unhashable"],
)
def test_malformed_requests_are_refused(example: ModuleType, body: str) -> None:
    """A body that is not a request, however deeply nested, gets a 404 and no traceback."""
    server = example.CaseServer.from_files(SERVER / "programme.toml", [SERVER / "person.toml"])
    status, text = server.handle(body)
    assert status == 404
    assert json.loads(text) == {"error": "unknown person or malformed request"}


def test_the_report_carries_no_personal_values(example: ModuleType) -> None:
    """The person's reference and the programme's free text stay out of the JSON."""
    server = example.CaseServer.from_files(SERVER / "programme.toml", [SERVER / "person.toml"])
    choice: Choice = server.people["person-0001"].choices[0]
    assert choice.recipients
    _, text = server.handle(json.dumps({"person": "person-0001", "disclosure_id": "term-update"}))
    for value in ("person-0001", "Northside College", "Hōkai", "mentoring notes"):
        assert value not in text
