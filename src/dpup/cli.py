"""The ``dpup`` command: evaluate files, list the catalogue, explain a check, write documents.

Exit codes:
    0: nothing at or above the ``--fail-on`` threshold.
    1: findings at or above the threshold.
    2: a usage or input error (each input problem on its own line on stderr).
    3: a check crashed while evaluating.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from dpup.engine import Registry, default_registry, evaluate
from dpup.errors import DpupError, InputError, UnknownCheckError
from dpup.findings import Report, Status, Waiver
from dpup.model import Activity
from dpup.render.catalogue import (
    catalogue_json,
    catalogue_markdown,
    catalogue_text,
    explain,
    traceability_markdown,
)
from dpup.render.html import to_html
from dpup.render.json import to_json
from dpup.render.junit import to_junit
from dpup.render.markdown import to_markdown
from dpup.render.sarif import to_sarif
from dpup.render.text import to_text
from dpup.serde import activity_from_items, load, load_items, load_waivers

__all__ = ["EXIT_CRASHED", "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_CRASHED = 3

_FAIL_ON = {"not-met": Status.NOT_MET, "needs-review": Status.NEEDS_REVIEW, "never": None}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dpup",
        description="Check activities against New Zealand's Data Protection and Use Policy "
        "and the Privacy Act 2020.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    ev = sub.add_parser("evaluate", help="evaluate activity files and print a report")
    ev.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help=".toml, .json or .yaml activities, or .csv data dictionaries",
    )
    ev.add_argument(
        "--format",
        choices=("text", "markdown", "json", "sarif", "junit", "html"),
        default="text",
    )
    ev.add_argument("--output", type=Path, help="write the report here instead of stdout")
    ev.add_argument(
        "--select",
        action="append",
        default=None,
        metavar="SELECTOR",
        help="only run checks matching (id, prefix, name, tag, guideline, principle)",
    )
    ev.add_argument(
        "--ignore", action="append", default=None, metavar="SELECTOR", help="skip checks matching"
    )
    ev.add_argument("--waivers", type=Path, help="a file with a 'waivers' list")
    ev.add_argument(
        "--as-at",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="apply the law as at this date",
    )
    ev.add_argument(
        "--fail-on",
        choices=tuple(_FAIL_ON),
        default="not-met",
        help="exit 1 when findings reach this level (default: not-met)",
    )
    ev.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    ch = sub.add_parser("checks", help="list the check catalogue")
    ch.add_argument(
        "--format", choices=("text", "markdown", "json", "traceability"), default="text"
    )

    ex = sub.add_parser("explain", help="explain one check")
    ex.add_argument("check_id", metavar="ID")
    _add_document_commands(sub)
    return parser


def _add_document_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    no = sub.add_parser("notice", help="write a plain-language notice for service users")
    no.add_argument(
        "file", type=Path, metavar="FILE", help="an activity (.toml, .json, .yaml, .csv)"
    )
    no.add_argument("--audience", choices=("adult", "child"), default="adult")
    no.add_argument("--collection", metavar="ID", help="cover only this collection")
    ps = sub.add_parser("purpose-statement", help="write DPUP purpose statements")
    ps.add_argument(
        "file", type=Path, metavar="FILE", help="an activity (.toml, .json, .yaml, .csv)"
    )
    ps.add_argument("--purpose", metavar="ID", help="write only this purpose's statement")
    for command in (no, ps):
        command.add_argument("--format", choices=("markdown", "html", "text"), default="markdown")
        command.add_argument(
            "--output", type=Path, help="write the document here instead of stdout"
        )


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and "NO_COLOR" not in os.environ


def _render(reports: list[Report], fmt: str, *, color: bool) -> str:
    # SARIF and JUnit hold several reports in one document; the others are concatenated.
    if fmt == "sarif":
        return to_sarif(reports)
    if fmt == "junit":
        return to_junit(reports)
    if fmt == "text":
        return "\n".join(to_text(r, color=color) for r in reports)
    one: Callable[[Report], str] = {"json": to_json, "markdown": to_markdown, "html": to_html}[fmt]
    return "\n".join(one(r) for r in reports)


def _evaluate(args: argparse.Namespace, registry: Registry) -> int:
    waivers: tuple[Waiver, ...] = load_waivers(args.waivers) if args.waivers else ()
    reports = []
    problems: list[InputError] = []
    for path in args.files:
        try:
            if path.suffix.lower() == ".csv":
                activity: Activity = activity_from_items(path.stem, load_items(path))
            else:
                activity = load(path)
        except InputError as bad:
            problems.append(bad)
            continue
        except OSError as unreadable:
            problems.append(InputError([], f"{path} ({unreadable.strerror})"))
            continue
        reports.append(
            evaluate(
                activity,
                as_at=args.as_at,
                select=args.select,
                ignore=args.ignore,
                waivers=waivers,
                registry=registry,
                label=path.name,
            )
        )
    if problems:
        for err in problems:
            print(str(err) if err.problems else f"cannot read {err.source}", file=sys.stderr)
        return EXIT_USAGE
    stream = sys.stdout
    color = args.output is None and _use_color(args.color, stream)
    text = _render(reports, args.format, color=color)
    if args.output is not None:
        args.output.write_text(text, encoding="utf-8")
    else:
        stream.write(text)
    if any(r.errors for r in reports):
        return EXIT_CRASHED
    threshold = _FAIL_ON[args.fail_on]
    if threshold is not None and not all(r.passed(threshold) for r in reports):
        return EXIT_FINDINGS
    return EXIT_OK


def _document(args: argparse.Namespace) -> int:
    """Write a notice or purpose statement; gaps are listed on stderr, the exit code stays 0."""
    from dpup import documents  # noqa: PLC0415 - only these commands need the writers

    path: Path = args.file
    try:
        activity = (
            activity_from_items(path.stem, load_items(path))
            if path.suffix.lower() == ".csv"
            else load(path)
        )
        if args.command == "notice":
            doc = documents.notice(activity, args.audience, collection=args.collection)
        else:
            doc = documents.purpose_statement(activity, purpose=args.purpose)
    except InputError as bad:
        print(str(bad), file=sys.stderr)
        return EXIT_USAGE
    except OSError as unreadable:
        print(f"cannot read {path} ({unreadable.strerror})", file=sys.stderr)
        return EXIT_USAGE
    render = {"markdown": doc.to_markdown, "html": doc.to_html, "text": doc.to_text}
    text = render[args.format]()
    if args.output is not None:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if doc.missing:
        count = len(doc.missing)
        print(f"dpup: {count} fact{'s' if count != 1 else ''} not recorded:", file=sys.stderr)
        for where in doc.missing:
            print(f"  {where}", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``dpup`` command with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    registry = default_registry()
    try:
        if args.command == "checks":
            if args.format == "traceability":
                from dpup.checks import RULES  # noqa: PLC0415 - only this listing needs the rules

                sys.stdout.write(traceability_markdown(RULES, registry))
                return EXIT_OK
            render = {
                "text": catalogue_text,
                "markdown": catalogue_markdown,
                "json": catalogue_json,
            }
            sys.stdout.write(render[args.format](registry))
            return EXIT_OK
        if args.command == "explain":
            sys.stdout.write(explain(registry.get(args.check_id.upper())))
            return EXIT_OK
        if args.command in ("notice", "purpose-statement"):
            return _document(args)
        return _evaluate(args, registry)
    except UnknownCheckError as exc:
        print(f"dpup: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DpupError as exc:
        print(f"dpup: {exc}", file=sys.stderr)
        return EXIT_USAGE
