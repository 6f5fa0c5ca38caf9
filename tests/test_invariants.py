"""Invariants that hold for every input.

Determinism (across runs and hash seeds), order independence, bounded and monotone scores,
waivers that hide nothing, no I/O while evaluating, and thread safety.
"""

from __future__ import annotations

import builtins
import concurrent.futures
import io
import json
import os
import pathlib
import re
import socket
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dpup
from dpup import Activity, Registry, Report, Score, Waiver, evaluate, unstructure
from dpup.checks import BUILTIN_CHECKS
from dpup.model import (
    AccessPractice,
    AccessRequest,
    CheckAndBalance,
    Collection,
    CorrectionRequest,
    Disclosure,
    Extension,
    FrontlineSupport,
    GroupRecords,
    InformationItem,
    Insight,
    LawBasis,
    Notice,
    RiskAssessment,
    Safeguard,
    SecondaryUse,
    SecurityReview,
    SharingAgreement,
    SupplierNotice,
)
from dpup.render import to_html, to_json, to_junit, to_markdown, to_sarif, to_text
from dpup.testing.strategies import activities, subjects, texts

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
AS_AT = date(2026, 6, 1)
SOME = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": to_text,
    "markdown": to_markdown,
    "json": to_json,
    "sarif": to_sarif,
    "junit": to_junit,
    "html": to_html,
}


def _examples() -> list[Activity]:
    return [dpup.load(p) for p in EXAMPLES]


def _all_scores(report: Report) -> Iterator[tuple[str, Score]]:
    yield "overall", report.overall
    for p, s in report.principle_scores.items():
        yield p.value, s
    for g, s in report.guideline_scores.items():
        yield g.value, s


class TestDeterminism:
    @SOME
    @given(activities())
    def test_same_input_same_bytes(self, activity: Activity) -> None:
        """Evaluating and rendering the same input twice gives byte-identical output."""
        first, second = evaluate(activity, as_at=AS_AT), evaluate(activity, as_at=AS_AT)
        for render in RENDERERS.values():
            assert render(first) == render(second)

    def test_hash_seed_does_not_change_output(self, tmp_path: Path) -> None:
        """JSON and SARIF bytes are the same under different PYTHONHASHSEED values."""
        generated = tmp_path / "generated.json"
        docs: list[object] = []

        @settings(max_examples=25, derandomize=True, database=None, deadline=None)
        @given(activities())
        def collect(activity: Activity) -> None:
            docs.append(unstructure(activity))

        collect()
        generated.write_text(json.dumps(docs), encoding="utf-8")
        script = (
            "import json, sys, datetime, dpup\n"
            "from dpup.render import to_json, to_sarif\n"
            "day = datetime.date(2026, 6, 1)\n"
            "acts = [dpup.load(p) for p in sys.argv[2:]]\n"
            "acts += [dpup.structure(d) for d in json.load(open(sys.argv[1]))]\n"
            "for a in acts:\n"
            "    r = dpup.evaluate(a, as_at=day)\n"
            "    sys.stdout.write(to_json(r) + to_sarif(r))\n"
        )
        outputs = []
        for seed in ("0", "1", "4242"):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            run = subprocess.run(
                [sys.executable, "-c", script, str(generated), *map(str, EXAMPLES)],
                capture_output=True,
                check=True,
                env=env,
            )
            outputs.append(run.stdout)
        assert outputs[0]
        assert outputs[0] == outputs[1] == outputs[2]


class TestRegistryOrder:
    @SOME
    @given(activities(), st.permutations(BUILTIN_CHECKS))
    def test_check_order_does_not_change_results(
        self, activity: Activity, order: list[Any]
    ) -> None:
        """Any order of the catalogue gives the same findings, errors and scores."""
        expected = evaluate(activity, as_at=AS_AT).to_dict()
        actual = evaluate(activity, as_at=AS_AT, registry=Registry(order)).to_dict()
        expected.pop("catalogue_version")
        actual.pop("catalogue_version")
        assert expected == actual


class TestScores:
    @settings(SOME, max_examples=80)
    @given(activities() | subjects())
    def test_scores_are_bounded(self, subject: object) -> None:
        """Every score value lies in [0, 100] or is None, and coverage in [0, 1] or is None."""
        report = evaluate(subject, as_at=AS_AT)
        for name, s in _all_scores(report):
            assert (s.value is None) == (s.met + s.not_met == 0), name
            assert s.value is None or 0 <= s.value <= 100, name
            assert s.coverage is None or 0 <= s.coverage <= 1, name


# ---------------------------------------------------------------------------------------------
# Improving edits: each records a safeguard that is unambiguously better than what was there.
# ---------------------------------------------------------------------------------------------

SAFEGUARD_FLAGS: dict[type, tuple[str, ...]] = {
    Notice: (
        "fact_of_collection",
        "purpose",
        "agency_name_address",
        "law",
        "voluntary_or_mandatory",
        "consequences",
        "access_correction_rights",
        "non_identifying_uses_explained",
        "downstream_uses_explained",
        "other_law_disclosures_explained",
        "child_version",
        "guardian_role_addressed",
        "plain_language_tested",
        "choice_stated",
        "capture_choice_offered",
        "access_restriction_choice_offered",
        "revisit_offered",
        "post_notice_given",
    ),
    SupplierNotice: ("purpose", "onward_sharing", "voluntary_or_mandatory", "statute"),
    Collection: ("opt_out_considered", "designed_with_service_users"),
    RiskAssessment: ("done",),
    LawBasis: ("coverage_confirmed",),
    Disclosure: (
        "accuracy_checked",
        "person_told",
        "person_involved",
        "research_undertaking",
        "output_controls",
        "threat_assessed",
    ),
    SharingAgreement: (
        "users_would_agree_checked",
        "mutually_agreed",
        "users_told",
        "outcomes_reported_back",
        "access_protocol",
        "access_restricted_to_purpose",
        "burden_assessed",
        "joint_referral",
    ),
    SecondaryUse: ("agreed_by_partners", "communicated_to_users"),
    Extension: ("reasons_given", "complaint_right_stated"),
    AccessRequest: (
        "complaint_right_stated",
        "correction_right_stated",
        "assistance_offered",
        "preference_followed",
        "grounds_confirmed",
    ),
    # Not statement_attached: attaching a statement of correction also starts the duty to tell
    # the recipients (AI004), so recording it can rightly reveal a new gap.
    CorrectionRequest: ("reasons_given", "statement_offered", "complaint_right_stated"),
    AccessPractice: (
        "rights_explained_at_enrolment",
        "how_to_ask_explained",
        "proactive_copies",
        "self_correction",
        "preferences_recorded",
        "records_co_completed",
        "own_perspective_recorded",
    ),
    Insight: (
        "secondary_suppression_done",
        "community_review_done",
        "qualitative_context",
        "contributors_involved_from_start",
        "maori_partners_involved",
        "collective_benefit_stated",
    ),
    FrontlineSupport: (
        "script_or_faq",
        "trained",
        "named_contact",
        "sharing_training",
        "sharing_procedure",
    ),
    SecurityReview: ("staff_tools_checked",),
    GroupRecords: ("handling_agreed", "explained", "shown_to_participants", "disposal_agreed"),
}
"""Facts whose recorded ``True`` is a safeguard in place (a notice that was tested, a person
who was told, a right that was stated). Recording one, where it was unrecorded or ``False``,
is an improving edit."""

BARRIER_FLAGS: dict[type, tuple[str, ...]] = {
    AccessRequest: ("required_writing", "required_lawyer"),
    AccessPractice: ("requires_writing", "requires_lawyer"),
}
"""Barriers to access. Removing one that was recorded as ``True`` is an improving edit (an
unrecorded barrier is left alone: recording ``False`` would be adding a fact, not a fix)."""


@attrs.frozen
class Edit:
    """One improving edit, applied to the ``index``-th object it can change (in walk order).

    Attributes:
        name: what the edit records.
        applies: whether the edit can change an object.
        apply: the object after the edit.
    """

    name: str
    applies: Callable[[Any, Activity], bool]
    apply: Callable[[Any, Activity], Any]


def _flag_edit(cls: type, field: str, *, value: bool) -> Edit:
    def applies(obj: Any, _: Activity) -> bool:
        if not isinstance(obj, cls):
            return False
        current = getattr(obj, field)
        return current is not True if value else current is True

    return Edit(
        f"{cls.__name__}.{field} := {value}",
        applies,
        lambda obj, _: attrs.evolve(obj, **{field: value}),
    )


def _recipients(activity: Activity) -> tuple[str, ...]:
    names = (d.recipient.name for d in activity.disclosures if d.recipient is not None)
    return tuple(dict.fromkeys(names))


STRUCTURAL_EDITS = (
    Edit(
        "name every disclosure recipient in a notice that lists recipients",
        lambda o, a: (
            isinstance(o, Notice)
            and o.recipients is not None
            and bool(set(_recipients(a)) - set(o.recipients))
        ),
        lambda o, a: attrs.evolve(
            o, recipients=(*o.recipients, *(r for r in _recipients(a) if r not in o.recipients))
        ),
    ),
    Edit(
        "tell every recipient of a correction",
        lambda o, _: (
            isinstance(o, CorrectionRequest)
            and bool(set(o.disclosures or ()) - set(o.notified or ()))
        ),
        lambda o, _: attrs.evolve(
            o,
            notified=(
                *(o.notified or ()),
                *(d for d in o.disclosures if d not in (o.notified or ())),
            ),
        ),
    ),
    Edit(
        "add every safeguard to a collection's recorded safeguards",
        lambda o, _: (
            isinstance(o, Collection)
            and o.safeguards is not None
            and set(o.safeguards) != set(Safeguard)
        ),
        lambda o, _: attrs.evolve(o, safeguards=tuple(Safeguard)),
    ),
    Edit(
        "add a privacy impact assessment to a collection's recorded checks",
        lambda o, _: (
            isinstance(o, Collection)
            and o.checks_done is not None
            and CheckAndBalance.PRIVACY_IMPACT_ASSESSMENT not in o.checks_done
        ),
        lambda o, _: attrs.evolve(
            o, checks_done=(*o.checks_done, CheckAndBalance.PRIVACY_IMPACT_ASSESSMENT)
        ),
    ),
    Edit(
        "link an item recorded as serving no purpose to a purpose",
        lambda o, a: isinstance(o, InformationItem) and o.purposes == () and bool(a.purposes),
        lambda o, a: attrs.evolve(o, purposes=(a.purposes[0].id,)),
    ),
)

EDITS: tuple[Edit, ...] = (
    *(_flag_edit(cls, f, value=True) for cls, fields in SAFEGUARD_FLAGS.items() for f in fields),
    *(_flag_edit(cls, f, value=False) for cls, fields in BARRIER_FLAGS.items() for f in fields),
    *STRUCTURAL_EDITS,
)


def apply_edit(activity: Activity, edit: Edit, index: int) -> Activity | None:
    """Return ``activity`` with ``edit`` applied to the ``index``-th object it can change.

    Returns ``None`` when there are not that many such objects.
    """
    seen = 0

    def walk(obj: Any) -> Any:
        nonlocal seen
        if isinstance(obj, tuple):
            return tuple(walk(item) for item in obj)
        if not attrs.has(type(obj)) or isinstance(obj, dpup.model.Table):
            return obj
        changes = {}
        for f in attrs.fields(type(obj)):
            if f.init:
                value = getattr(obj, f.name)
                new = walk(value)
                if new is not value:
                    changes[f.name] = new
        if changes:
            obj = attrs.evolve(obj, **changes)
        if edit.applies(obj, activity):
            if seen == index:
                obj = edit.apply(obj, activity)
            seen += 1
        return obj

    edited: Activity = walk(activity)
    return None if seen <= index else edited


def assert_no_score_drops(before: Report, after: Report, what: str) -> None:
    """No principle, guideline or overall score is lower after the edit than before."""
    after_scores = dict(_all_scores(after))
    for name, old in _all_scores(before):
        new = after_scores[name]
        if old.value is not None and new.value is not None:
            assert new.value >= old.value, f"{what} lowered the {name} score"


class TestImprovingEdits:
    def test_edits_are_documented(self) -> None:
        """Every improving edit has a distinct name."""
        names = [e.name for e in EDITS]
        assert len(set(names)) == len(names)

    @pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
    def test_every_edit_on_every_example_never_lowers_a_score(self, path: Path) -> None:
        """Each improving edit, on each object of an example it applies to, lowers no score."""
        activity = dpup.load(path)
        before = evaluate(activity, as_at=AS_AT)
        applied = 0
        for edit in EDITS:
            for index in range(20):
                edited = apply_edit(activity, edit, index)
                if edited is None:
                    break
                applied += 1
                assert_no_score_drops(before, evaluate(edited, as_at=AS_AT), edit.name)
        assert applied

    @settings(SOME, max_examples=150)
    @given(activities(), st.sampled_from(EDITS), st.integers(0, 3))
    def test_improving_edits_never_lower_a_score(
        self, activity: Activity, edit: Edit, index: int
    ) -> None:
        """On any activity, any improving edit leaves every score the same or higher."""
        edited = apply_edit(activity, edit, index)
        if edited is None:
            return
        before, after = evaluate(activity, as_at=AS_AT), evaluate(edited, as_at=AS_AT)
        assert_no_score_drops(before, after, edit.name)


# ---------------------------------------------------------------------------------------------
# Waivers hide nothing
# ---------------------------------------------------------------------------------------------

CHECK_ID = re.compile(r"\b(?:PM|TC|AI|SV)\d{3}\b")


@st.composite
def waivers_for(draw: st.DrawFn, report: Report) -> tuple[Waiver, ...]:
    """Draw waivers for checks (and sometimes subjects) that found something in ``report``."""
    found = sorted({(f.check_id, f.subject) for f in report.findings})
    if not found:
        return ()
    chosen = draw(st.lists(st.sampled_from(found), max_size=6))
    return tuple(
        Waiver(
            check_id,
            draw(texts()),
            subject=draw(st.sampled_from([None, subject])),
            expires=draw(st.none() | st.dates(date(2025, 1, 1), date(2027, 12, 31))),
        )
        for check_id, subject in chosen
    )


class TestWaivers:
    @SOME
    @given(activities(), st.data())
    def test_waivers_never_remove_a_finding_from_any_output(
        self, activity: Activity, data: st.DataObject
    ) -> None:
        """With waivers, every output still shows every finding it showed without them."""
        plain = evaluate(activity, as_at=AS_AT)
        waivers = data.draw(waivers_for(plain))
        waived = evaluate(activity, as_at=AS_AT, waivers=waivers)
        strip = [attrs.evolve(f, waiver=None) for f in waived.findings]
        assert list(plain.findings) == strip
        for name, render in RENDERERS.items():
            before, after = (
                Counter(CHECK_ID.findall(render(plain))),
                Counter(CHECK_ID.findall(render(waived))),
            )
            assert [] == [c for c in before if after[c] < before[c]], name
        assert len(plain.to_dict()["findings"]) == len(waived.to_dict()["findings"])


# ---------------------------------------------------------------------------------------------
# No I/O while evaluating
# ---------------------------------------------------------------------------------------------


class IOAttemptedError(AssertionError):
    """Evaluation tried to open a file or a socket."""


def _refuse(*args: object, **kwargs: object) -> Any:
    raise IOAttemptedError


def _no_io() -> ExitStack:
    """Patch every way of opening a file or a socket to raise `IOAttemptedError`."""
    stack = ExitStack()
    for target, name in [
        (builtins, "open"),
        (io, "open"),
        (io, "open_code"),
        (os, "open"),
        (socket, "socket"),
        (socket, "create_connection"),
        (pathlib.Path, "open"),
        (pathlib.Path, "read_text"),
        (pathlib.Path, "read_bytes"),
        (pathlib.Path, "write_text"),
        (pathlib.Path, "write_bytes"),
    ]:
        stack.enter_context(mock.patch.object(target, name, _refuse))
    return stack


@pytest.fixture(scope="module")
def warm() -> None:
    """Evaluate every example once, so lazily built tables exist before I/O is patched.

    The registry and the working-day calendar build on first use (the calendar reads the
    holidays package, and the engine's version comes from package metadata).
    """
    for activity in _examples():
        evaluate(activity, as_at=AS_AT)


@pytest.mark.usefixtures("warm")
class TestNoIO:
    """Evaluation is pure once warm: it opens no file and no socket."""

    def test_patch_catches_io(self) -> None:
        """The patch itself works: opening a file raises while it is active."""
        with _no_io(), pytest.raises(IOAttemptedError):
            Path(__file__).read_text(encoding="utf-8")

    def test_examples_evaluate_without_io(self) -> None:
        """Every example evaluates with files and sockets out of reach."""
        activities_ = _examples()
        with _no_io():
            reports = [evaluate(a, as_at=AS_AT) for a in activities_]
        assert all(r.findings for r in reports)

    @SOME
    @given(activities())
    def test_generated_activities_evaluate_without_io(self, activity: Activity) -> None:
        """Any generated activity evaluates with files and sockets out of reach."""
        with _no_io():
            report = evaluate(activity, as_at=AS_AT)
        assert () == report.errors


# ---------------------------------------------------------------------------------------------
# Threads
# ---------------------------------------------------------------------------------------------


class TestThreads:
    def test_eight_threads_get_identical_reports(self) -> None:
        """Eight threads evaluating the same activities at once produce identical reports."""
        subjects_: list[Activity] = _examples()

        @settings(max_examples=12, derandomize=True, database=None, deadline=None)
        @given(activities())
        def collect(activity: Activity) -> None:
            subjects_.append(activity)

        collect()
        registry = Registry(BUILTIN_CHECKS)  # fresh: its selection cache fills concurrently
        expected = [
            to_json(evaluate(a, as_at=AS_AT, registry=registry, select=["PM", "TC", "AI", "SV"]))
            for a in subjects_
        ]
        fresh = Registry(BUILTIN_CHECKS)
        start = threading.Barrier(8)

        def work(_: int) -> list[str]:
            start.wait()
            return [
                to_json(evaluate(a, as_at=AS_AT, registry=fresh, select=["PM", "TC", "AI", "SV"]))
                for a in subjects_
            ]

        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(work, range(8)))
        assert all(expected == r for r in results)
