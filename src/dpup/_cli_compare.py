"""``dpup compare BEFORE AFTER``, and ``dpup evaluate --baseline``: what changed, what is new.

``compare`` evaluates two activity files (the same programme before and after a change) and
prints `dpup.comparison.compare`'s result as text, Markdown, JSON or HTML. ``--baseline`` on
``evaluate`` reads a JSON report (or SARIF log) written by an earlier ``evaluate`` and marks
each finding new, unchanged or updated against it (`dpup.baseline`); ``--fail-scope new``
limits ``--fail-on`` to the new and updated findings.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dpup._cli_io import (
    CommandError,
    as_at_date,
    check_output,
    deliver,
    reason,
    require_file,
    shown,
)
from dpup._printable import printable
from dpup.baseline import Baseline, load_baselines, match
from dpup.engine import Selector, evaluate
from dpup.errors import InputError
from dpup.model import Activity
from dpup.render.baseline import baseline_dict, baseline_summary
from dpup.render.compare import RENDERERS
from dpup.render.sarif import artifact_uri, to_sarif
from dpup.report import Report
from dpup.serde import activity_from_items, load, load_items
from dpup.vocabulary import Status

__all__ = [
    "add_baseline_arguments",
    "add_compare_command",
    "baseline_passed",
    "baseline_summary",
    "evaluate_output",
    "read_baselines",
    "run_compare",
]


def add_compare_command(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``dpup compare BEFORE AFTER`` to the command's subparsers."""
    cp = sub.add_parser(
        "compare",
        help="compare two versions of an activity: scores, coverage, findings fixed and new",
    )
    cp.add_argument("before", type=Path, metavar="BEFORE", help="the earlier activity file")
    cp.add_argument("after", type=Path, metavar="AFTER", help="the later activity file")
    cp.add_argument("--format", choices=tuple(RENDERERS), default="text")
    cp.add_argument("--output", type=Path, help="write the comparison here instead of stdout")
    cp.add_argument(
        "--as-at",
        type=as_at_date,
        metavar="YYYY-MM-DD",
        help="apply the law as at this date to both (default: each file's own as_at)",
    )
    cp.add_argument(
        "--select", action="append", default=None, metavar="SELECTOR", help="only these checks"
    )
    cp.add_argument(
        "--ignore", action="append", default=None, metavar="SELECTOR", help="skip these checks"
    )


def _read(path: Path) -> Activity:
    require_file(path)
    try:
        if path.suffix.lower() == ".csv":
            return activity_from_items(path.stem, load_items(path))
        return load(path)
    except OSError as exc:
        raise CommandError(f"cannot read {shown(path)} ({reason(exc)})") from None


def _selectors(values: Sequence[Selector] | None, option: str) -> Sequence[Selector] | None:
    if any(not str(v).strip() for v in values or ()):
        msg = f"{option} was given an empty value (an unset shell variable?)"
        raise CommandError(msg)
    return values


def run_compare(args: argparse.Namespace) -> int:
    """Run ``dpup compare``; return the exit code (0, or 3 when a check crashed).

    Both files are read before anything is written: a problem in either is reported, every
    problem listed, and nothing is written (exit 2, raised as `InputError` or `CommandError`
    for the command's own handler).
    """
    select = _selectors(args.select, "--select")
    ignore = _selectors(args.ignore, "--ignore")
    if args.output is not None:
        check_output(args.output)
    activities: list[Activity] = []
    problems: list[InputError] = []
    for path in (args.before, args.after):
        try:
            activities.append(_read(path))
        except InputError as bad:
            problems.append(InputError(bad.problems, source=bad.source or str(path)))
    if problems:
        raise InputError(
            [p for bad in problems for p in bad.problems],
            source=" and ".join(str(p.source) for p in problems),
        )
    before, after = (
        evaluate(a, as_at=args.as_at, select=select, ignore=ignore, label=printable(str(p)))
        for a, p in zip(activities, (args.before, args.after), strict=True)
    )
    comparison = before.compare(after)
    view = RENDERERS[args.format](
        comparison, before_subject=activities[0], after_subject=activities[1]
    )
    deliver(view, args.format, args.output)
    return 3 if before.errors or after.errors else 0


def add_baseline_arguments(ev: argparse.ArgumentParser) -> None:
    """Add ``--baseline`` and ``--fail-scope`` to ``dpup evaluate``."""
    ev.add_argument(
        "--baseline",
        type=Path,
        metavar="REPORT",
        help="a JSON report (or SARIF log) from an earlier dpup evaluate: mark each finding "
        "new, unchanged or updated against it",
    )
    ev.add_argument(
        "--fail-scope",
        choices=("all", "new"),
        default="all",
        help="with --baseline, 'new' applies --fail-on only to new and updated findings",
    )


def read_baselines(args: argparse.Namespace, labels: Sequence[str | None]) -> list[Baseline | None]:
    """Return the baseline for each report label, from ``--baseline`` (none without it).

    Raises:
        CommandError: ``--fail-scope new`` without ``--baseline``, or the file cannot be read.
        InputError: the file is not a dpup JSON report or SARIF log; every problem listed.
    """
    if args.baseline is None:
        if args.fail_scope == "new":
            msg = "--fail-scope new needs --baseline (a JSON report from an earlier run)"
            raise CommandError(msg)
        return [None] * len(labels)
    require_file(args.baseline)
    try:
        return match(labels, load_baselines(args.baseline))
    except OSError as exc:
        raise CommandError(f"cannot read {shown(args.baseline)} ({reason(exc)})") from None


def baseline_passed(
    reports: Sequence[Report], baselines: Sequence[Baseline | None], threshold: Status
) -> bool:
    """Whether every report passes ``threshold`` on what is new against its baseline.

    A report with no baseline is judged whole: everything in it is new.
    """
    return all(
        report.passed(threshold) if baseline is None else baseline.passed(report, threshold)
        for report, baseline in zip(reports, baselines, strict=True)
    )


def _json_with_states(report: Report, baseline: Baseline | None) -> str:
    data = report.to_dict()
    if baseline is not None:
        data["baseline"] = baseline_dict(report, baseline)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def evaluate_output(
    fmt: str,
    reports: Sequence[Report],
    files: Sequence[Path],
    baselines: Sequence[Baseline | None],
) -> str | None:
    """Return the whole output of ``dpup evaluate`` where files or a baseline change it.

    SARIF always (its results point at each file by its path as given, as a URI, and carry
    ``baselineState`` against a baseline); JSON with a baseline (each report gains a
    ``baseline`` object: the state of each finding, in order, and the absent findings).
    ``None`` for everything else: the command renders it as before, and appends
    `baseline_summary` to text and Markdown when there is a baseline.
    """
    if fmt == "sarif":
        return to_sarif(
            list(reports),
            artifact_uris=[artifact_uri(p) for p in files],
            baselines=list(baselines),
        )
    if fmt == "json" and any(b is not None for b in baselines):
        return "\n".join(_json_with_states(r, b) for r, b in zip(reports, baselines, strict=True))
    return None
