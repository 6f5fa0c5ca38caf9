"""Waivers: accepted risks, recorded with a reason, that mark findings without hiding them."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from dpup import _jsonform as _form
from dpup.model import InvalidValue

__all__ = ["Waiver"]


@attrs.frozen
class Waiver:
    """An accepted risk: a decision not to act on a check's findings, for a reason.

    A waiver never hides a finding; it marks it as waived in every output. An expired
    waiver waives nothing.

    Attributes:
        check_id: the check it waives.
        reason: why the risk is accepted (required).
        subject: a subject path (e.g. ``$.disclosures[1]``) to waive just that subject's
            findings; ``None`` waives the check everywhere.
        approver: who accepted the risk.
        expires: the last day the waiver holds.
    """

    check_id: str
    reason: str = attrs.field()
    subject: str | None = None
    approver: str | None = None
    expires: date | None = None

    @reason.validator
    def _reason_given(self, _attribute: attrs.Attribute[str], value: str) -> None:
        if not value.strip():
            msg = "a waiver needs a reason"
            raise InvalidValue(msg, "reason")

    def active_on(self, day: date) -> bool:
        """Whether the waiver still holds on ``day``."""
        return self.expires is None or day <= self.expires

    def covers(self, check_id: str, subject: str) -> bool:
        """Whether the waiver applies to ``check_id`` on the subject at path ``subject``."""
        return self.check_id == check_id and (self.subject is None or self.subject == subject)

    def to_dict(self) -> dict[str, Any]:
        """Return the waiver as JSON-ready data."""
        return _form.data(self)


_form.define(
    Waiver,
    ("check_id", _form.AS_IS),
    ("reason", _form.AS_IS),
    ("subject", _form.AS_IS),
    ("approver", _form.AS_IS),
    ("expires", _form.DAY),
    remember=False,
)


# A dict class, not slotted: attrs initialises it by writing the instance dict directly,
# about twice as fast as slot setters for a frozen class, and one is made per check outcome.
