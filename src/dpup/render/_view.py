"""What the human reports (text, Markdown, HTML, XLSX) show, decided once for all of them.

Each renderer only lays out what this module decides: how a score reads next to its coverage
(and when there is too little evidence to show it at all), how a provision is cited, which
findings form one block, what the summary at the top holds, and how an evidence path is
labelled with the id of the record it points into.

Nothing here reads a free-text value from the input. An evidence label names a record by its
``id`` field, or an information item by its ``name`` (the model documents it as the field's
name, unique within its collection): identifiers and field names are structure, chosen by
whoever wrote the input to refer to records, not descriptions of people.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from dpup._printable import printable
from dpup.findings import Finding, Report, Score, Status
from dpup.law import LegalRef
from dpup.settings import DEFAULT_SETTINGS, Settings
from dpup.vocabulary import Reviewer

__all__ = [
    "NOT_LEGAL_ADVICE",
    "UNVERIFIED_NOTE",
    "Citation",
    "FindingGroup",
    "ScoreView",
    "Summary",
    "citation",
    "cited",
    "count",
    "coverage_floor",
    "evidence_label",
    "group_findings",
    "labelled",
    "law_refs",
    "percent",
    "reviewers_phrase",
    "score_view",
    "status_blocks",
    "summarise",
]

NOT_LEGAL_ADVICE = (
    "This report is not legal advice. dpup compares the facts recorded in its input with "
    "the Privacy Act 2020 and with the Data Protection and Use Policy (DPUP); it cannot see "
    "what was not recorded. A finding on a legal basis marks a matter to take to someone "
    "qualified to advise on the law, and DPUP findings describe good practice, not legal "
    "duties."
)
"""The note every human report carries, in our own words."""

UNVERIFIED_NOTE = (
    "Provisions marked unverified are ones whose number or detail our sources could not "
    "confirm; check them against the Act before relying on them."
)
"""What the unverified marker means, shown wherever one appears."""


def coverage_floor(settings: Settings | None) -> float:
    """Return the coverage below which a score is withheld (from ``settings`` or the default)."""
    return (settings or DEFAULT_SETTINGS).score_coverage_floor


def percent(fraction: float) -> str:
    """Return a share as a whole percentage, rounded down so 49.6% never reads as 50%."""
    return f"{math.floor(fraction * 100 + 1e-9)}%"


@attrs.frozen
class ScoreView:
    """How one score is shown: its value only where the evidence is enough.

    Attributes:
        value: the score as text (``71.4``), or ``None`` when it is withheld or not assessed.
        coverage: the coverage as text (``22%``), or ``—`` when nothing applied.
        text: the whole phrase shown in place of a score, with its coverage beside it:
            ``71.4 (coverage 22%)``, ``not enough evidence (coverage 8%)`` or ``not assessed``.
        enough: whether the value is shown (coverage at or above the floor).
    """

    value: str | None
    coverage: str
    text: str
    enough: bool


def score_view(score: Score, floor: float) -> ScoreView:
    """Return how ``score`` is shown given the coverage ``floor`` (0 to 1).

    A score whose coverage is below the floor rests on too few assessed findings to speak
    for its area, so only "not enough evidence" and the coverage are shown, never the value.
    """
    if score.coverage is None:
        return ScoreView(None, "—", "not assessed (nothing applied)", enough=False)
    cov = percent(score.coverage)
    if score.value is None:
        return ScoreView(None, cov, f"not assessed (coverage {cov})", enough=False)
    if score.coverage < floor:
        return ScoreView(None, cov, f"not enough evidence (coverage {cov})", enough=False)
    value = f"{score.value:.1f}"
    return ScoreView(value, cov, f"{value} (coverage {cov})", enough=True)


@attrs.frozen
class Citation:
    """A provision as a reader sees it.

    Attributes:
        text: e.g. ``Privacy Act 2020, s 44 (responding to access requests)`` or
            ``IPP 3, collection from the individual (Privacy Act 2020, s 22)``.
        url: where the provision can be read.
        verified: ``False`` where our sources could not confirm its number or detail.
    """

    text: str
    url: str
    verified: bool


_IPP = re.compile(r"IPP (\w+): (.+)")
_SECTION = re.compile(r"(?:.+ )?(s \w+|Part \w+): (.+)")


def citation(ref: LegalRef) -> Citation:
    """Return ``ref`` cited in words: the Act and section with its topic, or the IPP by name."""
    title = ref.title
    ipp = _IPP.fullmatch(title)
    if ipp is not None:
        text = f"IPP {ipp.group(1)}, {ipp.group(2)} (Privacy Act 2020, s 22)"
    else:
        section = _SECTION.fullmatch(title)
        topic = section.group(2) if section is not None else title
        text = f"{ref.citation} ({topic})"
    return Citation(text, ref.url, ref.verified)


@attrs.frozen
class FindingGroup:
    """Findings of one check that say the same thing about different subjects.

    Attributes:
        first: the first finding; its check, status, message and next step speak for all.
        findings: every finding in the group, in report order.
    """

    first: Finding
    findings: tuple[Finding, ...]

    @property
    def subjects(self) -> tuple[str, ...]:
        """The subjects' paths, in report order."""
        return tuple(f.subject for f in self.findings)


_STATUS_ORDER = (
    Status.NOT_MET,
    Status.NEEDS_REVIEW,
    Status.NOT_YET_DUE,
    Status.MET,
    Status.NOT_APPLICABLE,
)


def _same(f: Finding) -> tuple[object, ...]:
    waiver = None if f.waiver is None else f.waiver.reason
    return (
        f.check_id,
        f.status,
        f.message,
        f.remediation,
        f.reviewer,
        f.settle_with,
        waiver,
        f.due_on,
    )


def group_findings(findings: Iterable[Finding]) -> tuple[FindingGroup, ...]:
    """Return findings in blocks, one per check and outcome, not-met first.

    Findings of one check join a block when everything but their subject and evidence is
    the same (status, message, next step, waiver, due date). Blocks come by status (not met,
    needs review, not yet due, met, not applicable), then in report order.
    """
    blocks: dict[tuple[object, ...], list[Finding]] = {}
    for f in findings:
        blocks.setdefault(_same(f), []).append(f)
    groups = [FindingGroup(fs[0], tuple(fs)) for fs in blocks.values()]
    groups.sort(key=lambda g: _STATUS_ORDER.index(g.first.status))
    return tuple(groups)


@attrs.frozen
class Summary:
    """What a report opens with.

    Attributes:
        legal: unwaived NOT_MET findings on a legal basis, grouped by check.
        legal_count: how many such findings.
        other: other unwaived NOT_MET findings (good practice, standards), grouped by check.
        other_count: how many such findings.
        review_by_reviewer: unwaived NEEDS_REVIEW findings counted by who should decide,
            most first.
        obligations: unwaived NOT_YET_DUE findings, by due date.
        waived: NOT_MET findings an active waiver covers, grouped by check: not counted
            above, but never out of sight.
    """

    legal: tuple[FindingGroup, ...]
    legal_count: int
    other: tuple[FindingGroup, ...]
    other_count: int
    review_by_reviewer: tuple[tuple[Reviewer | None, int], ...]
    obligations: tuple[Finding, ...]
    waived: tuple[FindingGroup, ...] = ()


def _reviewer_key(item: tuple[Reviewer | None, int]) -> tuple[int, str]:
    reviewer, n = item
    return (-n, "" if reviewer is None else reviewer.value)


def reviewers_phrase(summary: Summary) -> str:
    """Return the reviews by reviewer: ``privacy officer 69, service manager 9``."""
    return ", ".join(
        f"{'no reviewer named' if r is None else r.label} {n}"
        for r, n in summary.review_by_reviewer
    )


def summarise(report: Report) -> Summary:
    """Return the summary of ``report``: failures in law, other failures, reviews, what is due."""
    legal = report.legal_breaches()
    other = tuple(f for f in report.failures() if not f.basis.is_law)
    counts: dict[Reviewer | None, int] = {}
    for f in report.needs_review():
        counts[f.reviewer] = counts.get(f.reviewer, 0) + 1
    by_reviewer = sorted(counts.items(), key=_reviewer_key)
    return Summary(
        legal=group_findings(legal),
        legal_count=len(legal),
        other=group_findings(other),
        other_count=len(other),
        review_by_reviewer=tuple(by_reviewer),
        obligations=report.open_obligations(),
        waived=group_findings(f for f in report.failures(include_waived=True) if f.waived),
    )


_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
_WORDS = re.compile(r"(?<!^)(?=[A-Z])")
# The one `name` field the model documents as an identifier rather than a description.
_NAME_IS_ID = frozenset({"InformationItem"})
_ID_LIMIT = 80


def _kind(value: object) -> str:
    name = type(value).__name__
    if name == "InformationItem":
        return "item"
    return _WORDS.sub(" ", name).lower()


def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in attrs.fields(cls))


def _identifier(value: object) -> str | None:
    if not attrs.has(type(value)):
        return None
    names = _field_names(type(value))
    field = "id" if "id" in names else "name" if type(value).__name__ in _NAME_IS_ID else None
    if field is None:
        return None
    ident = getattr(value, field)
    if not isinstance(ident, str) or not ident.strip():
        return None
    shown = printable(ident)
    return shown if len(shown) <= _ID_LIMIT else shown[: _ID_LIMIT - 1] + "…"


def _step(value: object, name: str | None, index: str | None) -> object:
    if name is not None:
        if isinstance(value, Mapping):
            return value.get(name)
        if attrs.has(type(value)) and name in _field_names(type(value)):
            return getattr(value, name)
        return None
    if not isinstance(value, Sequence) or isinstance(value, str | bytes):
        return None
    i = int(index or 0)
    return value[i] if i < len(value) else None


def evidence_label(path: str, subject: object | None) -> str | None:
    """Return what ``path`` points into, by its identifier: ``disclosure "funder-report"``.

    The label names the innermost record on the path that has an identifier. ``None`` when
    no subject is given, the path does not start at ``$``, or nothing on it has one.
    """
    if subject is None or not path.startswith("$"):
        return None
    value: object = subject
    found: str | None = None
    pos = 1
    while pos < len(path) and value is not None:
        m = _STEP.match(path, pos)
        if m is None:
            break
        pos = m.end()
        value = _step(value, m.group(1), m.group(2))
        if m.group(2) is not None and value is not None:
            ident = _identifier(value)
            if ident is not None:
                found = f'{_kind(value)} "{ident}"'
    return found


def labelled(path: str, subject: object | None, *, known: str | None = None) -> str:
    """Return ``path`` followed by its label in brackets when it has one.

    ``known`` is a label the reader has just been shown (the finding's subject): a path
    into the same record is not labelled again.
    """
    label = evidence_label(path, subject)
    return path if label is None or label == known else f"{path} ({label})"


def count(n: int, word: str) -> str:
    """Return ``3 findings`` / ``1 finding``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def law_refs(f: Finding) -> tuple[Citation, ...]:
    """Return the provisions to cite beside ``f``: those of a law finding, else none."""
    return tuple(citation(r) for r in f.legal_refs) if f.basis.is_law else ()


def cited(report: Report) -> tuple[Citation, ...]:
    """Return every provision the report's law findings cite, once each, in first-cited order.

    Not-applicable findings are left out: a provision that did not apply is not cited.
    """
    seen: dict[LegalRef, None] = {}
    for f in report.findings:
        if f.status is not Status.NOT_APPLICABLE and f.basis.is_law:
            seen.update(dict.fromkeys(f.legal_refs))
    return tuple(citation(r) for r in seen)


def status_blocks(
    findings: Sequence[Finding], statuses: Iterable[Status]
) -> dict[Status, tuple[FindingGroup, ...]]:
    """Return the groups of ``findings`` for each status asked, in that order."""
    wanted = tuple(statuses)
    groups = group_findings(f for f in findings if f.status in wanted)
    return {s: tuple(g for g in groups if g.first.status is s) for s in wanted}
