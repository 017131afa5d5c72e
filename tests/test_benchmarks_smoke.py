"""The benchmark scripts still run: each with its smallest settings, writing JSON with the expected keys.

No timing is asserted here; the numbers live in benchmarks/results/ and benchmarks/README.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MACHINE_KEYS = {"cores", "ram_gb", "cpu", "python", "streamlit", "load_avg"}


def run(script: str, *args: str, tmp_path: Path) -> dict:
    env = {**os.environ, "BENCH_RESULTS": str(tmp_path)}
    done = subprocess.run([sys.executable, f"benchmarks/{script}", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{script} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    assert "load average" in done.stdout, "every table names the machine load"
    return done


def result(tmp_path: Path, name: str) -> dict:
    data = json.loads((tmp_path / f"{name}.json").read_text())
    assert MACHINE_KEYS <= set(data["machine"])
    return data


def test_engine_benchmark_writes_english_and_spanish_load_times(tmp_path):
    run("bench_engine.py", "--loads", "1", "--profiles", "200", tmp_path=tmp_path)
    data = result(tmp_path, "engine")
    measures = " ".join(r["measure"] for r in data["results"])
    assert "English" in measures and "Spanish" in measures and "explain() p99" in measures


def test_rerun_benchmark_compares_the_app_with_a_floor_of_the_same_elements(tmp_path):
    run("bench_rerun.py", "--rounds", "1", "--reruns", "1", tmp_path=tmp_path)
    data = result(tmp_path, "rerun")
    assert {"ratio_of_medians", "target", "met", "elements", "census_counts", "rows"} <= set(data)
    assert [r["run"].split()[0] for r in data["rows"]] == ["app", "floor"]
    census = json.loads((tmp_path / "census.json").read_text())
    assert census["counts"]["results"] == data["census_counts"]


def test_capacity_benchmark_measures_app_and_floor_over_websockets(tmp_path):
    run("bench_capacity.py", "--sessions", "1", "--seconds", "1", "--repeats", "1", "--variants", "app", "floor",
        tmp_path=tmp_path)
    rows = result(tmp_path, "capacity")["rows"]
    assert [r["variant"] for r in rows] == ["app", "floor"]
    for row in rows:
        assert {"sessions", "p50_ms", "p95_ms", "reruns_per_s", "mb_per_session", "errors"} <= set(row)
        assert row["errors"] == 0


def test_tablets_benchmark_taps_the_kiosk_and_the_floor_at_a_person_s_pace(tmp_path):
    run("bench_tablets.py", "--tablets", "2", "--tap-every", "2", "--seconds", "5", tmp_path=tmp_path)
    rows = result(tmp_path, "tablets")["rows"]
    assert [r["server"] for r in rows] == ["kiosk (serve.py)", "floor"]
    for row in rows:
        assert row["taps"] >= 2 and row["errors"] == 0
        assert {"p50_ms", "p95_ms", "max_ms", "watcher_ticks"} <= set(row)
    assert rows[0]["watcher_ticks"] > 0, "the kiosk's idle watcher ran between taps"


@pytest.mark.browser
def test_browser_benchmark_times_a_tap_in_chromium(tmp_path):
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(chromium).is_file():
        pytest.skip(f"Chromium not found at {chromium}")
    run("bench_browser.py", "--rounds", "1", "--cold", "0", tmp_path=tmp_path)
    data = result(tmp_path, "browser")
    assert {"tap", "tap_ratio_painted", "tap_ratio_finished", "target"} <= set(data)
    assert [r["variant"] for r in data["tap"]] == ["app", "floor"]
