"""Meta-tests over the check catalogue and its traceability table."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import defaultdict

import pytest

import tests.checks
from dpup import Basis, Guideline, Status
from dpup.checks import BUILTIN_CHECKS, RETIRED, RULES
from dpup.engine import DOC_HEADINGS, Check
from tests.checks.cases import Case

FAMILY_RULES = {"PM": 24, "TC": 19, "AI": 20, "SV": 12}
MINIMUM = {"PM": 18, "TC": 15, "AI": 15, "SV": 12}


def _all_cases() -> list[Case]:
    cases: list[Case] = []
    for info in pkgutil.iter_modules(tests.checks.__path__):
        if info.name.startswith("test_"):
            module = importlib.import_module(f"tests.checks.{info.name}")
            cases += getattr(module, "CASES", [])
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
        """Every rule PM-01..PM-24, TC-01..TC-19, AI-01..AI-20, SV-01..SV-12 is listed once."""
        expected = [f"{prefix}-{n:02d}" for n in range(1, count + 1)]
        assert expected == sorted(r.id for r in RULES if r.id.startswith(prefix + "-"))

    def test_rules_name_existing_checks(self) -> None:
        """Every check a rule names exists; most belong to the rule's own guideline."""
        ids = {c.id for c in BUILTIN_CHECKS}
        assert [] == [(r.id, c) for r in RULES for c in r.checks if c not in ids]
        # A rule may also be served by a check in another family (purpose separation in
        # sharing agreements is a Sharing Value check serving PM-20), but each rule needs at
        # least one check of its own family or a recorded reason.
        orphans = [r.id for r in RULES if r.checks and not any(c[:2] == r.id[:2] for c in r.checks)]
        assert [] == orphans

    def test_every_check_traces_to_a_rule(self) -> None:
        """Every check implements at least one candidate rule."""
        traced = {c for r in RULES for c in r.checks}
        assert [] == [c.id for c in BUILTIN_CHECKS if c.id not in traced]
