"""Test-suite configuration: Hypothesis profiles.

``ci`` (chosen automatically when the CI environment variable is set) is derandomised with a
bounded number of examples, so CI runs are repeatable; ``dev`` is the default for local runs.
Pick one explicitly with ``HYPOTHESIS_PROFILE=ci``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from dpup._engine import memo

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
# `make fuzz`: every run of a fuzzer from its own random seed, even where CI is set.
settings.register_profile(
    "fuzz", derandomize=False, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def _start_from_nothing() -> None:
    """Empty every memo dpup keeps across evaluations before each test.

    No test then depends on what an earlier test (or, in a mutation run, the unmutated code
    in the process a worker was forked from) left in a memo.
    """
    memo.clear()
