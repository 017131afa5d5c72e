"""The results page in one run, side by side with the floor: elements drawn, tap to new text in
Chromium, and 1, 20 and 50 tablets tapping once every 5 seconds.

The floor is plain Streamlit drawing the same elements with no logic (benchmarks/floor_app.py),
so each row says how much of the time is the page's own work. Prints one table and writes
benchmarks/results/results_page.json.

    python benchmarks/bench_results_page.py [--rounds 10] [--seconds 60] [--tablets 1 20 50]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bench_browser, bench_tablets, census, machine  # noqa: E402


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="tap rounds in Chromium (each taps twice per app)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long each tablet run lasts")
    parser.add_argument("--tablets", type=int, nargs="+", default=[1, 20, 50])
    args = parser.parse_args(argv)
    taken = census.take()
    rows = [{"measure": "elements drawn (results page)", "app": sum(taken["counts"]["results"].values()),
             "floor": sum(taken["counts"]["results"].values()), "unit": "elements"}]
    browser = bench_browser.main(["--rounds", str(args.rounds), "--cold", "0"])
    by_variant = {row["variant"]: row for row in browser["tap"]}
    rows.append({"measure": "tap to new text, median", "app": by_variant["app"]["painted_ms median"],
                 "floor": by_variant["floor"]["painted_ms median"], "unit": "ms"})
    for tablets in args.tablets:
        result = {r["server"]: r for r in bench_tablets.main(["--tablets", str(tablets), "--tap-every", "5",
                                                               "--seconds", str(args.seconds)])}
        app, floor = result["kiosk (serve.py)"], result["floor"]
        for stat in ("p50_ms", "p95_ms"):
            rows.append({"measure": f"{tablets} tablets, tap every 5 s, {stat.split('_')[0]}", "app": app[stat],
                         "floor": floor[stat], "unit": "ms"})
    print(machine.header("The results page, side by side with the floor"))
    print(machine.table(rows))
    machine.write("results_page", {"rows": rows, "browser_ratio": browser["tap_ratio_painted"],
                                   "seconds": args.seconds, "tablets": args.tablets})
    return rows


if __name__ == "__main__":
    main()
