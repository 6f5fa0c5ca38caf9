"""Sharing Value: develop insights with the people the data comes from, and share them back.

Source: DPUP's Sharing Value guideline (the Value Loop; be inclusive from the start; share the
insights), the Mahitahitanga principle, the funding, contracting and partnering checklist, and
for Māori data the Te Mana Raraunga principles as external guidance. The confidentiality checks
SV007 to SV010 and SV020 apply Stats NZ / MSD output standards (and, for tables of amounts, the
dominance rules) through ``dpup.disclosure_control``. See ``docs/guidelines/sharing-value.md``.

Each check is a module of this package named by its id and name; code that two or more
of them share is in ``_helpers``. This module holds the guideline's candidate rules and how
the checks cover them (`RULES`).
"""

from __future__ import annotations

from dpup.checks.rules import Rule

__all__ = ["RULES"]

RULES: tuple[Rule, ...] = (
    Rule("SV-01", "Plan to share results back, or a reason not to", ("SV001",)),
    Rule(
        "SV-02",
        "Contributors involved from the start, including defining success",
        ("SV002", "SV004"),
    ),
    Rule("SV-03", "Sensitive group results reviewed with the community first", ("SV005",)),
    Rule("SV-04", "Strengths framing rather than deficit framing", ("SV006",)),
    Rule("SV-05", "Small counts withheld, with secondary suppression", ("SV007", "SV008")),
    Rule("SV-06", "Counts randomly rounded to base 3 as the standard says", ("SV009",)),
    Rule("SV-07", "Derived statistics not built on small counts", ("SV010",)),
    Rule("SV-08", "Access level chosen on purpose; open data licensed", ("SV011",)),
    Rule(
        "SV-09",
        "Research uses and disclosures rest on grounds that nothing identifiable is published",
        ("SV012",),
    ),
    Rule("SV-10", "Outcomes of data use fed back to providers", ("SV003",)),
    Rule("SV-11", "Little burden and no duplicate collection", ("SV014", "SV015")),
    Rule("SV-12", "Māori data used with iwi or Māori partners", ("SV016",)),
    Rule(
        "SV-13",
        "People referred between partner agencies give their story once, through a joint "
        "referral or assessment",
        ("SV017",),
    ),
    Rule(
        "SV-14",
        "Staff are trained and supported for the information-sharing decisions of their "
        "work, not only given a script",
        ("SV018",),
        reason=(
            "Whether the training fits the sharing decisions the service really meets, and "
            "whether staff decide well, needs someone to look at the training and at "
            "decisions made."
        ),
        instead=(
            "SV018 asks that training and a procedure for sharing decisions are recorded; "
            "TC018 covers the script staff use to explain the practice."
        ),
    ),
    Rule(
        "SV-15",
        "Sharing, funding and partnering agreements are reviewed by the date they set",
        ("SV019",),
    ),
    Rule(
        "SV-16",
        "Published amounts are not made up by too few contributors or dominated by one or two",
        ("SV020",),
    ),
    Rule(
        "SV-17",
        "No small count can be worked out by subtracting across the tables of one release",
        ("SV021",),
    ),
)
"""Sharing Value rules (domain reference section 9.4) and their coverage.

SV013 (evaluation and service reporting routed apart) has no rule of its own here: it carries
out the "Best foot forward" journey's purpose separation, which the reference files under
Purpose Matters (PM-20, access limited by purpose).
"""
