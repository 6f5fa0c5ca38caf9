"""The rules a release applies: the standard, made stricter (never weaker) by the release's own.

An insight may record its own ``rounding`` and ``suppression_threshold``. A release record
takes them only where they protect at least as much as the standard: the higher threshold,
and a recorded rounding method only when it meets the standard's (`meets_rounding`, which
check SV009 uses too). `RecordedRules.choices` says, field by field, what the standard asks,
what was recorded, what is applied and why.
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from dpup.disclosure_control._rules import ConfidentialityRules, RoundingMethod, _is_count
from dpup.errors import InputError, Problem

# The recorded methods that satisfy each rounding standard. MSD's no-zero variant only
# publishes values unbiased RR3 also allows (1 and 2 become 3), so it satisfies an RR3
# standard; the reverse does not hold. A standard that does not round is met by any method.
_SATISFIES: Final[dict[RoundingMethod, frozenset[RoundingMethod]]] = {
    RoundingMethod.NONE: frozenset(RoundingMethod),
    RoundingMethod.RR3: frozenset({RoundingMethod.RR3, RoundingMethod.RR3_NO_ZERO}),
    RoundingMethod.RR3_NO_ZERO: frozenset({RoundingMethod.RR3_NO_ZERO}),
}


def meets_rounding(recorded: RoundingMethod, standard: RoundingMethod) -> bool:
    """Tell whether a rounding method protects at least as much as a standard's.

    Args:
        recorded: the method used (or asked for).
        standard: the method the standard asks for.

    Returns:
        True when every value `recorded` may publish is one `standard` allows too: RR3 or
        MSD's no-zero variant meet an RR3 standard, only the variant meets the variant's
        standard, and anything meets a standard that does not round.
    """
    return recorded in _SATISFIES[standard]


class ChoiceReason(enum.Enum):
    """Why a release applies the value it does for one rule."""

    NOT_RECORDED = "not_recorded"
    """The release records nothing of its own: the standard's value applies."""
    SAME = "same"
    """The release records the standard's own value."""
    STRICTER = "stricter"
    """The release records a value that protects more than the standard's: it applies."""
    WEAKER = "weaker"
    """The release records a value that protects less than the standard's: the standard's
    applies instead."""


@attrs.frozen(kw_only=True)
class RuleChoice:
    """For one rule: what the standard asks, what the release records, and what applies.

    Attributes:
        field: the `ConfidentialityRules` field (``rounding`` or ``suppression_threshold``).
        standard: the standard's value.
        recorded: the release's own value, or None when it records none.
        applied: the value applied, never weaker than the standard's.
        reason: why that value applies.
    """

    field: str
    standard: RoundingMethod | int
    recorded: RoundingMethod | int | None
    applied: RoundingMethod | int
    reason: ChoiceReason


@attrs.frozen(kw_only=True)
class RecordedRules:
    """What a release (an insight) records of its own rules; None is "not recorded".

    Attributes:
        rounding: the rounding method it asks for.
        suppression_threshold: the suppression threshold it asks for.

    Raises:
        InputError: listing every problem (a rounding that is not a `RoundingMethod`, a
            threshold that is not a non-negative integer).
    """

    rounding: RoundingMethod | None = None
    suppression_threshold: int | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        rounding: object = self.rounding
        threshold: object = self.suppression_threshold
        if rounding is not None and not isinstance(rounding, RoundingMethod):
            problems.append(Problem("expected a RoundingMethod or None", "$.rounding"))
        if threshold is not None and not _is_count(threshold):
            problems.append(
                Problem("expected a non-negative integer or None", "$.suppression_threshold")
            )
        if problems:
            raise InputError(problems)

    def choices(self, standard: ConfidentialityRules) -> tuple[RuleChoice, RuleChoice]:
        """Give, for rounding and then the threshold, what applies under `standard` and why.

        Args:
            standard: the confidentiality standard the release must meet.
        """
        return (
            _rounding_choice(standard.rounding, self.rounding),
            _threshold_choice(standard.suppression_threshold, self.suppression_threshold),
        )

    def applied_to(self, standard: ConfidentialityRules) -> ConfidentialityRules:
        """Give the rules to apply: `standard`, made stricter where these rules are stricter.

        A recorded value weaker than the standard's is never applied. When a value changes,
        the rules' ``source`` says the standard was made stricter.

        Args:
            standard: the confidentiality standard the release must meet.
        """
        recorded = self.rounding
        rounding = standard.rounding
        if recorded is not None and meets_rounding(recorded, rounding):
            rounding = recorded
        threshold = max(standard.suppression_threshold, self.suppression_threshold or 0)
        if rounding is standard.rounding and threshold == standard.suppression_threshold:
            return standard
        return attrs.evolve(
            standard,
            source=f"{standard.source} (made stricter by the release's own recorded rules)",
            rounding=rounding,
            suppression_threshold=threshold,
        )


def _rounding_choice(standard: RoundingMethod, recorded: RoundingMethod | None) -> RuleChoice:
    if recorded is None:
        return RuleChoice(
            field="rounding",
            standard=standard,
            recorded=None,
            applied=standard,
            reason=ChoiceReason.NOT_RECORDED,
        )
    if recorded is standard:
        reason = ChoiceReason.SAME
    elif meets_rounding(recorded, standard):
        reason = ChoiceReason.STRICTER
    else:
        reason = ChoiceReason.WEAKER
    applied = standard if reason is ChoiceReason.WEAKER else recorded
    return RuleChoice(
        field="rounding", standard=standard, recorded=recorded, applied=applied, reason=reason
    )


def _threshold_choice(standard: int, recorded: int | None) -> RuleChoice:
    if recorded is None:
        reason = ChoiceReason.NOT_RECORDED
    elif recorded == standard:
        reason = ChoiceReason.SAME
    else:
        reason = ChoiceReason.STRICTER if recorded > standard else ChoiceReason.WEAKER
    return RuleChoice(
        field="suppression_threshold",
        standard=standard,
        recorded=recorded,
        applied=max(standard, recorded or 0),
        reason=reason,
    )
