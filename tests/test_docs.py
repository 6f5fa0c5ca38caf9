"""Docs are tests: code examples run, and generated pages are current."""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from typing import Any

import pytest

import dpup
from dpup.checks import BUILTIN_CHECKS, RULES
from dpup.render.catalogue import (
    catalogue_markdown,
    legal_basis_markdown,
    traceability_markdown,
)
from dpup.render.input_reference import input_reference_markdown

ROOT = Path(__file__).parent.parent
DOCS = sorted((ROOT / "docs").rglob("*.md"))
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("path", [*DOCS, ROOT / "README.md"], ids=lambda p: p.name)
def test_examples_in_docs_run(path: Path) -> None:
    """Every >>> example in the docs and README gives the output shown."""
    result = doctest.testfile(
        str(path), module_relative=False, optionflags=FLAGS, globs={"dpup": dpup}
    )
    assert 0 == result.failed


_BASIS_WORDS = {"good-practice": "good practice", "standard": "standard", "law": "law"}


@pytest.mark.parametrize("check", BUILTIN_CHECKS, ids=lambda c: c.id)
def test_guideline_pages_list_every_check(check: Any) -> None:
    """Each check has a row in its guideline's page, with its name and its basis."""
    page = (ROOT / "docs" / "guidelines" / f"{check.guideline.value}.md").read_text("utf-8")
    pattern = rf"^\| {check.id} \| `?{re.escape(check.name)}`? \|(.*)\|\s*$"
    row = re.search(pattern, page, re.MULTILINE)
    assert row is not None, f"{check.id} has no row in its guideline page"
    cells = [cell.strip().strip("*") for cell in row.group(1).split("|")]
    assert any(cell.startswith(_BASIS_WORDS[check.basis.value]) for cell in cells)


def test_quickstart_is_two_commands() -> None:
    """The README's Quickstart is two commands on a fresh clone: make demo, make test."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]
    assert ["make demo", "make test"] == commands


def test_package_docstring_runs() -> None:
    """The example in dpup's own docstring runs."""
    assert 0 == doctest.testmod(dpup, optionflags=FLAGS).failed


def test_checks_page_is_current() -> None:
    """docs/checks.md matches the catalogue (regenerate: dpup checks --format markdown)."""
    expected = catalogue_markdown(BUILTIN_CHECKS)
    assert expected == (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")


def test_input_reference_is_current() -> None:
    """docs/reference/input.md matches the model.

    Regenerate: python -m dpup.render.input_reference > docs/reference/input.md
    """
    expected = input_reference_markdown()
    assert expected == (ROOT / "docs" / "reference" / "input.md").read_text(encoding="utf-8")


def test_legal_basis_page_is_current() -> None:
    """docs/legal-basis.md matches the catalogue (regenerate: dpup checks --format legal-basis)."""
    expected = legal_basis_markdown(BUILTIN_CHECKS)
    assert expected == (ROOT / "docs" / "legal-basis.md").read_text(encoding="utf-8")


def test_traceability_page_is_current() -> None:
    """docs/traceability.md matches the rules (regenerate: dpup checks --format traceability)."""
    expected = traceability_markdown(RULES, BUILTIN_CHECKS)
    assert expected == (ROOT / "docs" / "traceability.md").read_text(encoding="utf-8")


def test_every_check_id_is_in_the_changelog() -> None:
    """CHANGELOG.md logs every check id under a release or [Unreleased]."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert [] == [c.id for c in BUILTIN_CHECKS if c.id not in text]
