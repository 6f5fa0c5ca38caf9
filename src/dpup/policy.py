"""DPUP's five Principles and four Guidelines, with their names, glosses and references.

The summaries are written in our own words. For the policy itself, see the Data Protection and
Use Policy on digital.govt.nz (`DPUP_URL`).
"""

from __future__ import annotations

from dpup._enum import Enum

__all__ = ["DPUP_URL", "Guideline", "Principle"]

DPUP_URL = (
    "https://www.digital.govt.nz/standards-and-guidance/privacy-security-and-risk/privacy/"
    "data-protection-and-use-policy-dpup/"
)
_PRINCIPLES_URL = DPUP_URL + "read-the-dpup-principles/"
_GUIDELINES_URL = DPUP_URL + "read-the-dpup-guidelines/"


class Principle(Enum):
    """One of DPUP's five Principles: the values and behaviours behind every guideline.

    The value is a stable ASCII slug used in JSON and TOML; `label` keeps the macrons.
    """

    HE_TANGATA = "he-tangata"
    MANAAKITANGA = "manaakitanga"
    MANA_WHAKAHAERE = "mana-whakahaere"
    KAITIAKITANGA = "kaitiakitanga"
    MAHITAHITANGA = "mahitahitanga"

    @property
    def label(self) -> str:
        """The te reo Māori name, with macrons (e.g. ``He Tāngata``)."""
        return _PRINCIPLE_META[self][0]

    @property
    def gloss(self) -> str:
        """A short English rendering of the name."""
        return _PRINCIPLE_META[self][1]

    @property
    def summary(self) -> str:
        """One line, in our words, on what the principle asks of an agency."""
        return _PRINCIPLE_META[self][2]

    @property
    def url(self) -> str:
        """Where the principle is published."""
        return _PRINCIPLES_URL + _PRINCIPLE_META[self][3]

    @property
    def order(self) -> int:
        """Position in DPUP's own ordering (0-based), used to sort reports."""
        return _PRINCIPLE_ORDER[self]


_PRINCIPLE_META: dict[Principle, tuple[str, str, str, str]] = {
    Principle.HE_TANGATA: (
        "He Tāngata",
        "focus on improving people's lives",
        "Every use of people's information should lead somewhere that makes lives better, "
        "and use only what that outcome needs.",
        "dpup-principles-in-brief/",
    ),
    Principle.MANAAKITANGA: (
        "Manaakitanga",
        "respect and uphold mana and dignity",
        "Treat people, whānau and communities, and their stories, with care; bring their "
        "views and cultures into decisions about their information.",
        "manaakitanga-principle/",
    ),
    Principle.MANA_WHAKAHAERE: (
        "Mana Whakahaere",
        "empower people through choice and access",
        "Explain what happens to people's information, offer real choices and honour them, "
        "and make it easy for people to see and correct what is held.",
        "mana-whakahaere-principle/",
    ),
    Principle.KAITIAKITANGA: (
        "Kaitiakitanga",
        "act as a steward people understand and trust",
        "Hold information as a caretaker answerable to the people it is about: openly, "
        "securely, and only for as long as it is needed.",
        "kaitiakitanga-principle/",
    ),
    Principle.MAHITAHITANGA: (
        "Mahitahitanga",
        "work as equals to create and share valuable knowledge",
        "Partner with other agencies, iwi and communities as equals, keep their burden low, "
        "and share insights back both ways.",
        "mahitahitanga-principle/",
    ),
}
_PRINCIPLE_ORDER = {p: i for i, p in enumerate(Principle)}


class Guideline(Enum):
    """One of DPUP's four Guidelines: good-practice advice for a key activity."""

    PURPOSE_MATTERS = "purpose-matters"
    TRANSPARENCY_AND_CHOICE = "transparency-and-choice"
    ACCESS_TO_INFORMATION = "access-to-information"
    SHARING_VALUE = "sharing-value"

    @property
    def label(self) -> str:
        """The guideline's name as DPUP writes it."""
        return _GUIDELINE_META[self][0]

    @property
    def prefix(self) -> str:
        """The two-letter prefix of the guideline's check ids (``PM``, ``TC``, ``AI``, ``SV``)."""
        return _GUIDELINE_META[self][1]

    @property
    def gloss(self) -> str:
        """What the guideline is about, in a few words."""
        return _GUIDELINE_META[self][2]

    @property
    def summary(self) -> str:
        """One line, in our words, on what the guideline asks."""
        return _GUIDELINE_META[self][3]

    @property
    def url(self) -> str:
        """Where the guideline is published."""
        return _GUIDELINES_URL + _GUIDELINE_META[self][4]

    @property
    def order(self) -> int:
        """Position in DPUP's own ordering (0-based), used to sort reports."""
        return _GUIDELINE_ORDER[self]

    @classmethod
    def from_prefix(cls, prefix: str) -> Guideline:
        """Return the guideline whose check ids start with ``prefix``.

        Raises:
            KeyError: no guideline uses that prefix.
        """
        return _GUIDELINE_BY_PREFIX[prefix]


_GUIDELINE_META: dict[Guideline, tuple[str, str, str, str, str]] = {
    Guideline.PURPOSE_MATTERS: (
        "Purpose Matters",
        "PM",
        "be clear why information is needed",
        "Know and state why information is collected, used or shared before doing it, and "
        "take only what that purpose needs.",
        "purpose-matters-guideline/",
    ),
    Guideline.TRANSPARENCY_AND_CHOICE: (
        "Transparency and Choice",
        "TC",
        "no surprises, and choices wherever possible",
        "Help people understand what happens to their information, in ways that suit them, "
        "and give them choices they can see being respected.",
        "transparency-and-choice-guideline/",
    ),
    Guideline.ACCESS_TO_INFORMATION: (
        "Access to Information",
        "AI",
        "make seeing and correcting information easy",
        "Be proactive about people's rights to see and correct their information, and make "
        "using those rights simple.",
        "access-to-information-guideline/",
    ),
    Guideline.SHARING_VALUE: (
        "Sharing Value",
        "SV",
        "develop and share insights together",
        "Involve the people and organisations data comes from in shaping insights, and "
        "share what is learned back with them safely.",
        "sharing-value-guideline/",
    ),
}
_GUIDELINE_ORDER = {g: i for i, g in enumerate(Guideline)}
_GUIDELINE_BY_PREFIX = {meta[1]: g for g, meta in _GUIDELINE_META.items()}
