"""The list of facts to record next, as text, Markdown or JSON (``dpup todo`` and reports).

Questions carry paths, check ids, roles and counts only, so nothing written here repeats an
input value; paths still go through `dpup._printable.printable` like every other string. A
question's path is made only of field names, indexes, dots and brackets (`dpup.questions`
asks nothing else), so it is safe inside a Markdown code span.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Sequence

from dpup._printable import printable as _p
from dpup.findings import Report
from dpup.questions import Question, by_part

__all__ = [
    "TOP",
    "questions_html",
    "questions_json",
    "questions_markdown",
    "questions_text",
    "todo",
]

TOP = 10
"""How many facts to record a report shows before counting the rest."""


def _esc(text: str) -> str:
    return html.escape(_p(text))


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _settles(q: Question) -> str:
    return f"settles {_count(q.settles, 'finding')}"


def _checks(q: Question) -> str:
    """The asking checks, once each, with how many subjects when more than one."""
    counts = Counter(c for c, _ in q.findings)
    return ", ".join(c if n == 1 else f"{c} ({n} subjects)" for c, n in counts.items())


def _rest(qs: Sequence[Question], limit: int | None) -> tuple[Sequence[Question], int]:
    if limit is None or len(qs) <= limit:
        return qs, 0
    return qs[:limit], len(qs) - limit


def questions_text(
    qs: Sequence[Question], *, limit: int | None = None, indent: str = ""
) -> list[str]:
    """Return lines listing the facts to record, grouped by part, most settling first.

    Args:
        qs: questions in the order `dpup.questions.questions` gives them.
        limit: show only the first ``limit`` questions and count the rest.
        indent: put before every line.
    """
    if not qs:
        return [f"{indent}Nothing to record: no finding waits for an unrecorded fact."]
    shown, rest = _rest(qs, limit)
    lines: list[str] = []
    for part, group in by_part(shown).items():
        lines.append(f"{indent}{_p(part)}")
        lines.extend(
            f"{indent}  {_p(q.path)}  ({q.reviewer.label}; {_settles(q)}: {_p(_checks(q))})"
            for q in group
        )
    if rest:
        lines.append(f"{indent}... and {_count(rest, 'more fact')} to record")
    return lines


def questions_markdown(qs: Sequence[Question], *, limit: int | None = None) -> list[str]:
    """Return Markdown lines: a table per part (path, who can answer, findings settled)."""
    if not qs:
        return ["Nothing to record: no finding waits for an unrecorded fact."]
    shown, rest = _rest(qs, limit)
    lines: list[str] = []
    for part, group in by_part(shown).items():
        lines += [f"**{_p(part)}**", "", "| Fact to record | Who can answer | Settles |"]
        lines.append("|---|---|---|")
        for q in group:
            checks = ", ".join(dict.fromkeys(c for c, _ in q.findings))
            lines.append(f"| `{_p(q.path)}` | {q.reviewer.label} | {q.settles} ({_p(checks)}) |")
        lines.append("")
    if rest:
        lines += [f"… and {_count(rest, 'more fact')} to record.", ""]
    return lines


def questions_html(qs: Sequence[Question], *, limit: int | None = None) -> str:
    """Return an HTML section: a heading, then a list per part (path, who, findings settled)."""
    out = [f'<section class="todo"><h2>What to record next ({len(qs)})</h2>']
    if not qs:
        out.append("<p>Nothing to record: no finding waits for an unrecorded fact.</p>")
    shown, rest = _rest(qs, limit)
    for part, group in by_part(shown).items():
        items = "".join(
            f"<li><code>{_esc(q.path)}</code> ({_esc(q.reviewer.label)}; "
            f"{_esc(_settles(q))}: {_esc(_checks(q))})</li>"
            for q in group
        )
        out.append(f"<h3>{_esc(part)}</h3><ul>{items}</ul>")
    if rest:
        out.append(f"<p>… and {_count(rest, 'more fact')} to record.</p>")
    return "".join(out) + "</section>"


def questions_json(qs: Sequence[Question]) -> str:
    """Return the questions as an indented JSON document with a ``questions`` list."""
    return json.dumps({"questions": [q.to_dict() for q in qs]}, indent=2) + "\n"


def todo(report: Report, subject: object, fmt: str) -> str:
    """Return what ``dpup todo`` prints: the facts to record for ``subject``, every one."""
    qs = report.questions(subject)
    if fmt == "json":
        return questions_json(qs)
    head = f"{len(qs)} facts to record" if len(qs) != 1 else "1 fact to record"
    return (
        "\n".join(
            [f"What to record next ({head}, most settling first)", *questions_text(qs, indent="  ")]
        )
        + "\n"
    )
