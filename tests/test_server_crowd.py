"""serve.py's limits for everyone at once: sessions, runs under way, and calm refusals.

These check behaviour, never timing: which connection is refused, what the busy page says,
that health is answered, that runs are taken in turn and none is lost.
"""

from __future__ import annotations

import ast
import contextlib
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from .servers import streamlit_server

ROOT = Path(__file__).resolve().parent.parent
QUERY = "hr=positive&her2=low&site=bone&site=liver&sex=female"
BUSY_WORDS = ("Many people are using this right now", "Please try again in a moment")


def fetch(url: str, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode("utf-8", "replace")


def open_socket(base: str, device: str):
    from websockets.sync.client import connect

    return connect(base.replace("http://", "ws://") + "/_stcore/stream", origin=base, subprotocols=["streamlit"],
                   open_timeout=20, max_size=None, additional_headers={"X-Real-IP": device})


def handshake_status(base: str, device: str) -> int:
    from websockets.exceptions import InvalidStatus

    try:
        with open_socket(base, device):
            return 101
    except InvalidStatus as err:
        return err.response.status_code


def rerun(ws, query: str = QUERY) -> None:
    message = BackMsg()
    message.rerun_script.query_string = query
    ws.send(message.SerializeToString())


def until_finished(ws) -> int:
    """Read until the run finishes; returns how many messages came."""
    count = 0
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(ws.recv(timeout=120))
        count += 1
        if forward.WhichOneof("type") == "script_finished" and (
                forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN):
            return count


@pytest.fixture(scope="module")
def three_sessions():
    env = {"EXPLAINER_MODE": "kiosk", "EXPLAINER_MAX_SESSIONS": "3", "PYTHONUNBUFFERED": "1"}
    log = ROOT / "test-artifacts" / "crowd-server.log"
    log.parent.mkdir(exist_ok=True)
    with streamlit_server("serve.py", env=env, log_path=log) as server:
        yield server.url, log


def test_the_fourth_session_is_refused_calmly_and_health_still_answers(three_sessions):
    base, log = three_sessions
    stack = contextlib.ExitStack()
    held = [stack.enter_context(open_socket(base, f"10.50.0.{i}")) for i in range(1, 4)]
    try:
        for ws in held:
            rerun(ws)
            until_finished(ws)
        assert handshake_status(base, "10.50.0.9") == 503
        status, headers, body = fetch(base + "/", {"Accept": "text/html", "X-Real-IP": "10.50.0.9"})
        assert status == 503
        assert headers["Retry-After"] == "10"
        for words in BUSY_WORDS:
            assert words in body
        assert "lang=\"es\"" in body and "Traceback" not in body
        assert headers["Content-Security-Policy"]  # the security headers are on the busy page too
        assert fetch(base + "/_stcore/health")[0] == 200  # probes are answered whatever the limits
        assert fetch(base + "/static/" + next(iter(_static_files())))[0] in (200, 304)  # the page's files too
    finally:
        stack.close()
    # A place comes free when a tab goes: the next device gets in.
    deadline = time.monotonic() + 30
    while handshake_status(base, "10.50.0.10") != 101:
        assert time.monotonic() < deadline, "no place came free after three tabs closed"
        time.sleep(0.5)
    status, _, body = fetch(base + "/", {"Accept": "text/html"})
    assert status == 200 and BUSY_WORDS[0] not in body
    assert "busy: 3 app sessions open" in log.read_text()


def _static_files() -> list[str]:
    import streamlit as st

    return sorted(p.name for p in (Path(st.__file__).parent / "static").iterdir() if p.is_file())


def test_the_busy_page_needs_nothing_from_anywhere():
    """Self-contained: no scripts, styles, pictures or fonts from any address, and it tries again by itself."""
    tree = ast.parse((ROOT / "serve.py").read_text())
    page = next(node.value.value for node in tree.body if isinstance(node, ast.Assign)
                and getattr(node.targets[0], "id", "") == "BUSY_PAGE")
    assert not re.search(r"(src|href)\s*=", page)
    assert "url(" not in page and "@import" not in page
    assert 'http-equiv="refresh"' in page
    assert '<html lang="en">' in page


@pytest.fixture(scope="module")
def one_run_at_a_time():
    env = {"EXPLAINER_MODE": "kiosk", "EXPLAINER_MAX_RERUNS_IN_FLIGHT": "1", "PYTHONUNBUFFERED": "1"}
    with streamlit_server("serve.py", env=env) as server:
        yield server.url


def test_with_one_run_at_a_time_every_run_is_still_served(one_run_at_a_time):
    base = one_run_at_a_time
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(open_socket(base, f"10.51.0.{i}")) for i in range(1, 6)]
        for ws in sockets:
            rerun(ws)
        for ws in sockets:
            assert until_finished(ws) > 10  # a whole results page, for each of them


def test_a_new_person_goes_before_a_crowd_that_keeps_asking(one_run_at_a_time):
    """Five devices ask for a page again the moment each one arrives; a sixth device that has had
    nothing yet is served next, not after a round of the crowd."""
    import threading

    base = one_run_at_a_time
    stack = contextlib.ExitStack()
    crowd = [stack.enter_context(open_socket(base, f"10.52.0.{i}")) for i in range(1, 6)]
    finished: list[tuple[str, float]] = []
    stop = threading.Event()

    def keep_asking(index: int, ws) -> None:
        try:
            while not stop.is_set():
                rerun(ws)
                until_finished(ws)
                finished.append((f"crowd{index}", time.monotonic()))
        except Exception:  # noqa: BLE001 - the socket closes at the end
            pass

    threads = [threading.Thread(target=keep_asking, args=(i, ws), daemon=True) for i, ws in enumerate(crowd)]
    for t in threads:
        t.start()
    try:
        while len(finished) < 10:  # the crowd is in full swing
            time.sleep(0.05)
        with open_socket(base, "10.52.0.99") as person:
            rerun(person, "hr=negative&her2=zero&site=lung&sex=female")
            asked = len(finished)
            until_finished(person)
            served_before = len(finished) - asked
    finally:
        stop.set()
        stack.close()
    # The run under way when the person asked, at most one let through before the person's request was
    # read, and one that finished just before the person asked but was counted just after. In turn
    # (first come, first served) the person would wait for all five.
    assert served_before <= 3, f"{served_before} crowd pages were drawn before the person's"


def test_defaults_are_the_same_in_code_docstring_and_readme():
    tree = ast.parse((ROOT / "serve.py").read_text())
    doc = ast.get_docstring(tree)
    defaults = next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                    and getattr(node.targets[0], "id", "") == "DEFAULTS")
    readme = (ROOT / "docs" / "kiosk.md").read_text()
    assert defaults["EXPLAINER_MAX_SOCKETS_PER_CLIENT"] == 4 and defaults["EXPLAINER_MAX_MESSAGES_PER_SECOND"] == 2
    for name, value in defaults.items():
        assert re.search(rf"``{name}``\s*\(default {value}\b", doc), f"the docstring does not give {name}'s default"
        assert re.search(rf"`{name}`\s*\|\s*`{value}`", readme), f"the operator guide's table does not give {name}'s default"


def test_trusted_proxies_may_be_networks():
    """Behind a Kubernetes ingress the proxy's address changes: a network such as the pod range is trusted whole."""
    import serve

    peers = serve.TrustedPeers(["127.0.0.1", "::1", "10.244.0.0/16", "fd00::/8", "not/a-network"])
    assert "127.0.0.1" in peers and "::1" in peers
    assert "10.244.3.4" in peers and "fd00::12" in peers
    assert "10.245.0.1" not in peers and "192.168.1.5" not in peers and "" not in peers and "host" not in peers
    scope = {"client": ("10.244.1.7", 50000), "headers": [(b"x-real-ip", b"192.168.40.12")]}
    assert serve._client_of(scope, peers) == "192.168.40.12"
    assert serve._client_of({**scope, "client": ("10.9.9.9", 1)}, peers) == "10.9.9.9"  # anyone else: its own address
