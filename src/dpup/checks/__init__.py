"""The built-in check catalogue: one ordered table, `BUILTIN_CHECKS`.

Everything that lists checks (``dpup checks``, ``docs/checks.md``, SARIF rules, selection)
derives from this table. Ids are never reused: a retired id maps to its replacement in
`RETIRED`.
"""

from __future__ import annotations

from typing import Any

from dpup.checks import access as access
from dpup.checks import purpose as purpose
from dpup.checks import sharing as sharing
from dpup.checks import transparency as transparency
from dpup.checks._rules import Rule
from dpup.engine import Check

__all__ = ["BUILTIN_CHECKS", "RETIRED", "RULES", "Rule"]

BUILTIN_CHECKS: tuple[Check[Any], ...] = (
    *purpose.CHECKS,
    *transparency.CHECKS,
    *access.CHECKS,
    *sharing.CHECKS,
)
"""Every built-in check, ordered by guideline (DPUP's order) and then id."""

RULES: tuple[Rule, ...] = (*purpose.RULES, *transparency.RULES, *access.RULES, *sharing.RULES)
"""The candidate rules of the domain reference and the checks that cover each."""

RETIRED: dict[str, str | None] = {}
"""Retired check ids and the id that replaced each (``None`` if none did)."""
