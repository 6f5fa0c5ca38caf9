"""The tables `dpup.engine.evaluate` reads in its hot loop, built once per registry.

Evaluating one disclosure in a request path runs a handful of checks, so what the engine does
around each check matters as much as the checks. A `Plan` settles everything that depends
only on the registry: each check's metadata in one flat record, the checks for each subject
type in report order, and the score buckets every check's findings count toward. Scores are
tallied while findings are made: each finding adds one packed integer to its check's bucket
group, and the groups are spread over the principles and guidelines once per report.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from dpup.findings import Score, Severity
from dpup.policy import Guideline, Principle
from dpup.scoring import score_from_counts

__all__ = [
    "COUNT_MET",
    "COUNT_DUE",
    "COUNT_NA",
    "COUNT_NOT_MET",
    "COUNT_REVIEW",
    "CheckPlan",
    "Plan",
    "WEIGHT_ASSESSED",
    "WEIGHT_MET",
]

_PRINCIPLES = tuple(Principle)
_GUIDELINES = tuple(Guideline)
_SLOTS = 1 + len(_PRINCIPLES) + len(_GUIDELINES)
"""Score buckets: overall, then one per principle, then one per guideline."""

# Seven counters packed into one int, 40 bits each: met, not met, needs review, not
# applicable, met weight, assessed weight, not yet due. Adding two packed ints adds every
# counter at once, and 40 bits hold more findings than any input can produce.
_BITS = 40
_MASK = (1 << _BITS) - 1
COUNT_MET, COUNT_NOT_MET, COUNT_REVIEW, COUNT_NA, _MET_W, WEIGHT_ASSESSED, COUNT_DUE = (
    1 << (_BITS * i) for i in range(7)
)
WEIGHT_MET = _MET_W + WEIGHT_ASSESSED
"""Times the weight, what a MET finding adds to the two weight counters."""


class CheckPlan:
    """One check's metadata, flattened for the engine's inner loop.

    Attributes:
        check: the check itself.
        func: its function.
        rank: its place in report order (guideline order, then id).
        group: the index of its score-bucket group (checks that count toward the same
            guideline and principles share one).
        weight: the score weight of its default severity.
        id, name, guideline, principles, basis, legal_refs, severity, remediation, subject:
            as on
            the check.
    """

    __slots__ = (
        "basis",
        "check",
        "func",
        "group",
        "guideline",
        "id",
        "legal_refs",
        "name",
        "principles",
        "rank",
        "remediation",
        "severity",
        "subject",
        "weight",
    )

    def __init__(self, check: Any, rank: int, group: int) -> None:
        self.check = check
        self.func = check.func
        self.id: str = check.id
        self.name: str = check.name
        self.guideline: Guideline = check.guideline
        self.principles: tuple[Principle, ...] = check.principles
        self.basis = check.basis
        self.legal_refs = check.legal_refs
        self.severity: Severity = check.severity
        self.subject: type = check.subject
        self.remediation: str = check.remediation
        self.weight = check.severity.weight
        self.rank = rank
        self.group = group


class Plan:
    """A registry's checks arranged for evaluation.

    Attributes:
        by_type: the checks for each subject type, in report order.
        ranked: every check, in report order.
        groups: for each score-bucket group, the buckets it counts toward.
    """

    __slots__ = ("_seen", "by_type", "groups", "ranked")

    def __init__(self, checks: Sequence[Any]) -> None:
        order = sorted(range(len(checks)), key=lambda i: (checks[i].guideline.order, checks[i].id))
        rank = {i: r for r, i in enumerate(order)}
        slot_of: dict[object, int] = {p: 1 + i for i, p in enumerate(_PRINCIPLES)}
        slot_of |= {g: 1 + len(_PRINCIPLES) + i for i, g in enumerate(_GUIDELINES)}
        groups: dict[tuple[int, ...], int] = {}
        by_type: dict[type, list[CheckPlan]] = {}
        for i in order:
            c = checks[i]
            # A finding counts overall, toward its guideline, and toward each principle it
            # lists (twice if listed twice, as `dpup.scoring.score_findings` counts it).
            slots = (0, slot_of[c.guideline], *(slot_of[p] for p in c.principles))
            group = groups.setdefault(slots, len(groups))
            by_type.setdefault(c.subject, []).append(CheckPlan(c, rank[i], group))
        self.by_type: dict[type, tuple[CheckPlan, ...]] = {
            t: tuple(plans) for t, plans in by_type.items()
        }
        self.groups: tuple[tuple[int, ...], ...] = tuple(groups)
        self.ranked: tuple[CheckPlan, ...] = tuple(
            sorted((p for plans in self.by_type.values() for p in plans), key=lambda p: p.rank)
        )
        self._seen: dict[tuple[tuple[int, int], ...], _Scores] = {}

    def scores(
        self, tallies: Mapping[int, int]
    ) -> tuple[Score, dict[Principle, Score], dict[Guideline, Score]]:
        """Return the overall, per-principle and per-guideline scores of group tallies.

        Args:
            tallies: packed counters by group index, for the groups that have findings.
        """
        # Equal tallies give equal scores. Events in a request path keep producing the same
        # few tallies, so the last _SEEN are kept; the dicts are copied (copying keeps the
        # keys' hashes, so it is cheap), since a report's caller may change its own.
        key = tuple(tallies.items())
        seen = self._seen.get(key)
        if seen is None:
            seen = self._seen[key] = self._spread(tallies)
            if len(self._seen) > _SEEN:
                self._seen.pop(next(iter(self._seen)))
        overall, by_principle, by_guideline = seen
        return overall, by_principle.copy(), by_guideline.copy()

    def _spread(self, tallies: Mapping[int, int]) -> _Scores:
        buckets = [0] * _SLOTS
        groups = self.groups
        for group, packed in tallies.items():
            for slot in groups[group]:
                buckets[slot] += packed
        scores = [_score(packed) for packed in buckets]
        first_guideline = 1 + len(_PRINCIPLES)
        return (
            scores[0],
            dict(zip(_PRINCIPLES, scores[1:first_guideline], strict=True)),
            dict(zip(_GUIDELINES, scores[first_guideline:], strict=True)),
        )


_Scores = tuple[Score, dict[Principle, Score], dict[Guideline, Score]]
_SEEN = 1024


# Scores are immutable values, so equal tallies can share one: a request path evaluating one
# event after another keeps meeting the same small tallies, and a cache hit costs a tenth of
# building a Score (two float roundings and a frozen instance). Bounded, so it cannot grow.
@functools.lru_cache(maxsize=4096)
def _score(packed: int) -> Score:
    return score_from_counts(
        packed & _MASK,
        (packed >> _BITS) & _MASK,
        (packed >> (2 * _BITS)) & _MASK,
        (packed >> (3 * _BITS)) & _MASK,
        (packed >> (4 * _BITS)) & _MASK,
        (packed >> (5 * _BITS)) & _MASK,
        not_yet_due=packed >> (6 * _BITS),
    )
