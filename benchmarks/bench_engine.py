"""Time the rule engine: rule-set load and validation, and explain() over the full profile sweep.

Prints a table and writes benchmarks/results/engine.json. Run: python benchmarks/bench_engine.py
Targets (issue: knowledge core): the rule set loads once per process; explain() median under 0.1 ms.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge import default_knowledge, explain, load_knowledge  # noqa: E402
from tests.test_sweep import all_profiles  # noqa: E402  (the same sweep the safety test walks)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    loads = []
    for _ in range(5):
        start = time.perf_counter()
        load_knowledge()
        loads.append(time.perf_counter() - start)

    kb = default_knowledge()
    start = time.perf_counter()
    again = default_knowledge()
    cached = time.perf_counter() - start
    assert again is kb, "the rule set must load once per process"

    profiles = list(all_profiles())
    for profile in profiles[:2000]:  # warm up
        explain(profile, kb)
    times = []
    for profile in profiles:
        start = time.perf_counter()
        explain(profile, kb)
        times.append(time.perf_counter() - start)

    rows = [
        ("rule set load + validation (median of 5)", statistics.median(loads) * 1e3, "ms"),
        ("default_knowledge() after first load", cached * 1e6, "µs"),
        (f"explain() median over {len(profiles)} profiles", statistics.median(times) * 1e3, "ms"),
        ("explain() p99", percentile(times, 0.99) * 1e3, "ms"),
        ("explain() max", max(times) * 1e3, "ms"),
    ]
    print(f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{len(kb.options)} options, content {kb.version}")
    print(f"{'measure':<48} {'value':>10}  unit")
    print("-" * 66)
    for name, value, unit in rows:
        print(f"{name:<48} {value:>10.4f}  {unit}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "engine.json").write_text(json.dumps(
        {"python": platform.python_version(), "options": len(kb.options), "profiles": len(profiles),
         "results": [{"measure": n, "value": v, "unit": u} for n, v, u in rows]}, indent=2))


if __name__ == "__main__":
    main()
