"""A websocket load generator that drives real Streamlit reruns, as tablets do.

HTTP GETs of ``/`` never run the app script; this speaks Streamlit's own protocol on
``/_stcore/stream``: each simulated tablet opens a session, sends ``rerun_script``
messages (with a share-link query string, so every rerun renders a full results page)
and waits for ``script_finished``. It reports latency from send to finish, reruns per
second, errors (any exception element or failed run) and server memory per session.

Use it as a module (``run_load``) or from the command line:
    python benchmarks/ws_load.py --sessions 20 --seconds 120 [--script serve.py]
It starts its own server on a free local port and stops it afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import streamlit_server  # noqa: E402

# Rich results pages: several sites, known and unknown markers, both sexes.
QUERIES = [
    "hr=positive&her2=low&site=bone&site=liver&menopause=post&esr1=positive&pik3ca=unknown",
    "hr=negative&her2=zero&site=lung&site=brain&pdl1=positive&brca=positive",
    "hr=positive&her2=positive&site=brain&site=bone&site=skin&menopause=pre",
    "hr=low&her2=ultralow&site=lymph_nodes&site=other&sex=male",
    "hr=unknown&her2=unknown&site=bone&site=brain&site=liver&site=lung&site=lymph_nodes&site=skin&site=other",
]


@dataclass
class LoadResult:
    sessions: int
    seconds: float
    reruns: int = 0
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    rss_before_mb: float = 0.0
    rss_after_mb: float = 0.0
    rss_end_mb: float = 0.0  # after the whole run: equal to rss_after_mb when memory is stable
    error_samples: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        lat = sorted(self.latencies_ms) or [float("nan")]
        return {
            "sessions": self.sessions,
            "reruns": self.reruns,
            "errors": self.errors,
            "reruns_per_s": round(self.reruns / self.seconds, 1),
            "p50_ms": round(statistics.median(lat), 1),
            "p95_ms": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 1),
            "max_ms": round(lat[-1], 1),
            "rss_before_mb": round(self.rss_before_mb, 1),
            "rss_after_mb": round(self.rss_after_mb, 1),
            "rss_end_mb": round(self.rss_end_mb, 1),
            "mb_per_session": round((self.rss_after_mb - self.rss_before_mb) / max(1, self.sessions), 3),
        }


async def _rerun(ws, query: str) -> tuple[float, str | None]:
    """One rerun: send, read until the script finishes; returns (ms, error or None)."""
    message = BackMsg()
    message.rerun_script.query_string = query
    start = time.perf_counter()
    await ws.send(message.SerializeToString())
    error = None
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=60))
        kind = forward.WhichOneof("type")
        if kind == "delta" and forward.delta.new_element.WhichOneof("type") == "exception":
            error = forward.delta.new_element.exception.message or "exception element"
        if kind == "script_finished":
            if forward.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                error = "compile error"
            if forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return (time.perf_counter() - start) * 1000, error


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_load(base: str, sessions: int, seconds: float, server_pid: int | None = None) -> LoadResult:
    """Drive ``sessions`` simultaneous tablets for ``seconds`` against a running server."""
    return asyncio.run(_run(base, sessions, seconds, server_pid))


async def _run(base: str, sessions: int, seconds: float, server_pid: int | None) -> LoadResult:
    result = LoadResult(sessions=sessions, seconds=seconds)
    opened, ready = asyncio.Event(), []
    deadline = [float("inf")]

    async def tablet(index: int) -> None:
        ws_url = base.replace("http://", "ws://") + "/_stcore/stream"
        # Each tablet is a device of its own: serve.py caps sockets and requests per client, and
        # takes the client from X-Real-IP when the peer is on this machine (as behind nginx).
        device = {"X-Real-IP": f"10.77.{index // 250}.{index % 250 + 1}"}
        async with websockets.connect(ws_url, subprotocols=["streamlit"], origin=base, max_size=None,
                                      additional_headers=device) as ws:
            _, error = await _rerun(ws, QUERIES[index % len(QUERIES)])  # first page load
            if error:
                result.errors += 1
                result.error_samples.append(error)
            ready.append(index)
            if len(ready) == sessions:
                opened.set()
            await opened.wait()
            i = index
            while time.monotonic() < deadline[0]:
                i += 1
                ms, error = await _rerun(ws, QUERIES[i % len(QUERIES)])
                result.reruns += 1
                result.latencies_ms.append(ms)
                if error:
                    result.errors += 1
                    if len(result.error_samples) < 5:
                        result.error_samples.append(error)

    if server_pid:
        result.rss_before_mb = rss_mb(server_pid)
    tasks = [asyncio.create_task(tablet(i)) for i in range(sessions)]
    await opened.wait()
    if server_pid:
        result.rss_after_mb = rss_mb(server_pid)
    deadline[0] = time.monotonic() + seconds
    await asyncio.gather(*tasks)
    if server_pid:
        result.rss_end_mb = rss_mb(server_pid)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[20])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--script", default="streamlit_app.py")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "ws_load.json")
    args = parser.parse_args()
    rows = []
    with streamlit_server(args.script) as server:
        for n in args.sessions:
            rows.append(run_load(server.url, n, args.seconds, server.pid).summary())
    print_table(rows)
    args.json.parent.mkdir(exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=2))


def print_table(rows: list[dict[str, float]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    print("  ".join(f"{c:>14}" for c in columns))
    for row in rows:
        print("  ".join(f"{row[c]:>14}" for c in columns))


if __name__ == "__main__":
    main()
