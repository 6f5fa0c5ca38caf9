"""Who is involved: the agency, the recipients of information, and the audience served."""

from __future__ import annotations

import attrs

from dpup._enum import Enum

__all__ = ["Agency", "Audience", "Recipient", "RecipientKind", "Sector"]


class Sector(Enum):
    """The agency's sector. NGOs are private-sector agencies under the Privacy Act 2020."""

    PUBLIC = "public"
    """A public sector agency: the public-sector rules apply, for example on charging for access
    requests (AI009)."""
    NGO = "ngo"
    """A non-government organisation, which the Privacy Act treats as private sector; PM022
    queries a retention period resting on the Public Records Act."""
    PRIVATE = "private"
    """A business or other private-sector agency; treated like an NGO by the checks."""

    @property
    def is_public(self) -> bool:
        """Whether the Privacy Act's public-sector rules (e.g. on charging) apply."""
        return self is Sector.PUBLIC


class RecipientKind(Enum):
    """How specifically a recipient is identified."""

    ORGANISATION = "organisation"
    """A named organisation, such as Oranga Tamariki or a named school."""
    ROLE = "role"
    """A role rather than a named body or person, such as the person's GP."""
    PERSON = "person"
    """A particular named person."""
    COURT = "court"
    """A court or tribunal."""
    CATEGORY = "category"
    """A class of recipients such as "government agencies": vaguer than a named body."""


@attrs.frozen
class Agency:
    """The agency responsible for the activity (a government agency, NGO or other provider).

    Attributes:
        name: the agency's name.
        sector: public, NGO or private.
        functions: the functions or services the agency is set up to perform.
        complex_legislation: whether it works under complex, agency-specific legislation.
    """

    name: str | None = None
    sector: Sector | None = None
    functions: tuple[str, ...] | None = None
    complex_legislation: bool | None = None


@attrs.frozen
class Recipient:
    """Someone who receives or sees information.

    Attributes:
        name: the organisation or role as it is named (e.g. "Family Court", "MSD").
        kind: how specific that name is.
        country: ISO 3166 alpha-2 country code of the recipient; ``"NZ"`` for New Zealand.
        part: the part of the organisation that receives it (e.g. "evaluation team").
    """

    name: str
    kind: RecipientKind | None = None
    country: str | None = None
    part: str | None = None

    @property
    def overseas(self) -> bool | None:
        """Whether the recipient is outside New Zealand; ``None`` when not recorded."""
        if self.country is None:
            return None
        return self.country.upper() != "NZ"


@attrs.frozen
class Audience:
    """The people an activity serves, as far as it shapes how to explain things to them.

    Attributes:
        children: whether children or young people are among those served.
        languages: languages people need explanations in (e.g. "en", "mi", "sm", "to").
        accessibility_needs: formats people need (e.g. "easy-read", "large-print", "nzsl").
        crisis_context: whether people typically arrive in crisis (victims, family violence).
        maori_focus: whether Māori, whānau, hapū or iwi are a focus.
        pacific_focus: whether Pacific communities are a focus.
        literacy_barriers: whether low literacy is common among those served.
        impaired_capacity: whether people whose ability to understand is impaired (by
            dementia, a brain injury or an intellectual disability, for example) are among
            those served.
    """

    children: bool | None = None
    languages: tuple[str, ...] | None = None
    accessibility_needs: tuple[str, ...] | None = None
    crisis_context: bool | None = None
    maori_focus: bool | None = None
    pacific_focus: bool | None = None
    literacy_barriers: bool | None = None
    impaired_capacity: bool | None = None
