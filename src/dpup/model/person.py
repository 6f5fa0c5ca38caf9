"""One person's own record, and the view that evaluates it in the context of its programme.

Case-management software holds one programme (its purposes, collections, notices and
agreements) and many people, each with choices, requests and disclosures of their own. A
`PersonRecord` holds one person's parts; `in_context` pairs it with the programme as a
`PersonView`: an `Activity` whose person-level parts are that person's and whose other parts
are the programme's, shared rather than copied. Checks read the view as they read any
activity, so a disclosure checked for one person sees that person's choices and no one
else's, and what is derived from the programme alone is worked out once for the programme.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from typing import Any

import attrs

from dpup.errors import InputError, Problem
from dpup.model._validators import non_blank
from dpup.model.access import AccessRequest, CorrectionRequest
from dpup.model.activity import Activity
from dpup.model.choice import Choice
from dpup.model.references import (
    _PARTS,
    KnownIds,
    _duplicates,
    _known,
    _refs,
    dangles,
    known_ids,
)
from dpup.model.regimes import FamilyViolenceSharing, SharingRequest
from dpup.model.sharing import Disclosure

__all__ = [
    "PERSON_FIELDS",
    "PersonRecord",
    "PersonView",
    "forget_views",
    "in_context",
    "person_parts",
    "person_problems",
]

PERSON_FIELDS = (
    "choices",
    "disclosures",
    "access_requests",
    "correction_requests",
    "sharing_requests",
    "family_violence",
)
"""The parts of an `Activity` that a `PersonRecord` holds for one person.

In a `PersonView` these come from the person and every other part from the programme, so a
path names one or the other by its first field alone: ``$.choices[0]`` is the person's,
``$.collections[0]`` the programme's.
"""


@attrs.frozen
class PersonRecord:
    """What is recorded about one person in a programme: their own choices, requests and sharing.

    Evaluate it with ``dpup.evaluate(record, context=programme)``, or check one of its
    disclosures with ``dpup.evaluate(disclosure, context=programme, person=record)``. Its
    records refer to the programme's purposes, information items and agreements by id, and
    to one another (a disclosure to the person's choices, a correction to the person's
    disclosures); references are checked against the programme when it is evaluated.

    What stays with the programme: purposes, collections and their notices, agreements,
    insights, the access practice, and breaches. A breach is an incident of the agency's
    handling, notified to the Privacy Commissioner and to everyone it affects, so it is
    recorded once for the programme rather than once per person.

    Attributes:
        ref: a pseudonymous reference for the person within the case-management system, used
            only to tell records apart. It must not be a real identifier: never a name, a
            National Health Index or IRD number, a client number used outside the system, or
            anything else that identifies the person to someone who sees it. dpup never
            copies it into findings or reports.
        choices: the choices this person was offered and what they decided.
        disclosures: uses and disclosures of this person's information, actual or proposed.
        access_requests: this person's requests to see their information.
        correction_requests: this person's requests to correct their information.
        sharing_requests: requests made to the agency under other Acts about this person.
        family_violence: whether family violence is involved in this person's case, and
            whether the duty to consider sharing was met.
    """

    ref: str = attrs.field(validator=non_blank)
    choices: tuple[Choice, ...] = ()
    disclosures: tuple[Disclosure, ...] = ()
    access_requests: tuple[AccessRequest, ...] = ()
    correction_requests: tuple[CorrectionRequest, ...] = ()
    sharing_requests: tuple[SharingRequest, ...] = ()
    family_violence: FamilyViolenceSharing | None = None

    def __attrs_post_init__(self) -> None:
        problems = list(_own_problems(self))
        if problems:
            raise InputError(problems)


def person_parts(person: PersonRecord | PersonView) -> Iterator[tuple[str, object]]:
    """Yield each of the person's records with its path in the person record, in order.

    The order is the one an activity's parts are evaluated in: choices, disclosures, access
    requests, correction requests, then requests under other Acts. A view gives the same
    records as the person's record it was made from.
    """
    for name in _PARTS_OF_PERSON:
        for i, record in enumerate(getattr(person, name)):
            yield f"$.{name}[{i}]", record


def _own_problems(person: PersonRecord) -> Iterator[Problem]:
    """Yield duplicate ids, and references between the person's own records that dangle."""
    p = person
    yield from _duplicates((c.id for c in p.choices), "$.choices", "choice id")
    yield from _duplicates((d.id for d in p.disclosures), "$.disclosures", "disclosure id")
    yield from _duplicates((r.id for r in p.access_requests), "$.access_requests", "request id")
    yield from _duplicates(
        (r.id for r in p.correction_requests), "$.correction_requests", "request id"
    )
    yield from _duplicates((r.id for r in p.sharing_requests), "$.sharing_requests", "request id")
    choices = _known((c.id for c in p.choices), "$.choices")
    disclosures = _known((d.id for d in p.disclosures), "$.disclosures")
    for di, dis in enumerate(p.disclosures):
        yield from _refs(dis.choices, choices, f"$.disclosures[{di}].choices", "choice")
    for ri, cor in enumerate(p.correction_requests):
        base = f"$.correction_requests[{ri}]"
        yield from _refs(cor.disclosures, disclosures, f"{base}.disclosures", "disclosure")
        yield from _refs(cor.notified, disclosures, f"{base}.notified", "disclosure")
    for qi, req in enumerate(p.sharing_requests):
        if req.disclosure is not None and req.disclosure not in disclosures:
            yield Problem("refers to an unknown disclosure", f"$.sharing_requests[{qi}].disclosure")


_PARTS_OF_PERSON = (
    "choices",
    "disclosures",
    "access_requests",
    "correction_requests",
    "sharing_requests",
)


def _with_person(person: PersonRecord, programme: KnownIds) -> KnownIds:
    """Return the programme's purposes, items and agreements with the person's own records.

    The programme's tables and sets are shared, not copied, so each person adds only what
    their own choices and disclosures take.
    """
    choices = _known((c.id for c in person.choices), "$.choices")
    disclosures = _known((d.id for d in person.disclosures), "$.disclosures")
    known = object.__new__(KnownIds)
    known.purposes = programme.purposes
    known.choices = choices
    known.agreements = programme.agreements
    known.disclosures = disclosures
    known.items = programme.items
    known.sets = {
        **programme.sets,
        "choice": frozenset(choices),
        "disclosure": frozenset(disclosures),
    }
    return known


def person_problems(person: PersonRecord, programme: Activity) -> list[Problem]:
    """Return every reference from ``person`` to ``programme`` that names no record there.

    Choices and disclosures refer to the programme's purposes, disclosures to its
    information items and agreements, corrections and requests under other Acts to its
    items, by the rules that apply to the same records inside an activity
    (`dpup.model.reference_problems`). Problems name paths into the person record
    (``$.disclosures[0].items[1]``), never ids.
    """
    known = _with_person(person, known_ids(programme))
    problems: list[Problem] = []
    for name in _PARTS_OF_PERSON:
        for i, record in enumerate(getattr(person, name)):
            rules = _PARTS.get(type(record))
            if rules is not None:
                problems += rules(record, f"$.{name}[{i}]", known)
    return problems


_IDS: dict[int, tuple[weakref.ref[Activity], KnownIds]] = {}
_IDS_LIMIT = 16


def _ids_of(programme: Activity) -> KnownIds:
    """Return the programme's ids, gathered once per programme (a few programmes are kept)."""
    entry = _IDS.get(id(programme))
    if entry is not None and entry[0]() is programme:
        return entry[1]
    ids = known_ids(programme)
    if len(_IDS) >= _IDS_LIMIT:
        _IDS.clear()
    _IDS[id(programme)] = (weakref.ref(programme), ids)
    return ids


_ACTIVITY_FIELDS = tuple(f.name for f in attrs.fields(Activity))


class PersonView(Activity):
    """An activity made of one person's parts and the rest of their programme, without copying.

    Made by `in_context`; never built directly. The fields named in `PERSON_FIELDS` are the
    person's and every other field is the programme's: the same objects, not copies. Checks
    read it as any `Activity`. What is derived from it is kept in its own ``cache``, except
    facts that depend on the programme alone, which are kept with the programme
    (`dpup.facts.programme_fact`), so they are worked out once however many people it has.

    The view holds the person's parts but not the record itself, so the views `in_context`
    keeps go when the records do.

    Attributes:
        programme: the programme the person belongs to.
        cache: what is derived from this view (see `dpup.facts.activity_cache`).
    """

    __slots__ = ("_person", "cache", "programme")

    programme: Activity
    cache: dict[object, Any]
    _person: weakref.ref[PersonRecord]

    @property
    def person(self) -> PersonRecord | None:
        """The person's record, or ``None`` once nothing else holds it."""
        return self._person()


def _view(programme: Activity, person: PersonRecord) -> PersonView:
    view = object.__new__(PersonView)
    for name in _ACTIVITY_FIELDS:
        source = person if name in PERSON_FIELDS else programme
        object.__setattr__(view, name, getattr(source, name))
    object.__setattr__(view, "programme", programme)
    object.__setattr__(view, "_person", weakref.ref(person))
    object.__setattr__(view, "cache", {})
    return view


_VIEWS: dict[int, tuple[weakref.ref[PersonRecord], PersonView]] = {}
"""The view of each person record evaluated, by the record's identity: one per record, kept
while the record lives and made again when the record is evaluated with another programme.
A view holds its programme, so a programme replaced on a server is let go as each person is
next evaluated with the new one, or goes."""


def forget_views() -> None:
    """Forget every view `in_context` keeps, and so what was derived from each."""
    _VIEWS.clear()


def in_context(programme: Activity, person: PersonRecord) -> PersonView:
    """Return ``person`` seen in the context of ``programme``, checked and kept for next time.

    The first call for a record checks its references against the programme and makes the
    view; later calls with the same record and programme return the same view, so a server
    holding many people pays for each person once, and each request costs a lookup.

    Raises:
        InputError: a reference from the person's records names no purpose, information
            item or agreement of the programme; every such path is listed.
        TypeError: ``programme`` is not an `Activity` (a view cannot be a programme).
    """
    if type(programme) is PersonView or not isinstance(programme, Activity):
        msg = "a person's record is evaluated in the context of a programme (an Activity)"
        raise TypeError(msg)
    key = id(person)
    entry = _VIEWS.get(key)
    if entry is not None and entry[0]() is person and entry[1].programme is programme:
        return entry[1]
    known = _with_person(person, _ids_of(programme))
    if any(dangles(record, known) for _, record in person_parts(person)):
        raise InputError(person_problems(person, programme))
    view = _view(programme, person)
    # A record proposed for this person is checked against these ids
    # (`dpup.facts.indexed(view, known_ids)`), without gathering the programme's again.
    view.cache[known_ids] = known

    def forget(
        ref: weakref.ref[PersonRecord],
        key: int = key,
        table: dict[int, Any] = _VIEWS,
    ) -> None:
        held = table.get(key)
        if held is not None and held[0] is ref:
            table.pop(key, None)

    _VIEWS[key] = (weakref.ref(person, forget), view)
    return view
