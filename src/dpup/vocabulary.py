"""The words reports are written in: statuses, severities, reviewers, as-at sources, path roots."""

from __future__ import annotations

from dpup._enum import Enum

__all__ = ["AsAtSource", "CONTEXT_ROOT", "Reviewer", "Severity", "Status"]


class Status(Enum):
    """The outcome of one check on one subject."""

    MET = "met"
    NOT_MET = "not_met"
    NEEDS_REVIEW = "needs_review"
    """A person must decide: a fact is not recorded, or an exception that needs judgement is
    claimed. The finding names the reviewer and the evidence that would settle it."""
    NOT_APPLICABLE = "not_applicable"
    NOT_YET_DUE = "not_yet_due"
    """A time-bound obligation applies but its time limit has not passed and it is not yet
    done: neither met nor late. The finding carries the due date; a run as at a later date
    turns it into MET or NOT_MET by the same rules."""

    @property
    def label(self) -> str:
        """A human label, e.g. ``needs review``."""
        return self.value.replace("_", " ")

    @property
    def assessed(self) -> bool:
        """Whether the check reached a verdict (met or not met); not yet due is not one."""
        return self in (Status.MET, Status.NOT_MET)

    @property
    def applicable(self) -> bool:
        """Whether the check applied to the subject (a not-yet-due obligation does)."""
        return self is not Status.NOT_APPLICABLE


class Severity(Enum):
    """How much a failure matters. Ordered: `LOW` < `MEDIUM` < `HIGH` < `CRITICAL`."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """1 (low) to 4 (critical)."""
        return _SEVERITY_RANK[self]

    @property
    def weight(self) -> int:
        """The finding's weight in scores: 1, 2, 4 or 8."""
        return 1 << (_SEVERITY_RANK[self] - 1)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


_SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3, Severity.CRITICAL: 4}


class Reviewer(Enum):
    """Who should settle a NEEDS_REVIEW finding."""

    PRIVACY_OFFICER = "privacy-officer"
    LEGAL_ADVISER = "legal-adviser"
    SERVICE_MANAGER = "service-manager"
    PRACTICE_LEAD = "practice-lead"
    DATA_STEWARD = "data-steward"
    ETHICS_COMMITTEE = "ethics-committee"
    MAORI_ADVISER = "maori-adviser"
    STATISTICIAN = "statistician"
    CONTRACT_MANAGER = "contract-manager"

    @property
    def label(self) -> str:
        """A human label, e.g. ``privacy officer``."""
        return _REVIEWER_LABEL.get(self, self.value.replace("-", " "))


_REVIEWER_LABEL = {Reviewer.MAORI_ADVISER: "Māori adviser"}


class AsAtSource(Enum):
    """Where the date a report applies the law as at came from (`Report.as_at_source`)."""

    ARGUMENT = "argument"
    """Given by the caller (``evaluate(..., as_at=...)``, ``dpup evaluate --as-at``)."""
    ACTIVITY = "activity"
    """The activity's own ``as_at``: the activity evaluated, or the activity a record
    evaluated on its own was found in."""
    TODAY = "today"
    """The day of the evaluation: nothing else gave a date, or the subject is a proposed
    record not found in its context, whose ``as_at`` describes an earlier assessment."""

    @property
    def phrase(self) -> str:
        """A few words for report headers, e.g. ``the date given``."""
        return _AS_AT_PHRASE[self]


_AS_AT_PHRASE = {
    AsAtSource.ARGUMENT: "the date given",
    AsAtSource.ACTIVITY: "the activity's as_at",
    AsAtSource.TODAY: "today's date",
}


CONTEXT_ROOT = "$context"
"""The root of evidence paths into the context of a record evaluated on its own.

When a proposed record (a disclosure not yet in the activity, say) is evaluated with
``context=activity``, ``$`` is the record itself and ``$context`` the activity:
``$context.purposes[0]`` is the activity's first purpose. A record found in its context is
placed there instead (its subject is ``$.disclosures[3]``), and every path is the activity's.
"""
