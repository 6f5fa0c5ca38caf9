"""Access to Information: make it easy for people to see and correct their information.

Source: DPUP's Access to Information guideline; Privacy Act 2020 IPP6, IPP7 and Part 4.
See ``docs/guidelines/access-to-information.md``.

Each check is a module of this package named by its id and name; code that two or more
of them share is in ``_helpers``. This module holds the guideline's candidate rules and how
the checks cover them (`RULES`).
"""

from __future__ import annotations

from dpup.checks.rules import Rule

__all__ = ["RULES"]

RULES: tuple[Rule, ...] = (
    Rule(
        "AI-01",
        "Access decided within 20 working days or a valid extension",
        ("AI005", "AI025"),
    ),
    Rule("AI-02", "Extension notices are timely, complete and on a lawful ground", ("AI006",)),
    Rule(
        "AI-03",
        "Transfers made, and the requester told, within 10 working days or a valid extension",
        ("AI007", "AI023"),
    ),
    Rule(
        "AI-04",
        "Requests accepted in any form, not held up for writing, and without a lawyer",
        ("AI001", "AI008"),
    ),
    Rule("AI-05", "No charge the Privacy Act does not allow", ("AI009", "AI016")),
    Rule("AI-06", "Reasonable help for requesters who face barriers", ("AI010",)),
    Rule("AI-07", "Refusals give their grounds and the complaint right", ("AI011",)),
    Rule("AI-08", "Releases mention the right to ask for correction", ("AI012",)),
    Rule(
        "AI-09",
        "Urgent requests handled with matching speed",
        reason=(
            "The Act lets a requester ask for urgency and give reasons but sets no shorter "
            "limit; whether an urgent request was handled fast enough turns on those reasons "
            "and the circumstances, which a machine cannot weigh."
        ),
        instead=(
            "AI005 holds urgent requests (AccessRequest.urgent) to the 20-working-day ceiling "
            "like any other; a privacy officer judges whether the urgency was honoured."
        ),
    ),
    Rule("AI-10", "Rights, and how to use them, explained at enrolment", ("AI002", "AI024")),
    Rule("AI-11", "Copies given without waiting for a request", ("AI003",)),
    Rule("AI-12", "Informal ways to see records", ("AI017",)),
    Rule("AI-13", "Copy formats that fit the audience", ("AI018",)),
    Rule("AI-14", "Regular check-ins or self-updating", ("AI019",)),
    Rule("AI-15", "Access preferences recorded and followed", ("AI020",)),
    Rule(
        "AI-16",
        "Correction decided within 20 working days or a valid extension",
        ("AI013", "AI014", "AI025"),
    ),
    Rule(
        "AI-17",
        "Refused corrections: reasons, statement attached, complaint right",
        ("AI015",),
    ),
    Rule("AI-18", "Everyone who received corrected information is told", ("AI004",)),
    Rule("AI-19", "One front door across provider and funder", ("AI022",)),
    Rule(
        "AI-20",
        "Records written with the person, factual, with their own view",
        ("AI021",),
        reason=(
            "Whether records are factual and free of judgement or stigma needs someone to "
            "read them."
        ),
        instead=(
            "AI021 checks the recorded practice (co-completion and the person's own view); "
            "the docs suggest a sample audit of record wording."
        ),
    ),
)
"""Access to Information rules (domain reference section 9.3) and their coverage."""
