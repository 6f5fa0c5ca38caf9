"""A release record as workbooks: the protected tables, and the checker's summary.

`release_workbooks` turns a `dpup.disclosure_control.ReleaseRecord` into two XLSX files to
write beside its JSON (`dpup.disclosure_control.write_release` takes them as ``extra`` and
checksums them too): ``tables.xlsx``, one sheet per table as the recipient receives it (a
cross table as one row per published position), and
``checker-summary.xlsx``, whose first sheet says it is not for release. They hold the same
facts as ``tables.json`` and ``checker-summary.json``. openpyxl (the ``xlsx`` extra) is needed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Final, cast

from dpup.disclosure_control import NOT_FOR_RELEASE, CrossTable, ReleaseRecord
from dpup.render.xlsx import Cell, Sheet, workbook

__all__ = ["SUMMARY_XLSX", "TABLES_XLSX", "release_workbooks"]

TABLES_XLSX: Final = "tables.xlsx"
"""The workbook of protected tables, for the recipient."""
SUMMARY_XLSX: Final = "checker-summary.xlsx"
"""The workbook of the checker's summary: not for release."""

_WITHHELD: Final = "suppressed"


def _shown(value: object) -> Cell:
    return _WITHHELD if value is None else cast("Cell", value)


def _table_sheet(index: int, table: dict[str, object]) -> Sheet:
    columns = cast("list[str]", table["column_labels"])
    rows = cast("list[str]", table["row_labels"])
    published = cast("list[list[int | None]]", table["published"])
    row_totals = cast("list[int | None] | None", table["row_totals"])
    column_totals = cast("list[int | None] | None", table["column_totals"])
    corner = cast("str | None", table["row_variable"]) or ""
    header = (corner or "(rows)", *columns, *(("Total",) if row_totals is not None else ()))
    body: list[tuple[Cell, ...]] = []
    for r, label in enumerate(rows):
        total: tuple[Cell, ...] = () if row_totals is None else (_shown(row_totals[r]),)
        body.append((label, *(_shown(v) for v in published[r]), *total))
    if column_totals is not None or table["grand_total"] is not None:
        line = column_totals or [None] * len(columns)
        grand: tuple[Cell, ...] = () if row_totals is None else (_shown(table["grand_total"]),)
        body.append(("Total", *(_shown(v) for v in line), *grand))
    return Sheet(f"Table {index + 1}", tuple(header), tuple(body))


def _cross_sheet(index: int, table: CrossTable) -> Sheet:
    """A cross table as the recipient receives it: one row per published position."""
    axes = [(*dim.axis, "Total") for dim in table.dimensions]
    rows = tuple(
        (*labels, _shown(value))
        for labels, value, planned in zip(
            itertools.product(*axes), table.published_values(), table.planned(), strict=True
        )
        if planned
    )
    header = (*(dim.name for dim in table.dimensions), "value")
    return Sheet(f"Cross table {index + 1}", header, rows)


def _which(item: dict[str, object]) -> str:
    if "cross_table" in item:
        return f"cross table {item['cross_table']}"
    return f"table {item['table']}"


def _place(item: dict[str, object]) -> str:
    where = [_which(item)]
    if item.get("held_by_recipient"):
        where.append("(already held)")
    where.append(str(item["kind"]))
    where.extend(
        f"{key} {item[key]}" for key in ("row", "column", "indices") if item.get(key) is not None
    )
    return " ".join(where)


def _rows(items: object, keys: Sequence[str]) -> tuple[tuple[Cell, ...], ...]:
    def cell(value: object) -> Cell:
        # A cross table's indices (a list) are written as one text cell.
        return ", ".join(map(str, value)) if isinstance(value, list) else cast("Cell", value)

    return tuple(
        tuple(cell(item.get(key)) for key in keys)
        for item in cast("list[dict[str, object]]", items)
    )


def _summary_sheets(summary: dict[str, object]) -> list[Sheet]:
    rules = cast("dict[str, object]", summary["rules"])
    facts: list[tuple[Cell, ...]] = [
        ("notice", NOT_FOR_RELEASE),
        ("release", cast("Cell", summary["release"])),
        ("rounding done", cast("Cell", summary["rounding"])),
    ]
    facts += [
        (f"rules: {key}", ", ".join(map(str, value)) if isinstance(value, list) else value)
        for key, value in cast("dict[str, Cell | list[str]]", rules).items()
    ]
    differencing = tuple(
        (
            cast("Cell", item["rule"]),
            cast("Cell", item["message"]),
            None
            if item["withheld"] is None
            else _place(cast("dict[str, object]", item["withheld"])),
            "; ".join(_place(f) for f in cast("list[dict[str, object]]", item["figures"])),
        )
        for item in cast("list[dict[str, object]]", summary["differencing"])
    )
    reviews = tuple(
        (
            cast("Cell", item["reason"]),
            cast("Cell", item["message"]),
            "; ".join(
                f"{_which(f)}{' (already held)' if f['held_by_recipient'] else ''} {f['field']}"
                for f in cast("list[dict[str, object]]", item["fields"])
            ),
        )
        for item in cast("list[dict[str, object]]", summary["differencing_reviews"])
    )
    suppression_keys: tuple[str, ...] = (
        "table",
        "kind",
        "row",
        "column",
        "reason",
        "withheld_true_count_not_for_release",
    )
    audit_keys: tuple[str, ...] = ("table", "rule", "kind", "row", "column")
    listed = [
        item
        for key in ("audit", "suppressions")
        for item in cast("list[dict[str, object]]", summary[key])
    ]
    if any("cross_table" in item for item in listed):
        # Cross tables' positions: which cross table, and an index along each dimension.
        suppression_keys += ("cross_table", "indices")
        audit_keys += ("cross_table", "indices")
    exception_keys = ("table", "row", "column", "reason", "approved_by", "applied_by_dpup")
    return [
        Sheet("NOT FOR RELEASE", ("item", "value"), tuple(facts)),
        Sheet("Suppressions", suppression_keys, _rows(summary["suppressions"], suppression_keys)),
        Sheet("Audit", audit_keys, _rows(summary["audit"], audit_keys)),
        Sheet("Differencing", ("rule", "message", "withheld", "figures"), differencing),
        Sheet("Differencing reviews", ("reason", "message", "fields"), reviews),
        Sheet(
            "Exceptions requested",
            exception_keys,
            _rows(summary["exceptions_requested"], exception_keys),
        ),
    ]


def release_workbooks(record: ReleaseRecord) -> dict[str, bytes]:
    """Give the record's two workbooks by file name.

    Args:
        record: the release record (from `dpup.disclosure_control.release_record`).

    Returns:
        ``tables.xlsx`` and ``checker-summary.xlsx`` as bytes; the same record gives the same
        bytes.

    Raises:
        ImportError: openpyxl (the ``xlsx`` extra) is not installed.
    """
    tables = [_table_sheet(i, table) for i, table in enumerate(record.public_tables())]
    tables += [_cross_sheet(i, table) for i, table in enumerate(record.cross_tables)]
    return {
        TABLES_XLSX: workbook(tables),
        SUMMARY_XLSX: workbook(_summary_sheets(record.summary())),
    }
