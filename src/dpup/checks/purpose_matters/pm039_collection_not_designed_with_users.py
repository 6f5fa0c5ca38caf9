"""PM039 collection-not-designed-with-users: a Purpose Matters check.

Service users helped design or test the collection, whether or not a trigger called for it.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm039_collection_not_designed_with_users.py``.
"""

from __future__ import annotations

from dpup.checkdef import HT, MN, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import CheckAndBalance, Collection

__all__ = ["collection_not_designed_with_users"]


@check(
    id="PM039",
    name="collection-not-designed-with-users",
    principles=(MN, HT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=Collection,
    remediation=(
        "Try the collection out with some of the people it is for before it is fixed: what "
        "it asks, how and why, and whether they find asking it legitimate and respectful; "
        "change it with what they say."
    ),
    tags=("co-design",),
)
def collection_not_designed_with_users(collection: Collection, ctx: EvaluationContext) -> Outcome:
    """Service users helped design or test the collection, whether or not a trigger called for it.

    What it checks:
        The collection records that service users helped design or test it
        (``designed_with_service_users``), or a consultation with service users among its
        checks and balances (``checks_done`` holding ``service-user-consultation``). Recorded
        as designed without them, and with no such consultation, it is not met. Testing
        only the notice's wording (``notice.plain_language_tested``, TC006) does not settle
        it: that is about how the collection is explained, not what it asks.
    Why it matters:
        DPUP's role guides for managers of frontline services and for funders ask them to
        bring service users into designing and testing collections, and to ask whether
        those people see the collection as legitimate and respectful. PM010 asks for this
        only where a trigger (sensitive data, an uncertain purpose, complex law, concern)
        applies; a routine intake form shapes how people feel about a service just as much.
    How to meet it:
        Walk a draft of the form or interview through with a few people who use the
        service, ask what feels intrusive or unclear and why, and record that it was done.
    References:
        DPUP "Managing frontline services" and "Funding, contracting or partnering" role
        guides, Manaakitanga behaviours. Good practice beyond the law.
    """
    designed = collection.designed_with_service_users
    if designed:
        return met(
            "Service users helped design or test the collection.", "designed_with_service_users"
        )
    checks = collection.checks_done
    if checks is not None and CheckAndBalance.SERVICE_USER_CONSULTATION in checks:
        return met("Service users were consulted on the collection.", "checks_done")
    if designed is None:
        return unrecorded(
            "whether service users helped design or test the collection",
            "designed_with_service_users",
            reviewer=Reviewer.SERVICE_MANAGER,
        )
    return not_met(
        "The collection was designed without service users.", "designed_with_service_users"
    )
