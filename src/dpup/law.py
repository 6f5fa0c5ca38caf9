"""The legal footing of a check: `Basis` and the provisions (`LegalRef`) a check cites.

DPUP is good practice, not law. A check whose basis is `Basis.GOOD_PRACTICE` is never reported
as a legal breach; only `Basis.LAW` checks cite provisions that bind an agency. Where our notes
could not confirm a provision's number or detail, `LegalRef.verified` is ``False`` and the
documentation says so.
"""

from __future__ import annotations

from dpup._enum import Enum

__all__ = ["Basis", "LegalRef", "PRIVACY_ACT_URL"]

PRIVACY_ACT_URL = "https://www.legislation.govt.nz/act/public/2020/0031/latest/whole.html"
_OPC_IPP_URL = "https://privacy.org.nz/the-privacy-act-and-codes/privacy-principles/"
# Section pages of the Act seen in stored copies; other sections link to the whole Act.
_PA_S45_URL = "https://www.legislation.govt.nz/act/public/2020/0031/latest/LMS131557.html"
_PA_S113_URL = "https://www.legislation.govt.nz/act/public/2020/0031/latest/LMS139444.html"
_OT_S66_URL = "https://www.legislation.govt.nz/act/public/1989/0024/latest/DLM150049.html"
_OT_S66C_URL = "https://www.legislation.govt.nz/act/public/1989/0024/latest/LMS220126.html"
_FV_ACT_URL = "https://www.legislation.govt.nz/act/public/2018/0046/latest/whole.html"


class Basis(Enum):
    """Why a check matters: a legal duty, DPUP good practice, or a published standard."""

    LAW = "law"
    """A duty under a statute, usually the Privacy Act 2020: NOT_MET may be a breach."""

    GOOD_PRACTICE = "good-practice"
    """DPUP advice that goes beyond the legal minimum. A NOT_MET finding is not a breach of law."""

    STANDARD = "standard"
    """A published professional standard, such as Stats NZ confidentiality rules for outputs."""

    @property
    def label(self) -> str:
        """A short human label."""
        return _BASIS_LABEL[self]

    @property
    def is_law(self) -> bool:
        """Whether a failure on this basis may be a breach of law."""
        return self is Basis.LAW


_BASIS_LABEL = {
    Basis.LAW: "law",
    Basis.GOOD_PRACTICE: "good practice (beyond the law)",
    Basis.STANDARD: "standard",
}


class LegalRef(Enum):
    """A provision a check relies on. The value is a stable id used in JSON and SARIF."""

    IPP1 = "IPP1"
    IPP2 = "IPP2"
    IPP3 = "IPP3"
    IPP3A = "IPP3A"
    IPP4 = "IPP4"
    IPP5 = "IPP5"
    IPP6 = "IPP6"
    IPP7 = "IPP7"
    IPP8 = "IPP8"
    IPP9 = "IPP9"
    IPP10 = "IPP10"
    IPP11 = "IPP11"
    IPP12 = "IPP12"
    IPP13 = "IPP13"
    PA_S7 = "PA2020-s7"
    PA_S30 = "PA2020-s30"
    PA_S40 = "PA2020-s40"
    PA_S41 = "PA2020-s41"
    PA_S42 = "PA2020-s42"
    PA_S43 = "PA2020-s43"
    PA_S44 = "PA2020-s44"
    PA_S45 = "PA2020-s45"
    PA_S48 = "PA2020-s48"
    PA_PART4 = "PA2020-part4"
    PA_S61 = "PA2020-s61"
    PA_S62 = "PA2020-s62"
    PA_S63 = "PA2020-s63"
    PA_S65 = "PA2020-s65"
    PA_S66 = "PA2020-s66"
    PA_S67 = "PA2020-s67"
    PA_S113 = "PA2020-s113"
    PA_S114 = "PA2020-s114"
    PA_S115 = "PA2020-s115"
    PA_S116 = "PA2020-s116"
    PA_S117 = "PA2020-s117"
    OT_S66 = "OTA1989-s66"
    OT_S66C = "OTA1989-s66C"
    FV_S20 = "FVA2018-s20"
    FV_S24 = "FVA2018-s24"

    @property
    def title(self) -> str:
        """A short title, e.g. ``IPP 11: limits on disclosure``."""
        return _REFS[self][0]

    @property
    def citation(self) -> str:
        """A formal citation, e.g. ``Privacy Act 2020, s 22, IPP 11``."""
        return _REFS[self][1]

    @property
    def url(self) -> str:
        """Where the provision can be read."""
        return _REFS[self][2]

    @property
    def verified(self) -> bool:
        """False where our sources could not confirm the provision's number or detail."""
        return _REFS[self][3]


def _ipp(n: str, title: str, *, verified: bool = True) -> tuple[str, str, str, bool]:
    return (f"IPP {n}: {title}", f"Privacy Act 2020, s 22, IPP {n}", _OPC_IPP_URL, verified)


def _pa(
    section: str, title: str, *, verified: bool = True, url: str = PRIVACY_ACT_URL
) -> tuple[str, str, str, bool]:
    return (f"s {section}: {title}", f"Privacy Act 2020, s {section}", url, verified)


_REFS: dict[LegalRef, tuple[str, str, str, bool]] = {
    LegalRef.IPP1: _ipp("1", "purpose of collection"),
    LegalRef.IPP2: _ipp("2", "source of personal information"),
    LegalRef.IPP3: _ipp("3", "collection from the individual"),
    LegalRef.IPP3A: (
        "IPP 3A: collection from someone other than the individual",
        "Privacy Act 2020, s 22, IPP 3A (inserted by the Privacy Amendment Act 2025, "
        "in force 1 May 2026)",
        # The Commissioner's principle 3A page quotes the text (stored copy read for issue 18).
        "https://www.privacy.org.nz/privacy-principles/3a/",
        True,
    ),
    LegalRef.IPP4: _ipp("4", "manner of collection"),
    LegalRef.IPP5: _ipp("5", "storage and security"),
    LegalRef.IPP6: _ipp("6", "access"),
    LegalRef.IPP7: _ipp("7", "correction"),
    LegalRef.IPP8: _ipp("8", "accuracy before use or disclosure"),
    LegalRef.IPP9: _ipp("9", "retention"),
    LegalRef.IPP10: _ipp("10", "limits on use"),
    LegalRef.IPP11: _ipp("11", "limits on disclosure"),
    LegalRef.IPP12: _ipp("12", "disclosure outside New Zealand"),
    LegalRef.IPP13: _ipp("13", "unique identifiers"),
    LegalRef.PA_S7: _pa("7", "interpretation: the meaning of working day", verified=False),
    LegalRef.PA_S30: _pa("30", "Commissioner authorisation of an otherwise barred action"),
    LegalRef.PA_S40: _pa("40", "who may make an access request"),
    LegalRef.PA_S41: _pa("41", "urgency"),
    LegalRef.PA_S42: _pa("42", "assistance with access requests"),
    LegalRef.PA_S43: _pa("43", "transfer of access requests", verified=False),
    LegalRef.PA_S44: _pa("44", "responding to access requests"),
    LegalRef.PA_S45: _pa("45", "decision to grant access", url=_PA_S45_URL),
    LegalRef.PA_S48: _pa("48", "extension of time limits for access requests"),
    LegalRef.PA_PART4: (
        "Part 4: access and correction",
        "Privacy Act 2020, Part 4",
        PRIVACY_ACT_URL,
        True,
    ),
    LegalRef.PA_S61: _pa("61", "assistance with correction requests"),
    LegalRef.PA_S62: _pa("62", "transfer of correction requests"),
    LegalRef.PA_S63: _pa("63", "decision on a request to correct"),
    LegalRef.PA_S65: _pa("65", "extension of time limits for correction requests"),
    LegalRef.PA_S66: _pa("66", "charges"),
    LegalRef.PA_S67: _pa("67", "Commissioner may authorise a public sector agency to charge"),
    LegalRef.PA_S113: _pa("113", "assessing likely serious harm", url=_PA_S113_URL),
    LegalRef.PA_S114: _pa("114", "notifying the Commissioner of a notifiable breach"),
    LegalRef.PA_S115: _pa("115", "notifying affected people, or public notice"),
    LegalRef.PA_S116: _pa("116", "exceptions to and delay in notifying affected people"),
    LegalRef.PA_S117: _pa("117", "what a breach notification must contain"),
    LegalRef.OT_S66: (
        "OT Act s 66: information on request of Oranga Tamariki or Police",
        "Oranga Tamariki Act 1989, s 66",
        _OT_S66_URL,
        True,
    ),
    LegalRef.OT_S66C: (
        "OT Act s 66C: sharing for child wellbeing and safety",
        "Oranga Tamariki Act 1989, s 66C",
        _OT_S66C_URL,
        True,
    ),
    LegalRef.FV_S20: (
        "FV Act s 20: sharing for family violence purposes",
        "Family Violence Act 2018, s 20",
        _FV_ACT_URL,
        True,
    ),
    LegalRef.FV_S24: (
        "FV Act s 24: duty to consider sharing",
        "Family Violence Act 2018, s 24",
        _FV_ACT_URL,
        True,
    ),
}
