"""Code shared by more than one Purpose Matters check."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from dpup.checkdef import (
    EvaluationContext,
    Outcome,
    claimed_exception,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.facts import (
    activity_cache,
    choice_named,
    disclosure_position,
    indexed,
    many,
    memo,
    positions_of,
    programme_fact,
    purpose_positions,
)
from dpup.findings import Reviewer
from dpup.model import (
    Activity,
    Disclosure,
    FlowKind,
    InformationItem,
    Purpose,
    SharingAgreement,
    SharingGround,
    UniqueIdentifier,
)
from dpup.settings import Settings

__all__ = [
    "WORD",
    "PurposeFit",
    "authorised_by_choice",
    "fit_of",
    "identifier_items",
    "identifying_state",
    "item_holders",
    "non_identifying",
    "present",
    "purpose_fit",
    "purposes_of",
    "vague",
    "within_purpose",
]


WORD = {FlowKind.USE: "use", FlowKind.DISCLOSURE: "disclosure"}


def authorised_by_choice(
    activity: Activity, disclosure: Disclosure, ctx: EvaluationContext
) -> bool:
    day = disclosure.on or ctx.as_at
    for choice_id in disclosure.choices or ():
        choice = choice_named(activity, choice_id)
        state = choice.state_on(day) if choice is not None else None
        if state is not None and state.authorises:
            return True
    return False


@programme_fact
def item_holders(activity: Activity) -> dict[str, list[tuple[int, int]]]:
    """Return, for each item name, where it is collected: ``(collection, item)`` positions."""
    index: dict[str, list[tuple[int, int]]] = {}
    for i, collection in enumerate(activity.collections):
        for j, item in enumerate(collection.items):
            index.setdefault(item.name, []).append((i, j))
    return index


class PurposeFit(NamedTuple):
    """How a use or disclosure's purposes fit what each of its items was collected for.

    An item's purposes are its own (``InformationItem.purposes``); only an item that lists
    none takes its collection's (``Collection.purposes``), never its neighbours'. An item held
    by several collections may have come from any of them, so every holder's purposes count.

    Attributes:
        beyond: evidence that something certainly goes beyond its purposes: the paths of
            items collected for none of the purposes served, with where their purposes are
            recorded, or (for a purpose served that no item was collected for) where every
            item's purposes are recorded.
        partial: paths of items collected for some, not all, of the purposes served, with
            their purposes.
        unknown: where the purposes of items are not recorded.
        untraced: paths of items no collection holds.
        within: where the purposes that show every item fits are recorded.
    """

    beyond: tuple[str, ...]
    partial: tuple[str, ...]
    unknown: tuple[str, ...]
    untraced: tuple[str, ...]
    within: tuple[str, ...]


def purpose_fit(activity: Activity, disclosure: Disclosure) -> PurposeFit:
    """Compare a use or disclosure's ``purposes`` with each of its items' own purposes.

    An item collected for none of the purposes served certainly travels beyond its
    purposes. So does some item when a purpose served is one no item was collected for, once
    every item's purposes are known. An item collected for only some of several purposes
    served may be the one serving them, or not: the record cannot tell.
    """
    served = set(disclosure.purposes or ())
    holders = indexed(activity, item_holders)
    collections = activity.collections
    beyond: list[str] = []
    partial: list[str] = []
    unknown: list[str] = []
    untraced: list[str] = []
    within: list[str] = []
    covered: set[str] = set()
    for k, name in enumerate(disclosure.items or ()):
        places = holders.get(name)
        if not places:
            untraced.append(f"items[{k}]")
            continue
        ids: set[str] = set()
        paths: list[str] = []
        known = True
        for i, j in places:
            collection = collections[i]
            own = collection.items[j].purposes
            if own:
                ids.update(own)
                paths.append(f"$.collections[{i}].items[{j}].purposes")
            elif collection.purposes:
                ids.update(collection.purposes)
                paths.append(f"$.collections[{i}].purposes")
            else:
                known = False
                paths.append(f"$.collections[{i}].items[{j}].purposes")
        if not known:
            unknown += paths
        elif served <= ids:
            within += paths
            covered |= served
        elif served & ids:
            covered |= served & ids
            partial += (f"items[{k}]", *paths)
        else:
            beyond += (f"items[{k}]", *paths)
    if not (beyond or unknown or untraced) and not served <= covered:
        beyond = within + partial
    return PurposeFit(_once(beyond), _once(partial), _once(unknown), tuple(untraced), _once(within))


def _once(paths: list[str]) -> tuple[str, ...]:
    """The paths in order, each once (items from one collection share its purposes' path)."""
    return tuple(dict.fromkeys(paths)) if len(paths) > 1 else tuple(paths)


def fit_of(activity: Activity, disclosure: Disclosure, ctx: EvaluationContext) -> PurposeFit:
    """Return `purpose_fit`, kept with the activity for one of its own disclosures.

    A server checking event after event against the case it holds compares each of the
    case's disclosures once.
    """
    if ctx.activity is activity:
        position = disclosure_position(activity, disclosure)
        if position is not None:
            cache = activity_cache(activity)
            key = (purpose_fit, position)
            found: PurposeFit | None = cache.get(key)
            if found is None:
                found = cache[key] = purpose_fit(activity, disclosure)
            return found
    return purpose_fit(activity, disclosure)


def _first_outcomes(kind: FlowKind) -> tuple[Outcome, Outcome, Outcome]:
    word = WORD[kind]
    return (
        not_applicable(f"This is not a {word}.", "kind"),
        not_applicable(f"The {word} does not identify anyone.", "identifiable"),
        claimed_exception(
            f"The {word} relies on an exception to the purpose limit; a person must confirm "
            "it applies.",
            "ground",
            "purposes",
            settle_with=(
                "confirm the recorded ground applies to this case and record why (ground)",
                "confirm only the information the ground needs is involved (items)",
            ),
        ),
    )


_FIRST = {kind: _first_outcomes(kind) for kind in FlowKind}
"""The outcomes that depend on nothing but the kind of flow, made once: every event reaches
one of them before anything else, on the request path."""


def within_purpose(disclosure: Disclosure, ctx: EvaluationContext, kind: FlowKind) -> Outcome:
    """Judge a use or disclosure against the purposes each of its items was collected for."""
    other_kind, not_identifying, exception = _FIRST[kind]
    if disclosure.kind is not kind:
        return other_kind
    if disclosure.identifiable is False:
        return not_identifying
    ground = disclosure.ground
    if ground is not None and ground.is_exception:
        return exception
    word = WORD[kind]
    if ground is SharingGround.TO_PERSON:
        if kind is FlowKind.DISCLOSURE:
            return met("The information goes to the person it is about.", "ground")
        return needs_review(
            "A use inside the agency records disclosure to the person as its ground.",
            "ground",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("record the ground the use actually relies on (ground)",),
        )
    activity = ctx.activity
    if activity is None:
        return needs_review(
            f"No activity was given to find the collections behind this {word}.",
            "items",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(f"evaluate the {word} with its activity as context",),
        )
    if disclosure.purposes is None:
        return unrecorded(f"the purposes the {word} serves", "purposes")
    if disclosure.items is None:
        return unrecorded(f"which items the {word} involves", "items")
    fit = fit_of(activity, disclosure, ctx)
    if len(fit.untraced) == len(disclosure.items):
        return needs_review(
            f"The collections the {word}'s information came from cannot be traced.",
            "items",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record the collection each item came from, with its purposes "
                "($.collections[].items)",
            ),
        )
    if not fit.beyond and not fit.partial and not fit.within:
        return unrecorded("the purposes the information was collected for", *fit.unknown)
    if not disclosure.purposes:
        return not_met(f"The {word} serves no recorded purpose.", "purposes")
    if not (fit.beyond or fit.partial or fit.unknown or fit.untraced):
        return met(
            f"The {word} stays within the purposes each item was collected for.",
            "purposes",
            *fit.within,
        )
    if ground is SharingGround.AUTHORISED:
        if authorised_by_choice(activity, disclosure, ctx):
            return met(
                f"The {word} goes beyond the purposes its items were collected for, with the "
                "person's recorded authorisation.",
                "choices",
            )
        return needs_review(
            f"The {word} may go beyond the purposes its items were collected for, on a claimed "
            "authorisation that no recorded choice shows.",
            "ground",
            "choices",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("record the person's authorisation as a choice and link it (choices)",),
        )
    if fit.beyond:
        if ground is None:
            return unrecorded(
                f"the ground relied on for a {word} beyond the purposes its items were "
                "collected for",
                "ground",
                "purposes",
                *fit.beyond,
                settle_with=(
                    "record the ground relied on (ground); an exception goes to a legal adviser",
                    f"or keep the {word} to the purposes each item was collected for (items)",
                ),
            )
        return not_met(
            f"The {word} takes items beyond the purposes they were collected for, and no "
            "exception is recorded.",
            "purposes",
            "ground",
            *fit.beyond,
        )
    if fit.untraced:
        return needs_review(
            f"Some of the {word}'s items cannot be traced to the collection they came from.",
            *fit.untraced,
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record the collection each item came from, with its purposes "
                "($.collections[].items)",
            ),
        )
    if fit.unknown:
        return unrecorded("the purposes some of the items were collected for", *fit.unknown)
    return needs_review(
        f"The {word} serves several purposes, and some items were collected for only some of them.",
        "purposes",
        *fit.partial,
        reviewer=Reviewer.PRIVACY_OFFICER,
        settle_with=(
            "record which items serve which purpose, for example as separate "
            f"{word}s (items, purposes)",
        ),
    )


def non_identifying(agreement: SharingAgreement) -> bool:
    """Whether every field is recorded as not identifying (nothing personal flows)."""
    return identifying_state(agreement.fields or ()) is False


def present(value: str | tuple[object, ...] | None) -> bool | None:
    """Return whether a text or list holds something: ``None`` when not recorded."""
    if value is None:
        return None
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def identifying_state(items: tuple[InformationItem, ...]) -> bool | None:
    """Return whether any item identifies people.

    ``True`` if one does, ``False`` if every item is recorded as not identifying, ``None``
    if none is recorded as identifying but some are not recorded, or no items are recorded
    at all (an empty item list says nothing about what is collected).
    """
    if not items:
        return None
    kinds = [item.identifiability for item in items]
    if any(kind is not None and kind.is_identifying for kind in kinds):
        return True
    return None if None in kinds else False


def purposes_of(activity: Activity | None, ids: Iterable[str]) -> list[tuple[int, Purpose]]:
    """Return ``(index, purpose)`` for each purpose id found in the activity, in its order.

    Many purposes are looked up by id in an index kept with the activity.
    """
    if activity is None:
        return []
    wanted = set(ids)
    purposes = activity.purposes
    if many(purposes):
        return [
            (i, purposes[i]) for i in positions_of(indexed(activity, purpose_positions), wanted)
        ]
    return [(i, p) for i, p in enumerate(purposes) if p.id in wanted]


def vague(purpose: Purpose, settings: Settings) -> bool:
    """Whether the purpose is broad: a vague word and no recorded process or decision it feeds.

    A purpose that names what it feeds (``feeds``) is bounded by that, whatever its words.
    """
    if purpose.feeds or purpose.why is None:
        return False
    return settings.vague_purpose_phrases.search(purpose.why)


def identifier_items(
    items: tuple[InformationItem, ...], ctx: EvaluationContext
) -> tuple[list[tuple[int, UniqueIdentifier]], list[int]]:
    """Return the items recorded as unique identifiers, and those that look like one.

    The first list holds ``(position, identifier)`` for each item that records
    ``identifier``; the second the positions of items that record none although their name
    matches ``settings.identifier_item_phrases`` (an "ird-number" item), so the IPP13 checks
    (PM030 to PM032) can ask what it is instead of passing it by. Worked out once per
    evaluation for the three checks: on a collection of many distinctly named items, reading
    every name three times was most of their cost.
    """
    return memo(ctx, (identifier_items, id(items)), lambda: _identifier_items(items, ctx.settings))


def _identifier_items(
    items: tuple[InformationItem, ...], settings: Settings
) -> tuple[list[tuple[int, UniqueIdentifier]], list[int]]:
    recorded: list[tuple[int, UniqueIdentifier]] = []
    suspected: list[int] = []
    search = settings.identifier_item_phrases.search
    for i, item in enumerate(items):
        if item.identifier is not None:
            recorded.append((i, item.identifier))
        elif search(item.name):
            suspected.append(i)
    return recorded, suspected
