"""The dpup pytest plugin (registered through the ``pytest11`` entry point).

It adds a ``dpup_evaluate`` fixture that evaluates like `dpup.evaluate` and remembers every
report, and a ``--dpup-report PATH`` option that writes all of them at the end of the session
as one SARIF file (``.sarif`` or ``.json``) or JUnit XML file (``.xml``). Nothing from dpup is
imported until the fixture or option is used, so the plugin costs nothing otherwise.

Each report is labelled with the test's node id. Its SARIF results point at the input file
when the test names it (``dpup_evaluate(activity, source="examples/kids-first.toml")``), and
have no physical location otherwise: a test id is not a file.

``--dpup-baseline PATH`` names a SARIF file written by an earlier ``--dpup-report`` run. The
``dpup_baseline`` fixture gives the current test's baseline (its run in that file, matched by
node id), to pass to `dpup.testing.assert_complies` (``baseline=dpup_baseline``) so a test fails
only on what is new; and the SARIF written at the end marks each result's ``baselineState``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

__all__ = ["dpup_baseline", "dpup_evaluate", "pytest_addoption", "pytest_sessionfinish"]

_REPORTS = pytest.StashKey[list[Any]]()
_SOURCES = pytest.StashKey[list[Any]]()
_BASELINES = pytest.StashKey[dict[str, Any]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--dpup-report`` and ``--dpup-baseline``."""
    group = parser.getgroup("dpup")
    group.addoption(
        "--dpup-report",
        metavar="PATH",
        default=None,
        help="write every dpup evaluation made through the dpup_evaluate fixture to PATH "
        "(.sarif/.json: SARIF 2.1.0; .xml: JUnit XML)",
    )
    group.addoption(
        "--dpup-baseline",
        metavar="PATH",
        default=None,
        help="a SARIF file from an earlier --dpup-report run: the dpup_baseline fixture gives "
        "each test its baseline, and the SARIF written marks each result's baselineState",
    )


def _baselines(config: pytest.Config) -> dict[str, Any]:
    """Return the baselines of ``--dpup-baseline`` by test id, read once per session."""
    found = config.stash.get(_BASELINES, None)
    if found is not None:
        return found
    target = config.getoption("--dpup-baseline")
    found = {}
    if target:
        from dpup.baseline import load_baselines  # noqa: PLC0415 - keep the plugin free

        found = {b.label: b for b in load_baselines(Path(target)) if b.label is not None}
    config.stash[_BASELINES] = found
    return found


@pytest.fixture
def dpup_baseline(request: pytest.FixtureRequest) -> Any:
    """Return this test's `dpup.baseline.Baseline` from ``--dpup-baseline``, or ``None``.

    ``None`` when no baseline was given, or when the baseline has no run for this test (so
    everything the test finds is new).
    """
    return _baselines(request.config).get(request.node.nodeid)


@pytest.fixture
def dpup_evaluate(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """Return a function that evaluates like `dpup.evaluate` and records the report.

    The label defaults to the test's node id, so a SARIF or JUnit file says which test made
    each evaluation. Pass ``source=`` (the input file's path, relative to the repository) to
    point the SARIF results at that file.
    """
    from dpup import evaluate  # noqa: PLC0415 - keep the plugin free until used

    reports = request.config.stash.setdefault(_REPORTS, [])
    sources = request.config.stash.setdefault(_SOURCES, [])

    def run(subject: object, *, source: str | Path | None = None, **kwargs: Any) -> Any:
        kwargs.setdefault("label", request.node.nodeid)
        report = evaluate(subject, **kwargs)
        reports.append(report)
        sources.append(source)
        return report

    return run


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Write the recorded reports when ``--dpup-report`` was given."""
    target = session.config.getoption("--dpup-report")
    if not target:
        return
    reports = session.config.stash.get(_REPORTS, [])
    path = Path(target)
    if path.suffix.lower() == ".xml":
        from dpup.render.junit import to_junit  # noqa: PLC0415 - only when writing

        text = to_junit(reports)
    else:
        from dpup.render.sarif import artifact_uri, to_sarif  # noqa: PLC0415 - only when writing

        sources = session.config.stash.get(_SOURCES, [None] * len(reports))
        baselines = _baselines(session.config)
        text = to_sarif(
            reports,
            artifact_uris=[None if s is None else artifact_uri(s) for s in sources],
            baselines=[baselines.get(r.label) for r in reports] if baselines else None,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
