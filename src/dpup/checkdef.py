"""Everything a check author needs, in one module: `Check`, `check`, outcomes and idioms.

A check module imports this module, the domain model (`dpup.model`), the vocabularies
(`dpup.policy`, `dpup.law`, `dpup.findings`), derived facts (`dpup.facts`) and its own
guideline's ``_helpers``: nothing else. See ``docs/architecture.md`` for where a new check
goes, in five steps.

What is here:

* `check` binds a function to its metadata and returns a frozen `Check`; nothing is
  registered globally (the catalogue collects check modules by their file names).
* `met`, `not_met`, `needs_review`, `not_applicable` and `not_yet_due` build outcomes;
  `unrecorded` asks for a fact that is not recorded.
* Idioms that the catalogue writes again and again, each named once: `split_facts` and
  `verdict_from_facts` for a table of recorded facts (``True``, ``False`` or ``None``);
  `claimed_exception` for "an exception is claimed, so a person must confirm it"; and the
  ``applies=`` gate of `check` for a check that only concerns some subjects.
* `HT`, `MN`, `MW`, `KT` and `MH`: the five Principles, short, for check metadata.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

import attrs

from dpup._engine.outcomes import (
    EvaluationContext,
    Outcome,
    met,
    needs_review,
    not_applicable,
    not_met,
    not_yet_due,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import SUBJECT_TYPES
from dpup.policy import Guideline, Principle

__all__ = [
    "Check",
    "CheckFunction",
    "DOC_HEADINGS",
    "EvaluationContext",
    "Gate",
    "HT",
    "KT",
    "MH",
    "MN",
    "MW",
    "Outcome",
    "check",
    "claimed_exception",
    "met",
    "needs_review",
    "not_applicable",
    "not_met",
    "not_yet_due",
    "split_facts",
    "unrecorded",
    "verdict_from_facts",
]

S = TypeVar("S")

HT = Principle.HE_TANGATA
MN = Principle.MANAAKITANGA
MW = Principle.MANA_WHAKAHAERE
KT = Principle.KAITIAKITANGA
MH = Principle.MAHITAHITANGA

DOC_HEADINGS = ("What it checks", "Why it matters", "How to meet it", "References")
"""The headings every check's docstring must carry, in this order."""


CheckFunction = Callable[[Any, EvaluationContext], "Outcome | Iterable[Outcome] | None"]


@attrs.frozen(eq=False)
class Check(Generic[S]):
    """A check: its metadata and the function that applies it.

    Attributes:
        id: stable id, guideline prefix plus three digits (``PM001``); never reused.
        name: kebab-case name describing the problem it looks for.
        guideline: the one guideline it belongs to.
        principles: the principles it upholds.
        basis: law, good practice or standard.
        legal_refs: provisions it cites.
        severity: default severity of a failure.
        subject: the domain type it applies to.
        summary: one line, the first line of the docstring.
        doc: the docstring, with the headings in `DOC_HEADINGS`.
        remediation: default advice when it is not met.
        tags: free labels for selection.
        func: the function that applies it.
        provision: for a LAW check, the exact provision it tests, to the subsection
            (``IPP3(1)(e)``, ``s 44(1)``); empty for other checks.
        condition: for a LAW check, the legal condition it tests, in one line of dpup's own
            words (listed in ``docs/legal-basis.md``); empty for other checks.
    """

    id: str
    name: str
    guideline: Guideline
    principles: tuple[Principle, ...]
    basis: Basis
    legal_refs: tuple[LegalRef, ...]
    severity: Severity
    subject: type[S]
    summary: str
    doc: str
    remediation: str
    tags: tuple[str, ...]
    func: Callable[[S, EvaluationContext], Outcome | Iterable[Outcome] | None]
    provision: str = ""
    condition: str = ""

    def __call__(self, subject: S, context: EvaluationContext) -> tuple[Outcome, ...]:
        """Apply the check and return its outcomes as a tuple."""
        # A custom check may return anything at run time, whatever its annotations say.
        result: object = self.func(subject, context)
        if result is None:
            return ()
        if isinstance(result, Outcome):
            return (result,)
        if isinstance(result, str | bytes) or not isinstance(result, Iterable):
            msg = f"check {self.id} returned something other than outcomes"
            raise TypeError(msg)
        outcomes = tuple(result)
        if not all(isinstance(o, Outcome) for o in outcomes):
            msg = f"check {self.id} returned something other than outcomes"
            raise TypeError(msg)
        return outcomes

    @property
    def sections(self) -> dict[str, str]:
        """The docstring's sections, keyed by heading."""
        return _doc_sections(self.doc)

    def __repr__(self) -> str:
        return f"<Check {self.id} {self.name}>"

    def __reduce__(self) -> tuple[Callable[[str], Check[Any]], tuple[str]]:
        # Checks pickle by id, so a report or registry can cross a process boundary.
        return (_builtin_check, (self.id,))


_LOOKUP: list[Callable[[str], Check[Any]]] = []
"""How a check id is found again after unpickling: set by `dpup.engine`, which holds the
built-in registry (this module may not import it, since the catalogue imports this module)."""


def _builtin_check(check_id: str) -> Check[Any]:
    return _LOOKUP[0](check_id)


def _doc_sections(doc: str) -> dict[str, str]:
    sections: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in doc.splitlines():
        stripped = line.strip()
        heading = stripped.rstrip(":")
        if stripped.endswith(":") and heading in DOC_HEADINGS:
            if current is not None:
                sections[current] = "\n".join(lines).strip()
            current, lines = heading, []
        elif current is not None:
            lines.append(stripped)
    if current is not None:
        sections[current] = "\n".join(lines).strip()
    return sections


def check(
    *,
    id: str,  # noqa: A002 - "id" is the catalogue's own word for it
    name: str,
    principles: Sequence[Principle],
    basis: Basis,
    severity: Severity,
    subject: type[S],
    remediation: str,
    legal_refs: Sequence[LegalRef] = (),
    tags: Sequence[str] = (),
    applies: Gate[S] | None = None,
    provision: str = "",
    condition: str = "",
) -> Callable[[Callable[[S, EvaluationContext], Any]], Check[S]]:
    """Bind a check function to its metadata and return a frozen `Check`.

    The guideline follows from the id's prefix. Nothing is registered: a check takes part in
    evaluation only when it is listed in a `Registry` (the built-in table is
    ``dpup.checks.BUILTIN_CHECKS``, collected from the check modules).

    Args:
        id: the check's id (``PM001``), never reused.
        name: kebab-case name of the problem it looks for.
        principles: the principles it upholds.
        basis: law, good practice or standard.
        severity: default severity of a failure.
        subject: the domain type it applies to.
        remediation: default advice when it is not met.
        legal_refs: the provisions it cites (a LAW check cites at least one).
        tags: free labels for selection.
        applies: a gate run before the check: it returns an outcome (normally
            `not_applicable`) for a subject the check does not concern, and ``None`` to let
            the check run. The gate's outcome is the check's for that subject.
        provision: for a LAW check, the provision it tests, to the subsection
            (``IPP3(1)(e)``); required of a LAW check, refused on any other.
        condition: for a LAW check, the legal condition it tests in one line; required of a
            LAW check, refused on any other.

    Raises:
        ValueError: the metadata is malformed (bad id, name or docstring, or a LAW check
            that cites no provision).
    """

    def bind(func: Callable[[S, EvaluationContext], Any]) -> Check[S]:
        problems = []
        prefix, digits = id[:2], id[2:]
        try:
            guideline = Guideline.from_prefix(prefix)
        except KeyError:
            guideline = Guideline.PURPOSE_MATTERS
            problems.append("id must start with PM, TC, AI or SV")
        if not (len(digits) == 3 and digits.isdigit()):
            problems.append("id must end with three digits")
        if not name or name != name.lower() or " " in name or "_" in name:
            problems.append("name must be kebab-case")
        if not principles:
            problems.append("at least one principle is needed")
        if basis is Basis.LAW and not legal_refs:
            problems.append("a LAW check must cite at least one provision")
        if basis is Basis.LAW and not (provision.strip() and condition.strip()):
            problems.append("a LAW check must name the provision it tests and the condition")
        if basis is not Basis.LAW and (provision or condition):
            problems.append("only a LAW check names a provision and a legal condition")
        if subject not in SUBJECT_TYPES:
            problems.append("subject must be a domain type that evaluate() walks")
        import inspect  # noqa: PLC0415 - only catalogue modules pay for it, not `import dpup`

        doc = inspect.cleandoc(func.__doc__ or "")
        summary = doc.split("\n", 1)[0].strip()
        if not summary:
            problems.append("the docstring needs a summary line")
        sections = _doc_sections(doc)
        missing = [h for h in DOC_HEADINGS if not sections.get(h)]
        if missing:
            problems.append(f"the docstring lacks: {', '.join(missing)}")
        if problems:
            msg = f"check {id}: " + "; ".join(problems)
            raise ValueError(msg)
        return Check(
            id=id,
            name=name,
            guideline=guideline,
            principles=tuple(principles),
            basis=basis,
            legal_refs=tuple(legal_refs),
            severity=severity,
            subject=subject,
            summary=summary,
            doc=doc,
            remediation=remediation,
            tags=tuple(tags),
            func=func if applies is None else _gated(applies, func),
            provision=provision,
            condition=condition,
        )

    return bind


Gate = Callable[[S, EvaluationContext], "Outcome | None"]
"""A check's ``applies=`` gate: an outcome for a subject the check does not concern, else None."""


def _gated(
    gate: Gate[S], func: Callable[[S, EvaluationContext], Any]
) -> Callable[[S, EvaluationContext], Any]:
    @functools.wraps(func)
    def gated(subject: S, ctx: EvaluationContext) -> Any:
        skip = gate(subject, ctx)
        return func(subject, ctx) if skip is None else skip

    return gated


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
    if settle_with is None:
        return _gap(what, paths, reviewer)
    return needs_review(
        f"Not recorded: {what}.", *paths, reviewer=reviewer, settle_with=tuple(settle_with)
    )


@functools.lru_cache(maxsize=4096)
def _gap(what: str, paths: tuple[str, ...], reviewer: Reviewer) -> Outcome:
    """The outcome for a gap with the default evidence to collect, made once per gap.

    Checks ask for the same few gaps event after event; an outcome is immutable, so one is
    shared.
    """
    where = f" ({', '.join(paths)})" if paths else ""
    return needs_review(
        f"Not recorded: {what}.", *paths, reviewer=reviewer, settle_with=(f"record {what}{where}",)
    )


def split_facts(facts: Mapping[str, bool | None]) -> tuple[list[str], list[str]]:
    """Split a table of recorded facts into the paths recorded ``False`` and those not recorded.

    A check often asks several yes/no questions of one subject (was the person told this,
    and this, and this?). ``None`` is "not recorded", never "no": it lands in the second list.

    Returns:
        The paths whose fact is ``False``, then the paths whose fact is ``None``, each in the
        table's order.
    """
    failing = [path for path, fact in facts.items() if fact is False]
    unknown = [path for path, fact in facts.items() if fact is None]
    return failing, unknown


def verdict_from_facts(
    facts: Mapping[str, bool | None],
    *,
    met_message: str,
    not_met_message: str,
    unrecorded_what: str,
    reviewer: Reviewer = Reviewer.PRIVACY_OFFICER,
) -> Outcome:
    """Judge a table of recorded facts that must all be ``True``.

    Any fact recorded ``False`` makes it NOT_MET (citing those paths); otherwise any fact not
    recorded makes it NEEDS_REVIEW (asking for those paths, via `unrecorded`); otherwise it is
    MET, citing every path.
    """
    failing, unknown = split_facts(facts)
    if failing:
        return not_met(not_met_message, *failing)
    if unknown:
        return unrecorded(unrecorded_what, *unknown, reviewer=reviewer)
    return met(met_message, *facts)


def claimed_exception(
    message: str,
    *evidence: str,
    settle_with: Sequence[str],
    reviewer: Reviewer = Reviewer.LEGAL_ADVISER,
) -> Outcome:
    """Return NEEDS_REVIEW for an exception the record claims: a person must confirm it applies.

    Whether a statutory exception really applies to a case is a judgement dpup never makes,
    so a claimed one is neither met nor not met. The message says what is claimed; the
    evidence paths point at the claim; ``settle_with`` says what the reviewer should confirm.
    """
    return needs_review(message, *evidence, reviewer=reviewer, settle_with=tuple(settle_with))
