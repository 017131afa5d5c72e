"""Time a full rerun of the results page under AppTest, against the floor app, in the same process.

The app opens a rich share link (results page); the floor app (benchmarks/floor_app.py) draws the
same element tree, taken by benchmarks/census.py in this run, with no logic. Rounds alternate
which one goes first. Two times per rerun: the whole ``AppTest.run()`` (which adds AppTest's own
work, building the element tree, the same for both, so that ratio is kinder) and the script alone
(the time the server's script thread spends, the honest ratio).
Prints a table and writes benchmarks/results/rerun.json.
Run: python benchmarks/bench_rerun.py [--rounds 30] [--reruns 5] [--profile]
Target: the app's median rerun at most 1.3x the floor's (both ratios).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import census, machine  # noqa: E402

FLOOR = str(ROOT / "benchmarks" / "floor_app.py")
TARGET = 1.3


def floor_app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(FLOOR, default_timeout=60)
    at.query_params["hr"] = "positive"
    at.run()
    return at


SCRIPT_MS: list[float] = []  # time inside the script itself, without AppTest's own work


def _time_script_runs() -> None:
    """Record how long each script execution takes, as the server's script thread would spend it."""
    from streamlit.runtime.scriptrunner import script_runner

    original = script_runner.exec_func_with_error_handling

    def timed_exec(func, ctx):
        start = time.perf_counter()
        try:
            return original(func, ctx)
        finally:
            SCRIPT_MS.append((time.perf_counter() - start) * 1e3)

    script_runner.exec_func_with_error_handling = timed_exec


def timed(at, reruns: int, script_sink: list[float] | None = None) -> list[float]:
    times = []
    for _ in range(reruns):
        SCRIPT_MS.clear()
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1e3)
        if script_sink is not None and SCRIPT_MS:
            script_sink.append(SCRIPT_MS[-1])
    assert not at.exception, f"a rerun raised: {at.exception}"
    return times


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--reruns", type=int, default=5, help="reruns per round for each app")
    parser.add_argument("--profile", action="store_true", help="print where the app's rerun time goes")
    args = parser.parse_args(argv)

    _time_script_runs()
    taken = census.take()
    os.environ["FLOOR_CENSUS"] = str(census.save(taken))
    app, _ = census.run_app(census.RICH_QUERY, reruns=1)
    floor = floor_app()
    floor_counts = census.counts(census._page(floor, []))
    same = floor_counts == Counter(taken["counts"]["results"])
    assert same, f"the floor does not draw the app's elements: {floor_counts} vs {taken['counts']['results']}"

    timed(app, 3), timed(floor, 3)  # warm up both
    app_ms, floor_ms, ratios, loads = [], [], [], []
    script = {"app": [], "floor": []}
    for r in range(args.rounds):
        pair = [(app, app_ms, script["app"]), (floor, floor_ms, script["floor"])]
        a0, f0 = len(app_ms), len(floor_ms)
        for at, sink, script_sink in (pair if r % 2 == 0 else pair[::-1]):
            sink.extend(timed(at, args.reruns, script_sink))
        ratios.append(statistics.median(app_ms[a0:]) / statistics.median(floor_ms[f0:]))
        loads.append(os.getloadavg()[0])

    rows = []
    for name, values, inside in (("app (results page)", app_ms, script["app"]),
                                 ("floor (same elements, no logic)", floor_ms, script["floor"])):
        rows.append({"run": name, "n": len(values), "median_ms": statistics.median(values),
                     "p90_ms": machine.percentile(values, 0.9), "min_ms": min(values),
                     "script_only_median_ms": statistics.median(inside) if inside else float("nan")})
    ratio = statistics.median(app_ms) / statistics.median(floor_ms)
    script_ratio = rows[0]["script_only_median_ms"] / rows[1]["script_only_median_ms"]
    summary = {"ratio_of_medians": round(ratio, 3), "median_round_ratio": round(statistics.median(ratios), 3),
               "script_only_ratio": round(script_ratio, 3),
               "target": TARGET, "met": ratio <= TARGET and script_ratio <= TARGET,
               "elements": sum(taken["counts"]["results"].values()), "text_chars": taken["text_chars"]["results"],
               "first_view_elements": sum(taken["counts"]["first_view"].values()),
               "load_during_run": [round(min(loads), 2), round(max(loads), 2)]}
    print(machine.header(f"Script rerun under AppTest: {args.rounds} alternating rounds x {args.reruns} reruns"))
    print(f"Results page: {summary['elements']} elements ({summary['first_view_elements']} in the first view), "
          f"{summary['text_chars']} characters; "
          f"floor draws the same census: {same}")
    print(machine.table(rows))
    print(f"app / floor: {ratio:.2f}x with AppTest's own work (median of per-round ratios "
          f"{summary['median_round_ratio']:.2f}x), {script_ratio:.2f}x for the script alone; "
          f"target <= {TARGET}x: {'met' if summary['met'] else 'MISSED'}; "
          f"1-min load during run {summary['load_during_run']}")
    if args.profile:
        profile(app)
    machine.write("rerun", {"rounds": args.rounds, "reruns": args.reruns, "census_counts": taken["counts"]["results"],
                            "rows": rows, **summary})
    return summary


def profile(app) -> None:
    prof = cProfile.Profile()
    prof.enable()
    timed(app, 10)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(r"components|knowledge|segno", 25)
    print(out.getvalue())


if __name__ == "__main__":
    main()
