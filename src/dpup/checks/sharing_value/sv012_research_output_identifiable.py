"""SV012 research-output-identifiable: a Sharing Value check.

A disclosure for statistics or research is protected from identifiable publication.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv012_research_output_identifiable.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    EvaluationContext,
    Outcome,
    check,
    met,
    needs_review,
    not_applicable,
    not_met,
    unrecorded,
)
from dpup.findings import Reviewer, Severity
from dpup.law import Basis, LegalRef
from dpup.model import Disclosure, SharingGround

__all__ = ["research_output_identifiable"]


@check(
    id="SV012",
    name="research-output-identifiable",
    principles=(KT,),
    basis=Basis.LAW,
    legal_refs=(LegalRef.IPP10, LegalRef.IPP11),
    severity=Severity.HIGH,
    subject=Disclosure,
    remediation=(
        "Before sending information for statistics or research, get the recipient's "
        "undertaking not to publish anything that identifies people, and check outputs for "
        "disclosure risk before they are released."
    ),
    tags=("research", "confidentiality"),
)
def research_output_identifiable(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A disclosure for statistics or research is protected from identifiable publication.

    What it checks:
        For a disclosure on the statistical or research ground (``ground``), the recipient
        undertook not to publish in identifiable form (``research_undertaking``) and outputs
        are checked for disclosure risk before release (``output_controls``). MET means the
        publication safeguard is recorded; whether the research ground otherwise fits is a
        separate judgement for a legal adviser.
    Why it matters:
        The Privacy Act lets an agency use or disclose information for statistical or research
        purposes only on reasonable grounds that it will not be published in a form that could
        identify people. A recipient's undertaking, backed by output checking (small-cell
        suppression, rounding), is how an agency shows those grounds.
    How to meet it:
        Put the undertaking in the data-sharing agreement and require outputs to pass a
        confidentiality check (for example ``dpup.disclosure_control.audit``) before release.
    References:
        Privacy Act 2020, IPP10 and IPP11 (the statistics and research exception). DPUP
        Kaitiakitanga and Mahitahitanga principles (guard against re-identification).
    """
    if disclosure.ground is not SharingGround.STATISTICAL_RESEARCH:
        return not_applicable(
            "The disclosure is not recorded as relying on the statistics or research ground.",
            "ground",
        )
    undertaking = disclosure.research_undertaking
    if undertaking is None:
        return unrecorded(
            "whether the recipient undertook not to publish in identifiable form",
            "research_undertaking",
            reviewer=Reviewer.LEGAL_ADVISER,
        )
    if not undertaking:
        return not_met(
            "Information goes out for research without an undertaking not to publish it in "
            "identifiable form.",
            "ground",
            "research_undertaking",
        )
    controls = disclosure.output_controls
    if controls is None:
        return unrecorded(
            "whether outputs are checked for disclosure risk before release",
            "output_controls",
            reviewer=Reviewer.LEGAL_ADVISER,
        )
    if not controls:
        return needs_review(
            "The recipient gave an undertaking, but outputs are not checked before release.",
            "research_undertaking",
            "output_controls",
            reviewer=Reviewer.LEGAL_ADVISER,
            settle_with=(
                "decide whether the undertaking alone gives reasonable grounds that nothing "
                "identifiable will be published, or require output checking (output_controls)",
            ),
        )
    return met(
        "The recipient undertook not to publish in identifiable form, and outputs are checked.",
        "research_undertaking",
        "output_controls",
    )
