"""What evaluation produces: findings, scores and the report that holds them.

Findings point at input by path (``$.collections[0].notice.recipients``) and never carry input
values, so a report can be stored, logged and shown without echoing personal information.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import attrs

from dpup import _jsonform as _form
from dpup._enum import Enum
from dpup.law import Basis, LegalRef
from dpup.model import InvalidValue
from dpup.policy import Guideline, Principle

__all__ = [
    "CheckError",
    "Finding",
    "REPORT_SCHEMA_VERSION",
    "Report",
    "Reviewer",
    "Score",
    "Severity",
    "Status",
    "Waiver",
]

_RECORD_COLUMNS = (
    "check_id",
    "name",
    "status",
    "severity",
    "guideline",
    "principles",
    "basis",
    "legal_refs",
    "subject",
    "message",
    "evidence",
    "remediation",
    "reviewer",
    "settle_with",
    "waived",
)

REPORT_SCHEMA_VERSION = "1.0"
"""Version of the JSON form of a report; bumped on any incompatible change."""


class Status(Enum):
    """The outcome of one check on one subject."""

    MET = "met"
    NOT_MET = "not_met"
    NEEDS_REVIEW = "needs_review"
    """A person must decide: a fact is not recorded, or an exception that needs judgement is
    claimed. The finding names the reviewer and the evidence that would settle it."""
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        """A human label, e.g. ``needs review``."""
        return self.value.replace("_", " ")

    @property
    def assessed(self) -> bool:
        """Whether the check reached a verdict (met or not met)."""
        return self in (Status.MET, Status.NOT_MET)

    @property
    def applicable(self) -> bool:
        """Whether the check applied to the subject."""
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


@attrs.frozen
class Waiver:
    """An accepted risk: a decision not to act on a check's findings, for a reason.

    A waiver never hides a finding; it marks it as waived in every output. An expired
    waiver waives nothing.

    Attributes:
        check_id: the check it waives.
        reason: why the risk is accepted (required).
        subject: a subject path (e.g. ``$.disclosures[1]``) to waive just that subject's
            findings; ``None`` waives the check everywhere.
        approver: who accepted the risk.
        expires: the last day the waiver holds.
    """

    check_id: str
    reason: str = attrs.field()
    subject: str | None = None
    approver: str | None = None
    expires: date | None = None

    @reason.validator
    def _reason_given(self, _attribute: attrs.Attribute[str], value: str) -> None:
        if not value.strip():
            msg = "a waiver needs a reason"
            raise InvalidValue(msg, "reason")

    def active_on(self, day: date) -> bool:
        """Whether the waiver still holds on ``day``."""
        return self.expires is None or day <= self.expires

    def covers(self, check_id: str, subject: str) -> bool:
        """Whether the waiver applies to ``check_id`` on the subject at path ``subject``."""
        return self.check_id == check_id and (self.subject is None or self.subject == subject)

    def to_dict(self) -> dict[str, Any]:
        """Return the waiver as JSON-ready data."""
        return _form.data(self)


_form.define(
    Waiver,
    ("check_id", _form.AS_IS),
    ("reason", _form.AS_IS),
    ("subject", _form.AS_IS),
    ("approver", _form.AS_IS),
    ("expires", _form.DAY),
    remember=False,
)


# A dict class, not slotted: attrs initialises it by writing the instance dict directly,
# about twice as fast as slot setters for a frozen class, and one is made per check outcome.
@attrs.frozen(slots=False)
class Finding:
    """One check's outcome for one subject.

    Attributes:
        check_id: the check's stable id (e.g. ``PM001``).
        name: the check's kebab-case name.
        status: met, not met, needs review or not applicable.
        severity: how much a failure matters.
        guideline: the DPUP guideline the check belongs to.
        principles: the DPUP principles it upholds.
        basis: law, good practice or standard. Only a LAW finding can be a legal breach.
        legal_refs: provisions cited (for LAW checks, and for good-practice checks that rest
            on a legal hook).
        subject: path of the subject evaluated (``$`` for the whole input).
        message: a short, specific sentence. Never contains input values.
        evidence: paths of the facts the outcome rests on (or that are missing).
        remediation: what to do about it.
        reviewer: for NEEDS_REVIEW, who should decide.
        settle_with: for NEEDS_REVIEW, the evidence that would settle it.
        waiver: the active waiver that covers the finding, if any.
    """

    check_id: str
    name: str
    status: Status
    severity: Severity
    guideline: Guideline
    principles: tuple[Principle, ...]
    basis: Basis
    legal_refs: tuple[LegalRef, ...]
    subject: str
    message: str
    evidence: tuple[str, ...] = ()
    remediation: str | None = None
    reviewer: Reviewer | None = None
    settle_with: tuple[str, ...] = ()
    waiver: Waiver | None = None

    @property
    def waived(self) -> bool:
        """Whether an active waiver covers this finding."""
        return self.waiver is not None

    @property
    def is_legal_breach(self) -> bool:
        """Whether this is an unwaived NOT_MET finding on a legal basis."""
        return self.status is Status.NOT_MET and self.basis is Basis.LAW

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as JSON-ready data with a stable key order."""
        return _form.data(self)


# Findings are immutable and the engine shares them between reports: their text is kept.
_form.define(
    Finding,
    ("check_id", _form.AS_IS),
    ("name", _form.AS_IS),
    ("status", _form.MEMBER),
    ("severity", _form.MEMBER),
    ("guideline", _form.MEMBER),
    ("principles", _form.MEMBERS),
    ("basis", _form.MEMBER),
    ("legal_refs", _form.MEMBERS),
    ("subject", _form.AS_IS),
    ("message", _form.AS_IS),
    ("evidence", _form.ITEMS),
    ("remediation", _form.AS_IS),
    ("reviewer", _form.MEMBER),
    ("settle_with", _form.ITEMS),
    ("waiver", _form.part(Waiver)),
    remember=True,
)


@attrs.frozen
class CheckError:
    """A check that raised instead of returning outcomes. The run went on without it.

    Only the exception's type is kept: its message could quote input values.

    Attributes:
        check_id: the check that failed.
        subject: path of the subject it was evaluating.
        error_type: the exception's qualified type name.
    """

    check_id: str
    subject: str
    error_type: str

    def to_dict(self) -> dict[str, Any]:
        """Return the error as JSON-ready data."""
        return _form.data(self)


_form.define(
    CheckError,
    ("check_id", _form.AS_IS),
    ("subject", _form.AS_IS),
    ("error_type", _form.AS_IS),
    remember=False,
)


# A dict class, not slotted: attrs initialises it by writing the instance dict directly,
# about twice as fast as slot setters for a frozen class, and ten are made per report.
@attrs.frozen(slots=False)
class Score:
    """How an area (a principle, a guideline, or everything) fared.

    Attributes:
        met: findings met.
        not_met: findings not met.
        needs_review: findings that need a person to decide.
        not_applicable: findings that did not apply.
        value: severity-weighted share of assessed findings that were met, 0 to 100; ``None``
            when nothing was assessed.
        coverage: assessed findings over applicable ones, 0 to 1; ``None`` when nothing applied.
            A high value on low coverage rests on thin evidence.
    """

    met: int = 0
    not_met: int = 0
    needs_review: int = 0
    not_applicable: int = 0
    value: float | None = None
    coverage: float | None = None

    @property
    def assessed(self) -> int:
        """Findings with a verdict (met or not met)."""
        return self.met + self.not_met

    @property
    def applicable(self) -> int:
        """Findings that applied (assessed or needing review)."""
        return self.met + self.not_met + self.needs_review

    def to_dict(self) -> dict[str, Any]:
        """Return the score as JSON-ready data."""
        return _form.data(self)


# Scores are immutable and equal tallies share one `Score`: their text is kept.
_form.define(
    Score,
    ("met", _form.AS_IS),
    ("not_met", _form.AS_IS),
    ("needs_review", _form.AS_IS),
    ("not_applicable", _form.AS_IS),
    ("value", _form.AS_IS),
    ("coverage", _form.AS_IS),
    remember=True,
)


# A dict class, as `Finding`: one is made per evaluation, on the request path.

DISPLAY: dict[str, Callable[[Report], str]] = {}
"""How a notebook shows a report, by kind (``html``, ``markdown``).

The renderers sit above this module (they import it), so this module never imports them:
`dpup` registers the hooks when the package is imported, and each renderer is loaded on the
first display."""


@attrs.frozen(slots=False)
class Report:
    """The result of evaluating a subject: findings in a stable order, errors, and scores.

    Findings are sorted by guideline (DPUP's order), then check id, then the order subjects
    appear in the input. Waived findings stay in the report, marked as waived.

    Attributes:
        label: a caller-chosen label (e.g. a file name). The activity's own name is not
            copied in, so a report never echoes input text.
        subject_type: the type of the subject evaluated (e.g. ``Activity``, ``Disclosure``).
        as_at: the date the evaluation applied the law as at.
        findings: every finding.
        errors: checks that crashed.
        principle_scores: a `Score` for each of the five principles.
        guideline_scores: a `Score` for each of the four guidelines.
        overall: a `Score` over all findings.
        engine_version: the dpup version that produced the report.
        catalogue_version: a fingerprint of the check catalogue used.
    """

    label: str | None
    subject_type: str
    as_at: date
    findings: tuple[Finding, ...]
    errors: tuple[CheckError, ...]
    principle_scores: Mapping[Principle, Score]
    guideline_scores: Mapping[Guideline, Score]
    overall: Score
    engine_version: str
    catalogue_version: str

    def with_status(self, *statuses: Status) -> tuple[Finding, ...]:
        """Return the findings with any of ``statuses``."""
        return tuple(f for f in self.findings if f.status in statuses)

    def failures(self, *, include_waived: bool = False) -> tuple[Finding, ...]:
        """Return the NOT_MET findings, leaving out waived ones unless asked."""
        return tuple(
            f
            for f in self.findings
            if f.status is Status.NOT_MET and (include_waived or f.waiver is None)
        )

    def needs_review(self, *, include_waived: bool = False) -> tuple[Finding, ...]:
        """Return the NEEDS_REVIEW findings, leaving out waived ones unless asked."""
        return tuple(
            f
            for f in self.findings
            if f.status is Status.NEEDS_REVIEW and (include_waived or f.waiver is None)
        )

    def legal_breaches(self) -> tuple[Finding, ...]:
        """Return unwaived NOT_MET findings whose basis is law."""
        return tuple(f for f in self.failures() if f.basis is Basis.LAW)

    def passed(self, fail_on: Status = Status.NOT_MET) -> bool:
        """Whether nothing unwaived is at or above ``fail_on``, and no check crashed.

        Args:
            fail_on: `Status.NOT_MET` fails on failures only; `Status.NEEDS_REVIEW` also
                fails when anything needs review.
        """
        if self.errors:
            return False
        if self.failures():
            return False
        return not (fail_on is Status.NEEDS_REVIEW and self.needs_review())

    def to_records(self) -> list[dict[str, Any]]:
        """Return one flat dictionary per finding, ready for a table or a DataFrame."""
        return [
            {
                "check_id": f.check_id,
                "name": f.name,
                "status": f.status.value,
                "severity": f.severity.value,
                "guideline": f.guideline.label,
                "principles": ", ".join(p.label for p in f.principles),
                "basis": f.basis.value,
                "legal_refs": ", ".join(r.value for r in f.legal_refs),
                "subject": f.subject,
                "message": f.message,
                "evidence": ", ".join(f.evidence),
                "remediation": f.remediation,
                "reviewer": None if f.reviewer is None else f.reviewer.value,
                "settle_with": "; ".join(f.settle_with),
                "waived": f.waiver is not None,
            }
            for f in self.findings
        ]

    def to_dataframe(self) -> Any:
        """Return the findings as a pandas DataFrame (needs the ``dpup[pandas]`` extra).

        Raises:
            ImportError: pandas is not installed.
        """
        try:
            import pandas as pd  # noqa: PLC0415 - optional, imported only when asked for
        except ImportError as exc:  # pragma: no cover - exercised without pandas installed
            msg = "Report.to_dataframe() needs pandas: pip install 'dpup[pandas]'"
            raise ImportError(msg) from exc
        return pd.DataFrame.from_records(self.to_records(), columns=_RECORD_COLUMNS)

    def _repr_html_(self) -> str:
        return DISPLAY["html"](self)

    def _repr_markdown_(self) -> str:
        return DISPLAY["markdown"](self)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data, with a ``schema_version``.

        The form is stable: the same report always gives the same data, in the same order.
        `dpup.render.to_json` writes exactly this data as JSON text.
        """
        return _form.data(self)


# The report's form: the one definition of what `to_dict` returns and `to_json` writes.
_form.define(
    Report,
    ("schema_version", _form.AS_IS, _form.constant(REPORT_SCHEMA_VERSION)),
    ("engine_version", _form.AS_IS),
    ("catalogue_version", _form.AS_IS),
    ("label", _form.AS_IS),
    ("subject_type", _form.AS_IS),
    ("as_at", _form.DAY),
    ("overall", _form.part(Score)),
    ("principle_scores", _form.by_member(Principle, Score)),
    ("guideline_scores", _form.by_member(Guideline, Score)),
    ("findings", _form.parts(Finding)),
    ("errors", _form.parts(CheckError)),
    remember=False,
)
