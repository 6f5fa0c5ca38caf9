"""Configurable thresholds and word lists that checks use, each with where it comes from.

Every number or phrase list a check depends on lives here rather than in the check, so an
agency can substitute its own (for example, another confidentiality standard) and the
documentation can cite the source. Items marked unverified in ``docs/concepts.md`` are our
best reading of practice, not confirmed rules.
"""

from __future__ import annotations

from datetime import date

import attrs

from dpup._text import PhraseList

__all__ = [
    "CATCH_ALL_PHRASES",
    "DEFAULT_SETTINGS",
    "GENERIC_RECIPIENT_PHRASES",
    "IPP3A_COMMENCEMENT",
    "Settings",
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
        suppression_threshold: published counts above zero and below this are small cells
            (Stats NZ / MSD practice: 6).
        magnitude_minimum: least underlying count for a magnitude statistic such as a mean
            (commonly 20 in Stats NZ output rules; unverified).
        adult_reading_grade: highest acceptable reading grade for adult notices.
        child_reading_grade: highest acceptable reading grade for child notices.
        check_in_interval_days: longest acceptable gap between access check-ins.
        max_extension_working_days: longest extension treated as reasonable without review.
    """

    catch_all_phrases: PhraseList = CATCH_ALL_PHRASES
    generic_recipient_phrases: PhraseList = GENERIC_RECIPIENT_PHRASES
    ipp3a_commencement: date = IPP3A_COMMENCEMENT
    suppression_threshold: int = 6
    magnitude_minimum: int = 20
    adult_reading_grade: float = 8.0
    child_reading_grade: float = 5.0
    check_in_interval_days: int = 90
    max_extension_working_days: int = 20


DEFAULT_SETTINGS = Settings()
"""The settings used when none are given."""
