"""Access to Information: make it easy for people to see and correct their information.

Source: DPUP's Access to Information guideline; Privacy Act 2020 IPP6, IPP7 and Part 4.
See ``docs/guidelines/access-to-information.md``.

This module holds the family's ordered table ``CHECKS`` and its rule coverage ``RULES``. The
checks themselves are split by subject to keep modules small: request-level checks in
``dpup.checks._access_requests``, correction checks in ``dpup.checks._access_corrections``,
and checks on everyday practice and agreements in ``dpup.checks._access_practice``. The
deadline, extension and charge logic that access and correction checks share is in
``dpup.checks._access_helpers``.
"""

from __future__ import annotations

from typing import Any

from dpup.checks._access_corrections import (
    correction_decision_late,
    correction_extension_invalid,
    correction_recipients_not_told,
    correction_refusal_incomplete,
    unlawful_correction_charge,
)
from dpup.checks._access_practice import (
    access_preferences_not_recorded,
    formal_request_required,
    formats_miss_audience,
    no_front_door,
    no_informal_route,
    no_proactive_copies,
    no_regular_check_ins,
    records_not_co_completed,
    rights_not_explained,
)
from dpup.checks._access_requests import (
    access_decision_late,
    access_extension_invalid,
    assistance_not_offered,
    correction_right_not_stated,
    refusal_without_grounds,
    request_form_imposed,
    transfer_late,
    unlawful_access_charge,
)
from dpup.checks._rules import Rule
from dpup.engine import Check

__all__ = ["CHECKS", "RULES"]


CHECKS: tuple[Check[Any], ...] = (
    formal_request_required,
    rights_not_explained,
    no_proactive_copies,
    correction_recipients_not_told,
    access_decision_late,
    access_extension_invalid,
    transfer_late,
    request_form_imposed,
    unlawful_access_charge,
    assistance_not_offered,
    refusal_without_grounds,
    correction_right_not_stated,
    correction_decision_late,
    correction_extension_invalid,
    correction_refusal_incomplete,
    unlawful_correction_charge,
    no_informal_route,
    formats_miss_audience,
    no_regular_check_ins,
    access_preferences_not_recorded,
    records_not_co_completed,
    no_front_door,
)
"""The Access to Information checks, in id order."""

RULES: tuple[Rule, ...] = (
    Rule("AI-01", "Access decided within 20 working days or a valid extension", ("AI005",)),
    Rule("AI-02", "Extension notices are timely, complete and on a lawful ground", ("AI006",)),
    Rule("AI-03", "Transfers made, and the requester told, within 10 working days", ("AI007",)),
    Rule("AI-04", "Requests accepted in any form, without writing or a lawyer", ("AI001", "AI008")),
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
    Rule("AI-10", "Rights, and how to use them, explained at enrolment", ("AI002",)),
    Rule("AI-11", "Copies given without waiting for a request", ("AI003",)),
    Rule("AI-12", "Informal ways to see records", ("AI017",)),
    Rule("AI-13", "Copy formats that fit the audience", ("AI018",)),
    Rule("AI-14", "Regular check-ins or self-updating", ("AI019",)),
    Rule("AI-15", "Access preferences recorded and followed", ("AI020",)),
    Rule(
        "AI-16",
        "Correction decided within 20 working days or a valid extension",
        ("AI013", "AI014"),
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
