"""The comparison views as a privacy officer reads them: labelled paths, the legal card, wording.

`tests/test_comparison.py` holds the comparison itself and the journeys; this file holds what
the text, Markdown and HTML views add on top: each path followed by the id of the record it
points into (as the reports do) when the activities are given, the legal-basis card coloured
by where the count ended, a score without a value saying why, and the report's style sheet
taken by its public name.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

import dpup
from dpup.cli import main
from dpup.comparison import Comparison, compare
from dpup.render import html as report_html
from dpup.render.compare import (
    ADVICE,
    comparison_html,
    comparison_json,
    comparison_markdown,
    comparison_text,
)
from tests.test_leaks import AS_AT, Canaries

EXAMPLES = Path(__file__).parent.parent / "examples"
HUMAN = {"text": comparison_text, "markdown": comparison_markdown, "html": comparison_html}


def _sides(name: str) -> tuple[dpup.Activity, dpup.Activity]:
    before, after = (dpup.load(EXAMPLES / f"{name}-{side}.toml") for side in ("before", "after"))
    return before, after


def _compared(before: dpup.Activity, after: dpup.Activity) -> Comparison:
    return compare(dpup.evaluate(before, as_at=AS_AT), dpup.evaluate(after, as_at=AS_AT))


def _plain(page: str) -> str:
    return page.replace("&quot;", '"').replace("&gt;", ">")


class TestLabels:
    @pytest.mark.parametrize("fmt", sorted(HUMAN))
    def test_paths_carry_the_record_id_given_the_activities(self, fmt: str) -> None:
        """With both activities, a path reads `$.purposes[1] (purpose "court-reporting")`."""
        before, after = _sides("kids-first")
        c = _compared(before, after)
        labelled = _plain(HUMAN[fmt](c, before_subject=before, after_subject=after))
        bare = _plain(HUMAN[fmt](c))
        assert '(purpose "court-reporting")' in labelled
        assert '(purpose "court-reporting")' not in bare
        assert "$.purposes[1]" in bare

    def test_a_removed_record_is_labelled_from_the_earlier_activity(self) -> None:
        """The access request gone from "after" is named from "before", where it still is."""
        before, after = _sides("kids-first")
        request = before.access_requests[0]
        assert not any(r.id == request.id for r in after.access_requests)
        text = comparison_text(_compared(before, after), before_subject=before, after_subject=after)
        line = next(x for x in text.splitlines() if x.lstrip().startswith("AI005"))
        assert f'$.access_requests[0] (access request "{request.id}")' in line
        assert line.endswith("not in the activity")

    def test_a_moved_record_shows_both_paths_labelled_once(self) -> None:
        """A record that moved in its list: both paths, then the id they share."""
        before, after = _sides("kids-first")
        moved = attrs.evolve(after, purposes=tuple(reversed(after.purposes)))
        c = _compared(before, moved)
        text = comparison_text(c, before_subject=before, after_subject=moved)
        last = len(moved.purposes) - 1
        pid = moved.purposes[last].id
        assert f'$.purposes[0] -> $.purposes[{last}] (purpose "{pid}")' in text
        # With only the later activity, each path is labelled from what is known.
        half = comparison_text(c, after_subject=moved)
        assert f'$.purposes[0] -> $.purposes[{last}] (purpose "{pid}")' in half
        none = comparison_text(c)
        assert f"$.purposes[0] -> $.purposes[{last}]:" in none

    @pytest.mark.parametrize("name", ["kids-first", "best-foot-forward"])
    @pytest.mark.parametrize("fmt", sorted(HUMAN))
    def test_only_ids_reach_the_page(self, name: str, fmt: str) -> None:
        """Every input string canaried: canaries appear only as the ids inside labels."""
        canaries = Canaries()
        before, after = (canaries.plant(a) for a in _sides(name))
        c = _compared(before, after)
        page = _plain(HUMAN[fmt](c, before_subject=before, after_subject=after))
        assert re.search(r'\([a-z ]+ "QZX\d+X', page)
        rest = re.sub(r'[a-z ]+ "QZX\d+X[^"]*"', "", page)
        assert re.search("QZX", rest) is None

    def test_json_stays_bare(self) -> None:
        """JSON is data: the subjects are accepted and no id is written."""
        canaries = Canaries()
        before, after = (canaries.plant(a) for a in _sides("kids-first"))
        out = comparison_json(_compared(before, after), before_subject=before, after_subject=after)
        assert "QZX" not in out

    def test_the_command_labels_paths(self, tmp_path: Path) -> None:
        """`dpup compare` passes both activities to the view."""
        out = tmp_path / "c.md"
        args = [str(EXAMPLES / f"kids-first-{s}.toml") for s in ("before", "after")]
        assert 0 == main(["compare", *args, "--format", "markdown", "--output", str(out)])
        assert '(purpose "court-reporting")' in out.read_text(encoding="utf-8")


def _legal_card(page: str) -> str:
    found = re.search(r"<li class='([^']*)'><span class='n'>\d+ → \d+</span>legal", page)
    assert found is not None
    return found.group(1)


class TestLegalCard:
    def test_green_when_brought_down_to_none(self) -> None:
        """Kids First: 6 → 0 failures on a legal basis is shown green, not red."""
        c = _compared(*_sides("kids-first"))
        assert c.before.legal_breaches()
        assert not c.after.legal_breaches()
        page = comparison_html(c)
        assert "legal-fixed" == _legal_card(page)
        assert ".dpup .cmp-cards .legal-fixed{border-color:#1a7f37" in page.replace(
            ".dpup .cmp-cards .fixed,", ""
        )

    def test_red_when_any_is_left_or_it_went_up(self) -> None:
        """Reversed (0 → 6), or the same report twice (6 → 6): red."""
        c = _compared(*_sides("kids-first"))
        assert "legal" == _legal_card(comparison_html(compare(c.after, c.before)))
        assert "legal" == _legal_card(comparison_html(compare(c.before, c.before)))

    def test_neutral_when_there_were_none(self) -> None:
        """0 → 0 is neither a warning nor an achievement."""
        c = _compared(*_sides("kids-first"))
        assert "legal-none" == _legal_card(comparison_html(compare(c.after, c.after)))


class TestWording:
    def test_sharing_value_says_why_it_has_no_score(self) -> None:
        """Sharing Value has no score on Kids First, and the views say why.

        The activity records no insights, yet Sharing Value checks apply to its funding
        agreement and to the activity itself; each still needs review, so none is settled.
        """
        before, after = _sides("kids-first")
        assert not before.insights
        assert not after.insights
        c = _compared(before, after)
        sv = next(s for s in c.guidelines if s.label == "Sharing Value")
        assert sv.before.value is None
        assert sv.before.coverage == 0
        assert sv.before.needs_review > 0
        for render in HUMAN.values():
            assert f"not assessed: none settled, {sv.before.needs_review} need review" in render(c)

    def test_nothing_applied_is_said_so(self) -> None:
        """A score with no applicable check reads "no check applied"."""
        c = _compared(*_sides("kids-first"))
        empty = attrs.evolve(c.before.overall, value=None, coverage=None)
        report = attrs.evolve(c.before, overall=empty)
        text = comparison_text(compare(report, c.after))
        assert "not assessed: no check applied" in text

    def test_a_withheld_change_reads_not_shown(self) -> None:
        """Where a side is below the floor, the change is "not shown", never "n/a"."""
        c = _compared(*_sides("kids-first"))
        for render in HUMAN.values():
            out = render(c)
            assert "not shown" in out
            assert "n/a" not in out

    @pytest.mark.parametrize("fmt", sorted(HUMAN))
    def test_advice_comes_before_the_scores(self, fmt: str) -> None:
        """The not-legal-advice note is read before any score or matter."""
        out = HUMAN[fmt](_compared(*_sides("kids-first")))
        assert out.index(ADVICE) < out.index("Mahitahitanga") < out.index("Fixed (")


def test_the_report_style_sheet_is_public() -> None:
    """The comparison takes the report's CSS by its public name, listed in `__all__`."""
    assert "CSS" in report_html.__all__
    page = comparison_html(_compared(*_sides("kids-first")))
    assert report_html.CSS in page
