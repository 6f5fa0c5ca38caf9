"""How information is collected: where, how and by whom, and whether the means are fair (IPP4)."""

from __future__ import annotations

import attrs

from dpup._enum import Enum

__all__ = ["CollectionManner", "CollectionMethod", "CollectionSetting", "Collector"]


class CollectionSetting(Enum):
    """Where people are when their information is collected."""

    OFFICE = "office"
    """The agency's office, service centre or front desk."""
    HOME = "home"
    """The person's home, on a home visit."""
    SCHOOL = "school"
    """A school or early learning centre."""
    HEALTH_SETTING = "health-setting"
    """A clinic, hospital or general practice."""
    COMMUNITY_VENUE = "community-venue"
    """A marae, church, hall or community centre."""
    PUBLIC_PLACE = "public-place"
    """A street, park, shop or other public place."""
    REMOTE = "remote"
    """No shared place: by phone, online or by post."""
    OTHER = "other"
    """Somewhere not listed here."""


class CollectionMethod(Enum):
    """How information is taken down."""

    IN_PERSON = "in-person"
    """A face-to-face conversation, interview or assessment."""
    PHONE = "phone"
    """A phone call."""
    VIDEO_CALL = "video-call"
    """A video call."""
    PAPER_FORM = "paper-form"
    """A paper form, filled in by the person or by a worker."""
    ONLINE_FORM = "online-form"
    """An online form or app."""
    EMAIL = "email"
    """By email."""
    RECORDING = "recording"
    """An audio or video recording of the person."""
    OBSERVATION = "observation"
    """Watching the person or their surroundings (for example notes made on a home visit)."""


class Collector(Enum):
    """Who takes the information down."""

    AGENCY_STAFF = "agency-staff"
    """The agency's own employees."""
    VOLUNTEER = "volunteer"
    """A volunteer working for the agency."""
    CONTRACTOR = "contractor"
    """Someone acting for the agency under a contract."""
    PARTNER_AGENCY = "partner-agency"
    """Another agency collecting on this agency's behalf (a joint assessment, a referral)."""
    SELF_SERVICE = "self-service"
    """The person fills it in themselves."""
    AUTOMATED = "automated"
    """A system collects it with no person involved (an app, a sensor, a camera)."""


@attrs.frozen
class CollectionManner:
    """The facts an IPP4 assessment of a collection rests on.

    IPP4 lets an agency collect personal information only by lawful means that, in the
    circumstances, are fair and do not intrude unreasonably on people's affairs, taking
    particular care where the information comes from children or young people. The first
    five attributes describe the circumstances; the rest record the agency's assessment.

    Attributes:
        setting: where people are when it is collected.
        methods: how it is taken down.
        collected_by: who takes it down.
        from_children: whether it is collected from children or young people themselves.
        children_present: whether children or young people are present when it is collected
            from adults (for example a parent asked about family violence at home).
        private: whether people can give it where others cannot overhear or see.
        lawful: whether the means of collection are lawful (no unlawful recording, trespass
            or deception).
        fair: whether the means are fair in the circumstances (no threats, pressure or
            misleading statements, and fair given the person's age, capacity and situation).
        intrusion_reasonable: whether the means keep the intrusion on the person's affairs
            within reason (``False``: they intrude to an unreasonable extent).
        children_care: for collection from children or young people, whether the fairness
            and intrusion of the means were judged with particular care for their age and
            understanding.
    """

    setting: CollectionSetting | None = None
    methods: tuple[CollectionMethod, ...] | None = None
    collected_by: Collector | None = None
    from_children: bool | None = None
    children_present: bool | None = None
    private: bool | None = None
    lawful: bool | None = None
    fair: bool | None = None
    intrusion_reasonable: bool | None = None
    children_care: bool | None = None
