"""AI004 correction-recipients-not-told: a Access to Information check.

Everyone who received corrected information is told of the correction.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai004_correction_recipients_not_told.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    MH,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.facts import indexed, item_disclosures, many, positions, positions_of
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Activity, CorrectionRequest, Disclosure, FlowKind, SharingGround

__all__ = ["correction_recipients_not_told"]


def _recipient_key(index: int, disclosure: Disclosure | None) -> tuple[str | int, ...]:
    """Return who received a disclosure, so two disclosures to one body count once.

    A disclosure whose recipient is unknown counts on its own, keyed by its position.
    """
    if disclosure is None or disclosure.recipient is None:
        return (index,)
    r = disclosure.recipient
    return (r.name.casefold().strip(), (r.part or "").casefold().strip())


def _outside(disclosure: Disclosure | None) -> bool:
    """Whether a disclosure went to someone other than the agency itself and the person."""
    if disclosure is None:
        return True
    return (
        disclosure.kind is FlowKind.DISCLOSURE and disclosure.ground is not SharingGround.TO_PERSON
    )


def _unlisted(
    activity: Activity, correction: CorrectionRequest, listed: set[str]
) -> list[tuple[str, str]]:
    """Return the disclosures of the corrected items that the correction does not list.

    Each comes back as its id and its path in the activity. Only disclosures made outside
    the agency on or before the decision (or undated) count. Among many disclosures, those
    carrying the items are looked up in an index kept with the activity.
    """
    wanted = set(correction.items or ())
    if not wanted:
        return []
    last = correction.decided_on
    disclosures = activity.disclosures
    if many(disclosures):
        carrying = positions_of(indexed(activity, item_disclosures), wanted)
    else:
        carrying = [i for i, d in enumerate(disclosures) if wanted.intersection(d.items or ())]
    unlisted = []
    for i in carrying:
        d = disclosures[i]
        if d.id not in listed and _outside(d) and (last is None or d.on is None or d.on <= last):
            unlisted.append((d.id, f"$.disclosures[{i}]"))
    return unlisted


def _listed_at(activity: Activity, ident: str) -> int | None:
    """Return where the first disclosure with id ``ident`` sits, looked up by id when many."""
    if many(activity.disclosures):
        found = indexed(activity, _disclosure_ids).get(ident)
        return found[0] if found else None
    for i, d in enumerate(activity.disclosures):
        if d.id == ident:
            return i
    return None


def _disclosure_ids(activity: Activity) -> dict[str, list[int]]:
    return positions((d.id,) for d in activity.disclosures)


@check(
    id="AI004",
    name="correction-recipients-not-told",
    principles=(KT, MH),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP7,),
    severity=Severity.HIGH,
    subject=CorrectionRequest,
    remediation=(
        "Tell everyone who received the information about the correction (or the attached "
        "statement), or record why that was not reasonably practicable."
    ),
    tags=("correction", "cross-object"),
    provision="IPP7(5)",
    condition=(
        "After correcting information or attaching a statement of correction, the agency "
        "tells, so far as reasonably practicable, everyone it disclosed the information to."
    ),
)
def correction_recipients_not_told(
    correction: CorrectionRequest, ctx: EvaluationContext
) -> Outcome:
    """Everyone who received corrected information is told of the correction.

    What it checks:
        After information is corrected, or a statement of correction attached, every
        recipient of the disclosures that carried it (``disclosures``) is told
        (``notified``). With the activity at hand, the disclosures are read from it: uses
        inside the agency and disclosures to the person themselves need no notice, and a
        recipient who got several of the disclosures counts as told once any of them is in
        ``notified``. Recipients not told need a recorded reason (``not_notified_reason``),
        which a privacy officer weighs. Other disclosures in the activity that carried the
        corrected items (``items``) but are not listed are sent for review.
    Why it matters:
        IPP7 requires an agency that corrects information, or attaches a statement, to
        inform those it disclosed the information to, so far as reasonably practicable. A
        court left holding a wrong report can decide a person's future on it.
    How to meet it:
        Send the corrected version, or the statement, to every recipient, and record it.
    References:
        Privacy Act 2020, IPP7 (the duty to inform recipients is unverified in its exact
        subclause). DPUP Access to Information.
    """
    corrected = correction.corrected
    if corrected is False and correction.statement_attached is not True:
        return not_applicable("Nothing was corrected and no statement was attached.", "corrected")
    if corrected is None and correction.statement_attached is None:
        if correction.decided_on is None:
            return not_applicable("The correction request is not yet decided.", "decided_on")
        return unrecorded(
            "whether the information was corrected", "corrected", "statement_attached"
        )
    if correction.disclosures is None:
        return unrecorded("which disclosures carried the corrected information", "disclosures")
    activity = ctx.activity
    listed = set(correction.disclosures)
    unlisted = _unlisted(activity, correction, listed) if activity is not None else []
    # Group the listed disclosures by recipient, keeping each one's evidence path.
    groups: dict[tuple[str | int, ...], list[tuple[str, str]]] = {}
    for k, ident in enumerate(correction.disclosures):
        found = None
        path = f"disclosures[{k}]"
        at = _listed_at(activity, ident) if activity is not None else None
        if activity is not None and at is not None:
            found, path = activity.disclosures[at], f"$.disclosures[{at}]"
        if _outside(found):
            groups.setdefault(_recipient_key(k, found), []).append((ident, path))
    if not groups and not unlisted:
        return not_applicable("The information went to no one outside the agency.", "disclosures")
    if groups and correction.notified is None:
        return unrecorded("which recipients were told of the correction", "notified")
    told = set(correction.notified or ())
    missing = [
        members[0][1]
        for members in groups.values()
        if not any(ident in told for ident, _ in members)
    ]
    if missing:
        if correction.not_notified_reason and correction.not_notified_reason.strip():
            return needs_review(
                "Some recipients were not told, for a recorded reason.",
                *missing,
                "not_notified_reason",
                reviewer=Reviewer.PRIVACY_OFFICER,
                settle_with=(
                    "confirm telling the remaining recipients was not reasonably practicable",
                ),
            )
        return not_met(
            "Some recipients of the information were not told of the correction.", *missing
        )
    untold = [path for ident, path in unlisted if ident not in told]
    if untold:
        return needs_review(
            "Other disclosures of the corrected information are recorded but not listed on "
            "the correction.",
            *untold,
            "items",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "confirm whether these disclosures carried the corrected information, and list "
                "them (disclosures, notified)",
            ),
        )
    return met("Every recipient was told of the correction.", "disclosures", "notified")
