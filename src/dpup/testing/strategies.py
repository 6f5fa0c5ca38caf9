"""Hypothesis strategies for every dpup domain type (install the ``dpup[hypothesis]`` extra).

Strategies are derived from the attrs classes themselves, so a field added to the model is
generated without any change here. `activities` draws whole activities whose internal
references (items to purposes, disclosures to choices, corrections to disclosures ...) are
consistent, so they pass the model's validation.

Example::

    from hypothesis import given
    from dpup.testing.strategies import activities

    @given(activities())
    def test_never_crashes(activity):
        assert dpup.evaluate(activity).errors == ()
"""

from __future__ import annotations

import enum
import functools
import types
from datetime import date
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
from hypothesis import strategies as st

from dpup.model import (
    SUBJECT_TYPES,
    Activity,
    Choice,
    Collection,
    CorrectionRequest,
    Disclosure,
    InformationItem,
    Notice,
    Purpose,
    SecondaryUse,
    SharingAgreement,
)

__all__ = ["activities", "for_type", "subjects", "tables", "texts"]

T = TypeVar("T")

# Fields that refer to other objects by id. They are generated empty here and filled in by
# `activities`, which knows which ids exist.
_REFERENCE_FIELDS: dict[type, frozenset[str]] = {
    InformationItem: frozenset({"purposes"}),
    Collection: frozenset({"purposes"}),
    Notice: frozenset({"uses_explained"}),
    SharingAgreement: frozenset({"purposes"}),
    Choice: frozenset({"purposes"}),
    Disclosure: frozenset({"purposes", "choices", "items", "agreement"}),
    CorrectionRequest: frozenset({"items", "disclosures", "notified"}),
}

_MAX_LIST = 3


def texts(*, max_size: int = 24) -> st.SearchStrategy[str]:
    """Return non-blank text, including te reo Māori vowels with macrons."""
    alphabet = st.characters(
        codec="utf-8", categories=("L", "N", "P", "Zs"), exclude_characters="\x00"
    )
    return st.text(alphabet, min_size=1, max_size=max_size).filter(lambda s: bool(s.strip()))


_IDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
_DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2052, 12, 31))


def _for_annotation(tp: Any, *, owner: type, name: str) -> st.SearchStrategy[Any]:
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = [a for a in get_args(tp) if a is not type(None)]
        inner = st.one_of(*(_for_annotation(a, owner=owner, name=name) for a in args))
        return st.none() | inner
    if origin is tuple:
        elem = get_args(tp)[0]
        return st.lists(_for_annotation(elem, owner=owner, name=name), max_size=_MAX_LIST).map(
            tuple
        )
    if tp is str:
        return _IDS if name in {"id", "check_id"} else texts()
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(min_value=0, max_value=10_000)
    if tp is float:
        return st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
    if tp is date:
        return _DATES
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    if isinstance(tp, type) and attrs.has(tp):
        return for_type(tp)
    msg = f"no strategy for {tp!r} ({owner.__name__}.{name})"
    raise TypeError(msg)


@st.composite
def tables(draw: st.DrawFn) -> Any:
    """Draw a small, well-formed two-way table of counts, with some totals and suppressions."""
    from dpup.disclosure_control import Table  # noqa: PLC0415 - keeps the import graph light

    n_rows = draw(st.integers(1, 3))
    n_cols = draw(st.integers(1, 3))
    counts = [[draw(st.integers(0, 40)) for _ in range(n_cols)] for _ in range(n_rows)]
    table = Table.from_counts(
        [f"row {i}" for i in range(n_rows)],
        [f"column {j}" for j in range(n_cols)],
        counts,
        row_totals=draw(st.booleans()),
        column_totals=draw(st.booleans()),
        grand_total=draw(st.booleans()),
    )
    published = tuple(
        tuple(None if draw(st.booleans()) and value < 6 else value for value in row)
        for row in table.raw
    )
    return attrs.evolve(table, published=published)


def _custom(cls: type) -> st.SearchStrategy[Any] | None:
    from dpup.disclosure_control import Table  # noqa: PLC0415 - as above

    return tables() if cls is Table else None


@functools.cache
def for_type(cls: type[T]) -> st.SearchStrategy[T]:
    """Return a strategy for any attrs domain class, filling every field.

    Reference fields (ids pointing at other objects) are left unset; use `activities` for
    whole activities with consistent references.
    """
    if cls is Activity:
        return activities()  # type: ignore[return-value]  # T is Activity here
    custom = _custom(cls)
    if custom is not None:
        return custom
    attrs_cls: Any = cls
    attrs.resolve_types(attrs_cls)
    refs = _REFERENCE_FIELDS.get(cls, frozenset())
    kwargs: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(attrs_cls):
        if not field.init:
            continue
        if field.name in refs:
            kwargs[field.name] = st.none()
            continue
        kwargs[field.name] = _for_annotation(field.type, owner=cls, name=field.name)
    return st.builds(cls, **kwargs)


def _unique(strategy: st.SearchStrategy[T], key: str) -> st.SearchStrategy[list[T]]:
    return st.lists(strategy, max_size=_MAX_LIST, unique_by=lambda obj: getattr(obj, key))


def _subset(draw: st.DrawFn, pool: list[str]) -> tuple[str, ...] | None:
    if not pool:
        return draw(st.sampled_from([None, ()]))
    chosen: list[str] | None = draw(st.none() | st.lists(st.sampled_from(pool), max_size=3))
    return None if chosen is None else tuple(chosen)


@st.composite
def activities(draw: st.DrawFn) -> Activity:
    """Draw an `Activity` whose cross-references all resolve."""
    base: Activity = draw(
        st.builds(
            Activity,
            name=texts(),
            **{
                f.name: _for_annotation(f.type, owner=Activity, name=f.name)
                for f in _activity_scalar_fields()
            },
        )
    )
    purposes: list[Purpose] = draw(_unique(for_type(Purpose), "id"))
    purpose_ids = [p.id for p in purposes]
    choices = [
        attrs.evolve(c, purposes=_subset(draw, purpose_ids))
        for c in draw(_unique(for_type(Choice), "id"))
    ]
    choice_ids = [c.id for c in choices]
    collections = []
    item_names: list[str] = []
    for col in draw(_unique(for_type(Collection), "id")):
        items = tuple(
            attrs.evolve(item, purposes=_subset(draw, purpose_ids))
            for item in draw(_unique(for_type(InformationItem), "name"))
        )
        item_names += [i.name for i in items]
        notice = col.notice
        if notice is not None:
            notice = attrs.evolve(notice, uses_explained=_subset(draw, purpose_ids))
        collections.append(
            attrs.evolve(col, items=items, purposes=_subset(draw, purpose_ids), notice=notice)
        )
    agreements = []
    for agr in draw(_unique(for_type(SharingAgreement), "id")):
        fields = None
        if agr.fields is not None:
            fields = tuple(attrs.evolve(f, purposes=_subset(draw, purpose_ids)) for f in agr.fields)
            item_names += [f.name for f in fields]
        uses = None
        if agr.secondary_uses is not None and purpose_ids:
            uses = tuple(
                SecondaryUse(
                    draw(st.sampled_from(purpose_ids)),
                    u.agreed_by_partners,
                    u.communicated_to_users,
                )
                for u in agr.secondary_uses
            )
        agreements.append(
            attrs.evolve(
                agr, purposes=_subset(draw, purpose_ids), fields=fields, secondary_uses=uses
            )
        )
    agreement_ids = [a.id for a in agreements]
    disclosures = [
        attrs.evolve(
            d,
            purposes=_subset(draw, purpose_ids),
            choices=_subset(draw, choice_ids),
            items=_subset(draw, sorted(set(item_names))),
            agreement=draw(st.none() | st.sampled_from(agreement_ids)) if agreement_ids else None,
        )
        for d in draw(_unique(for_type(Disclosure), "id"))
    ]
    disclosure_ids = [d.id for d in disclosures]
    corrections = [
        attrs.evolve(
            c,
            items=_subset(draw, sorted(set(item_names))),
            disclosures=_subset(draw, disclosure_ids),
            notified=_subset(draw, disclosure_ids),
        )
        for c in draw(_unique(for_type(CorrectionRequest), "id"))
    ]
    from dpup.model import AccessRequest, Insight  # noqa: PLC0415 - keeps the header short

    return attrs.evolve(
        base,
        purposes=tuple(purposes),
        choices=tuple(choices),
        collections=tuple(collections),
        agreements=tuple(agreements),
        disclosures=tuple(disclosures),
        correction_requests=tuple(corrections),
        access_requests=tuple(draw(_unique(for_type(AccessRequest), "id"))),
        insights=tuple(draw(_unique(for_type(Insight), "id"))),
    )


@functools.cache
def _activity_scalar_fields() -> tuple[Any, ...]:
    attrs.resolve_types(Activity)
    lists = {"purposes", "collections", "choices", "agreements", "disclosures"}
    lists |= {"access_requests", "correction_requests", "insights", "name"}
    return tuple(f for f in attrs.fields(Activity) if f.name not in lists)


def subjects() -> st.SearchStrategy[Any]:
    """Return a strategy for any single domain object that `dpup.evaluate` accepts."""
    return st.one_of(*(for_type(t) for t in SUBJECT_TYPES))


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every domain type, so ``st.from_type(dpup.Collection)`` works.

    Hypothesis calls this through its ``hypothesis`` entry point when dpup is installed.
    """
    from dpup import model  # noqa: PLC0415 - imported when Hypothesis loads entry points

    for name in model.__all__:
        cls = getattr(model, name)
        if isinstance(cls, type) and attrs.has(cls):
            st.register_type_strategy(cls, for_type(cls))
