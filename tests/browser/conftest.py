"""Real-browser fixtures: a Streamlit server, an offline Chromium behind a refusing proxy.

Every page records requests to hosts other than localhost, and the browser's own proxy
refuses and records anything that tries to leave the machine; both must stay empty.
"""

from __future__ import annotations

import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.servers import free_port, streamlit_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SIZES = {"tablet-landscape": (1024, 768), "tablet-portrait": (768, 1024), "phone": (390, 844),
         "laptop": (1280, 800)}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
    "--gaia-url=http://127.0.0.1:9", "--component-updater=url-source=http://127.0.0.1:9",
    "--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,"
    "HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,"
    "AvoidCorsURLLoaderRestartOnRedirect,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,"
    "PreconnectToSearch,AutofillServerCommunication",
    "--proxy-bypass-list=localhost;127.0.0.1",
]


def _browser_path() -> str:
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    message = f"Chromium not found at {CHROMIUM}; install it (apt-get install chromium) or set CHROMIUM_PATH."
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)



class _Refuser(http.server.BaseHTTPRequestHandler):
    """A proxy that records and refuses every request: anything here tried to leave the machine."""

    seen: list[str] = []

    def _refuse(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        self.send_error(403, "refused by test proxy")

    do_GET = do_POST = do_PUT = do_HEAD = do_CONNECT = do_OPTIONS = do_DELETE = _refuse

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="session")
def refusing_proxy():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), _Refuser)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, _Refuser.seen
    server.shutdown()


@pytest.fixture(scope="session")
def app_server():
    """``streamlit run streamlit_app.py`` on a free port; yields (base URL, server log path)."""
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / "server.log"
    with streamlit_server(env={"PYTHONUNBUFFERED": "1"}, log_path=log_path) as server:
        yield server.url, log_path


@pytest.fixture(scope="session")
def browser(refusing_proxy):
    path = _browser_path()
    from playwright.sync_api import sync_playwright

    server, _ = refusing_proxy
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS,
                              proxy={"server": f"http://127.0.0.1:{server.server_port}"})
        yield b
        b.close()


@pytest.fixture
def outside_requests():
    return []


@pytest.fixture
def make_page(browser, outside_requests, refusing_proxy):
    """``make_page(size, touch, csp)``: a fresh page at one of SIZES that records every non-local request.

    ``touch`` emulates a touch screen, as on the kiosk tablet and a phone; ``csp=True`` keeps the
    server's content security policy in force (it is bypassed by default).
    """
    contexts = []

    def make(size: str = "tablet-landscape", touch: bool = False, csp: bool = False):
        width, height = SIZES[size]
        context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=not csp,
                                      color_scheme="light", locale="en-US", has_touch=touch)
        context.on("request", lambda req: urlsplit(req.url).hostname not in LOCAL_HOSTS
                   and urlsplit(req.url).scheme not in ("data", "blob", "about")
                   and outside_requests.append(req.url))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        return page

    yield make
    for context in contexts:
        context.close()
    _, proxied = refusing_proxy
    assert not outside_requests, f"requests left localhost: {outside_requests}"
    assert not proxied, f"requests reached the refusing proxy: {proxied}"
