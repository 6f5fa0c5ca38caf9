"""TC020 disclosure-form-not-as-told: its cases, on both sides of the line."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import dpup
from dpup import Activity, Choice, Collection, Disclosure
from dpup.model import (
    ChoiceState,
    FlowKind,
    Identifiability,
    NoticeRecipient,
    Recipient,
    RecipientKind,
    SharingGround,
)
from tests.checks.cases import Case, run_case
from tests.checks.transparency_and_choice._builders import (
    _ITEM,
    _PURPOSES,
    MET,
    NA,
    NOT_MET,
    REVIEW,
    _flow_case,
    _notice,
)

_MSD = "Ministry of Social Development"
_ORG = RecipientKind.ORGANISATION


def _forms(*entries: tuple[str, Identifiability | None]) -> dpup.model.Notice:
    """A notice naming each recipient with the form people were told it gets."""
    return _notice(
        recipients=tuple(name for name, _ in entries),
        recipient_forms=tuple(NoticeRecipient(name, form=form) for name, form in entries),
    )


_COUNTS_ONLY = _forms((_MSD, Identifiability.AGGREGATE))
_DE_IDENTIFIED = _forms((_MSD, Identifiability.DE_IDENTIFIED))
_NAMED = _forms((_MSD, Identifiability.IDENTIFYING))
_FORM_UNSAID = _forms((_MSD, None))
_TO_MSD = Recipient(_MSD, _ORG)


def _case(
    id: str,  # noqa: A002 - mirrors Case.id
    notice: dpup.model.Notice | None,
    expected: dpup.Status,
    **kw: object,
) -> Case:
    # A recorded ground that overrides nothing: with none recorded, a lawful override could
    # still apply, and the check asks for the ground instead of failing.
    base: dict[str, object] = {"recipient": _TO_MSD, "ground": SharingGround.COLLECTION_PURPOSE}
    base.update(kw)
    return _flow_case(id, "TC020", notice, expected, **base)


# A disclosure with the person's choice about the funder, for the authorisation and override cases.
def _with_choice(state: ChoiceState, **disclosure_kw: object) -> tuple[Disclosure, Activity]:
    disclosure = Disclosure(
        "d",
        recipient=_TO_MSD,
        purposes=("p",),
        items=("name",),
        identifiable=True,
        choices=("c",),
        on=date(2026, 3, 1),
        **disclosure_kw,  # type: ignore[arg-type]
    )
    activity = Activity(
        "a",
        purposes=_PURPOSES,
        collections=(Collection("c", items=(_ITEM,), purposes=("p",), notice=_COUNTS_ONLY),),
        choices=(Choice("c", recipients=(_MSD,), state=state),),
        disclosures=(disclosure,),
    )
    return disclosure, activity


_AUTHORISED = _with_choice(ChoiceState.GIVEN, ground=SharingGround.AUTHORISED)
_AUTHORISATION_WITHDRAWN = _with_choice(ChoiceState.WITHDRAWN, ground=SharingGround.AUTHORISED)
_OVERRIDE = _with_choice(ChoiceState.GIVEN, ground=SharingGround.OT_S66)

CASES = [
    # TC020 disclosure-form-not-as-told
    _case("tc020-named-where-counts-promised", _COUNTS_ONLY, NOT_MET),
    _case("tc020-named-where-de-identified-promised", _DE_IDENTIFIED, NOT_MET),
    _case("tc020-named-as-told", _NAMED, MET),
    _case("tc020-ground-unrecorded", _COUNTS_ONLY, REVIEW, ground=None),
    _case("tc020-no-ground-applies", _COUNTS_ONLY, NOT_MET, ground=SharingGround.NONE),
    _case(
        "tc020-name-matched-ignoring-case",
        _COUNTS_ONLY,
        NOT_MET,
        recipient=Recipient(" ministry of social development "),
    ),
    _case(
        "tc020-other-kind-is-another-recipient",
        _notice(
            recipient_forms=(NoticeRecipient(_MSD, RecipientKind.ROLE, Identifiability.AGGREGATE),)
        ),
        NA,
    ),
    _case(
        "tc020-same-kind-matches",
        _notice(recipient_forms=(NoticeRecipient(_MSD, _ORG, Identifiability.AGGREGATE),)),
        NOT_MET,
    ),
    _case("tc020-recipient-not-in-entries", _forms(("Family Court", None)), NA),
    _case("tc020-form-unrecorded", _FORM_UNSAID, REVIEW),
    _case("tc020-entries-unrecorded", _notice(recipients=(_MSD,)), REVIEW),
    _case("tc020-notice-unrecorded", None, REVIEW),
    _case("tc020-identifiability-unrecorded", _COUNTS_ONLY, REVIEW, identifiable=None),
    _case("tc020-not-identifying", _COUNTS_ONLY, NA, identifiable=False),
    _case("tc020-a-use", _COUNTS_ONLY, NA, kind=FlowKind.USE),
    _case("tc020-recipient-unrecorded", _COUNTS_ONLY, REVIEW, recipient=None),
    _case("tc020-items-unrecorded", _COUNTS_ONLY, REVIEW, items=None),
    Case("tc020-authorised-by-person", "TC020", _AUTHORISED[0], MET, context=_AUTHORISED[1]),
    Case(
        "tc020-authorisation-withdrawn",
        "TC020",
        _AUTHORISATION_WITHDRAWN[0],
        NOT_MET,
        context=_AUTHORISATION_WITHDRAWN[1],
    ),
    Case("tc020-lawful-override", "TC020", _OVERRIDE[0], REVIEW, context=_OVERRIDE[1]),
    Case(
        "tc020-no-context",
        "TC020",
        Disclosure("d", recipient=_TO_MSD, items=("name",), identifiable=True),
        REVIEW,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    """TC020 reports the expected status for each of its cases."""
    statuses = {f.status for f in run_case(case)}
    assert {case.expected} == statuses


def test_not_met_points_at_the_promise_never_at_values() -> None:
    """The finding names the notice entry's form and the disclosure's fields, not names."""
    case = _case("evidence", _COUNTS_ONLY, NOT_MET)
    activity = case.context
    assert activity is not None
    (finding,) = dpup.evaluate(activity, select=["TC020"]).findings
    assert finding.status is NOT_MET
    assert finding.evidence == (
        "$.disclosures[0].ground",
        "$.disclosures[0].identifiable",
        "$.disclosures[0].recipient",
        "$.collections[0].notice.recipient_forms[0].form",
    )
    assert _MSD not in finding.message
    assert not finding.is_legal_breach


def test_one_promise_among_several_notices_decides() -> None:
    """A counts-only promise in any source notice is broken by a named disclosure."""
    case = _case("two", _NAMED, MET)
    activity = case.context
    assert activity is not None
    second = Collection("c2", items=(_ITEM,), purposes=("p",), notice=_COUNTS_ONLY)
    both = attrs.evolve(activity, collections=(*activity.collections, second))
    (finding,) = dpup.evaluate(both, select=["TC020"]).findings
    assert finding.status is NOT_MET
    assert "$.collections[1].notice.recipient_forms[0].form" in finding.evidence
