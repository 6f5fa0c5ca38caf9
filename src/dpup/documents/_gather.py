"""Gathering facts from an activity for documents: which purposes, recipients and flows apply.

A document covers part of an activity (one collection, every collection, or one purpose).
`Scope` resolves that part once, with the input path of every object, so the document
writers only phrase facts and never search for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from dpup.errors import InputError, Problem
from dpup.model import (
    Activity,
    Collection,
    Disclosure,
    LawKind,
    Purpose,
    SharingAgreement,
)

__all__ = ["Scope", "merge_names", "scope_for_collections", "scope_for_purposes"]

_STATUTORY = frozenset({LawKind.STATUTE, LawKind.REGULATION})


@attrs.frozen
class Scope:
    """The part of an activity a document covers, with input paths.

    Attributes:
        activity: the activity, or ``None`` when a lone collection or purpose was given.
        root: the path prefix of activity-level facts (``"$"``, or ``"context"`` when no
            activity was given).
        collections: the collections covered, each with its path.
        purposes: the purposes covered (in first-mention order), each with its path; an id
            that names no recorded purpose has no `Purpose` and the path of the reference.
    """

    activity: Activity | None
    root: str
    collections: tuple[tuple[str, Collection], ...] = ()
    purposes: tuple[tuple[str, str, Purpose | None], ...] = ()

    def at(self, suffix: str) -> str:
        """Return the path of an activity-level fact (``suffix`` starts with ``.``)."""
        return f"{self.root}{suffix}"

    @property
    def purpose_ids(self) -> tuple[str, ...]:
        """The ids of the purposes covered."""
        return tuple(pid for pid, _, _ in self.purposes)

    @property
    def item_names(self) -> set[str]:
        """The names of the information items the covered collections hold."""
        return {item.name for _, c in self.collections for item in c.items}

    def disclosures(self) -> Iterator[tuple[str, Disclosure]]:
        """Yield the activity's disclosures of the covered items, with their paths."""
        if self.activity is None:
            return
        names = self.item_names
        for i, d in enumerate(self.activity.disclosures):
            if names.intersection(d.items or ()):
                yield f"{self.root}.disclosures[{i}]", d

    def purpose_disclosures(self) -> Iterator[tuple[str, Disclosure]]:
        """Yield the activity's disclosures serving a covered purpose, with their paths."""
        if self.activity is None:
            return
        ids = set(self.purpose_ids)
        for i, d in enumerate(self.activity.disclosures):
            if ids.intersection(d.purposes or ()):
                yield f"{self.root}.disclosures[{i}]", d

    def agreements(self) -> Iterator[tuple[str, SharingAgreement]]:
        """Yield the agreements serving a covered purpose, with their paths."""
        if self.activity is None:
            return
        ids = set(self.purpose_ids)
        for g, agreement in enumerate(self.activity.agreements):
            if ids.intersection(agreement.purposes or ()):
                yield f"{self.root}.agreements[{g}]", agreement

    def statutes(self) -> list[str]:
        """Return the citations of the statutes and regulations the covered purposes rely on."""
        laws = [law for _, _, p in self.purposes if p is not None for law in p.law or ()]
        cited = [law.citation.strip() for law in laws if law.kind in _STATUTORY and law.citation]
        return list(dict.fromkeys(c for c in cited if c))

    @property
    def agency_name(self) -> str | None:
        """The agency's name, if recorded."""
        agency = self.activity.agency if self.activity is not None else None
        name = agency.name if agency is not None else None
        return name.strip() if name and name.strip() else None


def _collection_purpose_ids(collection: Collection) -> list[str]:
    ids = list(collection.purposes or ())
    for item in collection.items:
        ids += item.purposes or ()
    return ids


def _resolve(
    activity: Activity | None, root: str, ids: Iterable[tuple[str, str]]
) -> tuple[tuple[str, str, Purpose | None], ...]:
    index = {p.id: i for i, p in enumerate(activity.purposes)} if activity is not None else {}
    out: dict[str, tuple[str, str, Purpose | None]] = {}
    for pid, ref_path in ids:
        if pid in out:
            continue
        if activity is not None and pid in index:
            i = index[pid]
            out[pid] = (pid, f"{root}.purposes[{i}]", activity.purposes[i])
        else:
            out[pid] = (pid, ref_path, None)
    return tuple(out.values())


def scope_for_collections(
    subject: Activity | Collection, *, collection: str | None, context: Activity | None
) -> Scope:
    """Resolve the collections a notice covers.

    Args:
        subject: an activity (every collection, or the one named by ``collection``) or a
            single collection.
        collection: the id of one collection of the activity.
        context: the activity a lone collection belongs to.

    Raises:
        InputError: when ``collection`` names no collection, or a lone collection is not
            part of ``context``.
    """
    if isinstance(subject, Collection):
        if context is None:
            pairs: tuple[tuple[str, Collection], ...] = (("$", subject),)
            activity, root = None, "context"
        else:
            found = [i for i, c in enumerate(context.collections) if c == subject]
            if not found:
                raise InputError([Problem("the collection is not part of the context", "$")])
            pairs = ((f"$.collections[{found[0]}]", subject),)
            activity, root = context, "$"
    else:
        activity, root = subject, "$"
        pairs = tuple((f"$.collections[{i}]", c) for i, c in enumerate(subject.collections))
        if collection is not None:
            pairs = tuple(p for p in pairs if p[1].id == collection)
            if not pairs:
                raise InputError([Problem("no collection has the given id", "collection")])
    scope = Scope(activity, root, pairs)
    refs: list[tuple[str, str]] = []
    for base, c in pairs:
        refs += [(pid, f"{base}.purposes") for pid in _collection_purpose_ids(c)]
    for path, d in scope.disclosures():
        refs += [(pid, f"{path}.purposes") for pid in d.purposes or ()]
    return attrs.evolve(scope, purposes=_resolve(activity, root, refs))


def scope_for_purposes(
    subject: Activity | Purpose, *, purpose: str | None, context: Activity | None
) -> list[Scope]:
    """Resolve the purposes purpose statements cover: one `Scope` each.

    Raises:
        InputError: when ``purpose`` names no purpose, or a lone purpose is not part of
            ``context``.
    """
    if isinstance(subject, Purpose):
        if context is None:
            return [Scope(None, "context", purposes=((subject.id, "$", subject),))]
        found = [i for i, p in enumerate(context.purposes) if p == subject]
        if not found:
            raise InputError([Problem("the purpose is not part of the context", "$")])
        i = found[0]
        return [Scope(context, "$", purposes=((subject.id, f"$.purposes[{i}]", subject),))]
    chosen = [(i, p) for i, p in enumerate(subject.purposes) if purpose is None or p.id == purpose]
    if purpose is not None and not chosen:
        raise InputError([Problem("no purpose has the given id", "purpose")])
    return [Scope(subject, "$", purposes=((p.id, f"$.purposes[{i}]", p),)) for i, p in chosen]


def merge_names(names: Iterable[str]) -> list[str]:
    """Return names without repeats, ignoring case; a name found inside a longer one is dropped.

    The longer entry is kept, in the place the first of the two appeared, because it is the
    more specific ("the Family Court, if it asks" over "Family Court").
    """
    out: list[str] = []
    for name in names:
        if not name.strip():
            continue
        key = name.casefold()
        if any(key in kept.casefold() for kept in out):
            continue
        inside = [i for i, kept in enumerate(out) if kept.casefold() in key]
        if inside:
            out[inside[0]] = name
            out = [kept for i, kept in enumerate(out) if i not in inside[1:]]
        else:
            out.append(name)
    return out
