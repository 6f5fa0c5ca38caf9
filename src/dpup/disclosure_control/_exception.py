"""A request to release a value the rules would withhold (`ReleaseException`).

Kept apart from the release record's writer (`_record`), so that the model, which records such
requests on an insight, can import it without the file-writing machinery.
"""

from __future__ import annotations

import attrs

from dpup.errors import InputError, Problem

__all__ = ["ReleaseException"]


def _optional_text(value: object) -> bool:
    return value is None or (isinstance(value, str) and bool(value.strip()))


@attrs.frozen(kw_only=True)
class ReleaseException:
    """A request to release a value the rules would withhold, with its reason and approver.

    dpup never publishes such a value itself: the protected tables keep it withheld, and the
    release record lists the request so that the person who approved it, or a checker,
    can act on it knowingly.

    Attributes:
        table: the index of the table in the insight's ``tables``.
        row: the row label of the value, or None for a column total or the grand total.
        column: the column label, or None for a row total or the grand total.
        reason: why the exception is asked for.
        approved_by: who approved it (a role or name), or None while it is not approved.

    Raises:
        InputError: listing every problem (a negative or non-integer table index, a blank
            reason, a blank approver or label).
    """

    table: int
    row: str | None = None
    column: str | None = None
    reason: str
    approved_by: str | None = None

    def __attrs_post_init__(self) -> None:
        given: dict[str, object] = attrs.asdict(self, recurse=False)
        problems: list[Problem] = []
        table = given["table"]
        if not isinstance(table, int) or isinstance(table, bool) or table < 0:
            problems.append(Problem("expected the index of a table (0 or more)", "$.table"))
        problems.extend(
            Problem("expected a non-blank string or None", f"$.{name}")
            for name in ("row", "column", "approved_by")
            if not _optional_text(given[name])
        )
        reason = given["reason"]
        if not isinstance(reason, str) or not reason.strip():
            problems.append(Problem("expected a non-blank reason", "$.reason"))
        if problems:
            raise InputError(problems)
