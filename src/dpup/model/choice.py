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
    """Which items the person provides."""
    USE = "use"
    """How the information is used."""
    RECIPIENTS = "recipients"
    """Who the information is shared with; TC004 matches it to disclosures by recipient, and
    TC012 counts it as a choice about access."""
    CAPTURE = "capture"
    """How the information is captured (the person writes it, or staff do); it touches a
    disclosure only when the disclosure lists it (TC004)."""
    ACCESS = "access"
    """Who may see the information; TC012 counts it as a choice about access."""


class ChoiceState(Enum):
    """Where a recorded decision stands, following the W3C Data Privacy Vocabulary's lifecycle.

    Only `GIVEN` and `RENEWED` authorise anything; every other state, including `UNKNOWN`,
    does not.
    """

    UNKNOWN = "unknown"
    """The decision is not known; like no decision, it authorises nothing, and TC004 asks for
    it."""
    REQUESTED = "requested"
    """The person has been asked and has not yet decided; authorises nothing."""
    DEFERRED = "deferred"
    """The person put off deciding; authorises nothing."""
    GIVEN = "given"
    """The person said yes: it authorises what the choice covers."""
    RENEWED = "renewed"
    """The person said yes again, renewing an earlier decision: it authorises, as given does."""
    REFUSED = "refused"
    """The person said no: a disclosure against it needs a lawful override as its ground, which
    a legal adviser confirms; any other recorded ground is not met (TC004)."""
    WITHDRAWN = "withdrawn"
    """The person took back an earlier yes (also set by withdrawn_on); a disclosure against it
    is treated as for refused."""
    EXPIRED = "expired"
    """An earlier yes has lapsed (also set by expires_on); it authorises nothing, and TC004
    treats a disclosure relying on it as it does one against a refusal."""
    INVALIDATED = "invalidated"
    """An earlier yes was found not to be valid (for example, given without the facts); it
    authorises nothing, like expired."""

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
