"""Kiosk mode on a shared tablet: idle reset with a warning, and a Start over button on every screen.

Everything runs on the server (no JavaScript): each full run of the app is a tap or a page
load and records the time; a fragment that reruns every second compares it with now. After
``idle_seconds - warning_seconds`` of quiet time on anything other than the untouched start
screen, a large warning counts down (at least 20 seconds, WCAG 2.2.1) with an "I'm still
here" button; at ``idle_seconds`` every answer, the widgets' values (a new generation) and
the text size are cleared and the start screen is shown.
"""

from __future__ import annotations

import math
import time

import streamlit as st

from . import settings, state
from .text import t

NONE, WARN, RESET = "none", "warn", "reset"

# Fixed text written here; nothing from answers or links goes in.
KIOSK_CSS = """
<style>
/* No toolbar actions or menu on a shared tablet (the page links stay). */
[data-testid="stToolbarActions"], [data-testid="stMainMenu"], [data-testid="stAppDeployButton"],
[data-testid="stStatusWidget"] { display: none !important; }
/* While the server is unreachable, do not leave the last person's answers on the screen: every
   descendant too, since Streamlit's text containers set their own visibility. */
[data-testid="stApp"]:not([data-test-connection-state="CONNECTED"]) [data-testid="stMain"],
[data-testid="stApp"]:not([data-test-connection-state="CONNECTED"]) [data-testid="stMain"] *
  { visibility: hidden !important; }
/* Start over stays in reach on every screen: top right, in the header beside the page links. */
.st-key-kiosk_bar { position: fixed; right: 1rem; top: 0.4rem; z-index: 999991; width: auto !important; }
.st-key-kiosk_bar button { background: #fff; border: 2px solid #1d4f91; }
/* The floating Start over replaces the page's own ones. */
[class*="st-key-start_over_top"], [class*="st-key-start_over_bottom"] { display: none !important; }
/* The idle warning covers the screen: it cannot be missed, and it hides the answers behind it. */
.st-key-idle_warning { position: fixed; left: 50%; top: 50%; transform: translate(-50%, -50%); z-index: 1000001;
  width: min(40rem, 92vw); background: #fff8e1; border: 4px solid #8a5a00; border-radius: 14px;
  padding: 1.5rem 1.75rem; box-shadow: 0 0 0 100vmax rgba(20, 20, 20, .72); }
.st-key-idle_warning h2 { font-size: 2rem !important; }
.st-key-idle_warning p { font-size: 1.3rem !important; }
.st-key-idle_warning .st-key-idle_countdown p { font-size: 1.8rem !important; font-weight: 700; }
.st-key-idle_warning button { min-height: 64px !important; }
.st-key-idle_warning button p { font-size: 1.5rem !important; }
</style>
"""


def action(quiet_seconds: float, limit_seconds: int, warning_seconds: int) -> str:
    """``"none"``, ``"warn"`` or ``"reset"`` after this much quiet time."""
    if quiet_seconds >= limit_seconds:
        return RESET
    return WARN if quiet_seconds >= limit_seconds - warning_seconds else NONE


def seconds_left(quiet_seconds: float, limit_seconds: int) -> int:
    return max(0, math.ceil(limit_seconds - quiet_seconds))


def mark_active() -> None:
    """Called on every full run: a tap, a change or a page load."""
    st.session_state["last_active"] = time.monotonic()


def untouched(home: bool) -> bool:
    """The start screen exactly as the next person should find it."""
    ss = st.session_state
    return (home and ss.get("step", state.START) == state.START and not ss.get("notes")
            and ss.get(state.key("text_size")) in (None, "normal") and ss.get("lang") in (None, "en"))


def watch(page, home_page) -> None:
    """In kiosk mode: the kiosk styles, Start over on every screen and the idle watcher."""
    if not settings.kiosk():
        return
    home = page.url_path == home_page.url_path
    if st.session_state.pop("kiosk_go_home", False) and not home:
        st.switch_page(home_page)
    st.session_state["kiosk_home"] = home  # read by the watcher on its own reruns
    st.html(KIOSK_CSS)
    with st.container(key="kiosk_bar"):
        st.button(t("app.start_over"), icon="🔄", key=state.key("kiosk_start_over"), on_click=_start_over,
                  help=t("app.start_over_help"))
    _watcher(home_page)


def _start_over() -> None:
    reset_for_next_person()
    st.session_state["kiosk_go_home"] = True


def reset_for_next_person() -> None:
    """Start over, and also forget the text size and language the last person chose."""
    state.start_over(keep_language=False)


@st.fragment(run_every=1)
def _watcher(home_page) -> None:
    if untouched(st.session_state.get("kiosk_home", True)):
        return
    limit, warning = settings.idle_seconds(), settings.warning_seconds()
    quiet = time.monotonic() - st.session_state.get("last_active", time.monotonic())
    what = action(quiet, limit, warning)
    if what == RESET:
        reset_for_next_person()
        st.switch_page(home_page)
    elif what == WARN:
        with st.container(key="idle_warning"):
            st.header(t("idle.heading"), anchor=False)
            st.markdown(t("idle.warning"))
            with st.container(key="idle_countdown"):
                st.markdown(t("idle.countdown", n=seconds_left(quiet, limit)))
            st.button(t("idle.still_here"), type="primary", width="stretch", key=state.key("still_here"),
                      on_click=mark_active)
