"""Capacity: simultaneous tablets against the app and the floor app, and the runner settings on and off.

Starts one server per variant at once (the app with the project's .streamlit/config.toml, the
floor app with the same config, and the app with each changed runner setting flipped back to
Streamlit's default through its environment variable), then for every session count runs
ws_load against each variant in turn, rotating the order every repeat so a busy moment on the
machine does not always hit the same one. Reports p50/p95 latency, reruns per second and
server memory per held session. Prints a table and writes benchmarks/results/capacity.json.
Run: python benchmarks/bench_capacity.py [--sessions 1 10 20 50] [--seconds 10] [--repeats 2]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import census, machine  # noqa: E402
from benchmarks.ws_load import run_load  # noqa: E402
from tests.servers import streamlit_server  # noqa: E402

# name: (script, environment). Config file values: postScriptGC = false, fastReruns = true.
VARIANTS = {
    "app": ("streamlit_app.py", {}),
    "floor": ("benchmarks/floor_app.py", {}),
    "app postScriptGC=true": ("streamlit_app.py", {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "true"}),
    "app fastReruns=false": ("streamlit_app.py", {"STREAMLIT_RUNNER_FAST_RERUNS": "false"}),
    "floor postScriptGC=true": ("benchmarks/floor_app.py", {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "true"}),
}


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 20, 50])
    parser.add_argument("--seconds", type=float, default=10, help="measured time per variant, level and repeat")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    args = parser.parse_args(argv)

    floor_census = str(census.save(census.take()))
    runs: list[dict] = []
    with contextlib.ExitStack() as stack:
        servers = {}
        for name in args.variants:
            script, env = VARIANTS[name]
            servers[name] = stack.enter_context(streamlit_server(script, env={**env, "FLOOR_CENSUS": floor_census}))
            run_load(servers[name].url, 1, 1)  # warm up: imports and the rule set load on the first session
        for n in args.sessions:
            for repeat in range(args.repeats):
                order = args.variants[repeat % len(args.variants):] + args.variants[:repeat % len(args.variants)]
                for name in order:
                    server = servers[name]
                    result = run_load(server.url, n, args.seconds, server.pid).summary()
                    runs.append({"variant": name, "repeat": repeat, "load_1min": machine.load()[0],
                                 **result})
                    print(f"  {name:<24} {n:>3} sessions: p50 {result['p50_ms']:>7} ms, p95 {result['p95_ms']:>7} ms,"
                          f" {result['reruns_per_s']:>5}/s, errors {result['errors']}, load {runs[-1]['load_1min']}",
                          flush=True)
    rows = summarise(runs, args.variants, args.sessions)
    print(machine.header(f"Capacity: ws_load, {args.seconds:g} s per variant and level, {args.repeats} repeats "
                         "(medians over repeats)"))
    print(machine.table(rows))
    machine.write("capacity", {"seconds": args.seconds, "repeats": args.repeats, "rows": rows, "runs": runs})
    return rows


def summarise(runs: list[dict], variants: list[str], sessions: list[int]) -> list[dict]:
    rows = []
    for n in sessions:
        floor_p50 = None
        for name in variants:
            mine = [r for r in runs if r["variant"] == name and r["sessions"] == n]
            med = lambda key: statistics.median(r[key] for r in mine)  # noqa: E731
            row = {"sessions": n, "variant": name, "p50_ms": med("p50_ms"), "p95_ms": med("p95_ms"),
                   "reruns_per_s": med("reruns_per_s"), "errors": sum(r["errors"] for r in mine),
                   "mb_per_session": med("mb_per_session"), "rss_mb": max(r["rss_after_mb"] for r in mine),
                   "load_1min": med("load_1min")}
            if name == "floor":
                floor_p50 = row["p50_ms"]
            rows.append(row)
        for row in rows:
            if row["sessions"] == n and floor_p50:
                row["p50_vs_floor"] = round(row["p50_ms"] / floor_p50, 2)
    return rows


if __name__ == "__main__":
    main()
