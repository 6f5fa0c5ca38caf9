"""One kind of information: a field on a form, a column in a report, a note."""

from __future__ import annotations

import attrs

from dpup._enum import Enum
from dpup.errors import InputError, Problem
from dpup.model._validators import non_blank, reference

__all__ = [
    "Identifiability",
    "IdentifierAssigner",
    "IdentifierScheme",
    "InformationItem",
    "Ipp13Exception",
    "Sensitivity",
    "UniqueIdentifier",
]


class Identifiability(Enum):
    """How far information points to particular people."""

    IDENTIFYING = "identifying"
    """Identifies people, or readily could: personal information under the Privacy Act, which
    most checks then apply to."""
    DE_IDENTIFIED = "de-identified"
    """Direct identifiers removed; it may be re-identifiable, and people still see it as theirs."""
    AGGREGATE = "aggregate"
    """Counts or summaries about groups, with no records about individuals; the checks treat it
    as not personal information."""

    @property
    def is_identifying(self) -> bool:
        """Whether the Privacy Act treats the information as personal information."""
        return self is Identifiability.IDENTIFYING


class Sensitivity(Enum):
    """A category of information that calls for extra care.

    Any category marks an item as sensitive: PM010 then calls for checks and balances and, for
    identifying items, PM023 for limits on who can see them.
    """

    HEALTH = "health"
    """Physical health, conditions or treatment; DPUP names it as open to discrimination."""
    MENTAL_HEALTH = "mental-health"
    """Mental health or wellbeing, conditions or treatment; DPUP names it as open to
    discrimination."""
    FAMILY_VIOLENCE = "family-violence"
    """About family violence; PM036 asks whether family violence is involved, and TC024 expects
    a breach harm assessment to weigh it."""
    CHILD_PROTECTION = "child-protection"
    """About the care or protection of a child or young person; TC024 expects a breach harm
    assessment to weigh it."""
    ETHNICITY = "ethnicity"
    """Ethnic group; DPUP names it as open to discrimination, and PM010 asks that Māori were
    involved in the checks."""
    IWI = "iwi"
    """Iwi or hapū affiliation; treated as open to discrimination, and PM010 asks that Māori
    were involved in the checks."""
    RELIGION = "religion"
    """Religious or other beliefs; DPUP names it as open to discrimination."""
    SEXUAL_ORIENTATION = "sexual-orientation"
    """Sexual orientation; DPUP names it as open to discrimination."""
    GENDER = "gender"
    """Gender or sex, including gender identity; DPUP names it as open to discrimination."""
    MARITAL_STATUS = "marital-status"
    """Marital or relationship status; DPUP names it as open to discrimination."""
    DISABILITY = "disability"
    """Disability or impairment; treated as open to discrimination."""
    CRIMINAL_JUSTICE = "criminal-justice"
    """Offending, charges, convictions or other involvement with the justice system."""
    FINANCIAL = "financial"
    """Income, debts, benefits or bank details."""
    IMMIGRATION = "immigration"
    """Immigration or visa status."""
    ADDICTION = "addiction"
    """Alcohol, drug or gambling use or addiction."""

    @property
    def discriminating(self) -> bool:
        """Whether the category could enable discrimination (DPUP's checks-and-balances trigger).

        DPUP names gender, marital status, ethnicity, religious belief, sexual orientation and
        mental or other health; we add disability and iwi affiliation.
        """
        return self in _DISCRIMINATING


_DISCRIMINATING = frozenset(
    {
        Sensitivity.HEALTH,
        Sensitivity.MENTAL_HEALTH,
        Sensitivity.ETHNICITY,
        Sensitivity.IWI,
        Sensitivity.RELIGION,
        Sensitivity.SEXUAL_ORIENTATION,
        Sensitivity.GENDER,
        Sensitivity.MARITAL_STATUS,
        Sensitivity.DISABILITY,
    }
)


class IdentifierScheme(Enum):
    """Which kind of unique identifier an item holds (IPP13).

    A unique identifier is a number or other reference an agency gives a person so it can tell
    them apart in its operations; a name is not one. The named schemes are those a social
    service is most often handed; each is assigned by a government agency, so an agency that
    records one of them is taken to hold another agency's identifier unless
    `UniqueIdentifier.assigned_by` says it assigned the number itself (Inland Revenue holding
    IRD numbers, the Ministry of Social Development holding its client numbers).
    """

    IRD_NUMBER = "ird-number"
    """The number Inland Revenue gives a taxpayer."""
    NHI_NUMBER = "nhi-number"
    """The National Health Index number of the health system."""
    DRIVER_LICENCE = "driver-licence"
    """A driver licence number (NZ Transport Agency Waka Kotahi)."""
    PASSPORT = "passport"
    """A passport number (Department of Internal Affairs, or a foreign government)."""
    MSD_CLIENT_NUMBER = "msd-client-number"
    """The client number the Ministry of Social Development gives people it supports."""
    NATIONAL_STUDENT_NUMBER = "national-student-number"
    """The Ministry of Education's national student number."""
    AGENCY_OWN = "agency-own"
    """The agency's own client, case or file number for the person."""
    OTHER = "other"
    """Another scheme; record `UniqueIdentifier.assigned_by`."""

    @property
    def assigned_elsewhere(self) -> bool | None:
        """Whether the scheme is, on its face, another agency's: ``None`` for `OTHER`."""
        if self is IdentifierScheme.OTHER:
            return None
        return self is not IdentifierScheme.AGENCY_OWN


class IdentifierAssigner(Enum):
    """Who gave a person a unique identifier, seen from the agency that holds the record."""

    THIS_AGENCY = "this-agency"
    """This agency assigned it; PM032 checks it is needed and protected from misuse."""
    ANOTHER_AGENCY = "another-agency"
    """Another agency assigned it; PM030 checks this agency does not use it as its own."""


class Ipp13Exception(Enum):
    """A reason an agency may use, as its own, an identifier another agency assigned.

    IPP13(2) bars an agency from assigning to a person, as its own identifier, one it knows
    another agency gave them. ``NONE`` records that no exception applies; leaving
    `UniqueIdentifier.reuse_exception` out (``None``) means nobody has recorded whether one
    does. A claimed exception always goes to a person to confirm.
    """

    NONE = "none"
    """Recorded: no exception applies."""
    ASSOCIATED_PERSONS = "associated-persons"
    """IPP13(2)(a): the two agencies are associated persons under subpart YB of the Income
    Tax Act 2007 (for example companies owned by the same people)."""
    STATISTICAL_RESEARCH = "statistical-research"
    """The identifier is used only for statistical or research purposes. Unverified: our
    stored copies of IPP13(2) stop after its first paragraph."""
    CODE_OF_PRACTICE = "code-of-practice"
    """A code of practice issued by the Privacy Commissioner allows it (for example the Health
    Information Privacy Code for NHI numbers, or the Justice Sector Unique Identifier Code)."""
    STATUTE = "statute"
    """Another law authorises or requires the agency to use the identifier this way
    (whether s 24 of the Privacy Act reaches IPP13 is unverified)."""


@attrs.frozen
class UniqueIdentifier:
    """What makes an item a unique identifier, and how the agency treats it (IPP13).

    Attributes:
        scheme: which identifier it is (IRD number, NHI number, the agency's own number ...).
        assigned_by: who gave it to the person: this agency or another one. When left out,
            a named scheme other than ``agency-own`` is read as another agency's.
        used_as_own: whether the agency uses it as its own identifier for the person (to
            open, find and link their records), rather than only recording it to deal with
            the agency that assigned it.
        reuse_exception: for another agency's identifier used as the agency's own, the IPP13
            exception relied on, or ``none``.
        within_assigned_purpose: where people must provide it, whether the reason the agency
            asks is a purpose the identifier was assigned for, or one directly related to such
            a purpose.
        assignment_necessary: for an identifier the agency assigns, whether assigning it is
            needed for the agency to carry out its functions efficiently.
        identity_verified: for an identifier the agency assigns, whether reasonable steps
            establish who the person is before it is assigned.
        misuse_protected: for an identifier the agency assigns, whether reasonable steps keep
            the risk of its misuse low (for example showing only part of it in letters and on
            receipts, and limiting who can look people up by it).

    An exception recorded for an identifier the agency assigned itself, or an ``agency-own``
    identifier said to come from another agency, is refused when the item is built, naming
    the path.
    """

    scheme: IdentifierScheme | None = None
    assigned_by: IdentifierAssigner | None = None
    used_as_own: bool | None = None
    reuse_exception: Ipp13Exception | None = None
    within_assigned_purpose: bool | None = None
    assignment_necessary: bool | None = None
    identity_verified: bool | None = None
    misuse_protected: bool | None = None

    def __attrs_post_init__(self) -> None:
        elsewhere = self.assigned_by is IdentifierAssigner.ANOTHER_AGENCY
        if self.reuse_exception is None and not elsewhere:
            return  # nothing to contradict: the common case costs two comparisons
        problems = []
        if elsewhere and self.scheme is IdentifierScheme.AGENCY_OWN:
            problems.append(
                Problem(
                    "contradicts scheme: the agency's own identifier is assigned by this agency",
                    "$.assigned_by",
                )
            )
        if self.reuse_exception is not None and self.assigned_here is True:
            problems.append(
                Problem(
                    "only an identifier another agency assigned needs an IPP13 exception",
                    "$.reuse_exception",
                )
            )
        if problems:
            raise InputError(problems)

    @property
    def assigned_here(self) -> bool | None:
        """Whether this agency assigned the identifier, from `assigned_by` or else `scheme`.

        ``None`` when neither is recorded, or the scheme is ``other`` with no assigner.
        """
        if self.assigned_by is not None:
            return self.assigned_by is IdentifierAssigner.THIS_AGENCY
        if self.scheme is None:
            return None
        elsewhere = self.scheme.assigned_elsewhere
        return None if elsewhere is None else not elsewhere

    @property
    def assigner_path(self) -> str:
        """The field that settles `assigned_here`: ``assigned_by``, else ``scheme``."""
        if self.assigned_by is None and self.scheme is not None:
            return "scheme"
        return "assigned_by"


@attrs.frozen
class InformationItem:
    """One field or kind of information collected, used or reported.

    Attributes:
        name: the field's name, unique within its collection (e.g. "date_of_birth").
            Disclosures and other records name items alone, so one name is one item across
            the activity: collections holding the same name must not record a different
            ``identifiability`` or ``sensitivity`` for it (an input error).
        category: a free grouping (e.g. "contact", "case notes").
        identifiability: whether it identifies people.
        sensitivity: the sensitive categories it falls in; ``()`` for none.
        purposes: ids of the purposes it serves.
        justification: why each of those purposes needs it.
        required: whether people must provide it (``False``: optional).
        identifier: for an item that is a unique identifier (an IRD or NHI number, the
            agency's own client number), which one and how the agency treats it (IPP13).
    """

    name: str = attrs.field(validator=non_blank)
    category: str | None = None
    identifiability: Identifiability | None = None
    sensitivity: tuple[Sensitivity, ...] | None = None
    purposes: tuple[str, ...] | None = reference("purpose")
    justification: str | None = None
    required: bool | None = None
    identifier: UniqueIdentifier | None = None

    @property
    def sensitive(self) -> bool | None:
        """Whether any sensitive category applies; ``None`` when not recorded."""
        if self.sensitivity is None:
            return None
        return bool(self.sensitivity)
