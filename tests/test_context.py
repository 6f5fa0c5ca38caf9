"""A record evaluated in the context of an activity is checked like the activity's own records.

Issue 20, section 2: a proposed record's references are validated against its context (a
dangling id is bad input, never a finding); its findings tell paths into the record (``$``)
from paths into the context (``$context``), in every output; and the report says where the
date the law is applied as at came from.
"""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest

import dpup
from dpup import (
    AccessPractice,
    AccessRequest,
    Activity,
    AsAtSource,
    Breach,
    Choice,
    Collection,
    CorrectionRequest,
    Disclosure,
    InformationItem,
    InputError,
    Insight,
    Purpose,
    SharingAgreement,
    evaluate,
    evaluate_many,
)
from dpup._engine import memo
from dpup._engine.context import today
from dpup._engine.reference import reference_evaluate
from dpup.engine import default_registry
from dpup.findings import CONTEXT_ROOT
from dpup.model import Notice, SecondaryUse, SharingRequest
from dpup.model.references import (
    ANSWERS_LIMIT,
    dangles,
    known_ids,
    part_reference_problems,
    reference_problems,
)
from dpup.render import to_html, to_json, to_junit, to_markdown, to_sarif, to_text
from tests.checks.purpose_matters._builders import _FLOWS, _disclosure, _use
from tests.test_legal_invariants import _ABSENT, resolve

ROOT = Path(__file__).resolve().parent.parent
KIDS_FIRST = dpup.load(ROOT / "examples" / "kids-first-before.toml")
GHOST = "ghost-QZX-never-echoed"
"""A dangling id: errors name its path, never the id."""

# A small programme: one purpose, one collection of one item, a choice, an agreement and a
# disclosure, so every kind of reference has something to resolve to.
PROGRAMME = Activity(
    "programme",
    as_at=date(2025, 1, 31),
    purposes=(Purpose("support"),),
    collections=(Collection("intake", items=(InformationItem("name", purposes=("support",)),)),),
    choices=(Choice("share", purposes=("support",)),),
    agreements=(SharingAgreement("funder", purposes=("support",)),),
    disclosures=(Disclosure("to-funder", purposes=("support",), items=("name",)),),
)

# Every kind of record that refers to others, proposed with every reference dangling, and
# the paths (in the record) the error must name.
DANGLING: list[tuple[str, object, list[str]]] = [
    (
        "disclosure",
        Disclosure(
            "d", purposes=(GHOST,), items=("name", GHOST), choices=(GHOST,), agreement=GHOST
        ),
        ["$.purposes[0]", "$.choices[0]", "$.items[1]", "$.agreement"],
    ),
    ("choice", Choice("c", purposes=("support", GHOST)), ["$.purposes[1]"]),
    (
        "collection",
        Collection(
            "c",
            purposes=(GHOST,),
            items=(InformationItem("age", purposes=(GHOST,)),),
            notice=Notice(uses_explained=(GHOST,)),
        ),
        ["$.purposes[0]", "$.items[0].purposes[0]", "$.notice.uses_explained[0]"],
    ),
    (
        "agreement",
        SharingAgreement(
            "g",
            purposes=(GHOST,),
            fields=(InformationItem("count", purposes=(GHOST,)),),
            secondary_uses=(SecondaryUse(GHOST),),
        ),
        ["$.purposes[0]", "$.fields[0].purposes[0]", "$.secondary_uses[0].purpose"],
    ),
    (
        "correction",
        CorrectionRequest("r", items=(GHOST,), disclosures=(GHOST,), notified=(GHOST,)),
        ["$.items[0]", "$.disclosures[0]", "$.notified[0]"],
    ),
    ("breach", Breach("b", items=(GHOST,)), ["$.items[0]"]),
    (
        "sharing-request",
        SharingRequest("q", items=(GHOST,), disclosure=GHOST),
        ["$.items[0]", "$.disclosure"],
    ),
]

# Records whose every reference resolves in PROGRAMME, and records that refer to nothing.
RESOLVED: list[object] = [
    Disclosure(
        "new", purposes=("support",), items=("name",), choices=("share",), agreement="funder"
    ),
    Choice("again", purposes=("support",)),
    Collection(
        "more", purposes=("support",), items=(InformationItem("age", purposes=("support",)),)
    ),
    SharingAgreement("g2", purposes=("support",), fields=(InformationItem("name"),)),
    CorrectionRequest("r", items=("name",), disclosures=("to-funder",), notified=("to-funder",)),
    Breach("b", items=("name",)),
    SharingRequest("q", items=("name",), disclosure="to-funder"),
    Purpose("another"),
    AccessRequest("a"),
    AccessPractice(),
    Insight("i"),
]


def _clock_date() -> date:
    return date.today()  # noqa: DTZ011 - the civil date dpup uses


def _problems(error: InputError) -> list[tuple[str, str]]:
    return [(p.message, p.path) for p in error.problems]


class TestReferencesAgainstTheContext:
    @pytest.mark.parametrize(("kind", "record", "paths"), DANGLING, ids=[d[0] for d in DANGLING])
    def test_every_dangling_reference_is_an_input_error(
        self, kind: str, record: object, paths: list[str]
    ) -> None:
        """A proposed record's dangling ids are an InputError listing every path, no finding."""
        with pytest.raises(InputError) as caught:
            evaluate(record, context=PROGRAMME)
        assert paths == [path for _, path in _problems(caught.value)]
        assert GHOST not in str(caught.value)
        assert all(m.startswith("refers to an unknown ") for m, _ in _problems(caught.value))

    @pytest.mark.parametrize(("kind", "record", "paths"), DANGLING, ids=[d[0] for d in DANGLING])
    def test_worded_as_inside_an_activity(
        self, kind: str, record: object, paths: list[str]
    ) -> None:
        """The problems are those the activity's own validation gives the record placed in it."""
        field = {
            Disclosure: "disclosures",
            Choice: "choices",
            Collection: "collections",
            SharingAgreement: "agreements",
            CorrectionRequest: "correction_requests",
            Breach: "breaches",
            SharingRequest: "sharing_requests",
        }[type(record)]
        lone = part_reference_problems(record, PROGRAMME)
        placed: dict[str, Any] = {field: (*getattr(PROGRAMME, field), record)}
        with pytest.raises(InputError) as caught:
            attrs.evolve(PROGRAMME, **placed)
        at = f"$.{field}[{len(getattr(PROGRAMME, field))}]"
        inside = [(m, p.replace(at, "$", 1)) for m, p in _problems(caught.value)]
        assert inside == [(p.message, p.path) for p in lone]

    @pytest.mark.parametrize("record", RESOLVED, ids=lambda r: type(r).__name__)
    def test_resolved_references_are_evaluated(self, record: object) -> None:
        """A record whose references all resolve (or that has none) is evaluated as before."""
        report = evaluate(record, context=PROGRAMME, as_at=date(2026, 6, 1))
        assert type(record).__name__ == report.subject_type
        assert report.errors == ()

    def test_evaluate_many_checks_each_record(self) -> None:
        """evaluate_many validates each record as its report is reached."""
        reports = evaluate_many([RESOLVED[0], DANGLING[0][1]], context=PROGRAMME)
        assert "Disclosure" == next(reports).subject_type
        with pytest.raises(InputError, match=r"unknown agreement @ \$\.agreement"):
            next(reports)

    def test_reference_evaluator_agrees(self) -> None:
        """The plain reference evaluator refuses the same records."""
        for _, record, _paths in DANGLING:
            with pytest.raises(InputError):
                reference_evaluate(record, default_registry(), context=PROGRAMME)

    def test_without_context_nothing_to_check_against(self) -> None:
        """Without a context there is nothing to resolve against: the record is evaluated."""
        report = evaluate(DANGLING[0][1], as_at=date(2026, 6, 1))
        assert report.findings

    def test_a_record_found_in_its_context_is_not_checked_again(self) -> None:
        """The activity's own records were validated with it; evaluating one raises nothing."""
        report = evaluate(PROGRAMME.disclosures[0], context=PROGRAMME)
        assert {"$.disclosures[0]"} == {f.subject for f in report.findings}

    def test_a_close_match_is_pointed_at_in_the_context(self) -> None:
        """The hint at a close id names its path under the context's root, not the id."""
        with pytest.raises(InputError) as caught:
            evaluate(Disclosure("d", purposes=("suport",)), context=PROGRAMME)
        ((message, path),) = _problems(caught.value)
        assert "$.purposes[0]" == path
        assert "did you mean the one at `$context.purposes[0]`?" in message
        assert "suport" not in str(caught.value)

    def test_the_activity_validation_is_unchanged(self) -> None:
        """Every dangling reference of the whole activity is still reported at its path."""
        broken = attrs.evolve(PROGRAMME.disclosures[0], items=(GHOST,))
        with pytest.raises(InputError) as caught:
            attrs.evolve(PROGRAMME, disclosures=(broken,))
        expected = [("refers to an unknown information item", "$.disclosures[0].items[0]")]
        assert expected == _problems(caught.value)
        assert [] == reference_problems(PROGRAMME)

    def test_each_context_is_checked_as_itself(self) -> None:
        """Remembered answers belong to one context: switching contexts re-checks."""
        other = attrs.evolve(
            PROGRAMME,
            purposes=(Purpose("other"),),
            collections=(),
            choices=(),
            agreements=(),
            disclosures=(),
        )
        record = RESOLVED[1]
        for _ in range(2):
            evaluate(record, context=PROGRAMME)
            with pytest.raises(InputError):
                evaluate(record, context=other)
        memo.clear()
        with pytest.raises(InputError):
            evaluate(record, context=other)
        assert "Choice" == evaluate(record, context=PROGRAMME).subject_type

    def test_remembered_answers_are_bounded(self) -> None:
        """However many different records are checked, the answers kept stay bounded."""
        known = known_ids(PROGRAMME)
        for i in range(ANSWERS_LIMIT + 10):
            assert dangles(Disclosure("d", purposes=(f"p{i}",)), known)
        assert len(known.answers) <= ANSWERS_LIMIT
        assert not dangles(RESOLVED[0], known)

    def test_a_list_built_by_hand_is_still_checked(self) -> None:
        """References held in a list (annotations are not enforced) are checked all the same."""
        known = known_ids(PROGRAMME)
        loose = Disclosure("d", purposes=["support", GHOST])  # type: ignore[arg-type]  # on purpose
        assert dangles(loose, known)

    @pytest.mark.parametrize(
        ("record", "context"),
        [
            (_use(purposes=("q",), choices=("ghost",)), _FLOWS),
            (_disclosure(items=("unknown-item",)), _FLOWS),
        ],
        ids=["pm015-unknown-choice", "pm016-untraceable-item"],
    )
    def test_former_golden_cases_are_input_errors(self, record: object, context: Activity) -> None:
        """Cases that used to need review for an unknown id are refused as input now."""
        with pytest.raises(InputError):
            evaluate(record, context=context)


def _proposed() -> Disclosure:
    return attrs.evolve(KIDS_FIRST.disclosures[0], id="proposed")


class TestEvidencePaths:
    def test_a_proposed_record_points_into_its_context_by_the_context_root(self) -> None:
        """Paths into the context start at $context; every other path is into the record."""
        report = evaluate(_proposed(), context=KIDS_FIRST)
        paths = [e for f in report.findings for e in f.evidence]
        into_context = [e for e in paths if e.startswith(CONTEXT_ROOT)]
        assert into_context, "the example's disclosure is compared with its notices"
        for path in paths:
            if path.startswith(CONTEXT_ROOT):
                assert resolve(KIDS_FIRST, "$" + path.removeprefix(CONTEXT_ROOT)) is not _ABSENT
            else:
                assert re.match(r"\$(\.|\[|$)", path), path
                assert resolve(_proposed(), path) is not _ABSENT, path

    def test_a_record_in_its_context_uses_the_activity_paths(self) -> None:
        """A record found in its context is placed there: no path uses the context root."""
        report = evaluate(KIDS_FIRST.disclosures[0], context=KIDS_FIRST)
        paths = [e for f in report.findings for e in f.evidence]
        assert not [e for e in paths if e.startswith(CONTEXT_ROOT)]
        assert any(e.startswith("$.collections[") for e in paths)

    def test_the_same_matter_either_way(self) -> None:
        """Placed or proposed, the evidence names the same facts of the activity."""
        placed = evaluate(KIDS_FIRST.disclosures[0], context=KIDS_FIRST, as_at=date(2026, 6, 1))
        lone = evaluate(_proposed(), context=KIDS_FIRST, as_at=date(2026, 6, 1))

        def into_activity(r: dpup.Report) -> set[str]:
            paths = (e for f in r.findings for e in f.evidence)
            return {
                "$" + e.removeprefix(CONTEXT_ROOT) if e.startswith(CONTEXT_ROOT) else e
                for e in paths
                if e.startswith((CONTEXT_ROOT, "$.collections"))
            }

        assert into_activity(placed) == into_activity(lone)

    def test_a_record_without_context_still_marks_paths_beyond_it(self) -> None:
        """With no context given, a check's paths into the activity still use $context."""
        report = evaluate(_proposed(), as_at=date(2026, 6, 1))
        paths = [e for f in report.findings for e in f.evidence]
        assert all(
            e.startswith(CONTEXT_ROOT) or resolve(_proposed(), e) is not _ABSENT for e in paths
        )

    def test_an_activity_has_no_context_paths(self) -> None:
        """Evaluating the activity itself, $ is the activity and nothing uses $context."""
        report = evaluate(KIDS_FIRST)
        assert not [e for f in report.findings for e in f.evidence if e.startswith(CONTEXT_ROOT)]

    @pytest.mark.parametrize(
        "render",
        [to_text, to_markdown, to_json, to_sarif, to_junit, to_html],
        ids=["text", "markdown", "json", "sarif", "junit", "html"],
    )
    def test_every_output_keeps_the_context_root(self, render: Any) -> None:
        """Every renderer writes the context paths as they are."""
        report = evaluate(_proposed(), context=KIDS_FIRST)
        assert "$context.collections[1].notice" in render(report)

    def test_reference_evaluator_agrees(self) -> None:
        """The plain reference evaluator writes the same paths."""
        fast = evaluate(_proposed(), context=KIDS_FIRST, as_at=date(2026, 6, 1))
        slow = reference_evaluate(
            _proposed(), default_registry(), context=KIDS_FIRST, as_at=date(2026, 6, 1)
        )
        assert [f.evidence for f in slow.findings] == [f.evidence for f in fast.findings]


class TestAsAtSource:
    def test_argument(self) -> None:
        """A date given wins, for an activity and for a record in any context."""
        day = date(2026, 3, 2)
        for report in (
            evaluate(KIDS_FIRST, as_at=day),
            evaluate(_proposed(), context=KIDS_FIRST, as_at=day),
            evaluate(KIDS_FIRST.disclosures[0], context=KIDS_FIRST, as_at=day),
        ):
            assert (day, AsAtSource.ARGUMENT) == (report.as_at, report.as_at_source)

    def test_the_activity_own_date(self) -> None:
        """An activity, and a record found in it, are dated by the activity's as_at."""
        assert KIDS_FIRST.as_at is not None
        for report in (
            evaluate(KIDS_FIRST),
            evaluate(KIDS_FIRST.disclosures[0], context=KIDS_FIRST),
        ):
            assert (KIDS_FIRST.as_at, AsAtSource.ACTIVITY) == (report.as_at, report.as_at_source)

    def test_a_proposed_record_is_dated_today_not_by_an_old_context(self) -> None:
        """An old context's as_at does not freeze the law for a new event: it is today."""
        report = evaluate(_proposed(), context=KIDS_FIRST)
        assert KIDS_FIRST.as_at is not None
        assert KIDS_FIRST.as_at < _clock_date()
        assert (_clock_date(), AsAtSource.TODAY) == (report.as_at, report.as_at_source)

    def test_today_when_nothing_gives_a_date(self) -> None:
        """Without a date anywhere, today."""
        undated = attrs.evolve(PROGRAMME, as_at=None)
        for report in (evaluate(undated), evaluate(Purpose("p"))):
            assert (_clock_date(), AsAtSource.TODAY) == (report.as_at, report.as_at_source)

    def test_a_large_activity_keeps_its_source(self) -> None:
        """A large activity (evaluated with the collector held off) still says activity."""
        many = tuple(Purpose(f"p{i}") for i in range(300))
        report = evaluate(attrs.evolve(PROGRAMME, purposes=(*PROGRAMME.purposes, *many)))
        assert AsAtSource.ACTIVITY is report.as_at_source

    def test_reference_evaluator_agrees(self) -> None:
        """The reference evaluator applies the same rule."""
        for subject, context in ((KIDS_FIRST, None), (_proposed(), KIDS_FIRST)):
            fast = evaluate(subject, context=context)
            slow = reference_evaluate(subject, default_registry(), context=context)
            assert (fast.as_at, fast.as_at_source) == (slow.as_at, slow.as_at_source)

    def test_in_every_output(self) -> None:
        """JSON carries the source; SARIF as a property; the human reports in their header."""
        report = evaluate(_proposed(), context=KIDS_FIRST)
        assert "today" == report.to_dict()["as_at_source"]
        assert '"as_at_source":"today"' in to_json(report)
        assert '"asAtSource": "today"' in to_sarif(report)
        for render in (to_text, to_markdown, to_html):
            assert "(today's date)" in html.unescape(render(report))
        given = evaluate(KIDS_FIRST, as_at=date(2026, 6, 1))
        assert "(the date given)" in to_text(given)
        assert "(the activity's as_at)" in to_markdown(evaluate(KIDS_FIRST))

    def test_today_is_the_clock_date(self) -> None:
        """The day cached for the request path is the clock's date."""
        assert _clock_date() == today()
        assert today() - _clock_date() < timedelta(days=1)
