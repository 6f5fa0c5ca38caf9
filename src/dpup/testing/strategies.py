"""Hypothesis strategies for every dpup domain type (install the ``dpup[hypothesis]`` extra).

Strategies are derived from the attrs classes themselves, so a field added to the model is
generated without any change here. `activities` draws whole activities whose internal
references (items to purposes, disclosures to choices, corrections to disclosures, breaches to
items, requests under other Acts to disclosures ...) are consistent, so they pass the model's
validation.

Example::

    from hypothesis import given
    from dpup.testing.strategies import activities

    @given(activities())
    def test_never_crashes(activity):
        assert dpup.evaluate(activity).errors == ()
"""

from __future__ import annotations

import enum
import functools
import types
from datetime import date, timedelta
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
from hypothesis import strategies as st

from dpup.model import (
    SUBJECT_TYPES,
    Activity,
    Choice,
    Collection,
    CorrectionRequest,
    Disclosure,
    InformationItem,
    Purpose,
    SecondaryUse,
    SharingAgreement,
    UniqueIdentifier,
    reference_fields,
)

__all__ = ["activities", "compliant_activities", "for_type", "subjects", "tables", "texts"]

T = TypeVar("T")

_MAX_LIST = 3


def texts(*, max_size: int = 24) -> st.SearchStrategy[str]:
    """Return non-blank text, including te reo Māori vowels with macrons."""
    alphabet = st.characters(
        codec="utf-8", categories=("L", "N", "P", "Zs"), exclude_characters="\x00"
    )
    return st.text(alphabet, min_size=1, max_size=max_size).filter(lambda s: bool(s.strip()))


_IDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
_DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2052, 12, 31))


def _for_annotation(tp: Any, *, owner: type, name: str) -> st.SearchStrategy[Any]:
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = [a for a in get_args(tp) if a is not type(None)]
        inner = st.one_of(*(_for_annotation(a, owner=owner, name=name) for a in args))
        return st.none() | inner
    if origin is tuple:
        elem = get_args(tp)[0]
        return st.lists(_for_annotation(elem, owner=owner, name=name), max_size=_MAX_LIST).map(
            tuple
        )
    if tp is str:
        return _IDS if name in {"id", "check_id"} else texts()
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(min_value=0, max_value=10_000)
    if tp is float:
        return st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
    if tp is date:
        return _DATES
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    if isinstance(tp, type) and attrs.has(tp):
        return for_type(tp)
    msg = f"no strategy for {tp!r} ({owner.__name__}.{name})"
    raise TypeError(msg)


@st.composite
def tables(draw: st.DrawFn) -> Any:
    """Draw a small, well-formed two-way table of counts, with some totals and suppressions."""
    from dpup.disclosure_control import Table  # noqa: PLC0415 - keeps the import graph light

    n_rows = draw(st.integers(1, 3))
    n_cols = draw(st.integers(1, 3))
    counts = [[draw(st.integers(0, 40)) for _ in range(n_cols)] for _ in range(n_rows)]
    table = Table.from_counts(
        [f"row {i}" for i in range(n_rows)],
        [f"column {j}" for j in range(n_cols)],
        counts,
        row_totals=draw(st.booleans()),
        column_totals=draw(st.booleans()),
        grand_total=draw(st.booleans()),
    )
    published = tuple(
        tuple(None if draw(st.booleans()) and value < 6 else value for value in row)
        for row in table.raw
    )
    return attrs.evolve(table, published=published)


def _custom(cls: type) -> st.SearchStrategy[Any] | None:
    from dpup.disclosure_control import CellMagnitude, MagnitudeTable, Table  # noqa: PLC0415
    from dpup.testing._cross_strategies import cross_strategies  # noqa: PLC0415
    from dpup.testing._magnitude_strategies import cell_magnitudes, magnitude_tables  # noqa: PLC0415
    from dpup.testing._release_strategies import RELEASE_STRATEGIES  # noqa: PLC0415

    custom = {Table: tables, MagnitudeTable: magnitude_tables, CellMagnitude: cell_magnitudes}
    custom |= RELEASE_STRATEGIES
    custom |= cross_strategies()
    return custom[cls]() if cls in custom else None


@functools.cache
def for_type(cls: type[T]) -> st.SearchStrategy[T]:
    """Return a strategy for any attrs domain class, filling every field.

    Reference fields (ids pointing at other objects) are left unset; use `activities` for
    whole activities with consistent references.
    """
    if cls is Activity:
        return activities()  # type: ignore[return-value]  # T is Activity here
    custom = _custom(cls)
    if custom is not None:
        return custom
    attrs_cls: Any = cls
    attrs.resolve_types(attrs_cls)
    # Fields that refer to other records by id (marked in the model) are generated empty;
    # `activities` fills them in, since it knows which ids exist.
    refs = {
        name
        for name, _kind in reference_fields(attrs_cls).items()
        if attrs.fields_dict(attrs_cls)[name].default is None
    }
    kwargs: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(attrs_cls):
        if not field.init:
            continue
        if field.name in refs:
            kwargs[field.name] = st.none()
            continue
        kwargs[field.name] = _for_annotation(field.type, owner=cls, name=field.name)
    if cls is Collection:
        # The model refuses a contradictory period or law record: draw consistent ones.
        return st.fixed_dictionaries(kwargs).map(_consistent_collection)  # type: ignore[arg-type]
    if cls is UniqueIdentifier:
        # The model refuses an exception for the agency's own number: draw consistent ones.
        return st.fixed_dictionaries(kwargs).map(_consistent_identifier)  # type: ignore[arg-type]
    return st.builds(cls, **kwargs)


def _consistent_collection(kw: dict[str, Any]) -> Collection:
    """Build a `Collection` from drawn fields, mending what the model would refuse."""
    start, end = kw["collected_on"], kw["collected_until"]
    if start is not None and end is not None and end < start:
        kw["collected_on"], kw["collected_until"] = end, start
    if kw["collected_until"] is not None and kw["ongoing"] is True:
        kw["ongoing"] = False
    if kw["required_by_law"] is True and kw["authorised_by_law"] is False:
        kw["authorised_by_law"] = True
    return Collection(**kw)


def _consistent_identifier(kw: dict[str, Any]) -> UniqueIdentifier:
    """Build a `UniqueIdentifier` from drawn fields, mending what the model would refuse."""
    from dpup.model import IdentifierAssigner, IdentifierScheme  # noqa: PLC0415 - header

    elsewhere = kw["assigned_by"] is IdentifierAssigner.ANOTHER_AGENCY
    if elsewhere and kw["scheme"] is IdentifierScheme.AGENCY_OWN:
        kw["scheme"] = IdentifierScheme.OTHER
    if UniqueIdentifier(scheme=kw["scheme"], assigned_by=kw["assigned_by"]).assigned_here:
        kw["reuse_exception"] = None
    return UniqueIdentifier(**kw)


def _unique(strategy: st.SearchStrategy[T], key: str) -> st.SearchStrategy[list[T]]:
    return st.lists(strategy, max_size=_MAX_LIST, unique_by=lambda obj: getattr(obj, key))


def _subset(draw: st.DrawFn, pool: list[str]) -> tuple[str, ...] | None:
    if not pool:
        return draw(st.sampled_from([None, ()]))
    chosen: list[str] | None = draw(st.none() | st.lists(st.sampled_from(pool), max_size=3))
    return None if chosen is None else tuple(chosen)


@st.composite
def activities(draw: st.DrawFn) -> Activity:
    """Draw an `Activity` whose cross-references all resolve."""
    base: Activity = draw(
        st.builds(
            Activity,
            name=texts(),
            **{
                f.name: _for_annotation(f.type, owner=Activity, name=f.name)
                for f in _activity_scalar_fields()
            },
        )
    )
    purposes: list[Purpose] = draw(_unique(for_type(Purpose), "id"))
    purpose_ids = [p.id for p in purposes]
    choices = [
        attrs.evolve(c, purposes=_subset(draw, purpose_ids))
        for c in draw(_unique(for_type(Choice), "id"))
    ]
    choice_ids = [c.id for c in choices]
    collections = []
    item_names: list[str] = []
    for col in draw(_unique(for_type(Collection), "id")):
        items = tuple(
            attrs.evolve(item, purposes=_subset(draw, purpose_ids))
            for item in draw(_unique(for_type(InformationItem), "name"))
        )
        item_names += [i.name for i in items]
        notice = col.notice
        if notice is not None:
            notice = attrs.evolve(notice, uses_explained=_subset(draw, purpose_ids))
        collections.append(
            attrs.evolve(col, items=items, purposes=_subset(draw, purpose_ids), notice=notice)
        )
    agreements = []
    for agr in draw(_unique(for_type(SharingAgreement), "id")):
        fields = None
        if agr.fields is not None:
            fields = tuple(attrs.evolve(f, purposes=_subset(draw, purpose_ids)) for f in agr.fields)
            item_names += [f.name for f in fields]
        uses = None
        if agr.secondary_uses is not None and purpose_ids:
            uses = tuple(
                SecondaryUse(
                    draw(st.sampled_from(purpose_ids)),
                    u.agreed_by_partners,
                    u.communicated_to_users,
                )
                for u in agr.secondary_uses
            )
        agreements.append(
            attrs.evolve(
                agr, purposes=_subset(draw, purpose_ids), fields=fields, secondary_uses=uses
            )
        )
    agreement_ids = [a.id for a in agreements]
    disclosures = [
        attrs.evolve(
            d,
            purposes=_subset(draw, purpose_ids),
            choices=_subset(draw, choice_ids),
            items=_subset(draw, sorted(set(item_names))),
            agreement=draw(st.none() | st.sampled_from(agreement_ids)) if agreement_ids else None,
        )
        for d in draw(_unique(for_type(Disclosure), "id"))
    ]
    disclosure_ids = [d.id for d in disclosures]
    corrections = [
        attrs.evolve(
            c,
            items=_subset(draw, sorted(set(item_names))),
            disclosures=_subset(draw, disclosure_ids),
            notified=_subset(draw, disclosure_ids),
        )
        for c in draw(_unique(for_type(CorrectionRequest), "id"))
    ]
    from dpup.model import (  # noqa: PLC0415 - keeps the header short
        AccessRequest,
        Breach,
        Insight,
        SharingRequest,
    )
    from dpup.testing._item_strategies import one_definition_per_name  # noqa: PLC0415

    breaches = [
        attrs.evolve(b, items=_subset(draw, sorted(set(item_names))))
        for b in draw(_unique(for_type(Breach), "id"))
    ]
    carried_by = st.none() | st.sampled_from(disclosure_ids) if disclosure_ids else st.none()
    sharing_requests = [
        attrs.evolve(r, items=_subset(draw, sorted(set(item_names))), disclosure=draw(carried_by))
        for r in draw(_unique(for_type(SharingRequest), "id"))
    ]
    return attrs.evolve(
        base,
        purposes=tuple(purposes),
        choices=tuple(choices),
        collections=one_definition_per_name(collections),
        agreements=tuple(agreements),
        disclosures=tuple(disclosures),
        correction_requests=tuple(corrections),
        access_requests=tuple(draw(_unique(for_type(AccessRequest), "id"))),
        insights=tuple(draw(_unique(for_type(Insight), "id"))),
        breaches=tuple(breaches),
        sharing_requests=tuple(sharing_requests),
    )


@functools.cache
def _activity_scalar_fields() -> tuple[Any, ...]:
    attrs.resolve_types(Activity)
    lists = {"purposes", "collections", "choices", "agreements", "disclosures"}
    lists |= {"access_requests", "correction_requests", "insights", "breaches", "name"}
    lists |= {"sharing_requests"}
    return tuple(f for f in attrs.fields(Activity) if f.name not in lists)


def subjects() -> st.SearchStrategy[Any]:
    """Return a strategy for any single domain object that `dpup.evaluate` accepts."""
    return st.one_of(*(for_type(t) for t in SUBJECT_TYPES))


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every domain type, so ``st.from_type(dpup.Collection)`` works.

    Hypothesis calls this through its ``hypothesis`` entry point when dpup is installed.
    """
    from dpup import model  # noqa: PLC0415 - imported when Hypothesis loads entry points

    with_programme = (model.PersonRecord, model.PersonView)  # see person_strategies.people
    for name in model.__all__:
        cls = getattr(model, name)
        if isinstance(cls, type) and attrs.has(cls) and cls not in with_programme:
            st.register_type_strategy(cls, for_type(cls))


# Wording for compliant activities: specific, and free of the catch-all, vague, jargon and
# consent phrases the checks look for.
_GOOD_PURPOSES = (
    "To run the parenting programme for each family who enrols",
    "To plan next year's sessions from attendance numbers",
    "To arrange appointments with each person we support",
    "To check each family is eligible for hardship grants",
)
_ORGS = ("City Centre Social Services", "Ministry of Social Development", "Te Whatu Ora")
_ROLES = ("programme facilitator", "programme coordinator", "service manager")


@st.composite
def compliant_activities(draw: st.DrawFn) -> Activity:
    """Draw an activity that records every safeguard, so no built-in check is NOT_MET.

    Counts, ids, dates and which optional parts appear vary; every recorded fact is the good
    one (named recipients, purposes linked and justified, notices complete and tested, choices
    given, requests decided in time, insights protected). Useful as a baseline that edits can
    then break.
    """
    from dpup import model as m  # noqa: PLC0415 - keeps the module header short

    n_purposes = draw(st.integers(1, 3))
    purpose_ids = [f"purpose-{i}" for i in range(n_purposes)]
    as_at = draw(st.dates(min_value=date(2021, 3, 1), max_value=date(2040, 12, 1)))
    org = draw(st.sampled_from(_ORGS))
    law = (m.LawBasis(m.LawKind.CONTRACT, "Service agreement", coverage_confirmed=True),)
    purposes = tuple(
        m.Purpose(
            pid,
            why=draw(st.sampled_from(_GOOD_PURPOSES)),
            what="Names, contact details and programme notes",
            identifying=True,
            collected_from="people who enrol",
            linking=(),
            feeds=("session planning",),
            benefit="People get support that fits them and their whānau",
            beneficiaries=(m.Beneficiary.INDIVIDUAL, m.Beneficiary.WHANAU),
            access=(m.AccessParty(org, draw(st.sampled_from(_ROLES))),),
            not_used_for=("marketing",),
            not_seen_by=("other government agencies",),
            choices="People choose what to share and who sees it",
            no_choice_declared=False,
            law=law,
            functions=("family support",),
            transparency="Staff explain this when people enrol",
            defined_with=("service users",),
            uncertain=False,
            stakeholder_concern=False,
        )
        for pid in purpose_ids
    )
    n_items = draw(st.integers(1, 4))
    items = tuple(
        m.InformationItem(
            f"item-{i}",
            category="contact",
            identifiability=m.Identifiability.IDENTIFYING,
            sensitivity=(),
            purposes=tuple(
                draw(st.lists(st.sampled_from(purpose_ids), min_size=1, max_size=2, unique=True))
            ),
            justification="The programme cannot run without it",
            required=True,
        )
        for i in range(n_items)
    )
    collected_on = as_at - timedelta(days=draw(st.integers(30, 300)))
    notice = m.Notice(
        timing=m.NoticeTiming.AT,
        fact_of_collection=True,
        purpose=True,
        recipients=(org,),
        agency_name_address=True,
        law=True,
        voluntary_or_mandatory=True,
        consequences=True,
        access_correction_rights=True,
        sharing_exceptions=(m.SharingGround.SERIOUS_THREAT,),
        uses_explained=tuple(purpose_ids),
        non_identifying_uses_explained=True,
        downstream_uses_explained=True,
        other_law_disclosures_explained=True,
        channels=(m.Channel.FORM, m.Channel.CONVERSATION),
        languages=("en",),
        formats=("easy-read",),
        child_version=True,
        guardian_role_addressed=True,
        plain_language_tested=True,
        readability_grade=6.0,
        uses_consent_wording=False,
        choice_level=m.ChoiceLevel.SOME,
        choice_stated=True,
        capture_choice_offered=True,
        access_restriction_choice_offered=True,
        revisit_offered=True,
        recipient_forms=(
            m.NoticeRecipient(org, m.RecipientKind.ORGANISATION, m.Identifiability.IDENTIFYING),
        ),
    )
    collection = m.Collection(
        "intake",
        items=items,
        purposes=tuple(purpose_ids),
        source=m.Source.INDIVIDUAL,
        collected_on=collected_on,
        ongoing=True,
        notice=notice,
        requires_identity=True,
        identity_justification="Staff must know who they are supporting",
        alternatives_considered=(m.Alternative.NON_IDENTIFYING, m.Alternative.AGGREGATE),
        opt_out_considered=True,
        risk_assessment=m.RiskAssessment(
            done=True, kind="privacy impact assessment", harms=("stigma",)
        ),
        checks_done=(
            m.CheckAndBalance.PRIVACY_IMPACT_ASSESSMENT,
            m.CheckAndBalance.SERVICE_USER_CONSULTATION,
        ),
        retention=m.Retention(
            period_months=84,
            basis="how long the programme needs the records",
            oldest_record_months=12,
            ground=m.RetentionGround.PURPOSES,
        ),
        safeguards=(m.Safeguard.ROLE_BASED_ACCESS, m.Safeguard.PURPOSE_BASED_ACCESS),
        linking=(),
        required_by_law=False,
        designed_with_service_users=True,
        manner=m.CollectionManner(
            from_children=draw(st.booleans()),
            lawful=True,
            fair=True,
            intrusion_reasonable=True,
            children_care=True,
        ),
    )
    disclosures: tuple[m.Disclosure, ...] = ()
    if draw(st.booleans()):
        disclosures = (
            m.Disclosure(
                "to-partner",
                recipient=m.Recipient(org, m.RecipientKind.ORGANISATION, "NZ"),
                purposes=(purpose_ids[0],),
                items=tuple(i.name for i in items if purpose_ids[0] in (i.purposes or ())),
                identifiable=True,
                ground=m.SharingGround.COLLECTION_PURPOSE,
                on=collected_on + timedelta(days=10),
                accuracy_checked=True,
                feeds_decision=False,
                person_told=True,
                person_involved=True,
            ),
        )
    agreements: tuple[m.SharingAgreement, ...] = ()
    if draw(st.booleans()):
        agreements = (
            m.SharingAgreement(
                "funding",
                parties=(org, "City Centre Social Services"),
                purposes=(purpose_ids[0],),
                reporting=(m.ReportingKind.SERVICE_DELIVERY,),
                fields=(
                    m.InformationItem(
                        "attendance-count",
                        identifiability=m.Identifiability.AGGREGATE,
                        sensitivity=(),
                        purposes=(purpose_ids[0],),
                        justification="Shows the programme is used",
                    ),
                ),
                legal_basis=law,
                mutually_agreed=True,
                co_designed_with=("providers", "service users"),
                success_defined_with=("providers", "families"),
                users_told=True,
                secondary_uses=(),
                routes=(m.ReportingRoute(m.ReportingKind.SERVICE_DELIVERY, "contracts team"),),
                outcomes_reported_back=True,
                access_protocol=True,
                overseas_recipients=(),
                access_restricted_to_purpose=True,
                burden_assessed=True,
                duplicate_collection=False,
                refers_people=False,
            ),
        )
    insights: tuple[m.Insight, ...] = ()
    if draw(st.booleans()):
        from random import Random  # noqa: PLC0415 - only insights need it

        from dpup.disclosure_control import STATS_NZ_RR3, protect  # noqa: PLC0415

        raw = draw(tables())
        seed = draw(st.integers(0, 2**32 - 1))
        rng = Random(seed)  # noqa: S311 - statistical rounding, not secrets
        table = protect(raw, STATS_NZ_RR3, rng)
        insights = (
            m.Insight(
                "results",
                name="Programme results by region",
                dimensions=(m.GroupDimension.REGION,),
                rounding=m.RoundingMethod.RR3,
                suppression_threshold=6,
                secondary_suppression_done=True,
                derived_statistics=(),
                sensitive=False,
                community_review_done=True,
                framing=m.Framing.STRENGTHS,
                qualitative_context=True,
                access_level=m.AccessLevel.INVOLVED,
                share_back_with=("providers", "families"),
                contributors_involved_from_start=True,
                maori_data=False,
                tables=(table,),
            ),
        )
    practice = m.AccessPractice(
        rights_explained_at_enrolment=True,
        how_to_ask_explained=True,
        proactive_copies=True,
        proactive_copies_when="end of programme",
        informal_routes=(m.InformalRoute.SCREEN, m.InformalRoute.PRINTOUT),
        formats=("adult", "child", "easy-read"),
        self_correction=True,
        check_in_interval_days=30,
        preferences_recorded=True,
        requires_writing=False,
        requires_lawyer=False,
        oral_requests_accepted=True,
        records_co_completed=True,
        own_perspective_recorded=True,
    )
    return m.Activity(
        name=draw(texts()),
        stage=m.Stage.DELIVERY,
        as_at=as_at,
        agency=m.Agency(
            org,
            draw(st.sampled_from(list(m.Sector))),
            functions=("family support",),
            complex_legislation=False,
        ),
        audience=m.Audience(children=draw(st.booleans()), languages=("en",), crisis_context=False),
        purposes=purposes,
        collections=(collection,),
        disclosures=disclosures,
        agreements=agreements,
        insights=insights,
        access_practice=practice,
        frontline=m.FrontlineSupport(
            script_or_faq=True,
            trained=True,
            named_contact=True,
            guidance_for=tuple(m.SupportNeed),
            sharing_training=True,
            sharing_procedure=True,
        ),
        security_review=m.SecurityReview(
            last_on=as_at - timedelta(days=draw(st.integers(0, 300))), staff_tools_checked=True
        ),
        other_laws=(),
    )
