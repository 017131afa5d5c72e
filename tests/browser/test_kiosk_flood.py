"""A client that opens many websockets, sends requests and never reads cannot stall the kiosk for others.

The flood comes from another loopback address (127.0.0.2), so to the server it is another
device; the person's browser comes from 127.0.0.1. Each flood socket has a tiny receive
buffer and stops reading after its first message, and asks for a full results page four
times a second. While it runs, a person answers the questions by tapping and gets results.
"""

from __future__ import annotations

import asyncio
import socket
import threading

import pytest
import websockets
from playwright.sync_api import expect
from streamlit.proto.BackMsg_pb2 import BackMsg

from browser_helpers import ready
from test_kiosk_browser import KIOSK_ENV, RESULTS_HEADING, answer_by_tapping, open_kiosk
from tests.servers import streamlit_server

FLOOD_SOCKETS = 60
FLOOD_ADDRESS = "127.0.0.2"
BUSY = 30_000  # ms: the person's page is slower while the flood keeps two cores busy, but it answers


class Flood:
    """Non-reading websockets from another address, in a thread of their own."""

    def __init__(self, base: str):
        self.base, self.accepted, self.refused, self.sent = base, 0, 0, 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    async def _socket(self) -> None:
        host, port = self.base.removeprefix("http://").split(":")
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.bind((FLOOD_ADDRESS, 0))
        sock.setblocking(False)
        await asyncio.get_running_loop().sock_connect(sock, (host, int(port)))
        try:
            ws = await websockets.connect(f"ws://{host}:{port}/_stcore/stream", sock=sock, subprotocols=["streamlit"],
                                          origin=self.base, max_queue=1, max_size=None, open_timeout=30)
        except (websockets.InvalidStatus, OSError, asyncio.TimeoutError):
            self.refused += 1
            return
        self.accepted += 1
        message = BackMsg()
        message.rerun_script.query_string = "hr=positive&her2=low&site=bone&site=liver&sex=female"
        try:
            while not self.stop.is_set():
                await asyncio.wait_for(ws.send(message.SerializeToString()), 5)
                self.sent += 1
                await asyncio.sleep(0.25)
        except (websockets.ConnectionClosed, OSError, asyncio.TimeoutError):
            pass
        finally:
            ws.transport.abort()

    async def _run(self) -> None:
        await asyncio.gather(*(self._socket() for _ in range(FLOOD_SOCKETS)))


@pytest.fixture
def flooded_kiosk():
    with streamlit_server("serve.py", env=KIOSK_ENV) as server:
        flood = Flood(server.url)
        flood.thread.start()
        try:
            yield server.url, flood
        finally:
            flood.stop.set()
            flood.thread.join(timeout=30)


def test_a_person_gets_results_while_another_client_floods_the_server(flooded_kiosk, make_page):
    base, flood = flooded_kiosk
    page = open_kiosk(make_page, base)
    answer_by_tapping(page)
    expect(page.get_by_role("heading", name=RESULTS_HEADING)).to_be_visible()
    ready(page, BUSY)  # the results have finished drawing on a machine the flood keeps busy
    page.get_by_role("button", name="Start over", exact=True).last.click()
    clear = page.get_by_role("dialog").get_by_role("button", name="Clear my answers", exact=True)
    expect(clear).to_be_visible(timeout=BUSY)
    clear.click()
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible(timeout=BUSY)
    assert flood.sent > 0, "the flood never got going"
    assert flood.accepted <= 4 and flood.refused >= FLOOD_SOCKETS - 4, (flood.accepted, flood.refused)
