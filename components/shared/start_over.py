"""Start over: asked first, because one tap must never clear a person's answers by mistake.

"Start again? This clears your answers." with "Clear my answers" and "Go back". Confirmed, it
clears every answer and note; the same person keeps the text size and language. Only the
kiosk's idle reset for the next person goes back to the defaults (components/kiosk/idle.py).
"""

from __future__ import annotations

import streamlit as st

from . import state
from .text import t

ASKING = "start_over_asking"  # the question is open
GO_HOME = "start_over_go_home"  # confirmed on another page: show the start screen


def button(name: str) -> None:
    """A Start over button; it opens the question, it clears nothing by itself."""
    st.button(t("app.start_over"), icon="🔄", key=state.key(name), on_click=_ask, help=t("app.start_over_help"))


def _ask() -> None:
    st.session_state[ASKING] = True


def _cancel() -> None:
    st.session_state.pop(ASKING, None)


def _clear() -> None:
    state.start_over()
    st.session_state[GO_HOME] = True


def confirm(page, home) -> None:
    """The question while it is asked; after a confirmed Start over elsewhere, the start screen."""
    if st.session_state.pop(GO_HOME, False) and page.url_path != home.url_path:
        st.switch_page(home)
    if st.session_state.get(ASKING):
        st.dialog(t("start_over.title"), on_dismiss=_cancel)(_question)()


def _question() -> None:
    if not st.session_state.get(ASKING):  # answered: a full run closes the question
        st.rerun()
    st.markdown(t("start_over.body"))
    with st.container(horizontal=True, key="start_over_choice", gap="small"):
        st.button(t("start_over.clear"), type="primary", key="start_over_clear", on_click=_clear)
        st.button(t("start_over.back"), key="start_over_back", on_click=_cancel)
