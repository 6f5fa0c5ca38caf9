"""Helpers shared by the Purpose Matters checks (``dpup.checks.purpose`` and its parts).

They read recorded facts three ways (``True``, ``False``, ``None`` for "not recorded") so
that the checks never treat a missing fact as a "no".
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from dpup._text import PhraseList, normalise
from dpup.checks._util import indexed, many, positions_of, purpose_positions
from dpup.model import (
    Activity,
    Collection,
    Identifiability,
    InformationItem,
    Purpose,
)
from dpup.policy import Principle
from dpup.settings import Settings

__all__ = [
    "HT",
    "KT",
    "MH",
    "MN",
    "MW",
    "generic",
    "identifiable_disclosures",
    "identifying_paths",
    "identifying_state",
    "open_ended",
    "present",
    "purposes_of",
    "sensitive_identifying_paths",
    "vague",
]

HT = Principle.HE_TANGATA
MN = Principle.MANAAKITANGA
MW = Principle.MANA_WHAKAHAERE
KT = Principle.KAITIAKITANGA
MH = Principle.MAHITAHITANGA


def present(value: str | tuple[object, ...] | None) -> bool | None:
    """Return whether a text or list holds something: ``None`` when not recorded."""
    if value is None:
        return None
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def identifying_paths(items: Iterable[InformationItem], base: str) -> tuple[list[str], list[str]]:
    """Return the paths of identifying items and of items whose identifiability is unknown."""
    identifying: list[str] = []
    unknown: list[str] = []
    for i, item in enumerate(items):
        if item.identifiability is None:
            unknown.append(f"{base}[{i}].identifiability")
        elif item.identifiability.is_identifying:
            identifying.append(f"{base}[{i}].identifiability")
    return identifying, unknown


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


def sensitive_identifying_paths(collection: Collection) -> tuple[list[str], list[str]]:
    """Return paths of sensitive identifying items, and of items that might be.

    An item might be one when its sensitivity is not recorded, or when it is sensitive and
    its identifiability is not recorded.
    """
    found: list[str] = []
    unknown: list[str] = []
    for i, item in enumerate(collection.items):
        ident = item.identifiability
        if ident is not None and not ident.is_identifying:
            continue
        if item.sensitivity is None:
            unknown.append(f"items[{i}].sensitivity")
        elif item.sensitivity:
            if ident is Identifiability.IDENTIFYING:
                found.append(f"items[{i}].sensitivity")
            else:
                unknown.append(f"items[{i}].identifiability")
    return found, unknown


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


@functools.cache
def _whole_forms(phrases: PhraseList) -> frozenset[str]:
    # Built once per phrase list (settings are frozen and hashable), not per check call.
    return frozenset(normalise(p) for p in phrases.phrases)


def generic(text: str, phrases: PhraseList) -> bool:
    """Whether the whole of ``text`` is one of ``phrases`` (ignoring case and punctuation)."""
    return normalise(text) in _whole_forms(phrases)


def open_ended(purpose: Purpose, settings: Settings) -> bool:
    """Whether the purpose's wording contains a catch-all phrase."""
    return purpose.why is not None and settings.catch_all_phrases.search(purpose.why)


def vague(purpose: Purpose, settings: Settings) -> bool:
    """Whether the purpose is broad: a vague word and no recorded process or decision it feeds.

    A purpose that names what it feeds (``feeds``) is bounded by that, whatever its words.
    """
    if purpose.feeds or purpose.why is None:
        return False
    return settings.vague_purpose_phrases.search(purpose.why)
