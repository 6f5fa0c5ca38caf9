"""``dpup evaluate --format xlsx``: a workbook written to ``--output``, never to a terminal.

An XLSX workbook is binary, so the format needs ``--output``; without it the command stops
before any work with exit code 2 and one line saying so. The workbook needs openpyxl, the
optional ``xlsx`` extra; without it the command stops the same way, naming the extra.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from dpup._cli_io import CommandError, write_bytes
from dpup.baseline import Baseline
from dpup.findings import Report
from dpup.questions import Question

__all__ = ["refuse_without_output", "write_xlsx"]


def refuse_without_output(args: argparse.Namespace) -> None:
    """Refuse ``--format xlsx`` without ``--output``, or without openpyxl installed.

    Raises:
        CommandError: no ``--output`` was given, or openpyxl is missing.
    """
    if args.format != "xlsx":
        return
    if args.output is None:
        msg = "--format xlsx writes a binary workbook: give --output FILE.xlsx"
        raise CommandError(msg)
    try:
        import openpyxl  # noqa: F401, PLC0415 - only to see that it is there
    except ImportError:  # pragma: no cover - exercised without openpyxl installed
        msg = "--format xlsx needs openpyxl: pip install 'dpup[xlsx]'"
        raise CommandError(msg) from None


def write_xlsx(
    reports: Sequence[Report],
    asked: Sequence[Sequence[Question]],
    subjects: Sequence[object],
    output: Path,
    baselines: Sequence[Baseline | None] | None = None,
) -> None:
    """Write the reports to ``output`` as one workbook, atomically.

    ``baselines`` (from ``--baseline``) adds the "since baseline" column and the sheet of
    absent findings.

    Raises:
        CommandError: the file cannot be written.
    """
    from dpup.render.xlsx import to_xlsx  # noqa: PLC0415 - loads openpyxl only when asked

    book = to_xlsx(reports, questions=asked, subjects=subjects, baselines=baselines)
    write_bytes(book, output)
