"""Finding fingerprints: stable under reordering, the same across status changes, never a value."""

from __future__ import annotations

import random
import re
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dpup
from dpup.fingerprints import FINGERPRINT_VERSION, fingerprint, subject_id
from dpup.model import Activity
from dpup.serde import load
from dpup.testing.strategies import activities

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
PATTERN = re.compile(r"^(PM|TC|AI|SV)[0-9]{3}-[0-9a-f]{16}$")


def _is_record(value: object) -> bool:
    """Whether ``value`` is one of the model's records (not a table or other structured value)."""
    return attrs.has(type(value)) and type(value).__module__.startswith("dpup.model")


def _shuffled(value: Any, rng: random.Random) -> Any:
    """Return ``value`` with every list inside it, at any depth, in a random order.

    A list is a tuple of the model's records (purposes, items, recipients ...) or of choices
    from a vocabulary. Tuples of numbers, texts or tuples, and statistical tables, are values
    whose order is their meaning (the largest contributions to a cell, a table's labels and
    rows), and are kept as they are.
    """
    if isinstance(value, tuple):
        items = [_shuffled(v, rng) for v in value]
        if items and all(_is_record(v) or isinstance(v, Enum) for v in items):
            rng.shuffle(items)
        return tuple(items)
    if _is_record(value):
        changes = {
            f.alias: _shuffled(getattr(value, f.name), rng)
            for f in attrs.fields(type(value))
            if f.init
        }
        return attrs.evolve(value, **changes)
    return value


def _prints(activity: Activity) -> Counter[str]:
    return Counter(f.fingerprint for f in dpup.evaluate(activity).findings)


def test_the_form_and_the_scheme() -> None:
    """A fingerprint is the check id and 16 hex digits, the same on every call."""
    made = fingerprint("PM001", "deliver")
    assert PATTERN.match(made)
    assert made == fingerprint("PM001", "deliver")
    assert made != fingerprint("PM002", "deliver")
    assert made != fingerprint("PM001", "deliver-2")
    assert fingerprint("PM001", None) != made
    assert "dpupFinding/v1" == FINGERPRINT_VERSION


def test_an_id_never_appears_in_the_fingerprint() -> None:
    """The subject's id is hashed: a careless id such as a person's name is not written."""
    made = fingerprint("TC001", "Aroha Ngata")
    assert "Aroha" not in made
    assert "Ngata" not in made


def test_subject_id_of_records_and_singletons() -> None:
    """Records are known by their id; the activity and its access practice by having none."""
    activity = load(ROOT / "examples" / "kids-first-before.toml")
    assert subject_id(activity) is None
    assert subject_id(activity.collections[0]) == activity.collections[0].id
    assert subject_id(attrs.make_class("Custom", {"id": attrs.field()})(7)) == "7"


def test_every_finding_of_the_examples_has_one_and_they_are_distinct() -> None:
    """On every example each finding's fingerprint is well formed and names one matter."""
    for path in EXAMPLES:
        report = dpup.evaluate(load(path))
        prints = [f.fingerprint for f in report.findings]
        assert all(PATTERN.match(p) for p in prints), path.name
        assert len(prints) == len(set(prints)), path.name
        for f in report.findings:
            assert f.fingerprint.startswith(f.check_id + "-")


def test_json_carries_the_fingerprint_not_the_id() -> None:
    """The JSON form of a finding ends with its fingerprint; the record's id is not written."""
    report = dpup.evaluate(load(ROOT / "examples" / "kids-first-after.toml"))
    for f, data in zip(report.findings, report.to_dict()["findings"], strict=True):
        assert list(data)[-1] == "fingerprint"
        assert data["fingerprint"] == f.fingerprint
        assert "subject_id" not in data


def test_a_lone_object_is_the_reports_one_subject() -> None:
    """A record evaluated on its own, or as an event in its activity, carries no subject id.

    Such a report is about one subject, so its findings are told apart by check: two versions
    of one event (before and after an edit, even under a new id) compare check by check.
    """
    activity = load(ROOT / "examples" / "kids-first-after.toml")
    disclosure = activity.disclosures[-1]
    alone = dpup.evaluate(disclosure)
    within = dpup.evaluate(disclosure, context=activity)
    renamed = dpup.evaluate(attrs.evolve(disclosure, id="another-event"), context=activity)
    for report in (alone, within, renamed):
        assert all(f.subject_id is None for f in report.findings)
    assert [f.fingerprint for f in alone.findings] == [f.fingerprint for f in within.findings]
    assert [f.fingerprint for f in renamed.findings] == [f.fingerprint for f in within.findings]
    whole = dpup.evaluate(activity)
    here = [f for f in whole.findings if f.subject_id == disclosure.id]
    assert here
    assert {f.fingerprint for f in here}.isdisjoint(f.fingerprint for f in within.findings)


def test_reversing_the_lists_of_every_example_changes_no_fingerprint() -> None:
    """Each example with every list reversed (at every depth) gives the same fingerprints."""
    for path in EXAMPLES:
        activity = load(path)
        reordered = _shuffled(activity, random.Random(7))  # noqa: S311 - test data order
        assert _prints(reordered) == _prints(activity), path.name


def test_a_change_of_status_keeps_the_fingerprint() -> None:
    """Before and after Kids First: a check on the same record keeps its fingerprint."""
    before = dpup.evaluate(load(ROOT / "examples" / "kids-first-before.toml"))
    after = dpup.evaluate(load(ROOT / "examples" / "kids-first-after.toml"))
    was = {f.fingerprint: f.status for f in before.findings}
    changed = [f for f in after.findings if f.fingerprint in was and was[f.fingerprint] != f.status]
    assert changed


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(activities(), st.randoms(use_true_random=False))
def test_shuffling_every_list_keeps_the_fingerprints(
    activity: Activity, rng: random.Random
) -> None:
    """Any activity with every list shuffled gives the same fingerprints, as a multiset."""
    assert _prints(_shuffled(activity, rng)) == _prints(activity)
