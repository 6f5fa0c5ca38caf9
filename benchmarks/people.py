"""A case-management server's request: one disclosure checked for one of the people it holds.

The programme is loaded once and every person's record is held beside it
(`dpup.model.PersonRecord`). A request checks one disclosure for one person against the
programme and that person's choices (``evaluate(disclosure, context=programme,
person=record)``). The budget: the cost of a request with 10,000 people held is at most 1.3x
its cost with 10, so a server's per-request cost does not grow with its caseload.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

import dpup
from dpup.model import (
    Activity,
    Choice,
    ChoiceLevel,
    ChoiceScope,
    ChoiceState,
    PersonRecord,
)

__all__ = ["PERSON_FIELDS_MOVED", "caseload", "people", "programme", "request"]

PERSON_FIELDS_MOVED = ("choices", "disclosures", "access_requests", "correction_requests")
"""The example's parts that belong to a person; the programme keeps everything else."""


def programme(example: Activity) -> Activity:
    """Return ``example`` without its person-level parts: the programme a server loads once."""
    emptied: dict[str, Any] = dict.fromkeys(PERSON_FIELDS_MOVED, ())
    return attrs.evolve(example, **emptied)


def _person(example: Activity, i: int) -> PersonRecord:
    """Return person ``i``, whose objects are all their own.

    Three choices, the example's court report resting on one of them, and the example's
    access and correction requests.
    """
    state = ChoiceState.GIVEN if i % 2 else ChoiceState.REFUSED
    choices = (
        Choice(
            id="share-with-court",
            scope=ChoiceScope.RECIPIENTS,
            level=ChoiceLevel.SOME,
            recipients=("Family Court",),
            purposes=("court-reporting",),
            state=state,
        ),
        Choice(id="photos", scope=ChoiceScope.CAPTURE, state=ChoiceState.GIVEN),
        Choice(id="updates", scope=ChoiceScope.USE, state=ChoiceState.WITHDRAWN),
    )
    court = example.disclosures[0]
    return PersonRecord(
        ref=f"person-{i:05d}",
        choices=choices,
        disclosures=(attrs.evolve(court, choices=("share-with-court",)),),
        access_requests=tuple(attrs.evolve(r) for r in example.access_requests),
        correction_requests=tuple(attrs.evolve(r) for r in example.correction_requests),
    )


def people(example: Activity, count: int) -> list[PersonRecord]:
    """Return ``count`` people's records for the programme made from ``example``."""
    return [_person(example, i) for i in range(count)]


def request(held: Activity, record: PersonRecord) -> dpup.Report:
    """One request: the person's court report checked against the programme and their choices."""
    return dpup.evaluate(record.disclosures[0], context=held, person=record)


def caseload(example: Activity, count: int) -> Callable[[], dpup.Report]:
    """Return the request call with ``count`` people held, each call for the next person.

    Every person is asked for once before the call is returned, as a running server would
    have, so the timing is of the steady state, not of each person's first request (which
    checks the record's references against the programme once).
    """
    held = programme(example)
    records = people(example, count)
    for record in records:
        request(held, record)
    state = {"next": 0}

    def run() -> dpup.Report:
        i = state["next"]
        state["next"] = (i + 1) % count
        return request(held, records[i])

    return run
