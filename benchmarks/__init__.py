"""dpup's benchmark suite: workloads, peers, the floor, and budgets measured as ratios.

Run it with ``make bench`` (or ``python -m benchmarks``); see ``docs/performance.md`` for the
method and the figures. ``tests/test_benchmarks_smoke.py`` runs every workload once on tiny
inputs so the suite never rots.
"""
