"""Choices offered to people about their information, and what they decided."""

from __future__ import annotations

from datetime import date

import attrs

from dpup._enum import Enum
from dpup.model._validators import non_blank, reference
from dpup.model.sharing import SharingGround

__all__ = ["Choice", "ChoiceLevel", "ChoiceScope", "ChoiceState"]


class ChoiceLevel(Enum):
    """How much say people really have (DPUP's "offer choices when you can")."""

    NONE = "none"
    """The law requires the information, e.g. for a benefit already applied for."""
    LIMITED = "limited"
    """The information is intrinsic to the service: the only choice is whether to use it."""
    SOME = "some"
    """People can choose what to share, with whom, or how it is used."""


class ChoiceScope(Enum):
    """What a choice is about."""

    ITEMS = "items"
    USE = "use"
    RECIPIENTS = "recipients"
    CAPTURE = "capture"
    ACCESS = "access"


class ChoiceState(Enum):
    """Where a recorded decision stands, following the W3C Data Privacy Vocabulary's lifecycle.

    Only `GIVEN` and `RENEWED` authorise anything; every other state, including `UNKNOWN`,
    does not.
    """

    UNKNOWN = "unknown"
    REQUESTED = "requested"
    DEFERRED = "deferred"
    GIVEN = "given"
    RENEWED = "renewed"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    INVALIDATED = "invalidated"

    @property
    def authorises(self) -> bool:
        """Whether a choice in this state permits what it covers."""
        return self in (ChoiceState.GIVEN, ChoiceState.RENEWED)

    @property
    def objects(self) -> bool:
        """Whether the person has said no (refused, or withdrew an earlier yes)."""
        return self in (ChoiceState.REFUSED, ChoiceState.WITHDRAWN)


@attrs.frozen
class Choice:
    """A choice offered to a person about their information, and its recorded outcome.

    Attributes:
        id: identifier that disclosures refer to.
        scope: what the choice is about (items, uses, recipients, capture, access).
        level: how much say the person has.
        recipients: the recipients the choice covers (names as written on disclosures).
        purposes: ids of the purposes the choice covers.
        state: the recorded decision.
        decided_on: when the decision was recorded.
        expires_on: the last day the decision holds, if it lapses.
        withdrawn_on: when a decision was withdrawn.
        override_grounds: lawful grounds on which the agency may act against the decision,
            as explained to the person up front.
    """

    id: str = attrs.field(validator=non_blank)
    scope: ChoiceScope | None = None
    level: ChoiceLevel | None = None
    recipients: tuple[str, ...] | None = None
    purposes: tuple[str, ...] | None = reference("purpose")
    state: ChoiceState | None = None
    decided_on: date | None = None
    expires_on: date | None = None
    withdrawn_on: date | None = None
    override_grounds: tuple[SharingGround, ...] | None = None

    def state_on(self, day: date) -> ChoiceState | None:
        """Return the decision's state on ``day``, applying withdrawal and expiry dates.

        A choice withdrawn on or before ``day`` is `ChoiceState.WITHDRAWN`; one whose
        ``expires_on`` is before ``day`` is `ChoiceState.EXPIRED`; one decided after ``day``
        had not been made yet (`ChoiceState.UNKNOWN`).
        """
        if self.withdrawn_on is not None and self.withdrawn_on <= day:
            return ChoiceState.WITHDRAWN
        if self.expires_on is not None and self.expires_on < day:
            return ChoiceState.EXPIRED
        if self.decided_on is not None and self.decided_on > day:
            return ChoiceState.UNKNOWN
        return self.state
