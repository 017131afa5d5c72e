"""Time the rule engine: rule-set load and validation (English and Spanish), and explain() over the sweep.

Prints a table and writes benchmarks/results/engine.json.
Run: python benchmarks/bench_engine.py [--loads 5] [--profiles N]
Targets (issue: knowledge core): the rule set loads once per process; explain() median under 0.1 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import machine  # noqa: E402
from benchmarks.machine import percentile  # noqa: E402
from knowledge import default_knowledge, explain, load_knowledge  # noqa: E402
from tests.test_sweep import all_profiles  # noqa: E402  (the same sweep the safety test walks)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=5, help="rule-set loads per language, interleaved")
    parser.add_argument("--profiles", type=int, default=0, help="only the first N profiles of the sweep (0: all)")
    args = parser.parse_args(argv)
    loads: dict[str, list[float]] = {"en": [], "es": []}
    for _ in range(args.loads):
        for lang in loads:  # interleaved, so a busy moment on the machine hits both
            start = time.perf_counter()
            load_knowledge(lang=lang)
            loads[lang].append(time.perf_counter() - start)

    kb = default_knowledge()
    start = time.perf_counter()
    again = default_knowledge()
    cached = time.perf_counter() - start
    assert again is kb, "the rule set must load once per process"

    profiles = list(all_profiles())
    if args.profiles:
        profiles = profiles[:args.profiles]
    for profile in profiles[:2000]:  # warm up
        explain(profile, kb)
    times = []
    for profile in profiles:
        start = time.perf_counter()
        explain(profile, kb)
        times.append(time.perf_counter() - start)

    rows = [
        (f"rule set load + validation, English (median of {args.loads})", statistics.median(loads["en"]) * 1e3, "ms"),
        (f"rule set load + validation, Spanish (median of {args.loads})", statistics.median(loads["es"]) * 1e3, "ms"),
        ("default_knowledge() after first load", cached * 1e6, "µs"),
        (f"explain() median over {len(profiles)} profiles", statistics.median(times) * 1e3, "ms"),
        ("explain() p99", percentile(times, 0.99) * 1e3, "ms"),
        ("explain() max", max(times) * 1e3, "ms"),
    ]
    print(machine.header(f"Rule engine: {len(kb.options)} options, content {kb.version}"))
    print(f"{'measure':<56} {'value':>10}  unit")
    print("-" * 74)
    for name, value, unit in rows:
        print(f"{name:<56} {value:>10.4f}  {unit}")
    machine.write("engine", {"options": len(kb.options), "profiles": len(profiles),
                             "results": [{"measure": n, "value": v, "unit": u} for n, v, u in rows]})


if __name__ == "__main__":
    main()
