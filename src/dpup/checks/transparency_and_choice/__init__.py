"""Transparency and Choice: no surprises, and real choices that are honoured.

Source: DPUP's Transparency and Choice guideline and toolkit (consent, transparency in
action, the T&C checklist); the Mana Whakahaere principle; Privacy Act 2020 IPP3, IPP4 and
IPP11; the Oranga Tamariki Act 1989 and Family Violence Act 2018 sharing regimes. See
``docs/guidelines/transparency-and-choice.md``.

Each check is a module of this package named by its id and name; code that two or more
of them share is in ``_helpers``. This module holds the guideline's candidate rules and how
the checks cover them (`RULES`).
"""

from __future__ import annotations

from dpup.checks.rules import Rule

__all__ = ["RULES"]

RULES: tuple[Rule, ...] = (
    Rule("TC-01", "Collection notice covers the IPP3 matters", ("TC001", "TC026")),
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
    Rule(
        "TC-13",
        "No surprises: every actual recipient, use and form of sharing was explained",
        ("TC013", "TC020"),
    ),
    Rule("TC-14", "Non-identifying and downstream uses explained", ("TC014",)),
    Rule("TC-15", "Told afterwards when not told before", ("TC015",)),
    Rule("TC-16", "Children get their own explanation; guardians' role covered", ("TC016",)),
    Rule("TC-17", "Duties to disclose under other laws explained", ("TC017",)),
    Rule("TC-18", "Frontline staff can explain the practice", ("TC018",)),
    Rule("TC-19", "Group-session records explained and agreed", ("TC019",)),
    Rule(
        "TC-20",
        "Staff have guidance for people who need extra support to understand (children, "
        "people with impaired capacity, people in crisis)",
        ("TC025",),
        reason=(
            "Whether the guidance is sound, and whether staff follow it in a hard "
            "conversation, cannot be seen in the record."
        ),
        instead=(
            "TC025 asks for guidance on each group the audience records; the guideline page "
            "suggests a practice lead reviews it with people from those groups."
        ),
    ),
)
"""Transparency and Choice rules (domain reference section 9.2) and their coverage."""
