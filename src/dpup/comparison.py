"""Before and after: what changed between two reports on the same activity.

The seeds tell each programme's story as *before and after applying DPUP*. `compare` (or
`Report.compare`) puts two reports side by side: for each principle, each guideline and
overall, the score and the coverage before and after; and each finding matched with its
counterpart by fingerprint (`dpup.fingerprints`: the check and the subject's id, never its
place in a list), so an activity whose records were reordered or added to still compares
record by record.

A finding is *open* while it asks for something: not met, needing review, or not yet due.
Each matter found in either report falls in one of five groups:

* **fixed**: open before, and met or not applicable after, or no longer found at all (the
  record it was about was removed);
* **new**: open after, and met, not applicable or not found before (a regression counts as
  new: it is a problem that was not there);
* **still open**: open both times with the same status;
* **changed**: open both times with another status (not met before, needing review after);
* **unchanged**: closed both times (met, or not applicable): counted, not listed.

A waiver does not change a finding's group: a waived failure is still open, and is marked as
waived where it is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

from dpup.policy import Guideline, Principle
from dpup.vocabulary import Status

if TYPE_CHECKING:
    from dpup.report import Finding, Report, Score

__all__ = [
    "COMPARISON_SCHEMA_VERSION",
    "Change",
    "Comparison",
    "FindingChange",
    "OPEN",
    "ScoreChange",
    "compare",
]

OPEN = frozenset({Status.NOT_MET, Status.NEEDS_REVIEW, Status.NOT_YET_DUE})
"""The statuses of a finding that still asks for something."""


class Change(Enum):
    """The group a matter falls in when two reports are compared."""

    FIXED = "fixed"
    NEW = "new"
    STILL_OPEN = "still_open"
    CHANGED = "changed"
    UNCHANGED = "unchanged"

    @property
    def label(self) -> str:
        """A human label, e.g. ``still open``."""
        return self.value.replace("_", " ")


def _change(before: Finding | None, after: Finding | None) -> Change:
    was = before is not None and before.status in OPEN
    now = after is not None and after.status in OPEN
    if was != now:
        return Change.FIXED if was else Change.NEW
    if not was:
        return Change.UNCHANGED
    same = before is not None and after is not None and before.status is after.status
    return Change.STILL_OPEN if same else Change.CHANGED


@attrs.frozen
class FindingChange:
    """One matter, found in either report or both.

    Attributes:
        fingerprint: the matter's fingerprint.
        change: its group (fixed, new, still open, changed, unchanged).
        before: the finding in the earlier report, or ``None`` when it had none.
        after: the finding in the later report, or ``None`` when it has none.
    """

    fingerprint: str
    change: Change
    before: Finding | None
    after: Finding | None

    @property
    def finding(self) -> Finding:
        """The later finding where there is one, else the earlier."""
        found = self.after if self.after is not None else self.before
        assert found is not None  # noqa: S101 - a change always holds one finding
        return found

    @property
    def check_id(self) -> str:
        """The check that made the finding."""
        return self.finding.check_id

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data: check, subject, and both statuses."""
        f = self.finding
        return {
            "fingerprint": self.fingerprint,
            "change": self.change.value,
            "check_id": f.check_id,
            "name": f.name,
            "basis": f.basis.value,
            "subject_before": None if self.before is None else self.before.subject,
            "subject_after": None if self.after is None else self.after.subject,
            "status_before": None if self.before is None else self.before.status.value,
            "status_after": None if self.after is None else self.after.status.value,
            "waived_after": self.after is not None and self.after.waiver is not None,
            "message": f.message,
        }


def _delta(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else round(after - before, 6)


@attrs.frozen
class ScoreChange:
    """An area's score and coverage, before and after.

    Attributes:
        area: a `Principle`, a `Guideline`, or ``None`` for overall.
        before: the earlier score.
        after: the later score.
    """

    area: Principle | Guideline | None
    before: Score
    after: Score

    @property
    def label(self) -> str:
        """The area's name (``Overall`` for everything)."""
        return "Overall" if self.area is None else self.area.label

    @property
    def value_change(self) -> float | None:
        """The change in score value, ``None`` when either had nothing assessed."""
        return _delta(self.before.value, self.after.value)

    @property
    def coverage_change(self) -> float | None:
        """The change in coverage, ``None`` when nothing applied in either."""
        return _delta(self.before.coverage, self.after.coverage)

    def to_dict(self) -> dict[str, Any]:
        """Return the change as JSON-ready data."""
        return {
            "area": "overall" if self.area is None else self.area.value,
            "value_before": self.before.value,
            "value_after": self.after.value,
            "value_change": self.value_change,
            "coverage_before": self.before.coverage,
            "coverage_after": self.after.coverage,
            "coverage_change": self.coverage_change,
            "not_met_before": self.before.not_met,
            "not_met_after": self.after.not_met,
            "needs_review_before": self.before.needs_review,
            "needs_review_after": self.after.needs_review,
        }


COMPARISON_SCHEMA_VERSION = "1.0"
"""Version of `Comparison.to_dict`'s form; bumped on any incompatible change."""


@attrs.frozen
class Comparison:
    """Two reports on one activity compared: scores, coverage and findings.

    Attributes:
        before: the earlier report.
        after: the later report.
        overall: the overall score change.
        principles: one `ScoreChange` per principle, in DPUP's order.
        guidelines: one `ScoreChange` per guideline, in DPUP's order.
        changes: every matter in either report, in the later report's order, then the
            earlier report's findings no longer found.
    """

    before: Report
    after: Report
    overall: ScoreChange
    principles: tuple[ScoreChange, ...]
    guidelines: tuple[ScoreChange, ...]
    changes: tuple[FindingChange, ...]

    def of(self, change: Change) -> tuple[FindingChange, ...]:
        """Return the matters in one group, in report order."""
        return tuple(c for c in self.changes if c.change is change)

    @property
    def fixed(self) -> tuple[FindingChange, ...]:
        """Matters open before and closed, or gone, after."""
        return self.of(Change.FIXED)

    @property
    def new(self) -> tuple[FindingChange, ...]:
        """Matters open after that were not open before."""
        return self.of(Change.NEW)

    @property
    def still_open(self) -> tuple[FindingChange, ...]:
        """Matters open both times with the same status."""
        return self.of(Change.STILL_OPEN)

    @property
    def changed(self) -> tuple[FindingChange, ...]:
        """Matters open both times with a different status."""
        return self.of(Change.CHANGED)

    def counts(self) -> dict[Change, int]:
        """Return how many matters fell in each group, every group listed."""
        counted = dict.fromkeys(Change, 0)
        for c in self.changes:
            counted[c.change] += 1
        return counted

    @property
    def same_catalogue(self) -> bool:
        """Whether both reports ran the same checks (equal catalogue versions).

        When they did not (another dpup version, or custom checks), a matter may be new or
        gone because a check was added or changed, not because the activity changed: every
        view says so. (A narrower ``select`` keeps the catalogue version; compare reports made
        with the same selection.)
        """
        return self.before.catalogue_version == self.after.catalogue_version

    def fixed_checks(self) -> frozenset[str]:
        """Return the ids of the checks with at least one fixed matter."""
        return frozenset(c.check_id for c in self.fixed)

    def to_dict(self) -> dict[str, Any]:
        """Return the comparison as JSON-ready data with a stable key order.

        Unchanged matters are counted, not listed, as in every other view.
        """
        return {
            "schema_version": COMPARISON_SCHEMA_VERSION,
            "before": _side(self.before),
            "after": _side(self.after),
            "same_catalogue": self.same_catalogue,
            "counts": {k.value: n for k, n in self.counts().items()},
            "overall": self.overall.to_dict(),
            "principles": [s.to_dict() for s in self.principles],
            "guidelines": [s.to_dict() for s in self.guidelines],
            "findings": [c.to_dict() for c in self.changes if c.change is not Change.UNCHANGED],
        }


def _side(report: Report) -> dict[str, Any]:
    return {
        "label": report.label,
        "as_at": report.as_at.isoformat(),
        "engine_version": report.engine_version,
        "catalogue_version": report.catalogue_version,
        "legal_breaches": len(report.legal_breaches()),
        "failures": len(report.failures()),
        "needs_review": len(report.needs_review()),
    }


def _pairs(
    before: Iterable[Finding], after: Iterable[Finding]
) -> list[tuple[str, Finding | None, Finding | None]]:
    """Pair findings by fingerprint; several with one fingerprint are paired in order."""
    pool: dict[str, list[Finding]] = {}
    for f in before:
        pool.setdefault(f.fingerprint, []).append(f)
    pairs: list[tuple[str, Finding | None, Finding | None]] = []
    for f in after:
        waiting = pool.get(f.fingerprint)
        pairs.append((f.fingerprint, waiting.pop(0) if waiting else None, f))
    for f in before:
        waiting = pool.get(f.fingerprint)
        if waiting and waiting[0] is f:
            pairs.append((f.fingerprint, waiting.pop(0), None))
    return pairs


def _areas(
    before: Mapping[Any, Score], after: Mapping[Any, Score], members: Iterable[Any]
) -> tuple[ScoreChange, ...]:
    return tuple(ScoreChange(m, before[m], after[m]) for m in members)


def compare(before: Report, after: Report) -> Comparison:
    """Compare two reports on one activity (or one programme over time).

    Args:
        before: the earlier report.
        after: the later report.

    Returns:
        Score and coverage changes for each principle, guideline and overall, and every
        matter matched by fingerprint and grouped as fixed, new, still open, changed or
        unchanged (see the module's documentation for the rules).
    """
    changes = tuple(
        FindingChange(fp, _change(b, a), b, a)
        for fp, b, a in _pairs(before.findings, after.findings)
    )
    return Comparison(
        before,
        after,
        ScoreChange(None, before.overall, after.overall),
        _areas(before.principle_scores, after.principle_scores, Principle),
        _areas(before.guideline_scores, after.guideline_scores, Guideline),
        changes,
    )
