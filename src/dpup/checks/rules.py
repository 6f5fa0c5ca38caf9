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


LEGAL_RULES: tuple[Rule, ...] = (
    Rule(
        "X-01",
        "a privacy breach is assessed for likely serious harm against the statutory factors",
        checks=("TC021", "TC024"),
    ),
    Rule(
        "X-02",
        "a notifiable breach is notified to the Commissioner and affected people as soon as "
        "practicable",
        checks=("TC022", "TC023"),
    ),
    Rule(
        "X-03",
        "a disclosure to prevent a serious threat is assessed and proportionate",
        checks=("PM037",),
        reason=(
            "Whether a threat was serious, and a disclosure necessary to prevent or lessen it, "
            "is a judgement on the facts."
        ),
        instead=(
            "PM037 fails a serious-threat disclosure recorded as not assessed, as going to "
            "someone who cannot act, or as carrying more than the threat needs; asks for any "
            "part not recorded; and sends a complete record to a legal adviser until a "
            "reviewer confirms it (Disclosure.threat_confirmed)."
        ),
    ),
    Rule(
        "X-04",
        "a request from Oranga Tamariki or the Police under s 66 of the Oranga Tamariki Act is "
        "answered and logged",
        checks=("PM035",),
        reason=(
            "Whether a request was one s 66 covers (its requester, its purpose), and whether "
            "privilege covers what was withheld, are legal questions."
        ),
        instead=(
            "PM035 asks for each missing part of the request's record (SharingRequest: who "
            "asked, when, the assessment, the decision, what was shared, privilege, whether the "
            "person was told), and sends any refusal of a s 66 request, any claim of privilege "
            "and any s 66 request from someone other than Oranga Tamariki or the Police to a "
            "legal adviser."
        ),
    ),
    Rule(
        "X-05",
        "the Family Violence Act duty to consider sharing is recorded",
        checks=("PM036",),
    ),
)
"""Cross-cutting legal rules: obligations of the Act and related law outside the guidelines."""
