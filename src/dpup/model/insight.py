"""Insights: non-personal outputs such as statistics, tables, reports and research findings.

The types for tables of counts and derived statistics (`Table`, `DerivedStatistic`,
`StatisticKind`, `RoundingMethod`) are defined once, in ``dpup.disclosure_control``, and
re-exported here: the model depends on that small module, never the other way round.
"""

from __future__ import annotations

from datetime import date

import attrs

from dpup._enum import Enum
from dpup.disclosure_control import DerivedStatistic, RoundingMethod, StatisticKind, Table
from dpup.model._validators import non_blank, non_negative

__all__ = [
    "AccessLevel",
    "DerivedStatistic",
    "Framing",
    "GroupDimension",
    "Insight",
    "NonShareReason",
    "RoundingMethod",
    "StatisticKind",
    "Table",
]


class GroupDimension(Enum):
    """A way an insight breaks people into groups."""

    ETHNICITY = "ethnicity"
    IWI = "iwi"
    PACIFIC = "pacific"
    DISABILITY = "disability"
    SMALL_LOCALITY = "small-locality"
    HEALTH_STATUS = "health-status"
    JUSTICE_STATUS = "justice-status"
    AGE = "age"
    GENDER = "gender"
    REGION = "region"

    @property
    def sensitive(self) -> bool:
        """Whether results by this group could harm or embarrass a community if misread."""
        return self not in (GroupDimension.AGE, GroupDimension.GENDER, GroupDimension.REGION)


class Framing(Enum):
    """How findings about people are framed."""

    STRENGTHS = "strengths"
    NEUTRAL = "neutral"
    DEFICIT = "deficit"


class AccessLevel(Enum):
    """Who may see an insight, from least to most access (DPUP Sharing Value)."""

    TEAM = "team"
    INVOLVED = "involved"
    STAKEHOLDERS = "stakeholders"
    OPEN = "open"


class NonShareReason(Enum):
    """Why an insight is not shared back more widely."""

    LEGAL = "legal"
    SAFETY = "safety"
    CULTURAL = "cultural"
    OTHER = "other"


@attrs.frozen
class Insight:
    """A non-personal output released from information about people.

    Attributes:
        id: identifier.
        name: what the insight is.
        dimensions: how it breaks people into groups.
        rounding: the rounding method applied to published counts (``"none"``, ``"rr3"``,
            ``"rr3_no_zero"``).
        suppression_threshold: counts below this (and above zero) are suppressed.
        secondary_suppression_done: whether secondary suppression was applied.
        derived_statistics: statistics built on counts (percentages, means), each with the
            counts underneath it; an empty tuple when none are published.
        sensitive: whether it could be misread to harm or embarrass a group.
        community_review_done: whether the communities concerned reviewed it before release.
        framing: strengths, neutral or deficit.
        qualitative_context: whether qualitative context sits beside the numbers.
        access_level: who may see it.
        licence: the licence for open release (e.g. "CC-BY-4.0").
        share_back_with: who results will be shared back with.
        non_share_reason: why results are not shared back.
        contributors_involved_from_start: whether those the data came from were involved from
            the start, including in deciding what success means.
        maori_data: whether it is Māori data (by or about Māori).
        maori_partners_involved: whether iwi or Māori partners were involved.
        stored_offshore: whether the underlying data is stored outside New Zealand.
        collective_benefit_stated: whether the collective benefit to Māori is stated.
        release_on: when it is released.
        tables: the tables of counts it publishes, each with its raw counts and what is (or
            will be) published, for the confidentiality checks; an empty tuple when it
            publishes no tables of counts. In TOML, which has no null, a withheld value is
            written ``"suppressed"`` (``dpup.serde.WITHHELD``).
    """

    id: str = attrs.field(validator=non_blank)
    name: str | None = None
    dimensions: tuple[GroupDimension, ...] | None = None
    rounding: RoundingMethod | None = None
    suppression_threshold: int | None = attrs.field(default=None, validator=non_negative)
    secondary_suppression_done: bool | None = None
    derived_statistics: tuple[DerivedStatistic, ...] | None = None
    sensitive: bool | None = None
    community_review_done: bool | None = None
    framing: Framing | None = None
    qualitative_context: bool | None = None
    access_level: AccessLevel | None = None
    licence: str | None = None
    share_back_with: tuple[str, ...] | None = None
    non_share_reason: NonShareReason | None = None
    contributors_involved_from_start: bool | None = None
    maori_data: bool | None = None
    maori_partners_involved: bool | None = None
    stored_offshore: bool | None = None
    collective_benefit_stated: bool | None = None
    release_on: date | None = None
    tables: tuple[Table, ...] | None = None
