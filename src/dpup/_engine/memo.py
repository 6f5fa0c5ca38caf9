"""Every memo the evaluation keeps across calls, and one way to empty them all.

The request path is fast because work is remembered between calls: interned outcomes
(`dpup._engine.outcomes`), remembered findings and single-object reports (`dpup._engine.run`),
scores by tally (`dpup._engine.plan`), gaps asked for by `dpup.checkdef.unrecorded`, the
facts derived from each activity (`dpup.facts`), and the context a proposed record was last
checked against (`dpup._engine.context`). Each memo is bounded, and none changes what a
report says (the reference evaluator, which keeps nothing, gives the same reports). `clear`
empties them all, so a test or a mutation run starts from nothing rather than from what code
run earlier in the process left behind.
"""

from __future__ import annotations

from dpup import checkdef, facts
from dpup._engine import context, outcomes, plan, run

__all__ = ["clear"]


def clear() -> None:
    """Empty every memo kept across evaluations."""
    facts.clear()
    outcomes._interned.clear()
    run._findings.clear()
    run._assembled.clear()
    plan._score.cache_clear()
    checkdef._gap.cache_clear()
    context.clear()
