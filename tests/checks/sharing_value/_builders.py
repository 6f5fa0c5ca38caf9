"""Subjects and activities the Sharing Value cases and scenarios are built from."""

from __future__ import annotations

from pathlib import Path
from random import Random

import attrs

from dpup import (
    Activity,
    Disclosure,
    Finding,
    Guideline,
    Insight,
    SharingAgreement,
    Status,
    evaluate,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.disclosure_control import (
    STATS_NZ_RR3,
    ConfidentialityRules,
    protect,
)
from dpup.model import (
    AccessLevel,
    DerivedStatistic,
    ReportingKind,
    ReportingRoute,
    SharingGround,
    StatisticKind,
    Table,
)
from dpup.settings import Settings

FAMILY = [c for c in BUILTIN_CHECKS if c.guideline is Guideline.SHARING_VALUE]
"""This guideline's checks, in catalogue order."""


MET, NOT_MET, REVIEW, NA = (
    Status.MET,
    Status.NOT_MET,
    Status.NEEDS_REVIEW,
    Status.NOT_APPLICABLE,
)


CONFIDENTIALITY = ("SV007", "SV008", "SV009", "SV010")


ETHNICITIES = ("Māori", "Pacific peoples", "Asian", "European")


OUTCOMES = ("Completed", "Did not complete")


# Raw results by ethnicity: the Māori, Pacific and Asian "Completed" cells are 1, 2 and 4.
ETHNICITY_COUNTS = ((1, 20), (2, 15), (4, 30), (40, 50))


def _rng(seed: int = 2020) -> Random:
    return Random(seed)  # noqa: S311 - statistical rounding, not cryptography


def _ethnicity_table() -> Table:
    """Return the results-by-ethnicity table with every total, published unrounded."""
    return Table.from_counts(ETHNICITIES, OUTCOMES, ETHNICITY_COUNTS)


def _protected(rules: ConfidentialityRules = STATS_NZ_RR3, seed: int = 2020) -> Table:
    return protect(_ethnicity_table(), rules, _rng(seed))


def _one_row(published: tuple[int | None, ...]) -> Table:
    """A one-row table with a published row total; values are multiples of 3 except the total."""
    return Table(
        row_labels=("Region A",),
        column_labels=("x", "y", "z"),
        raw=((2, 9, 12),),
        published=(published,),
        row_totals=(24,),
    )


def _tables(*tables: Table, **kw: object) -> Insight:
    return Insight("i", tables=tables, **kw)  # type: ignore[arg-type]  # test builder


def _stat(kind: StatisticKind | None, *counts: int) -> DerivedStatistic:
    return DerivedStatistic("share completing", kind, counts)


def _derived(*statistics: DerivedStatistic) -> Insight:
    return Insight("i", derived_statistics=statistics)


def _maori(**kw: object) -> Insight:
    base: dict[str, object] = {"maori_data": True, "maori_partners_involved": True}
    base.update(kw)
    return Insight("i", **base)  # type: ignore[arg-type]  # test builder with loose kwargs


def _open(**kw: object) -> Insight:
    base: dict[str, object] = {"access_level": AccessLevel.OPEN, "sensitive": False}
    base.update(kw)
    return Insight("i", **base)  # type: ignore[arg-type]  # test builder with loose kwargs


def _research(**kw: object) -> Disclosure:
    return Disclosure("d", ground=SharingGround.STATISTICAL_RESEARCH, **kw)  # type: ignore[arg-type]  # test builder


_EVAL_AND_DELIVERY = (ReportingKind.EVALUATION, ReportingKind.SERVICE_DELIVERY)


def _routes(*pairs: tuple[ReportingKind, str], **kw: object) -> SharingAgreement:
    return SharingAgreement(
        "g",
        reporting=_EVAL_AND_DELIVERY,
        routes=tuple(ReportingRoute(kind, part) for kind, part in pairs),
        **kw,  # type: ignore[arg-type]  # test builder with loose kwargs
    )


_EVAL, _DELIVERY = ReportingKind.EVALUATION, ReportingKind.SERVICE_DELIVERY


def _standard(**kw: object) -> Settings:
    """Return the default settings with the confidentiality standard changed by ``kw``."""
    rules = attrs.evolve(Settings().confidentiality, **kw)  # type: ignore[arg-type]  # builder
    return attrs.evolve(Settings(), confidentiality=rules)


def _by_check(
    subject: object,
    *check_ids: str,
    settings: Settings | None = None,
    context: Activity | None = None,
) -> dict[str, Finding]:
    """Evaluate with only the given checks and return each check's single finding."""
    report = evaluate(subject, select=list(check_ids), settings=settings, context=context)
    assert () == report.errors
    found = {f.check_id: f for f in report.findings}
    assert len(found) == len(report.findings)
    return found


EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
