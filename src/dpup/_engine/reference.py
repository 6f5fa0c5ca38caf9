"""The reference evaluator: the obvious loop, with no caches, no interning and no packing.

`dpup.engine.evaluate` is built for a request path: interned outcomes, remembered findings,
packed score tallies and per-activity indexes. This module says what all of that must add up
to, in the plainest code that could work, so the tests can hold the fast path to it on every
example, every golden case and generated activities. It is not on any public path and is not
tuned: it builds every `Finding` by keyword and scores the finished list with
`dpup.scoring.score_findings`.

The rules it spells out:

* **What is walked.** An activity is walked as ``$``, then its purposes, collections, choices,
  agreements, disclosures, access requests, correction requests, breaches and requests under
  other Acts, then its access practice and its insights. A single object is evaluated on its
  own at ``$``, or at the path where it sits in ``context`` (the first identical entry, else
  the first equal one). A single object not found in its context must refer only to ids the
  context defines (`dpup.model.references`), or an `InputError` lists every dangling path.
* **The date.** ``as_at`` as given; else the activity's own ``as_at`` for an activity or an
  object found in its context; else today (a proposed object is dated today, never by its
  context). `Report.as_at_source` says which.
* **Order.** Findings come in catalogue rank (guideline order, then id), then in the order the
  subjects were walked.
* **A finding.** Its severity is the outcome's, else the check's; its remediation is the
  outcome's, else the check's, and only for NOT_MET and NEEDS_REVIEW; its evidence paths are
  made absolute against the subject's path (for an object on its own, at ``$``, a path from
  ``$`` is into its context and starts at ``$context``); the first active waiver that covers
  the check and path marks it as waived. A NOT_YET_DUE finding carries its outcome's due
  date and the Privacy Act working days from ``as_at`` to it (``None`` outside the
  calendar). In an activity, its subject id is the subject's ``id`` as text, or ``None``
  when it has none; a single object is the report's one subject, so its findings carry none.
* **Errors.** A check that raises, or returns anything but an `Outcome`, an iterable of them
  or ``None``, gives a `CheckError` instead of findings, sorted by check id then subject.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from dpup._engine.outcomes import EvaluationContext, Outcome
from dpup.errors import InputError
from dpup.findings import CheckError, Finding, Report, Status, Waiver
from dpup.model import Activity, PersonView, person_parts
from dpup.model.references import part_reference_problems
from dpup.scoring import score_findings
from dpup.settings import DEFAULT_SETTINGS, Settings
from dpup.vocabulary import CONTEXT_ROOT, AsAtSource

if TYPE_CHECKING:
    from dpup.engine import Check, Registry

__all__ = ["reference_evaluate"]

_LISTS = (
    "purposes",
    "collections",
    "choices",
    "agreements",
    "disclosures",
    "access_requests",
    "correction_requests",
    "breaches",
    "sharing_requests",
)


def _parts(activity: Activity) -> Iterator[tuple[str, object]]:
    if type(activity) is PersonView:  # one person's parts, in their own record
        yield from person_parts(activity)
        return
    yield "$", activity
    for name in _LISTS:
        for i, obj in enumerate(getattr(activity, name)):
            yield f"$.{name}[{i}]", obj
    if activity.access_practice is not None:
        yield "$.access_practice", activity.access_practice
    for i, insight in enumerate(activity.insights):
        yield f"$.insights[{i}]", insight


def _path_of(context: Activity, obj: object) -> str:
    if obj is context.access_practice:
        return "$.access_practice"
    for name in (*_LISTS, "insights"):
        items = getattr(context, name)
        if not items or type(items[0]) is not type(obj):
            continue
        for i, candidate in enumerate(items):
            if candidate is obj:
                return f"$.{name}[{i}]"
        for i, candidate in enumerate(items):
            if candidate == obj:
                return f"$.{name}[{i}]"
    return "$"


def _absolute(path: str, evidence: str, lone: bool) -> str:
    if not evidence:
        return path
    if evidence.startswith("$"):
        # A record evaluated on its own is `$`: its checks' paths into the activity go under
        # the context's root.
        return CONTEXT_ROOT + evidence[1:] if lone else evidence
    if evidence.startswith("["):
        return path + evidence
    return f"{path}.{evidence}"


def _outcomes(result: object) -> list[Outcome]:
    """Return a check's result as a list of outcomes; raise TypeError for anything else."""
    if result is None:
        return []
    if isinstance(result, Outcome):
        return [result]
    if isinstance(result, str | bytes) or not isinstance(result, Iterable):
        msg = "a check must return an Outcome, an iterable of outcomes, or None"
        raise TypeError(msg)
    outcomes = list(result)
    if not all(isinstance(o, Outcome) for o in outcomes):
        msg = "a check returned something that is not an Outcome"
        raise TypeError(msg)
    return outcomes


def _days_left(as_at: date, due_on: date | None) -> int | None:
    if due_on is None:
        return None
    from dpup.calendar import working_days_between  # noqa: PLC0415 - kept off import
    from dpup.errors import CalendarRangeError  # noqa: PLC0415

    try:
        return working_days_between(as_at, due_on)
    except CalendarRangeError:
        return None


def _finding(  # noqa: PLR0917 - private, plain positional helper
    check: Check[Any],
    outcome: Outcome,
    path: str,
    waiver: Waiver | None,
    as_at: date,
    obj: object,
    *,
    lone: bool,
) -> Finding:
    asks = outcome.status in (Status.NOT_MET, Status.NEEDS_REVIEW)
    due_on = outcome.due_on if outcome.status is Status.NOT_YET_DUE else None
    return Finding(
        check_id=check.id,
        name=check.name,
        status=outcome.status,
        severity=outcome.severity or check.severity,
        guideline=check.guideline,
        principles=check.principles,
        basis=check.basis,
        legal_refs=check.legal_refs,
        subject=path,
        message=outcome.message,
        evidence=tuple(
            _absolute(path, e, path == "$" and not isinstance(obj, Activity))
            for e in outcome.evidence
        ),
        remediation=(outcome.remediation or check.remediation) if asks else None,
        reviewer=outcome.reviewer,
        settle_with=outcome.settle_with,
        waiver=waiver,
        due_on=due_on,
        working_days_left=_days_left(as_at, due_on),
        subject_id=None if lone or getattr(obj, "id", None) is None else str(obj.id),  # type: ignore[attr-defined]
    )


def _subject_key(path: str) -> tuple[str, int, str]:
    head, sep, rest = path.partition("[")
    if not sep:
        return (head, -1, "")
    index, _, tail = rest.partition("]")
    return (head, int(index) if index.isdigit() else -1, tail)


def reference_evaluate(
    subject: object,
    registry: Registry,
    *,
    as_at: date | None = None,
    context: Activity | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    waivers: Iterable[Waiver] = (),
    label: str | None = None,
    catalogue_version: str = "",
    engine_version: str = "",
) -> Report:
    """Evaluate ``subject`` with every check of ``registry`` by the plainest possible loop.

    Args:
        subject: an `Activity`, or one domain object evaluated in the context of ``context``.
        registry: the checks to run (already narrowed by any selection).
        as_at: the date to apply the law as at; by default the activity's own, then today.
        context: the activity a single object belongs to.
        settings: thresholds and word lists.
        waivers: accepted risks; the first active one covering a finding marks it.
        label: the report's label.
        catalogue_version: copied into the report (the registry fingerprint, normally).
        engine_version: copied into the report.

    Returns:
        The report `dpup.engine.evaluate` must also give for the same arguments.
    """
    activity = subject if isinstance(subject, Activity) else context
    if isinstance(subject, Activity):
        parts = list(_parts(subject))
    else:
        parts = [("$" if context is None else _path_of(context, subject), subject)]
    found = isinstance(subject, Activity) or parts[0][0] != "$"
    if context is not None and not found:
        problems = part_reference_problems(subject, context, CONTEXT_ROOT)
        if problems:
            raise InputError(problems)
    source = AsAtSource.ARGUMENT
    if as_at is None:
        recorded = activity.as_at if activity is not None and found else None
        source = AsAtSource.TODAY if recorded is None else AsAtSource.ACTIVITY
        as_at = recorded if recorded is not None else date.today()  # noqa: DTZ011 - a civil date
    active = [w for w in waivers if w.active_on(as_at)]
    ranked = sorted(registry.checks, key=lambda c: (c.guideline.order, c.id))
    findings: list[Finding] = []
    errors: list[CheckError] = []
    for check in ranked:
        for path, obj in parts:
            if type(obj) is not check.subject:
                continue
            ctx = EvaluationContext(activity, as_at, settings, path, {})
            try:
                outcomes = _outcomes(check.func(obj, ctx))
            except Exception as exc:
                kind = type(exc)
                errors.append(CheckError(check.id, path, f"{kind.__module__}.{kind.__qualname__}"))
                continue
            for outcome in outcomes:
                waiver = next((w for w in active if w.covers(check.id, path)), None)
                lone = not isinstance(subject, Activity)
                findings.append(_finding(check, outcome, path, waiver, as_at, obj, lone=lone))
    overall, by_principle, by_guideline = score_findings(findings)
    errors.sort(key=lambda e: (e.check_id, _subject_key(e.subject)))
    return Report(
        label,
        type(subject).__name__,
        as_at,
        tuple(findings),
        tuple(errors),
        by_principle,
        by_guideline,
        overall,
        engine_version,
        catalogue_version,
        source,
    )
