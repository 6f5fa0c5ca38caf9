"""AI022 no-front-door: a Access to Information check.

People can ask one organisation for what all parties to an agreement hold.

Documented in ``docs/checks.md`` and ``docs/guidelines/access-to-information.md``; its cases are
in ``tests/checks/access_to_information/test_ai022_no_front_door.py``.
"""

from __future__ import annotations

from dpup._text import normalise
from dpup.checkdef import (
    MH,
    MW,
    EvaluationContext,
    Outcome,
    check,
    met,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Identifiability, SharingAgreement

__all__ = ["no_front_door"]


def _front_door(agreement: SharingAgreement, ctx: EvaluationContext) -> bool:
    """Whether the activity's access practice lets people ask here for a party's holdings."""
    practice = ctx.activity.access_practice if ctx.activity is not None else None
    if practice is None or not practice.front_door_with or not agreement.parties:
        return False
    partners = {normalise(p) for p in practice.front_door_with}
    return any(normalise(p) in partners for p in agreement.parties)


@check(
    id="AI022",
    name="no-front-door",
    principles=(MH, MW),
    basis=Basis.GOOD_PRACTICE,
    legal_refs=(LegalRef.PA_S43,),
    severity=Severity.MEDIUM,
    subject=SharingAgreement,
    remediation=(
        "Agree a protocol so people ask one organisation, usually the provider they know, "
        "which retrieves what the partner holds about them, and explain it to them together."
    ),
    tags=("front-door", "cross-object"),
)
def no_front_door(agreement: SharingAgreement, ctx: EvaluationContext) -> Outcome:
    """People can ask one organisation for what all parties to an agreement hold.

    What it checks:
        The agreement has an access-request protocol (``access_protocol``), or the activity's
        access practice names one of the agreement's parties as a partner people can ask
        through (``$.access_practice.front_door_with``). An agreement under which only
        aggregate information flows (every field in ``fields`` aggregate) is not applicable.
        An agreement recorded as having no protocol is not met when a field is recorded as
        identifying or de-identified (information about people). Where the fields, or
        whether they are aggregate, are not recorded, it needs review: were they all
        aggregate, the protocol would not be needed.
    Why it matters:
        When a provider reports to a funder, people do not know who holds what, and sending
        them from one organisation to the other wears them down. DPUP's provider journey
        shows a protocol where families ask only the provider, which retrieves what the
        agency holds; this also meets the spirit of the Privacy Act's transfer rule.
    How to meet it:
        Write the access protocol into the agreement, name a contact at each party, and
        explain the one front door to people together.
    References:
        DPUP Access to Information (act as the person's agent); the DPUP provider journey
        "Best foot forward". Good practice beyond the law; supports Privacy Act 2020, s 43.
    """
    if agreement.access_protocol:
        return met("The agreement has an access-request protocol.", "access_protocol")
    if _front_door(agreement, ctx):
        return met(
            "People can ask one party for what its partner holds.",
            "parties",
            "$.access_practice.front_door_with",
        )
    fields = agreement.fields
    if fields and all(f.identifiability is Identifiability.AGGREGATE for f in fields):
        return not_applicable("Only aggregate information flows under the agreement.", "fields")
    if agreement.access_protocol is None:
        return unrecorded(
            "whether people can ask one party for what all parties hold",
            "access_protocol",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    if not fields:
        return unrecorded(
            "the fields reported under the agreement, and whether each is aggregate",
            "fields",
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    about_people = [
        f"fields[{i}].identifiability"
        for i, f in enumerate(fields)
        if f.identifiability is not None and f.identifiability is not Identifiability.AGGREGATE
    ]
    if not about_people:
        return unrecorded(
            "whether the reported fields are aggregate",
            *(
                f"fields[{i}].identifiability"
                for i, f in enumerate(fields)
                if f.identifiability is None
            ),
            reviewer=Reviewer.CONTRACT_MANAGER,
        )
    return not_met(
        "Information about people flows under the agreement with no access-request protocol.",
        "access_protocol",
        *about_people,
    )
