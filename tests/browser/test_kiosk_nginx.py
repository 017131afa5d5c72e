"""The documented reverse proxy (deploy/nginx.conf) in front of a running kiosk, driven by a real browser.

nginx runs unprivileged from a temporary prefix, in the foreground, on a free port, with
the repository's config file; only its two port numbers are rewritten.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_helpers import ready
from test_kiosk_browser import first_ready
from tests.servers import free_port, streamlit_server

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "nginx.conf"
ENV = {"EXPLAINER_MODE": "kiosk", "EXPLAINER_PUBLIC_URL": "https://explainer.clinic.example/",
       "PYTHONUNBUFFERED": "1"}


def _nginx() -> str:
    path = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None)
    if path:
        return path
    message = "nginx is not installed (apt-get install nginx-light); CI installs it in .ci/run"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


@pytest.fixture
def proxied_kiosk(tmp_path):
    """(nginx URL, nginx prefix, app log): the app on one port, nginx in front on another."""
    nginx = _nginx()
    app_log = tmp_path / "app.log"
    with streamlit_server("serve.py", env=ENV, log_path=app_log) as app:
        app_port = app.url.rsplit(":", 1)[1]
        port = free_port()
        config = CONFIG.read_text()
        config, listens = re.subn(r"listen \d+;", f"listen 127.0.0.1:{port};", config)
        config, upstreams = re.subn(r"server 127\.0\.0\.1:\d+;", f"server 127.0.0.1:{app_port};", config)
        assert listens == 1 and upstreams == 1, "deploy/nginx.conf changed shape; update this test"
        prefix = tmp_path / "nginx"
        for sub in ("logs", "temp"):
            (prefix / sub).mkdir(parents=True)
        os.chmod(prefix / "temp", 0o777)  # nginx workers drop root privileges when started as root
        conf = prefix / "nginx.conf"
        conf.write_text(config)
        check = subprocess.run([nginx, "-t", "-p", str(prefix), "-c", str(conf), "-e", "logs/error.log"],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        proc = subprocess.Popen([nginx, "-p", str(prefix), "-c", str(conf), "-e", "logs/error.log",
                                 "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 20
            while fetch_ok(base) is False:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.2)
            yield base, prefix, app_log
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def fetch_ok(base: str) -> bool:
    try:
        return fetch(base + "/_stcore/health")[0] == 200
    except OSError:
        return False


def test_a_tablet_session_works_through_nginx_and_no_log_holds_answers(proxied_kiosk, make_page):
    base, prefix, app_log = proxied_kiosk
    status, headers, _ = fetch(base + "/")
    assert status == 200
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]  # serve.py's headers pass through
    assert fetch(base + "/_stcore/metrics")[0] == 404

    page = make_page("tablet-landscape")
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.goto(base + "/?hr=positive&her2=low&site=bone&site=liver&sex=female")  # a share link, through the proxy
    first_ready(page)
    expect(page.get_by_role("heading", name="What this means for you")).to_be_visible()
    page.get_by_role("button", name="Change my answers").click()  # a tap: a rerun over the proxied websocket
    ready(page)
    expect(page.get_by_role("radio", name="A woman", exact=True)).to_be_checked()
    page.get_by_role("button", name="Start over", exact=True).first.click()
    page.get_by_role("dialog").get_by_role("button", name="Clear my answers", exact=True).click()
    ready(page)
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()

    assert sockets and all(url.startswith(base.replace("http", "ws")) for url in sockets), sockets
    access = (prefix / "logs" / "access.log").read_text()
    assert '"GET / ' in access  # the page came through the proxy (the socket is logged when it closes)
    logs = access + (prefix / "logs" / "error.log").read_text() + app_log.read_text()
    for answer in ("hr=", "her2=", "site=", "positive", "liver"):
        assert answer not in logs, f"a log holds an answer: {answer}"


def test_nginx_lets_one_device_hold_at_most_four_app_sockets(proxied_kiosk):
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    base, _, _ = proxied_kiosk
    url = base.replace("http://", "ws://") + "/_stcore/stream"
    held, refused = [], []
    try:
        for _ in range(6):
            try:
                held.append(connect(url, origin=base, subprotocols=["streamlit"], open_timeout=20))
            except InvalidStatus as err:
                refused.append(err.response.status_code)
    finally:
        for ws in held:
            ws.close()
    assert len(held) == 4 and refused == [429, 429], (len(held), refused)


def _connections_to(port: int) -> int:
    """Established TCP connections to a local port, from /proc/net/tcp (Linux)."""
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        if state == "01" and int(local.split(":")[1], 16) == port:
            count += 1
    return count


def test_two_replicas_a_stopped_one_leaves_the_tablet_on_a_clean_start_screen(tmp_path, make_page):
    """Two serve.py replicas behind deploy/nginx.conf (sticky by address); the one holding the
    tablet's session stops mid-session; the tablet reconnects to the other, with nothing kept."""
    nginx = _nginx()
    env = {**ENV, "STREAMLIT_SERVER_COOKIE_SECRET": "one-secret-shared-by-the-replicas"}  # docs/kiosk.md
    with streamlit_server("serve.py", env=env) as one, streamlit_server("serve.py", env=env) as two:
        ports = [int(one.url.rsplit(":", 1)[1]), int(two.url.rsplit(":", 1)[1])]
        port = free_port()
        config = CONFIG.read_text()
        config, listens = re.subn(r"listen \d+;", f"listen 127.0.0.1:{port};", config)
        config, upstreams = re.subn(r"server 127\.0\.0\.1:\d+;",
                                    f"server 127.0.0.1:{ports[0]};\n        server 127.0.0.1:{ports[1]};", config)
        assert listens == 1 and upstreams == 1, "deploy/nginx.conf changed shape; update this test"
        prefix = tmp_path / "nginx"
        for sub in ("logs", "temp"):
            (prefix / sub).mkdir(parents=True)
        os.chmod(prefix / "temp", 0o777)
        (prefix / "nginx.conf").write_text(config)
        proc = subprocess.Popen([nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", "logs/error.log",
                                 "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 20
            while fetch_ok(base) is False:
                assert proc.poll() is None and time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.2)
            page = make_page("tablet-landscape")
            page.goto(base + "/?hr=positive&her2=low&site=bone&site=liver&sex=female")
            first_ready(page)
            expect(page.get_by_role("heading", name="What this means for you")).to_be_visible()
            holding = [i for i, p in enumerate(ports) if _connections_to(p) > 0]
            assert len(holding) == 1, f"sticky sessions: the tablet should be on one replica, not {holding}"
            os.kill([one, two][holding[0]].pid, 15)  # that replica stops mid-session

            expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible(timeout=60_000)
            first_ready(page)
            text = page.evaluate("() => document.body.innerText")
            for words in ("What this means for you", "Hormone receptors: positive", "liver"):
                assert words not in text, f"the other replica shows {words!r} of the last session"
            other = ports[1 - holding[0]]
            assert _connections_to(other) > 0, "the tablet is now served by the other replica"
        finally:
            proc.terminate()
            proc.wait(timeout=10)
