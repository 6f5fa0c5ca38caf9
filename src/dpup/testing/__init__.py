"""Helpers for test suites: `assert_complies`, a pytest plugin and Hypothesis strategies.

Strategies live in `dpup.testing.strategies` (install ``dpup[hypothesis]``); the pytest plugin in
`dpup.testing.plugin` loads automatically through pytest's entry point.
"""

from __future__ import annotations

from dpup.testing.assertions import ComplianceError, assert_complies

__all__ = ["ComplianceError", "assert_complies"]
