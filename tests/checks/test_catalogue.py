"""Meta-tests over the check catalogue and its traceability table."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import defaultdict
from pathlib import Path

import pytest

import tests.checks
from dpup import Basis, Guideline, Status
from dpup.checks import BUILTIN_CHECKS, GUIDELINE_PACKAGES, RETIRED, RULES
from dpup.engine import DOC_HEADINGS, Check
from tests.checks.cases import Case

FAMILY_RULES = {"PM": 28, "TC": 20, "AI": 20, "SV": 17}

# Checks that by design never report NOT_MET: what they look for is evidence the law does not
# require to be written down, so its absence needs review. Each needs a NEEDS_REVIEW case.
NEVER_NOT_MET = {
    "PM005": "IPP1 sets no duty to record a purpose; a missing one is an evidence gap",
    "AI024": "it looks only for a missing access practice, which is not recorded, not failed",
    "TC026": "it looks only for a missing notice, which is not recorded, not failed",
}
MINIMUM = {"PM": 18, "TC": 15, "AI": 15, "SV": 12}


def _all_cases() -> list[Case]:
    """Every case of every check, from the per-check modules of the guideline packages."""
    cases: list[Case] = []
    for info in pkgutil.walk_packages(tests.checks.__path__, prefix="tests.checks."):
        if info.name.rpartition(".")[2].startswith("test_"):
            cases += getattr(importlib.import_module(info.name), "CASES", [])
    return cases


class TestCatalogue:
    def test_ids_are_well_formed_unique_and_ordered(self) -> None:
        """Ids are prefix plus three digits, unique, and ordered by guideline then id."""
        ids = [c.id for c in BUILTIN_CHECKS]
        assert [] == [i for i in ids if not re.fullmatch(r"(PM|TC|AI|SV)\d{3}", i)]
        assert len(set(ids)) == len(ids)
        assert sorted(ids, key=lambda i: (Guideline.from_prefix(i[:2]).order, i)) == ids

    def test_names_are_kebab_case_and_unique(self) -> None:
        """Names are unique kebab-case phrases."""
        names = [c.name for c in BUILTIN_CHECKS]
        assert [] == [n for n in names if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", n)]
        assert len(set(names)) == len(names)

    def test_retired_ids_are_not_reused(self) -> None:
        """No retired id is back in the catalogue."""
        assert set() == set(RETIRED) & {c.id for c in BUILTIN_CHECKS}

    @pytest.mark.parametrize(("prefix", "minimum"), MINIMUM.items())
    def test_family_sizes(self, prefix: str, minimum: int) -> None:
        """Each guideline has at least the number of checks its issue asks for."""
        assert len([c for c in BUILTIN_CHECKS if c.id.startswith(prefix)]) >= minimum

    @pytest.mark.parametrize("c", BUILTIN_CHECKS, ids=lambda c: c.id)
    def test_documentation(self, c: Check[object]) -> None:
        """Every check has a summary, the four headings and a remediation."""
        assert c.summary.endswith(".")
        assert all(c.sections[h] for h in DOC_HEADINGS)
        assert c.remediation.strip()

    @pytest.mark.parametrize("c", BUILTIN_CHECKS, ids=lambda c: c.id)
    def test_law_checks_cite_and_others_do_not_claim_breach(self, c: Check[object]) -> None:
        """LAW checks cite provisions; other checks never describe failure as unlawful."""
        if c.basis is Basis.LAW:
            assert c.legal_refs
        else:
            text = (c.summary + c.remediation).lower()
            assert "unlawful" not in text
            assert "breach" not in text


class TestCases:
    def test_every_check_has_met_and_failing_cases(self) -> None:
        """Each check has a MET case and a NOT_MET or NEEDS_REVIEW case in its family tests."""
        seen: dict[str, set[Status]] = defaultdict(set)
        for case in _all_cases():
            seen[case.check_id].add(case.expected)
        missing = [
            c.id
            for c in BUILTIN_CHECKS
            if Status.MET not in seen[c.id]
            or not ({Status.NOT_MET, Status.NEEDS_REVIEW} & seen[c.id])
        ]
        assert [] == missing

    def test_case_ids_are_unique(self) -> None:
        """Case ids are unique across families, so test ids read clearly."""
        ids = [c.id for c in _all_cases()]
        assert [] == sorted({i for i in ids if ids.count(i) > 1})


class TestTraceability:
    @pytest.mark.parametrize(("prefix", "count"), FAMILY_RULES.items())
    def test_every_candidate_rule_is_covered(self, prefix: str, count: int) -> None:
        """Every rule PM-01..PM-28, TC-01..TC-20, AI-01..AI-20, SV-01..SV-17 is listed once."""
        expected = [f"{prefix}-{n:02d}" for n in range(1, count + 1)]
        assert expected == sorted(r.id for r in RULES if r.id.startswith(prefix + "-"))

    def test_rules_name_existing_checks(self) -> None:
        """Every check a rule names exists; most belong to the rule's own guideline."""
        ids = {c.id for c in BUILTIN_CHECKS}
        assert [] == [(r.id, c) for r in RULES for c in r.checks if c not in ids]
        # A rule may also be served by a check in another family (purpose separation in
        # sharing agreements is a Sharing Value check serving PM-20), but each rule needs at
        # least one check of its own family or a recorded reason. The cross-cutting legal
        # rules (X-01 ...) have no family of their own: any guideline's checks may serve them.
        orphans = [
            r.id
            for r in RULES
            if r.checks
            and not r.id.startswith("X-")
            and not any(c[:2] == r.id[:2] for c in r.checks)
        ]
        assert [] == orphans

    def test_every_check_traces_to_a_rule(self) -> None:
        """Every check implements at least one candidate rule."""
        traced = {c for r in RULES for c in r.checks}
        assert [] == [c.id for c in BUILTIN_CHECKS if c.id not in traced]


_PAGES = {
    Guideline.PURPOSE_MATTERS: "purpose-matters.md",
    Guideline.TRANSPARENCY_AND_CHOICE: "transparency-and-choice.md",
    Guideline.ACCESS_TO_INFORMATION: "access-to-information.md",
    Guideline.SHARING_VALUE: "sharing-value.md",
}
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("guideline", list(Guideline), ids=lambda g: g.value)
class TestGuidelines:
    """The same promises for each guideline's checks, its package, rules, cases and page."""

    def test_ids_run_from_001_without_gaps(self, guideline: Guideline) -> None:
        """A guideline's ids run PM001, PM002 ... in catalogue order."""
        ids = [c.id for c in BUILTIN_CHECKS if c.guideline is guideline]
        assert len(ids) >= MINIMUM[guideline.prefix]
        assert [f"{guideline.prefix}{n:03d}" for n in range(1, len(ids) + 1)] == ids

    def test_one_module_per_check_named_by_id(self, guideline: Guideline) -> None:
        """Each check is the one check of its module, named ``<id>_<name>`` in its package."""
        package = GUIDELINE_PACKAGES[guideline]
        folder = ROOT / "src" / "dpup" / "checks" / package
        modules = sorted(p.stem for p in folder.glob("[a-z][a-z][0-9][0-9][0-9]_*.py"))
        expected = sorted(
            f"{c.id.lower()}_{c.name.replace('-', '_')}"
            for c in BUILTIN_CHECKS
            if c.guideline is guideline
        )
        assert expected == modules
        for c in BUILTIN_CHECKS:
            if c.guideline is guideline:
                assert (
                    c.func.__module__
                    == f"dpup.checks.{package}.{c.id.lower()}_" + c.name.replace("-", "_")
                )

    def test_rules_are_listed_in_order_and_name_real_checks(self, guideline: Guideline) -> None:
        """The package's rules run XX-01 upwards and name only checks that exist."""
        package = importlib.import_module(f"dpup.checks.{GUIDELINE_PACKAGES[guideline]}")
        rules = package.RULES
        count = FAMILY_RULES[guideline.prefix]
        assert [f"{guideline.prefix}-{n:02d}" for n in range(1, count + 1)] == [r.id for r in rules]
        known = {c.id for c in BUILTIN_CHECKS}
        assert [] == [(r.id, c) for r in rules for c in r.checks if c not in known]

    def test_every_check_has_met_and_not_met_cases(self, guideline: Guideline) -> None:
        """Each check has at least one MET case and one NOT_MET case (see `NEVER_NOT_MET`)."""
        seen = {(case.check_id, case.expected) for case in _all_cases()}
        missing = [
            (c.id, status.value)
            for c in BUILTIN_CHECKS
            if c.guideline is guideline
            for status in (
                Status.MET,
                Status.NEEDS_REVIEW if c.id in NEVER_NOT_MET else Status.NOT_MET,
            )
            if (c.id, status) not in seen
        ]
        assert [] == missing

    def test_law_checks_cite_provisions(self, guideline: Guideline) -> None:
        """Every LAW check cites at least one provision."""
        assert [] == [
            c.id
            for c in BUILTIN_CHECKS
            if c.guideline is guideline and c.basis is Basis.LAW and not c.legal_refs
        ]

    def test_the_guideline_page_names_every_check(self, guideline: Guideline) -> None:
        """docs/guidelines/<page> mentions every check id of the guideline (rules: traceability)."""
        text = (ROOT / "docs" / "guidelines" / _PAGES[guideline]).read_text(encoding="utf-8")
        missing = [c.id for c in BUILTIN_CHECKS if c.guideline is guideline and c.id not in text]
        assert [] == missing


@pytest.mark.parametrize("guideline", list(Guideline), ids=lambda g: g.value)
def test_tests_mirror_the_catalogue(guideline: Guideline) -> None:
    """Each check has ``tests/checks/<guideline>/test_<id>_<name>.py`` holding its cases only."""
    package = GUIDELINE_PACKAGES[guideline]
    for c in BUILTIN_CHECKS:
        if c.guideline is not guideline:
            continue
        name = f"test_{c.id.lower()}_{c.name.replace('-', '_')}"
        assert (ROOT / "tests" / "checks" / package / f"{name}.py").is_file(), name
        module = importlib.import_module(f"tests.checks.{package}.{name}")
        assert {c.id} == {case.check_id for case in module.CASES}
