"""A realistic clinic: many tablets, each tapping once every few seconds, as people do.

Each simulated tablet is a device of its own (an ``X-Real-IP`` of its own, as behind the
proxy), opens the app on a results page, then taps once every ``--tap-every`` seconds (a full
rerun with a new set of answers) for ``--seconds``. Between taps it does what a real kiosk
tablet does: the idle watcher's rerun once a second (Streamlit's fragment auto-rerun). Tablets
start their taps at random moments, so they do not all tap together. Reported: tap-to-results
p50/p95/max and errors, for the kiosk behind serve.py and for the floor app (plain Streamlit
drawing the same page with no logic). Prints a table and writes benchmarks/results/tablets.json.

    python benchmarks/bench_tablets.py --tablets 50 --tap-every 5 --seconds 120
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import census, machine  # noqa: E402
from benchmarks.ws_load import QUERIES, rss_mb  # noqa: E402
from tests.servers import streamlit_server  # noqa: E402

# Every tap opens a full results page: a link without who it is for would open the first question.
TAPS = [q if "sex=" in q else q + "&sex=female" for q in QUERIES]
SERVERS = {  # name: (script, environment)
    "kiosk (serve.py)": ("serve.py", {"EXPLAINER_MODE": "kiosk"}),
    "floor": ("benchmarks/floor_app.py", {}),
}


async def _run_once(ws, query: str | None = None, fragment: str | None = None) -> tuple[float, str | None, str | None]:
    """A tap (``query``) or a watcher tick (``fragment``): (ms, error or None, a fragment id seen or None)."""
    message = BackMsg()
    if fragment:
        message.rerun_script.fragment_id = fragment
        message.rerun_script.is_auto_rerun = True
    else:
        message.rerun_script.query_string = query or ""
    start = time.perf_counter()
    await ws.send(message.SerializeToString())
    error = seen = None
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=60))
        kind = forward.WhichOneof("type")
        if kind == "auto_rerun":
            seen = forward.auto_rerun.fragment_id
        elif kind == "delta" and forward.delta.new_element.WhichOneof("type") == "exception":
            error = forward.delta.new_element.exception.message or "exception element"
        elif kind == "script_finished" and forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return (time.perf_counter() - start) * 1000, error, seen


async def _tablets(base: str, tablets: int, seconds: float, tap_every: float) -> dict:
    taps: list[float] = []
    errors: list[str] = []
    ticks = [0]

    async def tablet(index: int) -> None:
        device = {"X-Real-IP": f"10.78.{index // 250}.{index % 250 + 1}"}
        url = base.replace("http://", "ws://") + "/_stcore/stream"
        async with websockets.connect(url, subprotocols=["streamlit"], origin=base, max_size=None,
                                      additional_headers=device) as ws:
            _, error, fragment = await _run_once(ws, TAPS[index % len(TAPS)])
            if error:
                errors.append(error)
            end = time.monotonic() + seconds
            next_tap = time.monotonic() + random.uniform(0, tap_every)
            i = index
            while time.monotonic() < end:
                if time.monotonic() >= next_tap:
                    i += 1
                    ms, error, seen = await _run_once(ws, TAPS[i % len(TAPS)])
                    fragment = seen or fragment
                    taps.append(ms)
                    next_tap += tap_every
                elif fragment:
                    _, error, _ = await _run_once(ws, fragment=fragment)
                    ticks[0] += 1
                if error:
                    errors.append(error)
                await asyncio.sleep(max(0.0, min(1.0, next_tap - time.monotonic())))

    await asyncio.gather(*(tablet(i) for i in range(tablets)))
    lat = sorted(taps)
    return {"taps": len(taps), "watcher_ticks": ticks[0], "errors": len(errors),
            "p50_ms": round(statistics.median(lat)) if lat else None,
            "p95_ms": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))]) if lat else None,
            "max_ms": round(lat[-1]) if lat else None, "error_samples": errors[:3]}


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tablets", type=int, default=50)
    parser.add_argument("--tap-every", type=float, default=5.0)
    parser.add_argument("--seconds", type=float, default=120.0)
    args = parser.parse_args(argv)
    floor_census = str(census.save(census.take()))
    rows = []
    for name, (script, env) in SERVERS.items():
        with streamlit_server(script, env={**env, "FLOOR_CENSUS": floor_census}) as server:
            asyncio.run(_tablets(server.url, 1, 1, args.tap_every))  # warm up: imports and the rule set
            before = rss_mb(server.pid)
            result = asyncio.run(_tablets(server.url, args.tablets, args.seconds, args.tap_every))
            rows.append({"server": name, "tablets": args.tablets, **{k: v for k, v in result.items()
                                                                     if k != "error_samples"},
                         "rss_before_mb": round(before, 1), "rss_after_mb": round(rss_mb(server.pid), 1),
                         "load_1min": machine.load()[0]})
            if result["error_samples"]:
                print(f"  {name}: {result['error_samples']}", flush=True)
    print(machine.header(f"Tablets: {args.tablets}, one tap every {args.tap_every:g} s and the idle watcher "
                         f"each second, for {args.seconds:g} s"))
    print(machine.table(rows))
    machine.write("tablets", {"tablets": args.tablets, "tap_every": args.tap_every, "seconds": args.seconds,
                              "rows": rows})
    return rows


if __name__ == "__main__":
    main()
