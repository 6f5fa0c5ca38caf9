"""The evaluation loop behind `dpup.engine.evaluate`: walk the subject, run checks, make a report.

Evaluating one disclosure in a request path runs a handful of checks, so what happens around
each check matters as much as the checks. Three things keep it cheap:

* the registry's plan (`dpup._engine.plan.Plan`) holds every check's metadata flat, in report
  order, with the score buckets its findings count toward;
* checks return interned outcomes (`dpup._engine.outcomes`), and a finding is fully decided by
  the check, the outcome and the subject's path (plus a waiver, when one covers it). Unwaived
  findings are therefore remembered by ``(check, outcome, path)``: the same event in the same
  place gives the same immutable `Finding`, built once. The table is bounded and emptied when
  full, and holds only check metadata, messages and paths, never input values;
* scores are tallied as packed integers while findings are made (see `dpup._engine.plan`).

A NOT_YET_DUE finding is the exception: its working days left depend on the evaluation's
``as_at`` as well, so it is made afresh each time and never remembered (`_due_finding`).

A whole activity costs the same per record however many it lists: waivers are looked up by
check and subject (`_CheckWaivers`) rather than scanned for every finding, and a large
activity (`LARGE_FROM`) is evaluated with the garbage collector held off and without the
table of remembered findings.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import repeat
from typing import TYPE_CHECKING, Any, cast

from dpup import model
from dpup._collector import collector_paused
from dpup._engine.context import dated, join_evidence, proposed
from dpup._engine.outcomes import INTERN_LONGEST, EvaluationContext, Outcome
from dpup._engine.plan import (
    COUNT_DUE,
    COUNT_MET,
    COUNT_NA,
    COUNT_NOT_MET,
    COUNT_REVIEW,
    WEIGHT_ASSESSED,
    WEIGHT_MET,
    CheckPlan,
    Plan,
)
from dpup._version import version
from dpup.facts import disclosure_position
from dpup.findings import CheckError, Finding, Report, Score, Status, Waiver
from dpup.fingerprints import subject_id
from dpup.model import Activity, PersonView, person_parts
from dpup.policy import Guideline, Principle
from dpup.report import subject_sort_key

if TYPE_CHECKING:
    from dpup.engine import Registry
    from dpup.settings import Settings
    from dpup.vocabulary import AsAtSource

__all__ = [
    "FINDINGS_LIMIT",
    "FINDING_FIELDS",
    "LARGE_FROM",
    "REPORTS_LIMIT",
    "evaluate_prepared",
    "path_in",
]

FINDINGS_LIMIT = 8192
"""Findings remembered at once; the table is emptied when it is full."""

FINDING_FIELDS = (
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
    "waiver",
    "due_on",
    "working_days_left",
    "subject_id",
)
"""The order `_make` passes a finding's fields in, by name."""

_MET = Status.MET
_NOT_MET = Status.NOT_MET
_NEEDS_REVIEW = Status.NEEDS_REVIEW
_NOT_YET_DUE = Status.NOT_YET_DUE

REPORTS_LIMIT = 1024
"""Single-object evaluations remembered at once (see `_evaluate_one`)."""

_Made = tuple[Outcome, Finding, int]
_findings: dict[tuple[CheckPlan, int, str, str | None], _Made] = {}
"""Unwaived findings by (check, id of its interned outcome, subject path, subject id). Each
entry holds its outcome, so the outcome's id cannot be reused while the entry lives."""


_engine_version = version
"""The version each report records (read from package metadata on first use)."""


def _walk(activity: Activity) -> Iterator[tuple[str, object]]:
    if type(activity) is PersonView:  # one person's parts; the programme is evaluated alone
        yield from person_parts(activity)
        return
    yield "$", activity
    for name, items in (
        ("purposes", activity.purposes),
        ("collections", activity.collections),
        ("choices", activity.choices),
        ("agreements", activity.agreements),
        ("disclosures", activity.disclosures),
        ("access_requests", activity.access_requests),
        ("correction_requests", activity.correction_requests),
        ("breaches", activity.breaches),
        ("sharing_requests", activity.sharing_requests),
    ):
        for i, obj in enumerate(items):
            yield f"$.{name}[{i}]", obj
    if activity.access_practice is not None:
        yield "$.access_practice", activity.access_practice
    for i, insight in enumerate(activity.insights):
        yield f"$.insights[{i}]", insight


_FIELD_FOR_TYPE: dict[type, str] = {
    model.Purpose: "purposes",
    model.Collection: "collections",
    model.Choice: "choices",
    model.SharingAgreement: "agreements",
    model.Disclosure: "disclosures",
    model.AccessRequest: "access_requests",
    model.CorrectionRequest: "correction_requests",
    model.Breach: "breaches",
    model.SharingRequest: "sharing_requests",
    model.Insight: "insights",
}


def path_in(activity: Activity, obj: object) -> str:
    """Find where ``obj`` sits in ``activity`` (by identity, then equality), else ``$``.

    Raises:
        InputError: ``obj`` is not in ``activity`` and refers to ids it does not define.
    """
    if obj is activity.access_practice:
        return "$.access_practice"
    field = _FIELD_FOR_TYPE.get(type(obj))
    if field is None:
        return "$"
    if field == "disclosures" and len(activity.disclosures) > 8:
        # Where an activity's own disclosures sit is indexed once per activity
        # (`dpup.facts.disclosure_position`), so a case with many disclosures is not searched
        # for every event; a few are quicker to scan.
        position = disclosure_position(activity, cast("model.Disclosure", obj))
        if position is not None:
            return f"$.disclosures[{position}]"
    items: tuple[object, ...] = getattr(activity, field)
    for i, candidate in enumerate(items):
        if candidate is obj:
            return f"$.{field}[{i}]"
    for i, candidate in enumerate(items):
        if candidate == obj:
            return f"$.{field}[{i}]"
    return proposed(activity, obj)


def _error_sort_key(error: CheckError) -> tuple[str, tuple[str, int, str]]:
    return (error.check_id, subject_sort_key(error.subject))


class _CheckWaivers:
    """The active waivers of one check, looked up by subject instead of scanned.

    The first waiver in the order given that covers a finding wins, as a scan of the list
    would find. A plain `Waiver` naming a subject covers just that path, so those are kept by
    subject, the first for each. The rest are kept in order and asked (`Waiver.covers`):
    waivers naming no subject, which cover every path, and waivers of a subclass with a
    `covers` of its own. Nothing listed after a plain waiver naming no subject can win, so
    nothing after it is kept.
    """

    __slots__ = ("asked", "by_subject", "closed")

    def __init__(self) -> None:
        self.by_subject: dict[str, tuple[int, Waiver]] = {}
        self.asked: list[tuple[int, Waiver]] = []
        self.closed = False

    def add(self, position: int, waiver: Waiver) -> None:
        """Keep ``waiver``, listed at ``position``, if it can ever be the first to cover."""
        if self.closed:
            return
        plain = type(waiver).covers is Waiver.covers
        if plain and waiver.subject is not None:
            self.by_subject.setdefault(waiver.subject, (position, waiver))
            return
        self.asked.append((position, waiver))
        self.closed = plain

    def find(self, check_id: str, path: str) -> Waiver | None:
        """Return the first waiver that covers ``check_id`` at ``path``, or ``None``."""
        named = self.by_subject.get(path)
        for position, waiver in self.asked:
            if named is not None and named[0] < position:
                break
            if waiver.covers(check_id, path):
                return waiver
        return named[1] if named is not None else None


def _active_waivers(waivers: tuple[Waiver, ...], as_at: date) -> dict[str, _CheckWaivers]:
    """Return the waivers active on ``as_at`` by check id, each check's ready to look up."""
    active: dict[str, _CheckWaivers] = {}
    for position, w in enumerate(waivers):
        if w.active_on(as_at):
            found = active.get(w.check_id)
            if found is None:
                found = active[w.check_id] = _CheckWaivers()
            found.add(position, w)
    return active


_Subjects = Iterable[tuple[str, object, EvaluationContext, str | None]]
_Work = Iterable[tuple[CheckPlan, _Subjects]]


def _work(
    plan: Plan,
    parts: Iterable[tuple[str, object]],
    activity: Activity | None,
    as_at: date,
    settings: Settings,
) -> _Work:
    """Pair each check to run with its subjects, in report order.

    Report order is check rank, then subject position. Running the checks in rank order,
    each over its subjects in the order the activity lists them, makes the findings in that
    order, so nothing needs sorting. One context per subject; all share one cache.
    """
    by_type = plan.by_type
    cache: dict[object, Any] = {}
    subjects: dict[type, list[tuple[str, object, EvaluationContext, str | None]]] = {}
    for path, obj in parts:
        if type(obj) in by_type:
            ctx = EvaluationContext(activity, as_at, settings, path, cache)
            subjects.setdefault(type(obj), []).append((path, obj, ctx, subject_id(obj)))
    return [(p, subjects[p.subject]) for p in plan.ranked if p.subject in subjects]


LARGE_FROM = 256
"""Records an activity may list (purposes, collections, choices ...) and still not be large.

A large activity is evaluated with the cyclic garbage collector held off throughout
(`dpup._collector`), and its findings are not remembered (`_unremembered`). Everything its
evaluation builds is kept until the report is made, and with tens of thousands of findings
the collections the collector would start meanwhile, each walking all of them, made the
cost per record grow with the activity's size.
"""


def _records(activity: Activity) -> int:
    """Return how many records ``activity`` lists, of every kind."""
    return sum(len(getattr(activity, field)) for field in _FIELD_FOR_TYPE.values())


def _items(activity: Activity) -> int:
    """Return how many information items ``activity``'s collections list in all."""
    return sum(len(c.items) for c in activity.collections)


def _unremembered(
    p: CheckPlan, o: Outcome, path: str, as_at: date, sid: str | None
) -> tuple[Finding, int]:
    """Return the unwaived finding check ``p`` makes of outcome ``o`` at ``path``, made afresh.

    For large activities. Their findings are nearly all at paths of their own, more than the
    table of remembered findings holds, so remembering them would only fill and empty it
    over and over (and drop what the request path had remembered).
    """
    return _make(p, o, path, None, as_at, sid)


_NOT_OUTCOMES = "a check must return an Outcome, an iterable of outcomes, or None"


def _several(result: Any) -> tuple[Outcome, ...]:
    """Return what a check gave, other than None or one `Outcome`, as a tuple of outcomes.

    Raises:
        TypeError: it is text, is not iterable, or yields something that is not an
            `Outcome`. The caller records this as the check's `CheckError`, as it does any
            exception the check raises, so a custom check's bad return never reaches a
            report (or stops an evaluation) as anything else.
    """
    if isinstance(result, str | bytes):
        raise TypeError(_NOT_OUTCOMES)
    outcomes = tuple(result)
    for o in outcomes:
        if type(o) is not Outcome and not isinstance(o, Outcome):
            raise TypeError(_NOT_OUTCOMES)
    return outcomes


def _make(  # noqa: PLR0917 - private, on the request path, where keywords cost
    p: CheckPlan, o: Outcome, path: str, waiver: Waiver | None, as_at: date, sid: str | None
) -> tuple[Finding, int]:
    """Return the finding check ``p`` makes of outcome ``o`` at ``path``, and its tally."""
    status = o.status
    severity = o.severity or p.severity
    weight = p.weight if severity is p.severity else severity.weight
    if status is _MET:
        packed = COUNT_MET + weight * WEIGHT_MET
        remediation = None
    elif status is _NOT_MET:
        packed = COUNT_NOT_MET + weight * WEIGHT_ASSESSED
        remediation = o.remediation or p.remediation
    elif status is _NEEDS_REVIEW:
        packed = COUNT_REVIEW
        remediation = o.remediation or p.remediation
    elif status is _NOT_YET_DUE:
        return _due_finding(p, o, path, waiver, as_at, sid), COUNT_DUE
    else:
        packed = COUNT_NA
        remediation = None
    # Positional, in FINDING_FIELDS order (tests hold it to Finding's own field order, so two
    # fields swapped cannot go unnoticed): keywords cost noticeably more on the request path.
    finding = Finding(
        p.id,
        p.name,
        status,
        severity,
        p.guideline,
        p.principles,
        p.basis,
        p.legal_refs,
        path,
        o.message,
        join_evidence(path, o.evidence, p.subject),
        remediation,
        o.reviewer,
        o.settle_with,
        waiver,
        None,
        None,
        sid,
    )
    return finding, packed


def _working_days_left(as_at: date, due_on: date | None) -> int | None:
    """Return the Privacy Act working days after ``as_at`` up to and including ``due_on``.

    ``None`` when there is no due date or the working-day calendar does not cover the dates.
    """
    if due_on is None:
        return None
    # Imported here: importing dpup must not load the calendar (or the holidays package), and
    # only a not-yet-due finding needs it.
    from dpup.calendar import working_days_between  # noqa: PLC0415
    from dpup.errors import CalendarRangeError  # noqa: PLC0415

    try:
        return working_days_between(as_at, due_on)
    except CalendarRangeError:
        return None


def _due_finding(  # noqa: PLR0917 - private, positional as `_make`
    p: CheckPlan, o: Outcome, path: str, waiver: Waiver | None, as_at: date, sid: str | None
) -> Finding:
    """Return the NOT_YET_DUE finding of outcome ``o``: its due date and working days left."""
    return Finding(
        p.id,
        p.name,
        o.status,
        o.severity or p.severity,
        p.guideline,
        p.principles,
        p.basis,
        p.legal_refs,
        path,
        o.message,
        join_evidence(path, o.evidence, p.subject),
        None,
        o.reviewer,
        o.settle_with,
        waiver,
        o.due_on,
        _working_days_left(as_at, o.due_on),
        sid,
    )


def _finding(
    p: CheckPlan, o: Outcome, path: str, as_at: date, sid: str | None
) -> tuple[Finding, int]:
    """Return the unwaived finding check ``p`` makes of outcome ``o`` at ``path``, remembered.

    A NOT_YET_DUE finding is not remembered: its working days left change with ``as_at``.
    """
    key = (p, id(o), path, sid)
    made = _findings.get(key)
    if made is not None:
        return made[1], made[2]
    finding, packed = _make(p, o, path, None, as_at, sid)
    if len(o.evidence) <= INTERN_LONGEST and o.due_on is None:
        if len(_findings) >= FINDINGS_LIMIT:
            _findings.clear()
        _findings[key] = (o, finding, packed)
    return finding, packed


def evaluate_prepared(  # noqa: PLR0917 - private, on the request path, where keywords cost
    subject: object,
    as_at: date | None,
    context: Activity | None,
    base: Registry,
    reg: Registry,
    settings: Settings,
    waivers: tuple[Waiver, ...],
    label: str | None,
) -> Report:
    """Evaluate ``subject`` with options `dpup.engine.evaluate` has already checked."""
    plan = reg._plan
    kind = type(subject)
    if isinstance(subject, Activity):
        activity: Activity | None = subject
        path = "$"
    elif kind in reg._by_subject:
        activity = context
        path = "$" if context is None else path_in(context, subject)
    else:
        msg = f"cannot evaluate a {kind.__name__}; pass an Activity or a domain object"
        raise TypeError(msg)
    given = as_at
    as_at, source = dated(as_at, activity, activity is subject or path != "$")
    make = _finding
    if isinstance(subject, Activity):
        large = _records(subject) > LARGE_FROM
        if (large or _items(subject) > LARGE_FROM) and gc.isenabled():
            # Evaluated again, as below, with the collector held off until it is done: a large
            # activity (many records, or a collection of many items) keeps much alive, and
            # each full collection would walk all of it.
            with collector_paused():
                return evaluate_prepared(
                    subject, given, context, base, reg, settings, waivers, label
                )
        if large:
            make = _unremembered
        work: _Work = _work(plan, _walk(subject), subject, as_at, settings)
    else:
        # One object: its checks, in report order, all on the one subject.
        ctx = EvaluationContext(activity, as_at, settings, path, {})
        if not waivers:
            return _evaluate_one(subject, path, ctx, plan, base.fingerprint, label, source)
        # A lone object is the report's one subject: its findings carry no subject id.
        work = zip(plan.by_type.get(kind, ()), repeat(((path, subject, ctx, None),)), strict=False)
    waived = _active_waivers(waivers, as_at) if waivers else {}
    tallies: dict[int, int] = {}
    findings: list[Finding] = []
    errors: list[CheckError] = []
    for p, subjects in work:
        for path, obj, ctx, sid in subjects:
            try:
                result = p.func(obj, ctx)
                if result is None:
                    continue
                outcomes = (result,) if isinstance(result, Outcome) else _several(result)
            except Exception as exc:
                errors.append(
                    CheckError(p.id, path, f"{type(exc).__module__}.{type(exc).__qualname__}")
                )
                continue
            for o in outcomes:
                if p.id in waived:
                    waiver = waived[p.id].find(p.id, path)
                    if waiver is not None:
                        finding, packed = _make(p, o, path, waiver, as_at, sid)
                        findings.append(finding)
                        tallies[p.group] = tallies.get(p.group, 0) + packed
                        continue
                finding, packed = make(p, o, path, as_at, sid)
                findings.append(finding)
                tallies[p.group] = tallies.get(p.group, 0) + packed
    overall, principle_scores, guideline_scores = plan.scores(tallies)
    return Report(
        label,
        kind.__name__,
        as_at,
        tuple(findings),
        tuple(sorted(errors, key=_error_sort_key)) if errors else (),
        principle_scores,
        guideline_scores,
        overall,
        _engine_version(),
        base.fingerprint,
        source,
    )


_Result = Outcome | tuple[Outcome, ...] | None
_Assembled = tuple[
    list[_Result], tuple[Finding, ...], Score, dict[Principle, Score], dict[Guideline, Score]
]
_assembled: dict[tuple[object, ...], _Assembled] = {}
"""Findings and scores by (plan, path, ids of each check's outcomes), for unwaived, error-free
single-object evaluations. Each entry holds the outcomes it was keyed by, so their ids cannot
be reused while it lives."""


def _evaluate_one(  # noqa: PLR0917 - private, on the request path, where keywords cost
    subject: object,
    path: str,
    ctx: EvaluationContext,
    plan: Plan,
    fingerprint: str,
    label: str | None,
    source: AsAtSource,
) -> Report:
    """Evaluate one unwaived object: the request path's call.

    Every check runs, every time. What is remembered is only the assembly that follows: the
    findings and scores are fully decided by which (interned) outcome each check gave, so the
    same verdicts at the same path are turned into a report once, and the next event with the
    same verdicts reuses that work.
    """
    kind = type(subject)
    plans = plan.by_type.get(kind, ())
    results: list[_Result] = []
    errors: list[CheckError] = []
    several = False
    for p in plans:
        try:
            result = p.func(subject, ctx)
            if result is not None and type(result) is not Outcome:
                result = (result,) if isinstance(result, Outcome) else _several(result)
                several = True
        except Exception as exc:
            error = f"{type(exc).__module__}.{type(exc).__qualname__}"
            errors.append(CheckError(p.id, path, error))
            result = None
        results.append(result)
    if several:
        ids = tuple(id(r) if type(r) is not tuple else tuple(map(id, r)) for r in results)
    else:
        ids = tuple(map(id, results))
    key = (plan, path, ids)
    found = None if errors else _assembled.get(key)
    if found is not None:
        findings, overall, by_principle, by_guideline = found[1], found[2], found[3], found[4]
    else:
        tallies: dict[int, int] = {}
        made: list[Finding] = []
        keep = not errors
        for p, result in zip(plans, results, strict=True):
            if result is None:
                continue
            for o in (result,) if isinstance(result, Outcome) else result:
                finding, packed = _finding(p, o, path, ctx.as_at, None)
                made.append(finding)
                tallies[p.group] = tallies.get(p.group, 0) + packed
                # A not-yet-due finding counts working days from ctx.as_at: never reused.
                keep = keep and len(o.evidence) <= INTERN_LONGEST and o.due_on is None
        findings = tuple(made)
        overall, by_principle, by_guideline = plan.scores(tallies)
        if keep:
            if len(_assembled) >= REPORTS_LIMIT:
                _assembled.clear()
            _assembled[key] = (results, findings, overall, by_principle, by_guideline)
    return Report(
        label,
        kind.__name__,
        ctx.as_at,
        findings,
        tuple(sorted(errors, key=_error_sort_key)) if errors else (),
        by_principle.copy(),
        by_guideline.copy(),
        overall,
        _engine_version(),
        fingerprint,
        source,
    )
