"""Addresses the app never makes, at the HTTP level: over-long links, Streamlit's inner addresses opened as
pages, and the kiosk page's own first script. tests/browser/test_kiosk_addresses.py shows the same in Chromium."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request

import pytest

from .servers import streamlit_server

NAVIGATE = {"Accept": "text/html,application/xhtml+xml", "Sec-Fetch-Dest": "document", "Sec-Fetch-Mode": "navigate"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, headers: dict[str, str] | None = None):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def raw_get(base: str, target: str) -> bytes:
    """A GET of any length over a plain socket (urllib and http.client refuse very long lines themselves)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/html\r\n"
                     "Connection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return data


@pytest.fixture(scope="module")
def kiosk():
    with streamlit_server("serve.py", env={"EXPLAINER_MODE": "kiosk"}) as server:
        yield server.url


@pytest.fixture(scope="module")
def home():
    with streamlit_server("serve.py", env={"EXPLAINER_MODE": ""}) as server:
        yield server.url


@pytest.mark.parametrize("size", [20_000, 150_000, 600_000, 2_000_000])
def test_a_very_long_link_gets_the_page_that_clears_the_address(kiosk, size):
    answer = raw_get(kiosk, "/?hr=positive&her2=low&sex=female&z=" + "a" * size)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 414"), head[:200]
    assert b'location.replace("/?unreadable")' in body and b'history.replaceState(null, "", "/?unreadable")' in body
    assert b"positive" not in body and b"aaaa" not in body  # nothing of the address is written back
    assert b"content-security-policy" in head.lower()


def test_a_share_link_of_ordinary_length_is_the_app(kiosk):
    status, headers, body = fetch(kiosk + "/?hr=positive&her2=low&site=bone&sex=female", NAVIGATE)
    assert status == 200 and b"static/js" in body


@pytest.mark.parametrize("path", ["/_stcore/stream", "/_stcore/upload_file", "/_stcore/", "/media/", "/media/%00",
                                  "/media/..%2fserve.py", "/media/0123456789abcdef0123456789abcdef.html",
                                  "/index.html", "/app/static/x", "/component/x"])
def test_an_inner_address_opened_as_a_page_goes_to_the_start(kiosk, path):
    status, headers, _ = fetch(kiosk + path, NAVIGATE)
    assert (status, headers["Location"]) == (303, "/"), (path, status)


def test_health_and_the_pages_files_are_served_as_they_are(kiosk):
    assert fetch(kiosk + "/_stcore/health", NAVIGATE)[:1] == (200,)
    assert fetch(kiosk + "/_stcore/health")[2] == b"ok"
    assert fetch(kiosk + "/_stcore/stream")[0] != 303  # not a page being opened: Streamlit's own answer


def test_the_kiosk_page_forgets_a_link_before_anything_else_runs(kiosk):
    status, headers, body = fetch(kiosk + "/?hr=positive", NAVIGATE)
    assert status == 200
    assert headers["Cache-Control"] == "no-store"
    assert "ETag" not in headers
    head = body.split(b"<head>", 1)[1]
    assert head.startswith(b"<script>(function () {")  # first in the head: before Streamlit's own scripts
    assert b"explainerLinkSeen" in head.split(b"</script>", 1)[0]
    assert int(headers["Content-Length"]) == len(body)


def test_at_home_the_page_is_streamlits_own(home):
    status, headers, body = fetch(home + "/?hr=positive", NAVIGATE)
    assert status == 200
    assert b"explainerLinkSeen" not in body
