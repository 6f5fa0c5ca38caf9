"""Helpers shared by the Transparency and Choice checks.

The checks themselves live in the ``_tc_*`` modules and are listed, in id order, in
``dpup.checks.transparency.CHECKS``. The helpers here work out what an activity does with
information (who it goes to, on what grounds) so a check can compare that with what people
were told.
"""

from __future__ import annotations

from collections.abc import Set

import attrs

from dpup.checks._purpose_helpers import identifiable_disclosures
from dpup.checks._util import (
    activity_cache,
    collection_purposes,
    disclosure_position,
    disclosure_sources,
    indexed,
    item_disclosures,
    many,
    memo,
    positions,
    positions_of,
    purposes_served,
)
from dpup.engine import EvaluationContext
from dpup.model import Activity, Collection, Disclosure, FlowKind, SharingGround
from dpup.policy import Principle

__all__ = [
    "CollectionFlows",
    "HT",
    "KT",
    "MN",
    "MW",
    "NoticeGaps",
    "collection_flows",
    "identifiable_disclosures",
    "notice_gaps",
    "override_grounds_in_play",
]

HT = Principle.HE_TANGATA
MN = Principle.MANAAKITANGA
MW = Principle.MANA_WHAKAHAERE
KT = Principle.KAITIAKITANGA


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
            purpose (absolute, e.g. ``$.collections[0].notice.recipients``).
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
    (`dpup.checks._util.disclosure_sources`). A recipient is listed when its name occurs,
    ignoring case, inside one of the notice's recipient entries. A disclosure made on a
    ground that overrides people's choices (e.g. an Oranga Tamariki request) counts as
    told where the notice explains that ground among its sharing exceptions.

    Given the evaluation context, the comparison is made once per disclosure, however many
    checks ask for it: once per activity for the activity's own disclosures
    (`dpup.checks._util.activity_cache`), else once per evaluation.
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
            unlisted.append(f"{base}.uses_explained")
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


def _purpose_agreements(activity: Activity) -> dict[str, list[int]]:
    """Return, for each purpose id, the positions of the agreements serving it."""
    return positions(g.purposes or () for g in activity.agreements)
