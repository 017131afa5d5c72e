"""Page: the explainer flow (start, questions, results)."""

import streamlit as st

from components import questions, results, start, state
from components.knowledge_base import get_knowledge
from components.text import t

kb = get_knowledge()
if state.step() == state.RESULTS and state.needs_sex():
    state.go(state.STEPS[0])  # results never assume a sex: ask first
step = state.step()
if step == state.START:
    start.render()
else:
    if step == state.RESULTS:
        results.render(kb)
        st.button(t("app.start_over"), icon="🔄", key=state.key("start_over_bottom"), on_click=state.start_over)
    else:
        questions.render(kb)
