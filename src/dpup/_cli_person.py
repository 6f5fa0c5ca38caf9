"""``dpup person PROGRAMME PERSON...``: people's own records evaluated in their programme.

The programme file is an activity file; each person file holds one `dpup.model.PersonRecord`
(TOML, JSON or YAML). Each person is evaluated in the context of the programme
(``dpup.evaluate(record, context=programme)``) and gets a report of their own parts, opening
with the facts to record next, which include facts of the programme that the person's
findings ask for.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dpup._cli_io import (
    CommandError,
    as_at_date,
    check_output,
    deliver,
    input_error_lines,
    reason,
    require_file,
    shown,
)
from dpup._printable import printable
from dpup.engine import evaluate
from dpup.errors import InputError
from dpup.model import Activity, PersonRecord, in_context
from dpup.render.html import to_html
from dpup.render.json import to_json
from dpup.render.markdown import to_markdown
from dpup.render.text import to_text
from dpup.report import Report
from dpup.serde import load
from dpup.vocabulary import Status

__all__ = ["add_person_command", "run_person"]

_FAIL_ON = {"not-met": Status.NOT_MET, "needs-review": Status.NEEDS_REVIEW}


def add_person_command(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``dpup person PROGRAMME PERSON...`` to the command's subparsers."""
    pe = sub.add_parser(
        "person", help="evaluate people's own records in the context of their programme"
    )
    pe.add_argument("programme", type=Path, metavar="PROGRAMME", help="the programme's file")
    pe.add_argument(
        "people", nargs="+", type=Path, metavar="PERSON", help="person files, one record each"
    )
    pe.add_argument("--format", choices=("text", "markdown", "json", "html"), default="text")
    pe.add_argument("--output", type=Path, help="write the reports here instead of stdout")
    pe.add_argument("--as-at", type=as_at_date, metavar="YYYY-MM-DD", help="apply the law as at")
    pe.add_argument(
        "--fail-on",
        choices=("not-met", "needs-review", "never"),
        default="not-met",
        help="exit 1 when findings reach this level (default: not-met)",
    )


def _read(path: Path, cls: type[Any]) -> Any:
    require_file(path)
    try:
        return load(path, cls)
    except OSError as exc:
        raise CommandError(f"cannot read {shown(path)} ({reason(exc)})") from None


def _one(programme: Activity, path: Path, args: argparse.Namespace) -> tuple[Report, str]:
    """Evaluate the person in ``path`` and render the report.

    Raises:
        InputError: the file, or its references into the programme, are not valid; the
            problems name the file.
    """
    person: PersonRecord = _read(path, PersonRecord)
    try:
        view = in_context(programme, person)
    except InputError as bad:
        raise InputError(bad.problems, str(path)) from None
    report = evaluate(person, context=programme, as_at=args.as_at, label=printable(path.name))
    if args.format == "json":
        return report, to_json(report, indent=2)
    render: Callable[..., str] = {"markdown": to_markdown, "html": to_html}.get(
        args.format, to_text
    )
    return report, render(report, questions=report.questions(view), subject=view)


def run_person(args: argparse.Namespace) -> int:
    """Run ``dpup person``; return the exit code (0 clean, 1 findings, 2 bad input, 3 crash).

    Raises:
        CommandError: a file cannot be read or the output cannot be written.
        InputError: the programme file is not a valid activity.
    """
    if args.output is not None:
        check_output(args.output)
    programme: Activity = _read(args.programme, Activity)
    reports: list[Report] = []
    texts: list[str] = []
    problems: list[str] = []
    for path in args.people:
        try:
            report, text = _one(programme, path, args)
        except InputError as bad:
            problems.extend(input_error_lines(bad))
            continue
        except CommandError as bad:
            problems.append(f"dpup: {bad.message}")
            continue
        reports.append(report)
        texts.append(text)
    if problems:
        sys.stderr.write("".join(f"{line}\n" for line in problems))
        return 2
    deliver("\n".join(texts), args.format, args.output)
    if any(r.errors for r in reports):
        return 3
    threshold = _FAIL_ON.get(args.fail_on)
    if threshold is not None and not all(r.passed(threshold) for r in reports):
        return 1
    return 0
