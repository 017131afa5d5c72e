"""Hardened entry point: the explainer behind security headers, a host allow-list and limits.

Start it with ``streamlit run serve.py`` (Streamlit finds the ``app`` object below and
serves it as an ASGI app) or with ``uvicorn serve:app``; ``make run`` (home use) and
``make kiosk`` both use it. ``streamlit run streamlit_app.py`` runs the same app without these
server-level protections (fine while developing).

Settings, all by environment variable (the defaults are :data:`DEFAULTS`; a missing, bad or
non-positive value falls back to its default):

* ``EXPLAINER_ALLOWED_HOSTS``: comma-separated host names the server answers to
  (default ``localhost,127.0.0.1``). Requests with any other ``Host`` header get 400,
  which stops DNS-rebinding and host-header tricks. Add the clinic's own name here.
* ``EXPLAINER_EXPOSE_METRICS=1``: serve Streamlit's ``/_stcore/metrics`` (blocked by default).
* ``EXPLAINER_MAX_SOCKETS_PER_CLIENT`` (default 4) and ``EXPLAINER_MAX_MESSAGES_PER_SECOND``
  (default 2, with bursts of three times that): per client, how many app sessions may be open
  at once and how fast their requests are taken (faster ones wait; nothing is queued here).
* ``EXPLAINER_MAX_SESSIONS`` (default 120) and ``EXPLAINER_MAX_RERUNS_IN_FLIGHT`` (default 3):
  for everyone at once, how many app sessions may be open and how many runs of the app may be
  under way. One more session is refused with a calm "busy, try again in a moment" page (a
  page load) or a 503 (a websocket); one more run waits its turn (see :class:`CrowdLimits`).
  The defaults suit one replica on two cores.
* ``EXPLAINER_TRUSTED_PROXIES`` (default ``127.0.0.1,::1``): peers, by address or network
  (``10.244.0.0/16``), whose ``X-Real-IP`` header names the client (the reverse proxy in
  deploy/nginx.conf sets it, and so does a Kubernetes ingress controller); anyone else is the client.
  Any process on the server machine itself is such a peer, so it can speak for many devices:
  that is how the proxy and the benchmarks work, and why the global limits exist.

A websocket whose ``Origin`` names any other host is refused here, before Streamlit sees
it: Streamlit's own check would look up the machine's public address at a third-party
site for such an origin, blocking the server for seconds each time. A websocket with no
``Origin`` (not a browser: browsers always send one) is let through, since such a client
could send any ``Origin`` it liked; the ``Host`` allow-list applies to it as to everything.

``/_stcore/health`` is always answered, whatever the limits: it is what probes and load
balancers ask.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import gc
import ipaddress
import itertools
import os
import sys
import time
from collections import Counter, deque
from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st
import uvicorn.protocols.http.h11_impl as _h11_impl
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from components import explainer, teaching
from components.shared import settings
from components.shared.operator_log import operator_log

log = operator_log("explainer.server")

# Every setting's default, in one place (the docstring above and docs/kiosk.md say the same; a test checks).
DEFAULTS = {
    "EXPLAINER_MAX_SOCKETS_PER_CLIENT": 4,
    "EXPLAINER_MAX_MESSAGES_PER_SECOND": 2,
    "EXPLAINER_MAX_SESSIONS": 120,
    "EXPLAINER_MAX_RERUNS_IN_FLIGHT": 3,
}

# The web server refuses a request line longer than this with a bare "400 Invalid HTTP request", and
# a browser then keeps the address, answers and all, in its address bar. Chromium sends addresses of
# up to 2 MB; every one of them reaches the app's own answer below (LongAddresses) instead.
MAX_REQUEST_HEAD_BYTES = 2 * 1024 * 1024 + 64 * 1024
_h11_impl.DEFAULT_MAX_INCOMPLETE_EVENT_SIZE = max(_h11_impl.DEFAULT_MAX_INCOMPLETE_EVENT_SIZE, MAX_REQUEST_HEAD_BYTES)
# A share link this app makes is a few hundred bytes. A query longer than this is no such link.
MAX_QUERY_BYTES = 16 * 1024

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
        self.trusted = TrustedPeers(trusted_proxies)
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


class TrustedPeers:
    """The peers whose ``X-Real-IP`` and ``X-Forwarded-Proto`` are believed: addresses, or networks such as
    ``10.244.0.0/16`` (a Kubernetes cluster's pod network, where the ingress controller's address changes)."""

    def __init__(self, entries: list[str]):
        self.addresses: set[str] = set()
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in entries:
            if "/" in entry:
                try:
                    self.networks.append(ipaddress.ip_network(entry, strict=False))
                    continue
                except ValueError:
                    log.warning("settings: EXPLAINER_TRUSTED_PROXIES: %r is not a network; ignored", entry)
                    continue
            self.addresses.add(entry)

    def __contains__(self, peer: object) -> bool:
        if not isinstance(peer, str) or not peer:
            return False
        if peer in self.addresses:
            return True
        if not self.networks:
            return False
        try:
            address = ipaddress.ip_address(peer)
        except ValueError:
            return False
        return any(address in network for network in self.networks)


def _header(scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value
    return None


def _navigation(scope) -> bool:
    """A browser opening a page (the address bar, a link, a reload), not a script fetching something."""
    dest = _header(scope, b"sec-fetch-dest")
    if dest is not None:
        return dest == b"document"
    return b"text/html" in (_header(scope, b"accept") or b"")


async def _send_page(send, status: int, body: str, extra: list[tuple[bytes, bytes]] = ()) -> None:
    data = body.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(data)).encode()),
                            (b"cache-control", b"no-store"), *extra]})
    await send({"type": "http.response.body", "body": data})


async def _redirect_home(send) -> None:
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", b"/"), (b"content-type", b"text/plain"), (b"content-length", b"6")]})
    await send({"type": "http.response.body", "body": b"See /\n"})


class _Quiet:
    """One calm log line per kind of event, at most every ``every`` seconds, with how many were not logged."""

    def __init__(self, every: float = 10.0):
        self.every = every
        self.last: dict[str, float] = {}
        self.skipped: Counter[str] = Counter()

    def say(self, kind: str, message: str, *args) -> None:
        now = time.monotonic()
        if now - self.last.get(kind, -self.every) < self.every:
            self.skipped[kind] += 1
            return
        self.last[kind] = now
        more = self.skipped.pop(kind, 0)
        log.warning(message + (f" ({more} more like this since the last line)" if more else ""), *args)


_quiet = _Quiet()


class QuietWebsocketEnds:
    """A websocket that ends badly (the device stopped reading, was let go, or vanished mid-send)
    is one calm line in the log, never an "Exception in ASGI application" traceback.

    Such an end is normal for a server on a network: nothing is lost (the session is closed as for
    any tab that goes) and there is nothing for an operator to do.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "websocket":
            return await self.app(scope, receive, send)
        try:
            await self.app(scope, receive, send)
        except (asyncio.CancelledError, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - the end of one connection, whatever the cause
            _quiet.say("ws-ended", "connection: an app connection ended abruptly (%s); its session is closed "
                       "as for a closed tab", type(exc).__name__)


class LongAddresses:
    """Addresses the app never makes, answered before Streamlit sees them.

    * A query string longer than :data:`MAX_QUERY_BYTES` (no share link is more than a few hundred
      bytes): a tiny page whose script replaces the address, so no answer stays in the address bar
      or the tab's history, then opens the app, which shows the gentle "some parts of the link could
      not be read" note. Without it such an address got the web server's bare error page (from
      about 100 KB) with the answers still in the address bar.
    * A browser opening one of Streamlit's own internal addresses as a page (``/_stcore/stream``,
      ``/_stcore/upload_file``, ``/index.html``...): the start screen (303 to ``/``) instead of a
      blank page or Streamlit's "Page not found" box. ``/_stcore/health`` is answered as always.
    * A browser opening a ``/media/`` address that is gone (a printout after Start over): the
      start screen too, instead of a blank "File not found".
    """

    INTERNAL = {"_stcore", "component", "app", "static"}
    HEALTH = {"/_stcore/health", "/healthz", "/_stcore/script-health-check"}

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            _quiet.say("long-query", "address: a query of %d bytes (no share link is that long) was answered with "
                       "the page that clears the address", len(scope["query_string"]))
            if scope["type"] == "websocket":
                return await send({"type": "websocket.close", "code": 1008})
            return await _send_page(send, 414, LONG_ADDRESS_PAGE)
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD") or not _navigation(scope):
            return await self.app(scope, receive, send)
        path = scope["path"]
        parts = [part for part in path.split("/") if part]
        if path == "/index.html" or (parts and parts[0] in self.INTERNAL and path.rstrip("/") not in self.HEALTH):
            return await _redirect_home(send)
        if parts and parts[0] == "media":
            return await self._media(scope, receive, send)
        return await self.app(scope, receive, send)

    async def _media(self, scope, receive, send):
        gone = False

        async def send_or_home(message):
            nonlocal gone
            if message["type"] == "http.response.start" and message["status"] >= 400:
                gone = True
                return await _redirect_home(send)
            if not gone:
                await send(message)

        return await self.app(scope, receive, send_or_home)


# Fixed text: nothing from the address is written into it.
LONG_ADDRESS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Treatments for breast cancer that has spread</title>
<script>history.replaceState(null, "", "/?unreadable"); location.replace("/?unreadable");</script>
<meta http-equiv="refresh" content="1; url=/?unreadable">
</head><body style="font: 1.25rem/1.5 system-ui, sans-serif; margin: 2rem;">
<p>Opening the explainer&hellip;</p><p lang="es">Abriendo la explicaci&oacute;n&hellip;</p>
<p lang="zh-Hans">正在打开&hellip;</p><p lang="vi">Đang mở trang giải thích&hellip;</p>
</body></html>
"""


# Runs first in the kiosk's page, before Streamlit's own code and before anything is drawn: a share
# link's entry in the tab's history is marked as seen the first time, and a seen one (Back, Forward
# or a reload into it, however quickly) loses its query before the app can read it, so the answers
# in it are read once only. A page the browser keeps in memory (back-forward cache) is opened afresh.
# Fixed text: nothing from the address is written into it, and the mark holds no answer.
KIOSK_HEAD_SCRIPT = b"""<script>(function () {
  try {
    var entry = history.state && typeof history.state === "object" ? history.state : {};
    if (location.search) {
      var marked = {};
      for (var key in entry) { marked[key] = entry[key]; }
      if (entry.explainerLinkSeen) {
        history.replaceState(marked, "", location.pathname + location.hash);
      } else {
        marked.explainerLinkSeen = true;
        history.replaceState(marked, "");
      }
    }
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) { location.replace(location.pathname); }
    });
  } catch (error) { /* a browser without history: nothing to forget */ }
})();</script>"""


class KioskPage:
    """On a kiosk, the app's page itself carries :data:`KIOSK_HEAD_SCRIPT` and is never stored by the browser.

    The app forgets a share link in its first run, but a Back pressed before that run (within
    a fraction of a second of opening the link) left the link's entry behind as a Forward entry
    that reopened the answers. The script in the page's head runs before the first paint.
    ``Cache-Control: no-store`` keeps the page out of the browser's caches and its back-forward cache.
    """

    def __init__(self, app, enabled: bool):
        self.app, self.enabled = app, enabled

    async def __call__(self, scope, receive, send):
        if not self.enabled or scope["type"] != "http" or scope.get("method") != "GET" or stray(scope["path"]) or any(
                part in STREAMLIT_ROUTES for part in scope["path"].split("/")):
            return await self.app(scope, receive, send)
        start: dict | None = None
        chunks: list[bytes] = []

        async def rewrite(message):
            nonlocal start
            if message["type"] == "http.response.start":
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                encoded = any(n.lower() == b"content-encoding" for n, _ in message.get("headers", []))
                if message["status"] != 200 or not content_type.startswith(b"text/html") or encoded:
                    return await send(message)
                start = message
                return None
            if start is None or message["type"] != "http.response.body":
                return await send(message)
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return None
            body = b"".join(chunks)
            head = body.find(b"<head>")
            if head >= 0:
                body = body[:head + 6] + KIOSK_HEAD_SCRIPT + body[head + 6:]
            drop = {b"content-length", b"etag", b"last-modified", b"cache-control"}
            headers = [(n, v) for n, v in start.get("headers", []) if n.lower() not in drop]
            headers += [(b"content-length", str(len(body)).encode()), (b"cache-control", b"no-store")]
            await send({**start, "headers": headers})
            return await send({"type": "http.response.body", "body": body})

        return await self.app(scope, receive, rewrite)


def _client_of(scope, trusted: TrustedPeers) -> str:
    """The device: its address, or the ``X-Real-IP`` that a trusted proxy on this machine sets."""
    peer = (scope.get("client") or ("", 0))[0]
    if peer in trusted:
        real = _header(scope, b"x-real-ip")
        if real is not None:
            return real.decode("latin-1").strip()
    return peer


BUSY_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="{retry}">
<title>Treatments for breast cancer that has spread</title>
<style>
body {{ font: 1.3rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; background: #fff;
  margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; }}
main {{ max-width: 36rem; padding: 2rem; }}
h1 {{ font-size: 1.8rem; color: #1d4f91; margin: 0 0 1rem; }}
p {{ margin: 0 0 1rem; }}
</style></head>
<body><main>
<h1>Many people are using this right now</h1>
<p>Please try again in a moment. This page will try again by itself.</p>
<div lang="es"><h1>Muchas personas lo est&aacute;n usando ahora</h1>
<p>Por favor, vuelva a intentarlo en un momento. Esta p&aacute;gina lo intentar&aacute; de nuevo sola.</p></div>
<div lang="zh-Hans"><h1>现在使用的人很多</h1>
<p>请稍后再试。这个页面会自己再试一次。</p></div>
<div lang="vi"><h1>Hiện có nhiều người đang dùng trang này</h1>
<p>Xin quý vị thử lại sau một chút. Trang này sẽ tự thử lại.</p></div>
</main></body></html>
"""


class _Socket:
    """What :class:`CrowdLimits` knows of one app connection."""

    __slots__ = ("who", "ahead", "stash", "sending_since", "running_until", "let_go")

    def __init__(self, who: str):
        self.who = who
        self.ahead: asyncio.Future | None = None  # the device's next message, being read
        self.stash: deque = deque()  # other messages read while a run waited, handed over after it
        self.sending_since: float | None = None  # a send to the device is under way since then
        self.running_until: float | None = None  # a run let through, its end not yet sent: counts until then
        self.let_go: asyncio.Future = asyncio.get_running_loop().create_future()  # set: its place is given up


class _Turn:
    __slots__ = ("socket", "weight", "order", "future")

    def __init__(self, socket: _Socket, weight: float, order: int, future: asyncio.Future):
        self.socket, self.weight, self.order, self.future = socket, weight, order, future


class CrowdLimits:
    """Limits for everyone at once, so that a crowd of devices cannot stall one replica.

    The per-device limits (:class:`ClientLimits`) stop one device. Many devices (each its own
    address behind the proxy) could still open hundreds of sessions and ask for hundreds of runs
    at once; each run is a thread drawing a page, and together they starved the server: health
    checks timed out, a person could not open the app, and memory grew by hundreds of MB.

    * **Sessions:** at most ``max_sessions`` app connections at once. One more page load gets
      :data:`BUSY_PAGE` (503, ``Retry-After``; it tries again by itself), one more websocket a 503,
      which Streamlit's page treats as a lost connection and retries. ``/_stcore/health`` and the
      page's own files are always served. At the cap, a connection that has not taken what was
      sent to it for :data:`LET_GO_AFTER` seconds gives its place to the new one.
    * **Runs:** at most ``max_running`` runs of the app (a tap, a page load, the kiosk's idle
      watcher) under way at once across all sessions, a run lasting until its last message has
      been handed to its connection; the next waits, unread by Streamlit, until one ends. What the
      same session sends while it waits is kept in order and handed over with it (Streamlit merges
      reruns asked for during a run, keeping every tap); a device that sends more than
      :data:`MAX_WAITING_MESSAGES` meanwhile is no person, and is let go.
    * **Whose turn:** the device that has had the least lately goes first (its runs in the last
      minute or so, a watcher tick counting a twentieth of a tap); among equals the latest asker,
      so that a person who taps now is not queued behind a crowd that asked earlier. A device that
      has not taken what was sent to it (a send under way for :data:`SLOW_READER` seconds) holds
      no run and gets none until it reads: nothing more is drawn for a device that does not read,
      and :class:`ClientLimits` lets it go after 20 seconds.
    """

    HALF_LIFE = 30.0  # seconds: how quickly a device's share of recent runs is forgiven
    FRAGMENT_WEIGHT = 0.05  # the idle watcher's tick, against a full page
    SLOW_READER = 1.0  # seconds a send may be under way before the device counts as not reading
    LET_GO_AFTER = 5.0  # seconds without reading before, at the session cap, a device gives its place up
    LONGEST_RUN = 30.0  # seconds after which a run whose end was never seen stops counting
    LONGEST_TICK = 2.0  # the same for the idle watcher's tick (Streamlit ignores a tick for a page gone)
    MAX_WAITING_MESSAGES = 200
    TICK = 0.05  # seconds between looks at the time-based rules while someone waits

    def __init__(self, app, max_sessions: int, max_running: int, trusted_proxies: list[str], retry_after: int = 10):
        self.app = app
        self.max_sessions, self.max_running, self.retry_after = max_sessions, max_running, retry_after
        self.trusted = TrustedPeers(trusted_proxies)
        self.open = 0
        self.sockets: set[_Socket] = set()
        self.waiting: list[_Turn] = []
        self.usage: dict[str, tuple[float, float]] = {}  # device -> (recent runs, when)
        self.order = itertools.count()
        self.scheduler: asyncio.Task | None = None
        self.wake: asyncio.Event | None = None
        self.busy_page = BUSY_PAGE.format(retry=retry_after)

    # --- page loads and new connections ---------------------------------------------------------

    def full(self) -> bool:
        return self.open >= self.max_sessions

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            if not self.room_soon() and scope.get("method") in ("GET", "HEAD") and self.is_page(scope["path"]):
                _quiet.say("busy-page", "busy: %d app sessions open (EXPLAINER_MAX_SESSIONS); a page load got the "
                           "busy page", self.open)
                return await _send_page(send, 503, self.busy_page, [(b"retry-after", str(self.retry_after).encode())])
            return await self.app(scope, receive, send)
        if scope["type"] != "websocket":
            return await self.app(scope, receive, send)
        if self.full() and self.let_one_go():
            deadline = time.monotonic() + 3  # its session ends within moments
            while self.full() and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
        if self.full():
            _quiet.say("busy-ws", "busy: %d app sessions open (EXPLAINER_MAX_SESSIONS); a new connection was "
                       "asked to try again later", self.open)
            return await self.refuse(scope, send)
        self.open += 1
        socket = _Socket(_client_of(scope, self.trusted))
        self.sockets.add(socket)

        async def gated_receive():
            return await self.receive(socket, receive)

        async def watched_send(message):
            data = message.get("bytes")
            if socket.running_until is not None and data is not None and len(data) <= 512 and _run_ended(data):
                socket.running_until = None
                self.nudge()
            socket.sending_since = time.monotonic()
            try:
                await send(message)
            finally:
                socket.sending_since = None

        try:
            await self.app(scope, gated_receive, watched_send)
        finally:
            self.open -= 1
            self.sockets.discard(socket)
            for turn in self.waiting:
                if turn.socket is socket and not turn.future.done():
                    turn.future.cancel()
            if socket.ahead is not None and not socket.ahead.done():
                socket.ahead.cancel()
            self.nudge()
            self.forget_old_usage()

    @staticmethod
    def is_page(path: str) -> bool:
        return not stray(path) and not any(part in STREAMLIT_ROUTES for part in path.split("/")) and (
            path.strip("/") not in STREAMLIT_FILES)

    async def refuse(self, scope, send) -> None:
        if "websocket.http.response" in scope.get("extensions", {}):
            body = self.busy_page.encode()
            await send({"type": "websocket.http.response.start", "status": 503,
                        "headers": [(b"content-type", b"text/html; charset=utf-8"),
                                    (b"content-length", str(len(body)).encode()),
                                    (b"retry-after", str(self.retry_after).encode())]})
            return await send({"type": "websocket.http.response.body", "body": body})
        return await send({"type": "websocket.close", "code": 1013})  # "try again later"

    def stuck(self, socket: _Socket, now: float, seconds: float) -> bool:
        return socket.sending_since is not None and now - socket.sending_since >= seconds

    def let_one_go(self) -> bool:
        """At the session cap: the connection that has not taken what was sent to it for the longest
        (at least :data:`LET_GO_AFTER` seconds) gives its place up. False if there is none."""
        now = time.monotonic()
        stuck = [s for s in self.sockets if not s.let_go.done() and self.stuck(s, now, self.LET_GO_AFTER)]
        if not stuck:
            return False
        oldest = min(stuck, key=lambda s: s.sending_since)
        oldest.let_go.set_result(None)
        _quiet.say("let-go", "busy: at %d app sessions a device that had not read for %.0f s gave its place to a "
                   "new one", self.open, now - oldest.sending_since)
        return True

    def room_soon(self) -> bool:
        """Whether a new session can have a place: one is free, or a device that stopped reading would give up its own."""
        now = time.monotonic()
        return not self.full() or any(not s.let_go.done() and self.stuck(s, now, self.LET_GO_AFTER)
                                      for s in self.sockets)

    # --- runs -----------------------------------------------------------------------------------

    async def receive(self, socket: _Socket, receive):
        if socket.stash:
            return socket.stash.popleft()
        message = await self.read(socket, receive)
        weight = self.run_weight(message)
        if weight is None:
            return message
        turn = self.ask(socket, weight)
        while not turn.future.done():
            newer = await self.read(socket, receive, until=turn.future)
            if newer is None:  # its turn came
                break
            if newer["type"] != "websocket.receive":  # the device went away, or was let go, while it waited
                turn.future.cancel()
                socket.stash.clear()
                return newer
            # Kept in order and handed over with the run when its turn comes: Streamlit merges reruns
            # asked for during a run itself, keeping every button press (dropping one would lose a tap).
            socket.stash.append(newer)
            turn.weight = max(turn.weight, self.run_weight(newer) or 0.0)
            if len(socket.stash) > self.MAX_WAITING_MESSAGES and not socket.let_go.done():
                socket.let_go.set_result(None)  # no person sends that many while waiting for one page
        return message

    @staticmethod
    async def read(socket: _Socket, receive, until: asyncio.Future | None = None):
        """The device's next message; None if ``until`` came first; a device let go reads as gone."""
        if socket.ahead is None:
            socket.ahead = asyncio.ensure_future(receive())
        await asyncio.wait({socket.ahead, socket.let_go, *([until] if until else [])},
                           return_when=asyncio.FIRST_COMPLETED)
        if socket.let_go.done():
            return {"type": "websocket.disconnect", "code": 1008}
        if socket.ahead.done():
            ahead, socket.ahead = socket.ahead, None
            return ahead.result()
        return None

    def run_weight(self, message) -> float | None:
        """How much of a run a message asks for: 1 for a full run, less for a fragment, None for no run."""
        if message.get("type") != "websocket.receive" or not message.get("bytes"):
            return None
        back = BackMsg()
        try:
            back.ParseFromString(message["bytes"])
        except Exception:  # noqa: BLE001 - Streamlit refuses it itself
            return None
        if back.WhichOneof("type") != "rerun_script":
            return None
        return self.FRAGMENT_WEIGHT if back.rerun_script.fragment_id else 1.0

    def ask(self, socket: _Socket, weight: float) -> _Turn:
        turn = _Turn(socket, weight, next(self.order), asyncio.get_running_loop().create_future())
        self.waiting.append(turn)
        if self.scheduler is None or self.scheduler.done():
            self.wake = asyncio.Event()
            self.scheduler = asyncio.ensure_future(self.schedule())
        self.nudge()
        return turn

    def nudge(self) -> None:
        if self.wake is not None:
            self.wake.set()

    def recent(self, who: str, now: float) -> float:
        value, then = self.usage.get(who, (0.0, now))
        return value * 0.5 ** ((now - then) / self.HALF_LIFE)

    def forget_old_usage(self) -> None:
        if len(self.usage) > 4 * self.max_sessions:
            now = time.monotonic()
            self.usage = {who: (self.recent(who, now), now) for who in self.usage if self.recent(who, now) > 0.01}

    def runs_under_way(self, now: float) -> int:
        """Runs let through whose last message has not gone out yet, not counting devices that do not read."""
        return sum(1 for s in self.sockets if s.running_until is not None and now < s.running_until
                   and not self.stuck(s, now, self.SLOW_READER))

    async def schedule(self) -> None:
        while True:
            self.wake.clear()
            self.waiting = [turn for turn in self.waiting if not turn.future.done()]
            if not self.waiting:
                return
            now = time.monotonic()
            free = self.max_running - self.runs_under_way(now)
            if free > 0:
                ready = [turn for turn in self.waiting if not self.stuck(turn.socket, now, self.SLOW_READER)]
                ready.sort(key=lambda turn: (self.recent(turn.socket.who, now), -turn.order))
                for turn in ready[:free]:
                    self.usage[turn.socket.who] = (self.recent(turn.socket.who, now) + turn.weight, now)
                    until = now + (self.LONGEST_RUN if turn.weight >= 1 else self.LONGEST_TICK)
                    turn.socket.running_until = max(turn.socket.running_until or 0.0, until)
                    turn.future.set_result(None)
            try:
                await asyncio.wait_for(self.wake.wait(), self.TICK)
            except asyncio.TimeoutError:
                pass


def _run_ended(data: bytes) -> bool:
    """Whether a message to the browser says a run has finished (and no other run follows at once)."""
    forward = ForwardMsg()
    try:
        forward.ParseFromString(data)
    except Exception:  # noqa: BLE001
        return False
    return forward.WhichOneof("type") == "script_finished" and (
        forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN)


class ClientLimits:
    """Per-client caps on the app's websockets, so that no client can stall the server for everyone.

    * At most ``max_sockets`` open at once per client; one more is refused (403) before it starts.
    * Requests are taken at ``rate`` a second per client (bursts of ``3 * rate``); a faster
      client waits, and since the server reads its next message only after taking this one,
      the wait pushes back on the client's own connection instead of piling up here.
    * A client that stops reading is let go: once one message to it has waited ``stall``
      seconds to be sent, its session ends, with what was queued for it.

    A tablet uses one socket and a request a second at most; these only ever touch a client
    that no person could be. A refused socket is one calm line in the log (at most one every
    ten seconds), never a line per socket.
    """

    def __init__(self, app, max_sockets: int, rate: float, trusted_proxies: list[str], stall: float = 20.0):
        self.app = app
        self.max_sockets, self.rate, self.burst, self.stall = max_sockets, rate, 3 * rate, stall
        self.trusted = TrustedPeers(trusted_proxies)
        self.open: Counter[str] = Counter()
        self.buckets: dict[str, tuple[float, float]] = {}  # client -> (requests it may send now, when)

    def client(self, scope) -> str:
        return _client_of(scope, self.trusted)

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
            _quiet.say("per-client", "busy: a device asked for more than %d app connections at once "
                       "(EXPLAINER_MAX_SOCKETS_PER_CLIENT); the extra one was refused", self.max_sockets)
            return await send({"type": "websocket.close", "code": 1008})  # HTTP 403 before the upgrade
        self.open[who] += 1
        stalled = asyncio.Event()
        gone = {"type": "websocket.disconnect", "code": 1008}

        async def limited_receive():
            incoming, stop = asyncio.ensure_future(receive()), asyncio.ensure_future(stalled.wait())
            try:
                await asyncio.wait({incoming, stop}, return_when=asyncio.FIRST_COMPLETED)
            finally:  # also when the wait itself is called off: no task is left behind
                stop.cancel()
                given_up = not incoming.done()
                if given_up:
                    incoming.cancel()
            if given_up:
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

    After a sweep that shut sessions down, the memory they held is given back to the system
    (a garbage collection, then the C library's ``malloc_trim``): after a crowd has gone, the
    server's memory comes back down instead of staying at its peak.
    """

    def __init__(self, app, grace: float = 10.0):
        self.app, self.grace = app, grace
        self.gone_since: dict[str, float] = {}
        self.last_release = -grace

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
        runtime, now, closed = Runtime.instance(), time.monotonic(), 0
        sessions = [info.session.id for info in runtime._session_mgr.list_sessions()]  # no public list; tested
        self.gone_since = {k: v for k, v in self.gone_since.items() if k in sessions}
        for session_id in sessions:
            if runtime.is_active_session(session_id):
                self.gone_since.pop(session_id, None)
            elif now - self.gone_since.setdefault(session_id, now) >= self.grace:
                runtime.close_session(session_id)
                del self.gone_since[session_id]
                closed += 1
        # A download is deleted on the second pass that finds it unused (the first only marks it).
        runtime.media_file_mgr.remove_orphaned_files()
        runtime.media_file_mgr.remove_orphaned_files()
        if closed and now - self.last_release >= self.grace:
            self.last_release = now
            give_memory_back()


_LIBC = ctypes.CDLL(ctypes.util.find_library("c") or None) if sys.platform.startswith("linux") else None


def give_memory_back() -> None:
    """Collect what closed sessions left, and hand freed memory back to the system where the C library can."""
    gc.collect()
    trim = getattr(_LIBC, "malloc_trim", None)
    if trim is not None:
        trim(0)


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


def setting(name: str) -> int | float:
    """A numeric setting from the environment, or its default (:data:`DEFAULTS`)."""
    default = DEFAULTS[name]
    value = _env_number(name, default)
    return int(value) if isinstance(default, int) else value


app = st.App(
    "streamlit_app.py",
    middleware=[
        Middleware(QuietWebsocketEnds),
        Middleware(SecurityHeaders, trusted_proxies=trusted_proxies(),
                   expose_metrics=os.environ.get("EXPLAINER_EXPOSE_METRICS") == "1"),
        Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts()),
        Middleware(LongAddresses),
        Middleware(KioskPage, enabled=settings.kiosk()),
        Middleware(WebsocketOrigin, allowed_hosts=allowed_hosts()),
        Middleware(ClientLimits, max_sockets=setting("EXPLAINER_MAX_SOCKETS_PER_CLIENT"),
                   rate=setting("EXPLAINER_MAX_MESSAGES_PER_SECOND"), trusted_proxies=trusted_proxies()),
        Middleware(CrowdLimits, max_sessions=setting("EXPLAINER_MAX_SESSIONS"),
                   max_running=setting("EXPLAINER_MAX_RERUNS_IN_FLIGHT"), trusted_proxies=trusted_proxies()),
        Middleware(ForgetClosedSessions),
    ],
)
