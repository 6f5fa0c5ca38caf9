"""Purpose Matters: scenarios across checks, the bundled examples and settings."""

from __future__ import annotations

from datetime import date

import dpup
from dpup import (
    Collection,
    Purpose,
    Status,
)
from dpup._text import PhraseList
from dpup.law import Basis, LegalRef
from dpup.model import (
    Ipp3Exception,
    Notice,
    NoticeTiming,
)
from dpup.policy import Guideline, Principle
from dpup.settings import Settings
from tests.checks.purpose_matters._builders import (
    _AFTER,
    _BEFORE,
    _IPP3A_NOTICE,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _evaluate,
    _indirect,
    _pm_not_met,
)


class TestWording:
    def test_catch_all_purpose_fails(self) -> None:
        """A purpose ending in "any other purpose we consider appropriate" is not met."""
        purpose = Purpose(
            "p", why="for service delivery and any other purpose we consider appropriate"
        )
        [finding] = dpup.evaluate(purpose, select=["PM002"]).findings
        assert Status.NOT_MET == finding.status
        assert ("$.why",) == finding.evidence

    def test_specific_purpose_not_flagged(self) -> None:
        """A purpose worded "to plan next year's service" is not flagged."""
        purpose = Purpose("p", why="to plan next year's service")
        report = dpup.evaluate(purpose, select=["PM002"])
        assert [Status.MET] == [f.status for f in report.findings]

    def test_phrase_list_is_configurable(self) -> None:
        """An agency's own phrase list replaces the default one."""
        purpose = Purpose("p", why="to plan next year's service")
        settings = Settings(catch_all_phrases=PhraseList(("next year",)))
        report = dpup.evaluate(purpose, select=["PM002"], settings=settings)
        assert [Status.NOT_MET] == [f.status for f in report.findings]

    def test_findings_never_echo_input(self) -> None:
        """Messages and evidence carry no words from the input text."""
        name = "Rangi Te Whare"
        notice = Notice(text=f"{name} agrees to any other purpose.")
        report = dpup.evaluate(Collection("c", notice=notice), select=["PM006"])
        for finding in report.findings:
            assert name not in finding.message
            assert all(name not in e for e in finding.evidence)


class TestIpp3aDates:
    def test_on_or_after_commencement_applies(self) -> None:
        """An indirect collection on 4 May 2026, never notified with no exception, is not met."""
        never = Notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.NONE)
        collection = _indirect(collected_on=_AFTER, notice=never)
        [finding] = dpup.evaluate(collection, select=["PM014"]).findings
        assert Status.NOT_MET == finding.status

    def test_before_commencement_not_applicable(self) -> None:
        """The same collection held only on 30 April 2026 predates IPP3A."""
        never = Notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.NONE)
        collection = _indirect(collected_on=_BEFORE, collected_until=_BEFORE, notice=never)
        [finding] = dpup.evaluate(collection, select=["PM014"]).findings
        assert Status.NOT_APPLICABLE == finding.status

    def test_started_before_and_still_running_applies(self) -> None:
        """Started on 30 April 2026 and still running: what it collects from 1 May is covered."""
        never = Notice(timing=NoticeTiming.NEVER, exception=Ipp3Exception.NONE)
        collection = _indirect(collected_on=_BEFORE, ongoing=True, notice=never)
        [finding] = dpup.evaluate(collection, select=["PM014"]).findings
        assert Status.NOT_MET == finding.status

    def test_commencement_day_applies(self) -> None:
        """A collection on 1 May 2026 itself is covered."""
        collection = _indirect(collected_on=date(2026, 5, 1), notice=_IPP3A_NOTICE)
        [finding] = dpup.evaluate(collection, select=["PM014"]).findings
        assert Status.MET == finding.status


class TestIcldScenario:
    def test_icld_fails_ipp1(self) -> None:
        """The 2016 ICLD demand has NOT_MET Purpose Matters findings in law, citing IPP1."""
        report = _evaluate("icld-2016.toml")
        legal = [
            f
            for f in report.findings
            if f.guideline is Guideline.PURPOSE_MATTERS
            and f.status is Status.NOT_MET
            and f.basis is Basis.LAW
            and LegalRef.IPP1 in f.legal_refs
        ]
        assert ["PM004"] == [f.check_id for f in legal]

    def test_icld_fails_the_expected_rules(self) -> None:
        """The ICLD demand fails the rules the domain reference expects it to."""
        failed = set(_pm_not_met(_evaluate("icld-2016.toml")))
        expected = {"PM002", "PM004", "PM007", "PM009", "PM010", "PM026", "PM028"}
        assert expected <= failed

    def test_icld_supplier_told_needs_review(self) -> None:
        """NGOs were told supply was compulsory but not why: PM013 needs review."""
        report = _evaluate("icld-2016.toml")
        assert [Status.NEEDS_REVIEW] == [f.status for f in report.findings if f.check_id == "PM013"]

    def test_icld_predates_ipp3a(self) -> None:
        """ICLD supply was due in 2017 and was stopped then, so IPP3A does not apply to it."""
        report = _evaluate("icld-2016.toml")
        [finding] = [f for f in report.findings if f.check_id == "PM014"]
        assert Status.NOT_APPLICABLE == finding.status

    def test_counterfactual_passes(self) -> None:
        """The DPUP-aligned agreement has no NOT_MET Purpose Matters finding."""
        assert [] == _pm_not_met(_evaluate("icld-2016-dpup.toml"))

    def test_counterfactual_ipp3a_met(self) -> None:
        """The counterfactual linkage starts after 1 May 2026 and its notice meets IPP3A."""
        report = _evaluate("icld-2016-dpup.toml")
        statuses = {f.subject: f.status for f in report.findings if f.check_id == "PM014"}
        assert {"$.collections[0]": NA, "$.collections[1]": MET} == statuses

    def test_counterfactual_scores_higher_on_he_tangata(self) -> None:
        """The counterfactual's He Tāngata score is higher than the original's."""
        before = _evaluate("icld-2016.toml").principle_scores[Principle.HE_TANGATA].value
        after = _evaluate("icld-2016-dpup.toml").principle_scores[Principle.HE_TANGATA].value
        assert before is not None
        assert after is not None
        assert after > before


class TestKidsFirstScenario:
    def test_after_has_no_purpose_failures(self) -> None:
        """Kids First after DPUP has no NOT_MET Purpose Matters finding."""
        assert [] == _pm_not_met(_evaluate("kids-first-after.toml"))

    def test_after_funder_reporting_met(self) -> None:
        """After DPUP, funder reporting is non-identifying and minimal (PM026, PM028 met)."""
        report = _evaluate("kids-first-after.toml")
        statuses = {
            f.check_id: f.status for f in report.findings if f.check_id in {"PM026", "PM028"}
        }
        assert {"PM026": MET, "PM028": MET} == statuses

    def test_before_has_purpose_failures(self) -> None:
        """Kids First before DPUP fails the catch-all purpose and the court report's accuracy."""
        failed = _pm_not_met(_evaluate("kids-first-before.toml"))
        assert {"PM002", "PM025"} <= set(failed)

    def test_before_funder_reporting_needs_review(self) -> None:
        """Before DPUP, the funder's data requirements are unknown: PM026 and PM028 need review."""
        report = _evaluate("kids-first-before.toml")
        statuses = {
            f.check_id: f.status for f in report.findings if f.check_id in {"PM026", "PM028"}
        }
        assert {"PM026": REVIEW, "PM028": REVIEW} == statuses


class TestIntakeWithIdentifiersScenario:
    """The budgeting intake that asks for an IRD number (IPP13, IPP4; examples/)."""

    def test_only_the_compulsory_ird_number_fails(self) -> None:
        """Requiring the IRD number "to confirm who you are" is the one Purpose Matters failure."""
        assert ["PM031"] == _pm_not_met(_evaluate("intake-with-identifiers.toml"))

    def test_identifiers_and_manner(self) -> None:
        """Its own numbers are protected, MSD's kept as a reference; the front desk is reviewed."""
        report = _evaluate("intake-with-identifiers.toml")
        statuses = {
            f.check_id: f.status
            for f in report.findings
            if f.check_id in {"PM030", "PM031", "PM032", "PM033", "PM034"}
        }
        expected = {"PM030": MET, "PM031": NOT_MET, "PM032": MET, "PM033": REVIEW, "PM034": NA}
        assert expected == statuses
        (pm031,) = [f for f in report.findings if f.check_id == "PM031"]
        assert pm031 in report.legal_breaches()
