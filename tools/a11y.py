"""Check the HTML pages in a real browser: accessibility (axe-core), and printing to A4.

For each example (the Kids First journey, before and after applying DPUP) this renders the
HTML report as ``dpup evaluate --format html`` writes it; the "after" report once more,
marked against the "before" one as ``--baseline`` does; and for each journey (Kids First,
Best foot forward) the before-and-after comparison as ``dpup compare --format html`` writes
it. It opens each page in headless Chromium (Debian's ``/usr/bin/chromium``, driven by
Playwright, with no scripts of the page's own),
runs axe-core on it with the WCAG 2.2 AA rule tags, prints it to a PDF at A4, and turns
page 1 of the PDF into a PNG (``pdftoppm``), beside a screenshot of the page as a screen
shows it. Everything is written under ``build/a11y/`` (git-ignored) for a person to look at.

Exit status: 0 when axe finds no violation, 1 when it finds any, 2 when a tool is missing.
``make a11y`` installs axe-core into ``build/axe/`` and runs this. The test
``tests/test_a11y.py`` calls `axe_violations` when Chromium, Playwright and axe-core are all
present and is skipped, saying which is missing, otherwise.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("kids-first-before", "kids-first-after")
JOURNEYS = ("kids-first", "best-foot-forward")
AXE = ROOT / "build" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
# The flags a headless start needs on a machine with no network and no display.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def missing(axe: Path = AXE, chromium: Path = CHROMIUM) -> str | None:
    """Return why the browser check cannot run here, or ``None`` when it can."""
    if not chromium.exists():
        return f"Chromium is not installed at {chromium} (apt-get install chromium)"
    if not axe.exists():
        return f"axe-core is not installed at {axe} (make a11y installs it)"
    try:
        import playwright.sync_api  # noqa: F401, PLC0415 - only to see that it is there
    except ImportError:
        return "Playwright is not installed (pip install playwright; no browser download)"
    return None


def report_html(example: str, baseline: str | None = None) -> str:
    """Return the HTML report of ``examples/<example>.toml`` as the command writes it.

    ``baseline`` names another example whose report marks this one's findings, as
    ``dpup evaluate --baseline`` does.
    """
    import dpup  # noqa: PLC0415 - tools run from a checkout; keep the import where it is used
    from dpup.baseline import Baseline  # noqa: PLC0415
    from dpup.render import to_html  # noqa: PLC0415

    activity = dpup.load(ROOT / "examples" / f"{example}.toml")
    report = dpup.evaluate(activity, label=f"{example}.toml")
    earlier = None
    if baseline is not None:
        old = dpup.load(ROOT / "examples" / f"{baseline}.toml")
        earlier = Baseline.from_report(dpup.evaluate(old, label=f"{baseline}.toml"))
    return to_html(report, questions=report.questions(activity), subject=activity, baseline=earlier)


def comparison_html(journey: str) -> str:
    """Return the comparison page of a journey's before and after examples, as the CLI does."""
    import dpup  # noqa: PLC0415 - tools run from a checkout; keep the import where it is used
    from dpup.render.compare import comparison_html as render  # noqa: PLC0415

    sides = [
        dpup.load(ROOT / "examples" / f"{journey}-{side}.toml") for side in ("before", "after")
    ]
    before, after = (
        dpup.evaluate(a, label=f"{journey}-{side}.toml")
        for a, side in zip(sides, ("before", "after"), strict=True)
    )
    return render(before.compare(after), before_subject=sides[0], after_subject=sides[1])


def pages() -> dict[str, Any]:
    """Return each page checked, by the name its files get: a function giving its HTML."""
    found: dict[str, Any] = {e: (lambda e=e: report_html(e)) for e in EXAMPLES}
    found.update({f"{j}-compare": (lambda j=j: comparison_html(j)) for j in JOURNEYS})
    found["kids-first-after-baseline"] = lambda: report_html(
        "kids-first-after", "kids-first-before"
    )
    return found


def _launch(playwright: Any, chromium: Path) -> Any:
    profile = tempfile.mkdtemp(prefix="dpup-a11y-")
    return playwright.chromium.launch_persistent_context(
        profile,
        executable_path=str(chromium),
        headless=True,
        args=[f for f in FLAGS if f != "--headless"],
        viewport={"width": 1200, "height": 900},
        java_script_enabled=True,  # axe needs scripts; the report itself has none
    )


def axe_violations(
    page_html: str, *, axe: Path = AXE, chromium: Path = CHROMIUM
) -> list[dict[str, Any]]:
    """Return axe-core's violations of WCAG 2.2 AA on ``page_html``, rendered in Chromium."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - optional tool

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as pw:
        path = Path(folder) / "report.html"
        path.write_text(page_html, encoding="utf-8")
        context = _launch(pw, chromium)
        try:
            page = context.new_page()
            page.goto(path.as_uri())
            return _run_axe(page, axe)
        finally:
            context.close()


def _run_axe(page: Any, axe: Path) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(axe))
    options = {"runOnly": {"type": "tag", "values": list(WCAG_TAGS)}}
    result = page.evaluate("(options) => axe.run(document, options)", options)
    return [
        {
            "id": v["id"],
            "impact": v.get("impact"),
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def check(out: Path, *, axe: Path = AXE, chromium: Path = CHROMIUM) -> int:
    """Render, check, print and picture each example under ``out``; return the exit status."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - optional tool

    out.mkdir(parents=True, exist_ok=True)
    failed = False
    with sync_playwright() as pw:
        context = _launch(pw, chromium)
        try:
            for example, make in pages().items():
                html_path = out / f"{example}.html"
                html_path.write_text(make(), encoding="utf-8")
                page = context.new_page()
                page.goto(html_path.as_uri())
                page.screenshot(path=str(out / f"{example}-screen.png"), full_page=False)
                pdf = out / f"{example}.pdf"
                page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
                violations = _run_axe(page, axe)
                page.close()
                _first_page_png(pdf, out / f"{example}-print-page1")
                print(f"{example}: {len(violations)} axe violations (WCAG 2.2 AA); {pdf}")
                for v in violations:
                    print(f"  {v['id']} ({v['impact']}): {v['help']} at {v['targets']}")
                failed = failed or bool(violations)
        finally:
            context.close()
    return 1 if failed else 0


def _first_page_png(pdf: Path, stem: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found (apt-get install poppler-utils): no page image", file=sys.stderr)
        return
    subprocess.run(  # noqa: S603 - fixed arguments, our own paths
        [pdftoppm, "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Run the check from the command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "a11y")
    parser.add_argument("--axe", type=Path, default=AXE)
    parser.add_argument("--chromium", type=Path, default=CHROMIUM)
    parser.add_argument("--json", action="store_true", help="print violations as JSON only")
    args = parser.parse_args(argv)
    why = missing(args.axe, args.chromium)
    if why is not None:
        print(f"a11y: cannot run: {why}", file=sys.stderr)
        return 2
    if args.json:
        found = {e: axe_violations(make(), axe=args.axe) for e, make in pages().items()}
        print(json.dumps(found, indent=2))
        return 1 if any(found.values()) else 0
    return check(args.out, axe=args.axe, chromium=args.chromium)


if __name__ == "__main__":
    sys.exit(main())
