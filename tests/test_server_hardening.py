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
