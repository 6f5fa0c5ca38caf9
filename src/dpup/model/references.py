"""Cross-references between the records of an activity: which ids exist, and which dangle.

Records refer to one another by id: items and agreements to purposes, disclosures to
purposes, items, choices and an agreement, corrections to items and disclosures, breaches to
items, requests under other Acts to items and a disclosure. One set of rules checks them, in
two places:

* a whole `Activity` when it is built (`reference_problems`): every duplicate id and every
  dangling reference;
* one proposed record evaluated in the context of an activity (`part_reference_problems`,
  with the context's ids gathered once by `known_ids`): every reference of the record that
  the context does not define. `dangles` answers the same question with a few set lookups,
  for the request path, where nearly every record refers only to what exists.

An item name means one item across the activity: collections that hold the same name must
not record it as different information (`reference_problems` reports where they do).

Problems name paths, never the ids themselves.
"""

from __future__ import annotations

import difflib
import operator
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from dpup.errors import Problem
from dpup.model._validators import reference_fields
from dpup.model.access import AccessPractice, AccessRequest, CorrectionRequest
from dpup.model.breach import Breach
from dpup.model.choice import Choice
from dpup.model.collection import Collection
from dpup.model.information import InformationItem
from dpup.model.insight import Insight
from dpup.model.purpose import Purpose
from dpup.model.regimes import SharingRequest
from dpup.model.sharing import Disclosure, SharingAgreement

if TYPE_CHECKING:
    from dpup.model.activity import Activity

__all__ = [
    "ANSWERS_LIMIT",
    "KnownIds",
    "dangles",
    "known_ids",
    "part_reference_problems",
    "reference_problems",
]


class _Known(dict[str, str]):
    """The ids of one kind of record, each with the path of the first record that has it.

    A reference to an id that is not here may be a typo of one that is: `nearest` points at the
    record with the closest id, by its path, never naming either id. It gives at most
    `_HINTS` hints per kind, and compares only short ids, so a document full of dangling
    references costs no more than one with a few.
    """

    hints_given = 0

    def note(self, ident: str, path: str) -> None:
        self.setdefault(ident, path)

    def nearest(self, value: str) -> str:
        text = str(value)  # annotations are not enforced when a caller builds an Activity
        if self.hints_given >= _HINTS or not 0 < len(text) <= _HINT_LENGTH:
            return ""
        self.hints_given += 1
        candidates = [k for k in self if len(str(k)) <= _HINT_LENGTH]
        matches = difflib.get_close_matches(text, candidates, n=1)
        return f" (did you mean the one at `{self[matches[0]]}`?)" if matches else ""


_HINTS = 10

_HINT_LENGTH = 64


def _known(ids: Iterable[str], path: str) -> _Known:
    known = _Known()
    for i, ident in enumerate(ids):
        known.note(ident, f"{path}[{i}]")
    return known


class KnownIds:
    """The ids an activity defines, by kind, each with the path of the record that has it.

    Built by `known_ids`. Item names come from the collections' items and the agreements'
    fields. ``sets`` holds the same ids as frozen sets, by the kind a reference field names
    (``purpose``, ``choice``, ``item``, ``agreement``, ``disclosure``), for `dangles`.
    """

    __slots__ = ("agreements", "answers", "choices", "disclosures", "items", "purposes", "sets")

    def __init__(
        self,
        purposes: _Known,
        choices: _Known,
        agreements: _Known,
        disclosures: _Known,
        items: _Known,
    ) -> None:
        self.purposes = purposes
        self.choices = choices
        self.agreements = agreements
        self.disclosures = disclosures
        self.items = items
        self.sets: dict[str, frozenset[str]] = {
            "purpose": frozenset(purposes),
            "choice": frozenset(choices),
            "agreement": frozenset(agreements),
            "disclosure": frozenset(disclosures),
            "item": frozenset(items),
        }
        self.answers: dict[tuple[type, tuple[Any, ...]], bool] = {}
        """What `dangles` found for each kind of record and its references' values."""


def known_ids(activity: Activity, root: str = "$") -> KnownIds:
    """Return the ids ``activity`` defines, by kind, with the path of each from ``root``."""
    a = activity
    items = _Known()
    for ci, col in enumerate(a.collections):
        for ii, item in enumerate(col.items):
            items.note(item.name, f"{root}.collections[{ci}].items[{ii}]")
    for gi, agr in enumerate(a.agreements):
        for fi, field in enumerate(agr.fields or ()):
            items.note(field.name, f"{root}.agreements[{gi}].fields[{fi}]")
    return KnownIds(
        purposes=_known((p.id for p in a.purposes), f"{root}.purposes"),
        choices=_known((c.id for c in a.choices), f"{root}.choices"),
        agreements=_known((g.id for g in a.agreements), f"{root}.agreements"),
        disclosures=_known((d.id for d in a.disclosures), f"{root}.disclosures"),
        items=items,
    )


def _duplicates(ids: Iterable[str], path: str, what: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            yield Problem(f"duplicate {what}", f"{path}[{i}]")
        seen.add(ident)


def _item_conflicts(collections: tuple[Collection, ...]) -> Iterator[Problem]:
    """Yield where an item name is defined again, in another collection, as something else.

    Disclosures, corrections and breaches name items alone, so an item name means one item
    across the activity: every collection that holds it holds the same kind of information.
    Each may record its own purposes and justification, but where two record what the item
    is (``identifiability``, ``sensitivity``) the two must agree. Only the first collection
    to hold a name is compared with, so each disagreement is reported once, at the later item.
    """
    first: dict[str, tuple[int, int, InformationItem]] = {}
    for ci, col in enumerate(collections):
        for ii, item in enumerate(col.items):
            held = first.setdefault(item.name, (ci, ii, item))
            if held[0] == ci:
                continue  # the first holder, or a duplicate within it (reported as such)
            other = held[2]
            where = f"$.collections[{held[0]}].items[{held[1]}]"
            base = f"$.collections[{ci}].items[{ii}]"
            a, b = item.identifiability, other.identifiability
            if a is not None and b is not None and a is not b:
                yield Problem(_conflict("identifiability", where), f"{base}.identifiability")
            s, t = item.sensitivity, other.sensitivity
            if s is not None and t is not None and set(s) != set(t):
                yield Problem(_conflict("sensitivity", where), f"{base}.sensitivity")


def _conflict(field: str, where: str) -> str:
    return (
        f"an item of the same name at {where} records a different {field}; an item name "
        "means one item in every collection, so record the same value or rename one"
    )


def _refs(values: tuple[str, ...] | None, known: _Known, path: str, what: str) -> Iterator[Problem]:
    if values is None:
        return
    for i, value in enumerate(values):
        if value not in known:
            hint = known.nearest(value)
            yield Problem(f"refers to an unknown {what}{hint}", f"{path}[{i}]")


def _ref(value: str | None, known: _Known, path: str, what: str) -> Iterator[Problem]:
    if value is not None and value not in known:
        yield Problem(f"refers to an unknown {what}", path)


def _collection(col: Collection, base: str, k: KnownIds) -> Iterator[Problem]:
    yield from _duplicates((it.name for it in col.items), f"{base}.items", "item name")
    yield from _refs(col.purposes, k.purposes, f"{base}.purposes", "purpose")
    for ii, item in enumerate(col.items):
        yield from _refs(item.purposes, k.purposes, f"{base}.items[{ii}].purposes", "purpose")
    if col.notice is not None:
        uses = col.notice.uses_explained
        yield from _refs(uses, k.purposes, f"{base}.notice.uses_explained", "purpose")


def _agreement(agr: SharingAgreement, base: str, k: KnownIds) -> Iterator[Problem]:
    yield from _refs(agr.purposes, k.purposes, f"{base}.purposes", "purpose")
    for fi, field in enumerate(agr.fields or ()):
        yield from _refs(field.purposes, k.purposes, f"{base}.fields[{fi}].purposes", "purpose")
    for si, use in enumerate(agr.secondary_uses or ()):
        yield from _ref(use.purpose, k.purposes, f"{base}.secondary_uses[{si}].purpose", "purpose")


def _choice(choice: Choice, base: str, k: KnownIds) -> Iterator[Problem]:
    yield from _refs(choice.purposes, k.purposes, f"{base}.purposes", "purpose")


def _disclosure(dis: Disclosure, base: str, k: KnownIds) -> Iterator[Problem]:
    yield from _refs(dis.purposes, k.purposes, f"{base}.purposes", "purpose")
    yield from _refs(dis.choices, k.choices, f"{base}.choices", "choice")
    yield from _refs(dis.items, k.items, f"{base}.items", "information item")
    yield from _ref(dis.agreement, k.agreements, f"{base}.agreement", "agreement")


def _correction(cor: CorrectionRequest, base: str, k: KnownIds) -> Iterator[Problem]:
    yield from _refs(cor.items, k.items, f"{base}.items", "information item")
    yield from _refs(cor.disclosures, k.disclosures, f"{base}.disclosures", "disclosure")
    yield from _refs(cor.notified, k.disclosures, f"{base}.notified", "disclosure")


def _breach(breach: Breach, base: str, k: KnownIds) -> Iterator[Problem]:
    yield from _refs(breach.items, k.items, f"{base}.items", "information item")


def _sharing_request(req: SharingRequest, base: str, k: KnownIds) -> Iterator[Problem]:
    yield from _refs(req.items, k.items, f"{base}.items", "information item")
    yield from _ref(req.disclosure, k.disclosures, f"{base}.disclosure", "disclosure")


_PARTS: dict[type, Callable[[Any, str, KnownIds], Iterator[Problem]]] = {
    Collection: _collection,
    SharingAgreement: _agreement,
    Choice: _choice,
    Disclosure: _disclosure,
    CorrectionRequest: _correction,
    Breach: _breach,
    SharingRequest: _sharing_request,
}
"""Each kind of record that refers to others, and the rules for its references."""


def _flat(cls: type) -> tuple[Callable[[object], tuple[Any, ...]], tuple[str, ...]]:
    fields = reference_fields(cls)
    return _getter(tuple(fields)), tuple(fields.values())


def _getter(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """Return a function giving the values of ``names`` of a record, as a tuple, in one call."""
    if not names:
        return lambda _part: ()
    if len(names) == 1:  # `attrgetter` of one name gives the value itself, not a tuple
        name = names[0]
        return lambda part: (getattr(part, name),)
    getter: Callable[[object], tuple[Any, ...]] = operator.attrgetter(*names)
    return getter


_FLAT: dict[type, tuple[Callable[[object], tuple[Any, ...]], tuple[str, ...]]] = {
    cls: _flat(cls)
    for cls in (
        Purpose,
        Choice,
        Disclosure,
        AccessRequest,
        CorrectionRequest,
        Breach,
        SharingRequest,
        AccessPractice,
        Insight,
    )
}
"""For each record whose references are all its own fields (none nested in a part of it),
a getter of those fields' values and the kind of record each names; `dangles` reads these."""


def reference_problems(activity: Activity) -> list[Problem]:
    """Return every duplicate id and dangling cross-reference inside ``activity``.

    Items refer to purposes, disclosures to purposes, items, choices and agreements,
    corrections to items and disclosures, breaches to items, and requests under other Acts to
    items and disclosures. Problems name paths, never the ids themselves.
    """
    a = activity
    problems: list[Problem] = []
    problems += _duplicates((p.id for p in a.purposes), "$.purposes", "purpose id")
    problems += _duplicates((c.id for c in a.collections), "$.collections", "collection id")
    problems += _duplicates((c.id for c in a.choices), "$.choices", "choice id")
    problems += _duplicates((g.id for g in a.agreements), "$.agreements", "agreement id")
    problems += _duplicates((d.id for d in a.disclosures), "$.disclosures", "disclosure id")
    problems += _duplicates((r.id for r in a.access_requests), "$.access_requests", "request id")
    problems += _duplicates(
        (r.id for r in a.correction_requests), "$.correction_requests", "request id"
    )
    problems += _duplicates((b.id for b in a.breaches), "$.breaches", "breach id")
    problems += _duplicates((r.id for r in a.sharing_requests), "$.sharing_requests", "request id")
    problems += _duplicates((i.id for i in a.insights), "$.insights", "insight id")
    problems += _item_conflicts(a.collections)
    known = known_ids(a)
    for name, records in (
        ("collections", a.collections),
        ("agreements", a.agreements),
        ("choices", a.choices),
        ("disclosures", a.disclosures),
        ("correction_requests", a.correction_requests),
        ("breaches", a.breaches),
        ("sharing_requests", a.sharing_requests),
    ):
        for i, record in enumerate(records):
            problems += _PARTS[type(record)](record, f"$.{name}[{i}]", known)
    return problems


def part_reference_problems(
    part: object, context: Activity, context_root: str = "$"
) -> list[Problem]:
    """Return every reference of ``part`` that ``context`` does not define, at its path.

    The rules are those `reference_problems` applies to the same kind of record inside an
    activity; paths start at ``$``, the part itself (``$.items[1]``). A hint at a close
    match names its path in the context from ``context_root``. A part that refers to
    nothing has no problems.
    """
    rules = _PARTS.get(type(part))
    if rules is None:
        return []
    return list(rules(part, "$", known_ids(context, context_root)))


def dangles(part: object, known: KnownIds) -> bool:
    """Whether any reference of ``part`` names an id missing from ``known``.

    A few set lookups for a record whose references are its own fields (a disclosure, a
    choice, a request), and the answer is remembered (at most `ANSWERS_LIMIT` at once) by the
    references' values: one event after another names the same purposes and items. A
    collection or an agreement, whose references sit in its items, fields and notice, is
    checked by the full rules.
    """
    cls = type(part)
    spec = _FLAT.get(cls)
    if spec is None:
        rules = _PARTS.get(cls)
        return rules is not None and next(rules(part, "$", known), None) is not None
    values = spec[0](part)
    key = (cls, values)
    try:
        answers = known.answers
    except AttributeError:  # a `KnownIds` assembled without `__init__` (`dpup.model.person`)
        answers = known.answers = {}
    try:
        return answers[key]
    except KeyError:
        pass
    except TypeError:  # a list where a tuple belongs, in a record built by hand
        return _dangles(values, spec[1], known)
    found = _dangles(values, spec[1], known)
    if len(answers) >= ANSWERS_LIMIT:
        answers.clear()
    answers[key] = found
    return found


ANSWERS_LIMIT = 1024
"""Answers `dangles` remembers per activity; the table is emptied when it is full."""


def _dangles(values: tuple[Any, ...], kinds: tuple[str, ...], known: KnownIds) -> bool:
    sets = known.sets
    for value, kind in zip(values, kinds):  # noqa: B905 - built to the same length
        if value is not None and not sets[kind].issuperset(
            (value,) if type(value) is str else value
        ):
            return True
    return False
