"""PM037 serious-threat-disclosure-disproportionate: a Purpose Matters check.

A disclosure to prevent a serious threat is assessed and goes no further than it needs.

Documented in ``docs/checks.md`` and ``docs/guidelines/purpose-matters.md``; its cases are
in ``tests/checks/purpose_matters/test_pm037_serious_threat_disclosure_disproportionate.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    HT,
    KT,
    EvaluationContext,
    Outcome,
    check,
    claimed_exception,
    met,
    not_applicable,
    not_met,
    split_facts,
    unrecorded,
)
from dpup.findings import Severity
from dpup.law import Basis, LegalRef
from dpup.model import Disclosure, FlowKind, SharingGround

__all__ = ["serious_threat_disclosure_disproportionate"]

_THREAT = SharingGround.SERIOUS_THREAT
_OTHER_GROUND = not_applicable(
    "The disclosure does not rely on the serious-threat ground.", "ground"
)


def _threat_only(disclosure: Disclosure, _ctx: EvaluationContext) -> Outcome | None:
    """The gate: one field test, so every other disclosure costs next to nothing."""
    return None if disclosure.ground is _THREAT else _OTHER_GROUND


@check(
    id="PM037",
    name="serious-threat-disclosure-disproportionate",
    principles=(HT, KT),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP11,),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Before relying on the serious-threat exception, weigh how likely the threat is, how "
        "bad it would be and how soon it could happen; disclose only to someone able to "
        "prevent or lessen it, and only what they need to act; record all of it, and have a "
        "legal adviser or privacy officer confirm the assessment supports the disclosure."
    ),
    tags=("sharing", "serious-threat"),
    applies=_threat_only,
    provision="IPP11(1)(f)",
    condition=(
        "A disclosure made because the agency believes it is needed to stop or reduce a "
        "serious threat rests on an assessment of the threat and goes only as far as that "
        "need: to someone able to act on it, with no more than it calls for."
    ),
)
def serious_threat_disclosure_disproportionate(
    disclosure: Disclosure, ctx: EvaluationContext
) -> Outcome:
    """A disclosure to prevent a serious threat is assessed and goes no further than it needs.

    What it checks:
        For a disclosure on the serious-threat ground (``ground`` is ``serious-threat``):
        the threat was assessed (``threat_assessed``), the recipient can do something about
        it (``recipient_can_act``), only what was needed went (``limited_to_threat``), and
        what went is recorded (``items``). Any of the three recorded as not so is not met;
        any part not recorded needs review, naming it. A complete record needs review by a
        legal adviser, because whether a threat was serious and a disclosure necessary is a
        judgement on the facts, until a reviewer records that the assessment supports the
        disclosure (``threat_confirmed``, met) or does not (not met). Other grounds, and uses
        inside the agency (IPP10, which PM015 sends for review), are not applicable.
    Why it matters:
        The exception lets an agency share without the person's authority, so it reaches only
        as far as the threat: the Privacy Commissioner reads it as disclosing to someone able
        to prevent or lessen the threat, and only what shows why the threat is believed to be
        serious. Whether a threat is serious turns on how likely it is, how severe its
        consequences would be and how soon it could happen. Over-sharing in an emergency
        harms the person and the trust the service depends on.
    How to meet it:
        Use a short serious-threat record: likelihood, severity, how soon; who can act on it;
        the minimum to send; who decided. Ask a privacy officer or legal adviser to confirm it,
        afterwards if there was no time before.
    References:
        Privacy Act 2020, s 22, IPP11(1)(f)
        (https://www.legislation.govt.nz/act/public/2020/0031/latest/whole.html; the
        paragraph letter follows IPP12(1)'s list of the IPP11 grounds). The Privacy
        Commissioner, "What's a 'serious threat'?" (the three factors, and disclosing only to
        someone able to act and only what is needed):
        https://opcwebsite.cwp.govt.nz/tools/knowledge-base/view/73. DPUP Kaitiakitanga.
    """
    if disclosure.kind is FlowKind.USE:
        return not_applicable(
            "A use inside the agency has no recipient; PM015 sends a use on this ground for "
            "review.",
            "kind",
        )
    facts: dict[str, bool | None] = {
        "threat_assessed": disclosure.threat_assessed,
        "recipient_can_act": disclosure.recipient_can_act,
        "limited_to_threat": disclosure.limited_to_threat,
        "items": True if disclosure.items else None,
    }
    failing, gaps = split_facts(facts)
    if failing:
        return not_met(
            "The disclosure relied on the serious-threat ground, but the record shows the "
            "threat was not assessed, the recipient could not act on it, or more went than "
            "it needed.",
            "ground",
            *failing,
        )
    if gaps:
        return unrecorded("the serious-threat assessment and what was disclosed", *gaps)
    confirmed = disclosure.threat_confirmed
    if confirmed is False:
        return not_met(
            "A reviewer recorded that the threat assessment does not support relying on the "
            "serious-threat ground.",
            "ground",
            "threat_confirmed",
        )
    if confirmed is None:
        return claimed_exception(
            "The threat was assessed and the disclosure kept to someone able to act and to "
            "what they needed; whether the threat was serious and the disclosure necessary "
            "is a judgement.",
            "ground",
            *facts,
            settle_with=(
                "confirm the likelihood, severity and imminence recorded support a belief on "
                "reasonable grounds that the disclosure was necessary, and record it "
                "(threat_confirmed)",
            ),
        )
    return met(
        "The threat was assessed, the disclosure kept to someone able to act and to what "
        "they needed, and a reviewer confirmed the assessment supports it.",
        "ground",
        *facts,
        "threat_confirmed",
    )
