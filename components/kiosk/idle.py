"""Kiosk mode on a shared tablet: the idle reset with a warning, and Hide my screen.

Activity is what the person does in the browser: a tap, a scroll, a key press, a tab switch
(and anything that sends the page's ``explainer-activity`` event). A small script in the page
(``kiosk.js``) reports it at most once every few seconds by pressing a hidden button inside
the idle watcher, so only the watcher runs again; every full run of the app (a tap on a
control, a page load) counts too. The server keeps only the time of the last activity, in the
session, and never writes it anywhere. The watcher reruns every second and compares it with
now. After ``idle_seconds - warning_seconds`` of quiet time on anything other than the
untouched start screen, a warning counts down (30 seconds, 20 at the shortest idle time,
WCAG 2.2.1) in a modal: role alertdialog, focus on "I'm still here", the page behind inert,
the countdown announced politely every ten seconds. At ``idle_seconds`` every answer, the
widgets' values (a new generation), the text size and the language are cleared and the start
screen is shown.

"Hide my screen" (for when a name is called) covers the whole screen at once in the browser,
and the server draws its own cover with one button to come back; the idle time keeps running.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import streamlit as st

from ..shared import settings, state, style
from ..shared.text import t

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
/* The idle warning covers the screen: it cannot be missed, and it hides the answers behind it. */
.st-key-idle_warning { position: fixed; left: 50%; top: 50%; transform: translate(-50%, -50%); z-index: 1000001;
  width: min(40rem, 92vw); background: #fff8e1; border: 4px solid #8a5a00; border-radius: 14px;
  padding: 1.5rem 1.75rem; box-shadow: 0 0 0 100vmax rgba(20, 20, 20, .72); }
.st-key-idle_warning h2 { font-size: 2rem !important; }
.st-key-idle_warning p { font-size: 1.3rem !important; }
.st-key-idle_warning .st-key-idle_countdown p { font-size: 1.8rem !important; font-weight: 700; }
.st-key-idle_warning button { min-height: 64px !important; }
.st-key-idle_warning button p { font-size: 1.5rem !important; }
/* The countdown is announced every ten seconds from a line only screen readers get. */
.st-key-idle_announce { position: absolute !important; width: 1px !important; height: 1px !important; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
/* Hide my screen: the browser's own cover at once, then the server's cover with one way back. */
#explainer-cover, .st-key-hide_cover { position: fixed !important; inset: 0; z-index: 1000000; background: #12263f; }
.st-key-hide_cover { width: 100vw !important; height: 100vh; display: flex; flex-direction: column;
  justify-content: center; align-items: center; padding: 2rem; text-align: center; }
.st-key-hide_cover h2, .st-key-hide_cover p { color: #fff !important; }
.st-key-hide_cover h2 { font-size: 2rem !important; }
.st-key-hide_cover p { font-size: 1.3rem !important; }
.st-key-hide_cover button { min-height: 64px !important; background: #fff; color: #12263f; border: 3px solid #fff; }
.st-key-hide_cover button p { font-size: 1.5rem !important; color: #12263f !important; }
/* Printing a hidden screen (Ctrl+P, a tablet set up to print) prints the cover only: the answers are
   still in the page behind it. Under the browser's instant cover nothing of the app is printed; under
   the server's cover, only the cover and the containers that hold it. */
@media print {
  body:has(#explainer-cover) #root { display: none !important; }
  body:has(.st-key-hide_cover) [data-testid="stMain"] *:not(.st-key-hide_cover):not(.st-key-hide_cover *):not(:has(.st-key-hide_cover))
    { display: none !important; }
  body:has(.st-key-hide_cover) header, body:has(.st-key-hide_cover) [data-testid="stSidebar"] { display: none !important; }
  #explainer-cover, .st-key-hide_cover { position: static !important; }
  .st-key-hide_cover h2, .st-key-hide_cover p { color: #000 !important; }
}
</style>
"""


def action(quiet_seconds: float, limit_seconds: int, warning_seconds: int) -> str:
    """``"none"``, ``"warn"`` or ``"reset"`` after this much quiet time."""
    if quiet_seconds >= limit_seconds:
        return RESET
    return WARN if quiet_seconds >= limit_seconds - warning_seconds else NONE


def seconds_left(quiet_seconds: float, limit_seconds: int) -> int:
    return max(0, math.ceil(limit_seconds - quiet_seconds))


HIDDEN = "hide_screen"  # the person hid the screen; the idle time keeps running
ANNOUNCED = "idle_announced"  # the seconds last announced to screen readers
ANNOUNCE_EVERY = 10
SCRIPT = (Path(__file__).parent / "kiosk.js").read_text(encoding="utf-8")


def announced(left: int, said: int | None) -> int:
    """The seconds a screen reader hears: the first count, then every ten seconds, not every second."""
    return left if said is None or left <= said - ANNOUNCE_EVERY else said


def mark_active() -> None:
    """Called on every full run (a tap, a change or a page load) and on the page's activity reports."""
    st.session_state["last_active"] = time.monotonic()


def untouched(home: bool) -> bool:
    """The start screen exactly as the next person should find it."""
    ss = st.session_state
    return (home and ss.get("step", state.START) == state.START and not ss.get("notes") and not ss.get(HIDDEN)
            and ss.get("text_size") in (None, "normal") and ss.get("listen_speed") in (None, "normal")
            and ss.get("lang") in (None, "en"))


def hide_button() -> None:
    """Hide my screen, beside Start over (kiosk mode only), once there is something to hide."""
    if settings.kiosk():
        with st.container(key="kiosk_hide"):
            st.button(t("hide.button"), icon=":material/visibility_off:", key=state.key("hide"), on_click=_hide)


def _hide() -> None:
    st.session_state[HIDDEN] = True


def _show() -> None:
    st.session_state.pop(HIDDEN, None)


def watch(page, home_page) -> None:
    """In kiosk mode: the kiosk styles and script, the cover while hidden, and the idle watcher."""
    if not settings.kiosk():
        return
    st.session_state["kiosk_home"] = page.url_path == home_page.url_path  # read by the watcher on its own reruns
    st.html(KIOSK_CSS)
    st.html(f"<script>{SCRIPT}</script>", unsafe_allow_javascript=True)
    if st.session_state.get(HIDDEN):
        with st.container(key="hide_cover"):
            st.header(t("hide.heading"), anchor=False)
            with st.container(key="modal_text_hide"):
                st.markdown(t("hide.body"))
            st.button(t("hide.show"), type="primary", key=state.key("show"), on_click=_show)
    _watcher(home_page)


def reset_for_next_person() -> None:
    """Start over, and also forget the text size, language and reader the last person chose."""
    state.start_over(keep_settings=False)


@st.fragment(run_every=1)
def _watcher(home_page) -> None:
    with st.container(key="kiosk_activity"):  # pressed by the page script, never by a person
        style.hide_this_container("kiosk_activity")
        st.button(t("idle.still_here"), key="kiosk_activity_report", on_click=mark_active)
    if untouched(st.session_state.get("kiosk_home", True)):
        return
    limit, warning = settings.idle_seconds(), settings.warning_seconds()
    quiet = time.monotonic() - st.session_state.get("last_active", time.monotonic())
    what = action(quiet, limit, warning)
    if what == RESET:
        reset_for_next_person()
        st.switch_page(home_page)
    elif what == WARN:
        left = seconds_left(quiet, limit)
        said = st.session_state[ANNOUNCED] = announced(left, st.session_state.get(ANNOUNCED))
        with st.container(key="idle_warning"):
            st.header(t("idle.heading"), anchor=False)
            with st.container(key="modal_text_idle"):
                st.markdown(t("idle.warning"))
            with st.container(key="idle_countdown"):
                st.markdown(t("idle.countdown", n=left))
            with st.container(key="idle_announce"):
                st.markdown(t("idle.countdown", n=said))
            st.button(t("idle.still_here"), type="primary", width="stretch", key=state.key("still_here"),
                      on_click=mark_active)
    else:
        st.session_state.pop(ANNOUNCED, None)
