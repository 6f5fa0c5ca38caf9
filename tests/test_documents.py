"""Documents written from the model: purpose statements, notices, reading grades, round trip."""

from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import dpup
from dpup import Activity, Collection, InformationItem, InputError, Purpose, Settings
from dpup.documents import (
    Bullets,
    Document,
    Missing,
    Paragraph,
    notice,
    notice_facts,
    purpose_statement,
    with_generated_notices,
)
from dpup.documents.phrases import CHOICE_LEVEL_WORDING, GROUND_WORDING, NOTICE_WORDING
from dpup.documents.readability import FORMULAS, count_syllables, reading_grade, text_stats
from dpup.findings import Status
from dpup.model import (
    AccessParty,
    AccessPractice,
    Agency,
    Channel,
    Choice,
    ChoiceLevel,
    ChoiceScope,
    Identifiability,
    Notice,
    NoticeTiming,
    Recipient,
    SharingGround,
    Source,
)
from dpup.testing.strategies import activities

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
NOTICE_CHECKS = ["TC001", "TC002", "TC003", "TC006", "TC010", "TC011", "TC013", "TC014"]
NOTICE_CHECKS += ["TC016", "TC017"]
LIMITS = {"adult": Settings().adult_reading_grade, "child": Settings().child_reading_grade}


def _load(name: str) -> Activity:
    return dpup.load(ROOT / "examples" / name)


def _blocks(document: Document) -> list[Paragraph | Bullets | Missing]:
    return [b for s in document.sections for b in s.blocks]


class TestReadability:
    @pytest.mark.parametrize(
        ("word", "syllables"),
        [
            ("the", 1),
            ("safe", 1),
            ("shared", 1),
            ("notes", 1),
            ("people", 2),
            ("table", 2),
            ("going", 2),
            ("beyond", 2),
            ("value", 2),
            ("family", 3),
            ("guardian", 3),
            ("recipient", 4),
            ("information", 4),
            ("evaluation", 5),
            ("whānau", 2),
            ("tamariki", 4),
            ("2026", 1),
        ],
    )
    def test_syllable_estimates(self, word: str, syllables: int) -> None:
        """The spelling-based estimate counts common and te reo Māori words correctly."""
        assert syllables == count_syllables(word)

    def test_sentences_follow_lists_and_paragraphs(self) -> None:
        """List lead-ins, list items and paragraphs end sentences; a hard wrap does not."""
        text = "We collect:\n- your name\n- your age\nThis is kept\nfor a year. Ask us."
        assert (5, 14) == (text_stats(text).sentences, text_stats(text).words)

    def test_grade_of_known_text(self) -> None:
        """A known easy text measures at a known grade by each formula."""
        text = "We keep your name. We use it to send you reminders."
        assert [0.5, 0.0, 0.0] == [
            reading_grade(text, f)
            for f in ("flesch-kincaid", "coleman-liau", "automated-readability")
        ]

    def test_no_words_has_no_grade(self) -> None:
        """Text without words has no grade rather than a made-up one."""
        assert (None, None) == (reading_grade(""), reading_grade("… — !"))

    def test_unknown_formula_is_rejected(self) -> None:
        """An unknown formula is an error, in the function and in the settings."""
        with pytest.raises(ValueError, match="unknown reading-grade formula"):
            reading_grade("Hello there.", "smog")
        with pytest.raises(ValueError, match="reading_grade_formula"):
            Settings(reading_grade_formula="smog")

    def test_every_formula_is_usable(self) -> None:
        """Every listed formula gives a non-negative grade."""
        text = "Organisations disseminate comprehensive information electronically."
        assert all((reading_grade(text, f) or 0) > 0 for f in FORMULAS)


class TestExampleNotices:
    @pytest.mark.parametrize("audience", ["adult", "child"])
    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
    def test_whole_activity_reads_within_limit(self, path: Path, audience: str) -> None:
        """Every example's notice reads at or below the grade set for its audience."""
        grade = notice(dpup.load(path), audience).reading_grade()  # type: ignore[arg-type]
        assert grade is not None
        assert grade <= LIMITS[audience]

    @pytest.mark.parametrize("audience", ["adult", "child"])
    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
    def test_each_collection_reads_within_limit(self, path: Path, audience: str) -> None:
        """Every collection's own notice reads at or below the grade set for its audience."""
        activity = dpup.load(path)
        grades = [
            notice(activity, audience, collection=c.id).reading_grade()  # type: ignore[arg-type]
            for c in activity.collections
        ]
        assert [] == [g for g in grades if g is None or g > LIMITS[audience]]

    def test_docs_show_the_generated_kids_first_notices(self) -> None:
        """The notices in docs/documents.md are exactly what dpup writes today."""
        page = (ROOT / "docs" / "documents.md").read_text(encoding="utf-8")
        shown = re.findall(
            r"<!-- generated: dpup notice [^\n]*-->\n```markdown\n(.*?)```", page, re.S
        )
        activity = _load("kids-first-after.toml")
        expected = [notice(activity).to_markdown(), notice(activity, "child").to_markdown()]
        assert expected == shown

    def test_docs_table_gives_current_grades(self) -> None:
        """The grade table in docs/documents.md matches the grades measured now."""
        page = (ROOT / "docs" / "documents.md").read_text(encoding="utf-8")
        for path in EXAMPLES:
            activity = dpup.load(path)
            adult, child = (
                notice(activity).reading_grade(),
                notice(activity, "child").reading_grade(),
            )
            assert f"| {path.name} | {adult} | {child} |" in page


class TestNoInvention:
    def test_missing_who_will_not_see_it_is_said_plainly(self) -> None:
        """A purpose without not_seen_by says "Not recorded: who will not see it" at its path."""
        purpose = Purpose("p", why="To run the programme", not_used_for=("marketing",))
        statement = purpose_statement(purpose)
        assert "Not recorded: who will not see it ($.not_seen_by)" in statement.to_text()
        assert "$.not_seen_by" in statement.missing
        assert "marketing" in statement.to_text()

    def test_a_bare_purpose_states_nothing_but_gaps(self) -> None:
        """With nothing recorded, every element is a gap marker and nothing else."""
        statement = purpose_statement(Purpose("p"))
        blocks = _blocks(statement)
        assert [] == [b for b in blocks if not isinstance(b, Missing)]
        assert 15 == len(statement.missing)

    def test_a_bare_collection_notice_says_only_fixed_sentences(self) -> None:
        """With nothing recorded, a notice says no fact: only our fixed sentences and gaps."""
        document = notice(Collection("c"))
        fixed = {NOTICE_WORDING[k].adult for k in ("intro", "access-right", "commissioner")}
        said = [b.text for b in _blocks(document) if isinstance(b, Paragraph)]
        assert [] == [b for b in _blocks(document) if isinstance(b, Bullets)]
        assert fixed == set(said)
        assert not document.ready

    def test_recorded_empty_lists_read_none_stated(self) -> None:
        """A list recorded empty reads "none stated", not "not recorded"."""
        statement = purpose_statement(Purpose("p", not_seen_by=(), not_used_for=()))
        text = statement.to_text()
        assert "Who will not see it: none stated." in text
        assert "$.not_seen_by" not in statement.missing

    def test_facts_stay_unrecorded_where_the_notice_has_gaps(self) -> None:
        """A fact the notice marks as missing is None in its facts, never True or False."""
        facts = notice(Collection("c")).facts
        assert facts is not None
        assert (None, None, None, None) == (
            facts.recipients,
            facts.purpose,
            facts.choice_level,
            facts.sharing_exceptions,
        )


@pytest.fixture(scope="module")
def after() -> Activity:
    """James's journey after DPUP."""
    return _load("kids-first-after.toml")


@pytest.fixture(scope="module")
def draft() -> Document:
    """A notice with gaps and a hostile recorded value."""
    purpose = Purpose("p", why="To <script>alert(1)</script> *help*")
    activity = Activity(
        "a",
        agency=Agency("Agency & Co"),
        purposes=(purpose,),
        collections=(Collection("c", purposes=("p",)),),
    )
    return notice(activity)


class TestNoticeContent:
    def test_recipients_are_named_and_exceptions_explained(self, after: Activity) -> None:
        """The enrolment notice names who sees it and explains every override ground."""
        facts = notice(after, collection="enrolment-form").facts
        assert facts is not None
        assert facts.recipients is not None
        assert "Oranga Tamariki, if it asks" in facts.recipients
        assert (
            SharingGround.OT_S66,
            SharingGround.COURT_ORDER,
            SharingGround.SERIOUS_THREAT,
        ) == facts.sharing_exceptions

    def test_child_version_uses_child_wording(self, after: Activity) -> None:
        """The child version phrases grounds and choices for children."""
        text = notice(after, "child").to_text()
        assert GROUND_WORDING[SharingGround.COURT_ORDER].child in text
        assert CHOICE_LEVEL_WORDING[ChoiceLevel.SOME].child in text
        assert GROUND_WORDING[SharingGround.COURT_ORDER].adult not in text

    def test_just_ask_when_writing_is_not_required(self, after: Activity) -> None:
        """The access part says "just ask" only where requests need not be written."""
        writing = attrs.evolve(after, access_practice=AccessPractice(requires_writing=True))
        assert NOTICE_WORDING["just-ask"].adult in notice(after).to_text()
        assert NOTICE_WORDING["just-ask"].adult not in notice(writing).to_text()

    def test_generic_recipients_are_a_gap_not_repeated(self) -> None:
        """A recipient described as "relevant agencies" becomes a gap to fill with names."""
        document = notice(_load("kids-first-before.toml"), collection="enrolment-form")
        assert "$.collections[0].notice.recipients[0]" in document.missing
        assert document.facts is not None
        assert document.facts.recipients is None
        assert "- relevant agencies" not in document.to_markdown()

    def test_law_requiring_information_means_no_choice(self) -> None:
        """Information a law requires is stated as no choice, naming the statute."""
        purpose = Purpose(
            "p",
            why="To pay the benefit",
            law=(dpup.model.LawBasis(dpup.model.LawKind.STATUTE, "Social Security Act 2018"),),
        )
        collection = Collection("c", purposes=("p",), required_by_law=True)
        activity = Activity("a", purposes=(purpose,), collections=(collection,))
        document = notice(activity)
        assert document.facts is not None
        assert ChoiceLevel.NONE is document.facts.choice_level
        assert "This is allowed by: Social Security Act 2018." in document.to_text()

    def test_recorded_choices_are_explained(self) -> None:
        """Recorded choices about recipients and capture are explained, with their facts."""
        purpose = Purpose("p", why="To help")
        choices = (
            Choice("r", scope=ChoiceScope.RECIPIENTS, recipients=("Family Court",)),
            Choice("k", scope=ChoiceScope.CAPTURE, level=ChoiceLevel.SOME),
        )
        collection = Collection("c", purposes=("p",), required_by_law=False)
        activity = Activity("a", purposes=(purpose,), collections=(collection,), choices=choices)
        document = notice(activity)
        assert "You have a say in what we share with: Family Court." in document.to_text()
        assert document.facts is not None
        assert (True, True, ChoiceLevel.SOME) == (
            document.facts.capture_choice_offered,
            document.facts.access_restriction_choice_offered,
            document.facts.choice_level,
        )

    def test_lone_collection_paths_point_at_context(self) -> None:
        """Without an activity, activity-level gaps are reported under ``context``."""
        document = notice(Collection("c", items=(InformationItem("name"),)))
        assert "context.agency.name" in document.missing
        assert "context.access_practice" in document.missing

    def test_lone_collection_with_context(self) -> None:
        """A lone collection given with its activity gets the activity's paths and facts."""
        activity = _load("kids-first-after.toml")
        document = notice(activity.collections[1], context=activity)
        whole = notice(activity, collection=activity.collections[1].id)
        assert whole == document

    def test_unknown_collection_and_audience_are_errors(self, after: Activity) -> None:
        """An unknown collection id is an input error; an unknown audience a value error."""
        with pytest.raises(InputError):
            notice(after, collection="nope")
        with pytest.raises(InputError):
            notice(Collection("x"), context=after)
        with pytest.raises(ValueError, match="audience"):
            notice(after, "teen")  # type: ignore[arg-type]

    def test_indirect_collection_names_the_supplier(self) -> None:
        """Information collected from another agency says where it comes from."""
        collection = Collection("c", source=Source.OTHER_AGENCY, supplier="Stats NZ")
        assert "We get it from Stats NZ, not from you." in notice(collection).to_text()

    def test_access_parties_are_grouped_by_organisation(self) -> None:
        """Roles within one organisation are named together."""
        purpose = Purpose(
            "p",
            access=(AccessParty("Agency A", "case worker"), AccessParty("Agency A", "manager")),
        )
        activity = Activity(
            "a", purposes=(purpose,), collections=(Collection("c", purposes=("p",)),)
        )
        facts = notice(activity).facts
        assert facts is not None
        assert ("Agency A (case worker, manager)",) == facts.recipients


class TestRender:
    def test_markdown_marks_gaps_and_escapes(self, draft: Document) -> None:
        """Markdown opens with the draft warning, marks gaps loudly and escapes recorded text."""
        text = draft.to_markdown()
        assert text.startswith("# How Agency & Co looks after your information\n\n> **Draft:")
        assert "> **NOT RECORDED: how to reach us" in text
        assert r"\<script\>" in text
        assert r"\*help\*" in text

    def test_html_escapes_everything(self, draft: Document) -> None:
        """HTML is a whole page with every recorded string escaped."""
        page = draft.to_html()
        assert page.startswith("<!DOCTYPE html>")
        assert "<script>" not in page
        assert "Agency &amp; Co" in page
        assert 'class="draft" role="alert"' in page
        assert 'class="missing"' in page

    def test_text_marks_gaps(self, draft: Document) -> None:
        """Plain text shouts the draft warning and brackets each gap with its path."""
        text = draft.to_text()
        assert "!! DRAFT: NOT READY TO GIVE TO ANYONE." in text
        assert "[NOT RECORDED: how to reach us: an address, phone number or email ($.agency)]" in (
            text.replace("\n", " ")
        )

    def test_purpose_statement_markers_are_plain(self) -> None:
        """A purpose statement, for the team, marks gaps plainly and has no draft warning."""
        text = purpose_statement(Purpose("p")).to_markdown()
        assert "*Not recorded: why it is needed* (`$.why`)" in text
        assert "Draft" not in text


class TestPurposeStatement:
    def test_six_elements_for_each_purpose(self) -> None:
        """An activity's statement has the six elements for every purpose, in order."""
        activity = _load("icld-2016-dpup.toml")
        statement = purpose_statement(activity)
        keys = [s.key for s in statement.sections]
        elements = ["what", "why", "how", "choice", "law", "transparency"]
        expected = [
            k for p in activity.purposes for k in (p.id, *(f"{p.id}.{e}" for e in elements))
        ]
        assert expected == keys

    def test_complete_purpose_has_no_gaps(self) -> None:
        """A purpose recording every element produces a statement with no gaps."""
        statement = purpose_statement(_load("icld-2016-dpup.toml"), purpose="outcomes-study")
        assert ((), True) == (statement.missing, statement.ready)
        assert "a legal adviser confirmed it covers this" in statement.to_text()

    def test_context_adds_items_and_disclosures(self) -> None:
        """A lone purpose with its activity lists the items and recipients that serve it."""
        activity = _load("kids-first-after.toml")
        statement = purpose_statement(activity.purposes[1], context=activity)
        text = statement.to_text()
        assert "session notes (identifying)" in text
        assert "Family Court social worker" in text
        assert "$.purposes[1].what" in statement.missing

    def test_unknown_purpose_is_an_error(self) -> None:
        """An unknown purpose id is an input error."""
        with pytest.raises(InputError):
            purpose_statement(_load("kids-first-after.toml"), purpose="nope")

    def test_activity_without_purposes_says_so(self) -> None:
        """An activity with no purposes gets a statement whose only content is that gap."""
        assert ("$.purposes",) == purpose_statement(Activity("a")).missing


class TestRoundTrip:
    @given(activities())
    def test_generated_notices_meet_the_notice_checks(self, activity: Activity) -> None:
        """With generated notices, no notice-related Transparency and Choice check is NOT_MET."""
        report = dpup.evaluate(with_generated_notices(activity), select=NOTICE_CHECKS)
        assert () == report.errors
        assert [] == [(f.check_id, f.subject) for f in report.failures()]

    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
    def test_examples_with_generated_notices(self, path: Path) -> None:
        """Every example, with generated notices, has no NOT_MET notice-related finding."""
        report = dpup.evaluate(with_generated_notices(dpup.load(path)), select=NOTICE_CHECKS)
        assert [] == [(f.check_id, f.subject) for f in report.failures()]

    def test_kids_first_after_is_met_where_the_model_is_complete(self) -> None:
        """Where the model records everything a check needs, the generated notice meets it."""
        report = dpup.evaluate(
            with_generated_notices(_load("kids-first-after.toml")), select=NOTICE_CHECKS
        )
        met = {(f.check_id, f.subject) for f in report.findings if f.status is Status.MET}
        assert {
            ("TC002", "$.collections[0]"),
            ("TC003", "$.collections[0]"),
            ("TC010", "$.collections[0]"),
            ("TC011", "$.collections[0]"),
            ("TC013", "$.disclosures[0]"),
            ("TC014", "$.collections[0]"),
            ("TC017", "$.collections[0]"),
        } <= met

    def test_notice_facts_keep_delivery_and_mark_child_version(self) -> None:
        """Delivery facts come from the current notice; a child version is recorded."""
        activity = _load("kids-first-after.toml")
        adult = notice(activity, collection="enrolment-form")
        child = notice(activity, "child", collection="enrolment-form")
        current = Notice(
            timing=NoticeTiming.AT, channels=(Channel.FORM,), plain_language_tested=True
        )
        facts = notice_facts(adult, child=child, delivery=current)
        assert (NoticeTiming.AT, (Channel.FORM,), True, None) == (
            facts.timing,
            facts.channels,
            facts.child_version,
            facts.plain_language_tested,
        )
        assert adult.reading_grade() == facts.readability_grade

    def test_notice_facts_need_a_notice(self) -> None:
        """A purpose statement has no notice facts."""
        with pytest.raises(ValueError, match="notice"):
            notice_facts(purpose_statement(Purpose("p")))


class TestIdentifiability:
    def test_non_identifying_flows_are_explained(self) -> None:
        """A flow recorded as not identifying anyone is explained as such."""
        item = InformationItem("count", identifiability=Identifiability.AGGREGATE, purposes=("p",))
        disclosure = dpup.Disclosure(
            "d",
            recipient=Recipient("The Funder"),
            items=("count",),
            purposes=("p",),
            identifiable=False,
        )
        activity = Activity(
            "a",
            purposes=(Purpose("p", why="To fund the service"),),
            collections=(Collection("c", items=(item,), purposes=("p",)),),
            disclosures=(disclosure,),
        )
        document = notice(activity)
        text = document.to_text()
        assert "We give The Funder information that does not show who you are." in text
        assert "We do this to fund the service." in text
        assert document.facts is not None
        assert document.facts.non_identifying_uses_explained is True


@pytest.mark.parametrize(
    "name",
    ["dpup._readability", "dpup.documents", "dpup.documents.phrases", "dpup.documents.render"],
)
def test_docstring_examples_run(name: str) -> None:
    """The examples in the documents modules' docstrings run."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert (0, True) == (result.failed, result.attempted > 0)
