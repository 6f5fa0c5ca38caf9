"""Cases for the Sharing Value checks (SV001 to SV016), and focused tests beyond the table."""

from __future__ import annotations

import re
from pathlib import Path
from random import Random

import attrs
import pytest

from dpup import (
    Activity,
    Basis,
    Disclosure,
    Finding,
    Guideline,
    Insight,
    LegalRef,
    Report,
    SharingAgreement,
    Status,
    evaluate,
    load,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.disclosure_control import (
    MSD_PUBLISHED,
    STATS_NZ_RR3,
    ConfidentialityRules,
    RoundingMethod,
    protect,
)
from dpup.model import (
    AccessLevel,
    DerivedStatistic,
    Framing,
    GroupDimension,
    NonShareReason,
    ReportingKind,
    ReportingRoute,
    SharingGround,
    StatisticKind,
    Table,
)
from dpup.settings import Settings
from tests.checks.cases import Case, run_case

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

CASES = [
    # SV001 no-share-back-plan
    Case("sv001-plan", "SV001", Insight("i", share_back_with=("providers",)), MET),
    Case("sv001-none", "SV001", Insight("i", share_back_with=()), NOT_MET),
    Case(
        "sv001-reason",
        "SV001",
        Insight("i", share_back_with=(), non_share_reason=NonShareReason.SAFETY),
        REVIEW,
    ),
    Case("sv001-unrecorded", "SV001", Insight("i"), REVIEW),
    # SV002 contributors-not-involved
    Case(
        "sv002-co-designed",
        "SV002",
        SharingAgreement("g", co_designed_with=("providers",), success_defined_with=("families",)),
        MET,
    ),
    Case("sv002-alone", "SV002", SharingAgreement("g", co_designed_with=()), NOT_MET),
    Case(
        "sv002-success-alone",
        "SV002",
        SharingAgreement("g", co_designed_with=("providers",), success_defined_with=()),
        NOT_MET,
    ),
    Case("sv002-unrecorded", "SV002", SharingAgreement("g"), REVIEW),
    # SV003 outcomes-not-reported-back
    Case("sv003-fed-back", "SV003", SharingAgreement("g", outcomes_reported_back=True), MET),
    Case("sv003-not", "SV003", SharingAgreement("g", outcomes_reported_back=False), NOT_MET),
    Case("sv003-unrecorded", "SV003", SharingAgreement("g"), REVIEW),
    # SV004 insight-made-without-contributors
    Case(
        "sv004-involved-with-context",
        "SV004",
        Insight("i", contributors_involved_from_start=True, qualitative_context=True),
        MET,
    ),
    Case(
        "sv004-not-involved",
        "SV004",
        Insight("i", contributors_involved_from_start=False),
        NOT_MET,
    ),
    Case(
        "sv004-numbers-only",
        "SV004",
        Insight("i", contributors_involved_from_start=True, qualitative_context=False),
        REVIEW,
    ),
    Case("sv004-unrecorded", "SV004", Insight("i"), REVIEW),
    # SV005 sensitive-groups-not-reviewed
    Case(
        "sv005-reviewed",
        "SV005",
        Insight("i", dimensions=(GroupDimension.ETHNICITY,), community_review_done=True),
        MET,
    ),
    Case(
        "sv005-ethnicity-unreviewed",
        "SV005",
        Insight("i", dimensions=(GroupDimension.ETHNICITY,), community_review_done=False),
        NOT_MET,
    ),
    Case(
        "sv005-flagged-sensitive",
        "SV005",
        Insight("i", dimensions=(), sensitive=True, community_review_done=False),
        NOT_MET,
    ),
    Case(
        "sv005-review-unrecorded",
        "SV005",
        Insight("i", dimensions=(GroupDimension.SMALL_LOCALITY,)),
        REVIEW,
    ),
    Case(
        "sv005-age-only",
        "SV005",
        Insight("i", dimensions=(GroupDimension.AGE,), sensitive=False),
        NA,
    ),
    Case(
        "sv005-age-sensitivity-unknown",
        "SV005",
        Insight("i", dimensions=(GroupDimension.AGE,)),
        REVIEW,
    ),
    Case("sv005-unrecorded", "SV005", Insight("i"), REVIEW),
    # SV006 deficit-framing
    Case("sv006-strengths", "SV006", Insight("i", framing=Framing.STRENGTHS), MET),
    Case("sv006-neutral", "SV006", Insight("i", framing=Framing.NEUTRAL), MET),
    Case(
        "sv006-deficit-unreviewed",
        "SV006",
        Insight("i", framing=Framing.DEFICIT, community_review_done=False),
        NOT_MET,
    ),
    Case(
        "sv006-deficit-reviewed",
        "SV006",
        Insight("i", framing=Framing.DEFICIT, community_review_done=True),
        REVIEW,
    ),
    Case("sv006-unrecorded", "SV006", Insight("i"), REVIEW),
    # SV007 small-cell-published
    Case("sv007-unrounded-small", "SV007", _tables(_ethnicity_table()), NOT_MET),
    Case("sv007-protected", "SV007", _tables(_protected()), MET),
    Case("sv007-no-tables", "SV007", _tables(), NA),
    Case("sv007-threshold-ok", "SV007", Insight("i", suppression_threshold=6), MET),
    Case("sv007-threshold-low", "SV007", Insight("i", suppression_threshold=3), NOT_MET),
    Case(
        "sv007-table-ok-threshold-low",
        "SV007",
        _tables(_protected(), suppression_threshold=3),
        NOT_MET,
    ),
    Case("sv007-unrecorded", "SV007", Insight("i"), REVIEW),
    # SV008 suppressed-cell-recoverable
    Case("sv008-lone-suppressed", "SV008", _tables(_one_row((None, 9, 12))), NOT_MET),
    Case("sv008-second-suppressed", "SV008", _tables(_one_row((None, None, 12))), MET),
    Case("sv008-protected", "SV008", _tables(_protected()), MET),
    Case("sv008-no-tables", "SV008", _tables(), NA),
    Case("sv008-declared-done", "SV008", Insight("i", secondary_suppression_done=True), MET),
    Case("sv008-declared-not", "SV008", Insight("i", secondary_suppression_done=False), REVIEW),
    Case("sv008-unrecorded", "SV008", Insight("i"), REVIEW),
    # SV009 rounding-not-to-standard
    Case(
        "sv009-unrounded",
        "SV009",
        _tables(_ethnicity_table(), rounding=RoundingMethod.RR3),
        NOT_MET,
    ),
    Case("sv009-protected", "SV009", _tables(_protected(), rounding=RoundingMethod.RR3), MET),
    Case(
        "sv009-msd-variant-passes-rr3",
        "SV009",
        _tables(_protected(MSD_PUBLISHED), rounding=RoundingMethod.RR3_NO_ZERO),
        MET,
    ),
    Case("sv009-method-unrecorded", "SV009", _tables(_protected()), REVIEW),
    Case(
        "sv009-declared-none",
        "SV009",
        _tables(_protected(), rounding=RoundingMethod.NONE),
        NOT_MET,
    ),
    Case("sv009-no-tables", "SV009", _tables(rounding=RoundingMethod.RR3), NA),
    Case("sv009-declared-rr3", "SV009", Insight("i", rounding=RoundingMethod.RR3), MET),
    Case("sv009-declared-unrounded", "SV009", Insight("i", rounding=RoundingMethod.NONE), NOT_MET),
    Case(
        "sv009-declared-no-zero-meets-rr3",
        "SV009",
        Insight("i", rounding=RoundingMethod.RR3_NO_ZERO),
        MET,
    ),
    Case("sv009-unrecorded", "SV009", Insight("i"), REVIEW),
    # SV010 derived-statistic-small-base
    Case("sv010-large-base", "SV010", _derived(_stat(StatisticKind.PERCENTAGE, 40, 90)), MET),
    Case("sv010-small-share", "SV010", _derived(_stat(StatisticKind.PERCENTAGE, 2, 24)), NOT_MET),
    Case("sv010-mean-tiny", "SV010", _derived(_stat(StatisticKind.MEAN, 4)), NOT_MET),
    Case("sv010-mean-unverified", "SV010", _derived(_stat(StatisticKind.MEAN, 12)), REVIEW),
    Case("sv010-kind-unknown", "SV010", _derived(_stat(None, 12, 40)), REVIEW),
    Case("sv010-kind-unknown-tiny", "SV010", _derived(_stat(None, 3, 40)), NOT_MET),
    Case("sv010-no-counts", "SV010", _derived(_stat(StatisticKind.RATIO)), REVIEW),
    Case("sv010-zero-exempt", "SV010", _derived(_stat(StatisticKind.PERCENTAGE, 0, 40)), MET),
    Case("sv010-none", "SV010", _derived(), NA),
    Case("sv010-unrecorded", "SV010", Insight("i"), REVIEW),
    # SV011 access-level-not-chosen
    Case("sv011-involved", "SV011", Insight("i", access_level=AccessLevel.INVOLVED), MET),
    Case("sv011-open-cc", "SV011", _open(licence="CC-BY-4.0"), MET),
    Case("sv011-open-cc0", "SV011", _open(licence="CC0 1.0"), MET),
    Case("sv011-open-blank-licence", "SV011", _open(licence=" "), NOT_MET),
    Case("sv011-open-other-licence", "SV011", _open(licence="Crown copyright"), REVIEW),
    Case("sv011-open-no-licence", "SV011", _open(), REVIEW),
    Case(
        "sv011-sensitive-open-unreviewed",
        "SV011",
        _open(sensitive=True, community_review_done=False, licence="CC BY 4.0"),
        NOT_MET,
    ),
    Case(
        "sv011-sensitive-open-reviewed",
        "SV011",
        _open(sensitive=True, community_review_done=True, licence="CC BY 4.0"),
        MET,
    ),
    Case("sv011-open-sensitivity-unknown", "SV011", _open(sensitive=None), REVIEW),
    Case("sv011-unrecorded", "SV011", Insight("i"), REVIEW),
    # SV012 research-output-identifiable
    Case(
        "sv012-safeguarded",
        "SV012",
        _research(research_undertaking=True, output_controls=True),
        MET,
    ),
    Case("sv012-no-undertaking", "SV012", _research(research_undertaking=False), NOT_MET),
    Case(
        "sv012-no-output-checks",
        "SV012",
        _research(research_undertaking=True, output_controls=False),
        REVIEW,
    ),
    Case("sv012-unrecorded", "SV012", _research(), REVIEW),
    Case(
        "sv012-other-ground",
        "SV012",
        Disclosure("d", ground=SharingGround.COLLECTION_PURPOSE),
        NA,
    ),
    # SV013 reporting-purposes-mixed
    Case(
        "sv013-separate",
        "SV013",
        _routes((_EVAL, "Evaluation team"), (_DELIVERY, "Contracts team")),
        MET,
    ),
    Case(
        "sv013-same-team",
        "SV013",
        _routes((_EVAL, "Contracts team"), (_DELIVERY, "contracts  TEAM")),
        NOT_MET,
    ),
    Case("sv013-route-missing", "SV013", _routes((_EVAL, "Evaluation team")), REVIEW),
    Case(
        "sv013-routes-unrecorded",
        "SV013",
        SharingAgreement("g", reporting=_EVAL_AND_DELIVERY),
        REVIEW,
    ),
    Case(
        "sv013-delivery-only",
        "SV013",
        SharingAgreement("g", reporting=(ReportingKind.SERVICE_DELIVERY,)),
        NA,
    ),
    Case("sv013-unrecorded", "SV013", SharingAgreement("g"), REVIEW),
    # SV014 duplicate-reporting
    Case("sv014-none", "SV014", SharingAgreement("g", duplicate_collection=False), MET),
    Case("sv014-no-reason", "SV014", SharingAgreement("g", duplicate_collection=True), NOT_MET),
    Case(
        "sv014-reason",
        "SV014",
        SharingAgreement("g", duplicate_collection=True, duplicate_reason="audit trail"),
        REVIEW,
    ),
    Case("sv014-unrecorded", "SV014", SharingAgreement("g"), REVIEW),
    # SV015 reporting-burden-not-assessed
    Case("sv015-assessed", "SV015", SharingAgreement("g", burden_assessed=True), MET),
    Case("sv015-not", "SV015", SharingAgreement("g", burden_assessed=False), NOT_MET),
    Case("sv015-unrecorded", "SV015", SharingAgreement("g"), REVIEW),
    # SV016 maori-data-without-partners
    Case(
        "sv016-partnered",
        "SV016",
        _maori(stored_offshore=False, collective_benefit_stated=True),
        MET,
    ),
    Case("sv016-no-partners", "SV016", _maori(maori_partners_involved=False), NOT_MET),
    Case(
        "sv016-iwi-breakdown",
        "SV016",
        Insight("i", dimensions=(GroupDimension.IWI,), maori_partners_involved=False),
        NOT_MET,
    ),
    Case(
        "sv016-offshore",
        "SV016",
        _maori(stored_offshore=True, collective_benefit_stated=True),
        REVIEW,
    ),
    Case(
        "sv016-no-benefit-statement",
        "SV016",
        _maori(stored_offshore=False, collective_benefit_stated=False),
        REVIEW,
    ),
    Case("sv016-not-maori-data", "SV016", Insight("i", maori_data=False), NA),
    Case("sv016-unrecorded", "SV016", Insight("i"), REVIEW),
]

# ---------------------------------------------------------------------------------------------
# Branches the table above did not reach, found by mutation testing (``make mutation``). The
# golden snapshot (test_golden.py) pins their messages and evidence paths too.
# ---------------------------------------------------------------------------------------------


def _standard(**kw: object) -> Settings:
    """Return the default settings with the confidentiality standard changed by ``kw``."""
    rules = attrs.evolve(Settings().confidentiality, **kw)  # type: ignore[arg-type]  # builder
    return attrs.evolve(Settings(), confidentiality=rules)


CASES += [
    Case(
        "sv002-success-unrecorded",
        "SV002",
        SharingAgreement("g", co_designed_with=("providers",)),
        REVIEW,
    ),
    Case(
        "sv004-context-unrecorded",
        "SV004",
        Insight("i", contributors_involved_from_start=True),
        REVIEW,
    ),
    Case(
        "sv007-no-suppression-standard",
        "SV007",
        _tables(_ethnicity_table()),
        NA,
        settings=_standard(suppression_threshold=0),
    ),
    Case(
        "sv007-threshold-one",
        "SV007",
        _tables(),
        NA,
        settings=_standard(suppression_threshold=1),
    ),
    Case(
        "sv007-small-and-threshold-low",
        "SV007",
        _tables(_ethnicity_table(), suppression_threshold=3),
        NOT_MET,
    ),
    Case(
        "sv008-no-secondary-standard",
        "SV008",
        _tables(_one_row((None, 9, 12))),
        NA,
        settings=_standard(secondary_suppression=False),
    ),
    Case(
        "sv009-no-rounding-standard",
        "SV009",
        _tables(_ethnicity_table()),
        NA,
        settings=_standard(rounding=RoundingMethod.NONE),
    ),
    Case(
        "sv009-rr3-short-of-msd",
        "SV009",
        Insight("i", rounding=RoundingMethod.RR3),
        NOT_MET,
        settings=_standard(rounding=RoundingMethod.RR3_NO_ZERO),
    ),
    Case(
        "sv010-mean-at-the-count-minimum", "SV010", _derived(_stat(StatisticKind.MEAN, 6)), REVIEW
    ),
    # A standard whose (verified) magnitude minimum is below its count minimum: a share
    # built on a count under the count minimum still breaks it for certain.
    Case(
        "sv010-share-under-a-higher-count-minimum",
        "SV010",
        _derived(_stat(StatisticKind.PERCENTAGE, 4, 40)),
        NOT_MET,
        settings=_standard(min_underlying_count_magnitude=3, unverified=()),
    ),
    Case("sv011-sensitive-review-unrecorded", "SV011", _open(sensitive=True), REVIEW),
    Case(
        "sv012-controls-unrecorded",
        "SV012",
        _research(research_undertaking=True),
        REVIEW,
    ),
    Case("sv016-partners-unrecorded", "SV016", Insight("i", maori_data=True), REVIEW),
    Case(
        "sv016-iwi-partners-unrecorded",
        "SV016",
        Insight("i", dimensions=(GroupDimension.IWI,)),
        REVIEW,
    ),
    Case(
        "sv016-storage-unrecorded",
        "SV016",
        _maori(collective_benefit_stated=True),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """Each Sharing Value check reports the expected status for its case."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


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


class TestBases:
    def test_confidentiality_checks_are_standard_and_cite_it(self) -> None:
        """SV007 to SV010 have basis STANDARD and cite Stats NZ or MSD in their references."""
        checks = [c for c in FAMILY if c.id in CONFIDENTIALITY]
        assert [Basis.STANDARD] * 4 == [c.basis for c in checks]
        assert [True] * 4 == [
            "Stats NZ" in c.sections["References"] and "not law" in c.sections["References"]
            for c in checks
        ]

    def test_only_the_research_check_is_law(self) -> None:
        """SV012 is the one LAW check, and it cites IPP10 and IPP11."""
        law = [(c.id, c.legal_refs) for c in FAMILY if c.basis is Basis.LAW]
        assert [("SV012", (LegalRef.IPP10, LegalRef.IPP11))] == law


class TestSecondarySuppression:
    def test_lone_suppressed_cell_beside_a_total_is_flagged(self) -> None:
        """One withheld cell in a row with a published total is named by its position."""
        finding = _by_check(_tables(_one_row((None, 9, 12))), "SV008")["SV008"]
        expected = (Status.NOT_MET, ("$.tables[0].published[0][0]",))
        assert expected == (finding.status, finding.evidence)

    def test_second_suppressed_cell_clears_it(self) -> None:
        """Withholding a second cell in the row clears the finding."""
        finding = _by_check(_tables(_one_row((None, None, 12))), "SV008")["SV008"]
        assert Status.MET == finding.status

    def test_withholding_the_total_clears_it(self) -> None:
        """Withholding the row total instead also clears the finding."""
        table = attrs.evolve(_one_row((None, 9, 12)), row_totals=None)
        assert Status.MET == _by_check(_tables(table), "SV008")["SV008"].status


class TestEthnicityResults:
    """A results table by ethnicity with raw cells of 1, 2 and 4, through an Activity."""

    def _report(self, table: Table) -> dict[str, Finding]:
        insight = Insight(
            "results",
            tables=(table,),
            rounding=RoundingMethod.RR3,
            derived_statistics=(
                DerivedStatistic("completion rate, European", StatisticKind.PERCENTAGE, (40, 90)),
            ),
        )
        activity = Activity("evaluation", insights=(insight,))
        return _by_check(activity, *CONFIDENTIALITY)

    def test_unrounded_small_cells_fail_on_the_standard(self) -> None:
        """Published unrounded, the small cells and the rounding fail with basis STANDARD."""
        found = self._report(_ethnicity_table())
        statuses = {k: (f.status, f.basis) for k, f in found.items()}
        expected = {
            "SV007": (NOT_MET, Basis.STANDARD),
            "SV008": (MET, Basis.STANDARD),
            "SV009": (NOT_MET, Basis.STANDARD),
            "SV010": (MET, Basis.STANDARD),
        }
        assert expected == statuses

    def test_small_cells_are_named_by_position(self) -> None:
        """The small-cell finding points at the three small cells, by path."""
        evidence = self._report(_ethnicity_table())["SV007"].evidence
        expected = tuple(f"$.insights[0].tables[0].published[{r}][0]" for r in range(3))
        assert expected == evidence

    @pytest.mark.parametrize("seed", [1, 2020, 31337])
    def test_protected_table_meets_every_check(self, seed: int) -> None:
        """After protect() with a seeded generator, every confidentiality check is met."""
        found = self._report(_protected(seed=seed))
        assert dict.fromkeys(CONFIDENTIALITY, MET) == {k: f.status for k, f in found.items()}

    def test_findings_carry_no_numbers(self) -> None:
        """Messages hold no digits, and evidence names positions, never counts."""
        found = self._report(_ethnicity_table()).values()
        assert [] == [f.message for f in found if re.search(r"\d", f.message)]
        paths = [e for f in found for e in f.evidence]
        assert [] == [e for e in paths if not e.startswith("$.insights[0].")]


class TestConfidentialitySettings:
    def test_default_standard_is_stats_nz(self) -> None:
        """Settings apply Stats NZ RR3 by default, and the old thresholds read from it."""
        settings = Settings()
        expected = (STATS_NZ_RR3, 6, 20)
        actual = (
            settings.confidentiality,
            settings.suppression_threshold,
            settings.magnitude_minimum,
        )
        assert expected == actual

    def test_msd_standard_rejects_small_counts_rounded_to_zero(self) -> None:
        """With suppression off, a 1 rounded to 0 passes Stats NZ RR3 but fails MSD's variant."""
        table = Table(
            row_labels=("a",), column_labels=("x", "y"), raw=((1, 9),), published=((0, 9),)
        )
        insight = _tables(table, rounding=RoundingMethod.RR3)
        verdicts = {}
        for rules in (STATS_NZ_RR3, MSD_PUBLISHED):
            settings = Settings(confidentiality=attrs.evolve(rules, suppression_threshold=0))
            verdicts[rules.rounding] = _by_check(insight, "SV009", settings=settings)[
                "SV009"
            ].status
        assert {RoundingMethod.RR3: MET, RoundingMethod.RR3_NO_ZERO: NOT_MET} == verdicts

    def test_stricter_threshold_changes_the_verdict(self) -> None:
        """Raising the threshold to 10 makes a published 7 a small cell."""
        table = Table(
            row_labels=("a",), column_labels=("x", "y"), raw=((7, 30),), published=((6, 30),)
        )
        stricter = attrs.evolve(STATS_NZ_RR3, suppression_threshold=10, source="Our data office")
        statuses = [
            _by_check(_tables(table), "SV007", settings=s)["SV007"].status
            for s in (Settings(), Settings(confidentiality=stricter))
        ]
        assert [MET, NOT_MET] == statuses

    def test_verified_magnitude_minimum_fails_outright(self) -> None:
        """Once the magnitude minimum is marked verified, a mean on 12 fails instead of review."""
        rules = attrs.evolve(STATS_NZ_RR3, unverified=(), source="Checked IDI output guide")
        insight = _derived(_stat(StatisticKind.MEAN, 12))
        finding = _by_check(insight, "SV010", settings=Settings(confidentiality=rules))["SV010"]
        expected = (NOT_MET, ("$.derived_statistics[0].underlying_counts[0]",))
        assert expected == (finding.status, finding.evidence)


EXAMPLES = Path(__file__).parent.parent.parent / "examples"


class TestBestFootForward:
    """The CCSS "Best foot forward" journey before and after DPUP (seed 001)."""

    def _report(self, which: str) -> Report:
        activity = load(EXAMPLES / f"best-foot-forward-{which}.toml")
        report = evaluate(activity, select=[Guideline.SHARING_VALUE])
        assert () == report.errors
        return report

    def test_after_has_nothing_not_met(self) -> None:
        """After DPUP, no Sharing Value check is NOT_MET."""
        assert [] == [f.check_id for f in self._report("after").findings if f.status is NOT_MET]

    def test_before_fails_several(self) -> None:
        """Before DPUP, share-back, co-design, feedback and the evaluation's table all fail."""
        found = {f.check_id for f in self._report("before").findings if f.status is NOT_MET}
        expected = {"SV001", "SV002", "SV003", "SV004", "SV007", "SV009", "SV010"}
        assert expected == found

    def test_after_scores_higher(self) -> None:
        """The Sharing Value score is higher after DPUP than before."""
        before, after = (
            self._report(which).guideline_scores[Guideline.SHARING_VALUE].value
            for which in ("before", "after")
        )
        assert before is not None
        assert after is not None
        assert (True, 100.0) == (after > before, after)

    def test_after_table_loads_withheld_cells(self) -> None:
        """The after example writes withheld cells as "suppressed", and they load as None."""
        table = load(EXAMPLES / "best-foot-forward-after.toml").insights[0].tables
        assert table is not None
        assert ((15, None, None), (12, None, None)) == table[0].published
