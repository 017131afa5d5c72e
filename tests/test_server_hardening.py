"""The hardened entry point (serve.py): security headers, host allow-list, no public metrics."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from .servers import streamlit_server


@pytest.fixture(scope="module")
def hardened():
    with streamlit_server("serve.py", env={"EXPLAINER_ALLOWED_HOSTS": "localhost,127.0.0.1"}) as server:
        yield server.url


def fetch(url: str, host: str | None = None):
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


@pytest.mark.parametrize("path", ["/", "/_stcore/health", "/_stcore/host-config"])
def test_every_response_carries_the_security_headers(hardened, path):
    status, headers, _ = fetch(hardened + path)
    assert status == 200
    csp = headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"):
        assert directive in csp
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"


def test_metrics_are_not_public(hardened):
    status, headers, _ = fetch(hardened + "/_stcore/metrics")
    assert status == 404
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_unknown_host_header_is_refused(hardened):
    status, _, _ = fetch(hardened + "/", host="evil.example")
    assert status == 400


def test_plain_streamlit_run_serves_metrics_so_the_block_is_real():
    """The control: without serve.py the metrics endpoint answers, so the 404 above is our doing."""
    with streamlit_server("streamlit_app.py") as server:
        status, headers, _ = fetch(server.url + "/_stcore/metrics")
    assert status == 200
    assert "Content-Security-Policy" not in headers


# --- websockets from other web pages ----------------------------------------------------------------

# Loaded into the server process (sitecustomize): every name lookup or connection to anything
# but this machine is written down and refused, so nothing can leave, and the test sees any try.
EGRESS_GUARD = '''
import os, socket
_LOG = os.environ["EXPLAINER_TEST_EGRESS_LOG"]
_LOCAL = ("localhost", "127.", "::1", "0.0.0.0")

def _outside(host):
    host = host.decode() if isinstance(host, bytes) else host
    return isinstance(host, str) and host != "" and not host.startswith(_LOCAL)

def _note(what):
    with open(_LOG, "a") as log:
        log.write(what + "\\n")

_getaddrinfo = socket.getaddrinfo
def getaddrinfo(host, *args, **kwargs):
    if _outside(host):
        _note(f"lookup {host}")
        raise socket.gaierror(socket.EAI_NONAME, "refused by the test")
    return _getaddrinfo(host, *args, **kwargs)
socket.getaddrinfo = getaddrinfo

_connect = socket.socket.connect
def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and _outside(address[0]):
        _note(f"connect {address[0]}")
        raise OSError("refused by the test")
    return _connect(self, address)
socket.socket.connect = connect
'''


@pytest.fixture
def guarded(tmp_path):
    """Server environment with the egress guard; yields (env, the guard's log)."""
    (tmp_path / "sitecustomize.py").write_text(EGRESS_GUARD)
    log = tmp_path / "egress.log"
    log.write_text("")
    return {"PYTHONPATH": str(tmp_path), "EXPLAINER_TEST_EGRESS_LOG": str(log),
            "EXPLAINER_ALLOWED_HOSTS": "localhost,127.0.0.1"}, log


def handshake(base: str, origin: str | None) -> int:
    """The HTTP status of a websocket handshake to the app's stream with this Origin (101: accepted)."""
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    url = base.replace("http://", "ws://") + "/_stcore/stream"
    try:
        with connect(url, origin=origin, subprotocols=["streamlit"], open_timeout=20):
            return 101
    except InvalidStatus as err:
        return err.response.status_code


FOREIGN_ORIGINS = ["http://evil.example", "https://127.0.0.1.evil.example", "null", "http://evil.example:8501"]


def test_websockets_from_other_origins_are_refused_without_any_lookup(guarded):
    env, log = guarded
    with streamlit_server("serve.py", env=env) as server:
        port = server.url.rsplit(":", 1)[1]
        for origin in FOREIGN_ORIGINS:
            assert handshake(server.url, origin) == 403, origin
        # The page's own origin, the other allowed name, and a client that sends no Origin.
        for origin in (server.url, f"http://localhost:{port}", None):
            assert handshake(server.url, origin) == 101, origin
        assert fetch(server.url + "/_stcore/health")[0] == 200
    assert log.read_text() == "", f"the server tried to leave the machine: {log.read_text()}"


def test_plain_streamlit_looks_up_its_address_for_a_foreign_origin_so_the_guard_is_real(guarded):
    """The control: without serve.py, Streamlit's own check tries a third-party lookup."""
    env, log = guarded
    with streamlit_server("streamlit_app.py", env=env) as server:
        assert handshake(server.url, "http://evil.example") == 403
    assert "checkip.amazonaws.com" in log.read_text()


# --- TLS, refusals, odd paths ---------------------------------------------------------------------

def test_the_host_refusal_carries_the_security_headers_too(hardened):
    status, headers, _ = fetch(hardened + "/", host="evil.example")
    assert status == 400
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_behind_tls_responses_carry_hsts_and_the_xsrf_cookie_is_secure(hardened):
    with urllib.request.urlopen(hardened + "/_stcore/health", timeout=10) as plain:  # sets the XSRF cookie
        assert "Strict-Transport-Security" not in plain.headers  # plain http: no HSTS
    request = urllib.request.Request(hardened + "/_stcore/health", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Strict-Transport-Security"].startswith("max-age=")
        cookies = response.headers.get_all("Set-Cookie") or []
    xsrf = [c for c in cookies if c.startswith("_streamlit_xsrf=")]
    assert xsrf and all("; Secure" in c for c in xsrf), cookies


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# Several parts, or one part that is no page of the app (an old teaching address, a typing slip).
@pytest.mark.parametrize("path", ["/.git/config", "/a/b", "/knowledge/content/meta.yaml", "/nothing-here",
                                  "/teaching_matrix", "/Glossary.php"])
def test_an_address_that_is_no_page_goes_to_the_start(hardened, path):
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as info:
        opener.open(hardened + path, timeout=10)
    assert info.value.code == 303 and info.value.headers["Location"] == "/"
    assert info.value.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/glossary", "/about/", "/subtypes", "/favicon.png", "/manifest.json"])
def test_the_pages_and_streamlits_own_files_are_served_as_they_are(hardened, path):
    status, _, _ = fetch(hardened + path)
    assert status == 200
