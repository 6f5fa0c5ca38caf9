"""Facts derived from an activity, worked out once and shared by checks, the engine and documents.

Several checks ask the same questions of an activity: which collections hold an item, which
disclosures draw on a collection, what a collection's notice leaves unexplained, where a
disclosure sits in the activity's list, whether any disclosure identifies anyone. The answers
live here, and nowhere else, so that a check, the engine (a subject's position) and the
document writers (a collection's flows) agree.

Each answer is computed once per activity and kept in one bounded memo, `activity_cache`: a
table per activity, held by weak reference, at most `ACTIVITY_CACHE_LIMIT` activities at once.
Activities are immutable, so what is derived from one stays true while it lives. `clear` empties
the memo (tests use it to start from nothing). Lookups over lists of up to `SCAN_LIMIT` records
scan them directly; longer lists are indexed once (`indexed`, `positions`), so the cost per
subject stays flat however large an activity grows.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping, Set, Sized
from typing import Any, TypeVar

import attrs

from dpup._engine.outcomes import EvaluationContext
from dpup.model import (
    Activity,
    Choice,
    Collection,
    Disclosure,
    FlowKind,
    PersonView,
    SharingGround,
    forget_views,
)

__all__ = [
    "ACTIVITY_CACHE_LIMIT",
    "CollectionFlows",
    "NoticeGaps",
    "SCAN_LIMIT",
    "activity_cache",
    "choice_named",
    "choice_positions",
    "clear",
    "collection_flows",
    "collection_purposes",
    "disclosure_position",
    "disclosure_sources",
    "identifiable_disclosures",
    "indexed",
    "item_disclosures",
    "item_sources",
    "many",
    "memo",
    "notice_gaps",
    "override_grounds_in_play",
    "positions",
    "positions_of",
    "programme_fact",
    "purpose_positions",
    "purposes_served",
]

T = TypeVar("T")


_PROGRAMME_FACTS: set[Callable[[Any], Any]] = set()


def programme_fact(build: Callable[[Activity], T]) -> Callable[[Activity], T]:
    """Mark ``build`` as reading only parts a person's record never holds, and return it.

    Such a builder (an index of the collections' items, of the agreements' purposes) gives
    the same answer for a programme and for any person seen in it (`dpup.model.PersonView`),
    so `indexed` works it out once, with the programme, rather than once per person. A
    builder that reads choices, disclosures or requests (`dpup.model.PERSON_FIELDS`) must
    not be marked.
    """
    _PROGRAMME_FACTS.add(build)
    return build


def identifiable_disclosures(activity: Activity | None) -> bool:
    """Whether the activity records any disclosure that is, or may be, identifying.

    Collection checks ask for every collection; with many disclosures the answer is worked
    out once per activity.
    """
    if activity is None:
        return False
    if many(activity.disclosures):
        return indexed(activity, _any_identifiable)
    return _any_identifiable(activity)


def _any_identifiable(activity: Activity) -> bool:
    return any(d.identifiable is not False for d in activity.disclosures)


def override_grounds_in_play(activity: Activity | None) -> set[SharingGround]:
    """Return the grounds on which the activity does or may share without agreement.

    These are the override grounds of its disclosures plus those recorded on its choices.
    Every collection's notice is compared with them, so with many disclosures or choices
    they are gathered once per activity.
    """
    if activity is None:
        return set()
    if many(activity.disclosures) or many(activity.choices):
        return set(indexed(activity, _override_grounds))
    return set(_override_grounds(activity))


def _override_grounds(activity: Activity) -> frozenset[SharingGround]:
    grounds = {
        d.ground for d in activity.disclosures if d.ground is not None and d.ground.overrides_choice
    }
    for c in activity.choices:
        grounds.update(g for g in c.override_grounds or () if g.overrides_choice)
    return frozenset(grounds)


@attrs.frozen
class NoticeGaps:
    """How one disclosure compares with what people were told when its items were collected.

    Attributes:
        unlisted: paths of notice entries that leave out the disclosure's recipient or
            purpose (absolute, e.g. ``$.collections[0].notice.recipients``), each a recorded
            fact: ``uses_explained``, or ``purpose`` where the explained purposes were read
            from it.
        unknown: paths of the facts that are not recorded, so the comparison cannot be
            finished (relative to the disclosure, or absolute for a notice).
    """

    unlisted: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    @property
    def told(self) -> bool:
        """Whether every source notice covers the disclosure's recipient and purposes."""
        return not self.unlisted and not self.unknown


def _explained_purposes(activity: Activity, index: int) -> Set[str] | None:
    """Return the purpose ids the notice of the collection at ``index`` explains, or ``None``.

    ``notice.uses_explained`` says so directly. Without it, a notice recorded as explaining
    the purpose (``notice.purpose``) is read as explaining the collection's own purposes,
    and one recorded as not explaining it as explaining none.
    """
    notice = activity.collections[index].notice
    if notice is None:
        return None
    if notice.uses_explained is not None:
        return set(notice.uses_explained)
    if notice.purpose is False:
        return set()
    if notice.purpose is True:
        return purposes_served(activity, index) or None
    return None


def notice_gaps(
    activity: Activity, disclosure: Disclosure, ctx: EvaluationContext | None = None
) -> NoticeGaps:
    """Compare a disclosure's recipient and purposes with the notices of its source collections.

    The source collections are those holding any of the disclosure's items
    (`disclosure_sources`). A recipient is listed when its name occurs,
    ignoring case, inside one of the notice's recipient entries. A disclosure made on a
    ground that overrides people's choices (e.g. an Oranga Tamariki request) counts as
    told where the notice explains that ground among its sharing exceptions.

    Given the evaluation context, the comparison is made once per disclosure, however many
    checks ask for it: once per activity for the activity's own disclosures
    (`activity_cache`), else once per evaluation.
    """
    if ctx is not None and ctx.activity is activity:
        position = disclosure_position(activity, disclosure)
        if position is not None:
            # One of the activity's own disclosures: the comparison depends on nothing else,
            # so it is kept with the activity's other indexes.
            cache = activity_cache(activity)
            key = (notice_gaps, position)
            found: NoticeGaps | None = cache.get(key)
            if found is None:
                found = cache[key] = _notice_gaps(activity, disclosure, ctx)
            return found
        # Keyed by identity; the disclosure is kept with the result so the key stays valid.
        kept, gaps = memo(
            ctx,
            (notice_gaps, id(disclosure)),
            lambda: (disclosure, _notice_gaps(activity, disclosure, ctx)),
        )
        if kept is disclosure:
            return gaps
    return _notice_gaps(activity, disclosure, ctx)


def _notice_gaps(
    activity: Activity, disclosure: Disclosure, ctx: EvaluationContext | None
) -> NoticeGaps:
    unlisted: list[str] = []
    unknown: list[str] = []
    sources = disclosure_sources(activity, disclosure, ctx)
    if not sources:
        return NoticeGaps(unknown=("items",))
    ground = disclosure.ground
    recipient = disclosure.recipient.name.casefold() if disclosure.recipient else None
    for i in sources:
        collection = activity.collections[i]
        base = f"$.collections[{i}].notice"
        notice = collection.notice
        if notice is None:
            unknown.append(base)
            continue
        if (
            ground is not None
            and ground.overrides_choice
            and ground in (notice.sharing_exceptions or ())
        ):
            continue
        if disclosure.kind is FlowKind.DISCLOSURE:
            if recipient is None:
                unknown.append("recipient")
            elif notice.recipients is None:
                unknown.append(f"{base}.recipients")
            elif not any(recipient in entry.casefold() for entry in notice.recipients):
                unlisted.append(f"{base}.recipients")
        explained = _explained_purposes(activity, i)
        if disclosure.purposes is None:
            unknown.append("purposes")
        elif explained is None:
            unknown.append(f"{base}.uses_explained")
        elif not set(disclosure.purposes) <= explained:
            # Cite the recorded fact the explained purposes were read from.
            told = "uses_explained" if notice.uses_explained is not None else "purpose"
            unlisted.append(f"{base}.{told}")
    return NoticeGaps(tuple(dict.fromkeys(unlisted)), tuple(dict.fromkeys(unknown)))


@attrs.frozen
class CollectionFlows:
    """The flows of a collection's information beyond frontline service delivery.

    Attributes:
        non_identifying: paths of non-identifying flows (disclosures recorded as not
            identifying anyone; agreement reporting of aggregate or de-identified fields).
        downstream: paths of flows for reporting, evaluation or research (agreements that
            serve the collection's purposes; disclosures made under an agreement or for
            statistics and research).
    """

    non_identifying: tuple[str, ...] = ()
    downstream: tuple[str, ...] = ()


def collection_flows(activity: Activity | None, collection: Collection) -> CollectionFlows:
    """Return the non-identifying and downstream flows that a collection's information feeds.

    The disclosures involving the collection's items, and the agreements serving its
    purposes, are scanned for when there are few, else looked up in indexes kept with the
    activity (by item name and by purpose).
    """
    if activity is None:
        return CollectionFlows()
    names = {item.name for item in collection.items}
    purposes = collection_purposes(collection)
    if many(activity.disclosures):
        drawing = positions_of(indexed(activity, item_disclosures), names)
    else:
        drawing = [
            i for i, d in enumerate(activity.disclosures) if names.intersection(d.items or ())
        ]
    if many(activity.agreements):
        serving = positions_of(indexed(activity, _purpose_agreements), purposes)
    else:
        serving = [
            g
            for g, agreement in enumerate(activity.agreements)
            if purposes.intersection(agreement.purposes or ())
        ]
    non_identifying: list[str] = []
    downstream: list[str] = []
    for i in drawing:
        d = activity.disclosures[i]
        path = f"$.disclosures[{i}]"
        if d.identifiable is False:
            non_identifying.append(path)
        if d.agreement is not None or d.ground is SharingGround.STATISTICAL_RESEARCH:
            downstream.append(path)
    for g in serving:
        agreement = activity.agreements[g]
        path = f"$.agreements[{g}]"
        downstream.append(path)
        if any(
            f.identifiability is not None and not f.identifiability.is_identifying
            for f in agreement.fields or ()
        ):
            non_identifying.append(path)
    return CollectionFlows(tuple(non_identifying), tuple(downstream))


@programme_fact
def _purpose_agreements(activity: Activity) -> dict[str, list[int]]:
    """Return, for each purpose id, the positions of the agreements serving it."""
    return positions(g.purposes or () for g in activity.agreements)


def collection_purposes(collection: Collection) -> set[str]:
    """Return every purpose id a collection serves: its own list and its items' lists."""
    ids = set(collection.purposes or ())
    for item in collection.items:
        ids.update(item.purposes or ())
    return ids


def memo(ctx: EvaluationContext, key: object, build: Callable[[], T]) -> T:
    """Return ``build()``, worked out once per evaluation and kept in ``ctx.cache``."""
    try:
        found: T = ctx.cache[key]
    except KeyError:
        found = ctx.cache[key] = build()
    return found


_ACTIVITY_CACHES: dict[int, tuple[weakref.ref[Activity], dict[object, Any]]] = {}


ACTIVITY_CACHE_LIMIT = 64
"""Activities whose indexes are kept at once; the oldest is dropped first."""


def activity_cache(activity: Activity) -> dict[object, Any]:
    """Return scratch space for what depends only on ``activity``, kept across evaluations.

    Activities are immutable, so an index of one (which collections hold which items, what
    each disclosure's source notices say) stays true for as long as the activity lives. A
    server evaluating one event after another against the case it holds in memory builds
    each index once, not once per event. Entries are keyed by the activity's identity and
    held through a weak reference, so they go when the activity does; at most
    ``ACTIVITY_CACHE_LIMIT`` are kept. Keys belong to the helpers that set them, and every
    value must depend on nothing but the activity (not on settings or dates: those belong in
    `memo`).
    """
    key = id(activity)
    entry = _ACTIVITY_CACHES.get(key)
    if entry is not None and entry[0]() is activity:
        return entry[1]
    if type(activity) is PersonView:
        # One person in their programme: kept with the view, which lives as long as the
        # person's record (`dpup.model.in_context`); facts of the programme alone are kept
        # with the programme (`programme_fact`).
        return activity.cache
    cache: dict[object, Any] = {}

    def forget(
        ref: weakref.ref[Activity], key: int = key, table: dict[int, Any] = _ACTIVITY_CACHES
    ) -> None:
        # Only this activity's entry: the id may already belong to a newer one. The table is
        # bound here, not looked up, because at interpreter exit the module's globals may
        # already be gone when the last activities are collected.
        held = table.get(key)
        if held is not None and held[0] is ref:
            table.pop(key, None)

    _ACTIVITY_CACHES[key] = (weakref.ref(activity, forget), cache)
    # Oldest first, all but the newest ACTIVITY_CACHE_LIMIT; the keys are copied in one step,
    # so another thread's evaluation changing the table meanwhile cannot break the loop.
    for old in list(_ACTIVITY_CACHES)[:-ACTIVITY_CACHE_LIMIT]:
        _ACTIVITY_CACHES.pop(old, None)
    return cache


def clear() -> None:
    """Forget every derived fact kept for every activity (tests start from nothing with it).

    People's views (`dpup.model.in_context`) go too, with what was derived from each.
    """
    _ACTIVITY_CACHES.clear()
    forget_views()


def disclosure_position(activity: Activity, disclosure: Disclosure) -> int | None:
    """Return where ``disclosure`` (the object itself, not an equal one) first sits in ``activity``.

    The positions are indexed once per activity (`activity_cache`).
    """
    cache = activity_cache(activity)
    try:
        positions: dict[int, int] = cache[disclosure_position]
    except KeyError:
        positions = cache[disclosure_position] = {}
        for i, d in enumerate(activity.disclosures):
            positions.setdefault(id(d), i)  # the first place the object is listed
    # The activity holds its disclosures, so their ids cannot be reused while it lives.
    return positions.get(id(disclosure))


@programme_fact
def item_sources(activity: Activity) -> dict[str, list[int]]:
    """Return, for each item name, the indices of the collections that hold it, ascending."""
    index: dict[str, list[int]] = {}
    for i, col in enumerate(activity.collections):
        for item in col.items:
            holders = index.setdefault(item.name, [])
            if not holders or holders[-1] != i:
                holders.append(i)
    return index


def disclosure_sources(
    activity: Activity, disclosure: Disclosure, ctx: EvaluationContext | None = None
) -> list[int]:
    """Return the indices of the collections that hold any of the disclosure's items.

    Given the evaluation context, the collections are looked up in an index built once per
    activity (`activity_cache`), so an activity with many disclosures and many items stays
    linear, and evaluating its disclosures one at a time does not rebuild it.
    """
    if ctx is not None and ctx.activity is activity:
        cache = activity_cache(activity)
        position = disclosure_position(activity, disclosure)
        known: tuple[int, ...] | None = cache.get((disclosure_sources, position))
        if known is not None:
            return list(known)
        try:
            index: dict[str, list[int]] = cache[item_sources]
        except KeyError:
            index = cache[item_sources] = indexed(activity, item_sources)
        found: set[int] = set()
        for name in disclosure.items or ():
            found.update(index.get(name, ()))
        result = sorted(found)
        if position is not None:
            cache[disclosure_sources, position] = tuple(result)
        return result
    wanted = set(disclosure.items or ())
    return [
        i
        for i, col in enumerate(activity.collections)
        if any(item.name in wanted for item in col.items)
    ]


SCAN_LIMIT = 8
"""Records a check scans for its links; past this many it looks them up in an index."""


def many(records: Sized) -> bool:
    """Whether ``records`` is long enough to be looked up in an index rather than scanned."""
    return len(records) > SCAN_LIMIT


def indexed(activity: Activity, build: Callable[[Activity], T]) -> T:
    """Return ``build(activity)``, made once per activity and kept in its `activity_cache`.

    The builder is the key, so it must depend on nothing but the activity. A builder marked
    with `programme_fact` is run on a person's programme rather than on the person's view.
    """
    if type(activity) is PersonView and build in _PROGRAMME_FACTS:
        activity = activity.programme
    cache = activity_cache(activity)
    try:
        found: T = cache[build]
    except KeyError:
        found = cache[build] = build(activity)
    return found


def positions(keys: Iterable[Iterable[str]]) -> dict[str, list[int]]:
    """Return, for each key, the positions of the records listing it, ascending and once each.

    ``keys`` gives each record's keys in turn (its id, its item names ...).
    """
    index: dict[str, list[int]] = {}
    for i, record_keys in enumerate(keys):
        for key in record_keys:
            found = index.setdefault(key, [])
            if not found or found[-1] != i:
                found.append(i)
    return index


def positions_of(index: Mapping[str, list[int]], keys: Iterable[str]) -> list[int]:
    """Return the positions ``index`` gives for any of ``keys``, ascending and once each."""
    found: set[int] = set()
    for key in keys:
        found.update(index.get(key, ()))
    return sorted(found)


@programme_fact
def purpose_positions(activity: Activity) -> dict[str, list[int]]:
    """Return where each purpose id sits in ``activity.purposes``."""
    return positions((p.id,) for p in activity.purposes)


def choice_positions(activity: Activity) -> dict[str, list[int]]:
    """Return where each choice id sits in ``activity.choices``."""
    return positions((c.id,) for c in activity.choices)


def item_disclosures(activity: Activity) -> dict[str, list[int]]:
    """Return, for each item name, the positions of the disclosures that involve it."""
    return positions(d.items or () for d in activity.disclosures)


def purposes_served(activity: Activity, index: int) -> Set[str]:
    """Return `collection_purposes` of the activity's collection at ``index``.

    Every disclosure drawing on a collection asks for its purposes; for a collection of many
    items they are gathered once per activity.
    """
    collection = activity.collections[index]
    if len(collection.items) <= SCAN_LIMIT:  # `many`, inline: disclosures ask on every event
        return collection_purposes(collection)
    cache = activity_cache(activity.programme if type(activity) is PersonView else activity)
    try:
        found: frozenset[str] = cache[purposes_served, index]
    except KeyError:
        found = cache[purposes_served, index] = frozenset(collection_purposes(collection))
    return found


def choice_named(activity: Activity, choice_id: str) -> Choice | None:
    """Return the first choice with ``choice_id``, as `Activity.choice` does, or ``None``.

    Many choices are looked up in an index kept with the activity.
    """
    if len(activity.choices) <= SCAN_LIMIT:  # `many`, inline: disclosures ask on every event
        return activity.choice(choice_id)
    found = indexed(activity, choice_positions).get(choice_id)
    return activity.choices[found[0]] if found else None
