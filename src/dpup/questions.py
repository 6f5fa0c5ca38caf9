"""What to record next: the unrecorded facts behind a report's "needs review" findings.

A NEEDS_REVIEW finding lists, as its evidence, the paths of the facts it rests on. Some of
those facts are simply missing (the field holds ``None``, or a part above it is missing);
others are recorded and the finding asks a person to judge them (a claimed exception, a
recorded ground). Only the first kind is something to go and find out, so a path counts as a
question when, looked up in the evaluated subject, it holds nothing. Deciding this from the
subject, rather than from the wording of a finding's message, keeps it right for every check,
including those that mix recorded and missing facts in one finding.

An empty list is a recorded "none", not a missing fact: only ``None`` (and what lies under
it) is asked for. When a whole part is missing (a collection with no notice), the part is
asked for once, not each field under it, since it must be recorded first.

Paths are absolute (``$`` is the evaluated subject), exactly as findings give them. A path
into the context of a record evaluated on its own (``$context.purposes[0]``, see
`dpup.vocabulary.CONTEXT_ROOT`) or that names no field of the model is not a question: the
context is asked about when it is evaluated itself. Nothing here reads or repeats an input
value: a question holds a path, a reviewer and finding keys only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from dpup.vocabulary import Reviewer, Status

if TYPE_CHECKING:
    from dpup.report import Finding

__all__ = ["Question", "by_part", "is_unrecorded", "part_of", "questions"]

_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


@attrs.frozen
class Question:
    """One fact to record, and what recording it would settle.

    Attributes:
        path: where the fact belongs, from ``$`` (the evaluated subject).
        part: the part of the activity it belongs to: the first field of the path
            (``purposes``, ``collections``, ``disclosures``, ``access_practice`` ...).
        reviewer: who can answer (the reviewer most of the asking findings name).
        settles: how many findings ask for it.
        findings: the asking findings, as ``(check_id, subject)`` pairs, in report order.
    """

    path: str
    part: str
    reviewer: Reviewer
    settles: int
    findings: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict[str, object]:
        """Return the question as JSON-ready data (paths, ids and roles only)."""
        return {
            "path": self.path,
            "part": self.part,
            "reviewer": self.reviewer.value,
            "settles": self.settles,
            "findings": [{"check_id": c, "subject": s} for c, s in self.findings],
        }


def part_of(path: str) -> str:
    """Return the first field named in an absolute path (``$`` for the subject itself)."""
    m = _STEP.match(path, 1)
    return m.group(1) if m and m.group(1) else "$"


def _unrecorded_at(subject: object, path: str) -> str | None:
    """Return where ``path`` stops being recorded, or ``None`` when it is not a question.

    Following ``path`` into ``subject``: a field holding nothing at the end gives ``path``
    itself; a part holding nothing on the way gives the path of that part, since it has to
    be recorded first. A recorded value, a path not starting at ``$`` and a path naming no
    field or element give ``None``.
    """
    if not path.startswith("$"):
        return None
    value: object = subject
    pos = 1
    while pos < len(path):
        if value is None:
            return path[:pos]
        m = _STEP.match(path, pos)
        if m is None:
            return None
        pos = m.end()
        name, index = m.group(1), m.group(2)
        if name is not None:
            if isinstance(value, Mapping):
                value = value.get(name)
            elif attrs.has(type(value)) and name in _field_names(type(value)):
                value = getattr(value, name)
            else:
                return None
        else:
            if not isinstance(value, Sequence) or isinstance(value, str | bytes):
                return None
            i = int(index)
            if i >= len(value):
                return None
            value = value[i]
    return path if value is None else None


def is_unrecorded(subject: object, path: str) -> bool:
    """Return whether ``path`` is a field of ``subject`` holding nothing, or lies under one."""
    return _unrecorded_at(subject, path) is not None


def questions(findings: Iterable[Finding], subject: object) -> tuple[Question, ...]:
    """Return the facts to record behind the NEEDS_REVIEW findings, most settling first.

    Each unrecorded evidence path becomes one question however many findings (about however
    many subjects) ask for it. A path under a part that is itself not recorded (a notice's
    recipients when there is no notice) is asked as that part. Waived findings and findings
    of any other status are skipped. Ties in ``settles`` are broken by path.

    Args:
        findings: a report's findings.
        subject: the object the report evaluated (the activity, or the lone object).
    """
    asked: dict[str, list[Finding]] = {}
    for f in findings:
        if f.status is not Status.NEEDS_REVIEW or f.waived:
            continue
        wanted = (_unrecorded_at(subject, p) for p in f.evidence)
        for path in dict.fromkeys(w for w in wanted if w is not None):
            asked.setdefault(path, []).append(f)
    out = []
    for path, fs in asked.items():
        keys = tuple(dict.fromkeys((f.check_id, f.subject) for f in fs))
        out.append(Question(path, part_of(path), _reviewer(fs), len(keys), keys))
    out.sort(key=lambda q: (-q.settles, q.path))
    return tuple(out)


def by_part(qs: Iterable[Question]) -> dict[str, tuple[Question, ...]]:
    """Group questions by part of the activity, keeping their order within and across parts.

    A part comes in the order its first (most settling) question does.
    """
    groups: dict[str, list[Question]] = {}
    for q in qs:
        groups.setdefault(q.part, []).append(q)
    return {part: tuple(g) for part, g in groups.items()}


def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in attrs.fields(cls))


def _reviewer(fs: Sequence[Finding]) -> Reviewer:
    counts = Counter(f.reviewer for f in fs if f.reviewer is not None)
    if not counts:
        return Reviewer.PRIVACY_OFFICER
    return min(counts, key=lambda r: (-counts[r], r.value))
