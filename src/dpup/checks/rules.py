"""Traceability: each candidate rule from the domain reference and how dpup covers it.

Each guideline package lists its rules in ``RULES``. A rule is covered by one or more checks,
or it records why a machine cannot decide it and what dpup offers instead. The generated
``docs/traceability.md`` and a meta-test both read these tables.
"""

from __future__ import annotations

import attrs

__all__ = ["Rule"]


@attrs.frozen
class Rule:
    """One candidate rule (e.g. ``PM-02``) and its coverage.

    Attributes:
        id: the rule's id in the domain reference (``PM-01`` ... ``SV-12``).
        title: the rule in a few words of our own.
        checks: ids of the checks that implement it.
        reason: for a rule no check fully decides, why a machine cannot.
        instead: what dpup offers instead (e.g. the NEEDS_REVIEW prompt of a named check).
    """

    id: str
    title: str
    checks: tuple[str, ...] = ()
    reason: str | None = None
    instead: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.checks and not (self.reason and self.instead):
            msg = f"rule {self.id} needs checks, or a reason and what dpup offers instead"
            raise ValueError(msg)
