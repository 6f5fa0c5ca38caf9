"""Before and after: `dpup.compare`, its four views and ``dpup compare``, on the seeds' journeys.

The seeds tell two journeys as "before" and "after applying DPUP": James's in the Kids First
parenting programme (the service user's journey map) and City Centre Social Services' in Best
foot forward (the service provider's journey map). `JOURNEYS` lists, for each, the
improvements the map describes, in our own words, each with the checks whose findings must
show as fixed when the "before" example is compared with the "after" one.
"""

from __future__ import annotations

import json
import random
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

import dpup
from dpup.cli import main
from dpup.comparison import OPEN, Change, Comparison, compare
from dpup.engine import EvaluationContext, Outcome, Registry, check, met, not_met
from dpup.render.compare import (
    comparison_html,
    comparison_json,
    comparison_markdown,
    comparison_text,
)
from dpup.settings import Settings
from tests.test_engine import DOC
from tests.test_leaks import Canaries, assert_no_token

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"

JOURNEYS: dict[str, dict[str, frozenset[str]]] = {
    "kids-first": {
        # The enrolment form says what goes to the funder (counts only), who else may be told
        # and when, instead of "relevant agencies".
        "the form names who is told what, and when": frozenset(
            {"TC001", "TC002", "TC003", "TC014", "PM002", "PM028"}
        ),
        # The co-ordinator asks for questions and says James will have a say in what is
        # shared, unless his children would be put at risk.
        "he is told he will have a say": frozenset({"TC010", "TC018"}),
        # The group agrees at the start how what it says will be handled.
        "the group agrees how its records are handled": frozenset({"TC019"}),
        # The facilitator shows participants the notes made about them.
        "the notes are shown to the people they are about": frozenset({"AI021"}),
        # The correction is dealt with the same afternoon and sent on to everyone who had the
        # report.
        "the wrong report is corrected quickly": frozenset({"AI013"}),
        # He was told at enrolment he can see and correct his notes by asking the facilitator.
        "asking is enough to see or correct notes": frozenset({"AI001", "AI002", "AI017"}),
        # Copies at the end of the programme without any request.
        "copies are given without a request": frozenset({"AI003"}),
    },
    "best-foot-forward": {
        # The agency designs the programme with providers and potential service users.
        "the programme is co-designed": frozenset({"PM039", "SV002"}),
        # CCSS need not identify anyone in its bid, and asks service users what is fair to
        # share.
        "the tender identifies no one": frozenset({"PM016", "PM025", "TC015"}),
        # Agency and provider agree what is shared, when, how and why.
        "what is reported is agreed": frozenset({"PM027", "PM028"}),
        # Evaluation and delivery reporting go to different teams, for different purposes.
        "evaluation and delivery reporting are kept apart": frozenset({"SV013"}),
        # Parents and children are told together what is used, by whom and why.
        "families are told where their information goes": frozenset(
            {"TC002", "TC008", "TC014", "TC016"}
        ),
        # One place to ask: CCSS fetches what the agency holds on families' behalf.
        "one front door for access requests": frozenset({"AI001", "AI005", "AI017", "AI022"}),
        # Copies of written work and records, in adult and child versions.
        "copies in adult and child versions": frozenset({"AI002", "AI003", "AI018"}),
        # The agency tells CCSS what the information was used for and what came of it.
        "outcomes are reported back": frozenset({"SV003"}),
        # Families and providers help analyse the evaluation, with a plan to share it back,
        # and what is published is protected.
        "the evaluation is shared back safely": frozenset(
            {"SV001", "SV004", "SV007", "SV009", "SV010"}
        ),
    },
}


def _journey(name: str) -> Comparison:
    before = dpup.evaluate(dpup.load(EXAMPLES / f"{name}-before.toml"), label="before")
    after = dpup.evaluate(dpup.load(EXAMPLES / f"{name}-after.toml"), label="after")
    return before.compare(after)


@pytest.mark.parametrize("name", sorted(JOURNEYS))
def test_every_improvement_the_journey_describes_shows_as_fixed(name: str) -> None:
    """Each improvement of the journey map fixes its checks, and none is left open after."""
    c = _journey(name)
    fixed = c.fixed_checks()
    for improvement, checks in JOURNEYS[name].items():
        assert checks <= fixed, (improvement, sorted(checks - fixed))
    listed = frozenset().union(*JOURNEYS[name].values())
    after_open = {f.check_id for f in c.after.failures()}
    assert after_open.isdisjoint(listed)


@pytest.mark.parametrize("name", sorted(JOURNEYS))
def test_the_after_example_ends_every_legal_basis_failure(name: str) -> None:
    """Every legal-basis failure before is fixed after, and no new one appears."""
    c = _journey(name)
    before = {f.fingerprint for f in c.before.legal_breaches()}
    fixed = {ch.fingerprint for ch in c.fixed}
    assert before <= fixed
    assert () == c.after.legal_breaches()


def test_groups_follow_the_rules() -> None:
    """Each matter's group follows from its status before and after, as documented."""
    for name in JOURNEYS:
        c = _journey(name)
        for ch in c.changes:
            was = ch.before is not None and ch.before.status in OPEN
            now = ch.after is not None and ch.after.status in OPEN
            expected = (
                Change.FIXED
                if was and not now
                else Change.NEW
                if now and not was
                else Change.UNCHANGED
                if not was
                else Change.STILL_OPEN
                if ch.before is not None
                and ch.after is not None
                and ch.before.status is ch.after.status
                else Change.CHANGED
            )
            assert expected is ch.change
        counts = c.counts()
        assert sum(counts.values()) == len(c.changes)
        matched = sum(1 for ch in c.changes if ch.after is not None)
        assert matched == len(c.after.findings)


def test_a_removed_record_is_fixed_and_shown_as_gone() -> None:
    """A matter on a record the later activity no longer has is fixed, and shown as gone."""
    c = _journey("kids-first")
    gone = [ch for ch in c.fixed if ch.after is None]
    assert gone
    assert "not in the activity" in comparison_text(c)


def test_comparing_a_report_with_itself_changes_nothing() -> None:
    """A report compared with itself: nothing fixed, new or changed; every score unchanged."""
    report = dpup.evaluate(dpup.load(EXAMPLES / "kids-first-before.toml"))
    c = compare(report, report)
    assert () == c.fixed == c.new == c.changed
    assert all(s.value_change in (0, None) for s in (*c.principles, *c.guidelines, c.overall))


def _records_shuffled(activity: dpup.Activity, seed: int) -> dpup.Activity:
    """Return ``activity`` with each of its lists of records in a random order."""
    rng = random.Random(seed)  # noqa: S311 - an order for test data, not a secret
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(activity)):
        value = getattr(activity, field.name)
        if isinstance(value, tuple) and value and all(attrs.has(type(v)) for v in value):
            items = list(value)
            rng.shuffle(items)
            changes[field.alias] = tuple(items)
    return attrs.evolve(activity, **changes)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reordering_the_after_example_changes_no_group(seed: int) -> None:
    """Every list of records of the later activity shuffled: the same matters, same groups."""
    before = dpup.evaluate(dpup.load(EXAMPLES / "best-foot-forward-before.toml"))
    after = dpup.load(EXAMPLES / "best-foot-forward-after.toml")
    plain = compare(before, dpup.evaluate(after))
    shuffled = compare(before, dpup.evaluate(_records_shuffled(after, seed)))
    assert {(ch.fingerprint, ch.change) for ch in plain.changes} == {
        (ch.fingerprint, ch.change) for ch in shuffled.changes
    }


def test_a_regression_is_new() -> None:
    """A safeguard dropped after: its met finding turns not met, and shows as new."""
    after = dpup.load(EXAMPLES / "kids-first-after.toml")
    assert after.access_practice is not None
    practice = attrs.evolve(after.access_practice, proactive_copies=False)
    worse = attrs.evolve(after, access_practice=practice)
    c = compare(dpup.evaluate(after), dpup.evaluate(worse))
    assert "AI003" in {ch.check_id for ch in c.new}
    assert () == c.fixed


def test_score_changes_carry_coverage() -> None:
    """Every area's change gives both values and both coverages; JSON holds them all."""
    c = _journey("kids-first")
    data = json.loads(comparison_json(c))
    assert "1.0" == data["schema_version"]
    assert (5, 4) == (len(data["principles"]), len(data["guidelines"]))
    for row in [*data["principles"], *data["guidelines"], data["overall"]]:
        assert {"value_before", "value_after", "coverage_before", "coverage_after"} <= set(row)
    assert data["counts"]["fixed"] == len(c.fixed)
    listed = {(f["fingerprint"], f["change"]) for f in data["findings"]}
    assert len(listed) == len(data["findings"])
    assert "unchanged" not in {f["change"] for f in data["findings"]}


def test_thin_scores_are_not_shown_as_numbers() -> None:
    """Below the coverage floor every view says "not enough evidence", never a bare score."""
    c = _journey("kids-first")
    strict = Settings(score_coverage_floor=1.0)
    for render in (comparison_text, comparison_markdown, comparison_html):
        text = render(c, settings=strict)
        assert "not enough evidence" in text
        assert "100.0" not in text


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_html_is_self_contained_with_the_reports_look() -> None:
    """One page, no script, no external resource, the report's style sheet, the advice note."""
    page = comparison_html(_journey("best-foot-forward"))
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "link" not in parser.tags
    assert not re.search(r"(src|href)=['\"]?https?:", page)
    assert ".dpup .finding.not_met" in page  # the report's own CSS
    assert "<details>" in page  # still-open matters one click away
    assert "not legal advice" in page
    assert page.count("<table>") >= 4


@pytest.mark.parametrize("render", [comparison_text, comparison_markdown, comparison_html])
def test_human_views_list_each_group_and_the_advice(render: object) -> None:
    """Text, Markdown and HTML name every group and carry the not-legal-advice note."""
    c = _journey("kids-first")
    text = render(c)  # type: ignore[operator]
    for group in ("Fixed", "New", "Changed", "Still open"):
        assert group in text
    assert "not legal advice" in text


@pytest.mark.parametrize("name", sorted(JOURNEYS))
def test_no_input_text_appears_in_any_view(name: str) -> None:
    """Every string of both activities canaried (ids too): no view carries any of them."""
    canaries = Canaries()
    before, after = (
        dpup.evaluate(canaries.plant(dpup.load(EXAMPLES / f"{name}-{side}.toml")))
        for side in ("before", "after")
    )
    c = compare(before, after)
    assert c.fixed
    for render in (comparison_text, comparison_markdown, comparison_json, comparison_html):
        assert_no_token(render(c))


class TestCommand:
    def test_compare_writes_each_format(self, tmp_path: Path) -> None:
        """`dpup compare` writes text, Markdown, JSON and HTML; exit 0."""
        before = str(EXAMPLES / "kids-first-before.toml")
        after = str(EXAMPLES / "kids-first-after.toml")
        for fmt in ("text", "markdown", "json", "html"):
            out = tmp_path / f"c.{fmt}"
            assert 0 == main(["compare", before, after, "--format", fmt, "--output", str(out)])
            assert out.stat().st_size > 1000
        data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
        assert data["before"]["label"].endswith("kids-first-before.toml")
        assert data["counts"]["fixed"] > 0

    def test_bad_files_are_listed_and_nothing_is_written(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Problems in both files are all listed on stderr (exit 2); no output is written."""
        bad1 = tmp_path / "one.toml"
        bad1.write_text('stage = "nonsense"\n', encoding="utf-8")
        bad2 = tmp_path / "two.toml"
        bad2.write_text("name = 3\n", encoding="utf-8")
        out = tmp_path / "out.md"
        assert 2 == main(["compare", str(bad1), str(bad2), "--output", str(out)])
        err = capsys.readouterr().err
        assert "@ $.name" in err
        assert "@ $.stage" in err
        assert not out.exists()

    def test_a_missing_file_is_one_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that does not exist: one line, exit 2."""
        assert 2 == main(["compare", "no-such.toml", str(EXAMPLES / "kids-first-after.toml")])
        err = capsys.readouterr().err.strip().splitlines()
        assert 1 == len(err)
        assert err[0].startswith("dpup:")


def test_a_different_catalogue_is_said_in_every_view() -> None:
    """Reports that ran different checks: every human view says so; JSON carries the flag."""
    activity = dpup.load(EXAMPLES / "kids-first-after.toml")
    report = dpup.evaluate(activity)
    c = compare(attrs.evolve(report, catalogue_version="000000000000"), report)
    assert not c.same_catalogue
    assert not json.loads(comparison_json(c))["same_catalogue"]
    for render in (comparison_text, comparison_markdown, comparison_html):
        assert "ran different check catalogues" in render(c)
    same = _journey("kids-first")
    assert same.same_catalogue
    assert "ran different check catalogues" not in comparison_text(same)


def _twice(_subject: dpup.Purpose, _ctx: EvaluationContext) -> tuple[Outcome, ...]:
    """Two outcomes on one subject: findings that share a fingerprint."""
    return (not_met("first"), met("second"))


_twice.__doc__ = DOC


def test_findings_sharing_a_fingerprint_pair_in_order() -> None:
    """A check giving two outcomes on one record: its findings pair with their order twins."""
    twice = check(
        id="PM990",
        name="twice-checked",
        principles=(dpup.Principle.HE_TANGATA,),
        basis=dpup.Basis.GOOD_PRACTICE,
        severity=dpup.Severity.MEDIUM,
        subject=dpup.Purpose,
        remediation="Fix it.",
    )(_twice)
    registry = Registry([twice])
    activity = dpup.load(EXAMPLES / "kids-first-after.toml")
    report = dpup.evaluate(activity, registry=registry)
    first, second = report.findings[:2]
    assert first.fingerprint == second.fingerprint
    c = compare(report, report)
    assert all(ch.before is ch.after for ch in c.changes)
    assert len(c.changes) == len(report.findings)
