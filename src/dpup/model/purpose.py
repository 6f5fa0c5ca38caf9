"""A purpose statement, following DPUP's six-element template.

The six elements are what, why, how, choice, law and transparency.
"""

from __future__ import annotations

import attrs

from dpup._enum import Enum
from dpup.model._validators import non_blank

__all__ = ["AccessParty", "Beneficiary", "LawBasis", "LawKind", "Purpose"]


class Beneficiary(Enum):
    """Who a purpose is meant to benefit."""

    INDIVIDUAL = "individual"
    """The people the information is about."""
    WHANAU = "whanau"
    """The whānau or family of the people the information is about."""
    COMMUNITY = "community"
    """A community the people belong to or live in."""
    IWI = "iwi"
    """Iwi, hapū or other Māori collectives."""
    PUBLIC_GOOD = "public-good"
    """The public at large, for example through better services or research findings."""
    AGENCY = "agency"
    """The agency itself (efficiency, compliance): on its own, not a benefit to people."""


class LawKind(Enum):
    """The kind of instrument a purpose relies on."""

    STATUTE = "statute"
    """An Act of Parliament; PM011 asks for the section cited and confirmed by a legal adviser."""
    REGULATION = "regulation"
    """Regulations or other secondary legislation made under an Act; PM011 treats it as it does
    a statute."""
    CODE = "code"
    """A code of practice, such as a code issued under the Privacy Act."""
    CONTRACT = "contract"
    """A contract, such as a funding or service contract."""
    AGREEMENT = "agreement"
    """An agreement that is not a contract, such as a memorandum of understanding or an
    information sharing agreement."""
    GUIDELINE = "guideline"
    """A guideline or policy, which on its own gives no legal power."""


@attrs.frozen
class LawBasis:
    """A law, contract or agreement a purpose relies on.

    Attributes:
        kind: statute, regulation, contract ...
        citation: the instrument and provision (e.g. "Oranga Tamariki Act 1989, s 66").
        coverage_confirmed: whether a legal adviser has confirmed the provision covers both
            the information and the reason it is collected or used (``False``: they found
            it does not).
    """

    kind: LawKind
    citation: str | None = None
    coverage_confirmed: bool | None = None


@attrs.frozen
class AccessParty:
    """An organisation, and optionally a role within it, that will have access.

    Attributes:
        organisation: the organisation's name.
        role: the role within it (e.g. "programme facilitator").
    """

    organisation: str
    role: str | None = None


@attrs.frozen
class Purpose:
    """Why information is needed, recorded as DPUP's purpose-statement template lays it out.

    Every field but ``id`` may be ``None``, meaning "not recorded": a check that needs the fact
    asks for it rather than assuming.

    Attributes:
        id: a short identifier other records refer to (e.g. "deliver-programme").
        why: the purpose in words: what the information is for.
        what: a summary of the information involved.
        identifying: whether the information identifies people (or could).
        collected_from: who the information comes from.
        linking: datasets the information will be matched or linked with; ``()`` for none.
        feeds: the processes, activities and decisions the information feeds.
        benefit: how it helps people (the tangible benefit).
        beneficiaries: who benefits.
        access: who will have access, as organisations and roles.
        not_used_for: what the information will not be used for.
        not_seen_by: who will not see it.
        choices: what choices people have (what to provide, who sees it, how it is used).
        no_choice_declared: whether the statement says plainly that there is no choice.
        law: the laws, contracts and agreements relied on.
        functions: the functions or activities of the agency the purpose connects to (IPP1
            accepts either).
        transparency: how the purpose reaches service users, and who explains it.
        defined_with: who helped define the purpose (e.g. "service users", "providers", "iwi").
        uncertain: whether the purpose wording is known to be uncertain or possibly too broad.
        stakeholder_concern: whether providers or service users have raised concerns.
    """

    id: str = attrs.field(validator=non_blank)
    why: str | None = None
    what: str | None = None
    identifying: bool | None = None
    collected_from: str | None = None
    linking: tuple[str, ...] | None = None
    feeds: tuple[str, ...] | None = None
    benefit: str | None = None
    beneficiaries: tuple[Beneficiary, ...] | None = None
    access: tuple[AccessParty, ...] | None = None
    not_used_for: tuple[str, ...] | None = None
    not_seen_by: tuple[str, ...] | None = None
    choices: str | None = None
    no_choice_declared: bool | None = None
    law: tuple[LawBasis, ...] | None = None
    functions: tuple[str, ...] | None = None
    transparency: str | None = None
    defined_with: tuple[str, ...] | None = None
    uncertain: bool | None = None
    stakeholder_concern: bool | None = None
