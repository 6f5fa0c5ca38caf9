"""Small helpers shared by the check modules."""

from __future__ import annotations

from collections.abc import Iterable

from dpup.engine import Outcome, needs_review
from dpup.findings import Reviewer
from dpup.model import Activity, Collection, Disclosure

__all__ = ["collection_purposes", "disclosure_sources", "unrecorded"]


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
    where = f" ({', '.join(paths)})" if paths else ""
    settle = tuple(settle_with) if settle_with is not None else (f"record {what}{where}",)
    return needs_review(f"Not recorded: {what}.", *paths, reviewer=reviewer, settle_with=settle)


def collection_purposes(collection: Collection) -> set[str]:
    """Return every purpose id a collection serves: its own list and its items' lists."""
    ids = set(collection.purposes or ())
    for item in collection.items:
        ids.update(item.purposes or ())
    return ids


def disclosure_sources(activity: Activity, disclosure: Disclosure) -> list[int]:
    """Return the indices of the collections that hold any of the disclosure's items."""
    wanted = set(disclosure.items or ())
    return [
        i
        for i, col in enumerate(activity.collections)
        if any(item.name in wanted for item in col.items)
    ]
