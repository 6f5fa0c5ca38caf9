"""Only what is new: mark a report's findings against a baseline written by an earlier run.

A programme that adopts dpup already has known findings; a CI job that failed on every one of
them on its first run would be switched off. A `Baseline` is what an earlier run reported,
read from its JSON report (``dpup evaluate --format json``) or from a SARIF log dpup wrote. A
new report's findings are then marked, by fingerprint (`dpup.fingerprints`), as:

* ``new``: the baseline has no finding on that matter;
* ``unchanged``: the baseline has it with the same status;
* ``updated``: the baseline has it with another status (met then, not met now);

and the baseline's findings the new report no longer has are ``absent``. These are SARIF's
``baselineState`` values. `Baseline.passed` is `Report.passed` limited to what is new: a
finding fails only when it is new or updated, so the known findings of the baseline do not
fail the run while they stay as they were.

A baseline file is input: a malformed one is refused with every problem listed, each at its
path, as any other input (`dpup.errors.InputError`). Only the structure dpup needs is read:
each finding's fingerprint, check id, status, subject and message.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

import attrs

from dpup.errors import InputError, Problem
from dpup.fingerprints import FINGERPRINT_VERSION
from dpup.report import Finding, Report
from dpup.vocabulary import Status

__all__ = [
    "BASELINE_LIMIT",
    "Baseline",
    "BaselineEntry",
    "BaselineState",
    "load_baselines",
    "match",
]

BASELINE_LIMIT = 64 * 1024 * 1024
"""The largest baseline file read, in bytes."""

_FINGERPRINT_FORM = "a fingerprint such as PM001-0123456789abcdef"


class BaselineState(Enum):
    """How a finding stands against a baseline (SARIF 2.1.0 ``result.baselineState``)."""

    NEW = "new"
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    ABSENT = "absent"

    @property
    def sarif(self) -> str:
        """The SARIF ``baselineState`` value."""
        return self.value


@attrs.frozen
class BaselineEntry:
    """One finding of a baseline: only what matching and reporting it need.

    Attributes:
        fingerprint: the finding's fingerprint.
        check_id: its check.
        status: its status then.
        subject: its subject's path then.
        message: its message then, as the file gives it. The file is input and may have
            been edited, so no renderer shows it (`dpup.render.baseline`).
    """

    fingerprint: str
    check_id: str
    status: Status
    subject: str
    message: str


def _entry(f: Finding) -> BaselineEntry:
    return BaselineEntry(f.fingerprint, f.check_id, f.status, f.subject, f.message)


@attrs.frozen
class Baseline:
    """What an earlier run reported, to mark a new report's findings against.

    Attributes:
        entries: the earlier findings, in the order reported.
        label: the earlier report's label (its file name, or a test id), if it had one.
    """

    entries: tuple[BaselineEntry, ...]
    label: str | None = None

    @classmethod
    def from_report(cls, report: Report) -> Baseline:
        """Return the baseline a report makes: every one of its findings."""
        return cls(tuple(_entry(f) for f in report.findings), report.label)

    @classmethod
    def from_data(cls, data: object, where: str = "$") -> Baseline:
        """Return the baseline in a JSON report's data (`Report.to_dict`'s form).

        Args:
            data: the parsed JSON of one report.
            where: the path of ``data`` in its file, for problems.

        Raises:
            InputError: ``data`` is not a report with fingerprinted findings; every problem
                is listed at its path.
        """
        problems: list[Problem] = []
        entries = tuple(_report_entries(data, where, problems))
        if problems:
            raise InputError(problems)
        label = data.get("label") if isinstance(data, dict) else None
        return cls(entries, label if isinstance(label, str) else None)

    def _pool(self) -> dict[str, list[BaselineEntry]]:
        pool: dict[str, list[BaselineEntry]] = {}
        for e in self.entries:
            pool.setdefault(e.fingerprint, []).append(e)
        return pool

    def states(self, report: Report) -> tuple[BaselineState, ...]:
        """Return the state of each of ``report``'s findings, in the report's order.

        Findings sharing a fingerprint (a check giving several outcomes on one subject) are
        paired with the baseline's in order.
        """
        pool = self._pool()
        taken: Counter[str] = Counter()
        states = []
        for f in report.findings:
            fp = f.fingerprint
            earlier = pool.get(fp, ())
            n = taken[fp]
            taken[fp] += 1
            if n >= len(earlier):
                states.append(BaselineState.NEW)
            elif earlier[n].status is f.status:
                states.append(BaselineState.UNCHANGED)
            else:
                states.append(BaselineState.UPDATED)
        return tuple(states)

    def absent(self, report: Report) -> tuple[BaselineEntry, ...]:
        """Return the baseline's findings that ``report`` no longer has, in baseline order."""
        left = Counter(f.fingerprint for f in report.findings)
        gone = []
        for e in self.entries:
            if left[e.fingerprint] > 0:
                left[e.fingerprint] -= 1
            else:
                gone.append(e)
        return tuple(gone)

    def new_findings(self, report: Report) -> tuple[Finding, ...]:
        """Return ``report``'s findings that are new or updated against the baseline."""
        return tuple(
            f
            for f, state in zip(report.findings, self.states(report), strict=True)
            if state is not BaselineState.UNCHANGED
        )

    def passed(self, report: Report, fail_on: Status = Status.NOT_MET) -> bool:
        """Whether nothing new or updated, unwaived, is at or above ``fail_on``.

        As `Report.passed`, limited to findings that are not unchanged since the baseline. A
        crashed check always fails.

        Args:
            report: the new report.
            fail_on: `Status.NOT_MET`, or `Status.NEEDS_REVIEW` to fail on new reviews too.
        """
        if report.errors:
            return False
        failing = {Status.NOT_MET}
        if fail_on is Status.NEEDS_REVIEW:
            failing.add(Status.NEEDS_REVIEW)
        return not any(f.status in failing and f.waiver is None for f in self.new_findings(report))


def _report_entries(data: object, where: str, problems: list[Problem]) -> Iterator[BaselineEntry]:
    if not isinstance(data, dict):
        problems.append(Problem("expected a dpup JSON report (an object)", where))
        return
    if "runs" in data:
        yield from _sarif_entries(data, where, problems)
        return
    findings = data.get("findings")
    if not isinstance(findings, list):
        problems.append(Problem("expected a list of findings", f"{where}.findings"))
        return
    for i, item in enumerate(findings):
        at = f"{where}.findings[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem("expected a finding (an object)", at))
            continue
        if "fingerprint" not in item:
            problems.append(Problem("expected a fingerprint (a report of schema 1.2 or later)", at))
            continue
        entry = _entry_of(item, at, problems)
        if entry is not None:
            yield entry


_REPORT_FIELDS: dict[str, str] = {
    key: key for key in ("fingerprint", "check_id", "status", "subject", "message")
}
"""Where each field of a baseline entry is in a finding of a dpup JSON report."""

_SARIF_FIELDS: dict[str, str] = {
    "fingerprint": "partialFingerprints",
    "check_id": "ruleId",
    "status": "properties.status",
    "subject": "locations[0].logicalLocations[0].fullyQualifiedName",
    "message": "message.text",
}
"""Where each field of a baseline entry is in a SARIF result, so problems name real paths."""


def _text(
    item: Mapping[str, Any], key: str, at: str, problems: list[Problem], fields: Mapping[str, str]
) -> str | None:
    value = item.get(key)
    if isinstance(value, str) and value:
        return value
    problems.append(Problem("expected non-empty text", f"{at}.{fields[key]}"))
    return None


def _entry_of(
    item: Mapping[str, Any],
    at: str,
    problems: list[Problem],
    fields: Mapping[str, str] = _REPORT_FIELDS,
) -> BaselineEntry | None:
    before = len(problems)
    fingerprint = item.get("fingerprint")
    check_id = _text(item, "check_id", at, problems, fields)
    # A missing check id is one problem, not a second one of its fingerprint as well.
    if not isinstance(fingerprint, str) or (
        check_id is not None and not fingerprint.startswith(check_id + "-")
    ):
        problems.append(Problem(f"expected {_FINGERPRINT_FORM}", f"{at}.{fields['fingerprint']}"))
    status_text = item.get("status")
    try:
        status = Status(status_text)
    except ValueError:
        known = ", ".join(s.value for s in Status)
        problems.append(Problem(f"expected one of {known}", f"{at}.{fields['status']}"))
    subject = _text(item, "subject", at, problems, fields)
    message = item.get("message")
    if not isinstance(message, str):
        problems.append(Problem("expected text", f"{at}.{fields['message']}"))
    if len(problems) > before:
        return None
    return BaselineEntry(fingerprint, check_id, status, subject, message)  # type: ignore[arg-type]


def _sarif_entries(
    data: Mapping[str, Any], where: str, problems: list[Problem]
) -> Iterator[BaselineEntry]:
    runs = data.get("runs")
    if not isinstance(runs, list) or len(runs) != 1:
        problems.append(Problem("expected a SARIF log with one run", f"{where}.runs"))
        return
    yield from _run_entries(runs[0], f"{where}.runs[0]", problems)


def _run_entries(run: object, at: str, problems: list[Problem]) -> Iterator[BaselineEntry]:
    results = run.get("results") if isinstance(run, dict) else None
    if not isinstance(results, list):
        problems.append(Problem("expected a list of results", f"{at}.results"))
        return
    for i, result in enumerate(results):
        here = f"{at}.results[{i}]"
        if not isinstance(result, dict):
            problems.append(Problem("expected a result (an object)", here))
            continue
        if result.get("baselineState") == "absent":
            continue  # reported as gone last time: not part of what that run found
        prints = result.get("partialFingerprints")
        props = result.get("properties")
        message = result.get("message")
        locations = result.get("locations")
        try:
            subject = locations[0]["logicalLocations"][0]["fullyQualifiedName"]  # type: ignore[index]
        except (TypeError, LookupError, KeyError):
            subject = None
        item = {
            "fingerprint": prints.get(FINGERPRINT_VERSION) if isinstance(prints, dict) else None,
            "check_id": result.get("ruleId"),
            "status": props.get("status") if isinstance(props, dict) else None,
            "subject": subject,
            "message": message.get("text") if isinstance(message, dict) else None,
        }
        entry = _entry_of(item, here, problems, _SARIF_FIELDS)
        if entry is not None:
            yield entry


def _documents(text: str) -> Iterator[tuple[int, object]]:
    """Yield each JSON value in ``text`` (the command writes one report after another)."""
    decoder = json.JSONDecoder()
    position = 0
    index = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return
        value, position = decoder.raw_decode(text, position)
        yield index, value
        index += 1


def load_baselines(path: str | Path) -> tuple[Baseline, ...]:
    """Read the baselines in a file written by ``dpup evaluate --format json`` (or ``sarif``).

    A JSON output holds one report per file evaluated, one after another; a SARIF log one run
    per file. Each becomes one `Baseline`, in order, labelled as its report was.

    Raises:
        InputError: the file is not JSON, is too large, or is not dpup reports with
            fingerprinted findings; every problem is listed at its path (``$[1].findings[3]``
            is the fourth finding of the second report).
        OSError: the file cannot be read.
    """
    try:
        return _load(Path(path))
    except InputError as bad:
        raise InputError(bad.problems, source=str(path)) from None


def _load(path: Path) -> tuple[Baseline, ...]:
    with path.open("rb") as stream:
        raw = stream.read(BASELINE_LIMIT + 1)
    if len(raw) > BASELINE_LIMIT:
        raise InputError([Problem(f"expected a baseline of at most {BASELINE_LIMIT} bytes")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError([Problem("expected UTF-8 text")]) from None
    try:
        documents = list(_documents(text))
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise InputError([Problem(f"expected JSON ({exc.msg} at {where})")]) from None
    except RecursionError:
        # The decoder recurses once per level; a report is never nested more than a few.
        raise InputError([Problem("expected a dpup JSON report (nested far too deeply)")]) from None
    if not documents:
        raise InputError([Problem("expected at least one dpup JSON report")])
    problems: list[Problem] = []
    baselines: list[Baseline] = []
    several = len(documents) > 1
    for index, data in documents:
        where = f"$[{index}]" if several else "$"
        if isinstance(data, dict) and isinstance(data.get("runs"), list):
            for r, run in enumerate(data["runs"]):
                found: list[Problem] = []
                entries = tuple(_run_entries(run, f"{where}.runs[{r}]", found))
                problems += found
                props = run.get("properties") if isinstance(run, dict) else None
                label = props.get("label") if isinstance(props, dict) else None
                baselines.append(Baseline(entries, label if isinstance(label, str) else None))
            continue
        try:
            baselines.append(Baseline.from_data(data, where))
        except InputError as bad:
            problems += bad.problems
    if problems:
        raise InputError(problems)
    return tuple(baselines)


def match(labels: Iterable[str | None], baselines: tuple[Baseline, ...]) -> list[Baseline | None]:
    """Return, for each report label, its baseline: by label, or the only one there is.

    A baseline of one report goes with a run of one report whatever the labels; otherwise a
    report is matched with the baseline of the same label, and one with none has no baseline
    (all its findings are new).
    """
    labels = list(labels)
    if len(labels) == 1 and len(baselines) == 1:
        return [baselines[0]]
    by_label = {b.label: b for b in baselines if b.label is not None}
    return [None if label is None else by_label.get(label) for label in labels]
