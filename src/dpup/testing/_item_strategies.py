"""Mending drawn collections so that an item name means one item across an activity.

`dpup.model.Activity` refuses two collections that record an item of the same name as
different information (its identifiability or sensitivity); `activities` draws each
collection's items independently, so it gives every later holder of a name the first
holder's definition.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from dpup.model import Collection, InformationItem

__all__ = ["one_definition_per_name"]


def one_definition_per_name(collections: Iterable[Collection]) -> tuple[Collection, ...]:
    """Return ``collections`` with each repeated item name defined as where it first appears.

    Only what an item is (``identifiability``, ``sensitivity``) is copied; each collection
    keeps its own purposes, justification and the rest.
    """
    first: dict[str, InformationItem] = {}
    mended: list[Collection] = []
    for collection in collections:
        own: dict[str, InformationItem] = {}
        items = []
        for item in collection.items:
            defined = first.get(item.name)
            if defined is not None:
                item = attrs.evolve(  # noqa: PLW2901 - the mended item replaces the drawn one
                    item,
                    identifiability=defined.identifiability,
                    sensitivity=defined.sensitivity,
                )
            own.setdefault(item.name, item)
            items.append(item)
        first.update((name, item) for name, item in own.items() if name not in first)
        mended.append(attrs.evolve(collection, items=tuple(items)))
    return tuple(mended)
