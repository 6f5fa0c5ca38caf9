"""How long information is kept: the period, what it rests on and when it starts."""

from __future__ import annotations

import attrs

from dpup._enum import Enum
from dpup.model._validators import non_negative

__all__ = ["Retention", "RetentionGround", "RetentionStart"]


class RetentionGround(Enum):
    """What a retention period rests on.

    IPP9's limit is how long the purposes for which the information may lawfully be used
    need it. Keeping information because a law requires it is such a purpose; a period the
    agency chose without working it out from the purposes is not the IPP9 limit.
    """

    PURPOSES = "purposes"
    """How long the purposes the information may lawfully be used for need it."""
    PUBLIC_RECORDS_ACT = "public-records-act"
    """A disposal authority under the Public Records Act 2005 (public offices and local
    authorities may not dispose of public records without one)."""
    OTHER_LAW = "other-law"
    """Another law that requires the information to be kept for the period."""
    AGENCY_POLICY = "agency-policy"
    """The agency's own choice (a blanket schedule, a system default), not worked out from
    the purposes."""

    @property
    def ties_to_purposes(self) -> bool:
        """Whether the period is one the lawful purposes (a legal duty among them) need."""
        return self is not RetentionGround.AGENCY_POLICY


class RetentionStart(Enum):
    """The event a retention period is counted from.

    Only a period counted from collection can be compared with the age of the oldest record:
    a period counted from a later event ends later than the record's age alone shows.
    """

    COLLECTION = "collection"
    """From the day the information was collected."""
    LAST_CONTACT = "last-contact"
    """From the last contact with the person (the last visit, session or message)."""
    SERVICE_EXIT = "service-exit"
    """From the day the person leaves the service or programme (for example "seven years
    after the young person leaves")."""
    OTHER = "other"
    """From some other event, described in ``basis``."""


@attrs.frozen
class Retention:
    """How long information is kept.

    Attributes:
        period_months: the retention period.
        basis: why that period, in words (the purpose, the law or disposal authority, the
            records schedule).
        oldest_record_months: the age of the oldest record held, counted from when it was
            collected, if known.
        overdue_reason: why records older than the period are still held, if they are.
        ground: what the period rests on: the lawful purposes, a Public Records Act 2005
            disposal authority, another law, or only the agency's own choice.
        starts: the event the period is counted from: collection, the last contact, the
            person leaving the service, or another event. PM022 compares the oldest record
            with the period only when the period runs from collection.
    """

    period_months: int | None = attrs.field(default=None, validator=non_negative)
    basis: str | None = None
    oldest_record_months: int | None = attrs.field(default=None, validator=non_negative)
    overdue_reason: str | None = None
    ground: RetentionGround | None = None
    starts: RetentionStart | None = None
