"""Hardened entry point: the explainer behind security headers and a host allow-list.

Start it with ``streamlit run serve.py`` (Streamlit finds the ``app`` object below and
serves it as an ASGI app) or with ``uvicorn serve:app``. ``streamlit run streamlit_app.py``
runs the same app without these server-level protections (fine on a developer machine).

Settings, all by environment variable:

* ``EXPLAINER_ALLOWED_HOSTS``: comma-separated host names the server answers to
  (default ``localhost,127.0.0.1``). Requests with any other ``Host`` header get 400,
  which stops DNS-rebinding and host-header tricks. Add the clinic's own name here.
* ``EXPLAINER_EXPOSE_METRICS=1``: serve Streamlit's ``/_stcore/metrics`` (blocked by default).

A websocket whose ``Origin`` names any other host is refused here, before Streamlit sees
it: Streamlit's own check would look up the machine's public address at a third-party
site for such an origin, blocking the server for seconds each time. A websocket with no
``Origin`` (not a browser: browsers always send one) is let through, since such a client
could send any ``Origin`` it liked; the ``Host`` allow-list applies to it as to everything.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

# Streamlit's front end needs inline scripts and styles; everything else is same-origin only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
BLOCKED_PATHS = ("/_stcore/metrics",)


class SecurityHeaders:
    """Adds the security headers to every HTTP response, and hides paths that must not be public."""

    def __init__(self, app, expose_metrics: bool = False):
        self.app = app
        self.blocked = () if expose_metrics else BLOCKED_PATHS

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if scope["path"].rstrip("/") in self.blocked:
            await send({"type": "http.response.start", "status": 404,
                        "headers": [(b"content-type", b"text/plain"), *SECURITY_HEADERS]})
            return await send({"type": "http.response.body", "body": b"Not found"})

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


class WebsocketOrigin:
    """Refuses websockets from a web page on any host but the allowed ones, before Streamlit sees them.

    The scheme may be http or https and the port any (the Host allow-list ignores ports too,
    so the same names work directly and behind a proxy on 443). An allowed ``Origin`` is then
    taken out of the request: this check has decided, and Streamlit, seeing none, makes no
    lookup of its own.
    """

    def __init__(self, app, allowed_hosts: list[str]):
        self.app = app
        self.allowed = {host.lower() for host in allowed_hosts}

    def origin_allowed(self, origin: str) -> bool:
        try:
            parts = urlsplit(origin)
            return parts.scheme in ("http", "https") and (parts.hostname or "") in self.allowed and (
                parts.port is None or parts.port > 0)
        except ValueError:  # a malformed port or address
            return False

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":
            headers = scope.get("headers", [])
            origins = [value for name, value in headers if name == b"origin"]
            if origins:
                if len(origins) > 1 or not self.origin_allowed(origins[0].decode("latin-1")):
                    return await send({"type": "websocket.close", "code": 1008})  # HTTP 403 before the upgrade
                scope = {**scope, "headers": [(n, v) for n, v in headers if n != b"origin"]}
        return await self.app(scope, receive, send)


def allowed_hosts() -> list[str]:
    raw = os.environ.get("EXPLAINER_ALLOWED_HOSTS", "localhost,127.0.0.1")
    return [h.strip() for h in raw.split(",") if h.strip()]


app = st.App(
    "streamlit_app.py",
    middleware=[
        Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts()),
        Middleware(WebsocketOrigin, allowed_hosts=allowed_hosts()),
        Middleware(SecurityHeaders, expose_metrics=os.environ.get("EXPLAINER_EXPOSE_METRICS") == "1"),
    ],
)
