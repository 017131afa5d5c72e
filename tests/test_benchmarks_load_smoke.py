"""The flood and soak benchmarks still run, with their smallest settings (no timing is asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(tmp_path: Path, *args: str) -> str:
    env = {**os.environ, "BENCH_RESULTS": str(tmp_path)}
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    assert "load average" in done.stdout
    return done.stdout


def test_the_flood_benchmark_measures_health_a_person_and_memory(tmp_path):
    run(tmp_path, "benchmarks/bench_flood.py", "--devices", "6", "--seconds", "3", "--person-after", "1",
        "--after", "1")
    row = json.loads((tmp_path / "flood.json").read_text())["rows"][0]
    assert row["accepted"] == 6 and row["health_failed"] == 0
    assert row["person_s"] is not None and row["tablet_s"] is not None
    assert {"health_p95_ms", "rss_before_mb", "rss_peak_mb", "rss_30s_after_mb"} <= set(row)


def test_the_soak_benchmark_taps_at_a_person_s_pace(tmp_path):
    run(tmp_path, "benchmarks/bench_tablets.py", "--soak", "--tablets", "2", "--minutes", "0.2", "--tap-every", "2")
    row = json.loads((tmp_path / "soak.json").read_text())["rows"][0]
    assert row["errors"] == 0 and row["taps"] > 0
    assert {"people", "watcher_ticks", "resets", "p50_ms", "p95_ms", "rss_start_mb", "rss_end_mb"} <= set(row)
