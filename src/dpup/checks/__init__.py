"""The built-in check catalogue, collected from one module per check: `BUILTIN_CHECKS`.

The catalogue is laid out on one axis, the guideline, and found by id:

    dpup/checks/<guideline>/<id>_<name>.py     one check per module (``pm014_ipp3a_notice_missing``)
    dpup/checks/<guideline>/_helpers.py        code two or more of that guideline's checks share
    dpup/checks/<guideline>/__init__.py        the guideline's candidate rules (``RULES``)

Nothing lists the checks by hand. Importing this package imports every module of the four
guideline packages whose name is an id followed by a name, takes the one `Check` each defines,
and orders them by guideline (DPUP's order) and then id. A module that holds no check or more
than one, a module name that does not match its check's id and name, or a check filed under
another guideline's package is an error at import, so the layout cannot drift.

Everything that lists checks (``dpup checks``, ``docs/checks.md``, SARIF rules, selection)
derives from `BUILTIN_CHECKS`. Ids are never reused: a retired id stays in `RETIRED`.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

from dpup.checkdef import Check
from dpup.checks.rules import LEGAL_RULES, Rule
from dpup.policy import Guideline

__all__ = ["BUILTIN_CHECKS", "GUIDELINE_PACKAGES", "LEGAL_RULES", "RETIRED", "RULES", "Rule"]

GUIDELINE_PACKAGES: dict[Guideline, str] = {
    Guideline.PURPOSE_MATTERS: "purpose_matters",
    Guideline.TRANSPARENCY_AND_CHOICE: "transparency_and_choice",
    Guideline.ACCESS_TO_INFORMATION: "access_to_information",
    Guideline.SHARING_VALUE: "sharing_value",
}
"""The package under ``dpup.checks`` that holds each guideline's checks."""

_CHECK_MODULE = re.compile(r"(?P<prefix>[a-z]{2})(?P<digits>\d{3})_(?P<name>[a-z0-9_]+)")


def _checks_of(guideline: Guideline) -> list[Check[Any]]:
    package = importlib.import_module(f"{__name__}.{GUIDELINE_PACKAGES[guideline]}")
    found: list[Check[Any]] = []
    for info in pkgutil.iter_modules(package.__path__):
        match = _CHECK_MODULE.fullmatch(info.name)
        if match is None:
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        checks = [v for v in vars(module).values() if isinstance(v, Check)]
        where = f"{package.__name__}.{info.name}"
        if len(checks) != 1:
            msg = f"{where} must define exactly one check, not {len(checks)}"
            raise ImportError(msg)
        [c] = checks
        expected = f"{c.id.lower()}_{c.name.replace('-', '_')}"
        if info.name != expected or c.guideline is not guideline:
            msg = f"{where} holds {c.id} {c.name}: its module must be {expected} under {guideline}"
            raise ImportError(msg)
        found.append(c)
    return found


BUILTIN_CHECKS: tuple[Check[Any], ...] = tuple(
    sorted(
        (c for g in GUIDELINE_PACKAGES for c in _checks_of(g)),
        key=lambda c: (c.guideline.order, c.id),
    )
)
"""Every built-in check, ordered by guideline (DPUP's order) and then id."""


def _rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for name in GUIDELINE_PACKAGES.values():
        rules += importlib.import_module(f"{__name__}.{name}").RULES
    return (*rules, *LEGAL_RULES)


RULES: tuple[Rule, ...] = _rules()
"""The candidate rules of the domain reference and the checks that cover each."""

RETIRED: dict[str, str | None] = {}
"""Retired check ids and the id that replaced each (``None`` if none did)."""
