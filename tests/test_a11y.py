"""The HTML report and comparison in a real browser: axe-core finds no WCAG 2.2 AA violation.

Runs only where Debian's Chromium, Playwright and axe-core (``make a11y`` installs it into
``build/axe/``) are all present; elsewhere, CI included, it is skipped, saying which is
missing. ``make a11y`` runs the same check and also prints each report to A4 and pictures
page 1 (see ``tools/a11y.py``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dpup_a11y_tool", ROOT / "tools" / "a11y.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


A11Y = _tool()
WHY = A11Y.missing()
needs_browser = pytest.mark.skipif(WHY is not None, reason=f"browser check not run: {WHY}")


def test_says_what_is_missing(tmp_path: Path) -> None:
    """Without axe-core or Chromium the check says which is missing (and the test skips)."""
    assert "axe-core is not installed" in (A11Y.missing(axe=tmp_path / "axe.min.js") or "")
    assert "Chromium is not installed" in (A11Y.missing(chromium=tmp_path / "chromium") or "")


@needs_browser
@pytest.mark.parametrize("example", A11Y.EXAMPLES)
def test_report_has_no_wcag_violations(example: str) -> None:
    """axe-core, run in Chromium on the example's HTML report, finds no WCAG 2.2 AA violation."""
    assert [] == A11Y.axe_violations(A11Y.report_html(example))


@needs_browser
def test_report_against_a_baseline_has_no_wcag_violations() -> None:
    """The baseline badges and the absent list keep the page at WCAG 2.2 AA."""
    page = A11Y.report_html("kids-first-after", "kids-first-before")
    assert "since the baseline" in page
    assert [] == A11Y.axe_violations(page)


@needs_browser
@pytest.mark.parametrize("journey", A11Y.JOURNEYS)
def test_comparison_has_no_wcag_violations(journey: str) -> None:
    """axe-core finds no WCAG 2.2 AA violation on the journey's before-and-after page."""
    assert [] == A11Y.axe_violations(A11Y.comparison_html(journey))


def test_every_page_is_checked() -> None:
    """`make a11y` checks both reports and both journeys' comparisons."""
    names = set(A11Y.pages())
    assert {"kids-first-before", "kids-first-after"} <= names
    assert {"kids-first-compare", "best-foot-forward-compare"} <= names
    assert "kids-first-after-baseline" in names
    page = A11Y.pages()["kids-first-compare"]()
    assert 'purpose "court-reporting"' in page.replace("&quot;", '"')


@needs_browser
def test_axe_does_find_violations() -> None:
    """The check is live: a page with an unlabelled input and no lang fails it."""
    page = "<!DOCTYPE html><html><head><title>t</title></head><body><input></body></html>"
    found = {v["id"] for v in A11Y.axe_violations(page)}
    assert {"html-has-lang", "label"} <= found
