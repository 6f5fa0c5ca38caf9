"""SV012 research-output-identifiable: a Sharing Value check.

A use or disclosure for statistics or research rests on grounds that nobody will be named.

Documented in ``docs/checks.md`` and ``docs/guidelines/sharing-value.md``; its cases are
in ``tests/checks/sharing_value/test_sv012_research_output_identifiable.py``.
"""

from __future__ import annotations

from dpup.checkdef import (
    KT,
    EvaluationContext,
    Outcome,
    check,
    claimed_exception,
    met,
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
        "Before using or sending information for statistics or research, record why you "
        "believe nothing will be published in a form that identifies people: the recipient's "
        "undertaking, checking of outputs before release, or another safeguard; and do not "
        "rely on this ground where identifiable results are expected."
    ),
    tags=("research", "confidentiality"),
    provision="IPP10(1)(b)(ii), IPP11(1)(h)(ii)",
    condition=(
        "A use or disclosure for statistics or research rests on reasonable grounds for the "
        "agency to believe nothing published from it will let readers work out who the "
        "person is."
    ),
)
def research_output_identifiable(disclosure: Disclosure, ctx: EvaluationContext) -> Outcome:
    """A use or disclosure for statistics or research rests on grounds that nobody will be named.

    What it checks:
        For a use or disclosure on the statistical or research ground (``ground``), the
        agency's reasonable grounds to believe nothing will be published in a form that could
        identify people. A recorded expectation of identifiable publication
        (``identifiable_publication_expected``) is not met: the ground cannot then be relied
        on. The recipient's undertaking not to publish in identifiable form
        (``research_undertaking``) together with checking of outputs before release
        (``output_controls``) is met. One of them alone, or another recorded safeguard
        (``publication_safeguard``), or what is shared not identifying anyone
        (``identifiable`` false), goes to a legal adviser to confirm it amounts to
        reasonable grounds. With none of these recorded it needs review, naming that
        evidence: an undertaking is one way to show the grounds, not the test itself, so
        its absence is not a breach on its own.
    Why it matters:
        The Privacy Act allows information to be used or passed on for statistics or research
        only where the agency has good reason to think no published result will let readers
        tell who anyone is. The evidence for that belief is what stands between a research
        request and a named person in a report.
    How to meet it:
        Put an undertaking in the data-sharing agreement and require outputs to pass a
        confidentiality check (for example ``dpup.disclosure_control.audit``) before
        release, or record the safeguard you rely on instead.
    References:
        Privacy Act 2020, IPP10(1)(b)(ii) (read in the Privacy Commissioner's copy of the
        principle) and IPP11(1)(h)(ii) (the paragraph letter is unverified). DPUP
        Kaitiakitanga and Mahitahitanga principles (guard against re-identification).
    """
    if disclosure.ground is not SharingGround.STATISTICAL_RESEARCH:
        return not_applicable(
            "The disclosure is not recorded as relying on the statistics or research ground.",
            "ground",
        )
    if disclosure.identifiable_publication_expected:
        return not_met(
            "Results are expected to be published in a form that could identify people, so the "
            "statistics or research ground cannot be relied on.",
            "ground",
            "identifiable_publication_expected",
        )
    undertaking = disclosure.research_undertaking
    controls = disclosure.output_controls
    if undertaking and controls:
        return met(
            "The recipient undertook not to publish in identifiable form, and outputs are "
            "checked before release.",
            "research_undertaking",
            "output_controls",
        )
    safeguard = disclosure.publication_safeguard
    grounds = [
        path
        for path, recorded in (
            ("research_undertaking", undertaking is True),
            ("output_controls", controls is True),
            ("publication_safeguard", bool(safeguard and safeguard.strip())),
            ("identifiable", disclosure.identifiable is False),
        )
        if recorded
    ]
    if grounds:
        return claimed_exception(
            "Some grounds to believe nothing identifiable will be published are recorded; "
            "whether they are reasonable grounds needs a legal adviser.",
            *grounds,
            settle_with=(
                "confirm the recorded safeguards give reasonable grounds that nothing will be "
                "published in a form that could identify people, or add the recipient's "
                "undertaking and output checking (research_undertaking, output_controls)",
            ),
        )
    return unrecorded(
        "the reasonable grounds to believe nothing will be published in a form that could "
        "identify people",
        "research_undertaking",
        "output_controls",
        "publication_safeguard",
        reviewer=Reviewer.LEGAL_ADVISER,
        settle_with=(
            "record the recipient's undertaking not to publish in identifiable form "
            "(research_undertaking), checking of outputs before release (output_controls), or "
            "another safeguard relied on (publication_safeguard)",
        ),
    )
