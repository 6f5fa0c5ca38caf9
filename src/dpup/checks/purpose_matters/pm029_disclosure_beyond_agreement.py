"""PM029 disclosure-beyond-agreement: a Purpose Matters check.

A disclosure made under an agreement carries only the agreed fields, in the agreed form.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm029_disclosure_beyond_agreement.py``.
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
from dpup.checks.purpose_matters._helpers import present
from dpup.facts import indexed, many, positions, programme_fact
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Activity, Disclosure, FlowKind, InformationItem, SharingAgreement

__all__ = ["disclosure_beyond_agreement"]


@programme_fact
def agreement_positions(activity: Activity) -> dict[str, list[int]]:
    """Return where each agreement id sits in ``activity.agreements``."""
    return positions((g.id,) for g in activity.agreements)


def agreement_at(activity: Activity, agreement_id: str) -> int | None:
    """Return the position of the first agreement with ``agreement_id``, or ``None``."""
    if many(activity.agreements):
        found = indexed(activity, agreement_positions).get(agreement_id)
        return found[0] if found else None
    for g, agreement in enumerate(activity.agreements):
        if agreement.id == agreement_id:
            return g
    return None


def _fields_by_name(fields: tuple[InformationItem, ...]) -> dict[str, tuple[int, InformationItem]]:
    by_name: dict[str, tuple[int, InformationItem]] = {}
    for j, field in enumerate(fields):
        by_name.setdefault(field.name, (j, field))
    return by_name


def _identifying_within(agreement: SharingAgreement, base: str, form_paths: list[str]) -> Outcome:
    """Judge an identifying disclosure of agreed fields that the agreement lets identify."""
    if present(agreement.identifying_justification):
        return met(
            "The disclosure carries only agreed fields, identifying only where the agreement "
            "provides for it with a recorded reason.",
            *form_paths,
            f"{base}.identifying_justification",
        )
    return needs_review(
        "The disclosure carries agreed identifying fields, but the agreement records no "
        "reason for identifying people.",
        *form_paths,
        f"{base}.identifying_justification",
        reviewer=Reviewer.PRIVACY_OFFICER,
        settle_with=(
            "record why the agreed purposes need people identified "
            f"({base}.identifying_justification), or report non-identifying fields instead",
        ),
    )


@check(
    id="PM029",
    name="disclosure-beyond-agreement",
    principles=(KT, MH),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.IPP1, LegalRef.IPP11),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Send under an agreement only the fields it lists, in the form it lists them (counts, "
        "de-identified or identifying); change the agreement first, openly, if more is truly "
        "needed."
    ),
    tags=("disclosure", "agreement", "identifiability", "cross-object"),
)
def disclosure_beyond_agreement(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A disclosure made under an agreement carries only the agreed fields, in the agreed form.

    What it checks:
        For a disclosure made under a sharing agreement (``agreement``), each item it
        carries (``items[]``) is among the agreement's fields (``fields[].name``), and an
        identifying disclosure (``identifiable``) carries only fields the agreement records
        as identifying (``fields[].identifiability``). An identifying disclosure with items
        the agreement does not list, or identifying where the agreed fields are counts or
        de-identified, is not met. Identifying fields the agreement allows need a recorded
        reason (``identifying_justification``), else review. A disclosure recorded as not
        identifying whose items are not agreed fields needs review (the items may feed the
        agreed counts); so does one whose identifiability is not recorded. Uses inside the
        agency, and disclosures not made under an agreement, are not applicable.
    Why it matters:
        DPUP's funding guidance asks funders and providers to agree the minimum reporting
        needed and to say why any identifying data is needed; what actually goes must keep
        to that. An agreement for counts is broken the moment a report names people, however
        sound the agreement looks on paper (PM024, PM026 and PM028 judge the agreement
        itself; this check judges each disclosure made under it).
    How to meet it:
        Build each report from the agreement's field list, in the form it states; where more
        is needed, change the agreement with the other parties and tell service users first.
    References:
        DPUP funding, contracting and partnering checklist
        (https://dpup.swa.govt.nz/use/funding-contracting-and-partnering/checklist/); DPUP
        Purpose Matters. Good practice beyond the law, backed by IPP1's necessity test; where
        the items also go beyond what they were collected for, PM016 (IPP11) reports the
        legal side.
    """
    if disclosure.kind is not FlowKind.DISCLOSURE:
        return not_applicable("This is not a disclosure.", "kind")
    if disclosure.agreement is None:
        return not_applicable("The disclosure is not recorded as made under an agreement.")
    activity = ctx.activity
    if activity is None:
        return needs_review(
            "No activity was given to find the agreement the disclosure is made under.",
            "agreement",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=("evaluate the disclosure with its activity as context",),
        )
    g = agreement_at(activity, disclosure.agreement)
    if g is None:
        return needs_review(
            "The agreement the disclosure is made under is not recorded in the activity.",
            "agreement",
            reviewer=Reviewer.CONTRACT_MANAGER,
            settle_with=("record the agreement, with its fields ($.agreements)",),
        )
    agreement = activity.agreements[g]
    base = f"$.agreements[{g}]"
    if agreement.fields is None:
        return unrecorded("the fields reported under the agreement", f"{base}.fields")
    if disclosure.items is None:
        return unrecorded("which items the disclosure carries", "items")
    if not disclosure.items:
        return not_applicable("The disclosure records no items.", "items")
    fields = _fields_by_name(agreement.fields)
    outside = [f"items[{k}]" for k, name in enumerate(disclosure.items) if name not in fields]
    matched = [fields[name] for name in disclosure.items if name in fields]
    form_paths = list(dict.fromkeys(f"{base}.fields[{j}].identifiability" for j, _ in matched))
    plain = [
        f"{base}.fields[{j}].identifiability"
        for j, field in dict(matched).items()
        if field.identifiability is not None and not field.identifiability.is_identifying
    ]
    unknown = [
        f"{base}.fields[{j}].identifiability"
        for j, field in dict(matched).items()
        if field.identifiability is None
    ]
    identifiable = disclosure.identifiable
    if identifiable is True and (outside or plain):
        if outside and plain:
            message = (
                "The disclosure identifies people, carries items the agreement does not list, "
                "and identifies people where the agreed fields do not."
            )
        elif outside:
            message = (
                "The disclosure identifies people and carries items the agreement does not list."
            )
        else:
            message = "The disclosure identifies people where the agreed fields do not."
        evidence = [*outside, f"{base}.fields"] if outside else []
        return not_met(message, "identifiable", "agreement", *evidence, *plain)
    if outside:
        if identifiable is False:
            return needs_review(
                "The disclosure, recorded as not identifying anyone, carries items the "
                "agreement does not list.",
                *outside,
                f"{base}.fields",
                reviewer=Reviewer.CONTRACT_MANAGER,
                settle_with=(
                    "confirm each item goes only in the form of an agreed field (for example "
                    f"as a count), or add it to the agreement ({base}.fields)",
                ),
            )
        return needs_review(
            "The disclosure carries items the agreement does not list, and whether it "
            "identifies people is not recorded.",
            *outside,
            "identifiable",
            reviewer=Reviewer.PRIVACY_OFFICER,
            settle_with=(
                "record whether the disclosure identifies people (identifiable)",
                f"send only agreed fields, or add the items to the agreement ({base}.fields)",
            ),
        )
    if identifiable is False:
        return met("The disclosure carries only agreed fields, identifying no one.", "items")
    if unknown:
        return unrecorded("whether the agreed fields identify people", *unknown)
    if identifiable is None and plain:
        return unrecorded("whether the disclosure identifies people", "identifiable")
    return _identifying_within(agreement, base, form_paths)
