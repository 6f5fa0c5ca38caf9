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
    """The page answers its five questions, each with a snippet."""
    assert len(SNIPPETS) == 5


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
