"""Small helpers shared by the check modules."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterable, Mapping, Set, Sized
from typing import Any, TypeVar

from dpup.engine import EvaluationContext, Outcome, needs_review
from dpup.findings import Reviewer
from dpup.model import Activity, Choice, Collection, Disclosure

__all__ = [
    "SCAN_LIMIT",
    "activity_cache",
    "choice_named",
    "choice_positions",
    "collection_purposes",
    "disclosure_position",
    "disclosure_sources",
    "indexed",
    "item_disclosures",
    "item_sources",
    "many",
    "memo",
    "positions",
    "positions_of",
    "purpose_positions",
    "purposes_served",
    "unrecorded",
]

T = TypeVar("T")


def unrecorded(
    what: str,
    *paths: str,
    reviewer: Reviewer = Reviewer.PRIVACY_OFFICER,
    settle_with: Iterable[str] | None = None,
) -> Outcome:
    """Return NEEDS_REVIEW for a fact that is not recorded, asking for it by path.

    Args:
        what: the missing fact in a few words (e.g. "whether the notice names recipients").
        *paths: where the fact belongs, relative to the subject.
        reviewer: who should supply it.
        settle_with: the evidence to collect; defaults to recording ``what`` at ``paths``.
    """
    if settle_with is None:
        return _gap(what, paths, reviewer)
    return needs_review(
        f"Not recorded: {what}.", *paths, reviewer=reviewer, settle_with=tuple(settle_with)
    )


@functools.lru_cache(maxsize=4096)
def _gap(what: str, paths: tuple[str, ...], reviewer: Reviewer) -> Outcome:
    """The outcome for a gap with the default evidence to collect, made once per gap.

    Checks ask for the same few gaps event after event; an outcome is immutable, so one is
    shared.
    """
    where = f" ({', '.join(paths)})" if paths else ""
    return needs_review(
        f"Not recorded: {what}.", *paths, reviewer=reviewer, settle_with=(f"record {what}{where}",)
    )


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
_ACTIVITY_CACHE_LIMIT = 64
"""Activities whose indexes are kept at once; the oldest is dropped first."""


def activity_cache(activity: Activity) -> dict[object, Any]:
    """Return scratch space for what depends only on ``activity``, kept across evaluations.

    Activities are immutable, so an index of one (which collections hold which items, what
    each disclosure's source notices say) stays true for as long as the activity lives. A
    server evaluating one event after another against the case it holds in memory builds
    each index once, not once per event. Entries are keyed by the activity's identity and
    held through a weak reference, so they go when the activity does; at most
    ``_ACTIVITY_CACHE_LIMIT`` are kept. Keys belong to the helpers that set them, and every
    value must depend on nothing but the activity (not on settings or dates: those belong in
    `memo`).
    """
    key = id(activity)
    entry = _ACTIVITY_CACHES.get(key)
    if entry is not None and entry[0]() is activity:
        return entry[1]
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
    # Oldest first, all but the newest _ACTIVITY_CACHE_LIMIT; the keys are copied in one step,
    # so another thread's evaluation changing the table meanwhile cannot break the loop.
    for old in list(_ACTIVITY_CACHES)[:-_ACTIVITY_CACHE_LIMIT]:
        _ACTIVITY_CACHES.pop(old, None)
    return cache


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
            index = cache[item_sources] = item_sources(activity)
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


# Relations between records. A check on one record that looks up the records it is linked to
# (the choices a disclosure touches, the disclosures drawing on a collection, the purposes a
# collection serves) would scan the whole other list, which makes an activity with n records
# on each side cost n * n. Short lists are still scanned, which is quicker than any index;
# longer ones are looked up in indexes built once per activity and kept with it.

SCAN_LIMIT = 8
"""Records a check scans for its links; past this many it looks them up in an index."""


def many(records: Sized) -> bool:
    """Whether ``records`` is long enough to be looked up in an index rather than scanned."""
    return len(records) > SCAN_LIMIT


def indexed(activity: Activity, build: Callable[[Activity], T]) -> T:
    """Return ``build(activity)``, made once per activity and kept in its `activity_cache`.

    The builder is the key, so it must depend on nothing but the activity.
    """
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
    cache = activity_cache(activity)
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
