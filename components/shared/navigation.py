"""Moving around: the page links, a labelled Menu on narrow screens, and the phone's Back and Forward.

Streamlit's own page list sits fixed in the header, collapses on a phone to an unlabelled
button named in English, and lets a wider control cover a link. The app draws its own links
instead, in the page's flow (they wrap, nothing sits on top of them), in the chosen language:
a row of links on wider screens, and a "Menu" button that opens the same links on a phone.

Each question step is a browser history entry, so a phone's Back means the previous question
and Forward the next. The entry holds only the step's number and the session's generation
(never an answer) and the address does not change. A small script in the page (see
``navigation.js``) adds the entries; on Back or Forward it presses a hidden Back or Next
control, so the move goes through the same rules as the app's own buttons.
"""

from __future__ import annotations

import streamlit as st

from . import assets, state, style
from .text import t

ORDER = (state.START, *state.STEPS, state.RESULTS)


def _listed(pages: list) -> list:
    return [p for p in pages if p.visibility != "hidden"]


def links(pages: list) -> None:
    """The page links for wider screens, at the start of the top row (on a phone the Menu holds them).

    Words only, no icons: the row then stays one line on a tablet held sideways, so the first
    screen of results keeps its room.
    """
    with st.container(horizontal=True, key="pages", gap="small", width="content"):
        for page in _listed(pages):
            st.page_link(page, label=page.title, icon="")


def menu(pages: list, current) -> None:
    """The Menu button for narrow screens. Its key follows the page, so it closes after a choice."""
    with st.popover(t("menu.button"), key=f"menu_{current.url_path or 'home'}"):
        for page in _listed(pages):
            st.page_link(page, label=page.title, icon=page.icon, width="stretch")


def follow_history() -> None:
    """Install the history script once per page load (every run draws the same text, so it runs once)."""
    st.html(assets.script("shared/navigation.js"), unsafe_allow_javascript=True)


def step_marker() -> None:
    """On the explainer page: where the person is, and the hidden controls Back and Forward press."""
    step = state.step()
    with st.container(key="history"):
        style.hide_this_container("history", f'<div data-explainer-step="{ORDER.index(step)}" '
                                             f'data-explainer-gen="{int(st.session_state["generation"])}"></div>')
        st.button(t("steps.back"), key="history_back", on_click=_move, args=(-1,))
        st.button(t("steps.next"), key="history_forward", on_click=_move, args=(1,),
                  disabled=step == state.STEPS[0] and state.needs_sex())


def _move(delta: int) -> None:
    """One step back or forward, as the app's own Back and Next do; never past the first question unanswered."""
    i = ORDER.index(state.step()) + delta
    if 0 <= i < len(ORDER) and not (i > ORDER.index(state.STEPS[0]) and state.needs_sex()):
        state.go(ORDER[i])
