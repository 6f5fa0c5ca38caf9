"""SV020 dominant-contributor-published: a Sharing Value check.

No published amount in a table of amounts gives away what one or two contributors hold.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv020_dominant_contributor_published.py``.
"""

from __future__ import annotations

import attrs

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
from dpup.checks.sharing_value._helpers import STAT
from dpup.disclosure_control import (
    ConfidentialityRules,
    DisclosureRule,
    MagnitudeTable,
    audit_magnitude,
    contributions_missing,
    contributions_needed,
)
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import Insight

__all__ = ["dominant_contributor_published"]


_NO_MAGNITUDE = n_a("The insight publishes no tables of amounts.", "magnitude_tables")


def _amounts_only(insight: Insight, _ctx: EvaluationContext) -> Outcome | None:
    """The gate: one field test, so an insight without tables of amounts costs nothing."""
    return None if insight.magnitude_tables else _NO_MAGNITUDE


def _unverified(rule: DisclosureRule, rules: ConfidentialityRules) -> bool:
    """Tell whether a broken dominance rule rests on a value the standard has not confirmed."""
    if rule is DisclosureRule.DOMINANCE:
        names: tuple[str, ...] = ("dominance_n", "dominance_k")
    elif rule is DisclosureRule.P_PERCENT:
        names = ("p_ratio",)
    else:
        names = ("suppression_threshold",)
    return any(name in rules.unverified for name in names)


@attrs.define
class _Found:
    """Paths of published cells, sorted by how firm the finding on them is."""

    certain: list[str] = attrs.Factory(list)
    doubtful: list[str] = attrs.Factory(list)
    missing: list[str] = attrs.Factory(list)


def _audit(index: int, table: MagnitudeTable, rules: ConfidentialityRules, found: _Found) -> None:
    """Audit one table, leaving out (and listing) the published cells whose shares are missing.

    A cell left out for its missing shares is still judged on its number of contributors,
    which is recorded: too few fails whatever the shares would show.
    """
    base = f"magnitude_tables[{index}]"
    checked = []
    for r, row in enumerate(table.cells):
        flags = []
        for c, cell in enumerate(row):
            published = table.published[r][c]
            if published and contributions_missing(cell, rules):
                if rules.is_small(cell.contributors):
                    small = DisclosureRule.SMALL_CELL_PUBLISHED
                    kind = found.doubtful if _unverified(small, rules) else found.certain
                    kind.append(f"{base}.cells[{r}][{c}]")
                else:
                    found.missing.append(f"{base}.cells[{r}][{c}].largest")
                published = False
            flags.append(published)
        checked.append(tuple(flags))
    if not any(any(row) for row in checked):
        return
    for violation in audit_magnitude(attrs.evolve(table, published=tuple(checked)), rules):
        path = f"{base}.cells[{violation.location.row}][{violation.location.column}]"
        kind = found.doubtful if _unverified(violation.rule, rules) else found.certain
        # A cell can break two rules; name it once in each list.
        if path not in kind:
            kind.append(path)


@check(
    id="SV020",
    name="dominant-contributor-published",
    principles=(KT, MH),
    basis=Basis.STANDARD,
    severity=Severity.HIGH,
    subject=Insight,
    remediation=(
        "Withhold each published amount that too few contributors make up, or that one or "
        "two of them dominate, or combine categories until no cell breaks the n-k or p% "
        "rule (dpup.disclosure_control.audit_magnitude)."
    ),
    tags=("confidentiality", "tables", "magnitude"),
    applies=_amounts_only,
)
def dominant_contributor_published(insight: Insight, ctx: EvaluationContext) -> Outcome:
    """No published amount in a table of amounts gives away what one or two contributors hold.

    What it checks:
        Each table in ``magnitude_tables`` is audited against ``Settings.confidentiality``
        with ``dpup.disclosure_control.audit_magnitude``. A published cell fails when fewer
        people contributed to it than the suppression threshold, when its largest ``n``
        contributions make up at least ``k`` of its total (the n-k dominance rule), or when
        what is left once its two largest contributions are taken away is under ``p`` of
        the largest (the p% rule). A rule whose values the standard lists as unverified
        (the dominance values of both New Zealand presets) sends the cell to a
        statistician instead; under ``ACRO_DEFAULTS`` (n 2, k 0.90, p 0.10) it fails. A
        published cell without the largest contributions the rules read is asked for, unless
        its recorded number of contributors is already under the threshold (it fails).
        Withheld cells are not checked. Insights without tables of amounts, and a
        standard that sets none of these rules, are not applicable.
    Why it matters:
        A total of grant dollars over 24 clients looks safe by its count, yet if one client
        received $48,000 of $51,450, everyone who knows the others learns roughly what that
        client got. Counting contributors is not enough for amounts: the share of the
        largest decides whether a cell is safe to publish, and so whether an insight shared
        back stays non-personal.
    How to meet it:
        Record each table of amounts with every cell's total, number of contributors and
        largest contributions (at least the top two), and withhold or merge the cells
        ``audit_magnitude`` flags before release.
    References:
        Standard, not law: Stats NZ's Microdata access output guide (2013) applies a p% rule to
        tables of magnitudes and keeps its threshold confidential; ACRO's default risk appetite
        (``acro/default.yaml``, AI-SDC) sets n 2, k 0.90 and p 0.10. DPUP Sharing Value
        (is there any risk someone could be identified?) and the Mahitahitanga principle
        (guard against re-identification).
    """
    rules = ctx.settings.confidentiality
    if rules.suppression_threshold == 0 and contributions_needed(rules) == 0:
        return n_a("The confidentiality standard in use sets no rule for tables of amounts.")
    tables = insight.magnitude_tables or ()
    found = _Found()
    for index, table in enumerate(tables):
        _audit(index, table, rules, found)
    if found.certain:
        return not_met(
            "A published amount is made up by too few contributors, or one or two of them "
            "dominate it.",
            *found.certain,
        )
    if found.doubtful:
        return needs_review(
            "A published amount breaks a dominance rule whose values the confidentiality "
            "standard has not confirmed.",
            *found.doubtful,
            reviewer=STAT,
            settle_with=(
                "confirm the n-k and p% values the standard in use sets for tables of "
                "amounts, and withhold or combine the cells that break them",
            ),
        )
    if found.missing:
        return unrecorded(
            "the largest contributions of a published cell of a table of amounts",
            *found.missing,
            reviewer=STAT,
            settle_with=(
                "record each published cell's largest contributions, largest first (at "
                "least the two largest, and as many as the n-k rule reads)",
            ),
        )
    return met("No published amount is dominated by one or two contributors.", "magnitude_tables")
