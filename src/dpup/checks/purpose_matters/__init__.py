"""Purpose Matters: be clear why information is needed, and take only what that needs.

Source: DPUP's Purpose Matters guideline, its purpose-statement toolkit and funding checklist;
Privacy Act 2020 IPP1, IPP2, IPP3A, IPP4, IPP5 and IPP8 to IPP13. See
``docs/guidelines/purpose-matters.md``.

Each check is a module of this package named by its id and name; code that two or more
of them share is in ``_helpers``. This module holds the guideline's candidate rules and how
the checks cover them (`RULES`).
"""

from __future__ import annotations

from dpup.checks.rules import Rule

__all__ = ["RULES"]

RULES: tuple[Rule, ...] = (
    Rule("PM-01", "Purpose recorded and tied to a function or legal authority", ("PM001", "PM005")),
    Rule("PM-02", "No catch-all or future-proofing purposes or consents", ("PM002", "PM006")),
    Rule("PM-03", "Every collected item is necessary for a stated purpose", ("PM003",)),
    Rule("PM-04", "Identifying information only where the purpose needs it", ("PM004",)),
    Rule("PM-05", "Less intrusive options and opt-outs weighed first", ("PM007",)),
    Rule("PM-06", "A tangible benefit and who gains from it are stated", ("PM008",)),
    Rule("PM-07", "Risks and harms weighed against the benefits", ("PM009",)),
    Rule("PM-08", "Checks and balances used when a trigger applies", ("PM010",)),
    Rule(
        "PM-09",
        "A statutory power relied on covers both the information and the reason",
        ("PM011",),
        reason=(
            "Whether a statutory power covers this information and this reason is a question "
            "of statutory interpretation."
        ),
        instead=(
            "PM011 (good practice) fails a claimed statute whose citation is blank, asks for "
            "one not recorded, and asks a legal adviser to confirm the scope of a cited one, "
            "recorded in law[].coverage_confirmed."
        ),
    ),
    Rule("PM-10", "Collected from the person unless an IPP2 exception applies", ("PM012",)),
    Rule("PM-11", "A supplying agency is told purpose, onward sharing and obligation", ("PM013",)),
    Rule("PM-12", "People told about indirect collection from 1 May 2026 (IPP3A)", ("PM014",)),
    Rule(
        "PM-13",
        "Each use stays within the collection purposes or has an IPP10 ground",
        ("PM015",),
        reason=(
            "Whether a use is directly related to the collection purpose, or another IPP10 "
            "exception applies, is a judgement on the facts."
        ),
        instead=(
            "PM015 decides uses against each item's own recorded purposes and sends every "
            "claimed exception to a legal adviser with the ground and items to confirm."
        ),
    ),
    Rule(
        "PM-14",
        "Each disclosure stays within the collection purposes or has an IPP11 ground",
        ("PM016",),
        reason=(
            "Whether an IPP11 exception or a special statute (Oranga Tamariki Act, Family "
            "Violence Act, a court order) applies to a given disclosure is a judgement."
        ),
        instead=(
            "PM016 decides disclosures against each item's own recorded purposes and sends "
            "every claimed exception to a legal adviser; TC rules check the recipient, and "
            "the form it receives, were told up front."
        ),
    ),
    Rule("PM-15", "Overseas recipients have an IPP12 basis", ("PM017", "PM018")),
    Rule("PM-16", "The purpose statement covers DPUP's six elements", ("PM019",)),
    Rule("PM-17", "The purpose says what won't happen and who won't see it", ("PM020",)),
    Rule("PM-18", "Matching and linking are stated and explained", ("PM021",)),
    Rule("PM-19", "Information is not kept past the period its lawful purposes need", ("PM022",)),
    Rule(
        "PM-20",
        "Sensitive data protected; access limited by purpose",
        ("PM023", "PM024", "SV013"),
    ),
    Rule(
        "PM-21",
        "Accuracy, currency, completeness and relevance checked before any use or disclosure",
        ("PM025",),
        reason=(
            "Whether a recorded accuracy check was real and adequate (rather than "
            "self-attested) cannot be seen in the record."
        ),
        instead=(
            "PM025 fails any identifying use or disclosure recorded as made without a check; "
            "the quality of the check is left to the practice lead."
        ),
    ),
    Rule("PM-22", "Accountability reporting is non-identifying by default", ("PM026",)),
    Rule("PM-23", "Further uses of agreement data are agreed and explained", ("PM027",)),
    Rule(
        "PM-24",
        "Reporting carries only what agreed purposes need, and each report keeps to it",
        ("PM028", "PM029"),
    ),
    Rule(
        "PM-25",
        "Unique identifiers: another agency's is not taken as the agency's own, one is "
        "required only for its purpose, and the agency's own are needed and protected",
        ("PM030", "PM031", "PM032"),
    ),
    Rule(
        "PM-26",
        "Information is collected lawfully, fairly and without unreasonable intrusion, with "
        "particular care for children and young people",
        ("PM033", "PM034"),
    ),
    Rule(
        "PM-27",
        "The security of the information, and the tools staff use to keep it secure, are "
        "reviewed regularly",
        ("PM038",),
        reason=(
            "Whether the safeguards and tools are good enough for the information held is "
            "the judgement a review makes; the record shows only that one was made, when, "
            "and what it covered."
        ),
        instead=(
            "PM038 holds the last review's date to a configurable interval and asks that it "
            "covered staff tools; whether the safeguards are reasonable (IPP5) stays with "
            "the privacy officer."
        ),
    ),
    Rule(
        "PM-28",
        "Service users help design and test collections, not only when a trigger applies",
        ("PM039",),
        reason=(
            "Whether service users found the collection legitimate and respectful, and "
            "whether what they said changed it, lies in the conversation, not the record."
        ),
        instead=(
            "PM039 asks that their involvement (or a service-user consultation) is recorded "
            "for every collection; PM010 asks for wider checks and balances when a trigger "
            "applies."
        ),
    ),
)
"""Purpose Matters rules (domain reference section 9.1) and their coverage."""
