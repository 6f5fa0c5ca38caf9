"""docs/modelling.md: every snippet loads, evaluates without errors, and fits the schema."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import jsonschema
import pytest

import dpup
from dpup.io.schema import schema

PAGE = Path(__file__).parent.parent / "docs" / "modelling.md"
SNIPPETS = re.findall(r"```toml\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)


def test_the_page_has_its_worked_answers() -> None:
    """The page answers its six questions, each with a snippet."""
    assert len(SNIPPETS) == 6


def _safety_concern(ground: str | None) -> dpup.Activity:
    """The Oranga Tamariki recipe's snippet, with its disclosure's ground replaced or left out."""
    (snippet,) = [s for s in SNIPPETS if 'id = "report-of-concern"' in s]
    line = 'ground = "other-statute"\n'
    assert line in snippet
    return dpup.loads(snippet.replace(line, f'ground = "{ground}"\n' if ground else ""))


@pytest.mark.parametrize("ground", ["other-statute", "ot-s66c", "serious-threat"])
def test_safety_concern_ground_goes_to_a_legal_adviser(ground: str) -> None:
    """Each ground the recipe offers for an unasked report is confirmed by a legal adviser."""
    (finding,) = dpup.evaluate(_safety_concern(ground), select=["PM016"]).findings
    assert finding.status is dpup.Status.NEEDS_REVIEW
    assert finding.reviewer is dpup.Reviewer.LEGAL_ADVISER
    assert "$.disclosures[0].ground" in finding.evidence


def test_safety_concern_without_a_ground_asks_for_it() -> None:
    """Left out, the ground is asked for: not recorded is never read as no ground."""
    (finding,) = dpup.evaluate(_safety_concern(None), select=["PM016"]).findings
    assert finding.status is dpup.Status.NEEDS_REVIEW
    assert finding.reviewer is not dpup.Reviewer.LEGAL_ADVISER
    assert finding.evidence[0] == "$.disclosures[0].ground"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.splitlines()[0])
def test_snippet_loads_and_evaluates(snippet: str) -> None:
    """A snippet is a whole activity: it loads, and every check runs on it without error."""
    report = dpup.evaluate(dpup.loads(snippet))
    assert report.errors == ()
    assert report.findings


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.splitlines()[0])
def test_snippet_fits_the_schema(snippet: str) -> None:
    """A snippet validates against the activity schema (dates as JSON writes them)."""
    document = tomllib.loads(re.sub(r"= (\d{4}-\d{2}-\d{2})\n", r'= "\1"\n', snippet))
    jsonschema.validate(document, schema("activity"))
