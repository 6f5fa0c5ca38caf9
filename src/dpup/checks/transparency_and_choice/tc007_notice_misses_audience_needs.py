"""TC007 notice-misses-audience-needs: a Transparency and Choice check.

The notice comes in the languages and formats the audience needs.

Documented in ``docs/checks.md`` and ``docs/guidelines/transparency-and-choice.md``; its cases are
in ``tests/checks/transparency_and_choice/test_tc007_notice_misses_audience_needs.py``.
"""

from __future__ import annotations

from dpup.checkdef import KT, MN, EvaluationContext, Outcome, check, met, not_met, unrecorded
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import Collection

__all__ = ["notice_misses_audience_needs"]


def _unmatched(needs: tuple[str, ...], offered: tuple[str, ...]) -> bool:
    have = {o.strip().casefold() for o in offered}
    return any(n.strip().casefold() not in have for n in needs)


@check(
    id="TC007",
    name="notice-misses-audience-needs",
    principles=(MN, KT),
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.MEDIUM,
    subject=Collection,
    remediation=(
        "Offer the notice in every language and format the people served need "
        "(e.g. te reo Māori, Samoan, easy-read, large print, NZSL)."
    ),
    tags=("notice", "audience"),
)
def notice_misses_audience_needs(collection: Collection, ctx: EvaluationContext) -> Outcome | None:
    """The notice comes in the languages and formats the audience needs.

    What it checks:
        Every language in ``audience.languages`` appears in ``notice.languages``, and every
        need in ``audience.accessibility_needs`` appears in ``notice.formats``. Codes are
        compared as written, ignoring case (use the same codes on both sides, e.g. "mi",
        "easy-read").
    Why it matters:
        DPUP says context matters (age, culture, language, literacy) and asks agencies to
        respect cultural and language needs. Disabled people ask for clear explanations in
        formats that work for them. An explanation people cannot read is not an explanation.
    How to meet it:
        Record the audience's needs, then provide a matching version of the notice for each.
    References:
        DPUP Transparency and Choice: match the approach to the context; why DPUP has a
        Transparency and Choice guideline (group expectations).
    """
    activity = ctx.activity
    audience = activity.audience if activity is not None else None
    if audience is None or (audience.languages is None and audience.accessibility_needs is None):
        return unrecorded("the audience's language and format needs", "$.audience")
    notice = collection.notice
    if notice is None:
        return None  # TC026 asks for a missing notice, once for every notice check
    pairs = (
        ("notice.languages", "$.audience.languages", audience.languages, notice.languages),
        (
            "notice.formats",
            "$.audience.accessibility_needs",
            audience.accessibility_needs,
            notice.formats,
        ),
    )
    missing: list[str] = []
    unknown: list[str] = []
    for offered_path, need_path, needs, offered in pairs:
        if needs is None:
            unknown.append(need_path)
        elif needs and offered is None:
            unknown.append(offered_path)
        elif needs and offered is not None and _unmatched(needs, offered):
            missing += [offered_path, need_path]
    if missing:
        return not_met(
            "The notice is not available in a language or format the audience needs.",
            *missing,
        )
    if unknown:
        return unrecorded("whether the notice matches every audience need", *unknown)
    return met(
        "The notice matches the audience's languages and formats.",
        "notice.languages",
        "notice.formats",
    )
