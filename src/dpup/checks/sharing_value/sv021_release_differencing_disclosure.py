"""SV021 release-differencing-disclosure: a Sharing Value check.

No small count can be worked out by subtracting one table of a release from another.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv021_release_differencing_disclosure.py``.
"""

from __future__ import annotations

from typing import cast

from dpup.checkdef import (
    KT,
    MH,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_met,
    unrecorded,
)
from dpup.checkdef import not_applicable as n_a
from dpup.checks.sharing_value._helpers import STAT, _cross_path, location_path, withheld_path
from dpup.disclosure_control import (
    CrossLocation,
    CrossTable,
    FigureRef,
    ReleaseRule,
    ReviewReason,
    Table,
    audit_release,
)
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import Insight, release_of

__all__ = ["release_differencing_disclosure"]


_NO_TABLES = n_a("The insight publishes no tables of counts.", "tables")
_SINGLE = n_a(
    "The insight's release holds a single table, so nothing can be subtracted across tables.",
    "tables",
)


_FOUND = {
    ReleaseRule.SMALL_DIFFERENCE: (
        "Subtracting a figure of one table of the release from a figure of another gives away "
        "a small count."
    ),
    ReleaseRule.WITHHELD_RESTORED: (
        "A value withheld in one table of the release can be worked out with a figure another "
        "table publishes."
    ),
}


def _release_only(insight: Insight, _ctx: EvaluationContext) -> Outcome | None:
    """The gate: a field test or two, so an insight with one table and no recipient is free."""
    count = len(insight.tables or ()) + len(insight.cross_tables or ())
    if not count:
        return _NO_TABLES
    if count < 2 and insight.recipient is None:
        return _SINGLE
    return None


def _position(insights: tuple[Insight, ...], insight: Insight) -> int | None:
    for index, other in enumerate(insights):
        if other is insight:
            return index
    return None


@check(
    id="SV021",
    name="release-differencing-disclosure",
    principles=(KT, MH),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.HIGH,
    subject=Insight,
    remediation=(
        "Send one recipient tables that use the same groupings, or withhold the figures whose "
        "difference is small; where a companion table publishes a total that a suppressed "
        "table withheld, suppress both together (dpup.disclosure_control.audit_release finds "
        "the pairs)."
    ),
    tags=("confidentiality", "tables", "release"),
    applies=_release_only,
)
def release_differencing_disclosure(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """No small count can be worked out by subtracting one table of a release from another.

    What it checks:
        The release is the insight's ``tables`` and ``cross_tables`` plus those of other
        insights with the same
        ``recipient`` released on or before its ``release_on`` (``dpup.model.release_of``).
        ``dpup.disclosure_control.audit_release`` compares the tables over the same
        ``population``: a published figure minus another published figure it contains,
        from a different table, must not leave a small count under
        ``Settings.confidentiality`` (clients aged 0-12 less clients aged 0-11 leaves those
        aged 12), and a value one table withholds must not be recoverable once another
        table's figure for the same people is put in its place. Which people a label
        covers comes from ``row_bands``/``column_bands`` (a cross table's
        ``dimensions[d].bands``, a group covering what its children cover), or from
        identical labels. A table
        without a ``population``, or with an unnamed variable, or tables sharing a variable
        with different labels and no bands, need review. A release of one table is not
        applicable. NOT_MET rests on the insight's own tables, or on tables of insights whose
        release is recorded as on or before its own; where the finding needs another
        insight's tables and either release date is unrecorded, so that which was released
        first is not known, the finding is NEEDS_REVIEW naming the missing ``release_on``.
    Why it matters:
        Each table can pass every small-cell rule and the release still give a person away:
        a funder sent clients by age 0-12 and 13-17, and again by 0-11 and 12-17, reads 25
        and 24 girls and knows there is one girl aged 12. Sharing insights back is only
        safe when what the recipient holds, taken together, identifies nobody.
    How to meet it:
        Record each table's ``population``, ``row_variable``, ``column_variable`` and bands,
        and the ``recipient`` of each insight; use the same groupings for tables sent to one
        recipient, and suppress companion tables together.
    References:
        DPUP Sharing Value (is there any risk someone could be identified?) and the
        Mahitahitanga principle (guard against re-identification). Statistical disclosure
        control practice calls this differencing; ACRO (AI-SDC) leaves it to manual review.
        Good practice, not law.
    """
    activity = ctx.activity
    insights = activity.insights if activity is not None else (insight,)
    index = _position(insights, insight)
    if index is None:
        insights, index = (insight,), 0
    members: list[tuple[int, str, int]] = [(i, "tables", t) for i, t in release_of(insights, index)]
    members += [(i, "cross_tables", t) for i, t in release_of(insights, index, cross=True)]
    if len(members) < 2:
        return _SINGLE
    tables: list[Table | CrossTable] = [
        (insights[i].tables or ())[t] if field == "tables" else (insights[i].cross_tables or ())[t]
        for i, field, t in members
    ]
    found = audit_release(tables, ctx.settings.confidentiality)

    def path(ref: FigureRef, *, withheld: bool) -> str:
        owner, _, position = members[ref.table]
        location, table = ref.location, tables[ref.table]
        if isinstance(location, CrossLocation):
            # audit_release names a CrossLocation only in a cross table.
            relative = _cross_path(position, cast("CrossTable", table), location, withheld=withheld)
        else:
            relative = (withheld_path if withheld else location_path)(position, location)
        return relative if owner == index else f"$.insights[{owner}].{relative}"

    def own(refs: list[FigureRef]) -> bool:
        return any(members[ref.table][0] == index for ref in refs)

    paths: list[str] = []
    dates: list[str] = []
    rules: set[ReleaseRule] = set()
    for violation in found.violations:
        refs = list(violation.figures)
        if violation.withheld is not None:
            refs.append(violation.withheld)
        if not own(refs):
            continue
        undated = _undated(insights, index, {members[ref.table][0] for ref in refs})
        if undated:
            dates.extend(undated)
            continue
        rules.add(violation.rule)
        if violation.withheld is not None:
            paths.append(path(violation.withheld, withheld=True))
        paths.extend(path(ref, withheld=False) for ref in violation.figures)
    if paths:
        return not_met(
            " ".join(_FOUND[rule] for rule in ReleaseRule if rule in rules), *dict.fromkeys(paths)
        )
    if dates:
        return unrecorded(
            "whether, when this insight is released, the recipient already holds the tables of "
            "another insight that give a small count away with this insight's (the order of "
            "their releases)",
            *sorted(set(dates), key=dates.index),
            reviewer=STAT,
            settle_with=(
                "record the release_on date of each insight sent to the recipient; once the "
                "order is recorded, the later release is the one that gives the count away",
            ),
        )
    missing: list[str] = []
    mixed: list[str] = []
    for review in found.reviews:
        kind = mixed if review.reason is ReviewReason.BANDS_MIXED else missing
        kind.extend(_prefix(members, index, table) + name for table, name in review.fields)
    if missing:
        return unrecorded(
            "which people each table of the release counts (population, variables, bands)",
            *dict.fromkeys(missing),
            reviewer=STAT,
            settle_with=(
                "record each table's population, the variables its rows and columns classify "
                "people by and what each label covers (row_bands, column_bands; a cross "
                "table's dimensions[d].variable and dimensions[d].bands)",
            ),
        )
    if mixed:
        return needs_review(
            "Tables of the release define a shared variable in different ways (ranges in one, "
            "sets of values in another), so whether their groupings overlap needs manual review.",
            *dict.fromkeys(mixed),
            reviewer=STAT,
            settle_with=("define the variable the same way in every table of the release",),
        )
    return met(
        "No small count can be worked out by subtracting across the tables of the release.",
        "tables",
    )


def _undated(insights: tuple[Insight, ...], index: int, owners: set[int]) -> list[str]:
    """The unrecorded release dates on which holding the other insights' tables depends."""
    this = insights[index].release_on
    missing = [
        f"$.insights[{owner}].release_on"
        for owner in sorted(owners)
        if owner != index and insights[owner].release_on is None
    ]
    if this is None and len(owners) > 1:
        missing.insert(0, "release_on")
    return missing


def _prefix(members: list[tuple[int, str, int]], index: int, table: int) -> str:
    owner, field, position = members[table]
    base = f"{field}[{position}]."
    return base if owner == index else f"$.insights[{owner}].{base}"
