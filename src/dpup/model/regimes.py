"""Requests for information under other Acts, and the Family Violence Act duty to consider sharing.

A social service is asked for information under laws other than the Privacy Act: by Oranga
Tamariki or the Police under s 66 of the Oranga Tamariki Act 1989, by another child welfare and
protection agency under its s 66C, or by a family violence agency or practitioner under s 20
of the Family Violence Act 2018. A `SharingRequest` records one such request and how it was
handled: who asked, when, the assessment made, the decision, what was shared, whether legal
professional privilege was relied on, and whether the person was told once it was safe to.
`FamilyViolenceSharing` records, for an activity, that family violence is involved and that
the duty to consider sharing (Family Violence Act 2018, s 24) was met. ``None`` is "not
recorded", never "no".
"""

from __future__ import annotations

from datetime import date

import attrs

from dpup._enum import Enum
from dpup.law import LegalRef
from dpup.model._validators import non_blank, reference

__all__ = [
    "FamilyViolenceSharing",
    "RequesterKind",
    "SharingDecision",
    "SharingRegime",
    "SharingRequest",
]


class SharingRegime(Enum):
    """The law a request for information is made under.

    Section numbers were read in stored copies of the Acts' text (Oranga Tamariki Act 1989,
    ss 66 and 66C) and in the Privacy Commissioner's guidance (Family Violence Act 2018, ss 20
    and 24); see ``docs/guidelines/purpose-matters.md``.
    """

    OT_S66 = "ot-s66"
    """Oranga Tamariki Act 1989, s 66: the chief executive of Oranga Tamariki, a care and
    protection co-ordinator or a constable asks for information that may bear on a child's
    safety or well-being; it must be supplied (legal professional privilege apart)."""

    OT_S66C = "ot-s66c"
    """Oranga Tamariki Act 1989, s 66C: another child welfare and protection agency, or an
    independent person, asks for information for the wellbeing and safety purposes listed; it
    may be supplied. Sharing unasked is a `Disclosure` with ground ``ot-s66c``."""

    FV_S20 = "fv-s20"
    """Family Violence Act 2018, s 20: a family violence agency or social services
    practitioner asks for information for the family violence purposes the section lists; it
    may be supplied, and the request starts the duty to consider sharing (s 24)."""

    OTHER = "other"
    """Another enactment; what it allows or requires is for a legal adviser."""

    @property
    def legal_refs(self) -> tuple[LegalRef, ...]:
        """The provisions the regime comes from (none for `OTHER`)."""
        return _REGIME_REFS[self]

    @property
    def compels(self) -> bool | None:
        """Whether the regime requires the agency to supply what is asked for.

        ``True`` for s 66 (only legal professional privilege may be relied on to withhold);
        ``False`` for s 66C and s 20, which allow sharing without requiring it; ``None`` for
        another enactment.
        """
        return _COMPELS[self]


_REGIME_REFS: dict[SharingRegime, tuple[LegalRef, ...]] = {
    SharingRegime.OT_S66: (LegalRef.OT_S66,),
    SharingRegime.OT_S66C: (LegalRef.OT_S66C,),
    SharingRegime.FV_S20: (LegalRef.FV_S20, LegalRef.FV_S24),
    SharingRegime.OTHER: (),
}
_COMPELS: dict[SharingRegime, bool | None] = {
    SharingRegime.OT_S66: True,
    SharingRegime.OT_S66C: False,
    SharingRegime.FV_S20: False,
    SharingRegime.OTHER: None,
}


class RequesterKind(Enum):
    """Who asked for the information."""

    ORANGA_TAMARIKI = "oranga-tamariki"
    """Oranga Tamariki—Ministry for Children (its chief executive, a social worker acting for
    them, or a care and protection co-ordinator)."""

    POLICE = "police"
    """New Zealand Police (a constable)."""

    OTHER = "other"
    """Any other agency or practitioner (a school, a health provider, an NGO)."""


class SharingDecision(Enum):
    """What the agency did with a request for information."""

    SUPPLIED = "supplied"
    """Everything asked for was supplied."""

    PARTLY = "partly"
    """Some of it was supplied and some withheld."""

    REFUSED = "refused"
    """Nothing was supplied."""

    @property
    def shares(self) -> bool:
        """Whether some information was supplied."""
        return self is not SharingDecision.REFUSED

    @property
    def withholds(self) -> bool:
        """Whether some information was withheld."""
        return self is not SharingDecision.SUPPLIED


@attrs.frozen
class SharingRequest:
    """A request made to the agency for information under another Act.

    Attributes:
        id: identifier.
        regime: the law the request was made under.
        requester: who asked.
        received_on: the day the request arrived.
        assessed: whether the request was assessed before it was answered: that it is a
            request the law allows, who made it and for what, what it needs, and whether
            anything is privileged. For a Family Violence Act request this is the
            consideration of sharing the Act requires (s 24).
        assessed_by: who made the assessment (a role, such as "privacy officer").
        assessed_on: when the assessment was made.
        decision: whether the information was supplied, partly supplied or refused.
        items: names of the information items supplied.
        privilege_claimed: for a request refused or partly refused, whether legal
            professional privilege was relied on to withhold information.
        person_told: whether the person the information is about was told of the request and
            what was shared, once it was safe to tell them.
        reason_not_told: why the person was not told, where they were not (for example,
            telling them would put a child at risk); an empty text records that there is no
            reason (left out, it is not recorded).
        disclosure: id of the disclosure record that carried what was supplied.
    """

    id: str = attrs.field(validator=non_blank)
    regime: SharingRegime | None = None
    requester: RequesterKind | None = None
    received_on: date | None = None
    assessed: bool | None = None
    assessed_by: str | None = None
    assessed_on: date | None = None
    decision: SharingDecision | None = None
    items: tuple[str, ...] | None = reference("item")
    privilege_claimed: bool | None = None
    person_told: bool | None = None
    reason_not_told: str | None = None
    disclosure: str | None = reference("disclosure")


@attrs.frozen
class FamilyViolenceSharing:
    """What an activity records about the duty to consider sharing (Family Violence Act, s 24).

    The duty falls on family violence agencies and social services practitioners. It starts
    when the agency has reason to think sharing information may help protect a victim of
    family violence, or when it receives a request under s 20 (a `SharingRequest` with
    regime ``fv-s20``, whose assessment is the consideration for that request).

    Attributes:
        involved: whether family violence is involved in the activity's work, so that sharing
            what the agency holds with another family violence agency or practitioner may
            help protect a victim.
        fv_agency: whether the agency is a family violence agency, or its staff social
            services practitioners, under the Act (on whom the duty falls).
        considered: whether sharing was considered.
        considered_on: when it was considered.
        considered_by: who considered it (a role, such as "team leader").
    """

    involved: bool | None = None
    fv_agency: bool | None = None
    considered: bool | None = None
    considered_on: date | None = None
    considered_by: str | None = None
