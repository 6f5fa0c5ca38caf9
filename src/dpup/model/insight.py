"""Insights: non-personal outputs such as statistics, tables, reports and research findings.

The types for tables of counts, tables of amounts and derived statistics (`Table`,
`CrossTable` with its `Dimension` and `CategoryGroup`, `MagnitudeTable`, `CellMagnitude`,
`DerivedStatistic`, `StatisticKind`, `RoundingMethod`) are defined once, in
``dpup.disclosure_control``, and re-exported here: the model depends on that small module,
never the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import attrs

from dpup._enum import Enum
from dpup.disclosure_control import (
    Band,
    CategoryGroup,
    CellMagnitude,
    CrossTable,
    DerivedStatistic,
    Dimension,
    MagnitudeTable,
    ReleaseException,
    RoundingMethod,
    StatisticKind,
    Table,
)
from dpup.model._validators import non_blank, non_negative

__all__ = [
    "AccessLevel",
    "Band",
    "CategoryGroup",
    "CellMagnitude",
    "CrossTable",
    "DerivedStatistic",
    "Dimension",
    "Framing",
    "GroupDimension",
    "Insight",
    "MagnitudeTable",
    "NonShareReason",
    "ReleaseException",
    "RoundingMethod",
    "StatisticKind",
    "Table",
    "release_of",
]


class GroupDimension(Enum):
    """A way an insight breaks people into groups."""

    ETHNICITY = "ethnicity"
    """By ethnic group; a sensitive breakdown, which SV005 asks the communities concerned to
    review."""
    IWI = "iwi"
    """By iwi; sensitive (SV005), and Māori data, for which SV016 asks that iwi or Māori
    partners were involved."""
    PACIFIC = "pacific"
    """By Pacific peoples or Pacific ethnic groups; sensitive (SV005)."""
    DISABILITY = "disability"
    """By disability; sensitive (SV005)."""
    SMALL_LOCALITY = "small-locality"
    """By a small area such as a suburb or town, where groups are small; sensitive (SV005)."""
    HEALTH_STATUS = "health-status"
    """By health condition; sensitive (SV005)."""
    JUSTICE_STATUS = "justice-status"
    """By involvement with the justice system; sensitive (SV005)."""
    AGE = "age"
    """By age group; not treated as sensitive on its own."""
    GENDER = "gender"
    """By gender; not treated as sensitive on its own."""
    REGION = "region"
    """By region; not treated as sensitive on its own."""

    @property
    def sensitive(self) -> bool:
        """Whether results by this group could harm or embarrass a community if misread."""
        return self not in (GroupDimension.AGE, GroupDimension.GENDER, GroupDimension.REGION)


class Framing(Enum):
    """How findings about people are framed."""

    STRENGTHS = "strengths"
    """Findings describe people's strengths and what works for them."""
    NEUTRAL = "neutral"
    """Findings are stated neutrally."""
    DEFICIT = "deficit"
    """Findings dwell on people's problems or shortfalls; SV006 fails it unless the communities
    concerned reviewed it."""


class AccessLevel(Enum):
    """Who may see an insight, from least to most access (DPUP Sharing Value)."""

    TEAM = "team"
    """Least access: for the team itself, a final report only, presented in person with nothing
    to take away."""
    INVOLVED = "involved"
    """More access: the people directly involved get data tables, in closed access."""
    STAKEHOLDERS = "stakeholders"
    """Most access short of open data: broader stakeholders get structured data, with wider
    access."""
    OPEN = "open"
    """Released to anyone as open data; SV011 then asks for a Creative Commons licence and, if
    the insight is sensitive, a review first."""


class NonShareReason(Enum):
    """Why an insight is not shared back more widely."""

    LEGAL = "legal"
    """A law or legal obligation stops the results being shared back."""
    SAFETY = "safety"
    """Sharing back could put people at risk."""
    CULTURAL = "cultural"
    """Sharing back would not be culturally appropriate."""
    OTHER = "other"
    """Another reason. As with every reason, SV001 asks a service manager to confirm it still
    holds."""


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
        magnitude_tables: the tables of amounts it publishes (grant dollars, hours of
            support per cell), each cell with its total, how many contributed and the
            largest contributions, for the dominance checks; an empty tuple when it
            publishes no tables of amounts. The amounts are only read, never reported.
        recipient: who receives the insight's tables (a funder, say). The insight's tables and
            those of other insights sent to the same recipient on or before its ``release_on``
            (or with either date unrecorded) form one release, checked together for
            differencing (SV021).
        release_exceptions: values the rules would withhold that someone asks to release,
            each with its reason and approver; listed in the release record, never applied
            by dpup. An empty tuple when none are asked for.
        cross_tables: the tables of counts over more than two dimensions it publishes
            (region by ethnicity by age, say), each with its dimensions and their hierarchy,
            raw counts and published margins, audited by the confidentiality checks like
            ``tables``; an empty tuple when it publishes none.
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
    magnitude_tables: tuple[MagnitudeTable, ...] | None = None
    recipient: str | None = attrs.field(default=None, validator=non_blank)
    release_exceptions: tuple[ReleaseException, ...] | None = None
    cross_tables: tuple[CrossTable, ...] | None = None


def release_of(
    insights: Sequence[Insight], index: int, *, cross: bool = False
) -> tuple[tuple[int, int], ...]:
    """Give the tables that one insight's recipient holds once it is released.

    The release is the insight's own tables, then the tables of every other insight sent to
    the same recipient (``recipient`` equal and recorded) on or before its ``release_on``;
    another insight whose date, or this insight's date, is not recorded is included, since
    the recipient may already hold it (check SV021 judges a finding that needs such an
    insight's tables as needing review, never as not met). Without a recorded recipient,
    only the insight's own tables form its release.

    Args:
        insights: the activity's insights.
        index: the position of the insight in ``insights``.
        cross: give the insights' ``cross_tables`` instead of their ``tables`` (the same
            insights take part).

    Returns:
        (insight index, table index) pairs: the insight's own tables first, then the others
        in the order of ``insights``.
    """
    insight = insights[index]

    def count(item: Insight) -> int:
        return len((item.cross_tables if cross else item.tables) or ())

    members = [(index, t) for t in range(count(insight))]
    if insight.recipient is None:
        return tuple(members)
    when = insight.release_on
    for other_index, other in enumerate(insights):
        if other_index == index or other.recipient != insight.recipient:
            continue
        if when is not None and other.release_on is not None and other.release_on > when:
            continue
        members.extend((other_index, t) for t in range(count(other)))
    return tuple(members)
