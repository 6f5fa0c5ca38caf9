"""The dpup pytest plugin (registered through the ``pytest11`` entry point).

It adds a ``dpup_evaluate`` fixture that evaluates like `dpup.evaluate` and remembers every
report, and a ``--dpup-report PATH`` option that writes all of them at the end of the session
as one SARIF file (``.sarif`` or ``.json``) or JUnit XML file (``.xml``). Nothing from dpup is
imported until the fixture or option is used, so the plugin costs nothing otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

__all__ = ["dpup_evaluate", "pytest_addoption", "pytest_sessionfinish"]

_REPORTS = pytest.StashKey[list[Any]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--dpup-report``."""
    group = parser.getgroup("dpup")
    group.addoption(
        "--dpup-report",
        metavar="PATH",
        default=None,
        help="write every dpup evaluation made through the dpup_evaluate fixture to PATH "
        "(.sarif/.json: SARIF 2.1.0; .xml: JUnit XML)",
    )


@pytest.fixture
def dpup_evaluate(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """Return a function that evaluates like `dpup.evaluate` and records the report.

    The label defaults to the test's node id, so a SARIF or JUnit file says which test made
    each evaluation.
    """
    from dpup import evaluate  # noqa: PLC0415 - keep the plugin free until used

    reports = request.config.stash.setdefault(_REPORTS, [])

    def run(subject: object, **kwargs: Any) -> Any:
        kwargs.setdefault("label", request.node.nodeid)
        report = evaluate(subject, **kwargs)
        reports.append(report)
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
        from dpup.render.sarif import to_sarif  # noqa: PLC0415 - only when writing

        text = to_sarif(reports)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
