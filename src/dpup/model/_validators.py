"""Small attrs validators shared by the model. Validation only; no evaluation logic."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["InvalidValue", "non_blank", "non_negative"]


class InvalidValue(ValueError):  # noqa: N818 - reads as "raise InvalidValue(...)"
    """A model validation failure whose message names the rule, never the value.

    Attributes:
        field: the field that failed, so error paths can point at it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def non_blank(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """Reject an empty or all-whitespace identifier or name."""
    if isinstance(value, str) and not value.strip():
        raise InvalidValue("must not be blank", attribute.name)


def non_negative(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """Reject a negative number (counts, periods, amounts)."""
    if isinstance(value, int | float) and value < 0:
        raise InvalidValue("must not be negative", attribute.name)
