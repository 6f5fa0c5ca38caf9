"""One kind of information: a field on a form, a column in a report, a note."""

from __future__ import annotations

import attrs

from dpup._enum import Enum
from dpup.model._validators import non_blank, reference

__all__ = ["Identifiability", "InformationItem", "Sensitivity"]


class Identifiability(Enum):
    """How far information points to particular people."""

    IDENTIFYING = "identifying"
    DE_IDENTIFIED = "de-identified"
    """Direct identifiers removed; it may be re-identifiable, and people still see it as theirs."""
    AGGREGATE = "aggregate"

    @property
    def is_identifying(self) -> bool:
        """Whether the Privacy Act treats the information as personal information."""
        return self is Identifiability.IDENTIFYING


class Sensitivity(Enum):
    """A category of information that calls for extra care."""

    HEALTH = "health"
    MENTAL_HEALTH = "mental-health"
    FAMILY_VIOLENCE = "family-violence"
    CHILD_PROTECTION = "child-protection"
    ETHNICITY = "ethnicity"
    IWI = "iwi"
    RELIGION = "religion"
    SEXUAL_ORIENTATION = "sexual-orientation"
    GENDER = "gender"
    MARITAL_STATUS = "marital-status"
    DISABILITY = "disability"
    CRIMINAL_JUSTICE = "criminal-justice"
    FINANCIAL = "financial"
    IMMIGRATION = "immigration"
    ADDICTION = "addiction"

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


@attrs.frozen
class InformationItem:
    """One field or kind of information collected, used or reported.

    Attributes:
        name: the field's name, unique within its collection (e.g. "date_of_birth").
        category: a free grouping (e.g. "contact", "case notes").
        identifiability: whether it identifies people.
        sensitivity: the sensitive categories it falls in; ``()`` for none.
        purposes: ids of the purposes it serves.
        justification: why each of those purposes needs it.
        required: whether people must provide it (``False``: optional).
    """

    name: str = attrs.field(validator=non_blank)
    category: str | None = None
    identifiability: Identifiability | None = None
    sensitivity: tuple[Sensitivity, ...] | None = None
    purposes: tuple[str, ...] | None = reference("purpose")
    justification: str | None = None
    required: bool | None = None

    @property
    def sensitive(self) -> bool | None:
        """Whether any sensitive category applies; ``None`` when not recorded."""
        if self.sensitivity is None:
            return None
        return bool(self.sensitivity)
