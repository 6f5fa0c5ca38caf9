"""The engine's one door: `Registry`, `default_registry`, `evaluate` and `evaluate_many`.

A `Registry` is an ordered, immutable set of checks with a lookup table from subject type to
checks, built once. `evaluate` walks a subject (an `Activity`, or one domain object in the
context of an activity), runs the checks for each part, and returns a `Report`. How it does
that quickly lives behind it, in the private package ``dpup._engine`` (the plan, the loop and
its memos), beside a plain reference evaluator that the tests hold it to.

`Check`, `check` and the outcome builders are defined in `dpup.checkdef`, the module check
authors use, and re-exported here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

import attrs

from dpup import checkdef
from dpup._engine.plan import Plan
from dpup._engine.run import evaluate_prepared
from dpup._printable import printable
from dpup.checkdef import (
    DOC_HEADINGS,
    Check,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    not_yet_due,
)
from dpup.errors import UnknownCheckError
from dpup.findings import Report, Waiver
from dpup.model import SUBJECT_TYPES, Activity, PersonRecord, in_context
from dpup.policy import Guideline, Principle
from dpup.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "Check",
    "DOC_HEADINGS",
    "EvaluationContext",
    "Outcome",
    "Registry",
    "Selector",
    "check",
    "default_registry",
    "evaluate",
    "evaluate_many",
    "met",
    "needs_review",
    "not_applicable",
    "not_met",
    "not_yet_due",
]

Selector = str | Guideline | Principle
"""What ``select`` and ``ignore`` accept: a check id, id prefix, check name, tag, guideline or
principle (as an enum member, its slug, or its label)."""


def _selector_keys(c: Check[Any]) -> Iterator[str]:
    yield c.id.casefold()
    yield c.name
    yield c.guideline.value
    yield c.guideline.label.casefold()
    for p in c.principles:
        yield p.value
        yield p.label.casefold()
    yield from (t.casefold() for t in c.tags)


def _matches(c: Check[Any], selector: Selector) -> bool:
    if isinstance(selector, Guideline):
        return c.guideline is selector
    if isinstance(selector, Principle):
        return selector in c.principles
    key = selector.casefold()
    # An empty selector (an unset shell variable) matches nothing, so it is reported as unknown
    # rather than selecting, or ignoring, every check by prefix.
    return key != "" and (c.id.casefold().startswith(key) or key in _selector_keys(c))


def _as_tuple(checks: Iterable[Check[Any]]) -> tuple[Check[Any], ...]:
    return tuple(checks)


@attrs.frozen(eq=False)
class Registry:
    """An ordered, immutable set of checks with a subject-type lookup built once.

    Args:
        checks: the checks, in catalogue order. Ids and names must be unique.
    """

    checks: tuple[Check[Any], ...] = attrs.field(converter=_as_tuple)
    _by_id: dict[str, Check[Any]] = attrs.field(init=False, repr=False)
    _by_subject: dict[type, tuple[Check[Any], ...]] = attrs.field(init=False, repr=False)
    _selections: dict[tuple[Any, ...], Registry] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Check[Any]] = {}
        names: set[str] = set()
        dupes = []
        for c in self.checks:
            if c.id in by_id or c.name in names:
                dupes.append(c.id)
            by_id[c.id] = c
            names.add(c.name)
        if dupes:
            msg = f"duplicate check ids or names: {', '.join(dupes)}"
            raise ValueError(msg)
        by_subject: dict[type, list[Check[Any]]] = {t: [] for t in SUBJECT_TYPES}
        for c in self.checks:
            by_subject[c.subject].append(c)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_by_subject", {t: tuple(cs) for t, cs in by_subject.items()})
        object.__setattr__(self, "_selections", {})

    def __iter__(self) -> Iterator[Check[Any]]:
        return iter(self.checks)

    def __len__(self) -> int:
        return len(self.checks)

    def __contains__(self, check_id: object) -> bool:
        return check_id in self._by_id

    def __reduce__(self) -> tuple[type[Registry], tuple[tuple[Check[Any], ...]]]:
        return (type(self), (self.checks,))

    def get(self, check_id: str) -> Check[Any]:
        """Return the check with ``check_id``.

        Raises:
            UnknownCheckError: no such check; close matches are suggested.
        """
        try:
            return self._by_id[check_id]
        except KeyError:
            raise self._unknown([check_id]) from None

    def for_subject(self, subject_type: type) -> tuple[Check[Any], ...]:
        """Return the checks that apply to ``subject_type``, in catalogue order."""
        return self._by_subject.get(subject_type, ())

    @functools.cached_property
    def fingerprint(self) -> str:
        """A short hash of the catalogue (ids, names, basis, severity, subject)."""
        import hashlib  # noqa: PLC0415 - once per registry, kept out of `import dpup`

        text = "\n".join(
            f"{c.id}|{c.name}|{c.basis.value}|{c.severity.value}|{c.subject.__name__}"
            for c in self.checks
        )
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    def select(
        self,
        select: Iterable[Selector] | None = None,
        ignore: Iterable[Selector] | None = None,
    ) -> Registry:
        """Return the registry narrowed to ``select`` minus ``ignore``.

        A selector matches by check id, id prefix (``PM``, ``TC00``), check name, tag,
        guideline or principle (enum member, slug such as ``he-tangata``, or label such as
        ``He Tāngata``). ``None`` selects everything; an empty string matches nothing. Results
        are cached per registry.

        Raises:
            UnknownCheckError: a selector matches no check; close matches are suggested.
        """
        sel = None if select is None else tuple(select)
        ign = () if ignore is None else tuple(ignore)
        if sel is None and not ign:
            return self
        key = (sel, ign)
        cached = self._selections.get(key)
        if cached is not None:
            return cached
        unknown = [s for s in (*(sel or ()), *ign) if not any(_matches(c, s) for c in self.checks)]
        if unknown:
            raise self._unknown([str(u.value if not isinstance(u, str) else u) for u in unknown])
        chosen = [
            c
            for c in self.checks
            if (sel is None or any(_matches(c, s) for s in sel))
            and not any(_matches(c, s) for s in ign)
        ]
        result = Registry(chosen)
        self._selections[key] = result
        return result

    @functools.cached_property
    def _plan(self) -> Plan:
        # Built on first evaluation, so building a registry stays cheap.
        return Plan(self.checks)

    def _unknown(self, names: Sequence[str]) -> UnknownCheckError:
        import difflib  # noqa: PLC0415 - only error paths need it

        vocabulary = sorted({k for c in self.checks for k in (c.id, c.name, *c.tags)})
        suggestions = {
            n: tuple(difflib.get_close_matches(n, vocabulary, n=3, cutoff=0.6)) for n in names
        }
        return UnknownCheckError(names, suggestions)


@functools.cache
def default_registry() -> Registry:
    """Return the registry of the built-in checks (``dpup.checks.BUILTIN_CHECKS``)."""
    from dpup.checks import BUILTIN_CHECKS  # noqa: PLC0415 - loaded on first use, not at import

    return Registry(BUILTIN_CHECKS)


def _lookup_builtin(check_id: str) -> Check[Any]:
    return default_registry().get(check_id)


# A pickled check is found again by id in the built-in catalogue (see `Check.__reduce__`).
checkdef._LOOKUP[:] = [_lookup_builtin]


def evaluate(
    subject: object,
    *,
    as_at: date | None = None,
    select: Iterable[Selector] | None = None,
    ignore: Iterable[Selector] | None = None,
    waivers: Iterable[Waiver] = (),
    context: Activity | None = None,
    registry: Registry | None = None,
    settings: Settings | None = None,
    label: str | None = None,
    person: PersonRecord | None = None,
) -> Report:
    r"""Evaluate ``subject`` against DPUP and the Privacy Act and return a `Report`.

    Args:
        subject: an `Activity`, or a single domain object (a `Disclosure`, `AccessRequest`,
            `Collection` ...), evaluated in the context of ``context`` if given, or a
            `PersonRecord`, evaluated in the context of its programme (``context``).
        as_at: the date to apply the law as at. Defaults to the activity's ``as_at`` (for an
            object found in ``context``, the context's), then to today; a proposed object
            (one ``context`` does not list) is dated today. `Report.as_at_source` says which.
        select: only run checks matching these selectors (see `Registry.select`).
        ignore: skip checks matching these selectors.
        waivers: accepted risks. Active waivers mark findings as waived; expired ones do not.
        context: the activity a single object belongs to, for cross-object checks. A
            proposed object's references must resolve in it, and its findings' paths into
            it start at ``$context`` (`dpup.findings.CONTEXT_ROOT`).
        registry: the checks to run; defaults to the built-in catalogue.
        settings: thresholds and word lists; defaults to `DEFAULT_SETTINGS`.
        label: a label for the report (e.g. a file name); input text is never copied in.
            Characters that are not printable are kept as escapes (``\x1b``, ``\udc80``).
        person: the person a single object belongs to: it is evaluated in ``context`` as
            that person sees it (`dpup.model.in_context`), with the person's own choices,
            disclosures and requests in place of the programme's.

    Returns:
        A report with findings in a stable order, crashed checks as errors, and scores.

    Raises:
        UnknownCheckError: a selector or waiver names no known check.
        InputError: a proposed object refers to ids ``context`` does not define, or a
            person's record to ids its programme does not define; every one is listed.
        TypeError: ``subject`` is not a domain object, or a person's record (or
            ``person``) comes without a programme as ``context``.
    """
    if label is not None and not label.isprintable():
        # A label can come from a file name holding bytes no encoding can write (a lone
        # surrogate) or from text with control characters: shown escaped, every output can
        # be written.
        label = printable(label)
    if person is not None or type(subject) is PersonRecord:
        plain = registry is None and select is None and ignore is None and settings is None
        if plain and not waivers:  # as below: nothing to narrow or waive
            base = default_registry()
            prepared: _Prepared = (base, base, DEFAULT_SETTINGS, ())
        else:
            prepared = _prepare(registry, select, ignore, settings, waivers)
        return _for_person(subject, person, context, as_at, prepared, label)
    if registry is None and select is None and ignore is None and settings is None and not waivers:
        # The request path's usual call: the built-in catalogue, nothing narrowed or waived.
        base = default_registry()
        return evaluate_prepared(subject, as_at, context, base, base, DEFAULT_SETTINGS, (), label)
    base, reg, settings, waived = _prepare(registry, select, ignore, settings, waivers)
    return evaluate_prepared(subject, as_at, context, base, reg, settings, waived, label)


def evaluate_many(
    subjects: Iterable[object],
    *,
    as_at: date | None = None,
    select: Iterable[Selector] | None = None,
    ignore: Iterable[Selector] | None = None,
    waivers: Iterable[Waiver] = (),
    context: Activity | None = None,
    registry: Registry | None = None,
    settings: Settings | None = None,
    person: PersonRecord | None = None,
) -> Iterator[Report]:
    """Evaluate each of ``subjects`` in turn, yielding one `Report` per subject, lazily.

    For a caseload: the options are checked and the checks chosen once, up front (a bad
    selector or waiver raises here, not at the first report), and each report is made only
    when it is asked for, so memory stays flat however many subjects there are. Each report
    is the one `evaluate` would give for that subject with the same options.

    Args:
        subjects: activities, single domain objects evaluated in the context of
            ``context``, or people's records (`PersonRecord`) evaluated in their programme
            (``context``); any iterable, consumed lazily.
        as_at: the date to apply the law as at; by default as `evaluate` chooses it for
            each subject.
        select: only run checks matching these selectors (see `Registry.select`).
        ignore: skip checks matching these selectors.
        waivers: accepted risks, applied to every subject.
        context: the activity single objects belong to.
        registry: the checks to run; defaults to the built-in catalogue.
        settings: thresholds and word lists; defaults to `DEFAULT_SETTINGS`.
        person: the person every single object belongs to (see `evaluate`).

    Returns:
        An iterator of reports, in the order of ``subjects``.

    Raises:
        UnknownCheckError: a selector or waiver names no known check (raised at once).
        InputError: a proposed object refers to ids ``context`` does not define (raised
            when its report is reached).
        TypeError: a subject is not a domain object (raised when its report is reached).
    """
    prepared = _prepare(registry, select, ignore, settings, waivers)
    base, reg, chosen, waived = prepared
    if person is None:
        return (
            _for_person(subject, None, context, as_at, prepared, None)
            if type(subject) is PersonRecord
            else evaluate_prepared(subject, as_at, context, base, reg, chosen, waived, None)
            for subject in subjects
        )
    return (_for_person(subject, person, context, as_at, prepared, None) for subject in subjects)


_Prepared = tuple[Registry, Registry, Settings, tuple[Waiver, ...]]


def _for_person(  # noqa: PLR0917 - private, the arguments of `evaluate`
    subject: object,
    person: PersonRecord | None,
    context: Activity | None,
    as_at: date | None,
    prepared: _Prepared,
    label: str | None,
) -> Report:
    """Evaluate a person's record, or one object of ``person``'s, in its programme's view."""
    base, reg, settings, waived = prepared
    own = isinstance(subject, PersonRecord)
    record = subject if isinstance(subject, PersonRecord) else person
    if own and person is not None and person is not subject:
        msg = "pass a person's record as the subject or as person=, not both"
        raise TypeError(msg)
    if record is None or context is None or isinstance(subject, Activity):
        msg = "a person's record is evaluated in its programme: pass the Activity as context="
        raise TypeError(msg)
    view = in_context(context, record)
    if not own:
        return evaluate_prepared(subject, as_at, view, base, reg, settings, waived, label)
    report = evaluate_prepared(view, as_at, None, base, reg, settings, waived, label)
    return attrs.evolve(report, subject_type=PersonRecord.__name__)


def _prepare(
    registry: Registry | None,
    select: Iterable[Selector] | None,
    ignore: Iterable[Selector] | None,
    settings: Settings | None,
    waivers: Iterable[Waiver],
) -> tuple[Registry, Registry, Settings, tuple[Waiver, ...]]:
    base = registry if registry is not None else default_registry()
    reg = base.select(select, ignore)
    waived = tuple(waivers)
    unknown = [w.check_id for w in waived if w.check_id not in base]
    if unknown:
        raise base._unknown(unknown)
    return base, reg, settings if settings is not None else DEFAULT_SETTINGS, waived
