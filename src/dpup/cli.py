"""The ``dpup`` command: evaluate files, list the catalogue, explain a check, write documents.

Exit codes (docs/cli.md lists what produces each one):
    0: nothing at or above the ``--fail-on`` threshold.
    1: findings at or above the threshold.
    2: a usage, input or output error. Each problem is one line on stderr (a malformed file
        lists each of its problems on its own line); no traceback is shown.
    3: a check crashed while evaluating (the report is still written).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal, NoReturn, TextIO

from dpup._cli_compare import (
    add_baseline_arguments,
    add_compare_command,
    baseline_passed,
    baseline_summary,
    evaluate_output,
    read_baselines,
    run_compare,
)
from dpup._cli_io import CommandError as _CommandError
from dpup._cli_io import as_at_date as _as_at
from dpup._cli_io import check_output as _check_output
from dpup._cli_io import deliver as _deliver
from dpup._cli_io import emit as _emit
from dpup._cli_io import input_error_lines as _input_error_lines
from dpup._cli_io import reason as _reason
from dpup._cli_io import require_file as _require_file
from dpup._cli_io import shown as _shown
from dpup._cli_io import silence_stdout as _silence_stdout
from dpup._cli_person import add_person_command, run_person
from dpup._cli_release import add_release_command, run_release
from dpup._cli_xlsx import refuse_without_output, write_xlsx
from dpup._printable import printable
from dpup.baseline import Baseline
from dpup.engine import Registry, default_registry, evaluate
from dpup.errors import DpupError, InputError
from dpup.findings import Report, Status, Waiver
from dpup.model import Activity
from dpup.questions import Question
from dpup.render.catalogue import (
    catalogue_json,
    catalogue_markdown,
    catalogue_text,
    explain,
    legal_basis_markdown,
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


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming the problem and the help to read, then exit 2."""
        self.exit(EXIT_USAGE, f"{self.prog}: {printable(message)} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
        choices=("text", "markdown", "json", "sarif", "junit", "html", "xlsx"),
        default="text",
    )
    ev.add_argument(
        "--output", type=Path, help="write the report here instead of stdout (xlsx needs it)"
    )
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
        type=_as_at,
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
    ev.add_argument(
        "--extra-columns",
        choices=("error", "ignore"),
        default="error",
        help="what to do with columns dpup does not know in a .csv data dictionary",
    )

    add_baseline_arguments(ev)
    add_compare_command(sub)
    add_person_command(sub)
    ch = sub.add_parser("checks", help="list the check catalogue")
    ch.add_argument(
        "--format",
        choices=("text", "markdown", "json", "traceability", "legal-basis"),
        default="text",
    )

    ex = sub.add_parser("explain", help="explain one check")
    ex.add_argument("check_id", metavar="ID")
    it = sub.add_parser("init", help="write a commented starter activity file (TOML)")
    it.add_argument("--output", type=Path, help="write it to this new file instead of stdout")
    sc = sub.add_parser("schema", help="print the JSON Schema of an input file")
    sc.add_argument(
        "kind",
        nargs="?",
        choices=("activity", "waivers", "data-dictionary", "person"),
        default="activity",
    )
    _add_document_commands(sub)
    add_release_command(sub)
    return parser


def _add_document_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
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
    td = sub.add_parser("todo", help="list the unrecorded facts to record next")
    td.add_argument(
        "file", type=Path, metavar="FILE", help="an activity (.toml, .json, .yaml, .csv)"
    )
    td.add_argument("--format", choices=("text", "json"), default="text")
    for command in (no, ps):
        command.add_argument("--format", choices=("markdown", "html", "text"), default="markdown")
        command.add_argument(
            "--output", type=Path, help="write the document here instead of stdout"
        )


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and "NO_COLOR" not in os.environ


def _indented_json(report: Report) -> str:
    """JSON for people at a terminal or in a file they will read: indented, as before."""
    return to_json(report, indent=2)


def _render(
    reports: list[Report],
    fmt: str,
    *,
    color: bool,
    asked: list[tuple[Question, ...]],
    subjects: list[object],
    baselines: Sequence[Baseline | None],
) -> str:
    # SARIF and JUnit hold several reports in one document; the others are concatenated.
    if fmt == "sarif":
        return to_sarif(reports)
    if fmt == "junit":
        return to_junit(reports, baselines=baselines)
    if fmt == "json":
        return "\n".join(_indented_json(r) for r in reports)
    one: Callable[..., str] = {"markdown": to_markdown, "html": to_html}.get(fmt, to_text)
    extra: dict[str, object] = {"color": color} if fmt == "text" else {}
    return "\n".join(  # each opens with its facts to record; HTML marks the baseline's states
        one(r, questions=q, subject=a, **extra, **({"baseline": b} if fmt == "html" else {}))
        for r, q, a, b in zip(reports, asked, subjects, baselines, strict=True)
    )


def _read_activity(path: Path, extra_columns: Literal["error", "ignore"] = "error") -> Activity:
    """Read an activity, or a CSV data dictionary wrapped in one.

    Raises:
        _CommandError: the file cannot be read.
        InputError: the file is read but does not describe an activity.
    """
    _require_file(path)
    try:
        if path.suffix.lower() == ".csv":
            items = load_items(path, extra_columns=extra_columns)
            return activity_from_items(path.stem, items)
        return load(path)
    except OSError as exc:
        raise _CommandError(f"cannot read {_shown(path)} ({_reason(exc)})") from None


def _read_waivers(path: Path) -> tuple[Waiver, ...]:
    """Read a waivers file, refusing it first if it is not a regular file."""
    _require_file(path)
    try:
        return load_waivers(path)
    except OSError as exc:
        raise _CommandError(f"cannot read {_shown(path)} ({_reason(exc)})") from None


def _refuse_empty_selectors(args: argparse.Namespace) -> None:
    """Refuse an empty ``--select`` or ``--ignore``, as an unset shell variable gives."""
    for option, values in (("--select", args.select), ("--ignore", args.ignore)):
        if any(not value.strip() for value in values or ()):
            msg = (
                f"{option} was given an empty value (an unset shell variable?); give a check "
                "id, prefix, name, tag, guideline or principle"
            )
            raise _CommandError(msg)


def _evaluate(args: argparse.Namespace, registry: Registry) -> int:
    _refuse_empty_selectors(args)
    refuse_without_output(args)
    if args.output is not None:
        _check_output(args.output)
    waivers: tuple[Waiver, ...] = _read_waivers(args.waivers) if args.waivers is not None else ()
    reports: list[Report] = []
    asked: list[tuple[Question, ...]] = []
    subjects: list[object] = []
    files: list[Path] = []
    problems: list[str] = []
    for path in args.files:
        try:
            activity = _read_activity(path, args.extra_columns)
        except InputError as bad:
            problems.extend(_input_error_lines(bad))
            continue
        except _CommandError as bad:
            problems.append(f"dpup: {bad.message}")
            continue
        reports.append(
            evaluate(
                activity,
                as_at=args.as_at,
                select=args.select,
                ignore=args.ignore,
                waivers=waivers,
                registry=registry,
                label=printable(path.name),
            )
        )
        asked.append(reports[-1].questions(activity))
        subjects.append(activity)
        files.append(path)
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        return EXIT_USAGE
    baselines = read_baselines(args, [r.label for r in reports])
    color = args.output is None and _use_color(args.color, sys.stdout)
    if args.format == "xlsx":
        write_xlsx(reports, asked, subjects, args.output, baselines)
    else:
        text = evaluate_output(args.format, reports, files, baselines) or _render(
            reports, args.format, color=color, asked=asked, subjects=subjects, baselines=baselines
        )
        if args.format in ("text", "markdown") and any(baselines):
            text += "\n" + baseline_summary(reports, baselines, markdown=args.format == "markdown")
        _deliver(text, args.format, args.output)
    if any(r.errors for r in reports):
        return EXIT_CRASHED
    threshold = _FAIL_ON[args.fail_on]
    scope = baselines if args.fail_scope == "new" else [None] * len(reports)
    if threshold is not None and not baseline_passed(reports, scope, threshold):
        return EXIT_FINDINGS
    return EXIT_OK


def _document(args: argparse.Namespace) -> int:
    """Write a notice or purpose statement; gaps are listed on stderr, the exit code stays 0."""
    from dpup import documents  # noqa: PLC0415 - only these commands need the writers

    if args.output is not None:
        _check_output(args.output)
    activity = _read_activity(args.file)
    if args.command == "notice":
        doc = documents.notice(activity, args.audience, collection=args.collection)
    else:
        doc = documents.purpose_statement(activity, purpose=args.purpose)
    render = {"markdown": doc.to_markdown, "html": doc.to_html, "text": doc.to_text}
    _deliver(render[args.format](), args.format, args.output)
    if doc.missing:
        count = len(doc.missing)
        print(f"dpup: {count} fact{'s' if count != 1 else ''} not recorded:", file=sys.stderr)
        for where in doc.missing:
            print(f"  {where}", file=sys.stderr)
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    registry = default_registry()
    if args.command == "checks":
        if args.format == "traceability":
            from dpup.checks import RULES  # noqa: PLC0415 - only this listing needs the rules

            _emit(traceability_markdown(RULES, registry), "markdown")
            return EXIT_OK
        if args.format == "legal-basis":
            _emit(legal_basis_markdown(registry), "markdown")
            return EXIT_OK
        render = {"text": catalogue_text, "markdown": catalogue_markdown, "json": catalogue_json}
        _emit(render[args.format](registry), args.format)
        return EXIT_OK
    if args.command == "init":
        from dpup.render.starter import starter_toml  # noqa: PLC0415 - only init needs it

        if args.output is not None and args.output.exists():
            raise _CommandError(f"{_shown(args.output)} exists; init never replaces a file")
        _deliver(starter_toml(), "text", args.output)
        return EXIT_OK
    if args.command == "schema":
        from dpup.io.schema import schema_json  # noqa: PLC0415 - only this command needs it

        _emit(schema_json(args.kind), "json")
        return EXIT_OK
    if args.command == "explain":
        _emit(explain(registry.get(args.check_id.upper())), "text")
        return EXIT_OK
    if args.command == "todo":
        from dpup.render.questions import todo  # noqa: PLC0415 - only this command needs it

        activity = _read_activity(args.file)
        _emit(todo(evaluate(activity), activity, args.format), args.format)
        return EXIT_OK
    if args.command == "release":
        return run_release(args)
    if args.command in ("notice", "purpose-statement"):
        return _document(args)
    if args.command == "compare":
        return run_compare(args)
    if args.command == "person":
        return run_person(args)
    return _evaluate(args, registry)


def _os_problem(exc: OSError) -> str:
    if exc.filename is None:
        return f"file error ({_reason(exc)})"
    return f"cannot use {_shown(exc.filename)} ({_reason(exc)})"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``dpup`` command with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    A usage, input or output problem is printed on stderr and gives exit code 2, never a
    traceback; docs/cli.md lists every exit code.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    try:
        return _run(args)
    except BrokenPipeError:  # the reader stopped early (`| head`): the output is incomplete
        _silence_stdout()
        print("dpup: standard output was closed before all of it was written", file=sys.stderr)
    except _CommandError as exc:
        print(f"dpup: {exc.message}", file=sys.stderr)
    except InputError as exc:
        for line in _input_error_lines(exc):
            print(line, file=sys.stderr)
    except DpupError as exc:  # an unknown check or selector, a date the calendar lacks
        print(f"dpup: {printable(str(exc))}", file=sys.stderr)
    except OSError as exc:  # a file problem the handling above did not foresee
        print(f"dpup: {_os_problem(exc)}", file=sys.stderr)
    return EXIT_USAGE
