"""A crowd that never reads: many devices, each holding an app connection and asking for pages it never takes.

Each of ``--devices`` devices opens the app's websocket with a tiny receive buffer, asks for a
full results page twice a second (``--rate``) and never reads an answer, for ``--seconds``. On one
replica the devices are told apart by ``X-Real-IP`` sent from this machine (as nginx does for
real devices); behind nginx (``--replicas 2``) each device connects from a loopback address of its
own (127.0.x.y), because nginx sets ``X-Real-IP`` itself. Meanwhile:

* the health endpoint is asked four times a second (as a load balancer or Kubernetes would);
* ``--person-after`` seconds into the flood, a person on a device of their own opens the app (the
  page, then the websocket and a results page), trying again each second while the server says
  busy; at the same moment a tablet that was already in use before the flood does the same
  (``tablet_*`` columns);
* the servers' memory is sampled every half second, and for 30 seconds after the flood.

Prints one row per replica count and writes benchmarks/results/flood.json. Loopback only.

    python benchmarks/bench_flood.py --devices 200 --seconds 20 --replicas 1 2
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import machine  # noqa: E402
from benchmarks.replicas import kiosk_servers  # noqa: E402
from benchmarks.ws_load import rss_mb  # noqa: E402

RESULTS_QUERY = "hr=positive&her2=low&site=bone&site=liver&sex=female"
PERSON_QUERY = "hr=negative&her2=zero&site=lung&pdl1=positive&sex=female"
AFTER = 30.0  # seconds of memory samples after the flood
PERSON, TABLET = 1, 2  # a person arriving during the flood; a tablet already in use before it


def _rerun(query: str) -> bytes:
    message = BackMsg()
    message.rerun_script.query_string = query
    return message.SerializeToString()


def device_address(index: int, behind_nginx: bool) -> tuple[dict[str, str], str | None]:
    """(headers, source address) that make device ``index`` a device of its own."""
    if behind_nginx:
        return {}, f"127.0.{index % 250 + 1}.{index // 250 + 2}"
    return {"X-Real-IP": f"10.66.{index // 250}.{index % 250 + 1}"}, None


class Flood:
    def __init__(self, base: str, devices: int, seconds: float, rate: float, behind_nginx: bool):
        self.base, self.devices, self.seconds, self.rate, self.behind = base, devices, seconds, rate, behind_nginx
        self.accepted = 0
        self.refused: dict[str, int] = {}
        self.sent = 0

    async def _device(self, index: int, end: float) -> None:
        host, port = self.base.removeprefix("http://").split(":")
        headers, source = device_address(index, self.behind)
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        if source:
            sock.bind((source, 0))
        sock.setblocking(False)
        try:
            await asyncio.get_running_loop().sock_connect(sock, (host, int(port)))
            ws = await websockets.connect(f"ws://{host}:{port}/_stcore/stream", sock=sock, subprotocols=["streamlit"],
                                          origin=self.base, max_queue=1, max_size=None, open_timeout=30,
                                          additional_headers=headers)
        except websockets.InvalidStatus as err:
            key = str(err.response.status_code)
            self.refused[key] = self.refused.get(key, 0) + 1
            sock.close()
            return
        except (OSError, asyncio.TimeoutError) as err:
            key = type(err).__name__
            self.refused[key] = self.refused.get(key, 0) + 1
            sock.close()
            return
        self.accepted += 1
        data = _rerun(RESULTS_QUERY)
        try:
            while time.monotonic() < end:
                await asyncio.wait_for(ws.send(data), 5)
                self.sent += 1
                await asyncio.sleep(1 / self.rate)
        except (websockets.ConnectionClosed, OSError, asyncio.TimeoutError):
            pass
        finally:
            ws.transport.abort()

    def run(self) -> None:
        async def all_devices():
            end = time.monotonic() + self.seconds
            await asyncio.gather(*(self._device(i, end) for i in range(self.devices)))
        asyncio.run(all_devices())


def watch_health(base: str, stop: threading.Event, out: list[float | None]) -> None:
    while not stop.is_set():
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=20) as response:
                out.append((time.perf_counter() - start) * 1000 if response.status == 200 else None)
        except (OSError, urllib.error.URLError):
            out.append(None)
        stop.wait(0.25)


def watch_memory(pids: list[int], stop: threading.Event, out: list[tuple[float, float]]) -> None:
    while not stop.is_set():
        out.append((time.monotonic(), sum(rss_mb(pid) for pid in pids)))
        stop.wait(0.5)


def person(base: str, behind_nginx: bool, give_up: float, device: int = 1) -> dict:
    """A person opening the app on a device of their own: the page, then a results page over the websocket."""
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    headers, source = ({}, f"127.1.0.{device}") if behind_nginx else ({"X-Real-IP": f"10.67.0.{device}"}, None)
    url = base.replace("http://", "ws://") + "/_stcore/stream"
    start = time.perf_counter()
    attempts, busy_pages, page_status = 0, 0, None
    while time.perf_counter() - start < give_up:
        attempts += 1
        request = urllib.request.Request(base + "/", headers={**headers, "Accept": "text/html"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                page_status = response.status
        except urllib.error.HTTPError as err:
            page_status = err.code
        except OSError:
            page_status = "timeout"
        if page_status != 200:
            busy_pages += 1
            time.sleep(1)
            continue
        try:
            sock = None
            if source:
                sock = socket.create_connection(base.removeprefix("http://").split(":"), timeout=20,
                                                source_address=(source, 0))
            with connect(url, sock=sock, origin=base, subprotocols=["streamlit"], open_timeout=20,
                         additional_headers=headers, max_size=None) as ws:
                ws.send(_rerun(PERSON_QUERY))
                while True:
                    forward = ForwardMsg()
                    forward.ParseFromString(ws.recv(timeout=60))
                    if forward.WhichOneof("type") == "script_finished" and (
                            forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                        return {"person_s": round(time.perf_counter() - start, 2), "person_attempts": attempts,
                                "person_busy": busy_pages}
        except (InvalidStatus, OSError, TimeoutError):
            time.sleep(1)
    return {"person_s": None, "person_attempts": attempts, "person_busy": busy_pages}


def one_run(replicas: int, devices: int, seconds: float, rate: float, person_after: float, after: float = AFTER) -> dict:
    with kiosk_servers(replicas) as servers:
        # Warm up: the first run of each replica loads the rule set. The tablet already in use does it,
        # so it comes to the flood with pages of its own lately; the person arrives fresh.
        for _ in range(replicas * 3):
            person(servers.url, servers.behind_nginx, 30, device=TABLET)
        time.sleep(2)
        before = sum(rss_mb(pid) for pid in servers.pids)
        stop = threading.Event()
        health: list[float | None] = []
        memory: list[tuple[float, float]] = []
        watchers = [threading.Thread(target=watch_health, args=(servers.url, stop, health), daemon=True),
                    threading.Thread(target=watch_memory, args=(servers.pids, stop, memory), daemon=True)]
        for w in watchers:
            w.start()
        flood = Flood(servers.url, devices, seconds, rate, servers.behind_nginx)
        flood_thread = threading.Thread(target=flood.run, daemon=True)
        flood_thread.start()
        time.sleep(person_after)
        seen: dict = {}
        people = [threading.Thread(target=lambda: seen.update(person(servers.url, servers.behind_nginx, seconds + 60,
                                                                     device=PERSON))),
                  threading.Thread(target=lambda: seen.update(
                      {f"tablet_{k.removeprefix('person_')}": v for k, v in
                       person(servers.url, servers.behind_nginx, seconds + 60, device=TABLET).items()}))]
        for p in people:
            p.start()
        for p in people:
            p.join()
        flood_thread.join()
        ended = time.monotonic()
        during = list(health)
        time.sleep(after)
        stop.set()
        for w in watchers:
            w.join()
        late = [mb for t, mb in memory if t >= ended + after - 1] or [memory[-1][1]]
        answered = sorted(ms for ms in during if ms is not None)
        return {
            "replicas": replicas, "devices": devices, "seconds": seconds,
            "accepted": flood.accepted, "refused": "; ".join(f"{n}×{k}" for k, n in sorted(flood.refused.items())) or "0",
            "health_p50_ms": round(machine.percentile(answered, 0.5), 1) if answered else None,
            "health_p95_ms": round(machine.percentile(answered, 0.95), 1) if answered else None,
            "health_max_ms": round(answered[-1], 1) if answered else None,
            "health_failed": sum(1 for ms in during if ms is None), "health_asked": len(during),
            **seen,
            "rss_before_mb": round(before, 1), "rss_peak_mb": round(max(mb for _, mb in memory), 1),
            "rss_30s_after_mb": round(late[-1], 1),
            "load_1min": machine.load()[0],
        }


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rate", type=float, default=2.0, help="pages asked for per device per second")
    parser.add_argument("--person-after", type=float, default=5.0)
    parser.add_argument("--replicas", type=int, nargs="+", default=[1])
    parser.add_argument("--after", type=float, default=AFTER, help="seconds of memory samples after the flood")
    args = parser.parse_args(argv)
    rows = [one_run(n, args.devices, args.seconds, args.rate, args.person_after, args.after) for n in args.replicas]
    print(machine.header(f"Flood: {args.devices} devices, each asking for {args.rate:g} results pages a second and "
                         f"never reading, for {args.seconds:g} s; a person arrives {args.person_after:g} s in"))
    print(machine.table(rows))
    machine.write("flood", {"devices": args.devices, "seconds": args.seconds, "rate": args.rate, "rows": rows})
    return rows


if __name__ == "__main__":
    main()
