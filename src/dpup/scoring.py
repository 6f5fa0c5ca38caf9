"""How findings become scores for each principle, each guideline and overall.

The rule (also in ``docs/concepts.md``):

* A finding counts toward its guideline and toward every principle it lists.
* Only assessed findings (MET or NOT_MET) make up the value. Each weighs by its severity
  (low 1, medium 2, high 4, critical 8), and the value is the weighted share that were met,
  as a percentage rounded to one decimal place. With nothing assessed the value is ``None``.
* NEEDS_REVIEW findings are not guessed either way: they lower *coverage*, the share of
  applicable findings (assessed, needs-review and not-yet-due) that were assessed.
* NOT_YET_DUE findings (a time limit still running) are not yet assessed: they are left out
  of the value and, like NEEDS_REVIEW, lower coverage, since the value does not yet speak
  for them. They are counted on their own (`Score.not_yet_due`).
* NOT_APPLICABLE findings are counted but affect neither value nor coverage.
* Waivers do not change scores: a waiver accepts a risk, it does not make it met.
"""

from __future__ import annotations

from collections.abc import Iterable

from dpup.findings import Finding, Score, Status
from dpup.policy import Guideline, Principle

__all__ = ["score", "score_findings", "score_from_counts"]


class _Tally:
    __slots__ = ("counts", "met_weight", "total_weight")

    def __init__(self) -> None:
        self.counts = [0, 0, 0, 0, 0]
        self.met_weight = 0
        self.total_weight = 0

    def add(self, f: Finding) -> None:
        s = f.status
        if s is Status.MET:
            self.counts[0] += 1
            w = f.severity.weight
            self.met_weight += w
            self.total_weight += w
        elif s is Status.NOT_MET:
            self.counts[1] += 1
            self.total_weight += f.severity.weight
        elif s is Status.NEEDS_REVIEW:
            self.counts[2] += 1
        elif s is Status.NOT_YET_DUE:
            self.counts[4] += 1
        else:
            self.counts[3] += 1

    def score(self) -> Score:
        met, not_met, review, na, due = self.counts
        return score_from_counts(
            met, not_met, review, na, self.met_weight, self.total_weight, not_yet_due=due
        )


def score_from_counts(  # noqa: PLR0917 - six counters, in Score's own order
    met: int,
    not_met: int,
    needs_review: int,
    not_applicable: int,
    met_weight: int,
    weight: int,
    *,
    not_yet_due: int = 0,
) -> Score:
    """Return the `Score` of tallied findings: counts by status and severity weights.

    Args:
        met: MET findings.
        not_met: NOT_MET findings.
        needs_review: NEEDS_REVIEW findings.
        not_applicable: NOT_APPLICABLE findings.
        met_weight: the summed severity weights of the MET findings.
        weight: the summed severity weights of the MET and NOT_MET findings.
        not_yet_due: NOT_YET_DUE findings.
    """
    assessed = met + not_met
    applicable = assessed + needs_review + not_yet_due
    value = round(100.0 * met_weight / weight, 1) if assessed else None
    coverage = round(assessed / applicable, 4) if applicable else None
    return Score(met, not_met, needs_review, not_applicable, value, coverage, not_yet_due)


def score(findings: Iterable[Finding]) -> Score:
    """Return one `Score` over ``findings``."""
    tally = _Tally()
    for f in findings:
        tally.add(f)
    return tally.score()


def score_findings(
    findings: Iterable[Finding],
) -> tuple[Score, dict[Principle, Score], dict[Guideline, Score]]:
    """Return the overall score and a score per principle and per guideline, in one pass."""
    overall = _Tally()
    by_principle = {p: _Tally() for p in Principle}
    by_guideline = {g: _Tally() for g in Guideline}
    for f in findings:
        overall.add(f)
        by_guideline[f.guideline].add(f)
        for p in f.principles:
            by_principle[p].add(f)
    return (
        overall.score(),
        {p: t.score() for p, t in by_principle.items()},
        {g: t.score() for g, t in by_guideline.items()},
    )
