"""A realistic clinic: many tablets, each tapping once every few seconds, as people do.

Each simulated tablet is a device of its own (an ``X-Real-IP`` of its own, as behind the
proxy), opens the app on a results page, then taps once every ``--tap-every`` seconds (a full
rerun with a new set of answers) for ``--seconds``. Between taps it does what a real kiosk
tablet does: the idle watcher's rerun once a second (Streamlit's fragment auto-rerun). Tablets
start their taps at random moments, so they do not all tap together. Reported: tap-to-results
p50/p95/max and errors, for the kiosk behind serve.py and for the floor app (plain Streamlit
drawing the same page with no logic). Prints a table and writes benchmarks/results/tablets.json.

    python benchmarks/bench_tablets.py --tablets 50 --tap-every 5 --seconds 120

**Soak** (``--soak``): a clinic over a longer time, repeatable by an operator, on the kiosk only
(one replica, or ``--replicas 2`` behind deploy/nginx.conf, each tablet then from a loopback
address of its own). Each tablet is a string of people: a person opens a link, taps once every
``--tap-every`` seconds, sometimes stops to read (15 to 30 s with only the idle watcher running),
and after 6 to 12 taps walks away; the tablet then sits untouched until the kiosk's idle reset
clears it (the idle time is set to its smallest, 45 s, so resets come often), and the next person
starts. Reported: taps, watcher ticks, resets seen, errors, tap-to-results p50/p95/max, and the
servers' memory at the start, at its highest and at the end. Writes benchmarks/results/soak.json.

    python benchmarks/bench_tablets.py --soak --tablets 50 --minutes 30 [--replicas 2]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import census, machine  # noqa: E402
from benchmarks.replicas import kiosk_servers  # noqa: E402
from benchmarks.ws_load import QUERIES, rss_mb  # noqa: E402
from tests.servers import streamlit_server  # noqa: E402

# Every tap opens a full results page: a link without who it is for would open the first question.
TAPS = [q if "sex=" in q else q + "&sex=female" for q in QUERIES]
SERVERS = {  # name: (script, environment)
    "kiosk (serve.py)": ("serve.py", {"EXPLAINER_MODE": "kiosk"}),
    "floor": ("benchmarks/floor_app.py", {}),
}


async def _run_once(ws, query: str | None = None, fragment: str | None = None,
                    seen_rerun: list | None = None) -> tuple[float, str | None, str | None]:
    """A tap (``query``) or a watcher tick (``fragment``): (ms, error or None, a fragment id seen or None).

    ``seen_rerun`` gets an entry when the run started a full run of its own (the kiosk's reset does).
    """
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
        elif kind == "script_finished" and forward.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            if seen_rerun is not None:
                seen_rerun.append(1)
        elif kind == "script_finished":
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


IDLE_SECONDS = 45  # the kiosk's smallest idle time: a tablet left alone resets within a minute


async def _soak(base: str, tablets: int, seconds: float, tap_every: float, behind_nginx: bool, seed: int = 7) -> dict:
    """Tablets at a person's pace for ``seconds``: taps, reading pauses, people leaving, idle resets."""
    rng = random.Random(seed)
    taps: list[float] = []
    errors: list[str] = []
    counts = {"ticks": 0, "resets": 0, "people": 0}
    end = time.monotonic() + seconds

    async def tablet(index: int) -> None:
        headers = {} if behind_nginx else {"X-Real-IP": f"10.79.{index // 250}.{index % 250 + 1}"}
        host, port = base.removeprefix("http://").split(":")
        sock = None
        if behind_nginx:  # nginx sets X-Real-IP itself: a device of its own is an address of its own
            sock = socket.socket()
            sock.bind((f"127.0.{index % 250 + 1}.{index // 250 + 2}", 0))
            sock.setblocking(False)
            await asyncio.get_running_loop().sock_connect(sock, (host, int(port)))
        await asyncio.sleep(rng.uniform(0, tap_every))  # tablets do not all start together
        try:
            async with websockets.connect(f"ws://{host}:{port}/_stcore/stream", sock=sock, subprotocols=["streamlit"],
                                          origin=base, max_size=None, additional_headers=headers,
                                          open_timeout=60) as ws:
                fragment = None

                async def tick() -> None:
                    if fragment:
                        resets: list = []
                        _, error, _ = await _run_once(ws, fragment=fragment, seen_rerun=resets)
                        counts["ticks"] += 1
                        counts["resets"] += bool(resets)
                        if error:
                            errors.append(error)

                async def wait(seconds_: float) -> None:
                    until = min(end, time.monotonic() + seconds_)
                    while time.monotonic() < until:
                        await tick()
                        await asyncio.sleep(max(0.0, min(1.0, until - time.monotonic())))

                i = index
                while time.monotonic() < end:
                    counts["people"] += 1
                    for _ in range(rng.randint(6, 12)):  # one person's visit
                        if time.monotonic() >= end:
                            break
                        i += 1
                        ms, error, seen = await _run_once(ws, TAPS[i % len(TAPS)])
                        fragment = seen or fragment
                        taps.append(ms)
                        if error:
                            errors.append(error)
                        await wait(rng.uniform(15, 30) if rng.random() < 0.2 else tap_every)  # reading, or the next tap
                    await wait(IDLE_SECONDS + 8)  # the person has gone: the tablet resets by itself
        except (OSError, asyncio.TimeoutError, websockets.WebSocketException) as exc:
            errors.append(f"{type(exc).__name__}: {exc}"[:200])

    await asyncio.gather(*(tablet(i) for i in range(tablets)))
    lat = sorted(taps)
    return {"people": counts["people"], "taps": len(taps), "watcher_ticks": counts["ticks"],
            "resets": counts["resets"], "errors": len(errors),
            "p50_ms": round(statistics.median(lat)) if lat else None,
            "p95_ms": round(machine.percentile(lat, 0.95)) if lat else None,
            "max_ms": round(lat[-1]) if lat else None, "error_samples": errors[:3]}


def soak(tablets: int, minutes: float, tap_every: float, replicas: int) -> dict:
    with kiosk_servers(replicas, env={"EXPLAINER_IDLE_SECONDS": str(IDLE_SECONDS)}) as servers:
        asyncio.run(_tablets(servers.url, 1, 1, tap_every) if not servers.behind_nginx
                    else _soak(servers.url, replicas * 2, 2, tap_every, True))  # warm up: imports and the rule set
        memory: list[float] = []
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                memory.append(sum(rss_mb(pid) for pid in servers.pids))
                stop.wait(1)

        start_mb = sum(rss_mb(pid) for pid in servers.pids)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        result = asyncio.run(_soak(servers.url, tablets, minutes * 60, tap_every, servers.behind_nginx))
        stop.set()
        sampler.join()
        row = {"replicas": replicas, "tablets": tablets, "minutes": minutes,
               **{k: v for k, v in result.items() if k != "error_samples"},
               "rss_start_mb": round(start_mb, 1), "rss_peak_mb": round(max(memory or [start_mb]), 1),
               "rss_end_mb": round(sum(rss_mb(pid) for pid in servers.pids), 1), "load_1min": machine.load()[0]}
        if result["error_samples"]:
            print(f"  errors: {result['error_samples']}", flush=True)
        return row


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tablets", type=int, default=50)
    parser.add_argument("--tap-every", type=float, default=5.0)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--soak", action="store_true", help="the kiosk over a longer time at a person's pace")
    parser.add_argument("--minutes", type=float, default=30.0, help="with --soak: how long")
    parser.add_argument("--replicas", type=int, nargs="+", default=[1], help="with --soak: 1, or 2 behind nginx")
    args = parser.parse_args(argv)
    if args.soak:
        rows = [soak(args.tablets, args.minutes, args.tap_every, n) for n in args.replicas]
        print(machine.header(f"Soak: {args.tablets} tablets for {args.minutes:g} min, a tap every {args.tap_every:g} s, "
                             f"reading pauses, people leaving and the kiosk resetting after {IDLE_SECONDS} s"))
        print(machine.table(rows))
        machine.write("soak", {"tablets": args.tablets, "minutes": args.minutes, "tap_every": args.tap_every,
                               "idle_seconds": IDLE_SECONDS, "rows": rows})
        return rows
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
