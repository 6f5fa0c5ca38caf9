"""A person's own record, evaluated in the context of its programme without copying it.

The programme's parts (purposes, collections, notices, agreements) and the person's parts
(choices, disclosures, requests) meet in a `PersonView`. These tests hold it to the plain
alternative, a copy of the programme with the person's parts in place of its own, and show
that a disclosure checked for one person sees that person's choices and no one else's.
"""

from __future__ import annotations

import gc
import json
import re
import weakref
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import dpup
from dpup import InputError, evaluate, evaluate_many, facts, structure, unstructure
from dpup._engine.reference import reference_evaluate
from dpup.engine import default_registry
from dpup.facts import activity_cache, item_sources
from dpup.findings import Status
from dpup.io.schema import schema
from dpup.model import (
    PERSON_FIELDS,
    AccessRequest,
    Activity,
    Choice,
    ChoiceScope,
    ChoiceState,
    CorrectionRequest,
    Disclosure,
    FamilyViolenceSharing,
    InformationItem,
    PersonRecord,
    PersonView,
    Recipient,
    RecipientKind,
    SharingGround,
    SharingRequest,
    in_context,
    reference_fields,
)
from dpup.testing.person_strategies import people
from tests.test_leaks import TOKEN, Canaries, assert_no_token, assert_outputs_clean

ROOT = Path(__file__).parent.parent
SERVER = ROOT / "examples" / "server"
AS_AT = date(2026, 6, 1)


@pytest.fixture(scope="module")
def programme() -> Activity:
    """The example programme, with a programme-wide choice that no person's check may see."""
    loaded = dpup.load(SERVER / "programme.toml")
    refused = Choice(
        id="programme-wide",
        scope=ChoiceScope.RECIPIENTS,
        recipients=("Northside College",),
        state=ChoiceState.REFUSED,
    )
    return attrs.evolve(loaded, choices=(refused,))


def _person(
    ref: str, state: ChoiceState | None, *, ground: SharingGround | None = None
) -> PersonRecord:
    """A person whose one disclosure to the school rests on their choice, in ``state``."""
    choice = Choice(
        id="share-with-school",
        scope=ChoiceScope.RECIPIENTS,
        recipients=("Northside College",),
        purposes=("school-liaison",),
        state=state,
        decided_on=date(2026, 2, 2),
    )
    disclosure = Disclosure(
        id="term-update",
        recipient=Recipient("Northside College", RecipientKind.ORGANISATION, "NZ"),
        purposes=("school-liaison",),
        items=("mentoring-notes",),
        identifiable=True,
        choices=("share-with-school",),
        ground=ground,
        on=date(2026, 5, 1),
    )
    correction = CorrectionRequest(
        id="fix-notes",
        received_on=date(2026, 5, 3),
        items=("mentoring-notes",),
        disclosures=("term-update",),
    )
    return PersonRecord(
        ref=ref,
        choices=(choice,),
        disclosures=(disclosure,),
        access_requests=(AccessRequest(id="copy", received_on=date(2026, 5, 10)),),
        correction_requests=(correction,),
        sharing_requests=(SharingRequest(id="ot-request", items=("school",)),),
        family_violence=FamilyViolenceSharing(involved=False),
    )


def _copy(programme: Activity, person: PersonRecord) -> Activity:
    """The plain alternative: the whole programme copied with the person's parts in it."""
    return attrs.evolve(programme, **{name: getattr(person, name) for name in PERSON_FIELDS})


def _person_findings(report: dpup.Report) -> list[tuple[Any, ...]]:
    """The findings about the person's own parts, comparably."""
    owned = tuple(f"$.{name}" for name in PERSON_FIELDS)
    return [
        (f.check_id, f.status, f.subject, f.evidence, f.message)
        for f in report.findings
        if f.subject.startswith(owned)
    ]


def _status(report: dpup.Report, check_id: str) -> Status:
    (found,) = [f for f in report.findings if f.check_id == check_id]
    return found.status


class TestEvaluation:
    def test_a_person_is_evaluated_as_a_copy_of_the_programme_would_be(
        self, programme: Activity
    ) -> None:
        """Every finding about the person's parts is the one a full copy would give."""
        for state in (ChoiceState.GIVEN, ChoiceState.REFUSED, None):
            person = _person("p-1", state)
            report = evaluate(person, context=programme)
            assert report.subject_type == "PersonRecord"
            assert report.findings
            assert _person_findings(report) == _person_findings(evaluate(_copy(programme, person)))
            assert all(f.subject.startswith("$.") for f in report.findings)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(people())
    def test_any_person_is_evaluated_as_a_copy_would_be(
        self, pair: tuple[Activity, PersonRecord]
    ) -> None:
        """For generated programmes and people, the view and the copy agree on every finding."""
        programme, person = pair
        report = evaluate(person, context=programme, as_at=AS_AT)
        copied = evaluate(_copy(programme, person), as_at=AS_AT)
        assert _person_findings(report) == _person_findings(copied)
        for disclosure in person.disclosures:
            mine = evaluate(disclosure, context=programme, person=person, as_at=AS_AT)
            theirs = evaluate(disclosure, context=_copy(programme, person), as_at=AS_AT)
            assert mine.findings == theirs.findings

    def test_the_fast_loop_agrees_with_the_reference_evaluator(self, programme: Activity) -> None:
        """The person's view walks the same parts, with the same findings, in both loops."""
        person = _person("p-1", ChoiceState.WITHDRAWN)
        view = in_context(programme, person)
        fast = evaluate(person, context=programme, as_at=AS_AT)
        slow = reference_evaluate(view, default_registry(), as_at=AS_AT)
        assert [(f.check_id, f.subject, f.status, f.evidence) for f in fast.findings] == [
            (f.check_id, f.subject, f.status, f.evidence) for f in slow.findings
        ]

    def test_no_programme_level_check_runs_for_a_person(self, programme: Activity) -> None:
        """The programme's own parts are evaluated with the programme, not once per person."""
        report = evaluate(_person("p-1", ChoiceState.GIVEN), context=programme)
        subjects = {f.subject.split("[")[0] for f in report.findings}
        assert subjects <= {f"$.{name}" for name in PERSON_FIELDS}
        assert "$.collections" not in subjects
        assert "$" not in subjects

    def test_one_disclosure_sees_only_its_persons_choices(self, programme: Activity) -> None:
        """TC004 reads the person's choice, never the programme's nor another person's.

        Given for one person, refused for another, and refused programme-wide.
        """
        willing = _person("p-1", ChoiceState.GIVEN)
        unwilling = _person("p-2", ChoiceState.REFUSED, ground=SharingGround.NONE)
        disclosure = willing.disclosures[0]
        # Proposed to the same school on no lawful override, naming no choice: the programme
        # alone (its own refused choice) fails it, the willing person's view meets it.
        proposal = attrs.evolve(disclosure, choices=None, ground=SharingGround.NONE)
        assert _status(evaluate(proposal, context=programme), "TC004") is Status.NOT_MET
        assert _status(evaluate(proposal, context=programme, person=willing), "TC004") is (
            Status.MET
        )
        assert _status(evaluate(disclosure, context=programme, person=willing), "TC004") is (
            Status.MET
        )
        theirs = unwilling.disclosures[0]
        report = evaluate(theirs, context=programme, person=unwilling)
        assert _status(report, "TC004") is Status.NOT_MET
        # Evaluated one after the other, neither sees the other's choice.
        again = evaluate(disclosure, context=programme, person=willing)
        assert _status(again, "TC004") is Status.MET

    def test_a_disclosure_for_a_person_matches_a_copy(self, programme: Activity) -> None:
        """``person=`` gives the report a copy of the programme with the person in it gives."""
        for state in (ChoiceState.GIVEN, ChoiceState.EXPIRED):
            person = _person("p-1", state)
            disclosure = person.disclosures[0]
            mine = evaluate(disclosure, context=programme, person=person, as_at=AS_AT)
            copied = evaluate(disclosure, context=_copy(programme, person), as_at=AS_AT)
            assert mine.findings == copied.findings

    def test_evaluate_many_takes_people_and_events(self, programme: Activity) -> None:
        """A caseload of people, and one person's events, each give the single report."""
        people = [_person(f"p-{i}", state) for i, state in enumerate(ChoiceState)]
        many = list(evaluate_many(people, context=programme, as_at=AS_AT))
        single = [evaluate(p, context=programme, as_at=AS_AT) for p in people]
        assert [r.findings for r in many] == [r.findings for r in single]
        person = people[0]
        events = list(evaluate_many(person.disclosures, context=programme, person=person))
        assert (
            events[0].findings
            == evaluate(person.disclosures[0], context=programme, person=person).findings
        )

    def test_as_at_and_waivers_apply(self, programme: Activity) -> None:
        """Options pass through: a waiver covers a person's finding by its path."""
        person = _person("p-1", ChoiceState.REFUSED, ground=SharingGround.NONE)
        waiver = dpup.Waiver(
            check_id="TC004",
            subject="$.disclosures[0]",
            reason="accepted for this test",
            approver="privacy officer",
            expires=date(2027, 1, 1),
        )
        report = evaluate(person, context=programme, as_at=AS_AT, waivers=[waiver])
        (tc004,) = [f for f in report.findings if f.check_id == "TC004"]
        assert tc004.waiver == waiver
        assert report.as_at == AS_AT

    def test_not_met_evidence_points_at_recorded_values(self, programme: Activity) -> None:
        """Each NOT_MET path resolves, in the person's record or the programme, to a value."""
        person = _person("p-1", ChoiceState.REFUSED, ground=SharingGround.NONE)
        report = evaluate(person, context=programme)
        failed = [f for f in report.findings if f.status is Status.NOT_MET]
        assert failed
        person_doc, programme_doc = unstructure(person), unstructure(programme)
        for finding in failed:
            for path in finding.evidence:
                head = re.match(r"\$\.(\w+)", path)
                assert head is not None, path
                doc = person_doc if head.group(1) in PERSON_FIELDS else programme_doc
                assert _resolve(doc, path) is not None, (finding.check_id, path)


def _resolve(doc: Any, path: str) -> Any:
    """Return the value at ``path`` (``$.a[0].b``) in a plain document, or None."""
    value = doc
    for name, index in re.findall(r"\.(\w+)|\[(\d+)\]", path[1:]):
        if name:
            value = value.get(name) if isinstance(value, dict) else None
        else:
            value = (
                value[int(index)] if isinstance(value, list) and int(index) < len(value) else None
            )
        if value is None:
            return None
    return value


class TestReferences:
    def test_own_duplicates_and_dangling_references_are_refused_together(self) -> None:
        """References between the person's own records are checked when it is built."""
        with pytest.raises(InputError) as caught:
            PersonRecord(
                ref="p-1",
                choices=(Choice(id="c"), Choice(id="c")),
                disclosures=(Disclosure(id="d", choices=("nope",)),),
                correction_requests=(CorrectionRequest(id="r", disclosures=("nope",)),),
                sharing_requests=(SharingRequest(id="s", disclosure="nope"),),
            )
        assert [p.path for p in caught.value.problems] == [
            "$.choices[1]",
            "$.disclosures[0].choices[0]",
            "$.correction_requests[0].disclosures[0]",
            "$.sharing_requests[0].disclosure",
        ]
        assert "nope" not in str(caught.value)

    def test_references_into_the_programme_are_checked_against_it(
        self, programme: Activity
    ) -> None:
        """Every dangling id is an InputError naming its path, never a finding."""
        person = PersonRecord(
            ref="p-1",
            choices=(Choice(id="c", purposes=("mentorin",)),),
            disclosures=(
                Disclosure(
                    id="d", purposes=("gone",), items=("school", "unheard-of"), agreement="x"
                ),
            ),
            correction_requests=(CorrectionRequest(id="r", items=("unheard-of",)),),
            sharing_requests=(SharingRequest(id="s", items=("unheard-of",)),),
        )
        for call in (
            lambda: evaluate(person, context=programme),
            lambda: evaluate(person.disclosures[0], context=programme, person=person),
            lambda: in_context(programme, person),
        ):
            with pytest.raises(InputError) as caught:
                call()
            paths = [p.path for p in caught.value.problems]
            assert paths == [
                "$.choices[0].purposes[0]",
                "$.disclosures[0].purposes[0]",
                "$.disclosures[0].items[1]",
                "$.disclosures[0].agreement",
                "$.correction_requests[0].items[0]",
                "$.sharing_requests[0].items[0]",
            ]
            text = str(caught.value)
            assert "mentorin" not in text
            assert "unheard-of" not in text
            # A near miss points at the record it probably meant, by path.
            assert "$.purposes[0]" in caught.value.problems[0].message

    def test_a_person_needs_a_programme(self, programme: Activity) -> None:
        """Without a programme, or with a person given twice, the call is refused."""
        person = _person("p-1", ChoiceState.GIVEN)
        with pytest.raises(TypeError, match="programme"):
            evaluate(person)
        with pytest.raises(TypeError, match="programme"):
            evaluate(person.disclosures[0], person=person)
        with pytest.raises(TypeError, match="not both"):
            evaluate(person, context=programme, person=_person("p-2", ChoiceState.GIVEN))
        with pytest.raises(TypeError, match="programme"):
            evaluate(programme, context=programme, person=person)
        view = in_context(programme, person)
        with pytest.raises(TypeError, match="programme"):
            in_context(view, person)


class TestSharing:
    def test_the_view_shares_the_programmes_parts(self, programme: Activity) -> None:
        """Nothing of the programme is copied: its parts are the same objects."""
        person = _person("p-1", ChoiceState.GIVEN)
        view = in_context(programme, person)
        assert isinstance(view, PersonView)
        assert isinstance(view, Activity)
        for field in attrs.fields(Activity):
            source = person if field.name in PERSON_FIELDS else programme
            assert getattr(view, field.name) is getattr(source, field.name)

    def test_a_view_is_kept_per_person_and_programme(self, programme: Activity) -> None:
        """The same record and programme give the same view; another programme, a new one."""
        person = _person("p-1", ChoiceState.GIVEN)
        first = in_context(programme, person)
        assert in_context(programme, person) is first
        other = attrs.evolve(programme, name="Another programme")
        second = in_context(other, person)
        assert second is not first
        assert second.programme is other

    def test_a_view_goes_when_its_record_does(self, programme: Activity) -> None:
        """The kept view does not hold the record, so a server dropping a person frees both."""
        person = _person("p-1", ChoiceState.GIVEN)
        evaluate(person, context=programme)
        view = weakref.ref(in_context(programme, person))
        record = weakref.ref(person)
        assert view() is not None
        assert view().person is person  # type: ignore[union-attr]
        del person
        gc.collect()
        assert record() is None
        assert view() is None

    def test_clearing_the_facts_forgets_the_views(self, programme: Activity) -> None:
        """``dpup.facts.clear`` starts from nothing, people's views included."""
        person = _person("p-1", ChoiceState.GIVEN)
        first = in_context(programme, person)
        facts.clear()
        assert in_context(programme, person) is not first

    def test_programme_facts_are_worked_out_once_for_every_person(
        self, programme: Activity
    ) -> None:
        """The index of the programme's items is built once and shared by every person."""
        facts.clear()
        people = [_person(f"p-{i}", ChoiceState.GIVEN) for i in range(5)]
        for person in people:
            evaluate(person, context=programme)
        shared = activity_cache(programme)[item_sources]
        for person in people:
            view = in_context(programme, person)
            assert view.cache[item_sources] is shared


class TestInput:
    def test_round_trip(self) -> None:
        """structure(unstructure(record)) gives the record back."""
        person = _person("p-1", ChoiceState.GIVEN)
        assert structure(unstructure(person), PersonRecord) == person

    def test_loads_from_toml_and_json(self, tmp_path: Path) -> None:
        """A person file loads with ``dpup.load(path, PersonRecord)`` in any input format."""
        from_toml = dpup.load(SERVER / "person.toml", PersonRecord)
        json_path = tmp_path / "person.json"
        json_path.write_text(json.dumps(unstructure(from_toml)), encoding="utf-8")
        assert dpup.load(json_path, PersonRecord) == from_toml

    def test_bad_person_files_list_every_problem(self) -> None:
        """Unknown fields and a blank reference are errors at their paths."""
        with pytest.raises(InputError) as caught:
            structure({"ref": " ", "choices": [{"id": "c", "stat": "given"}]}, PersonRecord)
        assert caught.value.problems

    def test_schema_accepts_the_example_and_refuses_unknown_fields(self) -> None:
        """`dpup schema person` validates the example person file, and only known fields."""
        validator = jsonschema.Draft202012Validator(schema("person"))
        example = unstructure(dpup.load(SERVER / "person.toml", PersonRecord))
        assert list(validator.iter_errors(example)) == []
        assert list(validator.iter_errors({**example, "name": "x"}))
        assert list(validator.iter_errors({"choices": []}))
        programme = unstructure(dpup.load(SERVER / "programme.toml"))
        assert (
            list(jsonschema.Draft202012Validator(schema("activity")).iter_errors(programme)) == []
        )

    def test_the_input_reference_covers_the_person_record(self) -> None:
        """The generated input reference has a section for a person's record."""
        from dpup.render.input_reference import input_reference_markdown  # noqa: PLC0415

        page = input_reference_markdown()
        assert "### PersonRecord" in page
        assert "`dpup schema person`" in page


def _plant(canaries: Canaries, obj: Any) -> Any:
    """Return ``obj`` with a canary in every free-text string: not ids or references to ids.

    Ids and item names are structure, and findings may name them; the person's ``ref`` is
    planted, since it must never be copied out.
    """
    if isinstance(obj, str):
        return canaries.wrap(obj)
    if isinstance(obj, tuple):
        return tuple(_plant(canaries, item) for item in obj)
    if attrs.has(type(obj)):
        keep = {"id", *reference_fields(type(obj))}
        if type(obj) is InformationItem:
            keep.add("name")
        changes = {
            f.name: _plant(canaries, getattr(obj, f.name))
            for f in attrs.fields(type(obj))
            if f.init and f.name not in keep
        }
        return attrs.evolve(obj, **changes)
    return obj


class TestLeaks:
    def test_nothing_personal_reaches_a_report(self, programme: Activity) -> None:
        """A canary in every free-text field of the person and programme reaches no output."""
        canaries = Canaries()
        planted_programme: Activity = _plant(canaries, programme)
        for state in (ChoiceState.GIVEN, ChoiceState.REFUSED):
            planted: PersonRecord = _plant(canaries, _person("p-1", state))
            assert TOKEN.search(planted.ref)
            report = evaluate(planted, context=planted_programme)
            assert report.findings
            assert_outputs_clean(report)
            event = evaluate(planted.disclosures[0], context=planted_programme, person=planted)
            assert_outputs_clean(event)

    def test_reference_errors_leak_nothing(self, programme: Activity) -> None:
        """A dangling reference's error names its path, never the planted id."""
        canaries = Canaries()
        person = canaries.plant(
            PersonRecord(ref="p-1", disclosures=(Disclosure(id="d", items=("secret-item",)),))
        )
        with pytest.raises(InputError) as caught:
            evaluate(person, context=canaries.plant(programme))
        assert_no_token(str(caught.value))
