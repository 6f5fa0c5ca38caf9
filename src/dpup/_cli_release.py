"""``dpup release``: write the release record of one insight's tables.

The command reads an activity, protects the tables of one insight under the confidentiality
standard (the default settings' standard, made stricter by the insight's own ``rounding`` and
``suppression_threshold`` where they are stricter, never weaker: `RecordedRules`), audits
them against those rules with every earlier release to the same recipient, and writes the
record (`dpup.disclosure_control.write_release`) into a new folder, and the same as workbooks
when ``--xlsx`` is given. A weaker recorded rule is not refused: the standard's applies, the
checker summary's ``rules_chosen`` says so, and the command prints a line about it.
Rounding is keyed on a secret read from ``--key-file``; ``--seed`` rounds with a seeded
generator instead and is for tests only. Nothing is rounded at random without one or the other.

Exit codes: 0 when the record is written and nothing was found; 1 when it is written but the
audit or the differencing audit found something (see the checker summary); 2 for a usage,
input or output problem (nothing is written).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from dpup._cli_io import CommandError, emit, reason, require_file, shown
from dpup.disclosure_control import (
    CHECKSUMS_FILE,
    ChoiceReason,
    CrossTable,
    KeyedRounding,
    RecordedRules,
    RoundingMethod,
    Table,
    release_record,
    write_release,
)
from dpup.errors import InputError, Problem
from dpup.model import Activity, Insight, release_of
from dpup.render.release_xlsx import release_workbooks
from dpup.serde import load
from dpup.settings import Settings

__all__ = ["add_release_command", "run_release"]


def add_release_command(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the ``release`` command to the ``dpup`` parser.

    Args:
        sub: the parser's subcommands.
    """
    rel = sub.add_parser(
        "release",
        help="write a release record: protected tables, a checker summary and checksums",
    )
    rel.add_argument("file", type=Path, metavar="FILE", help="a .toml, .json or .yaml activity")
    rel.add_argument("--insight", required=True, metavar="ID", help="the insight to release")
    rel.add_argument(
        "--output", required=True, type=Path, metavar="DIR", help="a new (or empty) folder"
    )
    rel.add_argument(
        "--xlsx",
        action="store_true",
        help="also write the tables and the summary as workbooks (needs the xlsx extra)",
    )
    how = rel.add_mutually_exclusive_group()
    how.add_argument(
        "--key-file",
        type=Path,
        metavar="K",
        help="a file holding the secret rounding key in hexadecimal (at least 16 bytes)",
    )
    how.add_argument(
        "--seed",
        type=int,
        help="round with a generator seeded with this number: for tests only",
    )


_MAX_KEY_FILE_BYTES = 4096
"""The largest key file read; a key is a few dozen hexadecimal digits."""


def _asked(insight: Insight) -> RecordedRules:
    """What the insight records of its own rules (applied only where stricter)."""
    return RecordedRules(
        rounding=insight.rounding, suppression_threshold=insight.suppression_threshold
    )


def _read_key(path: Path) -> KeyedRounding:
    require_file(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(_MAX_KEY_FILE_BYTES + 1)
    except OSError as exc:
        raise CommandError(f"cannot read {shown(path)} ({reason(exc)})") from None
    if len(data) > _MAX_KEY_FILE_BYTES:
        msg = (
            f"{shown(path)} is larger than {_MAX_KEY_FILE_BYTES:,} bytes; "
            "a key file holds one hexadecimal key"
        )
        raise CommandError(msg)
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        text = ""
    try:
        return KeyedRounding.from_hex(text)
    except InputError:
        msg = f"{shown(path)} does not hold a hexadecimal key of at least 16 bytes"
        raise CommandError(msg) from None


def _check_output(path: Path) -> None:
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise CommandError(
            f"{shown(path)} exists and is not an empty folder; release never adds to one"
        )
    if not path.parent.is_dir():
        raise CommandError(
            f"cannot write {shown(path)} (the folder {shown(path.parent)} does not exist)"
        )


def _insight(activity: Activity, insight_id: str) -> int:
    for index, insight in enumerate(activity.insights):
        if insight.id == insight_id:
            return index
    raise CommandError(f"the activity has no insight with the id {shown(insight_id)}")


def run_release(args: argparse.Namespace) -> int:
    """Run ``dpup release``; return the exit code (0 clean, 1 findings recorded).

    Raises:
        CommandError: a file cannot be read or written, the insight is missing or has no
            tables, or rounding is asked for without a key or seed.
        InputError: the activity, or the insight's release exceptions, are malformed.
    """
    _check_output(args.output)
    require_file(args.file)
    try:
        activity = load(args.file)
    except OSError as exc:
        raise CommandError(f"cannot read {shown(args.file)} ({reason(exc)})") from None
    index = _insight(activity, args.insight)
    insight = activity.insights[index]
    if not insight.tables and not insight.cross_tables:
        raise CommandError(f"the insight {shown(insight.id)} records no tables of counts")
    standard = Settings().confidentiality
    asked = _asked(insight)
    rules = asked.applied_to(standard)
    rounding: KeyedRounding | int | None = None
    if args.key_file is not None:
        rounding = _read_key(args.key_file)
    elif args.seed is not None:
        rounding = args.seed
    elif rules.rounding is not RoundingMethod.NONE:
        raise CommandError(
            "the rules round counts: give --key-file (or --seed, for tests only); "
            "dpup never rounds at random without one"
        )
    earlier: list[Table | CrossTable] = [
        (activity.insights[i].tables or ())[t]
        for i, t in release_of(activity.insights, index)
        if i != index
    ]
    earlier.extend(
        (activity.insights[i].cross_tables or ())[t]
        for i, t in release_of(activity.insights, index, cross=True)
        if i != index
    )
    try:
        record = release_record(
            insight.id,
            insight.tables or (),
            standard,
            rounding=rounding,
            exceptions=insight.release_exceptions or (),
            earlier=earlier,
            cross_tables=insight.cross_tables or (),
            recorded=asked,
        )
    except InputError as err:
        prefix = f"$.insights[{index}]"
        problems = [Problem(p.message, prefix + p.path[1:]) for p in err.problems]
        raise InputError(problems, str(args.file)) from None
    extra: dict[str, bytes] = {}
    if args.xlsx:
        try:
            extra = release_workbooks(record)
        except ImportError:
            raise CommandError("--xlsx needs openpyxl: pip install 'dpup[xlsx]'") from None
    try:
        written = write_release(args.output, record, extra=extra)
    except OSError as exc:
        raise CommandError(f"cannot write {shown(args.output)} ({reason(exc)})") from None
    found = len(record.audit.violations) + sum(
        len(v) for v in (*record.violations, *record.cross_violations)
    )
    lines = [f"wrote {len(written)} files to {shown(args.output)} (checksums in {CHECKSUMS_FILE})"]
    weaker = [c.field for c in record.choices if c.reason is ChoiceReason.WEAKER]
    if weaker:
        lines.append(
            f"the insight records a weaker {' and '.join(weaker)} than the standard; "
            "the standard's was applied (see the checker summary)"
        )
    if found:
        lines.append(f"{found} disclosure findings: read the checker summary before release")
    emit("\n".join(lines) + "\n", "text")
    return 1 if found else 0
