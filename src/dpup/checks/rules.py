"""Traceability: each candidate rule from the domain reference and how dpup covers it.

Each guideline package lists its rules in ``RULES``. A rule is covered by one or more checks,
or it records why a machine cannot decide it and what dpup offers instead. The generated
``docs/traceability.md`` and a meta-test both read these tables.
"""

from __future__ import annotations

import attrs

__all__ = ["LEGAL_RULES", "Rule"]


@attrs.frozen
class Rule:
    """One candidate rule (e.g. ``PM-02``) and its coverage.

    Attributes:
        id: the rule's id in the domain reference (``PM-01`` ... ``SV-12``).
        title: the rule in a few words of our own.
        checks: ids of the checks that implement it.
        reason: for a rule no check fully decides, why a machine cannot.
        instead: what dpup offers instead (e.g. the NEEDS_REVIEW prompt of a named check).
        planned: for a rule no check covers yet but one will, what is planned and where it is
            tracked; until then the rule is listed as planned, never silently missing.
    """

    id: str
    title: str
    checks: tuple[str, ...] = ()
    reason: str | None = None
    instead: str | None = None
    planned: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.checks and not (self.reason and self.instead) and not self.planned:
            msg = (
                f"rule {self.id} needs checks, or a reason and what dpup offers instead, "
                "or what is planned"
            )
            raise ValueError(msg)
        if self.checks and self.planned:
            msg = f"rule {self.id} is covered by checks, so nothing is planned for it"
            raise ValueError(msg)


_NEXT = "Planned in issue 19 (breaches, unique identifiers, information-sharing regimes)."

LEGAL_RULES: tuple[Rule, ...] = (
    Rule(
        "X-01",
        "a privacy breach is assessed for likely serious harm against the statutory factors",
        planned="A Breach domain type and checks under Part 6 of the Privacy Act. " + _NEXT,
    ),
    Rule(
        "X-02",
        "a notifiable breach is notified to the Commissioner and affected people as soon as "
        "practicable",
        planned="Notification checks under Part 6, with the Commissioner's expectation of a "
        "few days kept as a setting labelled guidance. " + _NEXT,
    ),
    Rule(
        "X-03",
        "a disclosure to prevent a serious threat is assessed and proportionate",
        planned="PM and SV checks already ask for the assessment (Disclosure.threat_assessed); "
        "a proportionality check of what was disclosed, and to whom, is planned. " + _NEXT,
    ),
    Rule(
        "X-04",
        "a request from Oranga Tamariki or the Police under s 66 of the Oranga Tamariki Act is "
        "answered and logged",
        planned="A request record and checks for s 66 requests. " + _NEXT,
    ),
    Rule(
        "X-05",
        "the Family Violence Act duty to consider sharing is recorded",
        planned="A check of the recorded consideration under s 24 of the Family Violence "
        "Act 2018. " + _NEXT,
    ),
)
"""Cross-cutting legal rules: obligations of the Act and related law outside the guidelines."""
