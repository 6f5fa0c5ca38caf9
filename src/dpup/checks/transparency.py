"""Transparency and Choice: no surprises, and real choices that are honoured.

Source: DPUP's Transparency and Choice guideline and toolkit (consent, transparency in
action, the T&C checklist); the Mana Whakahaere principle; Privacy Act 2020 IPP3, IPP4 and
IPP11; the Oranga Tamariki Act 1989 and Family Violence Act 2018 sharing regimes. See
``docs/guidelines/transparency-and-choice.md``.

The checks are defined in private modules by theme, to keep each module small:
``_tc_notice`` (what the notice says and when), ``_tc_reach`` (whether it reaches its
audience), ``_tc_choice`` (choices), ``_tc_flows`` (no surprises for each disclosure) and
``_tc_practice`` (frontline staff and group sessions). This module holds the family's
table, `CHECKS`, in id order, and its rule coverage, `RULES`.
"""

from __future__ import annotations

from typing import Any

from dpup.checks._rules import Rule
from dpup.checks._tc_choice import (
    choice_level_misstated,
    choice_not_honoured,
    consent_wording_without_choice,
    no_choice_on_capture_or_access,
    relevant_choices,
)
from dpup.checks._tc_flows import flow_not_in_notice, not_told_afterwards
from dpup.checks._tc_notice import (
    children_without_suitable_notice,
    confidentiality_exceptions_unexplained,
    downstream_uses_unexplained,
    notice_missing_ipp3_matters,
    notice_too_late,
    other_law_duties_unexplained,
    vague_recipients,
)
from dpup.checks._tc_practice import frontline_cannot_explain, group_records_not_agreed
from dpup.checks._tc_reach import (
    no_chance_to_revisit,
    notice_misses_audience_needs,
    notice_not_plain_language,
    single_channel_notice,
)
from dpup.checks._tc_shared import notice_gaps, override_grounds_in_play
from dpup.engine import Check

__all__ = ["CHECKS", "RULES", "notice_gaps", "override_grounds_in_play", "relevant_choices"]

CHECKS: tuple[Check[Any], ...] = (
    notice_missing_ipp3_matters,
    vague_recipients,
    confidentiality_exceptions_unexplained,
    choice_not_honoured,
    notice_too_late,
    notice_not_plain_language,
    notice_misses_audience_needs,
    single_channel_notice,
    no_chance_to_revisit,
    choice_level_misstated,
    consent_wording_without_choice,
    no_choice_on_capture_or_access,
    flow_not_in_notice,
    downstream_uses_unexplained,
    not_told_afterwards,
    children_without_suitable_notice,
    other_law_duties_unexplained,
    frontline_cannot_explain,
    group_records_not_agreed,
)
"""The Transparency and Choice checks, in id order (TC001 to TC019)."""

RULES: tuple[Rule, ...] = (
    Rule("TC-01", "Collection notice covers the IPP3 matters", ("TC001",)),
    Rule(
        "TC-02", "People told before or at collection, or promptly after with a reason", ("TC005",)
    ),
    Rule("TC-03", "Recipients named specifically", ("TC002",)),
    Rule("TC-04", "Exceptions to confidentiality spelled out", ("TC003",)),
    Rule("TC-05", "Plain wording, tried out with service users", ("TC006",)),
    Rule("TC-06", "Languages and formats fit the people served", ("TC007",)),
    Rule("TC-07", "Several channels, including a conversation", ("TC008",)),
    Rule("TC-08", "Later chances to go over it again", ("TC009",)),
    Rule("TC-09", "How much choice people have is stated honestly", ("TC010",)),
    Rule("TC-10", "Choices about capture and access even when providing is compulsory", ("TC012",)),
    Rule("TC-11", "No 'consent' framing without a real choice", ("TC011",)),
    Rule("TC-12", "Recorded choices honoured; overrides justified", ("TC004",)),
    Rule("TC-13", "No surprises: every actual recipient and use was explained", ("TC013",)),
    Rule("TC-14", "Non-identifying and downstream uses explained", ("TC014",)),
    Rule("TC-15", "Told afterwards when not told before", ("TC015",)),
    Rule("TC-16", "Children get their own explanation; guardians' role covered", ("TC016",)),
    Rule("TC-17", "Duties to disclose under other laws explained", ("TC017",)),
    Rule("TC-18", "Frontline staff can explain the practice", ("TC018",)),
    Rule("TC-19", "Group-session records explained and agreed", ("TC019",)),
)
"""Transparency and Choice rules (domain reference section 9.2) and their coverage."""
