"""PM017 overseas-disclosure-without-basis: a Purpose Matters check.

A disclosure to a recipient outside New Zealand has an IPP12 basis.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm017_overseas_disclosure_without_basis.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    EvaluationContext,
    Outcome,
    check,
    claimed_exception,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Disclosure, FlowKind, Ipp12Basis, SharingGround

__all__ = ["overseas_disclosure_without_basis"]

_EMERGENCY_GROUNDS = frozenset({SharingGround.MAINTENANCE_OF_LAW, SharingGround.SERIOUS_THREAT})
"""The IPP11 grounds (paragraphs (e) and (f)) under which IPP12's not-practicable route is open."""


@check(
    id="PM017",
    name="overseas-disclosure-without-basis",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP12,),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Before sending personal information to a recipient outside New Zealand, record the "
        "IPP12 basis (for example comparable safeguards, or model contract clauses)."
    ),
    tags=("disclosure", "cross-border"),
    provision="IPP12(1)",
    condition=(
        "Personal information disclosed to a foreign person or entity under IPP11 goes only "
        "on one of the IPP12(1) bases, unless an exception to IPP12(1) applies."
    ),
)
def overseas_disclosure_without_basis(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A disclosure to a recipient outside New Zealand has an IPP12 basis.

    What it checks:
        For a disclosure of identifying information whose recipient is outside New Zealand
        (``recipient.country`` other than ``NZ``), an IPP12 basis is recorded
        (``ipp12_basis``). A basis recorded as ``none`` is not met; a basis simply not
        recorded needs review. IPP12 reaches only disclosures made under some IPP11 grounds
        (``ground``): it does not apply to a disclosure to the person, from a publicly
        available publication, or to an intelligence and security agency, and a disclosure
        another law authorises or requires goes to a legal adviser. A recipient that only
        stores or processes the information as the agency's agent, the Commissioner's
        authorisation, and the route where complying is not reasonably practicable all need
        review; that route is open only to a disclosure for the maintenance of the law or to
        prevent a serious threat, so claiming it for any other recorded ground is not met.
    Why it matters:
        IPP12 allows personal information to go overseas only where it will be protected in
        a comparable way or the person has agreed after being warned. Once it has left, the
        agency and the person have little control over it.
    How to meet it:
        Record the basis relied on, such as the recipient being subject to comparable law,
        a prescribed binding scheme or country, or contract clauses giving comparable
        protection; record the IPP11 ground the disclosure relies on.
    References:
        Privacy Act 2020, s 22, IPP11 and IPP12; s 24(1) (other laws); s 30 (the
        Commissioner's authorisation). DPUP Purpose Matters: be clear about purpose for
        sharing.
    """
    if disclosure.kind is FlowKind.USE:
        return not_applicable("A use inside the agency crosses no border.", "kind")
    if disclosure.identifiable is False:
        return not_applicable("The disclosure does not identify anyone.", "identifiable")
    recipient = disclosure.recipient
    if recipient is None:
        return unrecorded("who receives the information", "recipient")
    overseas = recipient.overseas
    if overseas is None:
        return unrecorded("the recipient's country", "recipient.country")
    if not overseas:
        return not_applicable("The recipient is in New Zealand.", "recipient.country")
    ground = disclosure.ground
    reach = ground.reached_by_ipp12 if ground is not None else True
    if reach is False:
        return not_applicable(
            "IPP12 does not reach a disclosure on the ground recorded for it.", "ground"
        )
    basis = disclosure.ipp12_basis
    if basis is None:
        return unrecorded(
            "the IPP12 basis for sending the information outside New Zealand", "ipp12_basis"
        )
    if basis is Ipp12Basis.NONE:
        return _no_basis(ground, reach)
    if basis is Ipp12Basis.AGENT_STORAGE:
        return needs_review(
            "The overseas recipient is said to act only as the agency's agent.",
            "ipp12_basis",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm the recipient only stores or processes the information for the "
                "agency and does not use it for its own purposes",
            ),
        )
    if basis is Ipp12Basis.NOT_PRACTICABLE:
        return _not_practicable(ground)
    if basis is Ipp12Basis.COMMISSIONER_AUTHORISED:
        return claimed_exception(
            "The overseas disclosure relies on an authorisation by the Privacy Commissioner.",
            "ipp12_basis",
            settle_with=(
                "confirm a s 30 authorisation exists and covers this disclosure to this "
                "recipient (ipp12_basis)",
            ),
        )
    return met("The overseas disclosure has an IPP12 basis.", "ipp12_basis")


def _no_basis(ground: SharingGround | None, reach: bool | None) -> Outcome:
    """Judge a disclosure abroad recorded as having no IPP12 basis."""
    if ground is None:
        return unrecorded(
            "the IPP11 ground the disclosure relies on (IPP12 reaches only some grounds)",
            "ground",
        )
    if reach is None:
        return claimed_exception(
            "The overseas disclosure has no IPP12 basis and relies on another law, which "
            "IPP12 does not limit.",
            "ground",
            "ipp12_basis",
            settle_with=(
                "confirm the law relied on authorises or requires this disclosure to a "
                "recipient outside New Zealand (ground)",
            ),
        )
    return not_met(
        "Information goes to a recipient outside New Zealand, and the record says no IPP12 "
        "basis applies.",
        "recipient.country",
        "ground",
        "ipp12_basis",
    )


def _not_practicable(ground: SharingGround | None) -> Outcome:
    """Judge a disclosure abroad that claims complying with IPP12(1) is not practicable."""
    if ground is not None and ground not in _EMERGENCY_GROUNDS and ground.reached_by_ipp12:
        return not_met(
            "The overseas disclosure claims IPP12's not-practicable route, which is open only "
            "to a disclosure for the maintenance of the law or to prevent a serious threat.",
            "ground",
            "ipp12_basis",
        )
    return claimed_exception(
        "The overseas disclosure claims that meeting IPP12 is not reasonably practicable.",
        "ground",
        "ipp12_basis",
        settle_with=(
            "confirm the disclosure relies on the maintenance of the law or a serious threat "
            "(ground)",
            "confirm and record why meeting an IPP12 basis is not reasonably practicable "
            "(ipp12_basis)",
        ),
    )
