"""What a check function sees and returns: `EvaluationContext` in, `Outcome` out.

`dpup.engine` re-exports everything here; this module exists so the engine's evaluation loop
(`dpup._engine.run`) and the check modules can share these types without importing the registry.

Outcomes are interned. A check's message never quotes input (a house rule the leak tests
enforce), so the outcomes checks give are a small, fixed vocabulary: the same sentence about
the same relative paths, event after event. `met`, `not_met`, `needs_review`,
`not_applicable` and `not_yet_due` hand back one shared instance for equal arguments instead
of building a new frozen object each time, which is most of what a simple check costs. The
table is bounded and emptied when full, so it cannot grow without limit, and outcomes resting
on long evidence lists (one path per item of a large collection, say) are never kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from dpup.findings import Reviewer, Severity, Status

if TYPE_CHECKING:
    from dpup.model import Activity
    from dpup.settings import Settings

__all__ = [
    "INTERN_LIMIT",
    "INTERN_LONGEST",
    "EvaluationContext",
    "Outcome",
    "met",
    "needs_review",
    "not_applicable",
    "not_met",
    "not_yet_due",
]

INTERN_LIMIT = 4096
"""Outcomes remembered at once; the table is emptied when it is full."""

INTERN_LONGEST = 8
"""Outcomes with more evidence paths than this are built afresh every time, not remembered."""


# A dict class: attrs initialises it by writing the instance dict directly, about twice as
# fast as slot setters for a frozen class.
@attrs.frozen(slots=False)
class Outcome:
    """What a check function returns for one subject: a status plus its explanation.

    Build outcomes with `met`, `not_met`, `needs_review`, `not_applicable` and
    `not_yet_due`; equal calls may return the same (immutable) instance.

    Attributes:
        status: the verdict.
        message: a short specific sentence, written by the check (never input values).
        evidence: paths of the facts used, relative to the subject (``notice.recipients``,
            ``items[2]``) or absolute (``$.disclosures[0]``).
        remediation: overrides the check's default remediation.
        reviewer: for NEEDS_REVIEW, who should decide.
        settle_with: for NEEDS_REVIEW, the evidence that would settle it.
        severity: overrides the check's default severity.
        due_on: for NOT_YET_DUE, the date the obligation falls due (the last day on which
            it is still on time).
    """

    status: Status
    message: str
    evidence: tuple[str, ...] = ()
    remediation: str | None = None
    reviewer: Reviewer | None = None
    settle_with: tuple[str, ...] = ()
    severity: Severity | None = None
    due_on: date | None = None


_interned: dict[tuple[Any, ...], Outcome] = {}

# Keys start with a small int for the kind of outcome. Enum members in a key are stood for by
# their id(): hashing an enum member runs Python code, and the interned outcome holds the
# member, so the id cannot be reused while the entry lives.
_MET, _NOT_MET, _REVIEW, _NA, _DUE = range(5)


def _intern(key: tuple[Any, ...], outcome: Outcome) -> Outcome:
    if len(_interned) >= INTERN_LIMIT:
        _interned.clear()
    _interned[key] = outcome
    return outcome


def met(message: str, *evidence: str) -> Outcome:
    """Return a MET outcome resting on ``evidence`` paths."""
    if len(evidence) > INTERN_LONGEST:
        return Outcome(Status.MET, message, evidence)
    key = (_MET, message, evidence)
    found = _interned.get(key)
    return found if found is not None else _intern(key, Outcome(Status.MET, message, evidence))


def not_met(
    message: str,
    *evidence: str,
    remediation: str | None = None,
    severity: Severity | None = None,
) -> Outcome:
    """Return a NOT_MET outcome pointing at ``evidence`` paths."""
    if len(evidence) > INTERN_LONGEST:
        return Outcome(Status.NOT_MET, message, evidence, remediation, None, (), severity)
    key = (_NOT_MET, message, evidence, remediation, id(severity))
    found = _interned.get(key)
    if found is not None:
        return found
    return _intern(key, Outcome(Status.NOT_MET, message, evidence, remediation, None, (), severity))


def needs_review(
    message: str,
    *evidence: str,
    reviewer: Reviewer,
    settle_with: Sequence[str],
    remediation: str | None = None,
) -> Outcome:
    """Return a NEEDS_REVIEW outcome naming who should decide and what would settle it.

    Args:
        message: why a person must decide.
        *evidence: paths of the facts involved (or missing).
        reviewer: the role that should decide.
        settle_with: the evidence that would settle it, e.g. "record whether the notice
            names the recipients (notice.recipients)".
        remediation: overrides the check's default remediation.

    Raises:
        ValueError: ``settle_with`` is empty.
    """
    if not settle_with:
        msg = "a NEEDS_REVIEW outcome must name the evidence that would settle it"
        raise ValueError(msg)
    settle = tuple(settle_with)
    if len(evidence) > INTERN_LONGEST or len(settle) > INTERN_LONGEST:
        return Outcome(Status.NEEDS_REVIEW, message, evidence, remediation, reviewer, settle)
    key = (_REVIEW, message, evidence, id(reviewer), settle, remediation)
    found = _interned.get(key)
    if found is not None:
        return found
    return _intern(
        key, Outcome(Status.NEEDS_REVIEW, message, evidence, remediation, reviewer, settle)
    )


def not_applicable(message: str, *evidence: str) -> Outcome:
    """Return a NOT_APPLICABLE outcome."""
    if len(evidence) > INTERN_LONGEST:
        return Outcome(Status.NOT_APPLICABLE, message, evidence)
    key = (_NA, message, evidence)
    found = _interned.get(key)
    if found is not None:
        return found
    return _intern(key, Outcome(Status.NOT_APPLICABLE, message, evidence))


def not_yet_due(message: str, *evidence: str, due_on: date) -> Outcome:
    """Return a NOT_YET_DUE outcome: an obligation not yet done whose time has not run out.

    The obligation applies and falls due on ``due_on``, the last day on which doing it is
    still on time. Use it where a time limit has not yet passed as at the evaluation date; a
    run as at a date after ``due_on`` should give MET or NOT_MET by the check's usual rules.
    """
    if len(evidence) > INTERN_LONGEST:
        return Outcome(Status.NOT_YET_DUE, message, evidence, due_on=due_on)
    key = (_DUE, message, evidence, due_on)
    found = _interned.get(key)
    if found is not None:
        return found
    return _intern(key, Outcome(Status.NOT_YET_DUE, message, evidence, due_on=due_on))


# A dict class, as `Outcome`: one is made per subject evaluated, and a frozen dict class
# initialises about twice as fast as a slotted one.
@attrs.frozen(slots=False)
class EvaluationContext:
    """What a check can see beyond its subject.

    Attributes:
        activity: the enclosing activity, for cross-object checks (``None`` when a single
            object is evaluated on its own).
        as_at: the date the law is applied as at.
        settings: thresholds and word lists.
        path: the subject's path in the input (``$`` for the root).
        cache: scratch space shared by every check of one evaluation, for what is worked
            out once per activity (an index of which collections hold which items, say)
            rather than once per subject. Keys belong to the helpers that set them; it
            takes no part in equality.
    """

    activity: Activity | None
    as_at: date
    settings: Settings
    path: str
    cache: dict[object, Any] = attrs.field(factory=dict, eq=False, repr=False)
