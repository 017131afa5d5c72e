"""Kiosk idle reset: after a quiet spell, warn, then clear every answer for the next person.

Off unless ``EXPLAINER_IDLE_RESET_SECONDS`` is set (a shared tablet in a waiting room).
Runs on the server in a fragment; no JavaScript. The warning comes at least 30 seconds
before the reset, with a large button to carry on (WCAG 2.2.1).
"""

from __future__ import annotations

import os
import time

import streamlit as st

from . import state
from .text import t

IDLE_ENV = "EXPLAINER_IDLE_RESET_SECONDS"
WARN_BEFORE = 30


def limit() -> int:
    try:
        return max(60, int(os.environ.get(IDLE_ENV, "0"))) if os.environ.get(IDLE_ENV) else 0
    except ValueError:
        return 0


def action(idle_seconds: float, limit_seconds: int) -> str:
    """``"none"``, ``"warn"`` or ``"reset"`` for this much quiet time."""
    if not limit_seconds or idle_seconds < limit_seconds - WARN_BEFORE:
        return "none"
    return "reset" if idle_seconds >= limit_seconds else "warn"


def mark_active() -> None:
    st.session_state["last_active"] = time.monotonic()


def _still_here() -> None:
    mark_active()


def watch() -> None:
    """Start the watcher for this session (only when the kiosk setting is on)."""
    if limit():
        _watcher()


@st.fragment(run_every=5)
def _watcher() -> None:
    if state.step() == state.START and not st.session_state.get("notes"):
        return
    idle = time.monotonic() - st.session_state.get("last_active", time.monotonic())
    what = action(idle, limit())
    if what == "reset":
        state.start_over()
        st.rerun(scope="app")
    elif what == "warn":
        st.warning(t("idle.warning"), icon="⏳")
        if st.button(t("idle.still_here"), type="primary", width="stretch", key=state.key("still_here"),
                     on_click=_still_here):
            st.rerun(scope="app")
