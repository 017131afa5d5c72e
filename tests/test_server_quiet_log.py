"""Refused and broken-off app connections are one calm line each in the server log, never an ASGI traceback.

Four devices' worth of connections that ask for pages and never read (the server lets them go
after 20 seconds), connections cut off mid-run, and connections refused by the per-device cap:
before, several "Exception in ASGI application" tracebacks; now none.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import socket
import time
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg

from .servers import streamlit_server

ROOT = Path(__file__).resolve().parent.parent
QUERY = "hr=positive&her2=low&site=bone&site=liver&sex=female"


def _rerun() -> bytes:
    message = BackMsg()
    message.rerun_script.query_string = QUERY
    return message.SerializeToString()


async def _never_reads(base: str, seconds: float) -> str:
    host, port = base.removeprefix("http://").split(":")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, (host, int(port)))
    try:
        ws = await websockets.connect(f"ws://{host}:{port}/_stcore/stream", sock=sock, subprotocols=["streamlit"],
                                      origin=base, max_queue=1, max_size=None, open_timeout=30)
    except websockets.InvalidStatus:
        sock.close()
        return "refused"
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            await asyncio.wait_for(ws.send(_rerun()), 5)
            await asyncio.sleep(0.5)
    except (websockets.ConnectionClosed, OSError, asyncio.TimeoutError):
        return "let go"
    finally:
        ws.transport.abort()
    return "held"


async def _cut_off_mid_run(base: str, index: int) -> None:
    host, port = base.removeprefix("http://").split(":")
    ws = await websockets.connect(f"ws://{host}:{port}/_stcore/stream", subprotocols=["streamlit"], origin=base,
                                  additional_headers={"X-Real-IP": f"10.53.0.{index}"})
    await ws.send(_rerun())
    await asyncio.sleep(0.05 * (index % 5))
    ws.transport.abort()


def test_broken_off_and_refused_connections_leave_no_traceback(tmp_path):
    log = tmp_path / "server.log"
    with streamlit_server("serve.py", env={"EXPLAINER_MODE": "kiosk", "PYTHONUNBUFFERED": "1"}, log_path=log) as server:
        async def scenario():
            outcomes = await asyncio.gather(*(_never_reads(server.url, 30) for _ in range(6)))
            await asyncio.gather(*(_cut_off_mid_run(server.url, i) for i in range(20)))
            await asyncio.sleep(2)
            return outcomes

        # In a thread of its own: the browser tests' Playwright may already run a loop in this one.
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            outcomes = pool.submit(asyncio.run, scenario()).result()
        assert outcomes.count("refused") == 2, outcomes  # one device holds at most four
        time.sleep(1)
    text = log.read_text()
    assert "Traceback" not in text and "Exception in ASGI application" not in text, text[-3000:]
    assert "the extra one was refused" in text  # the refusals are still said, calmly
    assert text.count("the extra one was refused") == 1  # once, not once per socket
