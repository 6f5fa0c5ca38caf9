"""Timing: calibrated samples, taken in interleaved rounds so ratios share the same noise.

A budget compares two workloads (dpup against a peer or the floor). Timing one for a minute
and then the other lets a busy machine favour whichever ran in the quiet spell. Here every
workload of a group takes one sample per round, in an order that reverses each round, so a
slow spell slows both sides of a ratio alike.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping

import attrs

__all__ = ["Timing", "calibrate", "interleave"]


@attrs.frozen
class Timing:
    """The per-call times of one workload.

    Attributes:
        name: the workload.
        loops: calls per sample.
        samples: seconds per call, one value per sample.
        units: units of work per call (items, dates), for per-unit figures.
    """

    name: str
    loops: int
    samples: tuple[float, ...]
    units: int = 1

    @property
    def median(self) -> float:
        """Median seconds per call."""
        return statistics.median(self.samples)

    @property
    def min(self) -> float:
        """Fastest seconds per call."""
        return min(self.samples)

    @property
    def max(self) -> float:
        """Slowest seconds per call."""
        return max(self.samples)

    @property
    def per_unit(self) -> float:
        """Median seconds per unit of work."""
        return self.median / self.units

    def to_dict(self) -> dict[str, float | int]:
        """Return the figures as JSON-ready data (seconds)."""
        return {
            "median": self.median,
            "min": self.min,
            "max": self.max,
            "samples": len(self.samples),
            "loops": self.loops,
            "units": self.units,
            "median_per_unit": self.per_unit,
        }


def _time(func: Callable[[], object], loops: int) -> float:
    start = time.perf_counter()
    for _ in range(loops):
        func()
    return (time.perf_counter() - start) / loops


def calibrate(func: Callable[[], object], target: float) -> int:
    """Return how many calls make a sample last at least ``target`` seconds."""
    func()  # warm-up: first-use caches (registry, calendar tables) are not measured
    loops = 1
    while True:
        elapsed = _time(func, loops) * loops
        if elapsed >= target or loops >= 1 << 20:
            return loops
        # Aim a little past the target so one more pass usually settles it.
        loops = max(loops * 2, int(loops * 1.2 * target / max(elapsed, 1e-9)))


def interleave(
    funcs: Mapping[str, Callable[[], object]],
    *,
    rounds: int,
    target: float,
    units: Mapping[str, int] | None = None,
) -> dict[str, Timing]:
    """Time each workload in ``funcs`` once per round, alternating the order each round.

    Args:
        funcs: the workloads, by name.
        rounds: samples per workload.
        target: the shortest a sample may last, in seconds (calls are looped to reach it).
        units: units of work per call, by name (default 1).
    """
    loops = {name: calibrate(func, target) for name, func in funcs.items()}
    samples: dict[str, list[float]] = {name: [] for name in funcs}
    names = list(funcs)
    for r in range(rounds):
        for name in names if r % 2 == 0 else reversed(names):
            samples[name].append(_time(funcs[name], loops[name]))
    units = units or {}
    return {
        name: Timing(name, loops[name], tuple(samples[name]), units.get(name, 1)) for name in funcs
    }
