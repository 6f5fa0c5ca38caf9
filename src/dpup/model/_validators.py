"""Small attrs helpers shared by the model: validators, and the mark on reference fields.

Validation only; no evaluation logic.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = [
    "REFERS_TO",
    "InvalidValue",
    "non_blank",
    "non_negative",
    "reference",
    "reference_fields",
]

REFERS_TO = "dpup.refers_to"
"""The attrs metadata key that marks a field holding ids of other records in the activity.

Its value names the kind of record (``purpose``, ``choice``, ``item``, ``agreement``,
``disclosure``). `dpup.model.reference_problems` resolves these fields, and
`dpup.testing.strategies` reads the mark to leave them unset in standalone objects.
"""


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


def reference(kind: str, *, required: bool = False) -> Any:
    """Return an attrs field holding ids of ``kind`` records, ``None`` (not recorded) by default.

    Args:
        kind: the kind of record referred to: ``purpose``, ``choice``, ``item``,
            ``agreement`` or ``disclosure``.
        required: whether the field has no default.
    """
    if required:
        return attrs.field(metadata={REFERS_TO: kind})
    return attrs.field(default=None, metadata={REFERS_TO: kind})


def reference_fields(cls: type) -> dict[str, str]:
    """Return the reference fields of the attrs class ``cls``, by name, with their kind."""
    return {f.name: f.metadata[REFERS_TO] for f in attrs.fields(cls) if REFERS_TO in f.metadata}
