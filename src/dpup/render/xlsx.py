"""XLSX output: a workbook of findings, scores (with coverage) and the facts to record.

Privacy officers keep their registers in spreadsheets, so `to_xlsx` writes what the HTML
report shows as sheets a spreadsheet can sort and filter: a summary, one row per finding,
one row per score, the facts to record, and the obligations not yet due. It holds no input
values: paths, check ids, the record ids that paths point into (structure), dpup's own
messages and counts. A waiver is marked, its reason (input text) is not copied. Each finding's
row ends with its fingerprint; against a baseline (``dpup evaluate --baseline``) a column says
whether it is new, unchanged or updated since, and a sheet lists the baseline's findings this
run no longer has.

`workbook` is the small writer underneath, for any table of rows (the release records use it
too). Both need openpyxl, the optional ``xlsx`` extra (``pip install 'dpup[xlsx]'``); the
bytes are the same for the same input (fixed document dates and zip entry times).
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

import attrs

from dpup.baseline import Baseline
from dpup.findings import Report, Score, Status
from dpup.policy import Guideline, Principle
from dpup.questions import Question
from dpup.render._baseline_view import (
    BaselineMarks,
    absent_check,
    absent_subject,
    known_fingerprint,
    marks_for,
)
from dpup.render._common import basis_label
from dpup.render._view import (
    NOT_LEGAL_ADVICE,
    count,
    coverage_floor,
    evidence_label,
    law_refs,
    score_view,
    summarise,
)
from dpup.settings import Settings

__all__ = ["Cell", "Sheet", "to_xlsx", "workbook"]

Cell = str | int | float | bool | _dt.date | None
"""What a cell may hold."""

_FORMULA_START = ("=", "+", "-", "@")
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_MAX_WIDTH = 60


@attrs.frozen
class Sheet:
    """One worksheet: a title, a header row, and the rows under it.

    Attributes:
        title: the sheet's name (at most 31 characters, as spreadsheets allow).
        header: the column names.
        rows: the rows, each as long as ``header``.
        percent: the columns (by name) that hold a share from 0 to 1, shown as a percentage.
    """

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    percent: frozenset[str] = frozenset()


def _openpyxl() -> Any:
    try:
        import openpyxl  # noqa: PLC0415 - optional, imported only when asked for
    except ImportError as exc:  # pragma: no cover - exercised without openpyxl installed
        msg = "XLSX output needs openpyxl: pip install 'dpup[xlsx]'"
        raise ImportError(msg) from exc
    return openpyxl


def workbook(sheets: Sequence[Sheet], *, when: _dt.date | None = None) -> bytes:
    """Return an XLSX workbook of ``sheets`` as bytes.

    The header row is bold and frozen, with a filter over the columns. Text is always
    stored as text, never as a formula, whatever it begins with. The same sheets and
    ``when`` (the document's date; 1 January 2000 when not given) give the same bytes.

    Raises:
        ImportError: openpyxl (the ``xlsx`` extra) is not installed.
        ValueError: a row is not as long as its header.
    """
    openpyxl = _openpyxl()
    from openpyxl.styles import Font  # noqa: PLC0415 - optional
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - optional

    book = openpyxl.Workbook()
    book.remove(book.active)
    day = when or _dt.date(2000, 1, 1)
    stamp = _dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - a document date, UTC
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "dpup"
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title[:31])
        ws.append(list(sheet.header))
        for cell in ws[1]:
            cell.font = bold
            # A header can be input too (a table's column labels): text, never a formula.
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                cell.data_type = "s"
        widths = [len(h) for h in sheet.header]
        for r, row in enumerate(sheet.rows, start=2):
            if len(row) != len(sheet.header):
                msg = f"a row of sheet {sheet.title!r} has {len(row)} cells, not {len(widths)}"
                raise ValueError(msg)
            for c, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str) and value.startswith(_FORMULA_START):
                    cell.data_type = "s"  # text, never a formula
                if sheet.header[c - 1] in sheet.percent and isinstance(value, float):
                    cell.number_format = "0%"
                elif isinstance(value, _dt.date):
                    cell.number_format = "yyyy-mm-dd"
                widths[c - 1] = max(widths[c - 1], min(len(str(value or "")), _MAX_WIDTH))
        for c, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = width + 2
        ws.freeze_panes = "A2"
        if sheet.rows:
            ws.auto_filter.ref = ws.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_times(buffer.getvalue(), stamp.strftime("%Y-%m-%dT%H:%M:%SZ"))


_DOCUMENT_TIME = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _fixed_times(data: bytes, stamp: str) -> bytes:
    """Rewrite the zip so every entry carries one fixed time (the bytes then repeat).

    openpyxl stamps the document's modified time with the clock when it saves, whatever the
    properties say, so the document properties are given ``stamp`` here as well.
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _DOCUMENT_TIME.sub(rb"\g<1>" + stamp.encode() + rb"\g<2>", content)
            dst.writestr(fixed, content)
    return out.getvalue()


def _label(path: str, subject: object | None) -> str | None:
    return evidence_label(path, subject)


def _summary_rows(report: Report, floor: float) -> list[tuple[Cell, ...]]:
    s = summarise(report)
    view = score_view(report.overall, floor)
    return [
        (report.label, "evaluated as at", report.as_at),
        (report.label, "subject type", report.subject_type),
        (report.label, "dpup version", report.engine_version),
        (report.label, "catalogue", report.catalogue_version),
        (report.label, "not met on a legal basis", s.legal_count),
        (report.label, "not met on good practice or a standard", s.other_count),
        (report.label, "need review", len(report.needs_review())),
        (report.label, "not yet due", len(s.obligations)),
        (report.label, "overall score", view.text),
        (report.label, "coverage floor for scores", f"{floor * 100:.0f}%"),
        (report.label, "note", NOT_LEGAL_ADVICE),
    ]


def _finding_rows(
    report: Report, subject: object | None, marks: BaselineMarks | None, with_marks: bool
) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    for f in report.findings:
        cites = law_refs(f)
        if f.status is Status.NEEDS_REVIEW:
            step = "; ".join(f.settle_with)
        elif f.status is Status.NOT_YET_DUE:
            step = None
        else:
            step = f.remediation
        rows.append(
            (
                report.label,
                f.check_id,
                f.name,
                f.status.label,
                basis_label(f.basis),
                "; ".join(c.text for c in cites) or None,
                "yes" if any(not c.verified for c in cites) else None,
                f.severity.value,
                f.guideline.label,
                ", ".join(p.label for p in f.principles),
                f.subject,
                _label(f.subject, subject),
                f.message,
                ", ".join(f.evidence),
                step,
                None if f.reviewer is None else f.reviewer.label,
                f.due_on,
                f.working_days_left,
                "yes" if f.waiver is not None else "no",
                f.fingerprint,
                *([None if marks is None else marks.state(f).value] if with_marks else []),
            )
        )
    return rows


def _absent_rows(report: Report, marks: BaselineMarks | None) -> list[tuple[Cell, ...]]:
    return [
        (report.label, absent_check(e), e.status.label, absent_subject(e), known_fingerprint(e))
        for e in (() if marks is None else marks.absent)
    ]


_FINDINGS_HEADER = (
    "report",
    "check",
    "name",
    "status",
    "basis",
    "provisions",
    "unverified provision",
    "severity",
    "guideline",
    "principles",
    "subject",
    "subject is",
    "finding",
    "evidence",
    "next step",
    "reviewer",
    "due on",
    "working days left",
    "waived",
    "fingerprint",
)


def _score_row(label: str | None, kind: str, name: str, s: Score, floor: float) -> tuple[Cell, ...]:
    view = score_view(s, floor)
    return (
        label,
        kind,
        name,
        None if view.value is None else s.value,
        view.text,
        s.coverage,
        s.met,
        s.not_met,
        s.needs_review,
        s.not_yet_due,
        s.not_applicable,
    )


def _score_rows(report: Report, floor: float) -> list[tuple[Cell, ...]]:
    rows = [
        _score_row(report.label, "principle", p.label, report.principle_scores[p], floor)
        for p in Principle
    ]
    rows += [
        _score_row(report.label, "guideline", g.label, report.guideline_scores[g], floor)
        for g in Guideline
    ]
    rows.append(_score_row(report.label, "overall", "all checks", report.overall, floor))
    return rows


def _todo_rows(label: str | None, qs: Sequence[Question]) -> list[tuple[Cell, ...]]:
    return [
        (
            label,
            q.part,
            q.path,
            q.reviewer.label,
            q.settles,
            ", ".join(dict.fromkeys(c for c, _ in q.findings)),
        )
        for q in qs
    ]


def _due_rows(report: Report, subject: object | None) -> list[tuple[Cell, ...]]:
    return [
        (
            report.label,
            f.due_on,
            f.working_days_left,
            f.check_id,
            f.name,
            f.subject,
            _label(f.subject, subject),
            f.message,
            "yes" if f.waiver is not None else "no",
        )
        for f in report.open_obligations(include_waived=True)
    ]


def to_xlsx(
    reports: Report | Sequence[Report],
    *,
    questions: Sequence[Sequence[Question] | None] | None = None,
    subjects: Sequence[object | None] | None = None,
    settings: Settings | None = None,
    baselines: Sequence[Baseline | None] | None = None,
) -> bytes:
    """Return one or more reports as an XLSX workbook.

    Sheets: *Summary* (counts, the overall score and the "not legal advice" note),
    *Findings* (one row per finding), *Scores* (each principle, guideline and overall, the
    value left empty below the coverage floor, with the coverage beside it), *To do* (the
    facts to record, most settling first) and *Not yet due* (by due date). Each row starts
    with the report's label, so several reports share one workbook.

    Args:
        reports: a report, or several.
        questions: for each report, its facts to record (``report.questions(subject)``),
            or ``None``; the *To do* sheet is empty without them.
        subjects: for each report, the activity it evaluated, or ``None``; when given,
            each subject path is followed by the id of the record it points into.
        settings: where the coverage floor comes from (`Settings.score_coverage_floor`).
        baselines: for each report, an earlier run or ``None``. When any is given, the
            *Findings* sheet gains a column "since baseline" (new, unchanged or updated;
            empty for a report without one) and a sheet *Absent since baseline* lists the
            earlier findings each report no longer has.

    Raises:
        ImportError: openpyxl (the ``xlsx`` extra) is not installed.
        ValueError: ``questions``, ``subjects`` or ``baselines`` is not one per report.
    """
    many = (reports,) if isinstance(reports, Report) else tuple(reports)
    asked = tuple(questions) if questions is not None else (None,) * len(many)
    seen = tuple(subjects) if subjects is not None else (None,) * len(many)
    if len(asked) != len(many) or len(seen) != len(many):
        msg = f"give questions and subjects for each of the {count(len(many), 'report')}"
        raise ValueError(msg)
    floor = coverage_floor(settings)
    all_marks = marks_for(many, baselines)
    with_marks = baselines is not None and any(b is not None for b in baselines)
    summary, findings, scores, todo, due, absent = [], [], [], [], [], []
    for report, qs, subject, marks in zip(many, asked, seen, all_marks, strict=True):
        summary += _summary_rows(report, floor)
        findings += _finding_rows(report, subject, marks, with_marks)
        absent += _absent_rows(report, marks)
        scores += _score_rows(report, floor)
        todo += _todo_rows(report.label, qs or ())
        due += _due_rows(report, subject)
    sheets: tuple[Sheet, ...] = (
        Sheet("Summary", ("report", "item", "value"), tuple(summary)),
        Sheet(
            "Findings",
            _FINDINGS_HEADER + (("since baseline",) if with_marks else ()),
            tuple(findings),
        ),
        Sheet(
            "Scores",
            (
                "report",
                "area",
                "name",
                "score",
                "shown as",
                "coverage",
                "met",
                "not met",
                "needs review",
                "not yet due",
                "n/a",
            ),
            tuple(scores),
            percent=frozenset({"coverage"}),
        ),
        Sheet(
            "To do",
            ("report", "part", "fact to record", "who can answer", "settles", "checks"),
            tuple(todo),
        ),
        Sheet(
            "Not yet due",
            (
                "report",
                "due on",
                "working days left",
                "check",
                "name",
                "subject",
                "subject is",
                "finding",
                "waived",
            ),
            tuple(due),
        ),
    )
    if with_marks:
        header = ("report", "check", "status then", "subject then", "fingerprint")
        sheets += (Sheet("Absent since baseline", header, tuple(absent)),)
    return workbook(sheets, when=max((r.as_at for r in many), default=None))
