"""What evaluation produces: findings, crashed checks, scores and the report that holds them.

Findings point at input by path (``$.collections[0].notice.recipients``) and never carry input
values, so a report can be stored, logged and shown without echoing personal information. Each
class's JSON form is declared once, beside it (`dpup._jsonform`): `to_dict` and
`dpup.render.to_json` are both made from that one declaration.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from dpup import _jsonform as _form
from dpup.fingerprints import fingerprint as _fingerprint
from dpup.law import Basis, LegalRef
from dpup.policy import Guideline, Principle
from dpup.questions import Question, questions
from dpup.vocabulary import AsAtSource, Reviewer, Severity, Status
from dpup.waivers import Waiver

if TYPE_CHECKING:
    from dpup.comparison import Comparison

__all__ = [
    "CheckError",
    "DISPLAY",
    "Finding",
    "REPORT_SCHEMA_VERSION",
    "Report",
    "Score",
    "subject_sort_key",
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
    "due_on",
    "working_days_left",
    "fingerprint",
)

REPORT_SCHEMA_VERSION = "1.2"
"""Version of the JSON form of a report; bumped on any incompatible change."""


@attrs.frozen(slots=False)
class Finding:
    """One check's outcome for one subject.

    Attributes:
        check_id: the check's stable id (e.g. ``PM001``).
        name: the check's kebab-case name.
        status: met, not met, needs review, not applicable or not yet due.
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
        due_on: for NOT_YET_DUE, the date the obligation falls due (the last day on which
            doing it is still on time); ``None`` for every other status.
        working_days_left: for NOT_YET_DUE, the Privacy Act working days (s 7, counted by
            `dpup.calendar.working_days_between`) after the report's ``as_at`` up to and
            including ``due_on``: 0 means it falls due today or before the next working day.
            ``None`` for every other status, and when the working-day calendar does not
            cover the dates.
        subject_id: the ``id`` of the record judged in an activity; ``None`` for the
            activity itself, its access practice (an activity holds at most one of each),
            and a single object evaluated on its own (the report's one subject). With the
            check id it makes the `fingerprint`. An id is input text, so it is kept out of
            every output (JSON, SARIF, JUnit, the human reports): only the fingerprint, a
            digest, is written.
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
    due_on: date | None = None
    working_days_left: int | None = None
    subject_id: str | None = None

    @property
    def fingerprint(self) -> str:
        """The finding's stable id: its check and its subject's id, not the subject's place.

        The same matter in a reordered or edited input keeps its fingerprint, whatever its
        status, so two reports can be compared finding by finding (see `dpup.fingerprints`).
        """
        return _fingerprint(self.check_id, self.subject_id)

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
    ("due_on", _form.DAY),
    ("working_days_left", _form.AS_IS),
    ("fingerprint", _form.AS_IS),
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
            A high value on low coverage rests on thin evidence. Not-yet-due findings are
            applicable but not assessed, so they lower coverage as needs-review ones do.
        not_yet_due: findings for obligations whose time limit has not yet passed. Last, so
            the other fields keep their positions.
    """

    met: int = 0
    not_met: int = 0
    needs_review: int = 0
    not_applicable: int = 0
    value: float | None = None
    coverage: float | None = None
    not_yet_due: int = 0

    @property
    def assessed(self) -> int:
        """Findings with a verdict (met or not met)."""
        return self.met + self.not_met

    @property
    def applicable(self) -> int:
        """Findings that applied (assessed, needing review, or not yet due)."""
        return self.met + self.not_met + self.needs_review + self.not_yet_due

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
    ("not_yet_due", _form.AS_IS),
    ("value", _form.AS_IS),
    ("coverage", _form.AS_IS),
    remember=True,
)


def _obligation_key(f: Finding) -> tuple[date, str, tuple[str, int, str]]:
    # Every NOT_YET_DUE finding the engine makes has a due date; one built by hand without
    # one sorts last.
    return (f.due_on or date.max, f.check_id, subject_sort_key(f.subject))


def subject_sort_key(path: str) -> tuple[str, int, str]:
    """Return a key that sorts subject paths as the input lists them.

    ``$.access_requests[10]`` sorts after ``$.access_requests[9]``: the first index is
    compared as a number.
    """
    head, sep, rest = path.partition("[")
    if not sep:
        return (head, -1, "")
    index, _, tail = rest.partition("]")
    return (head, int(index) if index.isdigit() else -1, tail)


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

    Every method that picks findings out (`with_status`, `failures`, `needs_review`,
    `legal_breaches`, `open_obligations`, and `questions`) returns a tuple, in report order
    (`open_obligations` by due date), never a list: the result cannot be changed by mistake,
    and tuples compare equal to tuples. Only `to_records`, rows for a table, is a list.

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
        as_at_source: where ``as_at`` came from: the caller's argument, the activity's own
            ``as_at``, or today (see `AsAtSource`). Last, so the other fields keep their
            positions.
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
    as_at_source: AsAtSource = AsAtSource.ARGUMENT

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

    def questions(self, subject: object) -> tuple[Question, ...]:
        """Return the facts to record next, most settling first (see `dpup.questions`).

        A report does not keep what it evaluated, so pass the same ``subject`` again: a path
        counts as a fact to record only where it holds nothing in ``subject``, which tells a
        missing fact apart from a recorded one a person is asked to judge.
        """
        return questions(self.findings, subject)

    def open_obligations(self, *, include_waived: bool = False) -> tuple[Finding, ...]:
        """Return the NOT_YET_DUE findings by due date, then check id, then subject.

        A to-do list: each finding names the obligation (its check and subject), its
        ``due_on`` and its ``working_days_left`` as at the report's ``as_at``. Waived ones are
        left out unless asked, as `failures` and `needs_review` do. These findings are never
        failures and never need review.
        """
        due = [
            f
            for f in self.findings
            if f.status is Status.NOT_YET_DUE and (include_waived or f.waiver is None)
        ]
        due.sort(key=_obligation_key)
        return tuple(due)

    def legal_breaches(self) -> tuple[Finding, ...]:
        """Return unwaived NOT_MET findings whose basis is law."""
        return tuple(f for f in self.failures() if f.basis is Basis.LAW)

    def passed(self, fail_on: Status = Status.NOT_MET) -> bool:
        """Whether nothing unwaived is at or above ``fail_on``, and no check crashed.

        Args:
            fail_on: `Status.NOT_MET` fails on failures only; `Status.NEEDS_REVIEW` also
                fails when anything needs review. Not-yet-due findings never fail.
        """
        if self.errors:
            return False
        if self.failures():
            return False
        return not (fail_on is Status.NEEDS_REVIEW and self.needs_review())

    def compare(self, after: Report) -> Comparison:
        """Compare this report (before) with a later one on the same activity (after).

        Findings are matched by fingerprint, so reordered records still match; see
        `dpup.comparison.compare` for the groups (fixed, new, still open, changed).
        """
        from dpup.comparison import compare  # noqa: PLC0415 - it imports this module's types

        return compare(self, after)

    def to_records(self) -> list[dict[str, Any]]:
        """Return one flat dictionary per finding, ready for a table or a DataFrame.

        Each row ends with the finding's ``fingerprint``, so rows from two runs can be joined
        matter by matter.
        """
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
                "due_on": None if f.due_on is None else f.due_on.isoformat(),
                "working_days_left": f.working_days_left,
                "fingerprint": f.fingerprint,
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
    ("as_at_source", _form.MEMBER),
    ("overall", _form.part(Score)),
    ("principle_scores", _form.by_member(Principle, Score)),
    ("guideline_scores", _form.by_member(Guideline, Score)),
    ("findings", _form.parts(Finding)),
    ("errors", _form.parts(CheckError)),
    remember=False,
)
