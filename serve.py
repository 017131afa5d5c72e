"""Hardened entry point: the explainer behind security headers and a host allow-list.

Start it with ``streamlit run serve.py`` (Streamlit finds the ``app`` object below and
serves it as an ASGI app) or with ``uvicorn serve:app``; ``make run`` (home use) and
``make kiosk`` both use it. ``streamlit run streamlit_app.py`` runs the same app without these
server-level protections (fine while developing).

Settings, all by environment variable:

* ``EXPLAINER_ALLOWED_HOSTS``: comma-separated host names the server answers to
  (default ``localhost,127.0.0.1``). Requests with any other ``Host`` header get 400,
  which stops DNS-rebinding and host-header tricks. Add the clinic's own name here.
* ``EXPLAINER_EXPOSE_METRICS=1``: serve Streamlit's ``/_stcore/metrics`` (blocked by default).
* ``EXPLAINER_MAX_SOCKETS_PER_CLIENT`` (default 8) and ``EXPLAINER_MAX_MESSAGES_PER_SECOND``
  (default 10, with bursts of three times that): per client, how many app sessions may be open
  at once and how fast their requests are taken (faster ones wait; nothing is queued here).
* ``EXPLAINER_TRUSTED_PROXIES`` (default ``127.0.0.1,::1``): peers whose ``X-Real-IP`` header
  names the client (the reverse proxy in deploy/nginx.conf sets it); anyone else is the client.

A websocket whose ``Origin`` names any other host is refused here, before Streamlit sees
it: Streamlit's own check would look up the machine's public address at a third-party
site for such an origin, blocking the server for seconds each time. A websocket with no
``Origin`` (not a browser: browsers always send one) is let through, since such a client
could send any ``Origin`` it liked; the ``Host`` allow-list applies to it as to everything.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from components import explainer, teaching
from components.shared import settings

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
# Streamlit's own routes. Any other address of more than one part (/a/b, /.git/config) would get
# the app's page, whose files then resolve against the wrong folder: a blank page. An address of
# one part that is not one of the app's pages (an old or mistyped link, or a teaching page on a
# kiosk) would get Streamlit's own "Page not found" box, in English and developer's words. Both
# go to the start screen instead.
STREAMLIT_ROUTES = {"_stcore", "static", "media", "component", "app"}
STREAMLIT_FILES = {path.name for path in (Path(st.__file__).parent / "static").iterdir()}


def page_paths() -> set[str]:
    """The addresses of the app's pages (the teaching pages only outside kiosk mode)."""
    teaching_pages = set() if settings.kiosk() else {url_path for *_, url_path in teaching.PAGES}
    return {explainer.GLOSSARY_PATH, explainer.ABOUT_PATH, *teaching_pages}


def stray(path: str) -> bool:
    parts = [part for part in path.split("/") if part]
    if STREAMLIT_ROUTES.intersection(parts):
        return False
    return len(parts) > 1 or (len(parts) == 1 and parts[0] not in page_paths() | STREAMLIT_FILES)


HSTS = (b"strict-transport-security", b"max-age=31536000")


class SecurityHeaders:
    """Adds the security headers to every HTTP response (the Host check's refusals included: it
    runs inside this), and hides paths that must not be public.

    Over TLS (the connection itself, or ``X-Forwarded-Proto: https`` from a trusted proxy) it
    adds HSTS and marks every cookie ``Secure`` (Streamlit's ``_streamlit_xsrf`` is not).
    """

    def __init__(self, app, trusted_proxies: list[str], expose_metrics: bool = False):
        self.app = app
        self.trusted = set(trusted_proxies)
        self.blocked = () if expose_metrics else BLOCKED_PATHS

    def over_tls(self, scope) -> bool:
        if scope.get("scheme") == "https":
            return True
        if (scope.get("client") or ("", 0))[0] not in self.trusted:
            return False
        return any(name == b"x-forwarded-proto" and value.strip().lower() == b"https"
                   for name, value in scope.get("headers", []))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = [*SECURITY_HEADERS, *([HSTS] if self.over_tls(scope) else [])]
        if scope["path"].rstrip("/") in self.blocked:
            await send({"type": "http.response.start", "status": 404,
                        "headers": [(b"content-type", b"text/plain"), *headers]})
            return await send({"type": "http.response.body", "body": b"Not found"})
        if stray(scope["path"]):
            await send({"type": "http.response.start", "status": 303,
                        "headers": [(b"location", b"/"), (b"content-type", b"text/plain"), *headers]})
            return await send({"type": "http.response.body", "body": b"See /"})

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                own = message.get("headers", [])
                if HSTS in headers:
                    own = [(n, v + b"; Secure") if n.lower() == b"set-cookie" and b"secure" not in v.lower() else (n, v)
                           for n, v in own]
                names = {name.lower() for name, _ in own}
                message["headers"] = [*own, *(h for h in headers if h[0] not in names)]
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


class ClientLimits:
    """Per-client caps on the app's websockets, so that no client can stall the server for everyone.

    * At most ``max_sockets`` open at once per client; one more is refused (403) before it starts.
    * Requests are taken at ``rate`` a second per client (bursts of ``3 * rate``); a faster
      client waits, and since the server reads its next message only after taking this one,
      the wait pushes back on the client's own connection instead of piling up here.
    * A client that stops reading is let go: once one message to it has waited ``stall``
      seconds to be sent, its session ends, with what was queued for it.

    A tablet uses one socket and a request a second at most; these only ever touch a client
    that no person could be.
    """

    def __init__(self, app, max_sockets: int, rate: float, trusted_proxies: list[str], stall: float = 20.0):
        self.app = app
        self.max_sockets, self.rate, self.burst, self.stall = max_sockets, rate, 3 * rate, stall
        self.trusted = set(trusted_proxies)
        self.open: Counter[str] = Counter()
        self.buckets: dict[str, tuple[float, float]] = {}  # client -> (requests it may send now, when)

    def client(self, scope) -> str:
        peer = (scope.get("client") or ("", 0))[0]
        if peer in self.trusted:
            for name, value in scope.get("headers", []):
                if name == b"x-real-ip":
                    return value.decode("latin-1").strip()
        return peer

    async def take_turn(self, who: str) -> None:
        while True:
            now = time.monotonic()
            tokens, then = self.buckets.get(who, (self.burst, now))
            tokens = min(self.burst, tokens + (now - then) * self.rate)
            if tokens >= 1:
                self.buckets[who] = (tokens - 1, now)
                return
            self.buckets[who] = (tokens, now)
            await asyncio.sleep((1 - tokens) / self.rate)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "websocket":
            return await self.app(scope, receive, send)
        who = self.client(scope)
        if self.open[who] >= self.max_sockets:
            return await send({"type": "websocket.close", "code": 1008})  # HTTP 403 before the upgrade
        self.open[who] += 1
        stalled = asyncio.Event()
        gone = {"type": "websocket.disconnect", "code": 1008}

        async def limited_receive():
            incoming, stop = asyncio.ensure_future(receive()), asyncio.ensure_future(stalled.wait())
            await asyncio.wait({incoming, stop}, return_when=asyncio.FIRST_COMPLETED)
            stop.cancel()
            if not incoming.done():
                incoming.cancel()
                return gone
            message = incoming.result()
            if message["type"] == "websocket.receive":
                await self.take_turn(who)
            return message

        async def watched_send(message):
            timer = asyncio.get_running_loop().call_later(self.stall, stalled.set)
            try:
                await send(message)
            finally:
                timer.cancel()

        try:
            await self.app(scope, limited_receive, watched_send)
        finally:
            self.open[who] -= 1
            if not self.open[who]:
                del self.open[who]
            if len(self.buckets) > 10_000:  # forget clients whose allowance has long been full again
                now = time.monotonic()
                self.buckets = {k: v for k, v in self.buckets.items() if v[0] + (now - v[1]) * self.rate < self.burst}


class ForgetClosedSessions:
    """Shuts down a session soon after its tab has gone, and drops the files it served.

    Streamlit keeps a disconnected session (answers included) for a reconnect, and lets
    its expiry wait until something else happens on the server; a printout it served stays
    downloadable by address until then. Here every socket that ends starts two sweeps,
    ``grace`` and ``2 * grace`` seconds later: a session found without a socket in two sweeps
    ``grace`` apart is shut down, and the files no session uses any more are deleted. A tablet
    that comes back within ``grace`` seconds (a reload, a short Wi-Fi drop) keeps its session.
    """

    def __init__(self, app, grace: float = 10.0):
        self.app, self.grace = app, grace
        self.gone_since: dict[str, float] = {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "websocket":
            return await self.app(scope, receive, send)
        try:
            return await self.app(scope, receive, send)
        finally:
            loop = asyncio.get_running_loop()
            loop.call_later(self.grace, self.sweep)
            loop.call_later(2 * self.grace + 1, self.sweep)

    def sweep(self) -> None:
        from streamlit.runtime import Runtime

        if not Runtime.exists():
            return
        runtime, now = Runtime.instance(), time.monotonic()
        sessions = [info.session.id for info in runtime._session_mgr.list_sessions()]  # no public list; tested
        self.gone_since = {k: v for k, v in self.gone_since.items() if k in sessions}
        for session_id in sessions:
            if runtime.is_active_session(session_id):
                self.gone_since.pop(session_id, None)
            elif now - self.gone_since.setdefault(session_id, now) >= self.grace:
                runtime.close_session(session_id)
                del self.gone_since[session_id]
        # A download is deleted on the second pass that finds it unused (the first only marks it).
        runtime.media_file_mgr.remove_orphaned_files()
        runtime.media_file_mgr.remove_orphaned_files()


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def trusted_proxies() -> list[str]:
    return _env_list("EXPLAINER_TRUSTED_PROXIES", "127.0.0.1,::1")


def allowed_hosts() -> list[str]:
    return _env_list("EXPLAINER_ALLOWED_HOSTS", "localhost,127.0.0.1")


app = st.App(
    "streamlit_app.py",
    middleware=[
        Middleware(SecurityHeaders, trusted_proxies=trusted_proxies(),
                   expose_metrics=os.environ.get("EXPLAINER_EXPOSE_METRICS") == "1"),
        Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts()),
        Middleware(WebsocketOrigin, allowed_hosts=allowed_hosts()),
        Middleware(ClientLimits, max_sockets=int(_env_number("EXPLAINER_MAX_SOCKETS_PER_CLIENT", 4)),
                   rate=_env_number("EXPLAINER_MAX_MESSAGES_PER_SECOND", 2), trusted_proxies=trusted_proxies()),
        Middleware(ForgetClosedSessions),
    ],
)
