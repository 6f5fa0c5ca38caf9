"""SV018 sharing-decisions-unsupported: a Sharing Value check.

Staff are trained and supported to make the sharing decisions their service meets.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv018_sharing_decisions_unsupported.py``.
"""

from __future__ import annotations

from dpup.checkdef import KT, MH, EvaluationContext, Outcome, check, verdict_from_facts
from dpup.findings import Reviewer, Severity
from dpup.law import Basis
from dpup.model import Activity

__all__ = ["sharing_decisions_unsupported"]


@check(
    id="SV018",
    name="sharing-decisions-unsupported",
    principles=(MH, KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Activity,
    remediation=(
        "Train staff on the sharing decisions they actually face (a request from another "
        "agency, a worry about someone's safety, a family member asking), under the laws "
        "that apply to the service, and give them a written procedure and someone to ask."
    ),
    tags=("frontline", "sharing"),
)
def sharing_decisions_unsupported(activity: Activity, ctx: EvaluationContext) -> Outcome:
    """Staff are trained and supported to make the sharing decisions their service meets.

    What it checks:
        Staff are trained to work through the information-sharing decisions of their
        service (``frontline.sharing_training``), and a written policy or procedure, with
        someone to consult, supports them (``frontline.sharing_procedure``). Either recorded
        as missing is not met. A script for explaining the practice, and training on it
        (``frontline.script_or_faq``, ``frontline.trained``, which TC018 reads), do not
        count: they help staff explain what happens, not decide what to share.
    Why it matters:
        DPUP's role guide for people who manage frontline services asks for training,
        policies and support that help staff with the sharing questions particular to their
        work, and for policies and training matched to the laws that apply (the Oranga
        Tamariki and Family Violence information-sharing guidance, the Privacy Act). Staff
        left alone with those decisions either share too readily or hold back information
        that would keep someone safe.
    How to meet it:
        Build training around real cases from the service, cover the sharing laws in
        ``other_laws``, write the procedure down, name who staff go to when unsure, and
        record both.
    References:
        DPUP "Managing frontline services" role guide, Mahitahitanga and Kaitiakitanga
        behaviours. Good practice beyond the law.
    """
    frontline = activity.frontline
    facts = {
        "frontline.sharing_training": None if frontline is None else frontline.sharing_training,
        "frontline.sharing_procedure": None if frontline is None else frontline.sharing_procedure,
    }
    return verdict_from_facts(
        facts,
        met_message="Staff are trained and supported to make information-sharing decisions.",
        not_met_message=(
            "Staff lack training or a procedure for the information-sharing decisions they face."
        ),
        unrecorded_what="whether staff are trained and supported to make sharing decisions",
        reviewer=Reviewer.SERVICE_MANAGER,
    )
