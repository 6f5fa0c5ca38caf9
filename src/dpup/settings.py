"""Configurable thresholds and word lists that checks use, each with where it comes from.

Every number or phrase list a check depends on lives here rather than in the check, so an
agency can substitute its own (for example, another confidentiality standard) and the
documentation can cite the source. Items marked unverified in ``docs/concepts.md`` are our
best reading of practice, not confirmed rules.
"""

from __future__ import annotations

from datetime import date

import attrs

from dpup._readability import DEFAULT_FORMULA, FORMULAS
from dpup._text import PhraseList
from dpup.disclosure_control import STATS_NZ_RR3, ConfidentialityRules

__all__ = [
    "ADULT_FORMAT_PHRASES",
    "BREACH_NOTICE_DAYS",
    "CATCH_ALL_PHRASES",
    "CHILD_FORMAT_PHRASES",
    "CONSENT_PHRASES",
    "DEFAULT_SETTINGS",
    "EASY_READ_FORMAT_PHRASES",
    "GENERIC_JUSTIFICATIONS",
    "GENERIC_RECIPIENT_PHRASES",
    "IDENTIFIER_ITEM_PHRASES",
    "IPP3A_COMMENCEMENT",
    "JARGON_PHRASES",
    "OPEN_LICENCE_PHRASES",
    "Settings",
    "VAGUE_PURPOSE_PHRASES",
]

CATCH_ALL_PHRASES = PhraseList(
    (
        "any other purpose",
        "any other purposes",
        "other purposes",
        "any purpose",
        "such other purposes",
        "future purposes",
        "future use",
        "future uses",
        "future needs",
        "future proof",
        "future proofing",
        "from time to time",
        "as required from time to time",
        "as we see fit",
        "we consider appropriate",
        "we deem appropriate",
        "as appropriate",
        "including but not limited to",
        "without limitation",
        "relevant agencies",
        "relevant organisations",
        "relevant parties",
        "third parties",
        "and related purposes",
        "or related purposes",
        "any lawful purpose",
    )
)
"""Phrases that signal a catch-all or "future-proofing" purpose or consent.

DPUP (Purpose Matters; Mana Whakahaere) says vague purposes added to hedge bets about future
use are not acceptable. The list is ours; extend it through `Settings`.
"""

VAGUE_PURPOSE_PHRASES = PhraseList(
    (
        "monitoring",
        "monitoring purposes",
        "research",
        "research purposes",
        "analysis",
        "analytics",
        "data analytics",
        "insights",
        "statistics",
        "statistical purposes",
        "business intelligence",
        "service improvement",
        "continuous improvement",
        "general purposes",
        "administrative purposes",
        "operational purposes",
    )
)
"""Words that leave a purpose broad unless it also names what it feeds.

DPUP's purpose-statement template asks the "why" to name the processes, activities and
decisions the information feeds; a purpose such as "monitoring" or "research" with no such
scope is broad though not open-ended (domain reference rules PM-02 and PM-24). A purpose that
uses one of these words and records nothing in ``Purpose.feeds`` is sent for review. The list
is ours (unverified as a standard); extend it through `Settings`.
"""

GENERIC_JUSTIFICATIONS = PhraseList(
    (
        "reporting",
        "for reporting",
        "for reporting purposes",
        "monitoring",
        "for monitoring",
        "for monitoring purposes",
        "required",
        "as required",
        "mandatory",
        "needed",
        "necessary",
        "contract requirement",
        "contractual requirement",
        "funder requirement",
        "funding requirement",
        "for the funder",
        "for our records",
        "records",
        "admin",
        "administration",
        "business need",
        "standard field",
        "other",
        "various",
        "tbc",
        "n a",
    )
)
"""Justifications that say nothing about why a purpose needs an item.

Compared with an item's whole justification (ignoring case and punctuation), not searched
within it: "for reporting" alone is generic, "the funder counts attendance by gender" is not.
The domain reference's rule PM-03 gives "for reporting" as its example. The list is ours;
extend it through `Settings`.
"""

GENERIC_RECIPIENT_PHRASES = PhraseList(
    (
        "relevant agencies",
        "relevant organisations",
        "relevant parties",
        "other agencies",
        "other organisations",
        "other parties",
        "third parties",
        "partners",
        "partner agencies",
        "our partners",
        "service providers",
        "stakeholders",
        "authorities",
        "anyone",
        "others",
    )
)
"""Recipient wording too vague for people to know who will see their information.

IPP3 asks for the intended recipients; DPUP's purpose-statement template asks for named
organisations and roles.
"""

JARGON_PHRASES = PhraseList(
    (
        "pursuant to",
        "hereby",
        "herein",
        "hereinafter",
        "thereof",
        "whereby",
        "notwithstanding",
        "inter alia",
        "in accordance with",
        "data subject",
        "data controller",
        "data processor",
        "information privacy principle",
        "information privacy principles",
        "personal information as defined",
        "de identified",
        "deidentified",
        "pseudonymised",
        "anonymised",
        "aggregated",
        "unique identifier",
        "third party",
        "third parties",
        "legislative requirements",
        "applicable law",
        "applicable laws",
    )
)
"""Legal and technical wording that makes a notice hard for service users to follow.

DPUP's "Transparency in action" tool and the Transparency and Choice checklist warn that
jargon undermines transparency and ask for data terms to be explained in plain words. The
list itself is ours (unverified as a standard); extend or replace it through `Settings`.
"""

CONSENT_PHRASES = PhraseList(
    (
        "consent",
        "consents",
        "consented",
        "consenting",
        "i authorise",
        "i authorize",
    )
)
"""Wording that frames a notice as asking for consent.

DPUP's consent tool prefers "choice" to "consent" and warns against consent framing where
people have no real choice. Used only when a notice's text is supplied but
``Notice.uses_consent_wording`` is not recorded. The list is ours.
"""

OPEN_LICENCE_PHRASES = PhraseList(("creative commons", "cc by", "cc0", "cc zero"))
"""Wording that marks a licence as Creative Commons, as NZGOAL recommends for open data.

NZGOAL (the New Zealand Government Open Access and Licensing framework) asks agencies to
release open data under Creative Commons licences, by default CC BY; "cc by" also matches the
CC BY-SA, BY-NC and BY-ND variants, which NZGOAL allows but discourages.
"""

CHILD_FORMAT_PHRASES = PhraseList(
    ("child", "children", "kids", "tamariki", "young people", "youth", "rangatahi")
)
"""Words that mark a copy format as written for children or young people.

DPUP's Access to Information guideline asks for formats that suit children; the Best foot
forward journey gives families copies in adult and child versions. The list is ours.
"""

ADULT_FORMAT_PHRASES = PhraseList(("adult", "adults", "parent", "parents", "standard"))
"""Words that mark a copy format as the adult (or standard) version. The list is ours."""

EASY_READ_FORMAT_PHRASES = PhraseList(
    ("easy read", "easy english", "plain language", "plain english", "simple")
)
"""Words that mark a copy format as suited to people with low literacy.

DPUP's Access to Information guideline names low literacy among the needs formats should
meet. The list is ours.
"""

IDENTIFIER_ITEM_PHRASES = PhraseList(
    (
        "ird",
        "ird number",
        "tax number",
        "nhi",
        "nhi number",
        "driver licence",
        "drivers licence",
        "driver license",
        "licence number",
        "passport",
        "passport number",
        "msd number",
        "client number",
        "nsn",
        "student number",
        "unique identifier",
    )
)
"""Item names that suggest a unique identifier (IPP13), such as an IRD or NHI number.

The IPP13 checks (PM030 to PM032) ask for ``InformationItem.identifier`` on an item whose
name matches and records none; an item whose name does not match is left alone unless it
records an identifier. The examples follow the Privacy Commissioner's principle 13 page (IRD,
NHI, driver licence and passport numbers); the list is ours.
"""

BREACH_NOTICE_DAYS = 3
"""Days after becoming aware of a notifiable privacy breach within which the Privacy
Commissioner expects to be told: guidance, not statute.

The Privacy Act 2020 (s 114) says only "as soon as practicable". The Commissioner's published
expectation is notice within 72 hours of becoming aware, described as a guide only
(https://privacy.org.nz/publications/statements-media-releases/how-long-is-72-hours). dpup
reads 72 hours as three calendar days counted from ``Breach.aware_on``, since a breach records
dates, not times. Notice later than this is sent for review, never reported as a breach of the
Act on its own; while the period runs, an unmade notice is not yet due. dpup also uses it as
the point from which it asks why the people affected have not been told (s 115 sets no period:
that use is ours, unverified).
"""

IPP3A_COMMENCEMENT = date(2026, 5, 1)
"""IPP3A (indirect collection notices) applies to information collected on or after this date
(Privacy Amendment Act 2025)."""


@attrs.frozen
class Settings:
    """Thresholds and word lists for checks.

    Attributes:
        catch_all_phrases: phrases that mark a purpose or consent as catch-all.
        generic_recipient_phrases: recipient wording that names nobody in particular.
        ipp3a_commencement: first collection date IPP3A applies to.
        vague_purpose_phrases: words that leave a purpose broad unless it names what it
            feeds (Purpose Matters).
        generic_justifications: whole justifications that say nothing about need.
        confidentiality: the confidentiality standard the Sharing Value checks (SV007 to
            SV010) apply to insight tables and derived statistics: rounding method,
            suppression threshold, secondary suppression and minimum bases. The default is
            Stats NZ's random rounding to base 3 (`dpup.disclosure_control.STATS_NZ_RR3`,
            suppression below 6 with secondary suppression); agencies that follow MSD's
            published practice use `dpup.disclosure_control.MSD_PUBLISHED`, or build their
            own `ConfidentialityRules` citing their standard. `suppression_threshold` and
            `magnitude_minimum` are read-only views of it.
        open_licence_phrases: licence wording accepted as an open Creative Commons licence
            for open data (NZGOAL).
        adult_reading_grade: highest acceptable reading grade for adult notices.
        child_reading_grade: highest acceptable reading grade for child notices.
        reading_grade_formula: how reading grades are measured from text: one of
            `dpup.documents.readability.FORMULAS` (default Flesch-Kincaid grade).
        jargon_phrases: legal and technical wording that makes a notice hard to follow.
        consent_phrases: wording that frames a notice as asking for consent.
        min_notice_channels: fewest ways of explaining a collection that DPUP's "match the
            approach to the context" advice is read as asking for (ours: 2, one of them a
            conversation).
        check_in_interval_days: longest acceptable gap between access check-ins (ours:
            90 days; DPUP asks for regular check-ins without naming an interval).
        max_extension_working_days: longest extension of a time limit (s 48 or s 65)
            treated as reasonable without review (ours: 20 working days, doubling the
            statutory limit; the Act says only "reasonable").
        correction_transfer_working_days: the working days after receipt within which a
            correction request is transferred to another agency, and the requester told
            (s 62). 10 by default, as for access requests (s 43); unverified: the stored
            sources confirm that s 62 sets a time limit (s 65 extends it) but not its length.
        child_format_phrases: words marking a copy format as the children's version.
        adult_format_phrases: words marking a copy format as the adult version.
        easy_read_format_phrases: words marking a copy format as easy to read.
        identifier_item_phrases: item names that suggest a unique identifier, for which the
            IPP13 checks (PM030 to PM032) ask what kind of identifier it is.
        security_review_interval_days: longest gap between reviews of how an activity's
            information is kept secure before PM038 reports the last review as too old
            (ours: 365 days; DPUP asks for regular review without naming an interval).
        breach_notice_days: days after becoming aware of a notifiable privacy breach within
            which the Commissioner expects to be told (guidance, not statute: the Act says
            "as soon as practicable"; see `BREACH_NOTICE_DAYS`).
        score_coverage_floor: the coverage (0 to 1) below which the human reports (text,
            Markdown, HTML, XLSX) show a score as "not enough evidence" instead of its value.
            0.5 by default (ours): below half, more of the applicable findings are unsettled
            than settled, so recording the missing facts could still move the score anywhere
            from near 0 to near 100, and a high number would mislead a reader.
    """

    catch_all_phrases: PhraseList = CATCH_ALL_PHRASES
    generic_recipient_phrases: PhraseList = GENERIC_RECIPIENT_PHRASES
    ipp3a_commencement: date = IPP3A_COMMENCEMENT
    vague_purpose_phrases: PhraseList = VAGUE_PURPOSE_PHRASES
    generic_justifications: PhraseList = GENERIC_JUSTIFICATIONS
    # Stats NZ RR3 is the national statistics office's standard for published counts. MSD's
    # no-zero variant only ever publishes values that RR3's audit also accepts (1 and 2 become
    # 3, a multiple of 3 within 2), so this default passes tables from agencies following
    # either practice, while flagging anything neither would publish.
    confidentiality: ConfidentialityRules = STATS_NZ_RR3
    open_licence_phrases: PhraseList = OPEN_LICENCE_PHRASES
    adult_reading_grade: float = 8.0
    child_reading_grade: float = 5.0
    reading_grade_formula: str = attrs.field(
        default=DEFAULT_FORMULA, validator=attrs.validators.in_(FORMULAS)
    )
    jargon_phrases: PhraseList = JARGON_PHRASES
    consent_phrases: PhraseList = CONSENT_PHRASES
    min_notice_channels: int = 2
    check_in_interval_days: int = 90
    max_extension_working_days: int = 20
    correction_transfer_working_days: int = attrs.field(
        default=10, validator=attrs.validators.ge(0)
    )
    child_format_phrases: PhraseList = CHILD_FORMAT_PHRASES
    adult_format_phrases: PhraseList = ADULT_FORMAT_PHRASES
    easy_read_format_phrases: PhraseList = EASY_READ_FORMAT_PHRASES
    identifier_item_phrases: PhraseList = IDENTIFIER_ITEM_PHRASES
    security_review_interval_days: int = 365
    breach_notice_days: int = attrs.field(
        default=BREACH_NOTICE_DAYS, validator=attrs.validators.ge(0)
    )
    score_coverage_floor: float = attrs.field(
        default=0.5, validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)]
    )

    @property
    def suppression_threshold(self) -> int:
        """Counts above zero and below this are small cells (read from `confidentiality`)."""
        return self.confidentiality.suppression_threshold

    @property
    def magnitude_minimum(self) -> int:
        """Least underlying count for a magnitude such as a mean (from `confidentiality`).

        20 by default, which is unverified: see `ConfidentialityRules.unverified`.
        """
        return self.confidentiality.min_underlying_count_magnitude


DEFAULT_SETTINGS = Settings()
"""The settings used when none are given."""
