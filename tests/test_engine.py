"""The engine: the check decorator, registry selection, evaluate(), waivers and crashes."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

import dpup
from dpup import (
    Activity,
    Basis,
    Disclosure,
    Guideline,
    Principle,
    Purpose,
    Registry,
    Severity,
    Status,
    UnknownCheckError,
    Waiver,
    evaluate,
)
from dpup.checks import BUILTIN_CHECKS
from dpup.engine import (
    Check,
    EvaluationContext,
    Outcome,
    check,
    default_registry,
    met,
    needs_review,
    not_met,
)
from dpup.findings import Reviewer
from dpup.law import LegalRef

AS_AT = date(2026, 6, 1)
DOC = """Summary line.

What it checks:
    Something.
Why it matters:
    Reasons.
How to meet it:
    Do it.
References:
    DPUP.
"""


def _make(
    check_id: str = "PM900",
    name: str = "test-check",
    subject: type = Purpose,
    func: Any = None,
    basis: Basis = Basis.GOOD_PRACTICE,
) -> Check[Any]:
    def body(_subject: Any, _ctx: EvaluationContext) -> Outcome:
        return met("ok")

    fn = func or body
    fn.__doc__ = DOC
    return check(
        id=check_id,
        name=name,
        principles=(Principle.HE_TANGATA,),
        basis=basis,
        legal_refs=(LegalRef.IPP1,) if basis is Basis.LAW else (),
        severity=Severity.MEDIUM,
        subject=subject,
        remediation="Fix it.",
        provision="IPP1(1)(a)" if basis is Basis.LAW else "",
        condition="Collection serves a lawful purpose." if basis is Basis.LAW else "",
    )(fn)


class TestDecorator:
    def test_returns_frozen_check_without_registering(self) -> None:
        """The decorator returns a Check value and registers nothing globally."""
        before = len(default_registry())
        c = _make()
        assert (Guideline.PURPOSE_MATTERS, "Summary line.") == (c.guideline, c.summary)
        assert before == len(default_registry())
        assert "PM900" not in default_registry()

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"check_id": "XX001"}, "must start with PM"),
            ({"check_id": "PM01"}, "three digits"),
            ({"name": "Bad Name"}, "kebab-case"),
            ({"basis": Basis.LAW, "check_id": "PM901"}, None),
        ],
        ids=["prefix", "digits", "name", "law-with-ref"],
    )
    def test_metadata_is_validated(self, kwargs: dict[str, Any], error: str | None) -> None:
        """Malformed metadata is refused at decoration time with a clear message."""
        if error is None:
            assert _make(**kwargs).basis is Basis.LAW
        else:
            with pytest.raises(ValueError, match=error):
                _make(**kwargs)

    def test_docstring_headings_are_required(self) -> None:
        """A check whose docstring lacks the four headings is refused."""

        def body(_s: Any, _c: EvaluationContext) -> None:
            """Only a summary."""

        with pytest.raises(ValueError, match="lacks: What it checks"):
            check(
                id="PM902",
                name="x",
                principles=(Principle.HE_TANGATA,),
                basis=Basis.GOOD_PRACTICE,
                severity=Severity.LOW,
                subject=Purpose,
                remediation="r",
            )(body)

    def test_law_check_needs_a_provision(self) -> None:
        """A LAW check that cites no provision is refused."""

        def body(_s: Any, _c: EvaluationContext) -> None:
            pass

        body.__doc__ = DOC
        with pytest.raises(ValueError, match="must cite"):
            check(
                id="PM903",
                name="x",
                principles=(Principle.HE_TANGATA,),
                basis=Basis.LAW,
                severity=Severity.LOW,
                subject=Purpose,
                remediation="r",
                provision="IPP1(1)(a)",
                condition="Collection serves a lawful purpose.",
            )(body)

    @pytest.mark.parametrize(
        ("basis", "provision", "condition", "error"),
        [
            (Basis.LAW, "", "Collection serves a lawful purpose.", "must name the provision"),
            (Basis.LAW, "IPP1(1)(a)", "  ", "must name the provision"),
            (Basis.GOOD_PRACTICE, "IPP1(1)(a)", "", "only a LAW check names a provision"),
            (Basis.STANDARD, "", "A condition.", "only a LAW check names a provision"),
        ],
        ids=["law-no-provision", "law-blank-condition", "practice-provision", "standard-cond"],
    )
    def test_provision_and_condition_belong_to_law_checks(
        self, basis: Basis, provision: str, condition: str, error: str
    ) -> None:
        """A LAW check names its provision and condition; no other check may."""

        def body(_s: Any, _c: EvaluationContext) -> None:
            pass

        body.__doc__ = DOC
        with pytest.raises(ValueError, match=error):
            check(
                id="PM904",
                name="x",
                principles=(Principle.HE_TANGATA,),
                basis=basis,
                legal_refs=(LegalRef.IPP1,),
                severity=Severity.LOW,
                subject=Purpose,
                remediation="r",
                provision=provision,
                condition=condition,
            )(body)

    def test_law_check_keeps_its_provision(self) -> None:
        """The provision and condition given are the check's, and reach the catalogue."""
        c = _make(basis=Basis.LAW, check_id="PM905")
        assert ("IPP1(1)(a)", "Collection serves a lawful purpose.") == (c.provision, c.condition)

    def test_needs_review_must_say_what_settles_it(self) -> None:
        """A NEEDS_REVIEW outcome without evidence to collect is refused."""
        with pytest.raises(ValueError, match="settle"):
            needs_review("x", reviewer=Reviewer.PRIVACY_OFFICER, settle_with=())


class TestRegistry:
    def test_duplicate_ids_are_refused(self) -> None:
        """A registry will not hold two checks with one id."""
        with pytest.raises(ValueError, match="duplicate"):
            Registry([_make(), _make(name="other")])

    @pytest.mark.parametrize(
        ("selector", "expected_prefix"),
        [
            ("PM", "PM"),
            ("pm001", "PM001"),
            ("catch-all-purpose", "PM002"),
            ("transparency-and-choice", "TC"),
            ("Access to Information", "AI"),
            (Guideline.SHARING_VALUE, "SV"),
        ],
        ids=["prefix", "id-any-case", "name", "guideline-slug", "guideline-label", "enum"],
    )
    def test_select(self, selector: Any, expected_prefix: str) -> None:
        """Selection by id, prefix, name or guideline keeps only matching checks."""
        chosen = default_registry().select([selector])
        assert len(chosen) > 0
        assert all(c.id.startswith(expected_prefix) for c in chosen)

    def test_select_by_principle(self) -> None:
        """Selecting a principle (slug, label or enum) keeps the checks that list it."""
        reg = default_registry()
        by_enum = reg.select([Principle.MANA_WHAKAHAERE])
        assert [c.id for c in by_enum] == [c.id for c in reg.select(["Mana Whakahaere"])]
        assert [c.id for c in by_enum] == [c.id for c in reg.select(["mana-whakahaere"])]
        assert all(Principle.MANA_WHAKAHAERE in c.principles for c in by_enum)

    def test_ignore(self) -> None:
        """Ignored checks are left out of the selection."""
        chosen = default_registry().select(ignore=["PM"])
        assert not any(c.id.startswith("PM") for c in chosen)
        assert len(chosen) == len(default_registry()) - len(default_registry().select(["PM"]))

    def test_unknown_selector_suggests_close_matches(self) -> None:
        """An unknown selector raises with close matches from the catalogue."""
        with pytest.raises(UnknownCheckError) as info:
            default_registry().select(["catch-al-purpose"])
        assert ("catch-all-purpose",) == info.value.suggestions["catch-al-purpose"][:1]

    def test_selection_is_cached(self) -> None:
        """The same selection returns the same registry object."""
        reg = default_registry()
        assert reg.select(["PM"]) is reg.select(["PM"])

    def test_pickles(self) -> None:
        """Registries and checks survive pickling, for process pools."""
        reg = default_registry()
        clone = pickle.loads(pickle.dumps(reg))  # noqa: S301 - our own data
        assert [c.id for c in reg] == [c.id for c in clone]


class TestEvaluate:
    def test_crashing_check_becomes_an_error_entry(self) -> None:
        """A check that raises is recorded as an error; the others still run."""

        def boom(_s: Any, _c: EvaluationContext) -> Outcome:
            msg = "secret value"
            raise RuntimeError(msg)

        reg = Registry([_make(func=boom), _make("PM901", "fine")])
        report = evaluate(Activity("a", purposes=(Purpose("p"),)), registry=reg, as_at=AS_AT)
        [error] = report.errors
        assert ("PM900", "$.purposes[0]", "builtins.RuntimeError") == (
            error.check_id,
            error.subject,
            error.error_type,
        )
        assert ["PM901"] == [f.check_id for f in report.findings]
        assert "secret value" not in str(report.to_dict())
        assert not report.passed()

    def test_single_object_in_context_gets_its_path(self) -> None:
        """A disclosure evaluated with its activity as context is located in it."""
        d0, d1 = Disclosure("a"), Disclosure("b")
        activity = Activity("x", disclosures=(d0, d1))
        report = evaluate(d1, context=activity, select=["TC004"], as_at=AS_AT)
        assert {"$.disclosures[1]"} == {f.subject for f in report.findings}
        assert "Disclosure" == report.subject_type

    def test_single_object_without_context(self) -> None:
        """A lone object is evaluated at the root path."""
        report = evaluate(Purpose("p", why="x"), select=["PM001"], as_at=AS_AT)
        assert ["$"] == [f.subject for f in report.findings]

    def test_rejects_non_domain_objects(self) -> None:
        """Evaluating something that is not a domain object is a TypeError."""
        with pytest.raises(TypeError, match="cannot evaluate"):
            evaluate("text")

    def test_as_at_defaults_to_activity(self) -> None:
        """The activity's recorded date is used when none is given."""
        assert date(2024, 3, 1) == evaluate(Activity("a", as_at=date(2024, 3, 1))).as_at

    def test_findings_are_in_stable_order(self) -> None:
        """Findings sort by guideline, check id, then subject position (10 after 9)."""
        purposes = tuple(Purpose(f"p{i}", why="x") for i in range(12))
        report = evaluate(Activity("a", purposes=purposes), select=["PM001"], as_at=AS_AT)
        assert [f"$.purposes[{i}]" for i in range(12)] == [f.subject for f in report.findings]

    def test_registry_order_does_not_change_results(self) -> None:
        """Reversing the catalogue gives the same report."""
        activity = dpup.load("examples/kids-first-before.toml")
        forward = evaluate(activity)
        backward = evaluate(activity, registry=Registry(tuple(reversed(BUILTIN_CHECKS))))
        assert forward.to_dict()["findings"] == backward.to_dict()["findings"]

    def test_evidence_paths_are_absolute(self) -> None:
        """Evidence is rebased onto the subject's path."""
        activity = Activity("a", purposes=(Purpose("p", why="any other purpose"),))
        [finding] = evaluate(activity, select=["PM002"], as_at=AS_AT).findings
        assert ("$.purposes[0].why",) == finding.evidence

    def test_remediation_only_on_problems(self) -> None:
        """MET findings carry no remediation; NOT_MET ones do."""
        good = Purpose("p", why="to plan next year's service")
        bad = Purpose("q", why="and any other purpose")
        report = evaluate(Activity("a", purposes=(good, bad)), select=["PM002"], as_at=AS_AT)
        assert [None, True] == [f.remediation and True for f in report.findings]


class TestWaivers:
    def _report(self, *waivers: Waiver) -> dpup.Report:
        activity = Activity("a", purposes=(Purpose("p", why="from time to time"),))
        return evaluate(activity, select=["PM002"], waivers=waivers, as_at=AS_AT)

    def test_active_waiver_marks_but_keeps_the_finding(self) -> None:
        """A waived finding stays in the report, marked, and no longer fails it."""
        report = self._report(Waiver("PM002", "accepted until the form is reprinted"))
        [finding] = report.findings
        assert (Status.NOT_MET, True) == (finding.status, finding.waived)
        assert report.passed()
        assert () == report.failures()
        assert 1 == len(report.failures(include_waived=True))

    def test_expired_waiver_does_not_waive(self) -> None:
        """A waiver past its expiry date waives nothing."""
        report = self._report(Waiver("PM002", "old", expires=date(2026, 5, 31)))
        assert (None, False) == (report.findings[0].waiver, report.passed())

    def test_subject_scoped_waiver(self) -> None:
        """A waiver for one subject path leaves other subjects alone."""
        assert self._report(Waiver("PM002", "r", subject="$.purposes[0]")).findings[0].waived
        assert not self._report(Waiver("PM002", "r", subject="$.purposes[9]")).findings[0].waived

    def test_waiver_needs_reason(self) -> None:
        """A waiver without a reason is refused."""
        with pytest.raises(ValueError, match="reason"):
            Waiver("PM002", "   ")

    def test_unknown_waiver_id(self) -> None:
        """A waiver for an unknown check raises with suggestions."""
        with pytest.raises(UnknownCheckError, match="PM999"):
            self._report(Waiver("PM999", "r"))

    def test_waivers_do_not_change_scores(self) -> None:
        """Scores reflect the findings, waived or not."""
        assert self._report().overall == self._report(Waiver("PM002", "r")).overall


class TestPassed:
    def _report(self, *outcomes: Outcome) -> dpup.Report:
        def body(_s: Any, _c: EvaluationContext) -> Iterator[Outcome]:
            yield from outcomes

        reg = Registry([_make(func=body)])
        return evaluate(Purpose("p"), registry=reg, as_at=AS_AT)

    def test_fail_on_levels(self) -> None:
        """passed() honours the threshold: NOT_MET by default, NEEDS_REVIEW when asked."""
        review = needs_review("r", reviewer=Reviewer.PRIVACY_OFFICER, settle_with=("x",))
        assert self._report(review).passed()
        assert not self._report(review).passed(Status.NEEDS_REVIEW)
        assert not self._report(not_met("x")).passed()
        assert self._report(met("ok")).passed(Status.NEEDS_REVIEW)
