"""A release record: the protected tables, a checker's summary and checksums, written at once.

`release_record` protects the tables of one release (suppression, then rounding keyed on a
secret, or seeded for tests only), audits them alone and together (`audit`,
`audit_release`) and gathers what a checker signs off: the rules applied, every suppression
with its reason, the differencing findings, and the exceptions asked for with their reason
and approver. `write_release` writes it to a new folder in one step: the tables for the
recipient (``tables.json``), the summary marked not for release (``checker-summary.json``)
and ``SHA256SUMS`` (the format ``sha256sum --check`` reads) covering both.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from random import Random
from typing import Final

import attrs

from dpup.disclosure_control._audit import audit
from dpup.disclosure_control._exception import ReleaseException
from dpup.disclosure_control._keyed import KeyedRounding
from dpup.disclosure_control._ngrid import CrossLocation, CrossSuppression, CrossViolation
from dpup.disclosure_control._nprotect import audit_cross, round_cross_table, suppress_cross
from dpup.disclosure_control._nrelease import audit_release
from dpup.disclosure_control._ntable import CrossTable
from dpup.disclosure_control._protect import round_table, suppress
from dpup.disclosure_control._recorded import ChoiceReason, RecordedRules, RuleChoice
from dpup.disclosure_control._release import FigureRef, ReleaseAudit
from dpup.disclosure_control._results import Location, Suppression, Violation
from dpup.disclosure_control._rules import ConfidentialityRules, RoundingMethod
from dpup.disclosure_control._table import Table
from dpup.errors import InputError, Problem

TABLES_FILE: Final = "tables.json"
"""The file of protected tables, for the recipient."""
SUMMARY_FILE: Final = "checker-summary.json"
"""The checker's summary: not for release."""
CHECKSUMS_FILE: Final = "SHA256SUMS"
"""SHA-256 checksums of the other files, one ``<hex>  <name>`` line each."""

NOT_FOR_RELEASE: Final = (
    "NOT FOR RELEASE: this summary is for the person checking the release. It names every "
    "withheld value and holds the true counts withheld; send the recipient only the tables "
    "(tables.json, or tables.xlsx where written)."
)


@attrs.frozen(kw_only=True)
class ReleaseRecord:
    """A protected release with what its checker needs; `write_release` writes it.

    Attributes:
        name: what the release is called (an insight id); it names nothing personal.
        rules: the rules applied: the standard, made stricter where the release's own
            recorded rules are stricter (never weaker).
        rounding: how the tables were rounded, in words (the keyed rounding's fingerprint,
            or the seed of a test-only rounding, or that nothing was rounded).
        tables: the protected tables, with their raw counts (kept for the summary only).
        suppressions: for each table, every value withheld and why.
        violations: for each protected table, what `audit` still finds (normally nothing).
        audit: what `audit_release` finds across these tables and the earlier ones.
        earlier: how many tables the recipient already held (they follow ``tables`` and
            ``cross_tables`` in the indices of ``audit``).
        exceptions: the exceptions asked for.
        cross_tables: the protected cross tables, with their raw counts (they follow
            ``tables`` in the indices of ``audit``).
        cross_suppressions: for each cross table, every value withheld and why.
        cross_violations: for each protected cross table, what `audit_cross` still finds.
        choices: for rounding and the suppression threshold, what the standard asks, what
            the release recorded, what was applied and why (`RecordedRules.choices`).
    """

    name: str
    rules: ConfidentialityRules
    rounding: str
    tables: tuple[Table, ...]
    suppressions: tuple[tuple[Suppression, ...], ...]
    violations: tuple[tuple[Violation, ...], ...]
    audit: ReleaseAudit
    earlier: int
    exceptions: tuple[ReleaseException, ...]
    cross_tables: tuple[CrossTable, ...] = ()
    cross_suppressions: tuple[tuple[CrossSuppression, ...], ...] = ()
    cross_violations: tuple[tuple[CrossViolation, ...], ...] = ()
    choices: tuple[RuleChoice, ...] = ()

    def public_tables(self) -> list[dict[str, object]]:
        """Give what the recipient receives of each table, as JSON-ready data (no raw counts)."""
        return [_public(table) for table in self.tables]

    def summary(self) -> dict[str, object]:
        """Give the checker's summary, not for release, as JSON-ready data."""
        return _summary(self)

    def files(self, extra: Mapping[str, bytes] | None = None) -> dict[str, bytes]:
        """Give each file of the record by name, checksums last.

        Args:
            extra: more files to write and checksum (say, the same tables as a workbook), by
                name; a name may not be one of the record's own.

        Returns:
            ``tables.json`` and ``checker-summary.json`` (UTF-8 JSON), the extra files, and
            ``SHA256SUMS`` covering all of them.

        Raises:
            ValueError: an extra file's name is one of the record's own, or not a plain name.
        """
        public: dict[str, object] = {"release": self.name, "tables": self.public_tables()}
        if self.cross_tables:
            public["cross_tables"] = [_public_cross(table) for table in self.cross_tables]
        files = {
            TABLES_FILE: _dump(public),
            SUMMARY_FILE: _dump(self.summary()),
        }
        for name, data in (extra or {}).items():
            if name in files or name == CHECKSUMS_FILE or not _plain_name(name):
                msg = "an extra file needs a plain name of its own"
                raise ValueError(msg)
            files[name] = data
        sums = "".join(
            f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in files.items()
        )
        return {**files, CHECKSUMS_FILE: sums.encode("ascii")}


def _plain_name(name: str) -> bool:
    return bool(name) and name not in (".", "..") and "/" not in name and "\\" not in name


def _dump(data: object) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _public(table: Table) -> dict[str, object]:
    """What the recipient receives of a table: labels and published values, never raw counts."""
    return {
        "key": table.key,
        "population": table.population,
        "row_variable": table.row_variable,
        "column_variable": table.column_variable,
        "row_labels": list(table.row_labels),
        "column_labels": list(table.column_labels),
        "published": [list(row) for row in table.published],
        "row_totals": None if table.row_totals is None else list(table.row_totals),
        "column_totals": None if table.column_totals is None else list(table.column_totals),
        "grand_total": table.grand_total,
    }


def _public_cross(table: CrossTable) -> dict[str, object]:
    """What the recipient receives of a cross table: no raw counts."""
    return {
        "key": table.key,
        "population": table.population,
        "dimensions": [
            {
                "name": dim.name,
                "variable": dim.variable,
                "categories": list(dim.categories),
                "groups": [
                    {"label": group.label, "children": list(group.children)} for group in dim.groups
                ],
            }
            for dim in table.dimensions
        ],
        "margins": [list(margin) for margin in table.margins],
        "published": table.published_values(),
    }


def _location(location: Location | CrossLocation) -> dict[str, object]:
    if isinstance(location, CrossLocation):
        return {
            "kind": "cell" if location.is_cell else "subtotal",
            "indices": list(location.indices),
            "at_total": list(location.totals),
        }
    return {
        "kind": location.kind.value,
        "row": location.row_label,
        "column": location.column_label,
    }


def _raw_at(table: Table, location: Location) -> int:
    row, column = location.row, location.column
    if row is not None and column is not None:
        return table.raw[row][column]
    if row is not None:
        return table.raw_row_totals[row]
    if column is not None:
        return table.raw_column_totals[column]
    return table.raw_grand_total


def _which(table: int, record: ReleaseRecord) -> dict[str, object]:
    """Name a table of the audit: a table, a cross table, or one the recipient already held."""
    own = len(record.tables) + len(record.cross_tables)
    if table >= own:
        return {"table": table - own, "held_by_recipient": True}
    if table >= len(record.tables):
        return {"cross_table": table - len(record.tables), "held_by_recipient": False}
    return {"table": table, "held_by_recipient": False}


def _figure(ref: FigureRef, record: ReleaseRecord) -> dict[str, object]:
    return {**_which(ref.table, record), **_location(ref.location)}


def _cross_suppressions(record: ReleaseRecord) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for index, (table, items) in enumerate(
        zip(record.cross_tables, record.cross_suppressions, strict=True)
    ):
        raw = table.raw_values() if items else []
        found.extend(
            {
                "cross_table": index,
                "reason": item.reason.value,
                **_location(item.location),
                "withheld_true_count_not_for_release": raw[item.location.position],
            }
            for item in items
        )
    return found


_WHY: Final[dict[ChoiceReason, str]] = {
    ChoiceReason.NOT_RECORDED: "the release records no value of its own: the standard's applies",
    ChoiceReason.SAME: "the release records the standard's own value",
    ChoiceReason.STRICTER: "the release records a stricter value than the standard's: it applies",
    ChoiceReason.WEAKER: (
        "the release records a weaker value than the standard's: the standard's applies, "
        "and the tables are audited against it"
    ),
}


def _plain(value: RoundingMethod | int) -> str | int:
    return value.value if isinstance(value, RoundingMethod) else value


def _summary(record: ReleaseRecord) -> dict[str, object]:
    rules = record.rules
    return {
        "notice": NOT_FOR_RELEASE,
        "release": record.name,
        "rules": {
            "source": rules.source,
            "url": rules.url,
            "rounding": rules.rounding.value,
            "suppression_threshold": rules.suppression_threshold,
            "zero_exempt": rules.zero_exempt,
            "secondary_suppression": rules.secondary_suppression,
            "group_disclosure": rules.group_disclosure.value,
            "unverified": list(rules.unverified),
        },
        "rules_chosen": [
            {
                "field": item.field,
                "standard": _plain(item.standard),
                "recorded": None if item.recorded is None else _plain(item.recorded),
                "applied": _plain(item.applied),
                "reason": item.reason.value,
                "why": _WHY[item.reason],
            }
            for item in record.choices
        ],
        "rounding": record.rounding,
        "suppressions": [
            {
                "table": index,
                "reason": item.reason.value,
                **_location(item.location),
                "withheld_true_count_not_for_release": _raw_at(table, item.location),
            }
            for index, (table, items) in enumerate(
                zip(record.tables, record.suppressions, strict=True)
            )
            for item in items
        ]
        + _cross_suppressions(record),
        "audit": [
            {"table": index, "rule": item.rule.value, **_location(item.location)}
            for index, items in enumerate(record.violations)
            for item in items
        ]
        + [
            {"cross_table": index, "rule": item.rule.value, **_location(item.location)}
            for index, items in enumerate(record.cross_violations)
            for item in items
        ],
        "differencing": [
            {
                "rule": item.rule.value,
                "message": item.message,
                "withheld": None if item.withheld is None else _figure(item.withheld, record),
                "figures": [_figure(ref, record) for ref in item.figures],
            }
            for item in record.audit.violations
        ],
        "differencing_reviews": [
            {
                "reason": item.reason.value,
                "message": item.message,
                "fields": [{**_which(t, record), "field": name} for t, name in item.fields],
            }
            for item in record.audit.reviews
        ],
        "exceptions_requested": [
            {
                "table": item.table,
                "row": item.row,
                "column": item.column,
                "reason": item.reason,
                "approved_by": item.approved_by,
                "applied_by_dpup": False,
            }
            for item in record.exceptions
        ],
    }


def _exception_problems(
    tables: Sequence[Table], exceptions: Sequence[ReleaseException]
) -> list[Problem]:
    problems: list[Problem] = []
    for i, item in enumerate(exceptions):
        path = f"$.release_exceptions[{i}]"
        if item.table >= len(tables):
            problems.append(Problem("expected the index of one of the tables", f"{path}.table"))
            continue
        table = tables[item.table]
        if item.row is not None and item.row not in table.row_labels:
            problems.append(Problem("expected a row label of the table", f"{path}.row"))
        if item.column is not None and item.column not in table.column_labels:
            problems.append(Problem("expected a column label of the table", f"{path}.column"))
    return problems


def release_record(
    name: str,
    tables: Sequence[Table],
    rules: ConfidentialityRules,
    *,
    rounding: KeyedRounding | int | None,
    exceptions: Sequence[ReleaseException] = (),
    earlier: Sequence[Table | CrossTable] = (),
    cross_tables: Sequence[CrossTable] = (),
    recorded: RecordedRules | None = None,
) -> ReleaseRecord:
    """Protect a release's tables and gather what its checker needs to sign it off.

    Each table is suppressed (`suppress`, which reads the totals to publish from the table)
    and then rounded with the rules' method. Rounding is keyed when `rounding` is a
    `KeyedRounding` (each table's identity is its `Table.key`, or ``"<name>/<index>"`` when it
    has none), so a repeat release rounds exactly as before. Cross tables are protected the
    same way (`suppress_cross`, then `KeyedRounding.round_cross_table` keyed on
    `CrossTable.key` or ``"<name>/cross/<index>"``, or the seeded `round_cross_table`), and
    audited alone (`audit_cross`) and with the rest. An integer seeds
    `random.Random` instead; that is for tests and demonstrations, and the record says so.
    Nothing is ever rounded at random without one or the other.

    Args:
        name: what the release is called (an insight id).
        tables: the tables to protect, with their raw counts.
        rules: the confidentiality standard the release must meet.
        rounding: a `KeyedRounding`, or an int seed (tests only); None only when the rules do
            not round.
        exceptions: exceptions asked for; they are listed, never applied.
        earlier: tables the recipient already holds, as they were published, for
            `audit_release`.
        cross_tables: cross tables to protect and release with the tables.
        recorded: the release's own rules (an insight's ``rounding`` and
            ``suppression_threshold``). They apply only where they are stricter than
            `rules` (`RecordedRules.applied_to`); a weaker one is listed in the summary and
            not applied, and every audit runs against the rules applied.

    Returns:
        The record; `ReleaseRecord.files` gives its files, `write_release` writes them.

    Raises:
        InputError: listing every problem (no key or seed while the rules round, an exception
            naming a table or label that does not exist).
    """
    problems = _exception_problems(tables, exceptions)
    given: object = recorded  # annotations are not enforced at run time
    asked = given if isinstance(given, RecordedRules) else RecordedRules()
    if given is not None and not isinstance(given, RecordedRules):
        problems.append(Problem("expected RecordedRules or None", "$.recorded"))
    choices = asked.choices(rules)
    rules = asked.applied_to(rules)
    rounds = rules.rounding is not RoundingMethod.NONE
    if rounding is None and rounds:
        problems.append(
            Problem(
                "expected a key (KeyedRounding) or an explicit seed to round with", "$.rounding"
            )
        )
    if isinstance(rounding, bool) or not isinstance(rounding, KeyedRounding | int | None):
        problems.append(Problem("expected a KeyedRounding, an int seed or None", "$.rounding"))
    if problems:
        raise InputError(problems)
    results = [suppress(table, rules) for table in tables]
    cross = [suppress_cross(table, rules) for table in cross_tables]
    protected_cross = [result.published for result in cross]
    if not rounds:
        protected = [result.published for result in results]
        how = "none: the rules do not round"
    elif isinstance(rounding, KeyedRounding):
        protected = [
            rounding.round_table(
                result.published, rules.rounding, table_key=table.key or f"{name}/{index}"
            )
            for index, (table, result) in enumerate(zip(tables, results, strict=True))
        ]
        protected_cross = [
            rounding.round_cross_table(
                result.published, rules.rounding, table_key=table.key or f"{name}/cross/{index}"
            )
            for index, (table, result) in enumerate(zip(cross_tables, cross, strict=True))
        ]
        how = f"keyed: key fingerprint {rounding.fingerprint}"
    else:
        rng = Random(rounding)  # noqa: S311 - seeded on purpose, for tests only
        protected = [round_table(result.published, rules.rounding, rng) for result in results]
        protected_cross = [
            round_cross_table(result.published, rules.rounding, rng) for result in cross
        ]
        how = f"seeded with {rounding}: for tests only, not for a real release"
    return ReleaseRecord(
        name=name,
        rules=rules,
        rounding=how,
        tables=tuple(protected),
        suppressions=tuple(result.suppressions for result in results),
        violations=tuple(audit(table, rules) for table in protected),
        audit=audit_release((*protected, *protected_cross, *earlier), rules),
        earlier=len(earlier),
        exceptions=tuple(exceptions),
        cross_tables=tuple(protected_cross),
        cross_suppressions=tuple(result.suppressions for result in cross),
        cross_violations=tuple(audit_cross(table, rules) for table in protected_cross),
        choices=choices,
    )


def write_release(
    directory: str | os.PathLike[str],
    record: ReleaseRecord,
    *,
    extra: Mapping[str, bytes] | None = None,
) -> tuple[Path, ...]:
    """Write a release record into a new (or empty) folder, all at once.

    The files are written and synced in a temporary folder beside `directory`, which is then
    renamed into place, so a failure leaves nothing behind and a reader never sees half a
    record.

    Args:
        directory: the folder to create; it may exist only if it is empty.
        record: what to write (from `release_record`).
        extra: more files to write beside it, covered by the checksums (see
            `ReleaseRecord.files`).

    Returns:
        The paths written, checksums last.

    Raises:
        FileExistsError: `directory` exists and is not an empty folder.
        OSError: the folder cannot be written (its parent is missing, say).
        ValueError: an extra file's name is not a plain name of its own.
    """
    target = Path(directory)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(17, "the output exists and is not an empty folder", str(target))
    files = record.files(extra)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        mask = os.umask(0o022)
        os.umask(mask)
        scratch.chmod(0o777 & ~mask)
        for name, data in files.items():
            fd = os.open(scratch / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            finally:
                os.close(fd)
        os.replace(scratch, target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(scratch)
        raise
    return tuple(target / name for name in files)
