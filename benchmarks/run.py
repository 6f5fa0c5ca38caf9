"""Run every workload, check every budget, print the table and write ``results.json``.

``python -m benchmarks`` (what ``make bench`` runs) exits 1 when a budget is missed or a peer
is missing, so the suite can gate a change. ``--smoke`` runs everything once on tiny inputs
and judges nothing; ``--profile NAME`` profiles one workload with pyinstrument instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib.util
import json
import os
import platform
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

import dpup
from benchmarks import cross, people, relations, release
from benchmarks import workloads as w
from benchmarks.harness import Timing, interleave
from benchmarks.request_json import cedar_json, request_json

__all__ = ["Budget", "COLD_COPIES", "Config", "Results", "judge", "main", "measure", "table"]

RESULTS = Path(__file__).resolve().parent / "results.json"

COLD_COPIES = 512
"""Equal activities the cold workloads cycle through: far more than dpup keeps indexes of."""


@attrs.frozen
class Config:
    """How much to measure.

    Attributes:
        rounds: samples per request-path workload.
        target: the shortest a request-path sample may last, in seconds.
        deadline_count: access requests in the caseload.
        deadline_rounds: samples of the caseload workloads.
        scale_sizes: collection sizes; the first and last are compared for linearity.
        scale_rounds: samples per collection size.
        scale_target: the shortest a collection sample may last, in seconds (a relation
            sample too).
        relation_sizes: records on each side of every relation; the first and last are
            compared for linearity.
        relation_rounds: samples per relation and size.
        memory_size: the collection size whose memory is traced.
        people_sizes: people a case-management server holds while one person's disclosure
            is checked; the first and last are compared (the cost must stay flat).
        import_runs: fresh interpreters timed importing dpup.
        peers: whether to time cedarpy and numpy.
        smoke: tiny inputs, one sample each, nothing judged.
    """

    rounds: int = 41
    target: float = 0.02
    deadline_count: int = 1_000_000
    deadline_rounds: int = 11
    scale_sizes: tuple[int, ...] = (1_000, 10_000, 100_000)
    scale_rounds: int = 5
    scale_target: float = 0.25
    relation_sizes: tuple[int, ...] = (1_000, 10_000)
    relation_rounds: int = 5
    memory_size: int = 100_000
    people_sizes: tuple[int, ...] = (10, 100, 1_000, 10_000)
    import_runs: int = 9
    peers: bool = True
    smoke: bool = False


SMOKE = Config(
    rounds=1,
    target=0.0,
    deadline_count=200,
    deadline_rounds=1,
    scale_sizes=(10, 20, 40),
    scale_rounds=1,
    scale_target=0.0,
    relation_sizes=(10, 20),
    relation_rounds=1,
    memory_size=40,
    people_sizes=(10, 20),
    import_runs=1,
    smoke=True,
)
"""Everything once, on tiny inputs: what the smoke test runs."""


@attrs.frozen
class Budget:
    """One budget and how the run measured against it.

    Attributes:
        name: what is compared.
        measured: the measured figure (a ratio, or seconds, or a count).
        limit: the most it may be.
        unit: how to show both: ``x`` for a ratio, ``ms`` or ``s`` for time, ``""`` for a
            plain number.
        status: PASS, MISS or SKIP (a peer is not installed).
    """

    name: str
    measured: float | None
    limit: float
    unit: str
    status: str

    def to_dict(self) -> dict[str, Any]:
        """Return the budget as JSON-ready data."""
        return {
            "name": self.name,
            "measured": self.measured,
            "limit": self.limit,
            "unit": self.unit,
            "status": self.status,
        }


@attrs.frozen
class Results:
    """Everything one run measured.

    Attributes:
        timings: per-workload timings, by name.
        labels: a human label per workload name.
        single_checks: check calls in the single-event evaluation.
        full_checks: check calls in the full-activity evaluation.
        memory: traced memory of the largest collection.
        imports: one timing per fresh interpreter.
        config: how much was measured.
    """

    timings: dict[str, Timing]
    labels: dict[str, str]
    single_checks: int
    full_checks: int
    memory: w.MemoryUse
    imports: tuple[w.ImportTiming, ...]
    config: Config

    @property
    def import_ms(self) -> float:
        """Median ``import dpup`` time in milliseconds."""
        return statistics.median(t.microseconds for t in self.imports) / 1000

    @property
    def heavy_imports(self) -> tuple[str, ...]:
        """Heavy modules that any run saw imported."""
        return tuple(sorted({m for t in self.imports for m in t.heavy}))


def _have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _request_workloads(
    config: Config,
    activity: dpup.Activity,
    single_checks: int,
    full_checks: int,
    labels: dict[str, str],
) -> dict[str, Callable[[], object]]:
    """Return the request-path workloads by name, adding their labels to ``labels``."""
    request: dict[str, Callable[[], object]] = {}
    # The budgets use the warm calls (the same activity object every call, as a server
    # holding a case in memory makes them); the cold ones, on a fresh but equal activity
    # each call, are shown beside them.
    copies = w.fresh_copies(8 if config.smoke else COLD_COPIES)
    labels["single-event"] = f"single event ({single_checks} checks)"
    request["single-event"] = w.single_event(activity)
    labels["single-event-cold"] = "  cold: a fresh equal activity each call"
    request["single-event-cold"] = w.single_event_cold(copies)
    labels["floor-single"] = f"floor, {single_checks} trivial checks"
    request["floor-single"] = w.floor(single_checks)
    labels["full-activity"] = f"full activity ({full_checks} checks)"
    request["full-activity"] = w.full_activity(activity)
    labels["full-activity-cold"] = "  cold: a fresh equal activity each call"
    request["full-activity-cold"] = w.full_activity_cold(copies)
    labels["floor-full"] = f"floor, {full_checks} trivial checks"
    request["floor-full"] = w.floor(full_checks)
    labels["load-evaluate"] = "load TOML + evaluate"
    request["load-evaluate"] = w.load_evaluate()
    labels["request-json"] = "request: JSON in, evaluate, JSON out"
    request["request-json"] = request_json(activity)
    if config.peers and _have("cedarpy"):
        labels["cedarpy"] = "peer: cedarpy.is_authorized"
        request["cedarpy"] = w.cedar_decision()
        labels["cedarpy-json"] = "peer: cedarpy, JSON in and out"
        request["cedarpy-json"] = cedar_json()
    return request


def measure(config: Config, log: Callable[[str], None] = print) -> Results:
    """Build and time every workload as ``config`` says."""
    activity = w.kids_first()
    disclosure = activity.disclosures[0]
    single_checks = w.count_check_calls(disclosure, activity)
    full_checks = w.count_check_calls(activity)
    labels: dict[str, str] = {}

    request = _request_workloads(config, activity, single_checks, full_checks, labels)
    log("timing the request-path workloads ...")
    timings = interleave(request, rounds=config.rounds, target=config.target)

    received = w.received_dates(config.deadline_count)
    caseload: dict[str, Callable[[], object]] = {"deadlines": w.deadlines(received)}
    labels["deadlines"] = f"caseload deadlines ({config.deadline_count:,} requests)"
    if config.peers and _have("numpy"):
        caseload["numpy-deadlines"] = w.numpy_deadlines(received)
        labels["numpy-deadlines"] = "peer: numpy.busday_offset"
    log("timing the caseload deadlines ...")
    units = dict.fromkeys(caseload, config.deadline_count)
    timings |= interleave(caseload, rounds=config.deadline_rounds, target=0.0, units=units)
    del received, caseload

    sizes = {f"scale-{n}": n for n in config.scale_sizes}
    labels |= {name: f"scale: collection of {n:,} items" for name, n in sizes.items()}
    log("timing the scale workloads ...")
    scale = {name: w.scale(n) for name, n in sizes.items()}
    timings |= interleave(
        scale, rounds=config.scale_rounds, target=config.scale_target, units=sizes
    )
    del scale

    log("tracing memory ...")
    memory = w.memory_use(config.memory_size)
    log("timing import dpup ...")
    imports = tuple(
        w.import_time(compile_first=not config.smoke) for _ in range(config.import_runs)
    )
    # Last, so the memory is traced with dpup's bounded memos as the scale workloads left
    # them: the relations' tens of thousands of findings would replace their contents.
    log("timing the relation workloads ...")
    timings |= _relations(config, labels)
    log("timing one person's request with many people held ...")
    sizes_held = config.people_sizes
    held = {f"people-{n}": people.caseload(activity, n) for n in sizes_held}
    labels |= {f"people-{n}": f"one person's disclosure, {n:,} people held" for n in sizes_held}
    timings |= interleave(held, rounds=config.rounds, target=config.target)
    log("timing disclosure control: one table, and a release of ten ...")
    calls, names, cells = release.workloads(smoke=config.smoke)
    labels |= names
    timings |= interleave(calls, rounds=config.scale_rounds, target=0.0, units=cells)
    log("timing disclosure control: a three-way table of 100,000 cells ...")
    calls, names, cells = cross.workloads(smoke=config.smoke)
    labels |= names
    timings |= interleave(calls, rounds=config.scale_rounds, target=0.0, units=cells)
    return Results(timings, labels, single_checks, full_checks, memory, imports, config)


def _relations(config: Config, labels: dict[str, str]) -> dict[str, Timing]:
    """Time every relation shape at every size, interleaved, per record on each side."""
    funcs: dict[str, Callable[[], object]] = {}
    units: dict[str, int] = {}
    for shape, build in relations.SHAPES.items():
        for n in config.relation_sizes:
            name = f"{shape}-{n}"
            labels[name] = f"{relations.TITLES[shape]}, {n:,} each"
            funcs[name] = relations.evaluation(build(n))
            units[name] = n
    return interleave(funcs, rounds=config.relation_rounds, target=config.scale_target, units=units)


def _ratio(results: Results, a: str, b: str) -> float | None:
    if a not in results.timings or b not in results.timings:
        return None
    return results.timings[a].median / results.timings[b].median


def _per_unit_ratio(results: Results, a: str, b: str) -> float | None:
    if a not in results.timings or b not in results.timings:
        return None
    return results.timings[a].per_unit / results.timings[b].per_unit


def judge(results: Results) -> list[Budget]:
    """Return every budget with its measured figure and PASS, MISS or SKIP."""

    def budget(name: str, measured: float | None, limit: float, unit: str) -> Budget:
        status = "SKIP" if measured is None else "PASS" if measured <= limit else "MISS"
        return Budget(name, measured, limit, unit, status)

    t = results.timings
    sizes = results.config.scale_sizes
    small, large = f"scale-{sizes[0]}", f"scale-{sizes[-1]}"
    heavy = results.heavy_imports
    few, many = results.config.relation_sizes[0], results.config.relation_sizes[-1]
    fewest, most = results.config.people_sizes[0], results.config.people_sizes[-1]
    linear = [
        budget(
            f"{relations.TITLES[shape]}, per record {many:,} / {few:,}",
            t[f"{shape}-{many}"].per_unit / t[f"{shape}-{few}"].per_unit,
            1.3,
            "x",
        )
        for shape in relations.SHAPES
    ]
    return [
        budget("single event / cedarpy decision", _ratio(results, "single-event", "cedarpy"),
               0.4, "x"),
        budget("request JSON end to end / cedarpy JSON end to end",
               _ratio(results, "request-json", "cedarpy-json"), 1.0, "x"),
        budget(f"full activity / floor of {results.full_checks} checks",
               _ratio(results, "full-activity", "floor-full"), 8.0, "x"),
        budget(f"{results.config.deadline_count:,} deadlines / numpy.busday_offset",
               _ratio(results, "deadlines", "numpy-deadlines"), 2.0, "x"),
        budget(f"{results.config.deadline_count:,} deadlines, absolute",
               t["deadlines"].median, 0.5, "s"),
        budget(f"per item at {sizes[-1]:,} / per item at {sizes[0]:,}",
               t[large].per_unit / t[small].per_unit, 1.2, "x"),
        budget("import dpup", results.import_ms, 150.0, "ms"),
        budget("heavy modules imported (" + (", ".join(heavy) or "none") + ")",
               float(len(heavy)), 0.0, ""),
        budget(f"peak memory / input dicts at {results.config.memory_size:,} items",
               results.memory.ratio, 5.0, "x"),
        *linear,
        budget(f"one person's disclosure, {most:,} people held / {fewest:,} held",
               _ratio(results, f"people-{most}", f"people-{fewest}"), 1.3, "x"),
        budget("audit_release of 10 tables / suppress + audit, per position",
               _per_unit_ratio(results, release.RELEASE, release.BASELINE), 2.0, "x"),
        budget("suppress + audit of a 3-way table / of the 200 x 20 table, per position",
               _per_unit_ratio(results, cross.CROSS, release.BASELINE), 2.0, "x"),
    ]  # fmt: skip


def _duration(seconds: float) -> str:
    for scale, unit in ((1.0, "s"), (1e-3, "ms"), (1e-6, "µs")):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}".replace(".0 ", " ")
    return f"{seconds * 1e9:.3g} ns"


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.3f} s"
    return f"{value:g}"


def table(results: Results, budgets: Sequence[Budget]) -> str:
    """Return the workloads and budgets as a plain-text table."""
    rows = [
        f"{'workload':44} {'median':>10} {'min':>10} {'max':>10} {'per unit':>10}",
    ]
    for name, timing in results.timings.items():
        per_unit = _duration(timing.per_unit) if timing.units > 1 else ""
        rows.append(
            f"{results.labels[name]:44} {_duration(timing.median):>10} "
            f"{_duration(timing.min):>10} {_duration(timing.max):>10} {per_unit:>10}"
        )
    mem = results.memory
    rows.append(
        f"{'memory at ' + format(results.config.memory_size, ',') + ' items':44} "
        f"input {mem.input_bytes / 1e6:.1f} MB, peak {mem.peak_bytes / 1e6:.1f} MB"
    )
    rows.append(f"{'import dpup (median of ' + str(len(results.imports)) + ')':44} "
                f"{results.import_ms:>7.1f} ms")  # fmt: skip
    rows += ["", f"{'budget':58} {'measured':>10} {'limit':>10}  result"]
    rows += [
        f"{b.name:58} {_figure(b.measured, b.unit):>10} {_figure(b.limit, b.unit):>10}  {b.status}"
        for b in budgets
    ]
    return "\n".join(row.rstrip() for row in rows)


def _json(results: Results, budgets: Sequence[Budget]) -> dict[str, Any]:
    return {
        "meta": {
            "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "dpup": dpup.__version__,
            "smoke": results.config.smoke,
            "single_event_checks": results.single_checks,
            "full_activity_checks": results.full_checks,
        },
        "unit": "seconds per call",
        "workloads": {name: t.to_dict() for name, t in results.timings.items()},
        "memory": attrs.asdict(results.memory) | {"ratio": results.memory.ratio},
        "import": {
            "median_ms": results.import_ms,
            "runs_ms": [t.microseconds / 1000 for t in results.imports],
            "heavy_modules": list(results.heavy_imports),
        },
        "budgets": [b.to_dict() for b in budgets],
    }


def _relation(build: Callable[[int], relations.Shape], n: int) -> Callable[[], object]:
    return relations.evaluation(build(n))


def _profile(name: str, seconds: float) -> None:
    from pyinstrument import Profiler  # noqa: PLC0415 - the bench extra

    activity = w.kids_first()
    builders: dict[str, Callable[[], Callable[[], object]]] = {
        "single-event": lambda: w.single_event(activity),
        "full-activity": lambda: w.full_activity(activity),
        "load-evaluate": w.load_evaluate,
        "request-json": lambda: request_json(activity),
        "deadlines": lambda: w.deadlines(w.received_dates(1_000_000)),
        "scale": lambda: w.scale(100_000),
    }
    for shape, build in relations.SHAPES.items():
        builders[shape] = functools.partial(_relation, build, 10_000)
    func = builders[name]()
    func()
    profiler = Profiler(interval=0.0001)
    with profiler:
        end = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)
        while dt.datetime.now(dt.UTC) < end:
            func()
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite; return 0 when every budget passes (always, with ``--smoke``)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny inputs, one sample each")
    parser.add_argument("--no-peers", action="store_true", help="skip cedarpy and numpy")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write JSON")
    parser.add_argument(
        "--profile",
        choices=(
            "single-event",
            "full-activity",
            "load-evaluate",
            "request-json",
            "deadlines",
            "scale",
            *relations.SHAPES,
        ),
        help="profile one workload with pyinstrument instead of timing",
    )
    args = parser.parse_args(argv)
    if args.profile:
        _profile(args.profile, seconds=3.0)
        return 0
    config = SMOKE if args.smoke else Config()
    if args.no_peers:
        config = attrs.evolve(config, peers=False)
    results = measure(config, log=lambda s: print(s, file=sys.stderr))
    budgets = judge(results)
    args.output.write_text(json.dumps(_json(results, budgets), indent=2) + "\n", encoding="utf-8")
    print(table(results, budgets))
    print(f"\nwrote {args.output}")
    if config.smoke:
        return 0
    return 0 if all(b.status == "PASS" for b in budgets) else 1
