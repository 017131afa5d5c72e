"""The first screen: the language, who is reading, what this is in three short lines, and one big Start button."""

from __future__ import annotations

import streamlit as st

from ..shared import language, reader, state
from ..shared.knowledge_base import get_knowledge
from ..shared.text import t
from .notes import show_notes


def render() -> None:
    language.switch(big=True)
    language.draft_note(get_knowledge())
    reader.switch(big=True)  # one calm tap, before Start: for myself, or for someone I care for
    st.title(t("start.heading"), anchor=False)
    show_notes()
    with st.container(key="intro"):
        for line in t("start.lines"):
            st.markdown(line)
    st.button(t("start.button"), type="primary", width="stretch", key=state.key("start"),
              on_click=state.go, args=(state.STEPS[0],))
